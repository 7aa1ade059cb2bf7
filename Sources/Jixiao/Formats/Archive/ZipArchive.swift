/// A ZIP archive read from bytes in memory or from a file a range at a time (`ZipSource`; PKWARE APPNOTE 6.3): the end record (after an optional
/// comment), the central directory, ZIP64 end records and extra fields, local headers; entries stored
/// or deflated, each checked against its CRC-32. Opening the archive checks its structure and limits;
/// reading an entry inflates and checks it.
///
/// Refused when opened, with the file and entry named: no end record (not a ZIP, or cut short), an
/// archive split over several disks, a directory outside the file, more entries or larger declared
/// sizes than `Limits` allows, an entry that compresses past the ratio limit, an unsafe or duplicate
/// name, a local header that disagrees with the directory, entries that overlap (the trick that lets
/// a small archive inflate the same bytes many times). Refused when read: encryption, a method other
/// than stored or deflated, data that does not inflate to its declared size, a CRC mismatch.
public struct ZipArchive: Sendable {
  public let file: String
  /// In central-directory order.
  public let entries: [Entry]
  public let limits: Limits
  private let source: ZipSource
  private let index: [String: Int]

  public init(bytes: [UInt8], file: String, limits: Limits = .standard) throws(InputError) {
    try self.init(source: ZipSource(bytes: bytes), file: file, limits: limits)
  }

  /// The end records, the directory and the local headers are read from `source` now; an entry's data
  /// when it is read.
  public init(source: ZipSource, file: String, limits: Limits = .standard) throws(InputError) {
    self.source = source
    self.file = file
    self.limits = limits
    var reader = DirectoryReader(source: source, file: file, limits: limits)
    entries = try reader.readEntries()
    var index: [String: Int] = [:]
    for (position, entry) in entries.enumerated() {
      guard index.updateValue(position, forKey: entry.name) == nil else {
        throw InputError(
          SourceLocation(file: file, field: entry.name),
          Message(en: "two entries have this name: the archive is ambiguous", zh: "有两个条目同名：压缩包有歧义"))
      }
    }
    self.index = index
  }

  /// The entry with exactly this name, or else the only one equal to it ignoring ASCII case (OOXML
  /// part names are case-insensitive); a leading `/` (a part name as relationships write it) is ignored.
  public func entry(named name: String) -> Entry? {
    let relative = name.hasPrefix("/") ? String(name.dropFirst()) : name
    if let position = index[relative] { return entries[position] }
    let folded = relative.lowercased()
    let matches = entries.filter { $0.name.lowercased() == folded }
    return matches.count == 1 ? matches[0] : nil
  }

  /// The entry's bytes, inflated and checked against its size and CRC-32.
  public func contents(of entry: Entry) throws(InputError) -> [UInt8] {
    let location = SourceLocation(file: file, field: entry.name)
    guard !entry.isEncrypted else {
      throw InputError(
        location, Message(en: "the entry is encrypted; save the file again without a password", zh: "该条目已加密；请不设密码重新保存文件"))
    }
    let output: [UInt8]
    switch entry.method {
    case 0:
      guard entry.compressedSize == entry.uncompressedSize else {
        throw InputError(
          location,
          Message(
            en:
              "the entry is stored uncompressed but declares \(entry.compressedSize) bytes stored and \(entry.uncompressedSize) bytes of content",
            zh: "该条目未压缩存储，却声明存储 \(entry.compressedSize) 字节、内容 \(entry.uncompressedSize) 字节"))
      }
      output = try source.bytes(in: entry.dataRange)
    case 8:
      output = try source.withBytes(in: entry.dataRange) { compressed throws(InputError) in
        do throws(InflateError) {
          return try Inflate.decompress(compressed, limit: entry.uncompressedSize, expectedSize: entry.uncompressedSize)
        } catch {
          if case .outputLimitExceeded = error.reason {
            throw InputError(
              location,
              Message(
                en: "the entry inflates to more than the \(entry.uncompressedSize) bytes it declares",
                zh: "该条目解压后超过其声明的 \(entry.uncompressedSize) 字节"))
          }
          throw InputError(
            location,
            Message(en: "the entry's compressed data is damaged: ", zh: "该条目的压缩数据已损坏：") + error.message)
        }
      }
      guard output.count == entry.uncompressedSize else {
        throw InputError(
          location,
          Message(
            en: "the entry inflates to \(output.count) bytes, not the \(entry.uncompressedSize) bytes it declares",
            zh: "该条目解压后为 \(output.count) 字节，不是其声明的 \(entry.uncompressedSize) 字节"))
      }
    default:
      throw InputError(
        location,
        Message(
          en:
            "the entry is compressed with method \(entry.method) (\(Self.methodName(entry.method).english)); only stored (0) and deflated (8) are read: save the file again from Excel, WPS or LibreOffice",
          zh:
            "该条目用压缩方法 \(entry.method)（\(Self.methodName(entry.method).chinese)）压缩；只读取未压缩（0）和 deflate（8）：请用 Excel、WPS 或 LibreOffice 重新保存文件"
        ))
    }
    let checksum = CRC32.checksum(output)
    guard checksum == entry.crc32 else {
      throw InputError(
        location,
        Message(
          en: "the entry fails its CRC-32 check (\(Self.hex(checksum)), expected \(Self.hex(entry.crc32))): the file is damaged",
          zh: "该条目未通过 CRC-32 校验（\(Self.hex(checksum))，应为 \(Self.hex(entry.crc32))）：文件已损坏"))
    }
    return output
  }

  /// The named entry's bytes; an error naming the entry when there is none.
  public func contents(named name: String) throws(InputError) -> [UInt8] {
    guard let entry = entry(named: name) else {
      throw InputError(
        SourceLocation(file: file, field: name), Message(en: "the archive has no entry of this name", zh: "压缩包中没有此名称的条目"))
    }
    return try contents(of: entry)
  }

  static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
  }

  private static func methodName(_ method: UInt16) -> Message {
    switch method {
    case 1...7: Message(en: "a legacy method", zh: "旧式方法")
    case 9: Message(verbatim: "Deflate64")
    case 12: Message(verbatim: "bzip2")
    case 14: Message(verbatim: "LZMA")
    case 93: Message(verbatim: "Zstandard")
    case 95: Message(verbatim: "XZ")
    case 99: Message(en: "AES encryption", zh: "AES 加密")
    default: Message(en: "unknown", zh: "未知")
    }
  }
}

/// Reads and checks the end records, the central directory and the local headers, each read from the
/// source into `window` when its turn comes (offsets are the file's).
private struct DirectoryReader {
  let source: ZipSource
  let file: String
  let limits: ZipArchive.Limits
  private var window = Window(bytes: [], start: 0)

  init(source: ZipSource, file: String, limits: ZipArchive.Limits) {
    self.source = source
    self.file = file
    self.limits = limits
  }

  /// Bytes of the archive from `start`, read by the file's offsets.
  private struct Window {
    let bytes: [UInt8]
    let start: Int

    init(bytes: [UInt8], start: Int) {
      self.bytes = bytes
      self.start = start
    }

    init(_ source: ZipSource, _ range: Range<Int>) throws(InputError) {
      self.init(bytes: try source.bytes(in: range), start: range.lowerBound)
    }

    func u16(_ offset: Int) -> UInt16 { UInt16(bytes[offset - start]) | UInt16(bytes[offset - start + 1]) << 8 }
    func u32(_ offset: Int) -> UInt32 { UInt32(u16(offset)) | UInt32(u16(offset + 2)) << 16 }
    func u64(_ offset: Int) -> UInt64 { UInt64(u32(offset)) | UInt64(u32(offset + 4)) << 32 }
    subscript(range: Range<Int>) -> ArraySlice<UInt8> { bytes[range.lowerBound - start..<range.upperBound - start] }
  }

  private static let endSignature: UInt32 = 0x0605_4B50
  private static let zip64EndSignature: UInt32 = 0x0606_4B50
  private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
  private static let centralSignature: UInt32 = 0x0201_4B50
  private static let localSignature: UInt32 = 0x0403_4B50

  private static let splitArchive = Message(
    en: "the archive is split over several disks (volumes); join it into one file first", zh: "压缩包分成了多个分卷；请先合并为一个文件")

  private func failure(_ message: Message, entry: String? = nil) -> InputError {
    InputError(SourceLocation(file: file, field: entry), message)
  }

  private func u16(_ offset: Int) -> UInt16 { window.u16(offset) }
  private func u32(_ offset: Int) -> UInt32 { window.u32(offset) }
  private func u64(_ offset: Int) -> UInt64 { window.u64(offset) }

  /// The directory's layout from the end record (and the ZIP64 end record when there is one).
  private struct Directory {
    var entryCount: UInt64
    var offset: UInt64
    var size: UInt64
    /// Where the end records begin: the directory must end before it.
    var end: Int
  }

  mutating func readEntries() throws(InputError) -> [ZipArchive.Entry] {
    let directory = try findDirectory()
    guard directory.entryCount <= UInt64(limits.maximumEntries) else {
      throw failure(
        Message(
          en: "the archive has \(directory.entryCount) entries, more than the \(limits.maximumEntries) allowed",
          zh: "压缩包有 \(directory.entryCount) 个条目，超过允许的 \(limits.maximumEntries) 个"))
    }
    guard directory.offset <= UInt64(directory.end), directory.size <= UInt64(directory.end) - directory.offset else {
      throw failure(
        Message(
          en: "the central directory lies outside the file: the archive is damaged or has data before it",
          zh: "中央目录位于文件之外：压缩包已损坏，或其前面有其他数据"))
    }
    window = try Window(source, Int(directory.offset)..<Int(directory.offset + directory.size))
    var entries: [ZipArchive.Entry] = []
    entries.reserveCapacity(Int(directory.entryCount))
    var position = Int(directory.offset)
    let directoryEnd = position + Int(directory.size)
    var totalBytes: UInt64 = 0
    for number in 0..<Int(directory.entryCount) {
      let entry = try readCentralEntry(
        at: &position, end: directoryEnd, number: number + 1, directoryStart: Int(directory.offset))
      totalBytes += UInt64(entry.uncompressedSize)
      guard totalBytes <= UInt64(limits.maximumTotalBytes) else {
        throw failure(
          Message(
            en: "the entries declare more than \(limits.maximumTotalBytes) bytes in all, beyond the limit for one archive",
            zh: "各条目声明的总字节数超过 \(limits.maximumTotalBytes)，超出单个压缩包的上限"),
          entry: entry.name)
      }
      entries.append(entry)
    }
    try checkNoOverlap(entries)
    return entries
  }

  private mutating func findDirectory() throws(InputError) -> Directory {
    // The end record is 22 bytes and a comment of up to 65,535; the one whose comment reaches exactly
    // to the end of the file is the one.
    let count = source.count
    guard count >= 22 else {
      throw failure(
        Message(
          en: "the file is too short to be a ZIP archive (an .xlsx or .docx is one)",
          zh: "文件太短，不是 ZIP 压缩包（.xlsx 和 .docx 都是 ZIP 压缩包）"))
    }
    var candidate = count - 22
    let lowest = max(0, count - 22 - 0xFFFF)
    // The end record with its longest comment, and the ZIP64 locator before it.
    window = try Window(source, max(0, lowest - 20)..<count)
    var endRecord: Int?
    while candidate >= lowest {
      if window.bytes[candidate - window.start] == 0x50, u32(candidate) == Self.endSignature,
        candidate + 22 + Int(u16(candidate + 20)) == count
      {
        endRecord = candidate
        break
      }
      candidate -= 1
    }
    guard let end = endRecord else {
      if count >= 4, try Window(source, 0..<4).u32(0) == Self.localSignature {
        throw failure(
          Message(
            en: "the archive has no end record: it was cut short (copy or download it again)",
            zh: "压缩包没有结束记录：文件被截断（请重新复制或下载）"))
      }
      throw failure(
        Message(
          en: "the file is not a ZIP archive (an .xlsx or .docx is one): it has no end-of-directory record",
          zh: "该文件不是 ZIP 压缩包（.xlsx 和 .docx 都是 ZIP 压缩包）：没有目录结束记录"))
    }
    let disk = u16(end + 4)
    let directoryDisk = u16(end + 6)
    let entriesHere = u16(end + 8)
    var directory = Directory(
      entryCount: UInt64(u16(end + 10)), offset: UInt64(u32(end + 16)), size: UInt64(u32(end + 12)), end: end)
    guard disk == 0 || disk == 0xFFFF, directoryDisk == 0 || directoryDisk == 0xFFFF,
      entriesHere == u16(end + 10)
    else {
      throw failure(Self.splitArchive)
    }

    let hasLocator = end >= 20 && u32(end - 20) == Self.zip64LocatorSignature
    let marksZip64 =
      directory.entryCount == 0xFFFF || directory.offset == 0xFFFF_FFFF || directory.size == 0xFFFF_FFFF
      || disk == 0xFFFF
    guard hasLocator else {
      if marksZip64 {
        throw failure(
          Message(
            en: "the end record points to a ZIP64 end record that is missing: the archive is damaged",
            zh: "结束记录指向的 ZIP64 结束记录不存在：压缩包已损坏"))
      }
      return directory
    }
    let locator = end - 20
    let recordOffset = u64(locator + 8)
    guard u32(locator + 4) == 0, u32(locator + 16) <= 1 else {
      throw failure(Self.splitArchive)
    }
    func misplaced() -> InputError {
      failure(
        Message(
          en: "the ZIP64 end record is not where its locator says: the archive is damaged", zh: "ZIP64 结束记录不在其定位记录所指的位置：压缩包已损坏"))
    }
    guard locator >= 56, recordOffset <= UInt64(locator - 56) else { throw misplaced() }
    let record = Int(recordOffset)
    window = try Window(source, record..<record + 56)
    guard u32(record) == Self.zip64EndSignature else { throw misplaced() }
    guard u32(record + 16) == 0, u32(record + 20) == 0, u64(record + 24) == u64(record + 32) else {
      throw failure(Self.splitArchive)
    }
    directory.entryCount = u64(record + 32)
    directory.size = u64(record + 40)
    directory.offset = u64(record + 48)
    directory.end = record
    return directory
  }

  private func readCentralEntry(at position: inout Int, end: Int, number: Int, directoryStart: Int)
    throws(InputError) -> ZipArchive.Entry
  {
    guard position + 46 <= end, u32(position) == Self.centralSignature else {
      throw failure(
        Message(
          en: "the central directory ends before entry \(number) of the number it declares: the archive is damaged",
          zh: "中央目录在其声明的第 \(number) 个条目之前结束：压缩包已损坏"))
    }
    let flags = u16(position + 8)
    let method = u16(position + 10)
    let crc = u32(position + 16)
    var compressedSize = UInt64(u32(position + 20))
    var uncompressedSize = UInt64(u32(position + 24))
    let nameLength = Int(u16(position + 28))
    let extraLength = Int(u16(position + 30))
    let commentLength = Int(u16(position + 32))
    let startDisk = u16(position + 34)
    var headerOffset = UInt64(u32(position + 42))
    let nameStart = position + 46
    let next = nameStart + nameLength + extraLength + commentLength
    guard next <= end else {
      throw failure(
        Message(
          en: "the central directory ends inside entry \(number): the archive is damaged", zh: "中央目录在第 \(number) 个条目中间结束：压缩包已损坏"))
    }
    let nameBytes = window[nameStart..<nameStart + nameLength]
    let name = try entryName(nameBytes, number: number)

    // ZIP64: the 64-bit values of the fields that hold all ones, in this order.
    if compressedSize == 0xFFFF_FFFF || uncompressedSize == 0xFFFF_FFFF || headerOffset == 0xFFFF_FFFF {
      guard let extra = extraField(0x0001, in: nameStart + nameLength, length: extraLength) else {
        throw failure(
          Message(
            en: "the entry marks ZIP64 sizes but has no ZIP64 extra field: the archive is damaged",
            zh: "该条目标明使用 ZIP64 大小，却没有 ZIP64 扩展字段：压缩包已损坏"),
          entry: name)
      }
      var cursor = extra.lowerBound
      func next64() throws(InputError) -> UInt64 {
        guard cursor + 8 <= extra.upperBound else {
          throw failure(
            Message(en: "the entry's ZIP64 extra field is too short: the archive is damaged", zh: "该条目的 ZIP64 扩展字段太短：压缩包已损坏"),
            entry: name)
        }
        defer { cursor += 8 }
        return u64(cursor)
      }
      if uncompressedSize == 0xFFFF_FFFF { uncompressedSize = try next64() }
      if compressedSize == 0xFFFF_FFFF { compressedSize = try next64() }
      if headerOffset == 0xFFFF_FFFF { headerOffset = try next64() }
    }
    guard startDisk == 0 || startDisk == 0xFFFF else {
      throw failure(Self.splitArchive, entry: name)
    }
    guard uncompressedSize <= UInt64(limits.maximumEntryBytes) else {
      throw failure(
        Message(
          en: "the entry declares \(uncompressedSize) bytes, more than the \(limits.maximumEntryBytes) allowed for one entry",
          zh: "该条目声明 \(uncompressedSize) 字节，超过单个条目允许的 \(limits.maximumEntryBytes) 字节"),
        entry: name)
    }
    guard headerOffset < UInt64(directoryStart), compressedSize <= UInt64(directoryStart) else {
      throw failure(
        Message(en: "the entry's data lies outside the archive: the archive is damaged", zh: "该条目的数据位于压缩包之外：压缩包已损坏"),
        entry: name)
    }
    // Stored data is as long as its content; only compressed data can be a bomb.
    let allowed = compressedSize.multipliedReportingOverflow(by: UInt64(max(0, limits.maximumCompressionRatio)))
    if method != 0, uncompressedSize > UInt64(max(0, limits.ratioGraceBytes)), !allowed.overflow,
      uncompressedSize > allowed.partialValue
    {
      throw failure(
        Message(
          en:
            "the entry inflates \(compressedSize) bytes to \(uncompressedSize), more than \(limits.maximumCompressionRatio) times: refused as a compression bomb",
          zh: "该条目由 \(compressedSize) 字节解压为 \(uncompressedSize) 字节，超过 \(limits.maximumCompressionRatio) 倍：视为压缩炸弹而拒绝"
        ),
        entry: name)
    }
    let dataRange = try localData(
      at: Int(headerOffset), nameBytes: nameBytes, method: method, compressedSize: Int(compressedSize),
      directoryStart: directoryStart, name: name)
    position = next
    return ZipArchive.Entry(
      name: name, method: method, flags: flags, crc32: crc, compressedSize: Int(compressedSize),
      uncompressedSize: Int(uncompressedSize), headerOffset: Int(headerOffset), dataRange: dataRange)
  }

  /// The range of an extra field's data with this id, among the extra fields at `start`.
  private func extraField(_ id: UInt16, in start: Int, length: Int) -> Range<Int>? {
    var cursor = start
    let end = start + length
    while cursor + 4 <= end {
      let size = Int(u16(cursor + 2))
      guard cursor + 4 + size <= end else { return nil }
      if u16(cursor) == id { return cursor + 4..<cursor + 4 + size }
      cursor += 4 + size
    }
    return nil
  }

  /// A name that is a safe relative path: valid UTF-8, no control characters, no backslash, no drive
  /// or leading `/`, no empty, `.` or `..` component (only a directory's trailing `/` may end it).
  private func entryName(_ raw: ArraySlice<UInt8>, number: Int) throws(InputError) -> String {
    guard raw.count <= limits.maximumNameBytes else {
      throw failure(
        Message(
          en: "entry \(number) has a name of \(raw.count) bytes, more than the \(limits.maximumNameBytes) allowed",
          zh: "第 \(number) 个条目的名称长 \(raw.count) 字节，超过允许的 \(limits.maximumNameBytes) 字节"))
    }
    guard let name = String(validating: raw, as: UTF8.self) else {
      throw failure(
        Message(
          en: "entry \(number) has a name that is not UTF-8; save the file again from Excel, WPS or LibreOffice",
          zh: "第 \(number) 个条目的名称不是 UTF-8；请用 Excel、WPS 或 LibreOffice 重新保存文件"))
    }
    guard ZipArchive.Entry.isSafeName(name) else {
      throw failure(
        Message(
          en:
            "entry \(number) has the name \"\(name.unicodeScalars.map { $0.escaped(asASCII: false) }.joined())\", which is not a safe relative path: refused",
          zh:
            "第 \(number) 个条目的名称 \"\(name.unicodeScalars.map { $0.escaped(asASCII: false) }.joined())\" 不是安全的相对路径：拒绝读取"
        ))
    }
    return name
  }

  /// Checks the local header against the directory and returns where the entry's data lies.
  private func localData(
    at offset: Int, nameBytes: ArraySlice<UInt8>, method: UInt16, compressedSize: Int, directoryStart: Int,
    name: String
  ) throws(InputError) -> Range<Int> {
    func missing() -> InputError {
      failure(
        Message(
          en: "the entry's local header is missing where the directory says: the archive is damaged",
          zh: "目录所指的位置没有该条目的本地文件头：压缩包已损坏"),
        entry: name)
    }
    guard offset + 30 <= directoryStart else { throw missing() }
    // The fixed fields and, when the header agrees with the directory, the name: no more may be read.
    let header = try Window(source, offset..<min(directoryStart, offset + 30 + nameBytes.count))
    guard header.u32(offset) == Self.localSignature else { throw missing() }
    let nameLength = Int(header.u16(offset + 26))
    let extraLength = Int(header.u16(offset + 28))
    let dataStart = offset + 30 + nameLength + extraLength
    guard dataStart <= directoryStart, compressedSize <= directoryStart - dataStart else {
      throw failure(
        Message(en: "the entry's data runs into the central directory: the archive is damaged", zh: "该条目的数据延伸进中央目录：压缩包已损坏"),
        entry: name)
    }
    guard nameLength == nameBytes.count, header[offset + 30..<offset + 30 + nameLength].elementsEqual(nameBytes),
      header.u16(offset + 8) == method
    else {
      throw failure(
        Message(
          en:
            "the entry's local header disagrees with the central directory on its name or method: the archive is damaged or forged",
          zh: "该条目的本地文件头与中央目录的名称或压缩方法不一致：压缩包已损坏或被伪造"),
        entry: name)
    }
    return dataStart..<dataStart + compressedSize
  }

  /// Entries may not share bytes: each local header and its data must end before the next begins.
  private func checkNoOverlap(_ entries: [ZipArchive.Entry]) throws(InputError) {
    let ordered = entries.sorted { $0.headerOffset < $1.headerOffset }
    for (earlier, later) in zip(ordered, ordered.dropFirst()) where earlier.dataRange.upperBound > later.headerOffset {
      throw failure(
        Message(
          en:
            "the entry overlaps \"\(later.name)\" (bytes \(later.headerOffset)–\(earlier.dataRange.upperBound)): refused as a compression bomb",
          zh: "该条目与 \"\(later.name)\" 重叠（字节 \(later.headerOffset)–\(earlier.dataRange.upperBound)）：视为压缩炸弹而拒绝"),

        entry: earlier.name)
    }
  }
}
