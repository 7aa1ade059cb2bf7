import Foundation
import Testing

@testable import Jixiao

/// Issue 17 items 4 and 8: the unit a form prints its amounts in (`金额单位：元` in its corner, or
/// `项目资金（元）`) is the funds block's `unit`: a cost target in 万元 is compared with a budget printed in 元
/// at its scale (`target.cost-over-budget`), and extract writes the unit with its cell.
@Suite struct AmountUnitTests {
  /// A budget of 500,000 元 (50 万元) and a cost target of 80 万元.
  static func form(corner: String = "金额单位：元", label: String = "项目资金") -> String {
    """
    项目支出绩效自评表,,,,,,
    ,,,,,,\(corner)
    项目名称,测试项目,,,,,
    \(label),,全年预算数,全年执行数,分值,执行率,得分
    ,年度资金总额,500000,500000,10,100%,10
    一级指标,二级指标,三级指标,分值,年度指标值,实际完成值,得分
    产出指标,数量指标,培训人次,45,>=100人次,100人次,45
    成本指标,经济成本指标,培训成本,45,<=80万元,80万元,45
    总分,,,100,,,100

    """
  }

  static func table(_ text: String, file: String = "t.csv") throws -> Table {
    let records = TableReader.read(Array(text.utf8), file: file)
    guard case .table(let table)? = records.first else { throw Failure(description: "\(records)") }
    return table
  }

  struct Failure: Error, CustomStringConvertible { var description: String }

  static func costFindings(_ table: Table) -> [Finding] {
    Scorer(profile: defaultProfile, mode: .reviewTargets).score(table).findings.filter { $0.code == .costOverBudget }
  }

  @Test func theCornersUnitScalesTheBudget() throws {
    let table = try Self.table(Self.form())
    #expect(table.funds?.unit == Unit("元") && table.funds?.annualBudget == Rational(500000))
    let found = Self.costFindings(table)
    #expect(found.count == 1, "80 万元 of costs against a budget of 50 万元")
    #expect(found.first?.message.contains("元") == true)
  }

  @Test func aBudgetInTenThousandsIsAsBefore() throws {
    let table = try Self.table(Self.form(corner: "金额单位：万元"))
    #expect(table.funds?.unit == Unit("万元"))
    #expect(Self.costFindings(table).isEmpty)
    let unsaid = try Self.table(Self.form(corner: "公开14表"))
    #expect(unsaid.funds?.unit == nil && Self.costFindings(unsaid).isEmpty)
  }

  @Test func theLabelsUnitScalesTheBudget() throws {
    let table = try Self.table(Self.form(corner: "公开14表", label: "项目资金（元）"))
    #expect(table.funds?.unit == Unit("元"))
    #expect(Self.costFindings(table).count == 1)
  }

  @Test func jsonGivesTheUnitAlike() throws {
    let json =
      #"{"name":"a","funds":{"annualBudget":500000,"executed":500000,"unit":"元"},"indicators":[{"level1":"成本指标","level2":"经济成本指标","name":"c","weight":100,"target":"<=80万元","actual":"80万元"}]}"#
    DirectTableDecoderTests.agrees(Array(json.utf8), expectDirect: true)
    let table = try Self.table(json, file: "t.json")
    #expect(table.funds?.unit == Unit("元") && Self.costFindings(table).count == 1)
    let odd = try Self.table(json.replacingOccurrences(of: #""unit":"元""#, with: #""unit":"美元""#), file: "t.json")
    #expect(odd.funds?.unit == nil && odd.notes.contains { $0.field == .fundsUnit })
  }

  /// An amount that prints its own unit is read in that unit, whatever unit the table prints its amounts in:
  /// in a table in 元, `50万元` is 500000 (it was taken as 50 元) and `500000元` stays 500000 (it was 50).
  @Test func anAmountPrintingItsOwnUnitIsRescaledIntoTheTables() throws {
    let form = Self.form().replacingOccurrences(of: ",年度资金总额,500000,500000,", with: ",年度资金总额,50万元,500000元,")
    let table = try Self.table(form)
    #expect(table.funds?.unit == Unit("元"))
    #expect(table.funds?.annualBudget == Rational(500000) && table.funds?.executed == Rational(500000))
    #expect(Self.costFindings(table).count == 1, "80 万元 of costs against a budget of 50 万元, as with plain amounts")

    let json =
      #"{"name":"a","funds":{"annualBudget":"50万元","executed":"500000元","unit":"元","sources":[{"name":"财政拨款","annualBudget":"50万元 ","executed":400000}]},"indicators":[{"name":"c","weight":100,"target":"1","actual":"1"}]}"#
    DirectTableDecoderTests.agrees(Array(json.utf8), expectDirect: true)
    let decoded = try Self.table(json, file: "t.json")
    #expect(decoded.funds?.annualBudget == Rational(500000) && decoded.funds?.executed == Rational(500000))
    #expect(decoded.funds?.sources.first?.annualBudget == Rational(500000))
    #expect(decoded.funds?.sources.first?.executed == Rational(400000))

    let inTenThousands = try Self.table(json.replacingOccurrences(of: #""unit":"元""#, with: #""unit":"万元""#), file: "t.json")
    #expect(inTenThousands.funds?.annualBudget == Rational(50) && inTenThousands.funds?.executed == Rational(50))
    let inThousands = try Self.table(json.replacingOccurrences(of: #""unit":"元""#, with: #""unit":"千元""#), file: "t.json")
    #expect(inThousands.funds?.annualBudget == Rational(500) && inThousands.funds?.sources.first?.executed == Rational(400000))
    // The unit is told as the number grammar tells it: after the same folding (an ideographic space).
    let folded = try Self.table(json.replacingOccurrences(of: #""50万元 ""#, with: "\"50万元\u{3000}\""), file: "t.json")
    #expect(folded.funds?.sources.first?.annualBudget == Rational(500000))
  }

  @Test func extractWritesTheUnitWithItsCell() throws {
    let extracted = TableReader.extract(Array(Self.form().utf8), file: "t.csv").compactMap {
      if case .table(let table) = $0 { table } else { nil }
    }
    let json = String(decoding: ExtractJSON.document(extracted), as: UTF8.self)
    #expect(json.contains(#""unit":"金额单位：元""#) && json.contains(#""funds.unit":"G2""#))
    #expect(!json.contains("表角的“金额单位：元”"))
    let rescored = try Self.table(json, file: "t.json")
    #expect(rescored.funds?.unit == Unit("元") && Self.costFindings(rescored).count == 1)
  }

  /// A Word form says the unit in a paragraph above its table.
  @Test func aWordFormsParagraphGivesTheUnit() throws {
    typealias Word = DocumentErrorTests
    func row(_ texts: String...) -> String { "<w:tr>" + texts.map { Word.cell($0) }.joined() + "</w:tr>" }
    let body =
      Word.paragraph("项目支出绩效自评表") + Word.paragraph("金额单位：元")
      + Word.table(
        row("项目名称", "测试项目", "", "", "", "", ""),
        row("项目资金", "", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
        row("", "年度资金总额", "500000", "500000", "10", "100%", "10"),
        row("一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"),
        row("成本指标", "经济成本指标", "培训成本", "90", "&lt;=80万元", "80万元", "90"),
        row("总分", "", "", "100", "", "", "100"))
    let bytes = Word.document(body)
    guard case .table(let table)? = TableReader.read(bytes, file: "t.docx").first else {
      Issue.record("\(TableReader.read(bytes, file: "t.docx"))")
      return
    }
    #expect(table.funds?.unit == Unit("元") && Self.costFindings(table).count == 1)
    let extracted = TableReader.extract(bytes, file: "t.docx").compactMap {
      if case .table(let table) = $0 { table } else { nil }
    }
    #expect(extracted.first?.unreadTexts.contains { $0.text == "金额单位：元" } == false)
  }

  @Test(arguments: [
    ("元", "元"), ("万元", "万元"), ("金额单位：元", "元"), ("单位:万元", "万元"), ("（元）", "元"), ("金额单位： 千元", "千元"),
  ])
  func unitsAreRead(printed: String, unit: String) {
    #expect(TableBuilder.amountUnit(printed) == Unit(unit))
  }

  @Test(arguments: ["美元", "公开14表", "20分", "备注：元", "万元/家", ""])
  func otherTextsAreNoUnit(printed: String) {
    #expect(TableBuilder.amountUnit(printed) == nil)
  }
}
