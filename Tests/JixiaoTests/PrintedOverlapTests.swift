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

  /// A title printed in the blank between a table's last row and the next table's first, midway between
  /// them, reaches into neither: no merged cell, a row of its own.
  @Test func aTitleMidwayBetweenTwoRowsIsNoMergedCell() {
    let words = [
      Self.word("总分", x: 150, y: 100), Self.word("100", x: 300, y: 100), Self.word("项目支出绩效自评表", x: 200, y: 121),
      Self.word("项目名称", x: 50, y: 142), Self.word("甲项目", x: 300, y: 142),
    ]
    let texts = PositionedTextAssemblerTests.texts(PositionedTextAssemblerTests.grid(words)).map { $0.filter { !$0.isEmpty } }
    #expect(texts.contains(["项目支出绩效自评表"]))
  }
}

/// The same places in pdftotext's `-layout` text, where a cell of several lines prints its lines above and
/// below its row's line (L7's 项目支出绩效目标表 and 单位整体绩效目标表).
@Suite struct LayoutTextOverlapTests {
  /// Layout text of lines, each its texts at their character columns.
  static func layout(_ lines: [[(column: Int, text: String)]]) -> [UInt8] {
    var text = ""
    for line in lines {
      var printed = ""
      for (column, piece) in line {
        printed += String(repeating: " ", count: max(column - printed.count, 2)) + piece
      }
      text += printed + "\n"
    }
    return Array(text.utf8)
  }

  static func rows(_ lines: [[(column: Int, text: String)]]) -> (texts: [[String]], grid: Grid) {
    let grids = LayoutTextReader.grids(bytes: layout(lines), file: "t.txt")
    #expect(grids.count == 1)
    let grid = grids.first ?? Grid(file: "t.txt", name: "t")
    return (PositionedTextAssemblerTests.texts(grid).map { $0.filter { !$0.isEmpty } }, grid)
  }

  /// The funds row's labels wrap around its line (其中： · 财政拨款, 其他 · 资金：); 项目负责人 of the name's row
  /// prints on the line below it, beside the first line of 年度预算总额：.
  @Test func cellsWrappedAroundTheirRowAndALabelBelowItsRowJoinTheirRows() {
    let (texts, grid) = Self.rows([
      [(8, "项目名称"), (43, "2023 年单位其他资金账户结余资金")],
      [(42, "年度"), (86, "项目负责人")],
      [(8, "项目资金"), (87, "其中："), (117, "其他")],
      [(42, "预算"), (71, "50.12"), (101, "0.00"), (129, "50.12")],
      [(8, "（万元）"), (87, "财政拨款"), (117, "资金：")],
      [(41, "总额：")],
    ])
    #expect(
      texts == [
        ["项目名称", "2023 年单位其他资金账户结余资金", "项目负责人"],
        ["项目资金（万元）", "年度预算总额：", "50.12", "其中：财政拨款", "0.00", "其他资金：", "50.12"],
      ])
    #expect(grid.rows.joined().allSatisfy { $0.doubt == nil })
  }

  /// When the row below has room for the label too, it still goes up to the header-block row, with a doubt.
  @Test func aLabelBelowItsRowWithRoomBelowTooIsDoubted() {
    let (texts, grid) = Self.rows([
      [(8, "项目名称"), (43, "2023 年单位其他资金账户结余资金")],
      [(42, "年度"), (86, "项目负责人")],
      [(8, "项目资金"), (117, "其他")],
      [(42, "预算"), (71, "50.12"), (101, "0.00"), (129, "50.12")],
      [(8, "（万元）"), (117, "资金：")],
      [(41, "总额：")],
    ])
    #expect(texts.first == ["项目名称", "2023 年单位其他资金账户结余资金", "项目负责人"])
    #expect(grid.rows.first?.last { !$0.text.isEmpty }?.doubt != nil)
  }

  /// A one-line row between the lines of a cell of many lines does not draw the next cell to it: 项目资金（万元）
  /// goes to the row its line is on, though 年度预算总额： reaches up to the name's row.
  @Test func aRowIsPlacedByItsLineNotByTheTallCellsPutInIt() {
    let (texts, _) = Self.rows([
      [(8, "项目名称"), (45, "年度"), (51, "商务工作经费"), (88, "项目负责人")],
      [(8, "项目资金"), (89, "其中："), (118, "其他")],
      [(45, "预算"), (73, "20.00"), (102, "20.00"), (134, "0.00")],
      [(8, "（万元）"), (89, "财政拨款"), (118, "资金：")],
      [(44, "总额：")],
    ])
    #expect(
      texts == [
        ["项目名称", "商务工作经费", "项目负责人"],
        ["项目资金（万元）", "年度预算总额：", "20.00", "其中：财政拨款", "20.00", "其他资金：", "0.00"],
      ])
  }

  /// A funds label wraps over a line of other text (年度预算 · （万元）); a source label prints on the line
  /// between its two rows; the funds label, centred on its block and the header above it, goes up to it.
  @Test func aFundsLabelAndAMergedSourceLabelBetweenRows() {
    let (texts, grid) = Self.rows([
      [(27, "资金来源"), (81, "资金总额（万元）")],
      [(1, "年度预算"), (36, "上级安排"), (83, "0.00")],
      [(11, "财政资金（万元）")],
      [(1, "（万元）"), (36, "本级安排"), (82, "545.70")],
      [(11, "其他资金（万元）"), (37, "其他"), (82, "501.12")],
      [(1, "一级指标"), (13, "二级指标"), (28, "三级指标"), (53, "指标值"), (72, "指标设定依据"), (92, "分值权重")],
    ])
    #expect(
      Array(texts.prefix(4)) == [
        ["年度预算（万元）", "资金来源", "资金总额（万元）"], ["财政资金（万元）", "上级安排", "0.00"], ["本级安排", "545.70"],
        ["其他资金（万元）", "其他", "501.12"],
      ])
    #expect(
      grid.mergedRange(containing: CellReference(row: 3, column: 0))
        == CellRange(first: CellReference(row: 0, column: 0), last: CellReference(row: 3, column: 0)))
  }
}

/// A row split by a page break: its top part at the foot of one page, the rest of its text at the head of
/// the next (a word processor breaks a tall row; a spreadsheet never does), after the header printed again
/// or none.
@Suite struct RowSplitAcrossPagesTests {
  static func word(_ text: String, x: Double, y: Double, page: Int = 1) -> PositionedWord {
    PositionedTextAssemblerTests.word(text, x: x, y: y, page: page)
  }

  static func header(y: Double, page: Int) -> [PositionedWord] {
    [
      word("一级指标", x: 50, y: y, page: page), word("三级指标", x: 150, y: y, page: page), word("分值", x: 300, y: y, page: page),
      word("得分", x: 360, y: y, page: page), word("偏差原因分析及改进措施", x: 420, y: y, page: page),
    ]
  }

  /// 乙's explanation starts at the foot of page 1 and ends at the head of page 2.
  static func split(repeatingHeader: Bool, continuation: String = "走支付流程") -> [PositionedWord] {
    var words = [word("项目支出绩效自评表", x: 120, y: 60)] + header(y: 100, page: 1)
    words += [word("产出指标", x: 50, y: 115), word("甲", x: 150, y: 115), word("10", x: 300, y: 115), word("9", x: 360, y: 115)]
    words += [word("乙", x: 150, y: 760), word("20", x: 300, y: 760), word("18", x: 360, y: 760), word("资金支付正在", x: 420, y: 760)]
    var top = 40.0
    if repeatingHeader {
      words += header(y: top, page: 2)
      top += 15
    }
    words += [word(continuation, x: 420, y: top, page: 2)]
    words += [
      word("丙", x: 150, y: top + 15, page: 2), word("30", x: 300, y: top + 15, page: 2), word("30", x: 360, y: top + 15, page: 2),
      word("总分", x: 150, y: top + 30, page: 2), word("60", x: 300, y: top + 30, page: 2),
      word("57", x: 360, y: top + 30, page: 2),
    ]
    return words
  }

  static func table(_ words: [PositionedWord]) throws -> Table {
    let records = TableReader.readForms(grids: [PositionedTextAssemblerTests.grid(words)], file: "t.pdf")
    guard case .table(let table)? = records.first else { throw Failure(records: "\(records)") }
    return table
  }

  struct Failure: Error { var records: String }

  @Test(arguments: [true, false])
  func theRowsPartsAreJoined(repeatingHeader: Bool) throws {
    let table = try Self.table(Self.split(repeatingHeader: repeatingHeader))
    #expect(table.indicators.map(\.name) == ["甲", "乙", "丙"])
    #expect(table.indicators.map(\.explanation) == [nil, "资金支付正在走支付流程", nil])
    #expect(table.uncertainPlaces.isEmpty)
    #expect(table.claimedTotal == Rational(57))
  }

  /// Text at the head of a page in a column the row above left blank: it may be that row's, or a row whose
  /// name is missing: joined to the row above, with a doubt.
  @Test func aPieceUnderABlankOfTheRowAboveIsJoinedWithADoubt() throws {
    var words = Self.split(repeatingHeader: true)
    words.removeAll { $0.text == "资金支付正在" }
    let table = try Self.table(words)
    #expect(table.indicators.map(\.name) == ["甲", "乙", "丙"])
    #expect(table.indicators.map(\.explanation) == [nil, "走支付流程", nil])
    #expect(table.uncertainPlaces == [.indicator(2)])
  }
}

/// What narrow columns print: headers wrapped a character to a line, and the block's side label printed
/// across rather than turned.
@Suite struct NarrowColumnTests {
  static func word(_ text: String, x: Double, y: Double) -> PositionedWord {
    PositionedTextAssemblerTests.word(text, x: x, y: y)
  }

  /// 一级指 · 标 and 二级指 · 标 side by side: the two 标 are no letter-spaced label (`总    分` is), each ends
  /// its own header.
  @Test func lastCharactersOfTwoWrappedHeadersStayApart() {
    let words = [
      Self.word("一级指", x: 50, y: 100), Self.word("标", x: 60, y: 111.6), Self.word("二级指", x: 100, y: 100),
      Self.word("标", x: 110, y: 111.6), Self.word("三级指标", x: 150, y: 104), Self.word("分值", x: 300, y: 104),
      Self.word("得分", x: 360, y: 104),
      Self.word("产出指标", x: 45, y: 130), Self.word("数量", x: 100, y: 130), Self.word("甲", x: 150, y: 130),
      Self.word("10", x: 300, y: 130), Self.word("9", x: 360, y: 130),
      Self.word("总", x: 150, y: 145), Self.word("分", x: 190, y: 145), Self.word("10", x: 300, y: 145),
      Self.word("9", x: 360, y: 145),
    ]
    let grid = PositionedTextAssemblerTests.grid(words)
    let texts = PositionedTextAssemblerTests.texts(grid).map { $0.filter { !$0.isEmpty } }
    #expect(texts.first == ["一级指标", "二级指标", "三级指标", "分值", "得分"])
    #expect(texts.last?.first == "总分")
  }

  /// 年度绩效指标完成情况 down the block's side, printed across in a narrow column and reaching into the
  /// levels' column: dropped, as the turned label is, so that the level reads.
  @Test func aSideLabelPrintedAcrossIsDropped() throws {
    var words = PositionedTextAssemblerTests.block.map { $0.text == "一级指标" ? Self.word("一级指标", x: 80, y: 100) : $0 }
    words = words.map { $0.text == "产出指标" ? Self.word("产出指标", x: 80, y: 130) : $0 }
    words.append(Self.word("年度绩效指标完成情况", x: 0, y: 130))
    let grid = PositionedTextAssemblerTests.grid(words)
    let texts = PositionedTextAssemblerTests.texts(grid).map { $0.filter { !$0.isEmpty } }
    #expect(!texts.joined().contains("年度绩效指标完成情况"))
    #expect(texts.dropFirst().first?.first == "产出指标")
  }
}
