/// The grid of a stretch of rows: columns assigned block by block, merged labels placed, cells written.
extension PositionedTextAssembler {
  func assemble(_ bands: [Band], file: String, name: String) -> Grid {
    var bands = bands
    var grid = Grid(file: file, name: name)
    var columns: Columns?
    // The header's columns as each later page of the block prints them, where they differ (layout text).
    var pageColumns: [Int: Columns] = [:]
    var levelColumns = 0..<0
    var blockStart = 0
    var placed: [[(column: Int, cell: Cell)]] = []
    var headerRows = Set<Int>()
    var row = 0
    while row < bands.count {
      let band = bands[row]
      if isHeader(band) {
        // A part label raised to the header row is the block's label, not a column's header.
        var headerCells = band.cells.filter { !isPartLabel($0) }
        var rows = 1
        // Left of 一级指标 only a rotated label (绩效指标 down the block's side) prints: it is dropped.
        if let level1 = headerCells.first(where: { vocabulary.level1Headers.contains(FormKey(FormText.labelKey($0.text))) }) {
          let edge = level1.left - 0.5 * level1.lineHeight
          headerCells.removeAll { $0.right < edge }
          var end = row
          while end < bands.count, end == row || (!isHeader(bands[end]) && !startsNewPart(bands[end])) {
            // In a column too narrow to turn it, the side label prints across, reaching into the levels.
            bands[end].cells.removeAll {
              ($0.right < edge && !TableSchema.isTotalRowLabel($0.text))
                || ($0.left < edge && Self.sideLabels.contains(FormText.labelKey($0.text)))
            }
            end += 1
          }
        }
        // A second header row under a header that spans several columns (年度指标值 over 指标性质 · 指标值 · 度量单位).
        if row + 1 < bands.count, !isHeader(bands[row + 1]), isSubheader(bands[row + 1], under: band) {
          let lower = bands[row + 1].cells
          let upperCells = headerCells
          headerCells.removeAll { upper in subheaders(under: upper, among: lower, beside: upperCells).count >= 2 }
          headerCells += lower
          headerCells.sort { $0.left < $1.left }
          rows = 2
        }
        columns = makeColumns(header: headerCells, bands: bands[row...])
        var blockEnd = row + rows
        while blockEnd < bands.count, !isHeader(bands[blockEnd]), !startsNewPart(bands[blockEnd]) { blockEnd += 1 }
        pageColumns = columnsByPage(header: headerCells, columns: columns!, rows: bands[(row + rows)..<blockEnd])
        let blockColumns = columns!
        let byPage = pageColumns
        func columnsOf(_ cell: Cell) -> Columns { byPage[cell.page] ?? blockColumns }
        let keys = headerCells.map { FormText.labelKey($0.text) }
        if let nameIndex = keys.firstIndex(where: { vocabulary.nameHeaders.contains(FormKey($0)) }) {
          levelColumns = 0..<(columns!.labelLefts.count + nameIndex)
          var end = row + rows
          while end < bands.count, !isHeader(bands[end]), !startsNewPart(bands[end]),
            !bands[end].cells.contains(where: {
              TableSchema.isTotalRowLabel($0.text) || vocabulary.isNote(FormText.labelKey($0.text))
            })
          {
            end += 1
          }
          func nameSpan(_ cell: Cell) -> (left: Double, right: Double) { columnsOf(cell).spans[nameIndex] }
          // Layout text can print two cells of a row one space apart (a narrow table: `成本指标 经济成本指标`):
          // parted by the header's columns before the rows are told from the lines of wrapped cells.
          if units == .characters {
            for index in (row + rows)..<end where !bands[index].cells.isEmpty {
              bands[index].cells = parted(bands[index], by: columnsOf(bands[index].cells[0]), underHeads: true)
            }
          }
          joinRowsSplitAcrossPages(
            &bands, rows: (row + rows)..<end, isLevelOrName: { $0.center < nameSpan($0).right },
            column: { columnsOf($0).column(of: $0).index })
          if units == .characters {
            // The row's one-line cells (weight, claimed score) mark its line.
            let rowValueColumns = Set(
              keys.indices.filter {
                vocabulary.weightHeaders.contains(FormKey(keys[$0])) || vocabulary.scoreHeaders.contains(FormKey(keys[$0]))
              }
              .map { columns!.labelLefts.count + $0 })
            joinContinuationLines(
              &bands, rows: (row + rows)..<end, isLevel: { $0.center < nameSpan($0).left },
              column: { columnsOf($0).column(of: $0).index },
              isName: { $0.center >= nameSpan($0).left && $0.center < nameSpan($0).right },
              isRowValue: { rowValueColumns.contains(columnsOf($0).column(of: $0).index) })
          }
          spreadLevels(&bands, rows: (row + rows)..<end) { $0.center < nameSpan($0).left }
          let emptied = ((row + rows)..<end).filter { bands[$0].cells.isEmpty }
          for index in emptied.reversed() { bands.remove(at: index) }
        } else {
          levelColumns = 0..<0
        }
        blockStart = placed.count
        for offset in 0..<rows {
          headerRows.insert(placed.count)
          placed.append(bands[row + offset].cells.map { (columns!.column(of: $0).index, $0) })
        }
        if rows == 2 {
          // The spanning header over its sub-headers.
          for upper in band.cells where !headerCells.contains(where: { $0.left == upper.left && $0.top == upper.top }) {
            let covered = subheaders(under: upper, among: bands[row + 1].cells, beside: band.cells).map {
              columns!.column(of: $0).index
            }
            if let first = covered.min(), let last = covered.max() {
              if let index = placed[placed.count - 2].firstIndex(where: { $0.cell.left == upper.left }) {
                placed[placed.count - 2][index].column = first
              }
              grid.merge(
                CellRange(
                  first: CellReference(row: placed.count - 2, column: first),
                  last: CellReference(row: placed.count - 2, column: last)))
            }
          }
        }
        row += rows
        continue
      }
      if let blockColumns = columns, !startsNewPart(band) {
        let current = pageColumns[band.page] ?? blockColumns
        placed.append(
          parted(band, by: current).map { cell in
            var (column, doubt) = current.column(of: cell)
            // A total row's label is merged across the level and name columns and prints centred on them.
            if !levelColumns.isEmpty, TableSchema.isTotalRowLabel(cell.text) {
              column = min(column, levelColumns.upperBound)
              doubt = nil
            }
            var cell = cell
            if cell.doubt == nil { cell.doubt = doubt }
            return (column, cell)
          })
      } else {
        columns = nil
        pageColumns = [:]
        levelColumns = 0..<0
        blockStart = placed.count
        placed.append(
          band.cells.enumerated().map { offset, cell in
            // A goals text goes under its header, wherever it falls in its own row.
            guard let header = cell.goalsHeader,
              let column = placed.suffix(4).reversed().lazy.compactMap({ row in
                row.first { $0.cell.page == header.page && $0.cell.left == header.left && $0.cell.top == header.top }?.column
              }).first
            else { return (offset, cell) }
            return (column, cell)
          })
      }
      row += 1
      _ = blockStart
      _ = levelColumns
    }
    placed = placingMergedLabels(placed, headerRows: headerRows, grid: &grid)
    for (rowIndex, cells) in placed.enumerated() {
      var used = Set<Int>()
      for (column, cell) in cells {
        var column = column
        if used.contains(column) {
          // Two cells in one column of a row: the second goes beside it, kept and doubted.
          var existing = grid[rowIndex, column]
          existing.text += " " + cell.text
          existing.doubt = existing.doubt ?? "two pieces of text fell in one column: joined"
          grid[rowIndex, column] = existing
          continue
        }
        used.insert(column)
        column = max(column, 0)
        grid[rowIndex, column] = gridCell(cell, file: file)
        if cell.rowSpan > 1 {
          grid.merge(
            CellRange(
              first: CellReference(row: rowIndex, column: column),
              last: CellReference(row: rowIndex + cell.rowSpan - 1, column: column)))
        }
      }
    }
    return grid
  }

  /// A row's pieces, each parted where its words fall under different headers, but only into columns no
  /// other cell of the row holds (a value wider than its header runs into the next column's span, beside the
  /// value there). A total row's label (总 分) is one cell however its characters are spaced.
  func parted(_ band: Band, by columns: Columns, underHeads: Bool = false) -> [Cell] {
    band.cells.enumerated().flatMap { offset, cell in
      let parts = TableSchema.isTotalRowLabel(cell.text) ? [cell] : columns.parting(cell, underHeads: underHeads)
      let own = columns.column(of: cell).index
      let others = Set(band.cells.enumerated().filter { $0.offset != offset }.map { columns.column(of: $0.element).index })
      return parts.contains { columns.column(of: $0).index != own && others.contains(columns.column(of: $0).index) }
        ? [cell] : parts
    }
  }

  /// A row a page break splits (a word processor breaks a tall row; a spreadsheet never does) prints its top
  /// part at the foot of one page and the rest of its text at the head of the next, after the header printed
  /// again (dropped) or none: a row of an indicator block first on its page, with neither level nor name,
  /// is the rest of the last row of the page before. Each piece joins the text of its column there; a piece
  /// under a blank of that row (it may as well be a row whose name is missing) goes there with a doubt.
  func joinRowsSplitAcrossPages(
    _ bands: inout [Band], rows: Range<Int>, isLevelOrName: (Cell) -> Bool, column: (Cell) -> Int
  ) {
    for index in rows.dropFirst() where bands[index].page > bands[index - 1].page {
      let pieces = bands[index].cells
      guard !pieces.isEmpty, !pieces.contains(where: isLevelOrName), !bands[index - 1].cells.isEmpty,
        !pieces.contains(where: { TableSchema.isTotalRowLabel($0.text) || vocabulary.isNote(FormText.labelKey($0.text)) })
      else { continue }
      for piece in pieces {
        if let existing = bands[index - 1].cells.firstIndex(where: { column($0) == column(piece) }) {
          var cell = bands[index - 1].cells[existing]
          cell.text = WrappedText.joiningWrapped(cell.text, piece.text)
          cell.lineCount += piece.lineCount
          cell.words = []
          cell.doubt = cell.doubt ?? piece.doubt
          bands[index - 1].cells[existing] = cell
        } else {
          var cell = piece
          cell.page = bands[index - 1].page
          cell.top = bands[index - 1].top
          cell.bottom = bands[index - 1].bottom
          cell.doubt = "text at the head of a page under a blank of the row above, joined to it: its row is a guess"
          bands[index - 1].cells.append(cell)
          bands[index - 1].cells.sort { $0.left < $1.left }
        }
      }
      bands[index].cells = []
    }
  }

  /// The label an indicator block prints down its side (rotated, or across where the column is narrow).
  static let sideLabels = Set((PartReader.rotatedLabels + ["绩效指标", "绩效指标完成情况"]).map(FormText.labelKey))

  func isSubheader(_ band: Band, under header: Band) -> Bool {
    guard band.cells.allSatisfy({ !$0.text.contains(where: \.isNumber) && $0.text.count <= 8 }) else { return false }
    return header.cells.contains { upper in subheaders(under: upper, among: band.cells, beside: header.cells).count >= 2 }
  }

  /// A row that starts a part of its own (a title, the header block, the funds or goals label): the
  /// columns of the header above end there.
  func startsNewPart(_ band: Band) -> Bool {
    guard let first = band.cells.first else { return false }
    let key = FormText.labelKey(first.text)
    return isGoalsHeader(band) || vocabulary.isTitle(printed: first.text) || vocabulary.headerLabels.contains(FormKey(key))
      || vocabulary.isFundsLabel(key) || vocabulary.goalsLabels.contains(FormKey(key))
      || band.cells.contains { vocabulary.isTitle(printed: $0.text) }
  }

  func makeColumns(header: [Cell], bands: ArraySlice<Band>) -> Columns {
    var spans: [(left: Double, right: Double)] = []
    for (index, cell) in header.enumerated() {
      // The first column starts a little left of its header: a wider label centred under it starts earlier
      // (half a line's height in points; two characters in layout text, whose columns are rounded).
      let margin = units == .points ? 0.5 * cell.lineHeight : 2
      let left = index == 0 ? cell.left - margin : (header[index - 1].right + cell.left) / 2
      let right = index + 1 < header.count ? (cell.right + header[index + 1].left) / 2 : .infinity
      spans.append((left, right))
    }
    // Label columns: the left edges of what prints left of the first header, in the block's rows.
    var lefts: [Double] = []
    let first = spans.first?.left ?? 0
    for band in bands.prefix(200) {
      for cell in band.cells where cell.center < first {
        if !lefts.contains(where: { abs($0 - cell.left) < cell.lineHeight }) { lefts.append(cell.left) }
      }
    }
    return Columns(spans: spans, heads: header.map { ($0.left, $0.right) }, labelLefts: lefts.sorted())
  }

  /// Merged labels: a part's label in the leftmost column, and the levels of an indicator block, printed
  /// centred on the rows they span, are put on the first of those rows (the rows below them up to the one
  /// above the next label of the column, or symmetric about the label) and merged down.
  func placingMergedLabels(
    _ placed: [[(column: Int, cell: Cell)]], headerRows: Set<Int>, grid: inout Grid
  ) -> [[(column: Int, cell: Cell)]] {
    _ = grid
    return placed
  }

  func gridCell(_ cell: Cell, file: String) -> GridCell {
    let origin: SourceLocation
    switch units {
    case .points:
      origin = SourceLocation(file: file, field: "第 \(cell.page) 页 (x \(Int(cell.left.rounded())), y \(Int(cell.top.rounded())))")
    case .characters:
      origin = SourceLocation(file: file, line: cell.fileLine, field: "第 \(cell.page) 页, column \(Int(cell.left) + 1)")
    }
    return GridCell(kind: .text, text: cell.text, reference: CellReference(row: 0, column: 0), origin: origin, doubt: cell.doubt)
  }
}
