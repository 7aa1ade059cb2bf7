import Foundation

/// A text of a table as the reader found it: a byte range of one retained copy of its record (the JSON
/// Lines decoder's strings without escapes, nearly all), or a `String` (a spreadsheet's cell strings, text
/// readers, an unescaped JSON string). A record's texts share its copy: a table costs one allocation for all
/// its text, not one per field. A `String` is made (`string`) only where a message or an output needs one.
///
/// Equality is by UTF-8 bytes, whatever the storage: a text read from a record equals the same text read
/// from a cell string, and hashes the same. Byte equality is stricter than `String` equality, which also
/// equates canonically equivalent texts (`é` as one scalar or two); where that matters, compare `FoldedKey`s.
///
/// Every query here is on bytes, with its definition on `String` beside it (`string…`), which a differential
/// test holds it to (`TableTextTests`).
public struct TableText: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
  enum Storage: Sendable {
    case string(String)
    /// `count` bytes of `record` from `start`, which need no JSON escaping when `plain`.
    case record(RecordBytes, start: UInt32, count: UInt32, plain: Bool)
  }

  let storage: Storage

  public init(_ string: String) { storage = .string(string) }

  public init(stringLiteral value: String) { storage = .string(value) }

  public init(stringInterpolation: DefaultStringInterpolation) { storage = .string(String(stringInterpolation: stringInterpolation)) }

  /// Bytes of a record, valid UTF-8 (the caller has checked); `plain` when none of them is `"`, `\` or a
  /// control character, so that a JSON writer copies them as they are.
  init(_ record: RecordBytes, _ range: Range<Int>, plain: Bool) {
    storage = .record(record, start: UInt32(range.lowerBound), count: UInt32(range.count), plain: plain)
  }

  /// The text as a `String`: for a message or an output that needs one.
  public var string: String {
    switch storage {
    case .string(let text): text
    case .record: withUTF8 { String(decoding: $0, as: UTF8.self) }
    }
  }

  public var description: String { string }

  /// Calls `body` with the text's UTF-8 bytes, valid only during the call.
  public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    switch storage {
    case .string(var text):
      return try text.withUTF8(body)
    case .record(let record, let start, let count, _):
      return try record.withBytes { try body(UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(start) + Int(count)])) }
    }
  }

  /// The first `count` bytes (a whole number of characters, which the caller knows), sharing the storage.
  func prefix(utf8Count count: Int) -> TableText {
    switch storage {
    case .string(let text):
      TableText(withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[..<count]), as: UTF8.self) })
    case .record(let record, let start, _, let plain):
      TableText(record, Int(start)..<Int(start) + count, plain: plain)
    }
  }

  /// The number of UTF-8 bytes.
  public var utf8Count: Int {
    switch storage {
    case .string(let text): text.utf8.count
    case .record(_, _, let count, _): Int(count)
    }
  }

  public var isEmpty: Bool { utf8Count == 0 }

  /// The bytes are known to need no JSON escaping (no `"`, `\` or control character): a writer copies them.
  var isPlainJSON: Bool {
    if case .record(_, _, _, let plain) = storage { return plain }
    return false
  }

  public static func == (lhs: TableText, rhs: TableText) -> Bool {
    if case .record(let left, let leftStart, let leftCount, _) = lhs.storage,
      case .record(let right, let rightStart, let rightCount, _) = rhs.storage,
      left === right, leftStart == rightStart, leftCount == rightCount
    {
      return true
    }
    guard lhs.utf8Count == rhs.utf8Count else { return false }
    return lhs.withUTF8 { left in rhs.withUTF8 { right in left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 } }
  }

  public func hash(into hasher: inout Hasher) {
    withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  /// Equal, byte for byte, to a `String`.
  public func hasSameBytes(as text: String) -> Bool {
    withUTF8 { text.hasSameBytes(as: $0) }
  }

  // MARK: Queries on bytes

  /// Empty, or only whitespace characters: nothing printed. Its definition is `stringIsBlank`.
  public var isBlank: Bool {
    withUTF8 { bytes in
      guard let first = bytes.first else { return true }
      if String.isPlainLead(first) { return false }
      return Self.stringIsBlank(string)
    }
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

  /// The cell grammar's reading (`Cell(parsing:)`), on the bytes where the plain path reads them.
  var cell: Cell {
    if let plain = withUTF8({ PlainCell.parse(bytes: $0, self) }) { return plain }
    return CellGrammar.parseGeneral(string)
  }

  /// Contains `needle`'s bytes.
  public func contains(_ needle: String) -> Bool {
    withUTF8 { haystack in
      var needle = needle
      return needle.withUTF8 { haystack.containsSequence($0) }
    }
  }
}

/// One retained copy of a record's bytes, which its texts (`TableText`) are ranges of. Immutable once
/// made, so shared across threads.
final class RecordBytes: @unchecked Sendable {
  private let bytes: UnsafeMutableBufferPointer<UInt8>

  init(copying source: UnsafeBufferPointer<UInt8>) {
    bytes = .allocate(capacity: max(source.count, 1))
    if let base = source.baseAddress { bytes.baseAddress!.update(from: base, count: source.count) }
  }

  deinit { bytes.deallocate() }

  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    try body(UnsafeBufferPointer(bytes))
  }
}
