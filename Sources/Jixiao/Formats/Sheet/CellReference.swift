/// A cell's place in a grid, 0-based, printed in A1 style (`B7` is row 6, column 1).
public struct CellReference: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var row: Int
  public var column: Int

  /// Excel's bounds: 1,048,576 rows and 16,384 columns (`XFD`).
  public static let rowLimit = 1 << 20
  public static let columnLimit = 1 << 14

  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }

  /// Parses `B7`, `$B$7`, `xfd1048576`; nil for anything else or beyond Excel's bounds.
  public init?(_ text: some StringProtocol) {
    guard let parsed = text.utf8.withContiguousStorageIfAvailable({ Self(bytes: $0) }) ?? Self(bytes: Array(text.utf8))
    else { return nil }
    self = parsed
  }

  init?(bytes: some Sequence<UInt8>) {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "$") where digits == 0 && (letters == 0 || row == 0):
        continue
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
        guard digits == 0, letters < 3 else { return nil }
        column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
        letters += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        guard letters > 0, digits < 7, !(digits == 0 && byte == UInt8(ascii: "0")) else { return nil }
        row = row * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
      default:
        return nil
      }
    }
    guard letters > 0, digits > 0, column <= Self.columnLimit, row <= Self.rowLimit else { return nil }
    self.init(row: row - 1, column: column - 1)
  }

  /// `A`, `Z`, `AA`, … for a 0-based column.
  public static func columnName(_ column: Int) -> String { text(column: column, row: nil) }

  /// Every value a form reader reads is located by its reference, so this is built in one buffer
  /// rather than by joining strings.
  public var description: String { Self.text(column: column, row: row + 1) }

  /// The reference on its sheet, `自评表!B7`: `"\(sheet)!\(self)"`. Every indicator row of a workbook's form
  /// is located by it: the sheet's text is appended as it is, never decoded and validated again (a CJK name
  /// validated byte by byte cost most of the call), and the rest is ASCII.
  public func described(onSheet sheet: String) -> String {
    let reference = description
    let count = sheet.utf8.count + 1 + reference.utf8.count
    var text = sheet
    // Room made once for a text that will not fit in a string's inline storage (15 bytes).
    if count > 15 { text.reserveCapacity(count) }
    text.append("!")
    text.append(reference)
    return text
  }

  /// The most bytes a reference's text takes: the letters of the largest column and a sign and the digits
  /// of the largest row.
  private static var longestText: Int { 40 }

  /// The column's letters, then the row's digits when there is a row.
  private static func text(column: Int, row: Int?) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longestText) { buffer in
      let end = write(column: column, row: row, into: buffer, at: 0)
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<end]), as: UTF8.self)
    }
  }

  /// Writes the column's letters, then the row's digits when there is a row, from `start`; returns the end.
  private static func write(column: Int, row: Int?, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
    var end = start
    var rest = column + 1
    while rest > 0 {
      rest -= 1
      buffer[end] = UInt8(ascii: "A") + UInt8(rest % 26)
      end += 1
      rest /= 26
    }
    buffer[start..<end].reverse()
    if let row {
      let digits = end
      var number = row.magnitude
      repeat {
        buffer[end] = UInt8(ascii: "0") + UInt8(number % 10)
        end += 1
        number /= 10
      } while number > 0
      if row < 0 {
        buffer[end] = UInt8(ascii: "-")
        end += 1
      }
      buffer[digits..<end].reverse()
    }
    return end
  }

  public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
    (lhs.row, lhs.column) < (rhs.row, rhs.column)
  }
}

/// A rectangle of cells, both corners included (`A1:C2`): a merged area.
public struct CellRange: Sendable, Hashable, CustomStringConvertible {
  public var first: CellReference
  public var last: CellReference

  public init(first: CellReference, last: CellReference) {
    self.first = CellReference(row: min(first.row, last.row), column: min(first.column, last.column))
    self.last = CellReference(row: max(first.row, last.row), column: max(first.column, last.column))
  }

  /// Parses `A1:C2` (or a single `A1`).
  public init?(_ text: some StringProtocol) {
    // Every merged area of a sheet is parsed: its two halves are read in place, without splitting.
    let parsed =
      text.utf8.withContiguousStorageIfAvailable { Self.parse($0) } ?? Array(text.utf8).withUnsafeBufferPointer(Self.parse)
    guard let parsed else { return nil }
    self = parsed
  }

  /// `init(_:)` on a text's UTF-8 bytes.
  init?(bytes: UnsafeBufferPointer<UInt8>) {
    guard let parsed = Self.parse(bytes) else { return nil }
    self = parsed
  }

  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CellRange? {
    guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else {
      return CellReference(bytes: bytes).map { CellRange(first: $0, last: $0) }
    }
    let second = UnsafeBufferPointer(rebasing: bytes[(colon + 1)...])
    guard !second.contains(UInt8(ascii: ":")), let first = CellReference(bytes: UnsafeBufferPointer(rebasing: bytes[..<colon])),
      let last = CellReference(bytes: second)
    else { return nil }
    return CellRange(first: first, last: last)
  }

  public func contains(_ reference: CellReference) -> Bool {
    (first.row...last.row).contains(reference.row) && (first.column...last.column).contains(reference.column)
  }

  public var rowCount: Int { last.row - first.row + 1 }
  public var columnCount: Int { last.column - first.column + 1 }

  public var description: String { first == last ? "\(first)" : "\(first):\(last)" }
}
