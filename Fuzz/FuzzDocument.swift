import Foundation

/// libFuzzer entry for the Word document reader; the first byte picks what the rest is: 0 a main
/// document part (`word/document.xml`), 1 a whole .docx. Nothing may trap or hang; every grid keeps its
/// invariants (each cell at its own reference, only text, empty and unreadable cells, unreadable cells
/// say why, merged areas inside the grid's bounds and apart, names unique with each nested table after
/// its parent, preambles without blank paragraphs); every error names the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  var limits = DocumentReader.Limits()
  // Small limits, so that inputs of a few kilobytes reach them.
  limits.maximumRowsPerTable = 64
  limits.maximumColumnsPerTable = 64
  limits.maximumTextBytesPerCell = 256
  limits.maximumPreambleParagraphs = 4
  do {
    let grids: [Grid]
    if data[0] % 2 == 0 {
      var reader = DocumentBodyReader(file: "fuzz.docx", limits: limits)
      grids = try reader.read(bytes: bytes, entry: "word/document.xml")
    } else {
      grids = try DocumentReader.read(bytes: bytes, file: "fuzz.docx", limits: limits)
    }
    check(grids, limits: limits)
  } catch {
    precondition(error.location.file == "fuzz.docx" && !error.message.english.isEmpty && !error.message.chinese.isEmpty, "an unlocated document error")
  }
  return 0
}

private func check(_ grids: [Grid], limits: DocumentReader.Limits) {
  var names: Set<String> = []
  for grid in grids {
    precondition(names.insert(grid.name).inserted, "two grids named \(grid.name)")
    if let dot = grid.name.lastIndex(of: ".") {
      precondition(names.contains(String(grid.name[..<dot])), "a nested table before its parent")
    }
    precondition(grid.preamble.count <= limits.maximumPreambleParagraphs, "a preamble past its limit")
    precondition(grid.preamble.allSatisfy { !$0.allSatisfy(\.isWhitespace) }, "a blank paragraph in a preamble")
    precondition(grid.rowCount <= limits.maximumRowsPerTable, "rows past the limit")
    for (row, cells) in grid.rows.enumerated() {
      precondition(cells.count <= limits.maximumColumnsPerTable, "columns past the limit")
      for (column, cell) in cells.enumerated() {
        precondition(cell.reference == CellReference(row: row, column: column), "a cell away from its reference")
        precondition(cell.value == nil && cell.formula == nil, "a document cell with a value or formula")
        switch cell.kind {
        case .text: precondition(!cell.text.isEmpty && cell.text.utf8.count <= limits.maximumTextBytesPerCell, "a text cell's text")
        case .empty: precondition(cell.text.isEmpty, "an empty cell with text")
        case .unreadable: precondition(cell.problem != nil, "an unreadable cell that does not say why")
        default: preconditionFailure("a document cell of kind \(cell.kind)")
        }
      }
    }
    for (index, area) in grid.merges.enumerated() {
      precondition(area.first != area.last && area.last.column < limits.maximumColumnsPerTable, "a merged area out of bounds")
      for other in grid.merges[..<index] {
        let apart =
          other.last.row < area.first.row || area.last.row < other.first.row || other.last.column < area.first.column
          || area.last.column < other.first.column
        precondition(apart, "overlapping merged areas")
      }
    }
  }
}
