/// Reads back a 复核 workbook that jixiao wrote (`ReviewWorkbook`) and a reviewer edited: the tables its 复核
/// sheet's rows carry, and the reviewer's 复核调整得分 and 复核意见 (`ScoreOverride`, checked and applied by
/// the scorer).
///
/// A workbook is one when its sheet 说明 has jixiao's marker in A1 (`ReviewWorkbook.marker`), whatever the
/// file is called. Its rows are found by their header, not by position: columns may be moved, and columns
/// jixiao does not need may be deleted. Rows may be sorted or filtered and strings and styles rewritten (as
/// LibreOffice and Excel save): each row carries its table's number (表序) and its place in the table (行序),
/// by which the tables are put back together in order; every cell is read by its value, not its look.
enum ReviewWorkbookReader {
  /// The columns a 复核 sheet must have to be read back.
  static let requiredColumns = ["表序", "行序", "一级指标", "三级指标", ReviewWorkbook.overrideColumn, ReviewWorkbook.commentColumn]

  /// The columns read for the table, the funds row, an indicator row and the total row, by header.
  static let tableColumns: [(String, TableField)] = [
    ("表编号", .id), ("年度", .year), ("项目名称", .name), ("主管部门", .department), ("实施单位", .implementer), ("类型", .kind),
  ]
  static let fundsColumns: [(String, TableField)] = [
    ("权重", .fundsWeight), ("目标值", .fundsAnnualBudget), ("自评完成值", .fundsExecuted), ("自评得分", .fundsClaimedScore),
    ("自评完成率", .fundsClaimedRate), ("年初预算数", .fundsInitialBudget),
  ]
  static let indicatorColumns: [(String, TableField)] = [
    ("一级指标", .level1), ("二级指标", .level2), ("三级指标", .indicatorName), ("权重", .weight), ("目标值", .target),
    ("自评完成值", .actual), ("自评得分", .claimedScore), ("自评完成率", .claimedCompletion), ("赋分规则", .rule),
    ("指标值设定依据", .basis), ("上年完成情况", .lastYear), ("佐证资料", .evidence), ("偏差原因分析及改进措施", .explanation),
  ]
  static let sourceColumns: [(String, TableField)] = [
    ("三级指标", .sourceName), ("目标值", .sourceAnnualBudget), ("自评完成值", .sourceExecuted), ("年初预算数", .sourceInitialBudget),
  ]
  static let totalColumns: [(String, TableField)] = [("自评得分", .claimedTotal), ("自评等级", .claimedGrade)]

  /// The tables of a workbook jixiao wrote, in 表序 order, each ready to build, and the rows that name no
  /// table (a 表序 or 行序 that is not a whole number), each a rejection; nil when the workbook is not one
  /// jixiao wrote. Thrown: a workbook with jixiao's marker whose 复核 sheet cannot be read back.
  static func tables(in workbook: SpreadsheetReader) throws(InputError) -> [Result<ReviewedTable, InputError>]? {
    guard let notes = workbook.sheets.first(where: { $0.name == ReviewWorkbook.notesSheet }) else { return nil }
    let notesGrid = try workbook.grid(of: notes)
    guard notesGrid[0, 0].text.trimmingSpaces() == ReviewWorkbook.marker else { return nil }
    let location = SourceLocation(file: workbook.file, field: "\(notes.name)!B1")
    let version = notesGrid[0, 1].value ?? notesGrid[0, 1].text.trimmingSpaces()
    guard let layout = Int(version), layout <= ReviewWorkbook.layoutVersion else {
      throw InputError(
        location,
        Message(
          en:
            "the 复核 workbook's layout version is '\(version)'; this jixiao reads version \(ReviewWorkbook.layoutVersion) and earlier: read it with the jixiao that wrote it",
          zh: "复核工作簿的版式版本为 '\(version)'；本版 jixiao 只能读取版本 \(ReviewWorkbook.layoutVersion) 及更早的版本：请用写出它的 jixiao 读取"))
    }
    // The 复核 sheet by name, else (renamed) the first sheet whose header has the columns.
    var candidates = workbook.sheets.filter { $0.name == ReviewWorkbook.reviewSheet }
    candidates += workbook.sheets.filter { $0.name != ReviewWorkbook.reviewSheet && $0.name != notes.name }
    var firstMissing: (sheet: String, columns: [String])?
    for sheet in candidates {
      let grid = try workbook.grid(of: sheet)
      let header = Header(grid)
      let missing = requiredColumns.filter { header.columns[$0] == nil }
      if missing.isEmpty { return read(grid, header: header) }
      if firstMissing == nil, sheet.name == ReviewWorkbook.reviewSheet { firstMissing = (sheet.name, missing) }
    }
    let (sheet, missing) = firstMissing ?? (ReviewWorkbook.reviewSheet, requiredColumns)
    throw InputError(
      SourceLocation(file: workbook.file, field: "\(sheet)!1"),
      Message(
        en:
          "the 复核 workbook has no sheet whose first row holds the columns \(missing.joined(separator: "、")) that jixiao wrote; keep the 复核 sheet's header row and its 表序 and 行序 columns (write the workbook again with jixiao rescore … --format xlsx)",
        zh:
          "复核工作簿中没有首行含有 jixiao 写出的 \(missing.joined(separator: "、")) 列的工作表；请保留复核表的表头行及其表序、行序列（或用 jixiao rescore … --format xlsx 重新写出工作簿）"
      ))
  }

  /// The header row: each column's index by its text (line breaks and spaces dropped).
  struct Header: Sendable {
    var columns: [String: Int] = [:]

    init(_ grid: Grid) {
      guard let row = grid.rows.first else { return }
      for cell in row where !cell.isEmpty {
        let key = TableSchema.headerKey(cell.text)
        if columns[key] == nil { columns[key] = cell.reference.column }
      }
    }
  }

  /// The rows grouped into tables by 表序, each table's rows in 行序 order.
  static func read(_ grid: Grid, header: Header) -> [Result<ReviewedTable, InputError>] {
    var rejections: [Result<ReviewedTable, InputError>] = []
    var groups: [Int: [(order: Int, row: [GridCell])]] = [:]
    for row in grid.rows.dropFirst() where row.contains(where: { !$0.isEmpty && !$0.text.isBlankText }) {
      let reference = row.first!.reference
      var numbers: [Int] = []
      for name in ["表序", "行序"] {
        let cell = Self.cell(row, header.columns[name]!, reference.row)
        let text = cell.value ?? cell.text.trimmingSpaces()
        guard let number = Int(text), number >= 0 else {
          rejections.append(
            .failure(
              InputError(
                grid.location(of: cell.reference),
                Message(
                  en:
                    "\(name) is '\(text)', not the whole number jixiao wrote: this row cannot be put back into its table (undo the edit to \(name), or write the workbook again)",
                  zh: "\(name)为 '\(text)'，不是 jixiao 写出的整数：这一行无法放回所属的表（请撤销对\(name)的修改，或重新写出工作簿）"))))
          break
        }
        numbers.append(number)
      }
      guard numbers.count == 2 else { continue }
      groups[numbers[0], default: []].append((numbers[1], row))
    }
    let tables = groups.keys.sorted().map { number -> Result<ReviewedTable, InputError> in
      // Stable: rows with the same 行序 keep their order on the sheet.
      let rows = groups[number]!.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
      return .success(ReviewedTable(grid: grid, header: header, number: number, rows: rows.map(\.element.row)))
    }
    return tables + rejections
  }

  /// The cell of a row at a column, an empty one where the row is shorter.
  static func cell(_ row: [GridCell], _ column: Int, _ rowIndex: Int) -> GridCell {
    column < row.count ? row[column] : .empty(CellReference(row: rowIndex, column: column))
  }
}

/// The rows of one table of a 复核 sheet, in 行序 order: built into a `Table` by a `TableBuilder` in a batch
/// worker, with the reviewer's overrides.
struct ReviewedTable: Sendable {
  let file: String
  let sheet: String
  let grid: Grid
  let columns: [String: Int]
  /// 表序.
  let number: Int
  let rows: [[GridCell]]

  init(grid: Grid, header: ReviewWorkbookReader.Header, number: Int, rows: [[GridCell]]) {
    self.file = grid.file
    self.sheet = grid.name
    // Only the rows are kept: the grid is for cell locations, which need its file and name.
    self.grid = Grid(file: grid.file, name: grid.name)
    self.columns = header.columns
    self.number = number
    self.rows = rows
  }

  enum RowKind { case funds, source, indicator, total }

  func build() -> Result<Table, InputError> {
    var builder = makeBuilder(recordingProvenance: false)
    let overrides = fill(&builder)
    return builder.build().map { table in
      var table = table
      table.overrides = overrides
      return table
    }
  }

  /// The table with each value's sheet and cell (`jixiao extract`); the reviewer's overrides are not values
  /// of the table and are not listed.
  func extract() -> TableReader.Extraction {
    var builder = makeBuilder(recordingProvenance: true)
    _ = fill(&builder)
    return TableReader.Extraction(builder)
  }

  private func makeBuilder(recordingProvenance: Bool) -> TableBuilder {
    let firstRow = rows.first?.first?.reference.row ?? 0
    return TableBuilder(
      location: SourceLocation(file: file, field: "\(sheet)!\(firstRow + 1)"),
      defaultID: "\(TableReader.baseName(file))#\(number)", recordingProvenance: recordingProvenance)
  }

  /// Sets every value of the rows, in order; returns the reviewer's overrides.
  private func fill(_ builder: inout TableBuilder) -> [ScoreOverride] {
    var tableFieldsSet = Set<TableField>()
    var overrides: [ScoreOverride] = []
    var position = 0
    var sources = 0
    let printedColumns = self.printedColumns
    for row in rows {
      let rowIndex = row.first?.reference.row ?? 0
      func cell(_ name: String) -> GridCell? {
        columns[name].map { ReviewWorkbookReader.cell(row, $0, rowIndex) }
      }
      func set(_ fields: [(String, TableField)]) {
        for (name, field) in fields {
          guard let cell = cell(name) else { continue }
          if let value = Self.value(cell, for: field) {
            builder.set(field, value, at: grid.location(of: cell.reference))
          } else if printedColumns.contains(name) {
            // The table printed the column, this row left it blank (`evidence.missing` asks the same).
            builder.set(field, .null, at: grid.location(of: cell.reference))
          }
        }
      }
      for (name, field) in ReviewWorkbookReader.tableColumns where !tableFieldsSet.contains(field) {
        guard let cell = cell(name), let value = Self.value(cell, for: field) else { continue }
        builder.set(field, value, at: grid.location(of: cell.reference))
        tableFieldsSet.insert(field)
      }
      let place: ScoreOverride.Place
      switch kind(level1: cell("一级指标")?.text, name: cell("三级指标")?.text) {
      case .funds:
        builder.beginFunds()
        set(ReviewWorkbookReader.fundsColumns)
        place = .funds
      case .source:
        sources += 1
        builder.beginSource()
        set(ReviewWorkbookReader.sourceColumns)
        place = .source(position: sources)
      case .indicator:
        position += 1
        builder.beginIndicator(at: grid.location(of: CellReference(row: rowIndex, column: columns["三级指标"] ?? 0)))
        set(ReviewWorkbookReader.indicatorColumns)
        place = .indicator(position: position)
      case .total:
        set(ReviewWorkbookReader.totalColumns)
        place = .total
      }
      if let scoreCell = cell(ReviewWorkbook.overrideColumn) {
        let comment = cell(ReviewWorkbook.commentColumn)?.text.trimmingSpaces() ?? ""
        let text = scoreCell.text.trimmingSpaces()
        if !text.isBlankText || !comment.isEmpty {
          let score =
            scoreCell.kind == .number
            ? scoreCell.value.flatMap { Rational(decimalText: Substring($0)) }
            : Rational(decimalText: Substring(text))
          overrides.append(
            ScoreOverride(
              place: place, scoreText: text, score: score, comment: comment,
              cell: "\(sheet)!\(scoreCell.reference)"))
        }
      }
    }
    return overrides
  }

  /// The optional columns the table printed, as the total row's 原表可选列 lists them.
  var printedColumns: Set<String> {
    guard let column = columns["原表可选列"] else { return [] }
    for row in rows.reversed() {
      let rowIndex = row.first?.reference.row ?? 0
      let level1 = columns["一级指标"].map { ReviewWorkbookReader.cell(row, $0, rowIndex).text } ?? ""
      guard kind(level1: level1, name: nil) == .total else { continue }
      let listed = ReviewWorkbookReader.cell(row, column, rowIndex).text
      let known = Set(ReviewWorkbook.optionalColumnHeaders.map(\.1))
      return Set(listed.split(separator: "、").map { $0.trimmingSpaces() }.filter(known.contains))
    }
    return []
  }

  /// The funds row, a 资金来源 row and the total row are told by their 一级指标 as the worksheet writes them.
  func kind(level1: String?, name: String?) -> RowKind {
    let level1 = level1?.trimmingSpaces() ?? ""
    if level1 == Worksheet.fundsLevel1, name?.trimmingSpaces() == Worksheet.fundsName { return .funds }
    if level1 == ReviewWorkbook.sourceLabel { return .source }
    if level1 == Worksheet.totalLabel { return .total }
    return .indicator
  }

  /// What a cell gives a field: a number field the number the cell holds (a rate, which a spreadsheet
  /// holds as a fraction, as a percent), a year its number; any other field the text as shown. Blank: nil.
  static func value(_ cell: GridCell, for field: TableField) -> TableBuilder.Value? {
    if cell.isEmpty || cell.text.isBlankText { return nil }
    guard cell.kind == .number, let stored = cell.value else { return .text(cell.text) }
    switch field.value {
    case .number(.rate):
      guard let fraction = Rational(decimalText: Substring(stored)), let percent = try? fraction * .hundred else {
        return .text(cell.text)
      }
      return .text(ReviewWorkbook.exactDecimal(percent) + "%")
    case .number, .year:
      return .number(stored)
    default:
      return .text(cell.text)
    }
  }
}
