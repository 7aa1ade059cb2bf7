/// Writes a ZIP archive in memory (PKWARE APPNOTE 6.3) as an .xlsx or .docx package needs it: entries
/// by name and bytes, in the order added, each stored or deflated (`Deflate`, kept only when it is
/// smaller), with its CRC-32, its name in UTF-8 (general-purpose bit 11 set), local headers and a
/// central directory that agree, and no ZIP64: what does not fit the 32-bit fields is refused with a
/// `ZipWriter.Failure` instead of being written wrong.
///
/// Every entry carries the same timestamp (1980-01-01 00:00, the earliest DOS date), so the same entries
/// always give the same bytes.
///
/// ```swift
/// var writer = ZipWriter()
/// try writer.add("[Content_Types].xml", contentTypes)
/// try writer.add("xl/workbook.xml", workbook)
/// let xlsx = try writer.finish()
/// ```
public struct ZipWriter: Sendable {
  public enum Method: Sendable, Hashable {
    /// Kept as they are (method 0).
    case stored
    /// DEFLATE (method 8) when that is smaller, else stored.
    case deflated
  }

  /// Why an entry or the archive cannot be written.
  public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The entry concerned; nil for the archive as a whole.
    public var entry: String?
    public var message: Message

    /// `entry: message` in `language`; the message alone for the archive as a whole.
    public func text(_ language: Language) -> String {
      entry.map { "\($0): \(message.text(language))" } ?? message.text(language)
    }

    public var description: String { text(.english) }
  }

  /// The largest entry, offset or directory the 32-bit fields hold (all ones would announce ZIP64);
  /// lowered only by tests, which cannot afford 4 GiB.
  var maximumSize = 0xFFFF_FFFE
  /// Entries the 16-bit count holds (all ones would announce ZIP64).
  var maximumEntries = 0xFFFE

  private static func needsZip64(_ maximumSize: Int) -> Message {
    Message(
      en: "the archive would pass \(maximumSize) bytes, which needs ZIP64", zh: "压缩包将超过 \(maximumSize) 字节，这需要 ZIP64")
  }

  private var output: [UInt8] = []
  private var directory: [UInt8] = []
  private var names: Set<String> = []
  private var finished = false

  public init() {}

  /// Entries added so far.
  public var count: Int { names.count }

  /// Appends an entry. Refused: a name that is not a safe relative path (what `ZipArchive` refuses to
  /// read), a name already added, more than 65,534 entries, an entry or an archive beyond 4 GiB.
  public mutating func add(_ name: String, _ bytes: [UInt8], method: Method = .deflated) throws(Failure) {
    precondition(!finished, "entries are added before finish()")
    let nameBytes = Array(name.utf8)
    guard ZipArchive.Entry.isSafeName(name), nameBytes.count <= 0xFFFF else {
      throw Failure(
        entry: name,
        message: Message(
          en: "the name is not a safe relative path of at most 65,535 bytes (a/b.xml)",
          zh: "该名称不是最多 65,535 字节的安全相对路径（如 a/b.xml）"))
    }
    guard !names.contains(name) else {
      throw Failure(entry: name, message: Message(en: "an entry of this name was already added", zh: "已添加过同名条目"))
    }
    guard names.count < maximumEntries else {
      throw Failure(
        entry: name,
        message: Message(
          en: "an archive without ZIP64 holds at most \(maximumEntries) entries",
          zh: "不用 ZIP64 的压缩包最多容纳 \(maximumEntries) 个条目"))
    }
    guard bytes.count <= maximumSize else {
      throw Failure(
        entry: name,
        message: Message(
          en: "the entry has \(bytes.count) bytes; without ZIP64 an entry holds at most \(maximumSize)",
          zh: "该条目有 \(bytes.count) 字节；不用 ZIP64 时一个条目最多 \(maximumSize) 字节"))
    }
    let crc = CRC32.checksum(bytes)
    var data = bytes
    var methodCode: UInt16 = 0
    if method == .deflated, !bytes.isEmpty {
      let compressed = Deflate.compress(bytes)
      if compressed.count < bytes.count {
        data = compressed
        methodCode = 8
      }
    }
    let offset = output.count
    guard offset + 30 + nameBytes.count + data.count <= maximumSize else {
      throw Failure(entry: name, message: Self.needsZip64(maximumSize))
    }
    let version: UInt16 = methodCode == 8 ? 20 : 10
    let flags: UInt16 = 1 << 11
    let dosTime: UInt16 = 0
    let dosDate: UInt16 = 1 << 5 | 1  // 1980-01-01

    /// The fields the local header and the directory record share, in the order both write them.
    func appendSharedFields(to record: inout [UInt8]) {
      record.append(littleEndian: version)
      record.append(littleEndian: flags)
      record.append(littleEndian: methodCode)
      record.append(littleEndian: dosTime)
      record.append(littleEndian: dosDate)
      record.append(littleEndian: crc)
      record.append(littleEndian: UInt32(data.count))
      record.append(littleEndian: UInt32(bytes.count))
      record.append(littleEndian: UInt16(nameBytes.count))
      record.append(littleEndian: UInt16(0))  // extra field
    }

    output.append(littleEndian: UInt32(0x0403_4B50))
    appendSharedFields(to: &output)
    output.append(contentsOf: nameBytes)
    output.append(contentsOf: data)

    directory.append(littleEndian: UInt32(0x0201_4B50))
    directory.append(littleEndian: version)  // made by: MS-DOS attributes, this version
    appendSharedFields(to: &directory)
    directory.append(littleEndian: UInt16(0))  // comment
    directory.append(littleEndian: UInt16(0))  // disk
    directory.append(littleEndian: UInt16(0))  // internal attributes
    directory.append(littleEndian: UInt32(0))  // external attributes
    directory.append(littleEndian: UInt32(offset))
    directory.append(contentsOf: nameBytes)
    names.insert(name)
  }

  /// The archive: the entries, the central directory and the end record. Refused when the directory
  /// would end beyond 4 GiB.
  public mutating func finish() throws(Failure) -> [UInt8] {
    precondition(!finished, "finish() is called once")
    let directoryOffset = output.count
    guard directoryOffset + directory.count + 22 <= maximumSize else {
      throw Failure(entry: nil, message: Self.needsZip64(maximumSize))

    }
    finished = true
    output.append(contentsOf: directory)
    output.append(littleEndian: UInt32(0x0605_4B50))
    output.append(littleEndian: UInt16(0))  // this disk
    output.append(littleEndian: UInt16(0))  // the directory's disk
    output.append(littleEndian: UInt16(names.count))
    output.append(littleEndian: UInt16(names.count))
    output.append(littleEndian: UInt32(directory.count))
    output.append(littleEndian: UInt32(directoryOffset))
    output.append(littleEndian: UInt16(0))  // comment
    directory = []
    defer { output = [] }
    return output
  }
}

extension [UInt8] {
  fileprivate mutating func append(littleEndian value: some FixedWidthInteger) {
    for shift in stride(from: 0, to: value.bitWidth, by: 8) { append(UInt8(truncatingIfNeeded: value >> shift)) }
  }
}
