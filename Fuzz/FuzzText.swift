import Foundation

/// libFuzzer entry for the reader of document text (a 决算 as pdftotext prints it): any bytes as a `.txt`
/// document, read into grids (tables printed, and tables told in prose read by their grammar), then as forms
/// (located, built, scored) and extracted. Nothing may trap or hang; every grid keeps its invariants (each
/// cell at its own reference, only text and empty cells, every text cell knows the line and page it was
/// printed on, within the document); every error names the file, and a table in prose not read its line.
nonisolated(unsafe) private var scorer: Scorer? = {
  guard let path = ProcessInfo.processInfo.environment["JIXIAO_PROFILE"] else { return nil }
  return (try? Profile.read(path: path)).map { Scorer(profile: $0) }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  do {
    let text = try DocumentText(bytes: bytes, file: "fuzz.txt")
    let reading = try DocumentTextReader.read(bytes: bytes, file: "fuzz.txt")
    check(reading.grids, lineCount: text.lines.count, pageCount: text.lines.last?.page ?? 1)
    for error in reading.unread {
      precondition(error.location.file == "fuzz.txt" && error.message.english.hasPrefix("a table in prose"), "an unlocated prose report")
      precondition((1...max(1, text.lines.count)).contains(error.location.line ?? 0), "a prose report outside the document")
    }
  } catch {
    precondition(error.location.file == "fuzz.txt" && error.location.line != nil, "an unlocated text error")
  }
  // The whole path on the same bytes: tables built and scored, and extracted with their provenance.
  for record in TableReader.read(bytes, file: "fuzz.txt", format: .text) {
    switch record {
    case .table(let table): _ = scorer?.score(table)
    case .rejected(let error): precondition(error.location.file == "fuzz.txt", "a rejection naming another file")
    }
  }
  for extraction in TableReader.extract(bytes, file: "fuzz.txt", format: .text) {
    if case .table(let extracted) = extraction {
      precondition(extracted.uncertainCount <= extracted.values.count, "more uncertain values than values")
      _ = ExtractJSON.document([extracted])
    }
  }
  return 0
}

private func check(_ grids: [Grid], lineCount: Int, pageCount: Int) {
  for grid in grids {
    precondition(grid.file == "fuzz.txt", "a grid of another file")
    for (row, cells) in grid.rows.enumerated() {
      for (column, cell) in cells.enumerated() {
        precondition(cell.reference == CellReference(row: row, column: column), "a cell away from its reference")
        switch cell.kind {
        case .text:
          precondition(!cell.text.isEmpty, "an empty text cell")
          guard let origin = cell.origin, let line = origin.line else { preconditionFailure("a text cell without its line") }
          precondition((1...max(1, lineCount)).contains(line), "a cell's line outside the document")
          precondition(origin.field?.hasPrefix("page ") == true, "a cell without its page")
        case .empty: precondition(cell.text.isEmpty, "an empty cell with text")
        default: preconditionFailure("a text cell of kind \(cell.kind)")
        }
      }
    }
  }
}
