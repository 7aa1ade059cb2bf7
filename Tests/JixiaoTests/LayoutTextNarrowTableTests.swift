import Testing

@testable import Jixiao

/// A table printed narrow (a word processor's, as in a 决算 document): pdftotext `-layout` parts some of its
/// cells by one space only, and prints a wrapped cell's lines around its row's line (docs/rules.md, "Reading
/// a document's text by position").
@Suite struct LayoutTextNarrowTableTests {
  /// The indicator block of 004-central-industrial-foundation as pdftotext printed it in Fixtures/pdf/document.
  static let centralBlock = """
     一级指标    二级指标     三级指标        年度指标值      实际完成值     分值         得分        偏差原因分析及改进措施
             数量指标    扶持企业数         =1 家      =1 家      10         10
             质量指标   项目验收合格率      =100%      =100%      15         15
     产出指标           资金支付及时率      =100%      =100%      10         10
             时效指标             2023 年 12 月 =2023 年 12 月
                     项目完成时间                             5          5
                                   31 日       31 日
     成本指标 经济成本指标      补贴标准    <=1655 万元    =1655 万元    20         20
     效益指标 社会效益指标 促进当地经济发展           显著         显著      20         20
    满意度指标 满意度指标     受益企业满意度      >=95%       =95%      10         10
                             总分                        90      100.00 分

    """

  /// A table of the block under its title.
  static func table(_ block: String) -> Table? {
    let text = "                                     项目支出绩效自评表\n" + block
    guard case .table(let table)? = TableReader.read(Array(text.utf8), file: "t.txt").first else { return nil }
    return table
  }

  /// 成本指标 · 经济成本指标 and 效益指标 · 社会效益指标 · 促进当地经济发展 print one space apart: each is
  /// parted by the header's columns, so the row is a row of its own, not the lines of the one above.
  @Test func cellsOneSpaceApartArePartedByTheHeader() throws {
    let table = try #require(Self.table(Self.centralBlock))
    #expect(table.indicators.map(\.name) == ["扶持企业数", "项目验收合格率", "资金支付及时率", "项目完成时间", "补贴标准", "促进当地经济发展", "受益企业满意度"])
    #expect(table.indicators.map { $0.weight?.description } == ["10", "15", "10", "5", "20", "20", "10"])
    #expect(table.indicators.map(\.level1) == ["产出指标", "产出指标", "产出指标", "产出指标", "成本指标", "效益指标", "满意度指标"])
    #expect(table.indicators.map(\.level2) == ["数量指标", "质量指标", "时效指标", "时效指标", "经济成本指标", "社会效益指标", "满意度指标"])
  }

  /// A target and an actual value of two lines each print on the lines around their row, one space apart
  /// (`2023 年 12 月 =2023 年 12 月`); the last word, run on into the weight's span but not under its header,
  /// stays with its text (not `10月`, the weight of the row above).
  @Test func aWordRunOnPastItsColumnStaysWithItsText() throws {
    let table = try #require(Self.table(Self.centralBlock))
    let rows = table.indicators.filter { ["资金支付及时率", "项目完成时间"].contains($0.name) }
    #expect(rows.map { $0.weight?.description } == ["10", "5"])
    #expect(rows.map { $0.claimedScore?.description } == ["10", "5"])
    #expect(rows.map(\.targetText) == ["=100%", "2023 年 12 月31 日"])
    #expect(rows.map(\.actualText) == ["=100%", "=2023 年 12 月31 日"])
    #expect(table.uncertainPlaces.isEmpty, "\(table.notes)")
  }
}
