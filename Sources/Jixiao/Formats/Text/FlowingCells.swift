/// Text of several cells to a line (pdftotext's default output of a table): placeholder, a row a line.
struct FlowingCells {
  let text: DocumentText
  let segment: TableSegmenter.Segment
  let vocabulary: FormVocabulary

  func grid(name: String) -> Grid {
    var grid = Grid(file: text.file, name: name)
    var row = 0
    for line in text.lines[segment.lines] where !line.isBlank && !line.isPageNumber {
      grid.rowLines.append(line.number)
      for (column, word) in line.text.split(separator: " ").enumerated() {
        grid[row, column] = GridCell(
          kind: .text, text: String(word), reference: CellReference(row: row, column: column), origin: text.location(of: line))
      }
      row += 1
    }
    return grid
  }
}
