import Foundation
import Jixiao

/// The synthetic year as a workbook of printed forms in layout L1 (national, 财预〔2020〕10号; forms.md):
/// title and year, header block, funds block, goals block, the indicator block with 一级/二级 as merged
/// cells over their rows (and the rotated 年度绩效指标完成情况 label down the first column), the 总分 row.
/// One table a sheet, or all tables down one sheet. Written with the library's `WorkbookWriter` (shared
/// strings, one percent style, merged areas), the writer of the 复核 workbook. L1 prints no 赋分规则, 佐证资料,
/// 指标值设定依据, 上年完成情况 or 完成率 column, so those fields of the JSON Lines year are not in the workbook.
struct WorkbookYear {
  enum Layout: String {
    /// One table a sheet, as a provincial system exports a year.
    case sheetPerTable = "sheets"
    /// Every table down one sheet, a blank row between them.
    case oneSheet = "one-sheet"
  }

  static let columns = 9

  /// Converts a JSON Lines year, line by line.
  static func write(from jsonLines: String, to path: String, layout: Layout) throws {
    let input = try String(contentsOfFile: jsonLines, encoding: .utf8)
    var book = WorkbookYear()
    for (index, line) in input.split(separator: "\n").enumerated() {
      guard let table = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
      if index == 0 || layout == .sheetPerTable {
        book.book.beginSheet("自评表\(index + 1)")
      } else {
        book.book.nextRow()
      }
      book.addForm(table)
    }
    try Data(try book.book.finish()).write(to: URL(fileURLWithPath: path))
  }

  private var book = WorkbookWriter()
  private let percent: Int

  private init() {
    percent = book.format(.init(numberFormat: WorkbookWriter.CellFormat.percentTwoDecimals))
  }

  /// Writes one table's form from the current row on, leaving the writer on the row after it.
  private mutating func addForm(_ table: [String: Any]) {
    let funds = table["funds"] as? [String: Any] ?? [:]
    let sources = funds["sources"] as? [[String: Any]] ?? []
    let indicators = table["indicators"] as? [[String: Any]] ?? []
    let year = table["year"] as? Int ?? 2024
    let top = book.row
    let percent = self.percent
    func text(_ column: Int, _ value: Any?) {
      guard let value = value as? String, !value.isEmpty else { return }
      book.text(column, value)
    }
    func number(_ column: Int, _ value: Any?, percent isPercent: Bool = false) {
      let format = isPercent ? percent : 0
      switch value {
      case let text as String: book.number(column, text.hasSuffix("分") ? String(text.dropLast()) : text, format: format)
      case let number as NSNumber: book.number(column, number.stringValue, format: format)
      default: break
      }
    }
    func merge(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int) {
      book.merge(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
    }
    let last = Self.columns - 1

    text(0, "项目支出绩效自评表")
    merge(top, 0, top, last)
    book.nextRow()
    text(0, "（\(year)年度）")
    merge(book.row, 0, book.row, last)
    book.nextRow()
    text(0, "项目名称")
    text(2, table["name"])
    merge(book.row, 0, book.row, 1)
    merge(book.row, 2, book.row, last)
    book.nextRow()
    text(0, "主管部门")
    text(2, table["department"])
    text(5, "实施单位")
    text(6, table["implementer"])
    merge(book.row, 0, book.row, 1)
    merge(book.row, 2, book.row, 4)
    merge(book.row, 6, book.row, last)
    book.nextRow()

    let fundsTop = book.row
    text(0, "项目资金\n（万元）")
    for (column, header) in ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].enumerated() { text(3 + column, header) }
    book.nextRow()
    text(2, "年度资金总额")
    number(3, funds["initialBudget"])
    number(4, funds["annualBudget"])
    number(5, funds["executed"])
    number(6, funds["weight"])
    if let rate = funds["claimedRate"] as? String, let percent = Decimal(string: String(rate.dropLast())) {
      number(7, "\(percent / 100)", percent: true)
    }
    number(8, funds["claimedScore"])
    book.nextRow()
    for (position, source) in sources.enumerated() {
      text(2, position == 0 ? "其中：\(source["name"] as? String ?? "")" : source["name"])
      number(3, source["initialBudget"])
      number(4, source["annualBudget"])
      if source["executed"] is String { number(5, source["executed"]) } else { text(5, "—") }
      for column in 6...8 { text(column, "—") }
      book.nextRow()
    }
    merge(fundsTop, 0, book.row - 1, 1)

    text(0, "年度\n总体\n目标")
    text(2, "预期目标")
    text(5, "实际完成情况")
    merge(book.row, 0, book.row + 1, 1)
    merge(book.row, 2, book.row, 4)
    merge(book.row, 5, book.row, last)
    book.nextRow()
    text(2, "按计划完成\(table["name"] as? String ?? "")的年度任务。")
    text(5, "截止到 \(year) 年 12 月 31 日，已按计划完成年度任务。")
    merge(book.row, 2, book.row, 4)
    merge(book.row, 5, book.row, last)
    book.nextRow()

    let blockTop = book.row
    text(0, "年度绩效指标完成情况")
    for (column, header) in ["一级\n指标", "二级指标", "三级指标", "年度\n指标值", "实际完成值", "分值", "得分", "偏差原因分析及改\n进措施"]
      .enumerated()
    {
      text(1 + column, header)
    }
    book.nextRow()
    var level1Start = book.row
    var level2Start = book.row
    for (position, indicator) in indicators.enumerated() {
      let level1 = indicator["level1"] as? String
      let level2 = indicator["level2"] as? String
      let previous = position > 0 ? indicators[position - 1] : nil
      let newLevel1 = previous?["level1"] as? String != level1
      let newLevel2 = newLevel1 || previous?["level2"] as? String != level2
      if newLevel1 {
        if position > 0 { merge(level1Start, 1, book.row - 1, 1) }
        level1Start = book.row
        text(1, level1)
      }
      if newLevel2 {
        if position > 0 { merge(level2Start, 2, book.row - 1, 2) }
        level2Start = book.row
        text(2, level2)
      }
      text(3, indicator["name"])
      text(4, indicator["target"])
      text(5, indicator["actual"])
      number(6, indicator["weight"])
      number(7, indicator["claimedScore"])
      text(8, indicator["explanation"])
      book.nextRow()
    }
    if !indicators.isEmpty {
      merge(level1Start, 1, book.row - 1, 1)
      merge(level2Start, 2, book.row - 1, 2)
    }
    merge(blockTop, 0, book.row - 1, 0)

    text(0, "总分")
    merge(book.row, 0, book.row, 5)
    number(6, 100 as NSNumber)
    number(7, table["claimedTotal"])
    text(8, table["claimedGrade"])
    book.nextRow()
  }
}
