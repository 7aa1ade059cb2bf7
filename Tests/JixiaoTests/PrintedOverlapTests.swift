import Testing

@testable import Jixiao

/// How the reader by position takes text a printed page puts over, or between, its rows: a cell whose text
/// needs more lines than its row has prints centred on the row and over its neighbours; a merged cell prints
/// in the middle of the rows it spans.
@Suite struct PrintedOverlapTests {
  static func word(_ text: String, x: Double, y: Double, page: Int = 1) -> PositionedWord {
    PositionedTextAssemblerTests.word(text, x: x, y: y, page: page)
  }

  /// An indicator block whose last header wraps (偏差原因分析及改 · 进措施, 11.6 points apart) and whose first row's
  /// explanation needs two lines in a row one line high: printed centred on the row, its first line is
  /// level with the header's second line and prints over it.
  static let overflowingExplanation: [PositionedWord] = [
    word("一级指标", x: 50, y: 100), word("三级指标", x: 150, y: 100), word("分值", x: 300, y: 100), word("得分", x: 360, y: 100),
    word("偏差原因分析及改", x: 420, y: 100), word("进措施", x: 445, y: 111.6),
    word("产出指标", x: 50, y: 120), word("甲", x: 150, y: 120), word("10", x: 300, y: 120), word("9", x: 360, y: 120),
    word("其余两家企业资金支付", x: 400, y: 114.2), word("2024年支", x: 502, y: 114.2), word("付", x: 470, y: 125.8),
    word("乙", x: 150, y: 135), word("20", x: 300, y: 135), word("20", x: 360, y: 135),
  ]

  @Test func wordsPrintedOverEachOtherAreTwoLines() {
    let grid = PositionedTextAssemblerTests.grid(Self.overflowingExplanation)
    let texts = PositionedTextAssemblerTests.texts(grid).map { $0.filter { !$0.isEmpty } }
    #expect(texts.first == ["一级指标", "三级指标", "分值", "得分", "偏差原因分析及改进措施"])
    #expect(texts.dropFirst().first == ["产出指标", "甲", "10", "9", "其余两家企业资金支付2024年支付"])
    #expect(grid.rows.joined().allSatisfy { $0.doubt == nil })
  }

  /// Words level with each other (one printed line) stay one line whatever their tops, when none prints over
  /// another: fonts of one line may set their boxes a little apart.
  @Test func wordsOfOneLineAtSlightlyDifferentTopsStayOneLine() {
    let assembler = PositionedTextAssembler(units: .points)
    let words = [Self.word("年", x: 100, y: 100), Self.word("2023", x: 112, y: 101.5), Self.word("度", x: 155, y: 100)]
    #expect(assembler.lines(words).count == 1)
    let over = words + [Self.word("其余", x: 105, y: 103)]
    #expect(assembler.lines(over).count == 3)
  }

  /// A block of rows of two cells (source and amount) under a header the vocabulary does not know, with a
  /// label printed midway between two of its rows and the block's label centred on all of them, the header
  /// included (L7's 单位整体绩效目标表: 年度预算（万元） over 资金来源 · 资金总额).
  static let pairedRows: [PositionedWord] = [
    word("资金来源", x: 250, y: 100), word("资金总额", x: 400, y: 100),
    word("上级安排", x: 250, y: 115), word("0.00", x: 400, y: 115),
    word("财政资金", x: 150, y: 122.5),
    word("本级安排", x: 250, y: 130), word("545.70", x: 400, y: 130),
    word("其他资金", x: 150, y: 145), word("其他", x: 250, y: 145), word("501.12", x: 400, y: 145),
    word("年度预算", x: 20, y: 116.7), word("(万元)", x: 20, y: 128.3),
    word("一级指标", x: 50, y: 170), word("三级指标", x: 150, y: 170), word("分值", x: 300, y: 170),
    word("甲", x: 150, y: 185), word("10", x: 300, y: 185),
  ]

  @Test func rowsOfTwoCellsAreRowsAndALabelBetweenTwoIsMergedOverBoth() {
    let grid = PositionedTextAssemblerTests.grid(Self.pairedRows)
    let texts = PositionedTextAssemblerTests.texts(grid).map { $0.filter { !$0.isEmpty } }
    #expect(
      texts.prefix(4) == [
        ["年度预算(万元)", "资金来源", "资金总额"], ["财政资金", "上级安排", "0.00"], ["本级安排", "545.70"], ["其他资金", "其他", "501.12"],
      ])
    // The block's label spans its four rows.
    #expect(
      grid.mergedRange(containing: CellReference(row: 3, column: 0))
        == CellRange(first: CellReference(row: 0, column: 0), last: CellReference(row: 3, column: 0)))
    #expect(grid.rows.joined().allSatisfy { $0.doubt == nil })
  }
}
