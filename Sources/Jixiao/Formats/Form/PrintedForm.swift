/// One printed table found in a grid, its parts as the form prints them (forms.md, "The parts of a form"):
/// title and year, header block, funds block, goals block, indicator block, total row. Values are the
/// grid's cells, text as printed and value as held, each with its reference; the title and year may
/// instead be paragraphs printed above the grid (a Word table's). `location(of:)` says where a cell or
/// paragraph is in the file. Which field of a table each part fills is for the table schema to say.
///
/// Nothing the locator met inside the table is left out: a row it cannot place is in `unplacedRows`, a
/// cell of the indicator block under no header in `unnamedColumns`, a cell of the title and header area
/// that is neither a label nor its value in `corner`, who signed it below the total row in `signOff`.
public struct PrintedForm: Sendable, Hashable {
  public var file: String
  /// The sheet's (or document table's) name; for a CSV, the file's.
  public var sheet: String
  /// The table is on a hidden sheet of a workbook (`Grid.isHidden`).
  public var sheetIsHidden = false
  /// The grid rows (0-based) the table spans, from its first row to its last (stray rows after its total
  /// included).
  public var rows: ClosedRange<Int>
  /// For a grid read from text, the line each of `rows` starts on; empty otherwise.
  public var lines: [Int]

  /// The title: a cell of the table, or, where the table prints none, a paragraph above it.
  public var title: PrintedText?
  public var year: PrintedYear?
  /// Cells of the title and header area that are neither the title, the year, a label nor a value: a form
  /// number (`公开14表`), the unit of amounts (`金额单位：万元`), a department in a corner (`部门:临沧市…`).
  public var corner: [GridCell]
  /// Paragraphs printed above a Word table that are neither its title nor its year (`附件2`), for the
  /// first table of the grid.
  public var paragraphsAbove: [PrintedText] = []
  /// The header block, label by label in reading order: 项目名称 | 雇员经费, 主管部门 | …; a label printed
  /// without a value has an empty cell as its value.
  public var header: [LabeledCell]
  public var funds: FundsBlock?
  public var goals: GoalsBlock?
  public var indicators: IndicatorBlock?
  /// Remarks between the indicator block and the total row (其他需要说明事项 | 无).
  public var notes: [LabeledCell]
  public var total: TotalRow?
  /// Below the total row, who filled the form in (填报人：张三 | 联系电话：0908-… | 填报日期：…): each label
  /// with the cell after it, an empty cell where the label's own cell holds the value.
  public var signOff: [LabeledCell]
  /// Rows of the table that are no part the locator knows, with why.
  public var unplacedRows: [UnplacedRow]
  /// Columns of the indicator block that hold something under no header.
  public var unnamedColumns: [UnnamedColumn]

  public init(file: String, sheet: String, rows: ClosedRange<Int>, lines: [Int] = []) {
    self.file = file
    self.sheet = sheet
    self.rows = rows
    self.lines = lines
    corner = []
    header = []
    notes = []
    signOff = []
    unplacedRows = []
    unnamedColumns = []
  }

  /// Where a cell of the table is, as `Grid.location(of:)` says it.
  public func location(of reference: CellReference) -> SourceLocation {
    let offset = reference.row - rows.lowerBound
    guard lines.indices.contains(offset) else { return SourceLocation(file: file, field: reference.described(onSheet: sheet)) }
    return SourceLocation(file: file, line: lines[offset], field: "\(reference)")
  }

  /// Where a cell of the table is: the place a document printed it, when the cell knows it
  /// (`GridCell.origin`), or its reference as `location(of:)` says it.
  public func location(of cell: GridCell) -> SourceLocation {
    cell.origin ?? location(of: cell.reference)
  }

  /// Where a title or year is: its cell, as `location(of:)` a reference says, or its paragraph above the
  /// table, as `Grid.location(ofPreambleParagraph:)` says.
  public func location(of printed: PrintedText) -> SourceLocation {
    switch printed {
    case .cell(let cell): location(of: cell)
    case .paragraph(let index, _): Grid.location(ofPreambleParagraph: index, file: file, name: sheet)
    }
  }
}

/// Text of a form outside its blocks, printed in a cell of the grid or in a paragraph above it (a Word
/// form's title and year, from `Grid.preamble`).
public enum PrintedText: Sendable, Hashable {
  case cell(GridCell)
  /// A paragraph of the grid's preamble (0 is the first) and its text.
  case paragraph(index: Int, text: String)

  public var text: String {
    switch self {
    case .cell(let cell): cell.text
    case .paragraph(_, let text): text
    }
  }

  /// The cell, when the text is printed in one.
  public var cell: GridCell? {
    guard case .cell(let cell) = self else { return nil }
    return cell
  }

  /// The preamble paragraph's index, when the text is printed in one.
  public var paragraph: Int? {
    guard case .paragraph(let index, _) = self else { return nil }
    return index
  }
}

/// The year of a form, and where it is printed: its own cell below the title, or the title's; or a
/// paragraph above the table, its own or the title's.
public struct PrintedYear: Sendable, Hashable {
  public var printed: PrintedText
  public var year: Int

  public init(printed: PrintedText, year: Int) {
    self.printed = printed
    self.year = year
  }

  public init(cell: GridCell, year: Int) {
    self.init(printed: .cell(cell), year: year)
  }
}

/// A label and the cell printed after it (项目名称 | 雇员经费); `value` is an empty cell where nothing is
/// printed, placed right after the label.
public struct LabeledCell: Sendable, Hashable {
  public var label: GridCell
  public var value: GridCell

  public init(label: GridCell, value: GridCell) {
    self.label = label
    self.value = value
  }
}

/// A column of a block, identified by its header as printed. In a two-row header (L2: 年度指标值 merged
/// over 指标性质 · 指标值 · 度量单位) `header` is the lower cell and `group` the one above it.
public struct FormColumn: Sendable, Hashable {
  /// The grid column (0-based).
  public var column: Int
  public var header: GridCell
  public var group: GridCell?
  /// The header as compared (`FormText.key`): `年度\n指标值` is `年度指标值`. Asked of the header, not kept:
  /// a workbook's shared string holds its key already, and a column is copied from the block to each
  /// reader of it.
  public var key: String { header.key }
  /// The group's key, when the column has a group.
  public var groupKey: String? { group?.key }

  public init(column: Int, header: GridCell, group: GridCell? = nil) {
    self.column = column
    self.header = header
    self.group = group
  }
}

/// A name as printed with the points in its brackets split off: `产出指标（50分）` is 产出指标 and 50,
/// `预算执行情况（20分）` is 预算执行情况 and 20; `points` is nil where none are printed.
public struct PointsLabel: Sendable, Hashable {
  /// The fields in one box (`CopyOnWriteBox`): every indicator row keeps its levels' labels, filled down from
  /// the row above, and a label (or an optional one) is then copied and dropped as one reference count. Held
  /// inline, an optional label (points of two 128-bit integers among its fields) was copied and destroyed
  /// through the runtime's generic witnesses, several times a row. Setting a field replaces the box.
  private struct Fields: Sendable, Hashable {
    var name: String
    var points: Rational?
    var cell: GridCell
  }

  private var box: CopyOnWriteBox<Fields>

  public var name: String {
    get { box.fields.name }
    set { box.update { $0.name = newValue } }
  }
  public var points: Rational? {
    get { box.fields.points }
    set { box.update { $0.points = newValue } }
  }
  public var cell: GridCell {
    get { box.fields.cell }
    set { box.update { $0.cell = newValue } }
  }

  public init(_ cell: GridCell) {
    if let name = Self.nameWithoutPoints(cell.text) {
      self.init(name: name, points: nil, cell: cell)
    } else {
      self.init(byCharacters: cell)
    }
  }

  private init(name: String, points: Rational?, cell: GridCell) {
    box = CopyOnWriteBox(Fields(name: name, points: points, cell: cell))
  }

  /// The definition of `init(_:)`: `LevelLabel.split` of the text, else the text trimmed and no points.
  init(byCharacters cell: GridCell) {
    if let (name, points) = LevelLabel.split(cell.text) {
      self.init(name: name, points: points, cell: cell)
    } else {
      self.init(name: cell.text.trimmingSpaces(), points: nil, cell: cell)
    }
  }

  /// Equal by every field (one box is equal to itself without reading them).
  public static func == (lhs: PointsLabel, rhs: PointsLabel) -> Bool {
    lhs.box.isIdentical(to: rhs.box) || lhs.box.fields == rhs.box.fields
  }

  /// Every field.
  public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

  /// The name of a label that prints no points, told on its bytes where `FormText.isPlainlyComposed` says
  /// each character is one scalar and each scalar its bytes (a CR LF aside, which trims alike): the text
  /// trimmed of its whitespace (ASCII, the only whitespace such a text holds), when it ends in no bracket or
  /// its last brackets hold no digit (`项目资金\n（万元）`, which `LevelLabel.split` reads by characters). Nil
  /// says nothing.
  static func nameWithoutPoints(_ text: String) -> String? {
    guard FormText.isPlainlyComposed(text) else { return nil }
    let told: String?? = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
      var start = 0
      var end = bytes.count
      while start < end, isSpace(bytes[start]) { start += 1 }
      while end > start, isSpace(bytes[end - 1]) { end -= 1 }
      // Full-width brackets are EF BC 88 and EF BC 89; nothing else in such a text ends in 88 or 89.
      func isFullWidth(_ last: UInt8, endingAt index: Int) -> Bool {
        index - 3 >= start && bytes[index - 3] == 0xEF && bytes[index - 2] == 0xBC && bytes[index - 1] == last
      }
      var close = end
      if end > start, bytes[end - 1] == UInt8(ascii: ")") {
        close = end - 1
      } else if isFullWidth(0x89, endingAt: end) {
        close = end - 3
      }
      if close < end {
        var open = close
        while open > start, bytes[open - 1] != UInt8(ascii: "("), !isFullWidth(0x88, endingAt: open) { open -= 1 }
        if open > start {
          let inside = String(decoding: UnsafeBufferPointer(rebasing: bytes[open..<close]), as: UTF8.self)
          guard LevelLabel.holdsNoDigit(inside[...]) else { return nil }
        }
      }
      if start == 0 && end == bytes.count { return text }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    return told ?? nil
  }
}

extension PointsLabel: CustomReflectable {
  /// A label as its fields, not its box: what a failed expectation prints.
  public var customMirror: Mirror { Mirror(self, children: ["name": name, "points": points as Any, "cell": cell]) }
}

/// 项目资金（万元）: its label, header row and rows (年度资金总额, 其中：当年财政拨款, …), or the label:value
/// pairs of a one-row block (L7: 年度预算总额： | 50.12 | 其中：财政拨款 | 0 | …).
public struct FundsBlock: Sendable, Hashable {
  /// The block's label, with the points it may print (`预算执行情况（20分）`).
  public var label: PointsLabel
  /// The header row's columns (年初预算数 | 全年预算数 | …); empty for a one-row block.
  public var columns: [FormColumn]
  public var rows: [FundsRow]
  public var pairs: [LabeledCell]
  /// The grid row of the row that holds the total (年度资金总额, 年度总资金, or 合计 below the sources).
  public var totalRow: Int?

  public init(
    label: PointsLabel, columns: [FormColumn] = [], rows: [FundsRow] = [], pairs: [LabeledCell] = [], totalRow: Int? = nil
  ) {
    self.label = label
    self.columns = columns
    self.rows = rows
    self.pairs = pairs
    self.totalRow = totalRow
  }
}

/// A row of the funds block: the cells under the header row's columns (`cells[i]` under `columns[i]`, an
/// empty cell where nothing is printed) and the row's labels, the cells under no header (年度资金总额).
public struct FundsRow: Sendable, Hashable {
  public var row: Int
  public var labels: [GridCell]
  public var cells: [GridCell]

  public init(row: Int, labels: [GridCell], cells: [GridCell]) {
    self.row = row
    self.labels = labels
    self.cells = cells
  }
}

/// 年度总体目标: its label, and each text with the header above it (预期目标, 实际完成情况), or without one
/// where the form prints a single text beside the label (L7).
public struct GoalsBlock: Sendable, Hashable {
  public struct Entry: Sendable, Hashable {
    public var header: GridCell?
    public var text: GridCell

    public init(header: GridCell?, text: GridCell) {
      self.header = header
      self.text = text
    }
  }

  public var label: GridCell
  public var entries: [Entry]

  public init(label: GridCell, entries: [Entry] = []) {
    self.label = label
    self.entries = entries
  }
}

/// The indicator block: its header (one or two rows) as columns, and every row below it until the total
/// row, each an indicator or a known structural row.
public struct IndicatorBlock: Sendable, Hashable {
  /// The grid rows of the header: one row, or two when a group header stands over split columns.
  public var headerRows: ClosedRange<Int>
  public var columns: [FormColumn]
  /// A rotated label down the block's left side (年度绩效指标完成情况, 绩效指标): recognised and left out of
  /// the columns.
  public var rotatedLabel: GridCell?
  /// Indexes into `columns` of the parts the locator reads structure by.
  public var level1Column: Int?
  public var level2Column: Int?
  public var nameColumn: Int
  public var projectNameColumn: Int?
  public var weightColumn: Int?
  public var scoreColumn: Int?
  public var rows: [IndicatorRow]

  public init(headerRows: ClosedRange<Int>, columns: [FormColumn], nameColumn: Int) {
    self.headerRows = headerRows
    self.columns = columns
    self.nameColumn = nameColumn
    rows = []
  }

  /// The rows that are indicators (not ★ parents, 其中 rows or level labels).
  public var indicatorRows: [IndicatorRow] { rows.filter { $0.kind == .indicator } }
}

/// A row of the indicator block: `cells[i]` under `columns[i]`. A level or project-name cell left blank
/// (under a merge, or a blank continuation cell) holds the cell it was filled down from, whose reference
/// is on a row above; any other blank is an empty cell of the row.
public struct IndicatorRow: Sendable, Hashable {
  /// What a row of the block is (docs/rules.md, "Reading printed forms").
  public enum Kind: String, Sendable, Hashable {
    /// An indicator: it is scored.
    case indicator
    /// A ★ row whose following rows' weights sum to its own: the children are counted, not it.
    case parent
    /// A `其中：` row without weight and score, detailing the row above: the row above is counted.
    case detail
    /// A row that prints only level names (一级/二级), no indicator.
    case levelLabel
  }

  public var row: Int
  public var kind: Kind
  public var cells: [GridCell]
  /// The 一级 and 二级 names with their points split off (`产出指标（40分）`), filled down as the cells are.
  public var level1: PointsLabel?
  public var level2: PointsLabel?

  public init(row: Int, kind: Kind, cells: [GridCell], level1: PointsLabel? = nil, level2: PointsLabel? = nil) {
    self.row = row
    self.kind = kind
    self.cells = cells
    self.level1 = level1
    self.level2 = level2
  }
}

/// 总分 | 100 | 97.90 | 优: the label, the weight sum under the weight column, the claimed total under the
/// score column (an empty cell when the form leaves it blank; nil when the form has no such column or the
/// label's merge covers it), the grade if printed, and any other cell of the row.
public struct TotalRow: Sendable, Hashable {
  public var label: GridCell
  public var weightSum: GridCell?
  public var claimedTotal: GridCell?
  public var grade: GridCell?
  public var otherCells: [GridCell]

  public init(
    label: GridCell, weightSum: GridCell? = nil, claimedTotal: GridCell? = nil, grade: GridCell? = nil,
    otherCells: [GridCell] = []
  ) {
    self.label = label
    self.weightSum = weightSum
    self.claimedTotal = claimedTotal
    self.grade = grade
    self.otherCells = otherCells
  }
}

/// A row of a table the locator could not place: its cells that hold something, and why.
public struct UnplacedRow: Sendable, Hashable {
  public var row: Int
  public var cells: [GridCell]
  public var reason: String

  public init(row: Int, cells: [GridCell], reason: String) {
    self.row = row
    self.cells = cells
    self.reason = reason
  }
}

/// A column of the indicator block with cells under no header (or under a header's merge, beside the
/// cell the header names).
public struct UnnamedColumn: Sendable, Hashable {
  public var column: Int
  public var cells: [GridCell]

  public init(column: Int, cells: [GridCell]) {
    self.column = column
    self.cells = cells
  }
}
