import Foundation
import Testing

@testable import Jixiao

/// The goals block (年度总体目标 | 预期目标 | 实际完成情况) read from a PDF's words, from layout text and from
/// pdftotext's default output: each text under its header, its wrapped lines rejoined, and a doubt where
/// the reader cannot tell the texts apart (docs/rules.md, "The goals block read by position").
@Suite struct GoalsReadingTests {
  static func word(_ text: String, x: Double, y: Double) -> PositionedWord {
    PositionedTextAssemblerTests.word(text, x: x, y: y)
  }

  /// The cells of a grid's rows, without the empty ones, each as `column:text`.
  static func rows(_ grid: Grid) -> [[String]] {
    grid.rows.map { row in row.filter { !$0.isEmpty }.map { "\($0.reference.column):\($0.text)" } }
  }

  /// An indicator block under the goals, so that the goals block ends.
  static let indicators: [PositionedWord] = [
    word("一级指标", x: 50, y: 170), word("三级指标", x: 400, y: 170), word("分值", x: 600, y: 170), word("得分", x: 660, y: 170),
    word("甲", x: 400, y: 185), word("10", x: 600, y: 185), word("9", x: 660, y: 185),
  ]

  /// Two goals texts under headers centred on them: the expected text from x 100, its header's middle at
  /// 220, so its cell ends at 340; the actual text from 345, its one line centred on the expected's three
  /// (text 10 points a character, lines 11.6 points apart).
  static let block: [PositionedWord] = [
    word("预期目标", x: 200, y: 100), word("实际完成情况", x: 500, y: 100),
    word("年度总体目标", x: 20, y: 123.6),
    word("为确保工作正常开展，计划", x: 100, y: 112), word("预算资金", x: 100, y: 123.6), word("13.5", x: 143, y: 123.6),
    word("万元，用于", x: 186, y: 123.6), word("发放工资。", x: 100, y: 135.2),
    word("截止到", x: 345, y: 123.6), word("2023", x: 378, y: 123.6), word("年已发放。", x: 421, y: 123.6),
  ]

  /// Without reading the block by its headers, the actual text was the row's second cell, under 预期目标,
  /// and lost.
  @Test func aPDFsGoalsTextsGoUnderTheirHeaders() {
    let grid = PositionedTextAssemblerTests.grid(Self.block + Self.indicators)
    let rows = Self.rows(grid)
    #expect(rows.first == ["0:年度总体目标", "1:预期目标", "2:实际完成情况"])
    #expect(rows.dropFirst().first == ["1:为确保工作正常开展，计划预算资金 13.5 万元，用于发放工资。", "2:截止到 2023 年已发放。"])
    #expect(grid.rows.joined().allSatisfy { $0.doubt == nil })
  }

  /// A goals block cut by a page break: its headers (and label) the last lines of one page, its texts at
  /// the head of the next (LibreOffice prints the cut label again there). The texts go under the headers of
  /// the page before. Before, they were read by the page's own lines, both texts one cell.
  @Test func aGoalsBlockCutByAPageBreakGoesOnOnTheNextPage() {
    func word(_ text: String, x: Double, y: Double, page: Int) -> PositionedWord {
      PositionedTextAssemblerTests.word(text, x: x, y: y, page: page)
    }
    let words = [
      word("预期目标", x: 200, y: 700, page: 1), word("实际完成情况", x: 500, y: 700, page: 1),
      word("年度总体目标", x: 20, y: 715, page: 1),
      word("年度总体目标", x: 20, y: 50, page: 2), word("为确保工作正常开展，计划", x: 100, y: 45, page: 2),
      word("发放工资。", x: 100, y: 56.6, page: 2), word("截止到已发放。", x: 345, y: 50, page: 2),
    ]
    let indicators = Self.indicators.map { word in
      var word = word
      word.page = 2
      return word
    }
    let rows = Self.rows(PositionedTextAssemblerTests.grid(words + indicators))
    #expect(rows.first == ["0:年度总体目标", "1:预期目标", "2:实际完成情况"], "\(rows)")
    #expect(rows.dropFirst().first == ["1:为确保工作正常开展，计划发放工资。", "2:截止到已发放。"], "\(rows)")
  }

  /// A space typed beside CJK prints a space's width (a quarter of the type's height) and is kept; Writer's
  /// own gap between CJK and Latin text (autospace, about a seventh) is no space. Before, no space beside
  /// CJK was kept at all, and a goals text read back without the spaces its spreadsheet holds.
  @Test func aSpaceBesideCJKIsKeptWhereItIsASpacesWidth() {
    let assembler = PositionedTextAssembler(units: .points)
    let typed = [Self.word("资金", x: 100, y: 100), Self.word("13.5", x: 123, y: 100), Self.word("万元", x: 166, y: 100)]
    #expect(assembler.pieces(typed).map(\.text) == ["资金 13.5 万元"])
    let autospaced = [Self.word("资金", x: 100, y: 100), Self.word("13.5", x: 122, y: 100), Self.word("万元", x: 164, y: 100)]
    #expect(assembler.pieces(autospaced).map(\.text) == ["资金13.5万元"])
  }

  /// A goals text taller than the rows its merged cell spans prints its last line on the next row's line
  /// (LibreOffice's fitted rows, `PDFVariantTests`): that line starts at the text's edge a line's pitch under
  /// it, so it goes on with the text; the indicator header keeps its own cells. Before, the line was a cell
  /// of the indicator header's row and the goals text ended a line early.
  @Test func aGoalsTextPrintedPastItsRowsGoesOnWithIt() {
    // The indicator header and its row one line higher: the header on the text's last line.
    let words =
      Self.block
      + Self.indicators.map { word in
        var word = word
        word.top -= 34.8
        word.bottom -= 34.8
        return word
      }
    let grid = PositionedTextAssemblerTests.grid(words)
    let rows = Self.rows(grid)
    #expect(rows.dropFirst().first?.first == "1:为确保工作正常开展，计划预算资金 13.5 万元，用于发放工资。")
    #expect(rows.contains(["0:一级指标", "1:三级指标", "2:分值", "3:得分"]), "\(rows)")
  }

  /// The goals label down its column left of the texts (`年度` · `总体` · `目标`, its last line on the line of the
  /// next row, where the indicator header's `年度` of 年度指标值 prints too, right of the texts' edge): taken
  /// and joined without that `年度`. Before, the `年度` joined it, the label was no goals label, and was left
  /// to be put on whichever row its lines reached (fitted-rows L1: the funds block's last).
  @Test func theGoalsLabelIsTakenFromItsOwnColumn() {
    let assembler = PositionedTextAssembler(units: .points)
    var lines = [
      [Self.word("年度", x: 20, y: 100)], [Self.word("预期目标", x: 200, y: 104)],
      [Self.word("总体", x: 20, y: 111.6), Self.word("为确保", x: 100, y: 111.6)],
      [Self.word("目标", x: 20, y: 123.2), Self.word("发放。", x: 100, y: 123.2), Self.word("年度", x: 400, y: 123.2)],
    ].map(assembler.pieces)
    let label = assembler.takingGoalsLabel(&lines, header: 1, block: 2..<4, leftOf: 100)
    #expect(label?.text == "年度总体目标")
    #expect(lines[3].map(\.text) == ["发放。", "年度"])
  }

  /// A text starting with a pause (、，。) lost its first line: a merged cell lower than its text clips it.
  /// It is read with a doubt, which extract reports.
  @Test func aGoalsTextStartingMidSentenceIsDoubted() {
    let clipped = Self.block.map { word in
      var word = word
      if word.text == "为确保工作正常开展，计划" { word.text = "、为确保工作正常开展计划" }
      return word
    }
    let grid = PositionedTextAssemblerTests.grid(clipped + Self.indicators)
    let expected = grid.rows.joined().first { $0.text.hasPrefix("、") }
    #expect(expected?.doubt != nil)
    #expect(grid.rows.joined().first { $0.text.hasPrefix("截止到") }?.doubt == nil)
  }

  /// A goals block of layout text: the actual text one space after the expected on its first line, after
  /// runs of spaces on its second.
  static func layoutBlock(lastLine expectedColumn: Int = 10) -> String {
    func line(_ parts: [(Int, String)]) -> String {
      var text = ""
      for (column, part) in parts {
        text += String(repeating: " ", count: max(column - text.count, text.isEmpty ? 0 : 1)) + part
      }
      return text
    }
    return [
      line([(30, "预期目标"), (60, "实际完成情况")]),
      "",
      line([(2, "年度")]),
      line([(2, "总体"), (10, "为确保工作正常开展，计划预算资金 13.5 万元，用于发放"), (40, "截止到 2023 年 12 月已")]),
      line([(2, "目标"), (expectedColumn, "工资。"), (40, "发放完毕。")]),
      "",
      line([(2, "一级指标"), (14, "三级指标"), (40, "分值"), (50, "得分")]),
      line([(14, "甲"), (40, "10"), (50, "9")]),
    ].joined(separator: "\n")
  }

  /// Layout text keeps no proportions: the actual text's column is where its runs start (after two spaces
  /// or more, line 2), and on a full line, one space after the expected text, it is parted there too.
  /// Before, the two texts of a line were one cell.
  @Test func layoutTextPartsTheGoalsWhereTheSecondColumnsRunsStart() throws {
    let printed = Self.layoutBlock()
    #expect(printed.split(separator: "\n", omittingEmptySubsequences: false)[3].contains("发放 截止到"))
    let grid = try #require(LayoutTextReader.grids(bytes: Array(printed.utf8), file: "t.txt").first)
    let rows = Self.rows(grid)
    #expect(rows.contains(["0:年度总体目标", "1:预期目标", "2:实际完成情况"]), "\(rows)")
    #expect(rows.contains(["1:为确保工作正常开展，计划预算资金 13.5 万元，用于发放工资。", "2:截止到 2023 年 12 月已发放完毕。"]), "\(rows)")
  }

  /// Lines of a goals text that do not start at its column's edge (a text centred in its cell, as Writer
  /// prints it) leave where the texts part a guess in layout text: both are doubted.
  @Test func layoutTextWhoseLinesDoNotStartAtTheEdgeIsDoubted() throws {
    let grid = try #require(LayoutTextReader.grids(bytes: Array(Self.layoutBlock(lastLine: 20).utf8), file: "t.txt").first)
    #expect(grid.rows.joined().first { $0.text.hasPrefix("为确保") }?.doubt != nil)
    let aligned = try #require(LayoutTextReader.grids(bytes: Array(Self.layoutBlock().utf8), file: "t.txt").first)
    #expect(aligned.rows.joined().allSatisfy { $0.doubt == nil })
  }

  /// pdftotext's default output prints the two goals cells one after the other, each a paragraph wrapped
  /// to its column: parted after the expected's last line (narrower than its others, ending a sentence).
  /// Before, both were one text, the expected goals.
  @Test func documentTextPartsTheGoalsIntoTheirColumnsParagraphs() throws {
    let goals = """
      年度
      总体
      目标
      预期目标 实际完成情况
      为确保我局财政业务工作的正常开展，我单位计划预
      算资金 13.5 万元，用于发放雇员工作人员的工资、资
      金及社保等人员经费。
      截止到 2023 年 12 月 31 日，已完成 1 个雇
      员发放经费 13.31 万元，主要用于发放雇员
      工资。

      """
    let printed = DocumentTextReaderTests.flowing.replacingOccurrences(of: "一级\n指标\n二级指\n标", with: goals + "一级\n指标\n二级指\n标")
    let table = try #require(DocumentTextReaderTests().tables(printed).first)
    #expect(table.goals?.expected == "为确保我局财政业务工作的正常开展，我单位计划预算资金 13.5 万元，用于发放雇员工作人员的工资、资金及社保等人员经费。")
    #expect(table.goals?.actual == "截止到 2023 年 12 月 31 日，已完成 1 个雇员发放经费 13.31 万元，主要用于发放雇员工资。")
    #expect(table.notes.isEmpty, "\(table.notes)")
    // One paragraph only: the text is the expected goals, with a doubt.
    let one = printed.replacingOccurrences(of: "截止到 2023 年 12 月 31 日，已完成 1 个雇\n员发放经费 13.31 万元，主要用于发放雇员\n工资。\n", with: "")
    let doubted = try #require(DocumentTextReaderTests().tables(one).first)
    #expect(doubted.goals?.actual == nil)
    #expect(doubted.notes.contains { $0.field == .goalsExpected }, "\(doubted.notes)")
  }

  /// A goals text of several paragraphs (seed 004 lines 491–545: a heading, its paragraph, another heading
  /// and paragraph, then the actual text): the columns part where the lines' width changes, after a
  /// sentence's end, not at the expected text's first paragraph end.
  @Test func aGoalsTextOfSeveralParagraphsPartsWhereTheWidthChanges() {
    let lines = [
      "总体绩效目标：", "贯彻执行国家、自治区、市和我区有关工业和信息化、", "大数据发展等方面的方针、政策和法律、法规，提出我",
      "提出政策建议。", "年度绩效目标：", "深入学习习近平新时代中国特色社会主义思想，践行", "社会主义核心价值观，落实绿色低碳发展，加强控制工",
      "预算经费 3244.47 万元。", "2023 年年度支出经费 2385.28 万元，其中：基本支出 268.48 万",
      "元，项目支出 2116.8 万元。年初设定的预期目标已按时完成，", "企业成本。",
    ]
    let split = GoalsParagraphs.split(lines)
    #expect(split?.split == 8 && split?.certain == true, "\(String(describing: split))")
  }

  /// The comparison the printed fixtures use (`FormFixtureTests.readsAsPrinted`): a space typed may be
  /// read as none (at a wrapped line's end), a run of whitespace as one space; nothing else may differ.
  @Test func aPrintedTextReadsAsTypedButForWhitespaceThePrintCannotShow() {
    #expect(FormFixtureTests.readsAsPrinted("工程设计费3.5 万元", "工程设计费 3.5 万元"))
    #expect(FormFixtureTests.readsAsPrinted("30个， 通过", "30个，  通过"))
    #expect(FormFixtureTests.readsAsPrinted("甲乙", "甲\n乙"))
    #expect(!FormFixtureTests.readsAsPrinted("补贴 1655 万元", "补贴1655万元"))
    #expect(!FormFixtureTests.readsAsPrinted("补贴1655万", "补贴1655万元"))
    #expect(!FormFixtureTests.readsAsPrinted(nil, "甲"))
    #expect(FormFixtureTests.readsAsPrinted(nil, nil))
  }
}
