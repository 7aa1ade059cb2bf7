/// A `w:tbl` being read into a grid. Each row's cells are laid out as Word lays them: from the
/// column after the row's `w:gridBefore`, each cell taking `w:gridSpan` columns. The row's cells are
/// kept until its end, where they go into the grid with its merged areas: a cell spanning columns is
/// a horizontal merge, `w:vMerge` continue cells extend the area of the cell above that starts at the
/// same column and spans as many, and old Word's `w:hMerge` continue cells join the cell before them.
struct WordTable {
  enum MergeMark {
    case none, restart, continuing

    /// `w:vMerge`/`w:hMerge`: `restart`, or `continue` (also written with no value).
    init(_ tag: XMLStartTag) {
      self = WordprocessingML.attribute(tag, "val") == "restart" ? .restart : .continuing
    }
  }

  /// What `w:tcPr` says about the cell being read.
  struct CellProperties {
    var span = 1
    var vertical = MergeMark.none
    var horizontal = MergeMark.none
    /// `w:cellDel`: the cell was deleted as a tracked change (accepted, it is gone).
    var isDeleted = false
  }

  private struct Placement {
    var cell: GridCell
    var column: Int
    var span: Int
    var vertical: MergeMark
    var horizontal: MergeMark
  }

  /// A vertical merge being extended row by row.
  private struct Area {
    var firstRow: Int
    var lastRow: Int
    var column: Int
    var width: Int
  }

  private(set) var grid: Grid
  /// Where the grid goes among the document's grids (a parent's place is taken before its nested
  /// tables are read).
  let slot: Int
  let limits: DocumentReader.Limits
  var nestedTables = 0
  /// Rows kept so far (a row deleted as a tracked change is not kept).
  private(set) var rowCount = 0
  private var nextColumn = 0
  private var placements: [Placement] = []
  var cell = CellProperties()
  private var open: [Int: Area] = [:]

  init(grid: Grid, slot: Int, limits: DocumentReader.Limits) {
    self.grid = grid
    self.slot = slot
    self.limits = limits
  }

  /// Where the cell being read lies, for messages.
  var currentReference: CellReference {
    CellReference(row: rowCount, column: min(nextColumn, limits.maximumColumnsPerTable))
  }

  mutating func beginRow() throws(InputError) {
    guard rowCount < limits.maximumRowsPerTable else {
      throw InputError(
        grid.location(of: CellReference(row: rowCount, column: 0)),
        Message(en: "the table has more than \(limits.maximumRowsPerTable) rows", zh: "该表格超过 \(limits.maximumRowsPerTable) 行"))
    }
    nextColumn = 0
    placements = []
  }

  /// `w:gridBefore`: columns left empty before the row's first cell.
  mutating func skipColumnsBefore(_ value: String) throws(InputError) {
    guard placements.isEmpty else { return }
    nextColumn = try columns(value, what: "w:gridBefore", at: CellReference(row: rowCount, column: 0))
  }

  mutating func beginCell() { cell = CellProperties() }

  mutating func setSpan(_ value: String) throws(InputError) {
    cell.span = try columns(value, what: "w:gridSpan", at: currentReference)
    if cell.span == 0 { cell.span = 1 }
  }

  /// A column count from an attribute: a whole number no greater than the table's column limit.
  private func columns(_ value: String, what: String, at reference: CellReference) throws(InputError) -> Int {
    guard let count = Int(value), count >= 0, count <= limits.maximumColumnsPerTable else {
      throw InputError(
        grid.location(of: reference),
        Message(
          en: "\(what) is \"\(value)\", not a number of columns from 0 to \(limits.maximumColumnsPerTable)",
          zh: "\(what) 为 \"\(value)\"，不是 0 到 \(limits.maximumColumnsPerTable) 之间的列数"))
    }
    return count
  }

  /// The cell whose `</w:tc>` was just read, at the next free column of the row.
  mutating func placeCell(text: String, overflowed: Bool) throws(InputError) {
    guard !cell.isDeleted else { return }
    let reference = currentReference
    guard nextColumn + cell.span <= limits.maximumColumnsPerTable else {
      throw InputError(
        grid.location(of: reference),
        Message(
          en: "the cell reaches past column \(limits.maximumColumnsPerTable) (the table's limit; Word allows 63)",
          zh: "该单元格超出第 \(limits.maximumColumnsPerTable) 列（表格的上限；Word 允许 63 列）"))

    }
    let content: GridCell
    if overflowed {
      content = GridCell(
        kind: .unreadable, text: "",
        problem: "the cell holds more than \(limits.maximumTextBytesPerCell) bytes of text, more than a form's cell ever does",
        reference: reference)
    } else {
      // Word has no number formats: what a cell holds is the text it prints.
      content = text.isEmpty ? .empty(reference) : GridCell(kind: .text, text: text, reference: reference)
    }
    placements.append(
      Placement(cell: content, column: nextColumn, span: cell.span, vertical: cell.vertical, horizontal: cell.horizontal))
    nextColumn += cell.span
  }

  /// Puts the row's cells into the grid, extends the vertical merges it continues and closes the
  /// others; returns how many of its cells hold something.
  mutating func endRow() -> Int {
    let row = rowCount
    rowCount += 1
    var filled = 0
    // Old Word's horizontal merges: a continue cell widens the restart cell before it.
    var logical: [(column: Int, width: Int, vertical: MergeMark)] = []
    var inHorizontalMerge = false
    for placement in placements {
      if !placement.cell.isEmpty {
        grid[CellReference(row: row, column: placement.column)] = placement.cell
        filled += 1
      }
      if placement.horizontal == .continuing, inHorizontalMerge, let last = logical.last,
        last.column + last.width == placement.column
      {
        logical[logical.count - 1].width += placement.span
      } else {
        logical.append((placement.column, placement.span, placement.vertical))
        inHorizontalMerge = placement.horizontal != .none
      }
    }
    var next: [Int: Area] = [:]
    for cell in logical {
      if cell.vertical == .continuing, var area = open[cell.column], area.width == cell.width {
        area.lastRow = row
        next[cell.column] = area
        open[cell.column] = nil
      } else if cell.vertical != .none {
        // A continue cell with nothing to continue above starts an area of its own, as Word shows it.
        next[cell.column] = Area(firstRow: row, lastRow: row, column: cell.column, width: cell.width)
      } else if cell.width > 1 {
        grid.merge(
          CellRange(
            first: CellReference(row: row, column: cell.column),
            last: CellReference(row: row, column: cell.column + cell.width - 1)))
      }
    }
    closeOpenAreas()
    open = next
    placements = []
    return filled
  }

  /// A row deleted as a tracked change: it is not kept.
  mutating func abandonRow() { placements = [] }

  private mutating func closeOpenAreas() {
    // In column order, so that the grid's merges come out the same every time.
    for area in open.values.sorted(by: { $0.column < $1.column }) where area.width > 1 || area.lastRow > area.firstRow {
      grid.merge(
        CellRange(
          first: CellReference(row: area.firstRow, column: area.column),
          last: CellReference(row: area.lastRow, column: area.column + area.width - 1)))
    }
    open = [:]
  }

  /// The grid, once `</w:tbl>` was read.
  mutating func finish() -> Grid {
    closeOpenAreas()
    return grid
  }
}
