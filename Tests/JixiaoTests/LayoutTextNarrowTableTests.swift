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

  /// 004-employee-funds' indicator block as pdftotext printed it: 保障雇用人员待遇，稳定 · 人员队伍 one line above
  /// and one below its row's line, which holds the levels, values, weight and score but no name.
  static let employeeBlock = """
     一级指标   二级指标     三级指标         年度指标值       实际完成值     分值         得分       偏差原因分析及改进措施
                     发放人数         >=1 人        =1 人     10         10
            数量指标
                     发放次数         =12 次       =12 次     5          5
            质量指标    人员考核合格率      =100%       =100%      10         10
     产出指标
                    资金发放及时率      =100%      =98.59%     10        9.86          偏差较小
            时效指标               2023 年 12 月 =2023 年 12 月
                    项目完成时间                              5          5
                                   31 日        31 日
     成本指标 经济成本指标    人均发放标准      <=1 万元/月    =1.1 万元/月   20       18.18      社保基数调整，故有偏差
                  保障雇用人员待遇，稳定
     效益指标 社会效益指标                    有效          有效      20         20
                     人员队伍
    满意度指标 满意度指标     受益人员满意度      >=95%       =100%      10         10          超额完成任务
                            总分                          90      97.90 分
    """

  /// 004-industry-chain-relocation's indicator block: two names of two lines each around their rows' lines,
  /// the second's first line right under the first's last (标准 · 乌鲁木齐…), 成本指标 printed beside 标准.
  static let industryBlock = """
                                                                                偏差原因分析及
    一级指标      二级指标           三级指标           年度指标值         实际完成值   分值      得分
                                                                                  改进措施
              数量指标          线路改迁长度         <=600 米        =515 米  15    12.87     项目未完工
                                                                                项目未完工，暂
    产出指标      质量指标         项目验收合格率         =100%           =0%    10      0
                                                                                   未验收
              时效指标         项目完工及时率         =100%          =90%    15    13.5      项目未完工
                      新疆远西电力建设有限公司支付标准    <=31.97 万元    =31.97 万元 10     10
                      新疆易佳电力工程设计有限公司支付
                                          <=3.50 万元       =0 万元   5       5
    成本指标    经济成本指标            标准
                      乌鲁木齐高新建设工程项目管理咨询
                                          <=1.60 万元       =0 万元   5       5
                              公司
    效益指标    社会效益指标       促进生物医药产业发展          有效             有效    20     20
    满意度指标    满意度指标           企业满意度         >=95%         =96.67%  10     10      超额完成任务
                                   总分                             90  84.99 分
    """

  /// A name printed around its row's line, the line holding the row's weight and score but no name, is that
  /// row's name: one indicator, not two.
  @Test func aNameAroundItsRowsLineIsThatRowsName() throws {
    let table = try #require(Self.table(Self.employeeBlock))
    #expect(table.indicators.count == 8)
    let row = try #require(table.indicators.first { $0.name == "保障雇用人员待遇，稳定人员队伍" })
    #expect(row.weight?.description == "20")
    #expect(row.claimedScore?.description == "20")
    #expect(row.level1 == "效益指标")
    #expect(table.indicators.last?.name == "受益人员满意度")
  }

  /// A name around its row's line takes as many lines below as above: the next line under it is the next
  /// row's, whose name line is blank (乌鲁木齐… goes down to its own row, not up after 标准).
  @Test func aNameAroundItsRowTakesAsManyLinesBelowAsAbove() throws {
    let table = try #require(Self.table(Self.industryBlock))
    #expect(
      table.indicators.map(\.name) == [
        "线路改迁长度", "项目验收合格率", "项目完工及时率", "新疆远西电力建设有限公司支付标准", "新疆易佳电力工程设计有限公司支付标准",
        "乌鲁木齐高新建设工程项目管理咨询公司", "促进生物医药产业发展", "企业满意度",
      ])
    #expect(table.indicators.map { $0.weight?.description } == ["15", "10", "15", "10", "5", "5", "20", "10"])
  }

  /// The lines of a name printed around its row are the row's own lines: 成本指标, printed on 标准's line, is
  /// centred on its three rows and placed without doubt.
  @Test func aNamesLinesAreItsRowsLinesForTheLevels() throws {
    let table = try #require(Self.table(Self.industryBlock))
    #expect(table.indicators.map(\.level1) == ["产出指标", "产出指标", "产出指标", "成本指标", "成本指标", "成本指标", "效益指标", "满意度指标"])
    #expect(table.indicators.map(\.level2) == ["数量指标", "质量指标", "时效指标", "经济成本指标", "经济成本指标", "经济成本指标", "社会效益指标", "满意度指标"])
    #expect(table.uncertainPlaces.isEmpty, "\(table.notes)")
  }

  /// 项目资金 · （万元） wraps over two lines, its second one space from the source row's label (`（万元）
  /// 其中：当年财政`): the label takes the words that complete it, and the source row keeps its own.
  @Test func aLabelsLastLineTakesOnlyTheWordsThatCompleteIt() throws {
    let text = """
       项目名称                                      雇员经费
       主管部门            工业和信息化局                  实施单位                  工业和信息化局
                       年初预算数       全年预算数       全年执行数      分值         执行率           得分
             年度资金总额    12.00        13.5       13.31      10       98.59%        9.86 分
       项目资金
       （万元） 其中：当年财政      12        13.5        13.31      —          —             —
               拨款
              其他资金       0          —            —        —          —              —
      """
    let table = try #require(Self.table(text + "\n" + Self.employeeBlock))
    let funds = try #require(table.funds)
    #expect(funds.initialBudget?.description == "12")
    #expect(funds.annualBudget == Rational(decimalText: "13.5"))
    #expect(funds.executed == Rational(decimalText: "13.31"))
    #expect(funds.claimedScore == Rational(decimalText: "9.86"))
  }
}
