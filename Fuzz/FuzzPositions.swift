import Foundation

/// libFuzzer entry for the readers of a document's text by position; the first byte picks what the rest
/// is: 0 pdftotext's `-tsv` output (as `PDFReader` parses it), 1 pdftotext `-layout` text. The words are
/// assembled into grids (`PositionedTextAssembler`), the forms located, built and scored. Nothing may trap
/// or hang; every grid cell sits at its own reference, is text or empty, and says where it was printed;
/// merged areas lie apart; every rejection names the file and says why.
nonisolated(unsafe) private var scorer: Scorer? = {
  guard let path = ProcessInfo.processInfo.environment["JIXIAO_PROFILE"] else { return nil }
  return (try? Profile.read(path: path)).map { Scorer(profile: $0) }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPositions(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  let grids: [Grid]
  if data[0] % 2 == 0 {
    do {
      let text = try PDFTextTSV.parse(bytes, file: "fuzz.pdf", maximumWords: 10_000)
      grids = PositionedTextAssembler(units: .points).grids(text, file: "fuzz.pdf", name: "fuzz")
    } catch {
      precondition(error.location.file == "fuzz.pdf" && !error.message.english.isEmpty && !error.message.chinese.isEmpty, "an unlocated tsv error")
      return 0
    }
  } else {
    grids = LayoutTextReader.grids(bytes: bytes, file: "fuzz.txt")
    if let text = try? DocumentText(bytes: bytes, file: "fuzz.txt") { _ = DocumentTextReader.isLayoutText(text) }
  }
  for grid in grids {
    for (row, cells) in grid.rows.enumerated() {
      for (column, cell) in cells.enumerated() {
        precondition(cell.reference == CellReference(row: row, column: column), "a cell away from its reference")
        switch cell.kind {
        case .text: precondition(!cell.text.isEmpty && cell.origin != nil, "a text cell without text or origin")
        case .empty: precondition(cell.text.isEmpty, "an empty cell with text")
        default: preconditionFailure("a positioned cell of kind \(cell.kind)")
        }
      }
    }
    for (index, area) in grid.merges.enumerated() {
      precondition(area.first.row <= area.last.row && area.first.column <= area.last.column, "a merged area upside down")
      for other in grid.merges[..<index] {
        let apart =
          other.last.row < area.first.row || area.last.row < other.first.row || other.last.column < area.first.column
          || area.last.column < other.first.column
        precondition(apart, "merged areas overlap")
      }
    }
  }
  guard let scorer else { return 0 }
  for record in TableReader.readForms(grids: grids, file: "fuzz") {
    switch record {
    case .table(let table): _ = ResultJSON.encode(scorer.score(table))
    case .rejected(let error): precondition(!error.message.english.isEmpty && !error.message.chinese.isEmpty, "a rejection always says why")
    }
  }
  return 0
}
