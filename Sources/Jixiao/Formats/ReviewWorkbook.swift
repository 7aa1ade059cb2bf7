/// `--format xlsx`: the 复核 workbook, written with `WorkbookWriter` (no package dependency). Four sheets:
///
/// - 汇总: the batch summary (counts, claimed against recomputed points, grade transitions, findings by
///   code, the largest over-claims).
/// - 复核: the CSV worksheet's rows and columns (`Worksheet`), then the reviewer's two columns
///   (复核调整得分, 复核意见), then the columns that let `ReviewWorkbookReader` rebuild each table through the
///   same `TableBuilder` (实施单位, 类型, 自评完成率, 年初预算数, 赋分规则 …, 表序, 行序). Numbers are numbers
///   with number formats, text is text (never a formula, whatever it starts with); the header row is frozen;
///   an over-claiming row is filled red, the reviewer's cells yellow.
/// - 发现: one row per finding.
/// - 说明: the marker `ReviewWorkbookReader` recognises, the profile (name, version, hash), jixiao's
///   version, the date, and how to use the workbook.
public enum ReviewWorkbook {
  /// What the 说明 sheet records about the run.
  public struct Metadata: Sendable, Hashable {
    public var profile: Profile
    public var jixiaoVersion: String
    /// `2026-12-04`.
    public var date: String

    public init(profile: Profile, jixiaoVersion: String, date: String) {
      self.profile = profile
      self.jixiaoVersion = jixiaoVersion
      self.date = date
    }
  }

  /// Why the workbook cannot be written.
  public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: Message
    public var description: String { message.english }
  }

  public static let summarySheet = "汇总"
  public static let reviewSheet = "复核"
  public static let findingsSheet = "发现"
  public static let notesSheet = "说明"

  /// The 说明 sheet's A1, by which `ReviewWorkbookReader` knows a workbook jixiao wrote.
  public static let marker = "jixiao 复核工作簿"
  /// The layout of the 复核 sheet; a reader refuses a later one.
  public static let layoutVersion = 1

  /// The reviewer's columns: the score that replaces the engine's (0…权重), and the reason for it.
  public static let overrideColumn = "复核调整得分"
  public static let commentColumn = "复核意见"

  /// The columns after the reviewer's that carry what the worksheet does not show, so that the table can
  /// be rebuilt: the table's 实施单位, 类型 and printed 自评等级; the funds row's 年初预算数; an indicator's
  /// 自评完成率 and its printed texts; the table's place in the workbook (表序) and the row's in its table
  /// (行序: 0 the funds row, 1… the indicators, then the total row), by which rows sorted or filtered by
  /// the reviewer are put back in order.
  public static let sourceColumns = [
    "实施单位", "类型", "自评等级", "年初预算数", "自评完成率", "赋分规则", "指标值设定依据", "上年完成情况", "佐证资料", "偏差原因分析及改进措施", "原表可选列",
    "表序", "行序",
  ]

  /// The label of a 资金来源 row's 一级指标: the funds block's sources, which the workbook (not the CSV
  /// worksheet) lists under the funds row so that the table can be rebuilt.
  public static let sourceLabel = "资金来源"

  /// The optional columns of an indicator as the 复核 sheet heads them; the total row's 原表可选列 lists
  /// those the table printed (a column printed but left blank everywhere leaves no value to show it).
  static let optionalColumnHeaders: [(Indicator.OptionalColumn, String)] = [
    (.claimedCompletion, "自评完成率"), (.rule, "赋分规则"), (.basis, "指标值设定依据"), (.lastYear, "上年完成情况"), (.evidence, "佐证资料"),
    (.explanation, "偏差原因分析及改进措施"),
  ]

  /// Every column of the 复核 sheet, in order.
  public static let columns = Worksheet.columns + [overrideColumn, commentColumn] + sourceColumns

  /// The most rows a sheet holds (Excel's limit).
  public static let maximumRows = 1_048_576

  static let headerFill = "D9D9D9"
  static let reviewerFill = "FFF2CC"
  static let overClaimFill = "FFC7CE"

  /// The workbook of a batch: its results in input order and its summary.
  public static func bytes(results: [TableResult], summary: BatchSummary, metadata: Metadata) throws(Failure) -> [UInt8] {
    let rowCount = results.reduce(1) { $0 + $1.indicators.count + ($1.funds.map { 2 + $0.sources.count } ?? 1) }
    guard rowCount <= maximumRows else {
      throw Failure(
        message: Message(
          en:
            "the 复核 sheet would have \(rowCount) rows; a sheet holds at most \(maximumRows): split the batch, or write --format csv",
          zh: "复核表将有 \(rowCount) 行，而一张工作表最多 \(maximumRows) 行：请把这批表分开，或写成 --format csv"))
    }
    var book = WorkbookWriter()
    let styles = Styles(&book)
    writeSummary(summary, results: results, into: &book, styles: styles)
    writeReview(results, into: &book, styles: styles)
    writeFindings(results, into: &book, styles: styles)
    writeNotes(metadata, into: &book, styles: styles)
    do {
      return try book.finish()
    } catch {
      throw Failure(message: Message(verbatim: error.entry.map { "\($0): " } ?? "") + error.message)
    }
  }

  /// The cell formats the sheets use, registered once.
  struct Styles {
    let header: Int
    let reviewerHeader: Int
    let title: Int
    /// By fill (none, reviewer, over-claim): text, points, amount, rate, integer.
    let cells: [Fill: [Kind: Int]]

    enum Fill: CaseIterable { case none, reviewer, overClaim }
    enum Kind: CaseIterable { case text, points, amount, rate, integer }

    init(_ book: inout WorkbookWriter) {
      header = book.format(.init(fill: ReviewWorkbook.headerFill, bold: true, wrapsText: true))
      reviewerHeader = book.format(.init(fill: ReviewWorkbook.reviewerFill, bold: true, wrapsText: true))
      title = book.format(.init(bold: true))
      var cells: [Fill: [Kind: Int]] = [:]
      for fill in Fill.allCases {
        let colour: String? =
          switch fill {
          case .none: nil
          case .reviewer: ReviewWorkbook.reviewerFill
          case .overClaim: ReviewWorkbook.overClaimFill
          }
        for kind in Kind.allCases {
          let numberFormat =
            switch kind {
            case .text: WorkbookWriter.CellFormat.general
            case .points: WorkbookWriter.CellFormat.twoDecimals
            case .amount: WorkbookWriter.CellFormat.thousandsTwoDecimals
            case .rate: WorkbookWriter.CellFormat.percentTwoDecimals
            case .integer: WorkbookWriter.CellFormat.integer
            }
          cells[fill, default: [:]][kind] = book.format(.init(numberFormat: numberFormat, fill: colour))
        }
      }
      self.cells = cells
    }

    func cell(_ kind: Kind, _ fill: Fill = .none) -> Int { cells[fill]![kind]! }
  }

  // MARK: 复核

  static func writeReview(_ results: [TableResult], into book: inout WorkbookWriter, styles: Styles) {
    book.beginSheet(reviewSheet, frozenRows: 1)
    let reviewerColumns = Set([overrideColumn, commentColumn].compactMap(columns.firstIndex(of:)))
    for (column, name) in columns.enumerated() {
      book.text(column, name, format: reviewerColumns.contains(column) ? styles.reviewerHeader : styles.header)
    }
    book.widen(columns.firstIndex(of: commentColumn)!, to: 30)
    book.nextRow()
    for (tableOffset, result) in results.enumerated() {
      let items = Dictionary(result.indicators.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
      var order = 0
      /// One row: the worksheet's cells, the reviewer's, then the source columns.
      func write(_ row: Worksheet.Row, place: ScoreOverride.Place, review: ReviewerScore?, extra: [String: Worksheet.Cell]) {
        let fill: Styles.Fill = row.overClaimed ? .overClaim : .none
        for (column, cell) in row.cells.enumerated() {
          ReviewWorkbook.write(cell, column: column, fill: fill, into: &book, styles: styles)
        }
        var extra = extra
        extra["实施单位"] = .text(result.implementer?.string ?? "")
        extra["类型"] = .text(result.kind.rawValue + (result.isTargetTable ? "-target" : ""))
        extra["表序"] = .year(tableOffset + 1)
        extra["行序"] = .year(order)
        order += 1
        let overrideAt = Worksheet.columns.count
        if let review {
          book.number(overrideAt, review.score.description, format: styles.cell(.points, .reviewer))
          book.text(overrideAt + 1, review.comment, format: styles.cell(.text, .reviewer))
        } else if let refused = result.unappliedOverrides.first(where: { $0.place == place }) {
          // Shown again where the reviewer wrote it, to be corrected (its finding is in 发现).
          if let score = refused.score {
            book.number(overrideAt, exactDecimal(score), format: styles.cell(.points, .reviewer))
          } else {
            book.text(overrideAt, refused.scoreText, format: styles.cell(.text, .reviewer))
          }
          book.text(overrideAt + 1, refused.comment, format: styles.cell(.text, .reviewer))
        } else if row.kind != .total, row.kind != .source {
          // Empty cells that carry the reviewer's fill, so the columns to fill in show.
          book.blank(overrideAt, format: styles.cell(.text, .reviewer))
          book.blank(overrideAt + 1, format: styles.cell(.text, .reviewer))
        }
        for (offset, name) in sourceColumns.enumerated() {
          guard let cell = extra[name] else { continue }
          ReviewWorkbook.write(cell, column: overrideAt + 2 + offset, fill: fill, into: &book, styles: styles)
        }
        book.nextRow()
      }
      for row in Worksheet.tableRows(result) {
        switch row.kind {
        case .funds:
          write(
            row, place: .funds, review: result.funds?.review,
            extra: ["年初预算数": .amount(result.funds?.initialBudget), "自评完成率": .rate(result.funds?.claimedRate)])
          for (offset, source) in (result.funds?.sources ?? []).enumerated() {
            let cells: [Worksheet.Cell] =
              Array(row.cells.prefix(4)) + [
                .text(sourceLabel), .text(""), .text(source.name.string), .text(""), .amount(source.annualBudget),
                .amount(source.executed),
              ]
            write(
              Worksheet.Row(kind: .source, cells: cells, overClaimed: false), place: .source(position: offset + 1), review: nil,
              extra: ["年初预算数": .amount(source.initialBudget)])
          }
        case .indicator(let position):
          let item = items[position]
          write(
            row, place: .indicator(position: position), review: item?.review,
            extra: [
              "自评完成率": .rate(item?.claimedCompletion), "赋分规则": .text(item?.ruleText?.string ?? ""),
              "指标值设定依据": .text(item?.basis?.string ?? ""), "上年完成情况": .text(item?.lastYear?.string ?? ""),
              "佐证资料": .text(item?.evidence?.string ?? ""),
              "偏差原因分析及改进措施": .text(item?.explanation?.string ?? ""),
            ])
        case .source:
          break
        case .total:
          let printed = optionalColumnHeaders.filter { result.columns.contains($0.0) }.map(\.1)
          write(
            row, place: .total, review: nil,
            extra: ["自评等级": .text(result.claimedGrade?.rawValue ?? ""), "原表可选列": .text(printed.joined(separator: "、"))])
        }
      }
    }
  }

  /// One typed cell: an empty text or absent number is left out (the reviewer's cells excepted).
  static func write(_ cell: Worksheet.Cell, column: Int, fill: Styles.Fill, into book: inout WorkbookWriter, styles: Styles) {
    switch cell {
    case .text(let text):
      guard !text.isEmpty else { return }
      book.text(column, text, format: styles.cell(.text, fill))
    case .points(let value):
      guard let value else { return }
      book.number(column, value.description, format: styles.cell(.points, fill))
    case .amount(let value):
      guard let value else { return }
      book.number(column, exactDecimal(value), format: styles.cell(.amount, fill))
    case .rate(let value):
      guard let value else { return }
      book.number(column, exactDecimal(value), format: styles.cell(.rate, fill))
    case .year(let value):
      guard let value else { return }
      book.number(column, String(value), format: styles.cell(.integer, fill))
    }
  }

  /// A value as a decimal: exact when it has at most `exactPlaces` decimals (an amount, a printed rate), else
  /// rounded half up to that many (a computed rate such as 2/3).
  static func exactDecimal(_ value: Rational) -> String {
    for places in 0...exactPlaces {
      let text = value.formatted(places: places)
      if let reread = Rational(decimalText: Substring(text)), reread == value { return text }
    }
    return value.formatted(places: exactPlaces)
  }

  static let exactPlaces = 10

  // MARK: 汇总

  static func writeSummary(_ summary: BatchSummary, results: [TableResult], into book: inout WorkbookWriter, styles: Styles) {
    book.beginSheet(summarySheet)
    func line(_ label: String, _ value: Int) {
      book.text(0, label)
      book.number(1, String(value), format: styles.cell(.integer))
      book.nextRow()
    }
    func heading(_ text: String) {
      book.nextRow()
      book.text(0, text, format: styles.title)
      book.nextRow()
    }
    book.text(0, "批量复核汇总", format: styles.title)
    book.nextRow()
    line("读取表数", summary.tablesRead)
    line("复核", summary.tablesScored)
    line("目标表", summary.targetTables)
    line("无法读取", summary.rejectedCount)
    book.text(0, "合计")
    book.text(1, summary.countsAddUp ? "相符" : "不符")
    book.nextRow()
    line("含复核调整的表", results.filter(\.isOverridden).count)

    heading("自评与复核")
    for (column, name) in ["填有总分的表", "自评合计", "复核合计", "差额"].enumerated() {
      book.text(column, name, format: styles.header)
    }
    book.nextRow()
    book.number(0, String(summary.tablesWithClaimedTotal), format: styles.cell(.integer))
    book.number(1, summary.claimedPoints.description, format: styles.cell(.points))
    book.number(2, summary.recomputedPoints.description, format: styles.cell(.points))
    book.number(3, (summary.claimedPoints - summary.recomputedPoints).description, format: styles.cell(.points))
    book.nextRow()

    if !summary.transitions.isEmpty {
      heading("等级变化（行：自评，列：复核）")
      let grades = Grade.allCases
      book.text(0, "自评＼复核", format: styles.header)
      for (column, grade) in grades.enumerated() { book.text(column + 1, grade.rawValue, format: styles.header) }
      book.nextRow()
      let claimedRows: [Grade?] = grades + (summary.transitions.keys.contains { $0.claimed == nil } ? [nil] : [])
      for claimed in claimedRows {
        book.text(0, claimed?.rawValue ?? "未填")
        for (column, recomputed) in grades.enumerated() {
          let count = summary.transitions[.init(claimed: claimed, recomputed: recomputed)] ?? 0
          book.number(column + 1, String(count), format: styles.cell(.integer))
        }
        book.nextRow()
      }
    }

    if !summary.findingsByCode.isEmpty {
      heading("发现（按代码）")
      for (column, name) in ["代码", "数量", "说明"].enumerated() { book.text(column, name, format: styles.header) }
      book.nextRow()
      for (code, count) in SummaryReport.sortedFindings(summary) {
        book.text(0, code.rawValue)
        book.number(1, String(count), format: styles.cell(.integer))
        book.text(2, FindingCatalogue.descriptor(for: code)?.title ?? "")
        book.nextRow()
      }
    }

    if !summary.largestOverClaims.isEmpty {
      heading("多报最多的表")
      for (column, name) in ["名次", "表编号", "项目名称", "主管部门", "自评总分", "复核总分", "多报"].enumerated() {
        book.text(column, name, format: styles.header)
      }
      book.nextRow()
      for (rank, claim) in summary.largestOverClaims.enumerated() {
        book.number(0, String(rank + 1), format: styles.cell(.integer))
        book.text(1, claim.id)
        book.text(2, claim.name)
        book.text(3, claim.department ?? "")
        book.number(4, claim.claimed.description, format: styles.cell(.points))
        book.number(5, claim.recomputed.description, format: styles.cell(.points))
        book.number(6, claim.over.description, format: styles.cell(.points, .overClaim))
        book.nextRow()
      }
    }

    if summary.rejectedCount > 0 {
      heading("无法读取")
      for error in summary.rejections {
        book.text(0, error.description)
        book.nextRow()
      }
      if summary.rejectedCount > summary.rejections.count {
        book.text(0, "……另有 \(summary.rejectedCount - summary.rejections.count) 条（均已在标准错误输出中列出）")
        book.nextRow()
      }
    }
  }

  // MARK: 发现

  static func writeFindings(_ results: [TableResult], into book: inout WorkbookWriter, styles: Styles) {
    book.beginSheet(findingsSheet, frozenRows: 1)
    for (column, name) in ["表编号", "项目名称", "代码", "级别", "位置", "说明"].enumerated() {
      book.text(column, name, format: styles.header)
    }
    book.widen(5, to: 40)
    book.nextRow()
    for result in results {
      for finding in result.findings {
        book.text(0, result.id)
        book.text(1, result.name.string)
        book.text(2, finding.code.rawValue)
        book.text(3, finding.severity.label)
        book.text(4, finding.location.label)
        book.text(5, finding.message)
        book.nextRow()
      }
    }
  }

  // MARK: 说明

  /// How to use the workbook, one paragraph a row.
  static let instructions = [
    "如何使用",
    "1. “复核”工作表每张表一组行：预算执行行（及其资金来源行）、每个三级指标一行、总分行。“复核得分”是 jixiao 按评分方案重算的得分，“差额”为自评得分减去复核结果（正数为多报，整行标红）。",
    "2. 复核人员只填写黄色的两列：“复核调整得分”（0 至该项权重之间的分数）和“复核意见”（调整的理由，必填）。不调整的行留空。总分行不能调整：总分按各项得分（有调整的按调整后得分）重新相加。",
    "3. 可以排序、筛选、改变格式；请勿修改其他列，也不要删除“表序”“行序”两列：读回时按它们恢复各表和各行的顺序。",
    "4. 保存后运行 jixiao rescore 本文件（可加 --format xlsx -o 新文件.xlsx 等）：jixiao 从“复核”工作表重建各表、重新评分，并采用复核人员的调整。调整超出 0 至权重、不是数字或缺少复核意见的，不予采用，并在结果中报告其单元格。",
    "5. 结果同时保留 jixiao 的得分和复核人员的得分；总分、等级和汇总按复核人员的得分计算，调整过的项目在每种输出中都有标注（发现代码 review.override）。",
    "6. 本工作簿不含公式。文本中 XML 不允许的控制字符以 _xHHHH_ 形式保存，读回时还原。",
  ]

  static func writeNotes(_ metadata: Metadata, into book: inout WorkbookWriter, styles: Styles) {
    book.beginSheet(notesSheet)
    book.text(0, marker, format: styles.title)
    book.number(1, String(layoutVersion), format: styles.cell(.integer))
    book.nextRow()
    let facts = [
      ("评分方案", metadata.profile.name), ("方案版本", metadata.profile.version), ("方案指纹", metadata.profile.contentHash),
      ("jixiao 版本", metadata.jixiaoVersion), ("生成日期", metadata.date),
    ]
    for (label, value) in facts {
      book.text(0, label)
      book.text(1, value)
      book.nextRow()
    }
    book.nextRow()
    let wrapped = book.format(.init(wrapsText: true))
    for (offset, paragraph) in instructions.enumerated() {
      book.text(0, paragraph, format: offset == 0 ? styles.title : wrapped)
      book.nextRow()
    }
  }
}
