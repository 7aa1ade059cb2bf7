/// Reads the indicator block from its header row: the header (one row, or two under a group header), the
/// columns it names, a rotated label down the left side, and each row below until the total row, the next
/// table or the end of the grid, as an indicator or a known structural row (docs/rules.md, "Reading
/// printed forms").
struct IndicatorBlockReader {
  struct Result {
    var block: IndicatorBlock
    /// The block's last row (its header's, when no row follows).
    var lastRow: Int
    var unplacedRows: [UnplacedRow]
    var unnamedColumns: [UnnamedColumn]
  }

  let view: FormGrid
  let headerRow: Int
  /// The grid column of 三级指标.
  let nameGridColumn: Int
  private var vocabulary: FormVocabulary { view.vocabulary }

  init(view: FormGrid, headerRow: Int, nameColumn: Int) {
    self.view = view
    self.headerRow = headerRow
    self.nameGridColumn = nameColumn
  }

  mutating func read() -> Result {
    let subheaderRow = hasSubheader() ? headerRow + 1 : nil
    let headerRows = headerRow...(subheaderRow ?? headerRow)
    let bodyEnd = bodyEnd(after: headerRows.upperBound)
    let bodyRows = (headerRows.upperBound + 1)..<bodyEnd
    var width = 0
    // Nothing is read beyond the last cell of any row (a header merged further names no cell).
    for row in headerRows.lowerBound..<bodyEnd { width = max(width, view.grid.count(ofRow: row)) }

    // The headers, column by column; a column may be named by the lower row of a two-row header.
    var columns: [FormColumn] = []
    /// By grid column, its index in `columns`, or -1 where it is none.
    var gridColumnIndex = Array(repeating: -1, count: width)
    var unnamed: Set<Int> = []
    var group: GridCell?
    for column in 0..<width {
      let top = view.grid[CellReference(row: headerRow, column: column)]
      if !top.isEmpty { group = top }
      if let subheaderRow {
        let lower = view.grid[CellReference(row: subheaderRow, column: column)]
        if !lower.isEmpty {
          gridColumnIndex[column] = columns.count
          columns.append(
            FormColumn(column: column, header: lower, group: top.isEmpty ? groupCell(over: column, else: group) : top))
          continue
        }
      }
      if !top.isEmpty {
        gridColumnIndex[column] = columns.count
        columns.append(FormColumn(column: column, header: top))
      } else {
        // No header, or covered by one merged across it from the left: a cell below is under no name.
        unnamed.insert(column)
      }
    }

    // A rotated label down the left side: the only cell of its column in the block, holding 指标 or 绩效.
    let firstRoleColumn = columns.first { isStructural($0.key) }?.column ?? nameGridColumn
    var rotatedLabel: GridCell?
    for column in 0..<min(firstRoleColumn, width) where rotatedLabel == nil {
      var found: [GridCell] = []
      for row in headerRows.lowerBound..<bodyEnd {
        let cell = view.grid[CellReference(row: row, column: column)]
        if !cell.isEmpty { found.append(cell) }
        if found.count > 1 { break }
      }
      guard found.count == 1, vocabulary.isRotatedLabel(found[0].key) else { continue }
      rotatedLabel = found[0]
      let index = gridColumnIndex[column]
      if index >= 0 {
        gridColumnIndex[column] = -1
        columns.remove(at: index)
        for key in gridColumnIndex.indices where gridColumnIndex[key] > index { gridColumnIndex[key] -= 1 }
      }
      unnamed.remove(column)
    }

    let nameColumn = nameGridColumn < width ? max(gridColumnIndex[nameGridColumn], 0) : 0
    var block = IndicatorBlock(headerRows: headerRows, columns: columns, nameColumn: nameColumn)
    block.rotatedLabel = rotatedLabel
    // Each column's key looked up once for the five roles (a key that may name none, as most columns' keys:
    // 指标值, 实际完成值, 偏差原因 …, not at all), the columns not copied.
    let roles = columns.indices.map { vocabulary.roles(of: FormKey(columns[$0].key)) }
    func role(_ role: FormVocabulary.Roles) -> Int? { roles.firstIndex { $0.contains(role) } }
    block.level1Column = role(.level1)
    block.level2Column = role(.level2)
    block.projectNameColumn = role(.projectName)
    block.weightColumn = role(.weight)
    block.scoreColumn = role(.score)

    var result = Result(block: block, lastRow: headerRows.upperBound, unplacedRows: [], unnamedColumns: [])
    result.block.rows.reserveCapacity(bodyRows.count)
    readRows(bodyRows, into: &result, unnamed: unnamed, skipping: rotatedLabel?.reference.column)
    reportLevelLabelsOverNothing(&result)
    markParents(&result.block)
    return result
  }

  /// A row printing only a level's name heads the rows that carry its cell down; one that heads none
  /// (`注：另附说明` in the 一级指标 column of the last row, as a CSV saves a note merged across the block)
  /// labels nothing and is reported, not kept as structure.
  private func reportLevelLabelsOverNothing(_ result: inout Result) {
    let rows = result.block.rows
    var lone: Set<Int> = []
    for index in rows.indices where rows[index].kind == .levelLabel {
      let label = rows[index]
      // Under it: a row its cell is carried down to, or one printing the same name again (a flat export).
      let own = Set([label.level1?.cell.reference, label.level2?.cell.reference].compactMap { $0 })
      let heads = rows[(index + 1)...].contains { row in
        guard row.kind != .levelLabel else { return false }
        let levels = [row.level1, row.level2].compactMap { $0 }
        return levels.contains { own.contains($0.cell.reference) }
          || (label.level1 != nil && row.level1?.name == label.level1?.name)
          || (label.level2 != nil && row.level2?.name == label.level2?.name)
      }
      if !heads { lone.insert(index) }
    }
    guard !lone.isEmpty else { return }
    for index in lone.sorted() {
      let row = rows[index]
      result.unplacedRows.append(
        UnplacedRow(
          row: row.row, cells: row.cells.filter { !$0.isEmpty && $0.reference.row == row.row },
          reason: "a level name with no indicator under it"))
    }
    result.block.rows = rows.enumerated().filter { !lone.contains($0.offset) }.map(\.element)
    result.unplacedRows.sort { $0.row < $1.row }
  }

  /// The header merged over a column (its top-left cell), or the last header to its left (`fallback`),
  /// as a CSV prints a group header: once, with blanks after it.
  private func groupCell(over column: Int, else fallback: GridCell?) -> GridCell? {
    if let range = view.merge(at: CellReference(row: headerRow, column: column)) {
      return view.grid[range.first]
    }
    return fallback
  }

  private func isStructural(_ key: String) -> Bool {
    vocabulary.level1Headers.contains(key) || vocabulary.level2Headers.contains(key) || vocabulary.nameHeaders.contains(key)
      || vocabulary.projectNameHeaders.contains(key)
  }

  /// Whether the row below the header is a second header row: nothing under 三级指标 or the levels, and
  /// every cell it holds short text under a header merged across columns or under a blank header (a
  /// group header as a CSV prints it).
  private func hasSubheader() -> Bool {
    let row = headerRow + 1
    guard row < view.rowCount, case .other = view.anchors[row].anchor else { return false }
    let cells = view.filled(row)
    guard !cells.isEmpty, !cells.contains(where: { $0.reference.column == nameGridColumn }) else { return false }
    var underGroup = false
    for cell in cells {
      guard cell.kind == .text, FormGrid.isShort(cell.text), PrintedNumber.plainDecimal(cell.text, as: .decimal) == nil else {
        return false
      }
      let above = CellReference(row: headerRow, column: cell.reference.column)
      if let range = view.merge(at: above), range.columnCount > 1 {
        underGroup = true
      } else if view.grid[above].isEmpty {
        underGroup = true
      } else if isStructural(view.grid[above].key) {
        return false
      }
    }
    return underGroup
  }

  /// The row after the block's last row: the block ends at the total row or a remark, at the next
  /// table's title, header or block label left of the name column, or at another indicator header.
  private func bodyEnd(after lastHeaderRow: Int) -> Int {
    var row = lastHeaderRow + 1
    while row < view.rowCount {
      let anchor = view.anchors[row]
      let column = anchor.cell?.reference.column ?? 0
      switch anchor.anchor {
      case .title, .indicatorHeader: return row
      case .total where column <= nameGridColumn, .note where column <= nameGridColumn: return row
      case .headerLabel where column < nameGridColumn, .funds where column < nameGridColumn,
        .goals where column < nameGridColumn:
        return row
      default: row += 1
      }
    }
    return row
  }

  // MARK: Rows

  private mutating func readRows(_ rows: Range<Int>, into result: inout Result, unnamed: Set<Int>, skipping rotated: Int?) {
    let block = result.block
    /// By column index, its grid column: the columns themselves are not copied for each row.
    let gridColumns = block.columns.map(\.column)
    // Filled down, highest first: a new project name starts its levels afresh, a new 一级 its 二级.
    let fillDown = [block.projectNameColumn, block.level1Column, block.level2Column]
    var isFilledDown = Array(repeating: false, count: gridColumns.count)
    for index in fillDown.compactMap({ $0 }) { isFilledDown[index] = true }
    /// By column index, the last cell that held the column's level (or project name), to fill down.
    var lastFilled: [GridCell?] = Array(repeating: nil, count: gridColumns.count)
    /// By grid column, whether it is under no header (`unnamed`).
    var isUnnamed = Array(repeating: false, count: (unnamed.max() ?? -1) + 1)
    for column in unnamed { isUnnamed[column] = true }
    var unnamedCells: [Int: [GridCell]] = [:]
    let firstBodyRow = rows.lowerBound
    /// The levels' last labels: a level's cell is filled down over the rows under it, and split once.
    /// Two variables, not a tuple, which was copied and destroyed whole for each row.
    var lastLevel1: PointsLabel?
    var lastLevel2: PointsLabel?

    // The row's own cells are asked of the grid, held once for the block: a row's view (`Grid.Row`) held the
    // grid's storage, four arrays counted in and out again for every row.
    let grid = view.grid
    for row in rows where !view.isBlank(row) {
      result.lastRow = row
      let ownCount = grid.count(ofRow: row)
      /// The row's own cell under column `index` is filled (before any is filled down).
      func ownFilled(_ index: Int) -> Bool {
        let column = gridColumns[index]
        return column < ownCount && !grid.isEmpty(row: row, column: column)
      }
      var cells = gridColumns.map { column in grid[row, column] }

      for (rank, index) in fillDown.enumerated() {
        guard let index else { continue }
        if ownFilled(index) {
          lastFilled[index] = cells[index]
          // Lower levels start afresh under a new higher one.
          for lower in fillDown[(rank + 1)...] { if let lower { lastFilled[lower] = nil } }
        } else if let range = view.merge(at: cells[index].reference), range.first.row < row, range.first.row >= firstBodyRow {
          cells[index] = view.grid[range.first]
        } else if let above = lastFilled[index] {
          cells[index] = above
        }
      }

      var strays: [GridCell] = []
      // Told by the grid before a cell is made: most rows hold nothing under no header.
      for column in 0..<min(ownCount, isUnnamed.count)
      where isUnnamed[column] && column != rotated && !grid.isEmpty(row: row, column: column) {
        strays.append(grid[row, column])
      }
      var namedCount = 0
      var firstFilled = -1
      var fillsOwnColumn = false
      for index in gridColumns.indices where ownFilled(index) {
        namedCount += 1
        if firstFilled < 0 { firstFilled = index }
        if !isFilledDown[index] { fillsOwnColumn = true }
      }
      if namedCount == 0 {
        if !strays.isEmpty {
          result.unplacedRows.append(
            UnplacedRow(row: row, cells: strays, reason: "its cells are under no header of the indicator block"))
        }
        continue
      }
      for cell in strays { unnamedCells[cell.reference.column, default: []].append(cell) }

      let kind: IndicatorRow.Kind
      let onlyCell = namedCount == 1 ? cells[firstFilled] : nil
      if let onlyCell, strays.isEmpty, let range = view.merge(at: onlyCell.reference), range.columnCount >= 3,
        !PointsLabel(onlyCell).name.hasSuffix("指标")
      {
        // One text merged across the block (注：…) is a note, not a level or an indicator.
        result.unplacedRows.append(
          UnplacedRow(row: row, cells: [onlyCell], reason: "one text across the indicator block, not an indicator"))
        continue
      } else if fillsOwnColumn {
        kind = isDetail(cells, block) ? .detail : .indicator
      } else {
        kind = .levelLabel
      }
      let level1 = level(block.level1Column, cells, last: &lastLevel1)
      let level2 = level(block.level2Column, cells, last: &lastLevel2)
      // The row's cells handed over, not copied with the row into the block.
      result.block.rows.append(IndicatorRow(row: row, kind: kind, cells: consume cells, level1: level1, level2: level2))
    }
    result.unnamedColumns = unnamedCells.keys.sorted().map { UnnamedColumn(column: $0, cells: unnamedCells[$0]!) }
  }

  /// The label of the level in column `index`: `last`, the label of the row above, when the cell is the same
  /// (filled down), else `PointsLabel(cell)`, kept as `last`.
  private func level(_ index: Int?, _ cells: [GridCell], last: inout PointsLabel?) -> PointsLabel? {
    guard let index, !cells[index].isEmpty else { return nil }
    if last?.cell != cells[index] { last = PointsLabel(cells[index]) }
    return last
  }

  /// A `其中：` row with no weight and no score details the row above it.
  private func isDetail(_ cells: [GridCell], _ block: IndicatorBlock) -> Bool {
    // The weight and score first: nearly every indicator prints one, and telling so reads no text.
    if let index = block.weightColumn, !cells[index].isEmpty { return false }
    if let index = block.scoreColumn, !cells[index].isEmpty { return false }
    let name = cells[block.nameColumn].text
    // Both words begin with 其中, which nearly every name does not.
    return FormText.startsTrimmed(name, with: "其中")
      && (FormText.startsTrimmed(name, with: "其中：") || FormText.startsTrimmed(name, with: "其中:"))
  }

  // MARK: ★ parent rows

  /// A ★ row whose following indicators of the same levels carry weights summing to its own is a parent.
  private func markParents(_ block: inout IndicatorBlock) {
    guard let weightColumn = block.weightColumn else { return }
    let rows = block.rows
    // Rows by index, not copied out of the array one by one.
    func isStarred(_ index: Int) -> Bool {
      rows[index].kind == .indicator && FormText.startsTrimmed(rows[index].cells[block.nameColumn].text, with: "★")
    }
    func levels(_ index: Int) -> [String?] { [rows[index].level1?.name, rows[index].level2?.name] }
    for index in rows.indices where isStarred(index) {
      guard let whole = Self.weight(rows[index].cells[weightColumn]) else { continue }
      var sum = Rational.zero
      for child in (index + 1)..<rows.count {
        if rows[child].kind == .detail { continue }
        guard rows[child].kind == .indicator, !isStarred(child), levels(child) == levels(index),
          let part = Self.weight(rows[child].cells[weightColumn]), let added = try? sum + part
        else { break }
        sum = added
        if sum >= whole {
          if sum == whole { block.rows[index].kind = .parent }
          break
        }
      }
    }
  }

  /// A weight as held: a number cell's value, or printed points (`15`, `15分`); a percent (`15%`) counts
  /// its digits, the share of 100 the form prints.
  static func weight(_ cell: GridCell) -> Rational? {
    if cell.kind == .number, let value = cell.value { return Rational(decimalText: Substring(value)) }
    guard case .value(let value) = PrintedNumber.read(FormText.droppingPercent(cell.text), as: .points) else { return nil }
    return value
  }
}
