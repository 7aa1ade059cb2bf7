import Testing

@testable import Jixiao

/// The levels (一级, 二级指标) of layout text, merged labels printed centred on their rows: placed where they
/// print among the rows' own lines, and marked uncertain where the text fits two placements as well
/// (docs/rules.md, "Reading a document's text by position").
@Suite struct LayoutTextLevelTests {
  /// A self-evaluation table in layout text: the title, the indicator header, `rows` (each line its texts at
  /// their character columns: 一级 at 8, 二级 at 18, the name at 36, weight 60, claimed score 70) and the total.
  static func table(_ rows: [[(column: Int, text: String)]]) -> Table? {
    let lines: [[(column: Int, text: String)]] =
      [
        [(40, "项目支出绩效自评表")],
        [(8, "一级指标"), (18, "二级指标"), (36, "三级指标"), (60, "权重"), (70, "得分")],
      ] + rows + [[(36, "总分"), (60, "100"), (70, "100")]]
    let records = TableReader.read(LayoutTextOverlapTests.layout(lines), file: "t.txt")
    guard case .table(let table)? = records.first else { return nil }
    return table
  }

  /// Five rows under one-row labels, each on its row's line, weighing 70 together: certain whatever is above.
  static let certainRows: [[(column: Int, text: String)]] = [
    [(8, "效益指标"), (18, "经济效益指标"), (36, "签约数"), (60, "14"), (70, "14")],
    [(8, "生态指标"), (18, "生态效益指标"), (36, "植树数"), (60, "14"), (70, "14")],
    [(8, "社会指标"), (18, "社会效益指标"), (36, "就业数"), (60, "14"), (70, "14")],
    [(8, "影响指标"), (18, "可持续影响指标"), (36, "持续年数"), (60, "14"), (70, "14")],
    [(8, "满意度指标"), (18, "满意度指标"), (36, "满意度"), (60, "14"), (70, "14")],
  ]

  /// 000-tajikistan-forum's levels as pdftotext printed them: each 一级 on the line of the middle row of its
  /// three (产出指标 on 质量指标's line, a blank line under it). By the rows' own lines every span is told;
  /// by the lines' distance a tiling that puts 时效指标 under 成本指标 and 生态效益指标 under 满意度指标 is as
  /// near.
  @Test func aLabelOnItsMiddleRowsLineSpansItsRowsWithoutDoubt() throws {
    let rows: [[(column: Int, text: String)]] = [
      [(18, "数量指标"), (36, "活动数"), (60, "10"), (70, "10")],
      [(8, "产出指标"), (18, "质量指标"), (36, "签约额"), (60, "10"), (70, "10")],
      [],
      [(18, "时效指标"), (36, "参会人数"), (60, "10"), (70, "10")],
      [(18, "经济成本指标"), (36, "活动成本"), (60, "10"), (70, "10")],
      [(8, "成本指标"), (18, "社会成本指标"), (36, "社会成本"), (60, "10"), (70, "10")],
      [(18, "生态环境成本指标"), (36, "生态成本"), (60, "10"), (70, "10")],
      [(18, "经济效益指标"), (36, "签约数"), (60, "10"), (70, "10")],
      [(8, "效益指标"), (18, "社会效益指标"), (36, "企业数"), (60, "10"), (70, "10")],
      [],
      [(18, "生态效益指标"), (36, "出席率"), (60, "5"), (70, "5")],
      [(8, "满意度指标"), (18, "满意度指标"), (36, "满意度"), (60, "5"), (70, "5")],
    ]
    let table = try #require(Self.table(rows))
    #expect(
      table.indicators.map(\.level1) == ["产出指标", "产出指标", "产出指标", "成本指标", "成本指标", "成本指标", "效益指标", "效益指标", "效益指标", "满意度指标"])
    #expect(table.uncertainPlaces.isEmpty, "\(table.notes)")
  }

  /// A label on a line of its own between rows spans an even number of them, centred on the border it
  /// prints on: 产出指标 between the third and fourth of six rows spans all six, not the five a line distance
  /// from its rows' extent fits as well (000-investment-promotion).
  @Test func aLabelBetweenRowsSpansTheRowsCentredOnThatBorder() throws {
    let rows: [[(column: Int, text: String)]] = [
      [(36, "展会数"), (60, "10"), (70, "10")],
      [(18, "数量指标"), (36, "活动数"), (60, "10"), (70, "10")],
      [(36, "会议数"), (60, "10"), (70, "10")],
      [(8, "产出指标")],
      [(36, "完成率"), (60, "10"), (70, "10")],
      [(18, "质量指标")],
      [(36, "合格率"), (60, "10"), (70, "10")],
      [(18, "时效指标"), (36, "及时率"), (60, "10"), (70, "10")],
      [(36, "展会费"), (60, "10"), (70, "10")],
      [(8, "成本指标"), (18, "经济成本指标"), (36, "活动费"), (60, "10"), (70, "10")],
      [(36, "会议费"), (60, "10"), (70, "10")],
      [(8, "满意度指标"), (18, "满意度指标"), (36, "满意度"), (60, "10"), (70, "10")],
    ]
    let table = try #require(Self.table(rows))
    #expect(table.indicators.map(\.level1) == Array(repeating: "产出指标", count: 6) + Array(repeating: "成本指标", count: 3) + ["满意度指标"])
    #expect(
      table.indicators.map(\.level2) == ["数量指标", "数量指标", "数量指标", "质量指标", "质量指标", "时效指标", "经济成本指标", "经济成本指标", "经济成本指标", "满意度指标"])
    #expect(table.uncertainPlaces.isEmpty, "\(table.notes)")
  }

  /// Two labels each on a line between rows, three rows: 产出指标 between the first and second, 成本指标
  /// between the second and third. Either the first label spans two rows and the second one, or the other
  /// way round; both are as near where they print. The second row's level is not guessed: both labels are
  /// uncertain, and every indicator under them unverified; the labels below, each on its row's line, are
  /// certain.
  @Test func twoPlacementsAsNearMarkTheLabelsUncertain() throws {
    let rows: [[(column: Int, text: String)]] =
      [
        [(18, "数量指标"), (36, "活动数"), (60, "10"), (70, "10")],
        [(8, "产出指标")],
        [(18, "质量指标"), (36, "合格率"), (60, "10"), (70, "10")],
        [(8, "成本指标")],
        [(18, "经济成本指标"), (36, "活动费"), (60, "10"), (70, "10")],
      ] + Self.certainRows
    let table = try #require(Self.table(rows))
    #expect(table.indicators.count == 8)
    #expect(table.uncertainPlaces == [.indicator(1), .indicator(2), .indicator(3)], "\(table.notes)")
    #expect(
      table.notes.contains {
        if case .uncertain(let reason) = $0.problem { return reason.contains("centred as well on other rows") }
        return false
      })
    #expect(table.indicators.dropFirst(3).map(\.level1) == ["效益指标", "生态指标", "社会指标", "影响指标", "满意度指标"])
  }

  /// Every label on a row's line: read top-aligned, 产出指标 spans its row and the next and 成本指标 the two
  /// from its own; read centred, 产出指标 its row alone and 成本指标 the row above its own to the one below.
  /// Each label sits exactly where either alignment prints it, so the text does not tell them apart: the
  /// top-aligned reading is kept, its two labels uncertain; the labels both readings place alike are certain.
  @Test func topAndCentredReadingsAsExactMarkTheLabelsTheyPlaceOtherwise() throws {
    let rows: [[(column: Int, text: String)]] =
      [
        [(8, "产出指标"), (18, "数量指标"), (36, "活动数"), (60, "10"), (70, "10")],
        [(18, "质量指标"), (36, "合格率"), (60, "5"), (70, "5")],
        [(8, "成本指标"), (18, "经济成本指标"), (36, "活动费"), (60, "10"), (70, "10")],
        [(18, "社会成本指标"), (36, "社会成本"), (60, "5"), (70, "5")],
      ] + Self.certainRows
    let table = try #require(Self.table(rows))
    #expect(table.indicators.prefix(4).map(\.level1) == ["产出指标", "产出指标", "成本指标", "成本指标"])
    #expect(table.uncertainPlaces == [.indicator(1), .indicator(2), .indicator(3), .indicator(4)], "\(table.notes)")
  }

  /// The same two 一级 labels, with 数量指标 printed beside 产出指标, between the first two rows, and so
  /// spanning both: a 二级 label's cell lies inside its 一级 label's, so 产出指标 spans the first two rows and
  /// 成本指标 the third, with certainty (the other placement would cut 数量指标's cell).
  @Test func aLevelTwoSpanTellsTwoPlacementsOfLevelOneApart() throws {
    let rows: [[(column: Int, text: String)]] =
      [
        [(36, "活动数"), (60, "10"), (70, "10")],
        [(8, "产出指标"), (18, "数量指标")],
        [(36, "合格率"), (60, "10"), (70, "10")],
        [(8, "成本指标")],
        [(18, "经济成本指标"), (36, "活动费"), (60, "10"), (70, "10")],
      ] + Self.certainRows
    let table = try #require(Self.table(rows))
    #expect(table.indicators.prefix(3).map(\.level1) == ["产出指标", "产出指标", "成本指标"])
    #expect(table.indicators.prefix(3).map(\.level2) == ["数量指标", "数量指标", "经济成本指标"])
    #expect(table.uncertainPlaces.isEmpty, "\(table.notes)")
  }

  /// A merged label cut by a page break prints where its whole span is centred (LibreOffice): under the
  /// last row of the first page, and again among the rows of the next. On the first page it spans the rows
  /// down to the page's end; the next page's labels are centred, not top-aligned (000-office-renovation).
  @Test func aLabelCutByAPageBreakSpansTheRowsOnBothPages() throws {
    let page1: [[(column: Int, text: String)]] = [
      [(40, "项目支出绩效自评表")],
      [(8, "一级指标"), (18, "二级指标"), (36, "三级指标"), (60, "权重"), (70, "得分")],
      [(36, "拆除瓷砖"), (60, "10"), (70, "10")],
      [(36, "采购电梯"), (60, "10"), (70, "10")],
      [(18, "数量指标")],
      [],
      [(8, "产出指标")],
    ]
    let page2: [[(column: Int, text: String)]] = [
      [(18, "数量指标"), (36, "消防器材"), (60, "10"), (70, "10")],
      [(36, "电路改造"), (60, "10"), (70, "10")],
      [(36, "暖气管道"), (60, "10"), (70, "10")],
      [(8, "产出指标")],
      [(36, "保温层合格率"), (60, "10"), (70, "10")],
      [(18, "质量指标"), (36, "采购率"), (60, "10"), (70, "10")],
      [(36, "验收合格率"), (60, "10"), (70, "10")],
      [(8, "成本指标"), (18, "经济成本指标"), (36, "电梯总价"), (60, "10"), (70, "10")],
      [(8, "满意度指标"), (18, "满意度指标"), (36, "满意度"), (60, "10"), (70, "10")],
      [(36, "总分"), (60, "100"), (70, "100")],
    ]
    let bytes = LayoutTextOverlapTests.layout(page1) + [0x0C] + LayoutTextOverlapTests.layout(page2)
    guard case .table(let table)? = TableReader.read(bytes, file: "t.txt").first else {
      Issue.record("no table read")
      return
    }
    #expect(table.indicators.map(\.level1) == Array(repeating: "产出指标", count: 8) + ["成本指标", "满意度指标"])
    #expect(
      table.indicators.map(\.level2) == Array(repeating: "数量指标", count: 5) + Array(repeating: "质量指标", count: 3) + [
        "经济成本指标", "满意度指标",
      ])
    #expect(table.uncertainPlaces.isEmpty, "\(table.notes)")
  }
}
