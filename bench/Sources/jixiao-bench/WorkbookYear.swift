import Foundation
import Jixiao

/// The synthetic year as a workbook of printed forms in layout L1 (national, 财预〔2020〕10号; forms.md):
/// title and year, header block, funds block, goals block, the indicator block with 一级/二级 as merged
/// cells over their rows (and the rotated 年度绩效指标完成情况 label down the first column), the 总分 row.
/// One table a sheet, or all tables down one sheet. Minimal SpreadsheetML (shared strings, one percent
/// style), written with the library's `ZipWriter`. L1 prints no 赋分规则, 佐证资料, 指标值设定依据, 上年完成情况
/// or 完成率 column, so those fields of the JSON Lines year are not in the workbook.
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
    var sheet = SheetWriter()
    for (index, line) in input.split(separator: "\n").enumerated() {
      guard let table = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
      if layout == .sheetPerTable, index > 0 {
        book.sheets.append(sheet.finish())
        sheet = SheetWriter()
      } else if index > 0 {
        sheet.row += 1
      }
      book.addForm(table, to: &sheet)
    }
    book.sheets.append(sheet.finish())
    try Data(try book.package()).write(to: URL(fileURLWithPath: path))
  }

  private var strings = SharedStringTable()
  private var sheets: [[UInt8]] = []

  /// Writes one table's form from `sheet.row` on, leaving `sheet.row` on the row after it.
  private mutating func addForm(_ table: [String: Any], to sheet: inout SheetWriter) {
    let funds = table["funds"] as? [String: Any] ?? [:]
    let sources = funds["sources"] as? [[String: Any]] ?? []
    let indicators = table["indicators"] as? [[String: Any]] ?? []
    let year = table["year"] as? Int ?? 2024
    let top = sheet.row
    func text(_ column: Int, _ value: Any?) {
      guard let value = value as? String, !value.isEmpty else { return }
      sheet.string(column, strings.index(value))
    }
    func number(_ column: Int, _ value: Any?, percent: Bool = false) {
      switch value {
      case let text as String: sheet.number(column, text.hasSuffix("分") ? String(text.dropLast()) : text, percent: percent)
      case let number as NSNumber: sheet.number(column, number.stringValue, percent: percent)
      default: break
      }
    }
    func merge(_ firstRow: Int, _ firstColumn: Int, _ lastRow: Int, _ lastColumn: Int) {
      sheet.merges.append((firstRow, firstColumn, lastRow, lastColumn))
    }
    let last = Self.columns - 1

    text(0, "项目支出绩效自评表")
    merge(top, 0, top, last)
    sheet.nextRow()
    text(0, "（\(year)年度）")
    merge(sheet.row, 0, sheet.row, last)
    sheet.nextRow()
    text(0, "项目名称")
    text(2, table["name"])
    merge(sheet.row, 0, sheet.row, 1)
    merge(sheet.row, 2, sheet.row, last)
    sheet.nextRow()
    text(0, "主管部门")
    text(2, table["department"])
    text(5, "实施单位")
    text(6, table["implementer"])
    merge(sheet.row, 0, sheet.row, 1)
    merge(sheet.row, 2, sheet.row, 4)
    merge(sheet.row, 6, sheet.row, last)
    sheet.nextRow()

    let fundsTop = sheet.row
    text(0, "项目资金\n（万元）")
    for (column, header) in ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].enumerated() { text(3 + column, header) }
    sheet.nextRow()
    text(2, "年度资金总额")
    number(3, funds["initialBudget"])
    number(4, funds["annualBudget"])
    number(5, funds["executed"])
    number(6, funds["weight"])
    if let rate = funds["claimedRate"] as? String, let percent = Decimal(string: String(rate.dropLast())) {
      number(7, "\(percent / 100)", percent: true)
    }
    number(8, funds["claimedScore"])
    sheet.nextRow()
    for (position, source) in sources.enumerated() {
      text(2, position == 0 ? "其中：\(source["name"] as? String ?? "")" : source["name"])
      number(3, source["initialBudget"])
      number(4, source["annualBudget"])
      if source["executed"] is String { number(5, source["executed"]) } else { text(5, "—") }
      for column in 6...8 { text(column, "—") }
      sheet.nextRow()
    }
    merge(fundsTop, 0, sheet.row - 1, 1)

    text(0, "年度\n总体\n目标")
    text(2, "预期目标")
    text(5, "实际完成情况")
    merge(sheet.row, 0, sheet.row + 1, 1)
    merge(sheet.row, 2, sheet.row, 4)
    merge(sheet.row, 5, sheet.row, last)
    sheet.nextRow()
    text(2, "按计划完成\(table["name"] as? String ?? "")的年度任务。")
    text(5, "截止到 \(year) 年 12 月 31 日，已按计划完成年度任务。")
    merge(sheet.row, 2, sheet.row, 4)
    merge(sheet.row, 5, sheet.row, last)
    sheet.nextRow()

    let blockTop = sheet.row
    text(0, "年度绩效指标完成情况")
    for (column, header) in ["一级\n指标", "二级指标", "三级指标", "年度\n指标值", "实际完成值", "分值", "得分", "偏差原因分析及改\n进措施"]
      .enumerated()
    {
      text(1 + column, header)
    }
    sheet.nextRow()
    var level1Start = sheet.row
    var level2Start = sheet.row
    for (position, indicator) in indicators.enumerated() {
      let level1 = indicator["level1"] as? String
      let level2 = indicator["level2"] as? String
      let previous = position > 0 ? indicators[position - 1] : nil
      let newLevel1 = previous?["level1"] as? String != level1
      let newLevel2 = newLevel1 || previous?["level2"] as? String != level2
      if newLevel1 {
        if position > 0 { merge(level1Start, 1, sheet.row - 1, 1) }
        level1Start = sheet.row
        text(1, level1)
      }
      if newLevel2 {
        if position > 0 { merge(level2Start, 2, sheet.row - 1, 2) }
        level2Start = sheet.row
        text(2, level2)
      }
      text(3, indicator["name"])
      text(4, indicator["target"])
      text(5, indicator["actual"])
      number(6, indicator["weight"])
      number(7, indicator["claimedScore"])
      text(8, indicator["explanation"])
      sheet.nextRow()
    }
    if !indicators.isEmpty {
      merge(level1Start, 1, sheet.row - 1, 1)
      merge(level2Start, 2, sheet.row - 1, 2)
    }
    merge(blockTop, 0, sheet.row - 1, 0)

    text(0, "总分")
    merge(sheet.row, 0, sheet.row, 5)
    number(6, 100 as NSNumber)
    number(7, table["claimedTotal"])
    text(8, table["claimedGrade"])
    sheet.nextRow()
  }

  /// The package: content types, relationships, the workbook, styles, shared strings and the sheets.
  private func package() throws -> [UInt8] {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    var writer = ZipWriter()
    let sheetTypes = sheets.indices.map {
      #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
    }
    try writer.add(
      "[Content_Types].xml",
      Array(
        (declaration
          + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
          + sheetTypes.joined() + "</Types>").utf8))
    try writer.add(
      "_rels/.rels",
      Array(
        (declaration
          + #"<Relationships xmlns="\#(packageRelationships)"><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)
          .utf8))
    let sheetList = sheets.indices.map { #"<sheet name="自评表\#($0 + 1)" sheetId="\#($0 + 1)" r:id="rId\#($0 + 3)"/>"# }
    try writer.add(
      "xl/workbook.xml",
      Array(
        (declaration + #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><sheets>"# + sheetList.joined()
          + "</sheets></workbook>").utf8))
    let sheetRelationships = sheets.indices.map {
      #"<Relationship Id="rId\#($0 + 3)" Type="\#(relationships)/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
    }
    try writer.add(
      "xl/_rels/workbook.xml.rels",
      Array(
        (declaration + #"<Relationships xmlns="\#(packageRelationships)">"#
          + #"<Relationship Id="rId1" Type="\#(relationships)/styles" Target="styles.xml"/>"#
          + #"<Relationship Id="rId2" Type="\#(relationships)/sharedStrings" Target="sharedStrings.xml"/>"#
          + sheetRelationships.joined() + "</Relationships>").utf8))
    try writer.add(
      "xl/styles.xml",
      Array(
        (declaration
          + #"<styleSheet xmlns="\#(main)"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#)
          .utf8))
    try writer.add("xl/sharedStrings.xml", strings.part(namespace: main, declaration: declaration))
    for (index, sheet) in sheets.enumerated() { try writer.add("xl/worksheets/sheet\(index + 1).xml", sheet) }
    return try writer.finish()
  }
}

/// Distinct texts in the order first used; a cell holds a text's index.
private struct SharedStringTable {
  private var indices: [String: Int] = [:]
  private var texts: [String] = []
  private var uses = 0

  mutating func index(_ text: String) -> Int {
    uses += 1
    if let known = indices[text] { return known }
    indices[text] = texts.count
    texts.append(text)
    return texts.count - 1
  }

  func part(namespace: String, declaration: String) -> [UInt8] {
    var xml = Array((declaration + #"<sst xmlns="\#(namespace)" count="\#(uses)" uniqueCount="\#(texts.count)">"#).utf8)
    for text in texts {
      xml += Array(#"<si><t xml:space="preserve">"#.utf8)
      SheetWriter.appendEscaped(text, to: &xml)
      xml += Array("</t></si>".utf8)
    }
    xml += Array("</sst>".utf8)
    return xml
  }
}

/// One worksheet's XML, written row by row (cells in column order) with its merged areas at the end.
private struct SheetWriter {
  var row = 0
  var merges: [(Int, Int, Int, Int)] = []
  private var cells: [(Int, [UInt8])] = []
  private var xml = Array(
    (#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
      + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#).utf8)

  static func reference(_ row: Int, _ column: Int) -> String {
    var letters = ""
    var number = column + 1
    while number > 0 {
      letters = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + letters
      number = (number - 1) / 26
    }
    return "\(letters)\(row + 1)"
  }

  /// XML text by UTF-8 byte: `&`, `<`, `>` and `"` as entities, line breaks kept.
  static func appendEscaped(_ text: String, to xml: inout [UInt8]) {
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"): xml += Array("&amp;".utf8)
      case UInt8(ascii: "<"): xml += Array("&lt;".utf8)
      case UInt8(ascii: ">"): xml += Array("&gt;".utf8)
      case UInt8(ascii: "\""): xml += Array("&quot;".utf8)
      default: xml.append(byte)
      }
    }
  }

  mutating func string(_ column: Int, _ index: Int) {
    cells.append((column, Array(#"<c r="\#(Self.reference(row, column))" t="s"><v>\#(index)</v></c>"#.utf8)))
  }

  mutating func number(_ column: Int, _ value: String, percent: Bool) {
    let style = percent ? #" s="1""# : ""
    cells.append((column, Array(#"<c r="\#(Self.reference(row, column))"\#(style)><v>\#(Self.stored(value))</v></c>"#.utf8)))
  }

  /// A number as Excel stores it: the shortest decimal, no trailing zeros after the point (`6`, not `6.00`).
  static func stored(_ value: String) -> String {
    guard value.contains(".") else { return value }
    var text = Substring(value)
    while text.hasSuffix("0") { text = text.dropLast() }
    if text.hasSuffix(".") { text = text.dropLast() }
    return String(text)
  }

  mutating func nextRow() {
    if !cells.isEmpty {
      xml += Array(#"<row r="\#(row + 1)">"#.utf8)
      for (_, cell) in cells.sorted(by: { $0.0 < $1.0 }) { xml += cell }
      xml += Array("</row>".utf8)
      cells.removeAll(keepingCapacity: true)
    }
    row += 1
  }

  mutating func finish() -> [UInt8] {
    nextRow()
    xml += Array("</sheetData>".utf8)
    let kept = merges.filter { $0.0 != $0.2 || $0.1 != $0.3 }
    if !kept.isEmpty {
      xml += Array(#"<mergeCells count="\#(kept.count)">"#.utf8)
      for (firstRow, firstColumn, lastRow, lastColumn) in kept {
        xml += Array(
          #"<mergeCell ref="\#(Self.reference(firstRow, firstColumn)):\#(Self.reference(lastRow, lastColumn))"/>"#.utf8)
      }
      xml += Array("</mergeCells>".utf8)
    }
    xml += Array("</worksheet>".utf8)
    return xml
  }
}
