import Foundation

/// A text of a table as the reader found it: a byte range of one retained copy of its record (the JSON
/// Lines decoder's strings without escapes, nearly all), or of its own copy of a `String`'s bytes (a
/// spreadsheet's cell strings, text readers, an unescaped JSON string). A record's texts share its copy: a
/// table costs one allocation for all its text, not one per field. A `String` is made (`string`) only where a
/// message or an output needs one, and a JSON writer copies a text's bytes when they need no escaping
/// (`isPlainJSON`, known when the text is made).
///
/// Equality is by UTF-8 bytes, whatever the storage: a text read from a record equals the same text read
/// from a cell string, and hashes the same. Byte equality is stricter than `String` equality, which also
/// equates canonically equivalent texts (`é` as one scalar or two); where that matters, compare `FoldedKey`s.
///
/// Every query here is on bytes, with its definition on `String` beside it (`string…`, or the `String`
/// function named), which a differential test holds it to (`TableTextTests`).
public struct TableText: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
  /// The bytes this text is a range of: its record's copy, or its own copy of a `String`'s bytes. One
  /// reference, so that a copy of a text is one retain (an enum of a `String` or a range cost a branch and
  /// an outlined copy at every copy).
  nonisolated(unsafe) let storage: RecordBytes
  let start: UInt32
  /// The byte count, and in the top bit whether the text is plain JSON: a text is two words to copy.
  private let countAndPlain: UInt32

  var count: UInt32 { countAndPlain & 0x7FFF_FFFF }

  /// None of the bytes is `"`, `\` or a control character: a JSON writer copies them as they are.
  var isPlainJSON: Bool { countAndPlain & 0x8000_0000 != 0 }

  /// A text the reader holds as a `String` (a spreadsheet's cell string, an unescaped JSON string): its
  /// bytes are copied once.
  public init(_ string: String) {
    var string = string
    self = string.withUTF8 { bytes in
      bytes.isEmpty
        ? TableText(RecordBytes.empty, 0..<0, plain: true)
        : TableText(RecordBytes.copying(bytes), 0..<bytes.count, plain: !ByteBuffer.needsEscaping(bytes))
    }
  }

  /// A text made by `write`, which writes at most `capacity` bytes of valid UTF-8 and returns how many: its
  /// one copy, with no `String` between. `knownPlain` when the caller knows that none of the bytes needs JSON
  /// escaping; otherwise the bytes written are looked at.
  init(capacity: Int, knownPlain: Bool = false, writing write: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
    let storage = unsafeDowncast(RecordBytes.create(minimumCapacity: capacity) { _ in capacity }, to: RecordBytes.self)
    self = storage.withUnsafeMutablePointerToElements { base in
      let count = write(UnsafeMutableBufferPointer(start: base, count: capacity))
      return TableText(
        storage, 0..<count,
        plain: knownPlain || !ByteBuffer.needsEscaping(UnsafeBufferPointer(start: base, count: count)))
    }
  }

  public init(stringLiteral value: String) { self.init(value) }

  public init(stringInterpolation: DefaultStringInterpolation) { self.init(String(stringInterpolation: stringInterpolation)) }

  /// Bytes of a record, valid UTF-8 (the caller has checked); `plain` when none of them is `"`, `\` or a
  /// control character, so that a JSON writer copies them as they are.
  init(_ record: RecordBytes, _ range: Range<Int>, plain: Bool) {
    // Both bounds within 0..<2^31 (a record is at most `Limits.maximumRecordBytes`), in one test: then neither
    // the start nor the count needs a conversion's check, and the count leaves the top bit to `plain`.
    precondition(UInt(bitPattern: range.lowerBound | range.upperBound) < 0x8000_0000, "a text's offsets are below 2^31")
    storage = record
    start = UInt32(truncatingIfNeeded: range.lowerBound)
    countAndPlain = UInt32(truncatingIfNeeded: range.upperBound &- range.lowerBound) | (plain ? 0x8000_0000 : 0)
  }

  /// Whether a byte needs escaping in a JSON string: the definition of `ByteBuffer.needsEscaping`, which tells
  /// it eight bytes at a time and is what a text asks when it is made.
  static func needsJSONEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
  }

  /// The text as a `String`: for a message or an output that needs one.
  public var string: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }

  public var description: String { string }

  /// Calls `body` with the text's UTF-8 bytes, valid only during the call.
  @inline(__always)
  public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    try storage.withUnsafeMutablePointerToElements { try body(UnsafeBufferPointer(start: $0 + Int(start), count: Int(count))) }
  }

  /// Where the bytes start, for a writer that copies them at once while it holds this text (which keeps
  /// them): valid no longer than the text. (`withUTF8` around a copy of a few words was not inlined: a call
  /// for every text written.)
  var utf8Start: UnsafePointer<UInt8> {
    storage.withUnsafeMutablePointerToElements { UnsafePointer($0 + Int(start)) }
  }

  /// The first `count` bytes (a whole number of characters, which the caller knows), sharing the storage.
  func prefix(utf8Count count: Int) -> TableText {
    TableText(storage, Int(start)..<Int(start) + count, plain: isPlainJSON)
  }

  /// The same bytes in storage of their own: kept after its record is gone, without keeping the record.
  func copied() -> TableText {
    withUTF8 { TableText(RecordBytes.copying($0), 0..<$0.count, plain: isPlainJSON) }
  }

  /// The number of UTF-8 bytes.
  public var utf8Count: Int { Int(count) }

  public var isEmpty: Bool { count == 0 }

  public static func == (lhs: TableText, rhs: TableText) -> Bool {
    guard lhs.count == rhs.count else { return false }
    if lhs.storage === rhs.storage, lhs.start == rhs.start { return true }
    return lhs.withUTF8 { left in
      rhs.withUTF8 { right in left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 }
    }
  }

  /// The same bytes of the same storage as `other`: then equal (`==`), told without a byte compared. False
  /// says nothing: equal texts are often held apart.
  func isIdentical(to other: TableText) -> Bool {
    storage === other.storage && start == other.start && count == other.count
  }

  public func hash(into hasher: inout Hasher) {
    withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  /// A digest of the bytes in one word, made in a few instructions whatever the script: the byte count and
  /// the first and last eight bytes, mixed. Equal texts have equal prints (`==` implies it), so texts whose
  /// prints differ are different; equal prints leave the bytes to compare. A pairwise search over a table's
  /// names compares prints first, at the same cost for Chinese names as for ASCII ones.
  var print: UInt64 {
    withUTF8 { bytes in
      guard let base = bytes.baseAddress, bytes.count >= 8 else {
        var head: UInt64 = 0
        for byte in bytes { head = head << 8 | UInt64(byte) }
        return head ^ UInt64(bytes.count) << 59
      }
      let raw = UnsafeRawPointer(base)
      let head = raw.loadUnaligned(as: UInt64.self)
      let tail = raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
      return head &* 0x9E37_79B9_7F4A_7C15 ^ tail ^ UInt64(bytes.count)
    }
  }

  /// Equal, byte for byte, to a `String`.
  public func hasSameBytes(as text: String) -> Bool {
    withUTF8 { text.hasSameBytes(as: $0) }
  }

  // MARK: Queries on bytes

  /// Empty, or only whitespace characters: nothing printed. Its definition is `stringIsBlank`.
  public var isBlank: Bool { withUTF8(Self.isBlank) }

  /// `isBlank` of well-formed UTF-8 bytes that are no text yet (a CSV reader's field).
  static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first else { return true }
    if String.isPlainLead(first) { return false }
    return stringIsBlank(String(decoding: bytes, as: UTF8.self))
  }

  /// `isBlank`'s definition: nothing is left when whitespace characters are trimmed from both ends.
  static func stringIsBlank(_ text: String) -> Bool { text.trimmingSpaces().isEmpty }

  /// Blank, or a mark that a cell is left empty (`—`, `/`, `-`): nothing stated. Its definition is
  /// `stringIsBlankOrMark`.
  public var isBlankOrMark: Bool {
    withUTF8 { bytes in
      // A first character that survives normalizing and trimming, other than the marks' '-' and '/',
      // starts no blank mark: the usual filled cell.
      if let first = bytes.first, String.isPlainLead(first), first != UInt8(ascii: "-"), first != UInt8(ascii: "/") {
        return false
      }
      return Self.stringIsBlankOrMark(string)
    }
  }

  /// `isBlankOrMark`'s definition: normalized (`CellGrammar.normalize`), the text is an empty mark.
  static func stringIsBlankOrMark(_ text: String) -> Bool {
    CellGrammar.isEmptyMark(CellGrammar.normalize(text))
  }

  /// Longer than `limit` characters. Characters are never more than bytes: they are counted only for a
  /// long text.
  func isLonger(thanCharacters limit: Int) -> Bool {
    utf8Count > limit && string.count > limit
  }

  /// The text with whitespace trimmed from both ends (`String.trimmingSpaces`): itself, sharing its
  /// storage, when nothing is to trim (the usual cell).
  public func trimmingSpaces() -> TableText {
    if withUTF8(String.hasNothingToTrim) { return self }
    return TableText(string.trimmingSpaces())
  }

  /// The cell grammar's reading (`Cell(parsing:)`), on the bytes where the plain path reads them. A cell that
  /// is text is this text, sharing its storage. (The plain reading is not handed the text: lent to it, the
  /// text was retained and released around the call, twice an indicator.)
  var cell: Cell {
    switch withUTF8(PlainCell.read) {
    case .cell(let cell): cell
    case .text: .text(self)
    case nil: CellGrammar.parseGeneral(string)
    }
  }

  /// Contains `needle`'s bytes.
  public func contains(_ needle: String) -> Bool {
    withUTF8 { haystack in
      var needle = needle
      return needle.withUTF8 { haystack.containsSequence($0) }
    }
  }
}

/// One retained copy of a record's bytes, which its texts (`TableText`) are ranges of: one allocation,
/// the bytes after the header. Immutable once made, so shared across threads (`ManagedBuffer` cannot be
/// declared `Sendable`: the texts that hold one say so, `nonisolated(unsafe)`).
final class RecordBytes: ManagedBuffer<Int, UInt8> {
  static func copying(_ source: UnsafeBufferPointer<UInt8>) -> RecordBytes {
    let buffer = create(minimumCapacity: source.count) { _ in source.count }
    if let base = source.baseAddress {
      buffer.withUnsafeMutablePointerToElements { $0.update(from: base, count: source.count) }
    }
    return unsafeDowncast(buffer, to: RecordBytes.self)
  }

  /// The storage of every empty text.
  nonisolated(unsafe) static let empty = copying(UnsafeBufferPointer(start: nil, count: 0))
}
