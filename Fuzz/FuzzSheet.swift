import Foundation

/// libFuzzer entry for the sheet reader; the first byte picks what the rest is: 0 a worksheet part (read
/// with and without the plain paths, which must agree, and as a shared string table both ways),
/// 1 a whole .xlsx (read into grids, then as forms: located, built and scored), 2 a number format code and a number (split at the first NUL), 3 a styles part whose
/// formats then print a few numbers. Nothing may trap or hang; every grid keeps its invariants (each
/// cell at its own reference, unreadable cells say why, number values are plain decimals that read back
/// as themselves); every error names the file.
nonisolated(unsafe) private var scorer: Scorer? = {
  guard let path = ProcessInfo.processInfo.environment["JIXIAO_PROFILE"] else { return nil }
  return (try? Profile.read(path: path)).map { Scorer(profile: $0) }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSheet(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  switch data[0] % 4 {
  case 0:
    var reader = WorksheetReader(
      file: "fuzz.xlsx", sheetName: "表", strings: SharedStrings(), styles: CellStyles(), uses1904: data[0] & 0x80 != 0,
      limits: .standard)
    let read = Result { () throws(InputError) in try reader.read(bytes: bytes, entry: "xl/worksheets/sheet1.xml", isHidden: false) }
    switch read {
    case .success(let grid): check(grid)
    case .failure(let error):
      precondition(error.location.file == "fuzz.xlsx" && !error.message.english.isEmpty && !error.message.chinese.isEmpty, "an unlocated sheet error")
    }
    // The plain paths (cells, rows, merged areas) against the general reader, their definition.
    reader.usesPlainCells = false
    let general = Result { () throws(InputError) in try reader.read(bytes: bytes, entry: "xl/worksheets/sheet1.xml", isHidden: false) }
    precondition(general == read, "the plain sheet path and the general reader disagree")
    // The same bytes as a shared string table, both ways.
    func strings(_ plain: Bool) -> Result<[String], InputError> {
      Result { () throws(InputError) in
        try SharedStrings(bytes: bytes, file: "fuzz.xlsx", entry: "xl/sharedStrings.xml", usesPlainItems: plain).strings
      }
    }
    precondition(strings(true) == strings(false), "the plain shared string path and the general reader disagree")
    // Read in parts on workers, as a workbook's table is with more than one job: the single reader's strings.
    let inParts = Result { () throws(InputError) in
      try SharedStrings.texts(bytes: bytes, file: "fuzz.xlsx", entry: "xl/sharedStrings.xml", jobs: 3, partBytes: 16)
    }
    precondition(inParts == strings(true), "the shared strings read in parts and the single reader disagree")
  case 1:
    do {
      for grid in try SpreadsheetReader.read(bytes: bytes, file: "fuzz.xlsx") { check(grid) }
    } catch {
      precondition(error.location.file == "fuzz.xlsx" && !error.message.english.isEmpty && !error.message.chinese.isEmpty, "an unlocated workbook error")
    }
    // The whole form path on the same bytes: grids, located forms, the builder and the scorer.
    for record in TableReader.read(bytes, file: "fuzz.xlsx", format: .xlsx) {
      switch record {
      case .table(let table): _ = scorer?.score(table)
      case .rejected(let error): precondition(!error.message.english.isEmpty && !error.message.chinese.isEmpty, "a rejection that does not say why")
      }
    }
  case 2:
    let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    let format = NumberFormat(code: String(decoding: parts[0], as: UTF8.self))
    if parts.count == 2, let number = SheetNumber(String(decoding: parts[1], as: UTF8.self)) {
      _ = format.print(number, uses1904: false)
      _ = format.print(number, uses1904: true)
      precondition(SheetNumber(number.plainText) == number, "a number's plain text reads back as another number")
    }
  default:
    if let styles = try? CellStyles(bytes: bytes, file: "fuzz.xlsx", entry: "xl/styles.xml") {
      for index in 0..<min(styles.formats.count, 16) {
        for value in ["0", "1", "-1234.5678", "0.5", "45292.75", "1E+15", "2958466"] {
          _ = styles.format(index).print(SheetNumber(value)!, uses1904: false)
        }
      }
    }
  }
  return 0
}

private func check(_ grid: Grid) {
  for (row, cells) in grid.rows.enumerated() {
    for (column, cell) in cells.enumerated() {
      precondition(cell.reference == CellReference(row: row, column: column), "a cell away from its reference")
      switch cell.kind {
      case .unreadable: precondition(cell.problem != nil, "an unreadable cell that does not say why")
      case .number:
        let value = cell.value ?? ""
        precondition(SheetNumber(value)?.plainText == value, "a number cell whose value is not a plain decimal")
      case .empty: precondition(cell.text.isEmpty, "an empty cell with text")
      default: break
      }
    }
  }
}
