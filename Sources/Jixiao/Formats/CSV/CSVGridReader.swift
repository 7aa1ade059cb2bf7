/// A CSV saved from a printed form's sheet (Excel's "CSV UTF-8" with its byte-order mark, or "CSV" in
/// GB18030 on Chinese Windows; merged cells blank, every row as wide as the sheet) read into one grid for
/// the form locator. Row and column are the record's and field's (record 1, field 1 is `A1`); each row
/// keeps the line it starts on, so what is read from it says file and line. The text is made UTF-8 and
/// split into records by the project's CSV reader (`CSVTextDecoder`, `CSVParser`), as for a flat CSV.
public enum CSVGridReader {
  /// The grid of the file's records. A file in no encoding jixiao reads, or with more cells than a sheet
  /// may hold, is refused; a malformed record (a quote problem, a cell that is not text in the file's
  /// encoding) is a row of unreadable cells, each with the reason, so the form reader makes a finding on
  /// its row rather than losing it.
  public static func read(bytes: [UInt8], file: String, limits: SpreadsheetReader.Limits = .standard) throws(InputError) -> Grid {
    try readDecoding(bytes: bytes, file: file, limits: limits).grid
  }

  /// `read`, and the encoding the file was found in (a table read from it says when it was transcoded).
  static func readDecoding(bytes: [UInt8], file: String, limits: SpreadsheetReader.Limits = .standard) throws(InputError)
    -> (grid: Grid, encoding: SourceEncoding)
  {
    var decoder = CSVTextDecoder(file: file)
    var parser = CSVParser()
    var rows: [[GridCell]] = []
    var lines: [Int] = []
    var cellCount = 0
    var overflow: Int?

    func add(_ record: CSVParser.Row) {
      guard overflow == nil else { return }
      let row = rows.count
      var cells: [GridCell] = []
      switch record {
      case .fields(let fields, let line):
        lines.append(line)
        for (column, text) in fields.enumerated() where !text.isEmpty {
          cells.append(GridCell(kind: .text, text: text, reference: CellReference(row: row, column: column)))
        }
      case .malformed(let fields, let line, let reason):
        lines.append(line)
        for (column, text) in fields.enumerated() where !text.isEmpty || column == 0 {
          cells.append(
            GridCell(kind: .unreadable, text: text, problem: reason.english, reference: CellReference(row: row, column: column)))
        }
        if fields.isEmpty {
          cells.append(
            GridCell(kind: .unreadable, text: "", problem: reason.english, reference: CellReference(row: row, column: 0)))
        }
      }
      cellCount += cells.count
      if cellCount > limits.maximumCellsPerSheet { overflow = lines.last }
      rows.append(cells)
    }

    func feed(_ text: [UInt8]) throws(InputError) {
      parser.sourceEncoding = decoder.encoding ?? .utf8
      parser.feed(text, add)
      if let refusal = decoder.refusal { throw refusal }
    }
    try feed(decoder.decode(bytes))
    try feed(decoder.finish())
    parser.finish(add)
    if let overflow {
      throw InputError(
        SourceLocation(file: file, line: overflow),
        Message(
          en:
            "the file holds more than \(limits.maximumCellsPerSheet) cells that are not blank, more than a sheet may; split it into smaller files",
          zh: "该文件的非空单元格超过 \(limits.maximumCellsPerSheet) 个，超出一个工作表的上限；请拆分为较小的文件"))

    }
    var grid = Grid(file: file, name: TableReader.baseName(file), rows: rows)
    grid.rowLines = lines
    return (grid, decoder.encoding ?? .utf8)
  }

  /// Whether a CSV holds a printed form rather than flat rows (one indicator a row under a header row):
  /// its first row that holds something, past any corner rows, begins with a title (a text ending in 自评表 or
  /// 目标表, or in it and its year), a header-block label (项目名称, 单位名称 … with its value beside it), the
  /// funds label (项目资金（万元）…) or the goals label (年度总体目标 …), and is no header row of indicator
  /// columns (a row that names 三级指标 or 指标名称 is a flat CSV's header, even when it begins with 项目名称).
  /// A corner row is one of at most `maximumCornerCells` cells that begins with no anchor word (`附件2`,
  /// `金额单位：万元`, `公开14表`), as a form prints above its title; at most `maximumCornerRows` are passed.
  public static func isPrintedForm(_ grid: Grid, vocabulary: FormVocabulary = .standard) -> Bool {
    let filled = (0..<grid.rowCount).lazy.map { grid.cells(inRow: $0) }.filter { $0.contains { !$0.isEmpty } }
      .prefix(maximumCornerRows + 1)
    for cells in filled {
      let row = Grid(
        file: grid.file, name: grid.name,
        rows: [
          cells.map { cell in
            var copy = cell
            copy.reference.row = 0
            return copy
          }
        ])
      switch FormGrid(row, vocabulary: vocabulary).anchors[0].anchor {
      case .title, .headerLabel, .funds, .goals: return true
      case .other where cells.count(where: { !$0.isEmpty }) <= maximumCornerCells: continue
      default: return false
      }
    }
    return false
  }

  /// The corner rows passed above a form's first part: a form prints a few (an attachment number, a form
  /// number, the unit of amounts), never a block.
  static let maximumCornerRows = 4
  /// A corner row's filled cells at most: a flat CSV's header row names many columns.
  static let maximumCornerCells = 2

  /// `isPrintedForm` on the first records of a CSV's first block of bytes (in any encoding a CSV is read
  /// in), before the rest of the file is read.
  static func isPrintedForm(firstBlock bytes: [UInt8]) -> Bool {
    var decoder = CSVTextDecoder(file: "")
    var parser = CSVParser()
    var first: [[String]] = []
    let wanted = maximumCornerRows + 1
    func take(_ row: CSVParser.Row) {
      guard first.count < wanted, case .fields(let fields, _) = row, fields.contains(where: { !$0.isEmpty }) else { return }
      first.append(fields)
    }
    // Piece by piece, up to the first records that hold something: the block is a megabyte, of which
    // they are a few hundred bytes. The decoder and the parser read pieces as they read blocks.
    var start = 0
    while first.count < wanted, start < bytes.count {
      let end = min(bytes.count, start + firstRecordPiece)
      parser.feed(decoder.decode(Array(bytes[start..<end])), take)
      start = end
    }
    if first.count < wanted {
      parser.feed(decoder.finish(), take)
      parser.finish(take)
    }
    return isPrintedForm(firstRecords: first)
  }

  /// How much of the first block `isPrintedForm(firstBlock:)` reads at a time.
  static let firstRecordPiece = 4_096

  /// `isPrintedForm` on a CSV's first record that holds something, as read before the rest of the file.
  public static func isPrintedForm(firstRecord fields: [String], vocabulary: FormVocabulary = .standard) -> Bool {
    isPrintedForm(firstRecords: [fields], vocabulary: vocabulary)
  }

  /// `isPrintedForm` on a CSV's first records that hold something, as read before the rest of the file.
  public static func isPrintedForm(firstRecords records: [[String]], vocabulary: FormVocabulary = .standard) -> Bool {
    let rows = records.enumerated().map { row, fields in
      fields.enumerated().map {
        GridCell(kind: $1.isEmpty ? .empty : .text, text: $1, reference: CellReference(row: row, column: $0))
      }
    }
    return isPrintedForm(Grid(file: "", name: "", rows: rows), vocabulary: vocabulary)
  }
}
