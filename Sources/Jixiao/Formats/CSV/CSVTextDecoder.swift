import Foundation

/// Turns a CSV file's bytes into UTF-8 block by block, whatever it was saved as. UTF-8 passes through;
/// UTF-16 (told by its byte-order mark: Excel's "Unicode text") and GB18030 (what Excel on Chinese
/// Windows saves as "CSV"; GBK is a subset) are transcoded. The encoding is decided once a file, on the
/// first line that is not plain ASCII (in practice the header; ASCII reads the same in all three):
/// valid UTF-8 is UTF-8, else valid GB18030 is GB18030, else the file is refused, once. Blocks are cut
/// only between characters, so memory stays flat however long the file is.
struct CSVTextDecoder {
  let file: String
  /// nil until decided.
  private(set) var encoding: SourceEncoding?
  /// Set when the file is in none of the encodings: nothing after the line that told is passed on.
  private(set) var refusal: InputError?
  /// Bytes held back: the start of the line that decides, or a character cut by the end of a block.
  private var pending: [UInt8] = []
  private var sawFirstBytes = false
  /// While undecided, the line the bytes passed on have reached: a refusal names it.
  private var line = 1
  private var lineEnds = LineEnds()

  /// An undecided line longer than this is decided on its first bytes.
  static let decidingBytes = 1 << 20
  /// kCFStringEncodingGB_18030_2000, which Foundation decodes on every platform.
  static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
  /// Marks a character that is not text in the file's encoding: never valid UTF-8, so the parser refuses
  /// the row it is in.
  static let notText: UInt8 = 0xFF

  init(file: String) {
    self.file = file
  }

  /// The UTF-8 text of the next block (empty while it is all held back).
  mutating func decode(_ block: [UInt8]) -> [UInt8] {
    next(pending.isEmpty ? block : pending + block, atEnd: false)
  }

  /// What was held back, at the end of the input.
  mutating func finish() -> [UInt8] {
    next(pending, atEnd: true)
  }

  private mutating func next(_ bytes: [UInt8], atEnd: Bool) -> [UInt8] {
    pending = []
    guard refusal == nil else { return [] }
    switch encoding {
    case nil: return decide(bytes, atEnd: atEnd)
    case .utf8: return bytes
    case .gb18030: return transcodeGB18030(bytes[...], atEnd: atEnd)
    case .utf16LittleEndian, .utf16BigEndian: return transcodeUTF16(bytes[...], atEnd: atEnd)
    }
  }

  private mutating func decide(_ bytes: [UInt8], atEnd: Bool) -> [UInt8] {
    if !sawFirstBytes {
      // A pipe's first read can be a single byte: wait for two to see a UTF-16 mark.
      guard bytes.count >= 2 || atEnd else {
        pending = bytes
        return []
      }
      sawFirstBytes = true
      for (mark, encoding) in [([0xFF, 0xFE] as [UInt8], SourceEncoding.utf16LittleEndian), ([0xFE, 0xFF], .utf16BigEndian)]
      where bytes.starts(with: mark) {
        self.encoding = encoding
        return transcodeUTF16(bytes.dropFirst(2), atEnd: atEnd)
      }
    }
    guard let first = bytes.firstIndex(where: { $0 >= 0x80 }) else {
      passLines(bytes[...])
      return bytes
    }
    passLines(bytes[..<first])
    let lineEnd = bytes[first...].firstIndex { $0 == 0x0A || $0 == 0x0D }
    let isCut = lineEnd == nil && !atEnd
    if isCut, bytes.count - first < Self.decidingBytes {
      pending = Array(bytes[first...])
      return Array(bytes[..<first])
    }
    let deciding = bytes[first..<(lineEnd ?? bytes.count)]
    if Self.isUTF8(deciding, isCut: isCut) {
      encoding = .utf8
      return bytes
    }
    if Self.isGB18030(deciding, isCut: isCut) {
      encoding = .gb18030
      return Array(bytes[..<first]) + transcodeGB18030(bytes[first...], atEnd: atEnd)
    }
    // The lines before were ASCII, the same in every encoding, and are read.
    refusal = InputError(
      SourceLocation(file: file, line: line),
      Message(
        en:
          "the file is neither UTF-8 nor GB18030 (this line has bytes that are neither); save it as CSV UTF-8 (Excel: 另存为 → CSV UTF-8（逗号分隔）)",
        zh: "该文件既不是 UTF-8 也不是 GB18030（本行有不属于两者的字节）；请存为 CSV UTF-8（Excel：另存为 → CSV UTF-8（逗号分隔））"))

    return Array(bytes[..<first])
  }

  private mutating func passLines(_ bytes: ArraySlice<UInt8>) {
    for byte in bytes where lineEnds.isLineEnd(byte) { line += 1 }
  }

  /// Well-formed UTF-8; a sequence cut by the end counts when the bytes were cut there.
  static func isUTF8(_ bytes: ArraySlice<UInt8>, isCut: Bool) -> Bool {
    var end = bytes.endIndex
    if isCut, let lead = bytes.suffix(3).lastIndex(where: { $0 >= 0xC0 }) {
      let length = bytes[lead] < 0xE0 ? 2 : bytes[lead] < 0xF0 ? 3 : 4
      if bytes.endIndex - lead < length { end = lead }
    }
    return bytes[..<end].withUnsafeBufferPointer(UTF8Validation.isValid)
  }

  /// Well-formed GB18030 that Foundation decodes; a character cut by the end counts when the bytes were
  /// cut there.
  static func isGB18030(_ bytes: ArraySlice<UInt8>, isCut: Bool) -> Bool {
    let end = completeGB18030(bytes)
    guard isCut || end == bytes.endIndex else { return false }
    return String(data: Data(bytes[..<end]), encoding: gb18030) != nil
  }

  /// Where the last whole GB18030 character ends.
  static func completeGB18030(_ bytes: ArraySlice<UInt8>) -> Int {
    var index = bytes.startIndex
    while index < bytes.endIndex, let length = characterLength(bytes[index...]) { index += length }
    return index
  }

  /// The length of the GB18030 character `bytes` start with, nil when the end cuts it: one byte below
  /// 0x81 (0x80 is the euro sign Windows added), two bytes 0x81–0xFE then 0x40–0x7E or 0x80–0xFE, four
  /// bytes 0x81–0xFE, 0x30–0x39, 0x81–0xFE, 0x30–0x39. A byte that starts none of them counts as one
  /// (Foundation refuses it).
  static func characterLength(_ bytes: ArraySlice<UInt8>) -> Int? {
    let start = bytes.startIndex
    guard let lead = bytes.first, lead >= 0x81, lead <= 0xFE else { return 1 }
    guard start + 1 < bytes.endIndex else { return nil }
    let second = bytes[start + 1]
    if second >= 0x30, second <= 0x39 { return start + 4 <= bytes.endIndex ? 4 : nil }
    return second >= 0x40 && second != 0x7F && second != 0xFF ? 2 : 1
  }

  /// GB18030 to UTF-8, holding back a character cut by the end of the block. A character Foundation
  /// cannot decode becomes `notText`, found line by line (LF is never part of a GB18030 character).
  private mutating func transcodeGB18030(_ bytes: ArraySlice<UInt8>, atEnd: Bool) -> [UInt8] {
    let end = atEnd ? bytes.endIndex : Self.completeGB18030(bytes)
    pending = Array(bytes[end...])
    let whole = bytes[..<end]
    if let text = String(data: Data(whole), encoding: Self.gb18030) { return Array(text.utf8) }
    var utf8: [UInt8] = []
    for (offset, line) in whole.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
      if offset > 0 { utf8.append(0x0A) }
      if let text = String(data: Data(line), encoding: Self.gb18030) {
        utf8 += text.utf8
        continue
      }
      var start = line.startIndex
      while start < line.endIndex {
        let character = line[start..<(start + (Self.characterLength(line[start...]) ?? line.endIndex - start))]
        if let text = String(data: Data(character), encoding: Self.gb18030) {
          utf8 += text.utf8
        } else {
          utf8.append(Self.notText)
        }
        start = character.endIndex
      }
    }
    return utf8
  }

  /// UTF-16 to UTF-8, holding back an odd byte or a high surrogate cut by the end of the block. A unit
  /// that is no character (a lone surrogate, an odd last byte) becomes `notText`.
  private mutating func transcodeUTF16(_ bytes: ArraySlice<UInt8>, atEnd: Bool) -> [UInt8] {
    let bigEndian = encoding == .utf16BigEndian
    func unit(_ offset: Int) -> UInt16 {
      let first = UInt16(bytes[bytes.startIndex + offset])
      let second = UInt16(bytes[bytes.startIndex + offset + 1])
      return bigEndian ? first << 8 | second : second << 8 | first
    }
    var count = bytes.count & ~1
    if !atEnd {
      if count >= 2, (0xD800...0xDBFF).contains(unit(count - 2)) { count -= 2 }
      pending = Array(bytes.dropFirst(count))
    }
    var utf8: [UInt8] = []
    utf8.reserveCapacity(count * 3 / 2)
    var units = stride(from: 0, to: count, by: 2).lazy.map(unit).makeIterator()
    var decoder = UTF16()
    decoding: while true {
      switch decoder.decode(&units) {
      case .scalarValue(let scalar): UTF8.encode(scalar) { utf8.append($0) }
      case .emptyInput: break decoding
      case .error: utf8.append(Self.notText)
      }
    }
    if atEnd, bytes.count % 2 == 1 { utf8.append(Self.notText) }
    return utf8
  }
}
