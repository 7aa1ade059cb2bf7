import Synchronization

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

  /// What the cell holds and where a document printed it, in one immutable box: a grid's cells are copied
  /// row by row wherever a form is read, and a copy is then one reference count instead of one per text.
  /// Setting a field replaces the box. A grid keeps its cells' boxes, not the cells (`GridStorage`).
  final class Content: Sendable {
    let kind: Kind
    let text: String
    let value: String?
    /// A formula, a problem, an origin or a doubt: few cells have one, and a workbook keeps a box for each of
    /// its shared strings while it is read, so they are kept apart, in a box of their own, nil when all are.
    let rare: RareFields?
    var formula: String? { rare?.formula }
    var problem: String? { rare?.problem }
    var origin: SourceLocation? { rare?.origin }
    var doubt: String? { rare?.doubt }
    /// The text's `FormText.key` and `FormText.labelKey`, made once for a box that many cells share (a
    /// workbook's shared string, `GridCell.sharedText`); nil for every other box, whose keys are made when
    /// asked. Derived from `text`, so left out of equality and hashing. Two fields, not one optional pair, so
    /// that asking one copies one string.
    let key: String?
    let labelKey: String?
    /// The text as a `TableText`, made once for a shared string's box, whose every cell a table may keep
    /// (an indicator's name): the table then shares the string's bytes instead of copying them. Nil for
    /// every other box. Derived from `text`, so left out of equality and hashing.
    let tableText: TableText?
    /// For a shared string's box, whether its text prints a name header under the standard vocabulary (its
    /// verdict's `isNameHeader`), told when the string is read: the locator asks it of every cell of a row
    /// that may be a header. Nil for every other box. Derived from `text`, so left out of equality and
    /// hashing.
    let standardIsNameHeader: Bool?
    /// A shared string's verdict, once told (`standardVerdict`). Told when first asked, not when the string
    /// is read: the locator asks it of a row's first cell only, which most strings (an indicator's target,
    /// its actual) never are, and telling every string's verdict up front cost ~8 K instructions a table.
    /// The sheets are located on several workers at once: kept under a lock.
    private let toldVerdict = Mutex<FormGrid.TextVerdict?>(nil)

    /// What the form locator's standard vocabulary makes of the text (`FormGrid.TextVerdict`), told once
    /// for a shared string's box; nil for every other box. Derived from `text`, so left out of equality
    /// and hashing.
    var standardVerdict: FormGrid.TextVerdict? {
      guard standardIsNameHeader != nil else { return nil }
      return toldVerdict.withLock { told in
        if let told { return told }
        let verdict = FormGrid.verdict(
          of: text, labelKey: { labelKey ?? FormText.labelKey(text) }, vocabulary: .standard)
        told = verdict
        return verdict
      }
    }

    init(
      kind: Kind, text: String, value: String?, formula: String?, problem: String?, origin: SourceLocation?, doubt: String?,
      keys: (key: String, labelKey: String)? = nil, tableText: TableText? = nil, standardIsNameHeader: Bool? = nil
    ) {
      self.kind = kind
      self.text = text
      self.value = value
      rare =
        formula == nil && problem == nil && origin == nil && doubt == nil
        ? nil : RareFields(formula: formula, problem: problem, origin: origin, doubt: doubt)
      key = keys?.key
      labelKey = keys?.labelKey
      self.tableText = tableText
      self.standardIsNameHeader = standardIsNameHeader
    }

    /// Every empty cell that says nothing of where it was printed shares one box.
    static let empty = Content(kind: .empty, text: "", value: nil, formula: nil, problem: nil, origin: nil, doubt: nil)

    var isBlank: Bool {
      kind == .empty && text.isEmpty && value == nil && rare == nil
    }
  }

  /// The fields of a cell that few cells have (`Content.rare`).
  final class RareFields: Sendable {
    let formula: String?
    let problem: String?
    let origin: SourceLocation?
    let doubt: String?

    init(formula: String?, problem: String?, origin: SourceLocation?, doubt: String?) {
      self.formula = formula
      self.problem = problem
      self.origin = origin
      self.doubt = doubt
    }
  }

  private(set) var content: Content
  public var reference: CellReference

  /// A copy of the content with one field changed.
  private func replacing(
    kind: Kind? = nil, text: String? = nil, value: String?? = nil, formula: String?? = nil, problem: String?? = nil,
    origin: SourceLocation?? = nil, doubt: String?? = nil
  ) -> Content {
    Content(
      kind: kind ?? content.kind, text: text ?? content.text, value: value ?? content.value,
      formula: formula ?? content.formula, problem: problem ?? content.problem, origin: origin ?? content.origin,
      doubt: doubt ?? content.doubt)
  }

  public var kind: Kind {
    get { content.kind }
    set { content = replacing(kind: newValue) }
  }
  public var text: String {
    get { content.text }
    set { content = replacing(text: newValue) }
  }
  public var value: String? {
    get { content.value }
    set { content = replacing(value: .some(newValue)) }
  }
  /// The formula, without its `=`, when the cell's value is a formula's cached result.
  public var formula: String? {
    get { content.formula }
    set { content = replacing(formula: .some(newValue)) }
  }
  public var problem: String? {
    get { content.problem }
    set { content = replacing(problem: .some(newValue)) }
  }
  /// Where a cell read from a document's text was printed (its page and line, or page and position), which
  /// its reference in the grid the reader assembled does not say; nil for sheets, Word tables and CSV files.
  public var origin: SourceLocation? {
    get { content.origin }
    set { content = replacing(origin: .some(newValue)) }
  }
  /// Why the reader is not sure this text belongs in this cell (a wrapped piece placed by guess, a column
  /// told by position alone); nil when it was read with certainty. A value read from such a cell is kept,
  /// shown and reported, and leaves its row unverified (docs/rules.md, "Cells read without certainty").
  public var doubt: String? {
    get { content.doubt }
    set { content = replacing(doubt: .some(newValue)) }
  }

  public init(
    kind: Kind, text: String, value: String? = nil, formula: String? = nil, problem: String? = nil,
    reference: CellReference, origin: SourceLocation? = nil, doubt: String? = nil
  ) {
    let content = Content(
      kind: kind, text: text, value: value, formula: formula, problem: problem, origin: origin, doubt: doubt)
    self.content = content.isBlank ? .empty : content
    self.reference = reference
  }

  /// `GridCell(kind: .empty, text: "", reference:)` without making a box only to drop it for the shared
  /// one: a grid pads every row with these.
  public static func empty(_ reference: CellReference) -> GridCell {
    GridCell(sharing: .empty, reference: reference)
  }

  /// A cell of a box that other cells share (a grid's, a shared string's).
  init(sharing content: Content, reference: CellReference) {
    self.content = content
    self.reference = reference
  }

  /// A text cell of a workbook's shared string (empty when the string is), at A1: every cell of a sheet
  /// that shows the string is a copy of it at its own reference, so they share one box, and the text's keys,
  /// which the form locator asks of a sheet's labels again and again, are made here once.
  static func sharedText(_ text: String) -> GridCell {
    let reference = CellReference(row: 0, column: 0)
    guard !text.isEmpty else { return .empty(reference) }
    let key = FormText.key(text)
    let keys = FormGrid.isKeyed(text) ? (key: key, labelKey: FormText.droppingEndColons(key)) : nil
    let isNameHeader = FormGrid.isNameHeader(
      text, labelKey: keys?.labelKey ?? FormText.labelKey(text), vocabulary: .standard)
    let content = Content(
      kind: .text, text: text, value: nil, formula: nil, problem: nil, origin: nil, doubt: nil,
      keys: keys, tableText: TableText(text), standardIsNameHeader: isNameHeader)
    return GridCell(sharing: content, reference: reference)
  }

  /// `FormText.key(text)`: made once for a shared string's cells.
  var key: String { content.key ?? FormText.key(content.text) }

  /// `FormText.labelKey(text)`: made once for a shared string's cells.
  var labelKey: String { content.labelKey ?? FormText.labelKey(content.text) }

  /// `FormGrid.verdict(of:labelKey:vocabulary:)` under `FormVocabulary.standard`: told once for a shared
  /// string's cells, nil for every other cell.
  var standardVerdict: FormGrid.TextVerdict? { content.standardVerdict }

  /// `TableText(text)`: a shared string's, made once for its cells.
  var tableText: TableText { content.tableText ?? TableText(content.text) }

  public var isEmpty: Bool { kind == .empty }

  public static func == (lhs: GridCell, rhs: GridCell) -> Bool {
    lhs.reference == rhs.reference
      && (lhs.content === rhs.content
        || (lhs.kind == rhs.kind && lhs.text == rhs.text && lhs.value == rhs.value && lhs.formula == rhs.formula
          && lhs.problem == rhs.problem && lhs.origin == rhs.origin && lhs.doubt == rhs.doubt))
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(kind)
    hasher.combine(text)
    hasher.combine(value)
    hasher.combine(formula)
    hasher.combine(problem)
    hasher.combine(origin)
    hasher.combine(doubt)
    hasher.combine(reference)
  }
}

extension GridCell: CustomStringConvertible {
  public var description: String {
    var parts = ["\(reference)", kind.rawValue, "\"\(text)\""]
    if let value { parts.append("value \"\(value)\"") }
    if let formula { parts.append("formula =\(formula)") }
    if let problem { parts.append("problem: \(problem)") }
    if let origin { parts.append("at \(origin)") }
    if let doubt { parts.append("doubt: \(doubt)") }
    return "GridCell(" + parts.joined(separator: " ") + ")"
  }
}
