/// One cell of a grid as a person sees it printed, with what it holds underneath.
///
/// - `text` is the cell as displayed: a number through its number format (`100%` for a 1 formatted
///   `0%`, `1,782.65`, `2024/3/1` for a date serial), a shared or inline string with its rich-text runs
///   joined, `TRUE`/`FALSE`, an error value such as `#REF!`.
/// - `value` is what the cell holds, exactly: for a number the stored decimal (Excel keeps 15 significant
///   digits, so `0.30000000000000004` is `0.3`) in plain notation, never an exponent; for a date the ISO
///   8601 date (`2024-03-01`, or `2024-03-01T08:30:00` with a time); for a boolean `TRUE`/`FALSE`; for
///   text and empty cells nil.
/// - `problem` says why an `.unreadable` cell could not be read (an error value, a string index that does
///   not exist, a number that is not one): a form reader turns it into a finding on the cell's row.
public struct GridCell: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case empty, text, number, date, boolean, unreadable
  }

  public var kind: Kind
  public var text: String
  public var value: String?
  /// The formula, without its `=`, when the cell's value is a formula's cached result.
  public var formula: String?
  public var problem: String?
  public var reference: CellReference
  /// Where a cell read from a document's text was printed (its page and line, or page and position), which
  /// its reference in the grid the reader assembled does not say; nil for sheets, Word tables and CSV files.
  public var origin: SourceLocation?
  /// Why the reader is not sure this text belongs in this cell (a wrapped piece placed by guess, a column
  /// told by position alone); nil when it was read with certainty. A value read from such a cell is kept,
  /// shown and reported, and leaves its row unverified (docs/rules.md, "Cells read without certainty").
  public var doubt: String?

  public init(
    kind: Kind, text: String, value: String? = nil, formula: String? = nil, problem: String? = nil,
    reference: CellReference, origin: SourceLocation? = nil, doubt: String? = nil
  ) {
    self.kind = kind
    self.text = text
    self.value = value
    self.formula = formula
    self.problem = problem
    self.reference = reference
    self.origin = origin
    self.doubt = doubt
  }

  public static func empty(_ reference: CellReference) -> GridCell {
    GridCell(kind: .empty, text: "", reference: reference)
  }

  public var isEmpty: Bool { kind == .empty }
}
