/// A workbook made from forms written as CSV lines (a cell a comma, no quoting), for a finding whose
/// example only a workbook can show: a table on a hidden sheet (`sheet.hidden`). The example shows the
/// lines; the catalogue reads the workbook.
enum ExampleWorkbook {
  static let sheetName = "自评表"
  /// The second sheet of an example that has one (`FindingExample.otherSheet`).
  static let otherSheetName = "说明"

  /// A small printed form, met in full.
  static let form = """
    项目支出绩效自评表
    项目名称,示例项目
    一级指标,二级指标,三级指标,分值,年度指标值,实际完成值,得分
    产出指标,数量指标,次数,100,>=1次,1次,100
    总分,,,100,,,100
    """

  /// One sheet, `自评表`.
  static func bytes(csv: String, hidden: Bool) -> [UInt8] {
    bytes(sheets: [(sheetName, csv, hidden)])
  }

  /// A 复核 workbook as jixiao writes it, reduced to what is read back: its 复核 sheet (the CSV lines) and
  /// the 说明 sheet with jixiao's marker.
  static func reviewBytes(csv: String) -> [UInt8] {
    bytes(sheets: [
      (ReviewWorkbook.reviewSheet, csv, false),
      (ReviewWorkbook.notesSheet, "\(ReviewWorkbook.marker),\(ReviewWorkbook.layoutVersion)", false),
    ])
  }

  /// The header and the funds-less rows of a small 复核 sheet: one indicator (8 of 10 次, worth 100) and
  /// the total row; `reviewed` is the indicator's 复核调整得分 and 复核意见, `total` the total row's.
  static func reviewSheet(indicator reviewed: String, total: String = ",") -> String {
    """
    表序,行序,表编号,项目名称,一级指标,二级指标,三级指标,权重,目标值,自评完成值,自评得分,复核调整得分,复核意见
    1,1,示例,示例项目,产出指标,数量指标,次数,100,>=10次,8次,100,\(reviewed)
    1,2,示例,示例项目,总分,,,,,,100,\(total)
    """
  }

  /// The sheets in tab order, each with its name, its rows as CSV lines, and whether it is hidden.
  static func bytes(sheets: [(name: String, csv: String, hidden: Bool)]) -> [UInt8] {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    var listed = ""
    var targets = ""
    var parts: [(name: String, text: String)] = []
    for (index, sheet) in sheets.enumerated() {
      let number = index + 1
      let state = sheet.hidden ? #" state="hidden""# : ""
      listed += #"<sheet name="\#(HTMLReport.escape(sheet.name))" sheetId="\#(number)"\#(state) r:id="rId\#(number)"/>"#
      targets +=
        #"<Relationship Id="rId\#(number)" Type="\#(relationships)/worksheet" Target="worksheets/sheet\#(number).xml"/>"#
      parts.append(
        (
          "xl/worksheets/sheet\(number).xml",
          #"<worksheet xmlns="\#(main)"><sheetData>\#(rows(sheet.csv))</sheetData></worksheet>"#
        ))
    }
    let entries =
      [
        ("xl/workbook.xml", #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><sheets>\#(listed)</sheets></workbook>"#),
        (
          "xl/_rels/workbook.xml.rels",
          #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(targets)</Relationships>"#
        ),
      ] + parts
    var writer = ZipWriter()
    // The names are fixed and few and the texts small: the writer cannot refuse them.
    for (name, text) in entries { try! writer.add(name, Array(text.utf8), method: .stored) }
    return try! writer.finish()
  }

  /// The sheet's rows: each line a row, each comma-separated text an inline string.
  private static func rows(_ csv: String) -> String {
    var rows = ""
    for (row, line) in csv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
      rows += #"<row r="\#(row + 1)">"#
      for (column, text) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated() where !text.isEmpty {
        let reference = CellReference(row: row, column: column)
        rows += #"<c r="\#(reference)" t="inlineStr"><is><t>\#(HTMLReport.escape(String(text)))</t></is></c>"#
      }
      rows += "</row>"
    }
    return rows
  }
}
