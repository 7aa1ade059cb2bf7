/// Tab-separated text (seed 002: a table copied out of a PDF viewer or a document exported as text): every
/// cell on a line of its own after a tab, a blank line between rows, a merged cell as a tab with nothing
/// after it. Each row of lines is a row of the grid, each line its next cell, in order; every cell is
/// certain, since the text says where it belongs.
///
/// A merged cell across columns prints once, so its row is shorter than the header: a total row
/// (`总分 | 100 | … | 100.00分`) under the indicator header is right-aligned to it, its label merged over the
/// columns it leaves (the level and name columns), as the printed row shows it.
enum TabbedCells {
  static func grid(_ segment: TableSegmenter.Segment, of text: DocumentText, name: String, vocabulary: FormVocabulary) -> Grid {
    var rows: [[GridCell]] = []
    var lines: [Int] = []
    var current: [GridCell] = []
    func endRow() {
      guard !current.isEmpty else { return }
      rows.append(current)
      current = []
    }
    for line in text.lines[segment.lines] {
      if line.isBlank && !line.isTabbed {
        endRow()
        continue
      }
      guard line.isTabbed, !line.isPageNumber else { continue }
      if current.isEmpty { lines.append(line.number) }
      let printed = withoutBookmarks(line.text.dropFirst().trimmingSpaces())
      let reference = CellReference(row: rows.count, column: current.count)
      current.append(
        printed.isEmpty
          ? .empty(reference) : GridCell(kind: .text, text: printed, reference: reference, origin: text.location(of: line)))
    }
    endRow()

    var grid = Grid(file: text.file, name: name)
    grid.rowLines = lines
    var headerWidth: Int?
    for (row, cells) in rows.enumerated() {
      var shift = 0
      if let width = headerWidth, cells.count < width, let first = cells.first, first.reference.column == 0,
        vocabulary.totalLabels.contains(FormText.labelKey(first.text))
      {
        shift = width - cells.count
        grid.merge(CellRange(first: CellReference(row: row, column: 0), last: CellReference(row: row, column: shift)))
      }
      for (column, cell) in cells.enumerated() where !cell.isEmpty {
        grid[row, column == 0 ? 0 : column + shift] = cell
      }
      if cells.contains(where: { !$0.isEmpty && vocabulary.nameHeaders.contains(FormText.labelKey($0.text)) }) {
        headerWidth = cells.count
      }
    }
    return grid
  }

  /// A Word bookmark a converter left in the text (`[bookmark: _GoBack]设备`) is no part of the cell.
  static func withoutBookmarks(_ printed: String) -> String {
    var text = printed
    while let start = text.range(of: "[bookmark: "), let end = text[start.upperBound...].firstIndex(of: "]") {
      text.removeSubrange(start.lowerBound...end)
    }
    return text.trimmingSpaces()
  }
}
