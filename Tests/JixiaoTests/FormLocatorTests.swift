import Foundation
import Testing

@testable import Jixiao

/// The form locator on small hand-made grids, one hard case of forms.md at a time.
@Suite struct FormLocatorTests {
  /// A grid from rows of printed texts (`""` is an empty cell) and merged areas.
  static func grid(_ rows: [[String]], merges: [String] = [], file: String = "t.xlsx") -> Grid {
    var grid = Grid(file: file, name: "表")
    for (row, texts) in rows.enumerated() {
      for (column, text) in texts.enumerated() where !text.isEmpty {
        grid[row, column] = GridCell(kind: .text, text: text, reference: CellReference(row: row, column: column))
      }
    }
    for merge in merges { grid.merge(CellRange(merge)!) }
    return grid
  }

  static func locate(_ rows: [[String]], merges: [String] = []) -> [PrintedForm] {
    FormLocator().forms(in: grid(rows, merges: merges))
  }

  static let top: [[String]] = [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", "", "雇员经费"],
    ["主管部门", "", "工业和信息化局", "", "实施单位", "工业和信息化局"],
  ]
  static let header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]

  /// The texts of the indicator rows' cells, row by row.
  static func texts(_ form: PrintedForm) -> [[String]] {
    form.indicators?.rows.map { $0.cells.map(\.text) } ?? []
  }

  static func kinds(_ form: PrintedForm) -> [IndicatorRow.Kind] {
    form.indicators?.rows.map(\.kind) ?? []
  }

  @Test func theTitleYearAndHeaderBlockAreFound() throws {
    let forms = Self.locate(
      Self.top + [
        ["项目负责人", "", "", "联系电话：", ""],
        Self.header,
        ["产出指标", "数量指标", "发放人数", ">=1 人", "=1 人", "100", "100"],
      ], merges: ["A3:B3", "A4:B4"])
    let form = try #require(forms.first)
    #expect(forms.count == 1)
    #expect(form.title?.text == "项目支出绩效自评表")
    #expect(form.year?.year == 2023 && form.year?.printed.cell?.reference == CellReference("A2"))
    #expect(form.header.map(\.label.text) == ["项目名称", "主管部门", "实施单位", "项目负责人", "联系电话："])
    #expect(form.header.map(\.value.text) == ["雇员经费", "工业和信息化局", "工业和信息化局", "", ""])
    // A label left blank gets the cell after it (after its merge) as its empty value.
    #expect(form.header[0].value.reference == CellReference("C3"))
    #expect(form.header[3].value.reference == CellReference("B5"))
    #expect(form.header[4].value.reference == CellReference("E5"))
  }

  @Test(arguments: [
    ("（2023年度）", 2023), ("(2024年度)", 2024), ("2023 年度", 2023), ("(2024 年）", 2024), ("（2023 年度）", 2023),
  ])
  func theYearIsReadAsFormsPrintIt(printed: String, year: Int) throws {
    let form = try #require(
      Self.locate([["项目支出绩效自评表"], [printed], Self.header, ["产出指标", "数量指标", "a", "1", "1", "100", "100"]]).first)
    #expect(form.year?.year == year)
    #expect(form.corner.isEmpty)
  }

  @Test func aYearInsideTheTitleIsTheTitles() throws {
    let form = try #require(
      Self.locate([["项目支出绩效自评表\n（2023年度）"], ["公开14表", "", "", "", "金额单位：万元"], ["项目名称", "x"]]).first)
    #expect(form.year?.year == 2023 && form.year?.printed.cell?.reference == CellReference("A1"))
    // A form number and the unit of amounts in a corner are kept as the corner's.
    #expect(form.corner.map(\.text) == ["公开14表", "金额单位：万元"])
    #expect(form.header.map(\.label.text) == ["项目名称"])
  }

  @Test func aTitleEndsInItsTitleWordOrItsYear() throws {
    let forms = Self.locate([
      ["2023年度项目支出绩效自评表"], ["项目名称", "甲"],
      ["年度总体目标", "预期目标", "实际完成情况"],
      // A goal that mentions a 目标表 is a goal, not the next table's title.
      ["", "完成绩效目标表填报", "已完成"],
      Self.header, ["产出指标", "数量指标", "a", "1", "1", "100", "100"],
    ])
    #expect(forms.count == 1)
    #expect(forms.first?.title?.text == "2023年度项目支出绩效自评表")
    #expect(forms.first?.year?.year == 2023 && forms.first?.year?.printed.cell?.reference == CellReference("A1"))
    #expect(forms.first?.goals?.entries.map(\.text.text) == ["完成绩效目标表填报", "已完成"])
  }

  @Test func theFundsBlockKeepsItsHeadersRowsTotalAndPoints() throws {
    let form = try #require(
      Self.locate(
        Self.top + [
          ["预算执行情况（20分）", "", "年初预算数", "全年预算数", "全年执行数", "执行率", "得分（20分*执行率）"],
          ["", "年度资金总额", "12.00", "13.5", "13.31", "98.59%", "19.72"],
          ["", "其中：当年财政拨款", "12", "13.5", "13.31", "—", "—"],
          ["", "其他资金", "0", "—", "—", "—", "—"],
        ], merges: ["A5:A8"]
      ).first)
    let funds = try #require(form.funds)
    #expect(funds.label.name == "预算执行情况" && funds.label.points == Rational(20))
    #expect(funds.columns.map(\.key) == ["年初预算数", "全年预算数", "全年执行数", "执行率", "得分(20分*执行率)"])
    #expect(funds.rows.map { $0.labels.map(\.text) } == [["年度资金总额"], ["其中：当年财政拨款"], ["其他资金"]])
    #expect(funds.rows[0].cells.map(\.text) == ["12.00", "13.5", "13.31", "98.59%", "19.72"])
    #expect(funds.rows[0].cells[3].reference == CellReference("F6"))
    #expect(funds.totalRow == 5)
  }

  @Test func aFundsTotalPrintedBelowTheSourcesIsFoundAndIsNoTotalRow() throws {
    let form = try #require(
      Self.locate([
        ["单位整体支出绩效自评表"], ["（2024年度）"], ["单位名称", "某局"],
        ["部门资金（万元）", "资金来源", "年初预算数", "全年预算数", "全年执行数"],
        ["", "上级资金", "0", "1", "1"],
        ["", "本级资金", "5", "5", "5"],
        ["", "合计", "5", "6", "6"],
        ["年度总体目标", "预期目标", "", "实际完成情况"],
        ["", "目标甲", "", "完成甲"],
        ["一级指标", "二级指标", "三级指标", "预期指标值", "分值权重", "实际完成指标值", "得分"],
        ["履职效能", "数量指标", "a", ">=1", "100", "1", "100"],
        ["总分", "", "", "", "100", "", ""],
      ]).first)
    let funds = try #require(form.funds)
    // 合计 under 资金来源 is the funds block's total, not the table's total row.
    #expect(funds.columns.first?.key == "资金来源")
    #expect(funds.rows.map { $0.cells[0].text } == ["上级资金", "本级资金", "合计"])
    #expect(funds.totalRow == 6)
    #expect(form.goals?.entries.map { "\($0.header?.text ?? "-"):\($0.text.text)" } == ["预期目标:目标甲", "实际完成情况:完成甲"])
    #expect(form.total?.label.reference == CellReference("A12"))
    #expect(form.total?.weightSum?.text == "100")
    // The form prints no claimed total: the cell under 得分 is empty, and still named.
    #expect(form.total?.claimedTotal?.reference == CellReference("G12") && form.total?.claimedTotal?.isEmpty == true)
  }

  @Test func aFundsRowWithTwoLabelsUnderOneMergedHeaderKeepsBoth() throws {
    // L7's 年度预算 block: 资金来源 merged over two label columns, 财政资金 merged down two rows.
    let form = try #require(
      Self.locate(
        [
          ["单位整体绩效目标表"], ["单位名称（盖章）", "某局"],
          ["年度预算\n（万元）", "资金来源", "", "", "资金总额（万元）"],
          ["", "财政资金（万元）", "上级安排", "", "0.00"],
          ["", "", "本级安排", "", "545.70"],
          ["", "其他资金（万元）", "其他", "", "501.12"],
          ["一级指标", "二级指标", "三级指标", "指标值"],
        ], merges: ["B3:D3", "B4:B5", "C4:D4", "C5:D5", "C6:D6"]
      ).first)
    let funds = try #require(form.funds)
    #expect(funds.columns.map(\.key) == ["资金来源", "资金总额(万元)"])
    #expect(funds.rows.map { $0.cells.map(\.text) } == [["财政资金（万元）", "0.00"], ["", "545.70"], ["其他资金（万元）", "501.12"]])
    #expect(funds.rows.map { $0.labels.map(\.text) } == [["上级安排"], ["本级安排"], ["其他"]])
    #expect(funds.totalRow == nil)
  }

  @Test func aOneRowFundsBlockIsReadAsLabelsAndValues() throws {
    let form = try #require(
      Self.locate(
        Self.top + [
          ["项目资金\n（万元）", "", "年度\n预算\n总额：", "", "50.12", "其中：\n财政拨款", "0", "其他\n资金：", "50.12"],
          ["项目总体目标", "", "总投资 50.12 万元"],
          Self.header,
        ]
      ).first)
    let funds = try #require(form.funds)
    #expect(funds.rows.isEmpty && funds.totalRow == nil)
    #expect(
      funds.pairs.map { "\(FormText.key($0.label.text))=\($0.value.text)" } == ["年度预算总额：=50.12", "其中：财政拨款=0", "其他资金：=50.12"])
    // A goal printed beside its label, the next part right below.
    #expect(form.goals?.entries.map(\.text.text) == ["总投资 50.12 万元"])
    #expect(form.goals?.entries.first?.header == nil)
  }

  @Test func levelsAreFilledDownOverMergesAndBlankContinuationCells() throws {
    let rows =
      Self.top + [
        Self.header,
        ["产出指标", "数量指标", "a", "1", "1", "10", "10"],
        ["", "", "b", "1", "1", "10", "10"],
        ["", "质量指标", "c", "1", "1", "10", "10"],
        ["效益指标", "", "d", "1", "1", "70", "70"],
      ]
    // As a sheet merges them, and as a CSV leaves them blank.
    for merges in [["A6:A8", "B6:B7"], []] {
      let form = try #require(Self.locate(rows, merges: merges).first)
      let block = try #require(form.indicators)
      #expect(block.rows.map { $0.level1?.name } == ["产出指标", "产出指标", "产出指标", "效益指标"])
      // A new 一级 starts its 二级 afresh: the blank under 效益指标 is not 质量指标.
      #expect(block.rows.map { $0.level2?.name } == ["数量指标", "数量指标", "质量指标", nil])
      // A filled cell keeps the reference of the cell it came from.
      #expect(block.rows[1].cells[block.level1Column!].reference == CellReference("A6"))
      #expect(block.rows[1].cells[block.nameColumn].reference == CellReference("C7"))
      #expect(Self.kinds(form) == [.indicator, .indicator, .indicator, .indicator])
    }
  }

  /// A level's label is split once for the rows its cell is filled down over (the reader keeps the row
  /// above's), and is `PointsLabel(cell)` of each row's own level cell all the same: a level printed again,
  /// as a flat export prints it, is its own cell's label.
  @Test func levelLabelsAreTheirRowsCellsLabels() throws {
    let rows =
      Self.top + [
        Self.header,
        ["产出指标（40分）", "数量指标", "a", "1", "1", "10", "10"],
        ["", "", "b", "1", "1", "10", "10"],
        ["产出指标（40分）", "数量指标", "c", "1", "1", "20", "20"],
        ["效益指标", "质量指标", "d", "1", "1", "60", "60"],
        ["", "", "e", "1", "1", "0", "0"],
      ]
    for merges in [["A6:A7", "B6:B7"], []] {
      let block = try #require(Self.locate(rows, merges: merges).first?.indicators)
      #expect(block.rows.count == 5)
      for row in block.rows {
        for (label, column) in [(row.level1, block.level1Column!), (row.level2, block.level2Column!)] {
          #expect(label == (row.cells[column].isEmpty ? nil : PointsLabel(row.cells[column])), "row \(row.row)")
        }
      }
      #expect(block.rows.map { $0.level1?.cell.reference } == ["A6", "A6", "A8", "A9", "A9"].map { CellReference($0) })
      #expect(block.rows.map { $0.level1?.points } == [40, 40, 40, nil, nil].map { $0.map { Rational($0) } })
    }
  }

  @Test func aProjectNameColumnIsFilledDownToo() throws {
    let form = try #require(
      Self.locate([
        ["项目名称", "一级指标", "二级指标", "三级指标", "分值"],
        ["甲项目", "产出指标", "数量指标", "a", "50"],
        ["", "", "", "b", "50"],
        ["乙项目", "产出指标", "", "c", "100"],
      ]).first)
    let block = try #require(form.indicators)
    #expect(block.rows.map { $0.cells[block.projectNameColumn!].text } == ["甲项目", "甲项目", "乙项目"])
    // Under a new project, the levels start afresh.
    #expect(block.rows.map { $0.level2?.name } == ["数量指标", "数量指标", nil])
  }

  @Test func aLevelLabelWithPointsIsSplit() throws {
    let form = try #require(
      Self.locate(
        Self.top + [
          ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分"],
          ["产出指标（40分）", "数量指标", "a", "40", "1", "1", "40"],
          ["效益指标(30分)", "社会效益指标", "b", "30", "1", "1", "30"],
          ["成本指标（万元）", "经济成本指标", "c", "30", "1", "1", "30"],
        ]
      ).first)
    let levels = try #require(form.indicators).rows.map { $0.level1 }
    #expect(levels.map { $0?.name } == ["产出指标", "效益指标", "成本指标（万元）"])
    #expect(levels.map { $0?.points } == [Rational(40), Rational(30), nil])
    #expect(levels[0]?.cell.text == "产出指标（40分）")
  }

  @Test func aTwoRowHeaderNamesTheSplitTargetUnderItsGroup() throws {
    let rows =
      Self.top + [
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "", "", "实际完成值", "分  值", "得  分"],
        ["", "", "", "", "指标性质", "指标值", "度量单位"],
        ["", "产出指标", "数量指标", "a", "≥", "3", "个", "=3 个", "50", "50"],
        ["", "", "", "b", "定性", "有效", "", "有效", "50", "50"],
        ["总分", "", "", "", "", "", "", "", "100", "100"],
      ]
    let sheetMerges = ["A5:A8", "B5:B6", "C5:C6", "D5:D6", "E5:G5", "H5:H6", "I5:I6", "J5:J6", "B7:B8", "C7:C8"]
    for merges in [sheetMerges, []] {
      let form = try #require(Self.locate(rows, merges: merges).first)
      let block = try #require(form.indicators)
      #expect(block.headerRows == 4...5)
      #expect(block.columns.map(\.key) == ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分"])
      #expect(block.columns.map { $0.groupKey ?? "" } == ["", "", "", "年度指标值", "年度指标值", "年度指标值", "", "", ""])
      #expect(block.rotatedLabel?.text == "绩效指标")
      #expect(
        Self.texts(form) == [
          ["产出指标", "数量指标", "a", "≥", "3", "个", "=3 个", "50", "50"], ["产出指标", "数量指标", "b", "定性", "有效", "", "有效", "50", "50"],
        ])
      #expect(form.total?.weightSum?.text == "100" && form.total?.claimedTotal?.reference == CellReference("J9"))
      #expect(form.unplacedRows.isEmpty && form.unnamedColumns.isEmpty)
    }
  }

  @Test func aFirstIndicatorRowIsNoSecondHeaderRow() throws {
    // A blank 三级指标 with text under the headers is a row with a defect, not a header.
    let form = try #require(Self.locate(Self.top + [Self.header, ["产出指标", "数量指标", "", "有效", "有效", "", ""]]).first)
    #expect(form.indicators?.headerRows == 4...4)
    #expect(Self.kinds(form) == [.indicator])
  }

  @Test func rotatedLabelsAreRecognisedAndLeftOut() throws {
    let body = [
      ["", "产出指标", "数量指标", "a", "1", "1", "50", "50"],
      ["", "", "", "b", "1", "1", "50", "50"],
    ]
    let header = [""] + Self.header
    // Merged down the header and the rows; merged down the rows only; on the first row alone.
    let cases: [([[String]], [String])] = [
      ([["年度绩效指标完成情况"] + Self.header] + body, ["A5:A7"]),
      ([header, ["年度绩效指标完成情况"] + body[0].dropFirst(), body[1]], ["A6:A7"]),
      ([header, ["年度绩效指标完成情况"] + body[0].dropFirst(), body[1]], []),
    ]
    for (rows, merges) in cases {
      let form = try #require(Self.locate(Self.top + rows, merges: merges).first)
      #expect(form.indicators?.rotatedLabel?.text == "年度绩效指标完成情况")
      #expect(form.indicators?.columns.first?.key == "一级指标")
      #expect(Self.texts(form).map(\.count) == [7, 7])
      #expect(form.unplacedRows.isEmpty && form.unnamedColumns.isEmpty)
    }
  }

  @Test func aLeftColumnWithSeveralTextsIsNoRotatedLabelAndIsReported() throws {
    let form = try #require(
      Self.locate(
        Self.top + [
          [""] + Self.header,
          ["甲", "产出指标", "数量指标", "a", "1", "1", "50", "50"],
          ["乙", "", "", "b", "1", "1", "50", "50"],
        ]
      ).first)
    #expect(form.indicators?.rotatedLabel == nil)
    #expect(form.unnamedColumns == [UnnamedColumn(column: 0, cells: [Self.cell("甲", "A6"), Self.cell("乙", "A7")])])
    #expect(Self.kinds(form) == [.indicator, .indicator])
  }

  static func cell(_ text: String, _ reference: String) -> GridCell {
    GridCell(kind: .text, text: text, reference: CellReference(reference)!)
  }

  @Test func starParentAndQizhongRowsAreStructuralRows() throws {
    let form = try #require(
      Self.locate(
        Self.top + [
          Self.header,
          ["产出指标", "数量指标", "★培训人次", ">=3000", "=2900", "30", "28.5"],
          ["", "", "线上培训人次", ">=2000", "=1800", "15", "13.5"],
          ["", "", "线下培训人次", ">=1000", "=1100", "15", "15"],
          ["", "质量指标", "培训合格率", ">=95%", "=96%", "20", "20"],
          ["", "", "其中：线上培训合格率", ">=95%", "=97%", "", ""],
          ["", "", "其中:线下培训合格率", ">=95%", "=95%", "", ""],
          ["", "", "其中：抽查合格率", ">=95%", "=95%", "10", "10"],
          ["效益指标", "社会效益指标", "★就业率", ">=60%", "=66%", "20", "20"],
          ["", "", "就业人数", ">=10", "=12", "10", "10"],
          ["满意度指标", "满意度指标", "满意度", ">=90%", "=93%", "10", "10"],
        ]
      ).first)
    #expect(
      Self.kinds(form) == [
        .parent, .indicator, .indicator, .indicator, .detail, .detail,
        // A 其中 row with a weight is an indicator; a ★ whose children do not make its weight is one too.
        .indicator, .indicator, .indicator, .indicator,
      ])
    #expect(form.indicators?.indicatorRows.count == 7)
  }

  @Test func aStarParentsChildrenStayInItsLevels() throws {
    let form = try #require(
      Self.locate(
        Self.top + [
          Self.header,
          ["产出指标", "数量指标", "★a", "1", "1", "20", "20"],
          ["", "", "b", "1", "1", "10", "10"],
          ["", "质量指标", "c", "1", "1", "10", "10"],
        ]
      ).first)
    // c is under another 二级: the ★ row's children make 10, not 20.
    #expect(Self.kinds(form) == [.indicator, .indicator, .indicator])
  }

  @Test func stackedTablesWithAndWithoutBlankRowsAndTitles() throws {
    let table: [[String]] =
      Self.top + [Self.header, ["产出指标", "数量指标", "a", "1", "1", "100", "100"], ["总分", "", "", "", "", "100", "100"]]
    let untitled: [[String]] = [
      ["项目名称", "", "乙"], Self.header, ["产出指标", "数量指标", "b", "1", "1", "100", "100"],
    ]
    let rows = table + [[]] + table + untitled + untitled
    let forms = Self.locate(rows)
    #expect(forms.count == 4)
    #expect(forms.map(\.rows) == [0...6, 8...14, 15...17, 18...20])
    #expect(forms.map { $0.title?.cell?.reference.row } == [0, 8, nil, nil])
    #expect(forms.map { $0.header.first?.value.text } == ["雇员经费", "雇员经费", "乙", "乙"])
    #expect(forms.map { $0.indicators?.rows.count } == [1, 1, 1, 1])
  }

  /// A grid with paragraphs above it, as a Word table is read.
  static func locate(_ rows: [[String]], preamble: [String]) -> [PrintedForm] {
    var grid = grid(rows, file: "t.docx")
    grid.preamble = preamble
    return FormLocator().forms(in: grid)
  }

  static let untitled: [[String]] = [["项目名称", "", "乙"], header, ["产出指标", "数量指标", "b", "1", "1", "100", "100"]]

  @Test func aWordFormsTitleAndYearAreTheParagraphsAboveItsTable() throws {
    let forms = Self.locate(
      Self.untitled + Self.untitled, preamble: ["附件2", "项目支出绩效自评表", "（2023年度）", "填报单位：某局"])
    #expect(forms.count == 2)
    let form = try #require(forms.first)
    #expect(form.title == .paragraph(index: 1, text: "项目支出绩效自评表"))
    #expect(form.year == PrintedYear(printed: .paragraph(index: 2, text: "（2023年度）"), year: 2023))
    let title = try #require(form.title)
    #expect(form.location(of: title) == SourceLocation(file: "t.docx", field: "表, paragraph 2 above the table"))
    #expect(form.location(of: title) == Self.grid([], file: "t.docx").location(ofPreambleParagraph: 1))
    // The paragraphs are above the first table only.
    #expect(forms[1].title == nil && forms[1].year == nil)
    // The others are kept, for extract to list.
    #expect(form.paragraphsAbove == [.paragraph(index: 0, text: "附件2"), .paragraph(index: 3, text: "填报单位：某局")])
    #expect(forms[1].paragraphsAbove.isEmpty)
  }

  @Test func aTitleParagraphMayHoldItsYear() throws {
    let form = try #require(Self.locate(Self.untitled, preamble: ["项目支出绩效自评表\n（2024年度）", "单位：万元"]).first)
    #expect(form.title?.paragraph == 0)
    #expect(form.year?.year == 2024 && form.year?.printed == form.title)
  }

  @Test func unrelatedParagraphsAboveATableAreNoTitleOrYear() throws {
    let form = try #require(
      Self.locate(
        Self.untitled,
        preamble: ["关于2023年度项目支出绩效自评的报告", "2023年项目执行情况详见绩效目标表。", "附件2", "2023年3月"]
      ).first)
    #expect(form.title == nil)
    #expect(form.year == nil)
    #expect(form.header.first?.value.text == "乙")
  }

  @Test func aTitleCellWinsOverTheParagraphsAboveTheTable() throws {
    let both = try #require(
      Self.locate(Self.top + [Self.header], preamble: ["部门整体支出绩效自评表", "（2022年度）"]).first)
    #expect(both.title == .cell(GridCell(kind: .text, text: "项目支出绩效自评表", reference: CellReference("A1")!)))
    #expect(both.year?.year == 2023 && both.year?.printed.cell?.reference == CellReference("A2"))
    #expect(both.paragraphsAbove.map(\.text) == ["部门整体支出绩效自评表", "（2022年度）"], "kept, though not read")
    // A title cell without a year takes the year printed above the table.
    let noYear = try #require(Self.locate([["项目支出绩效自评表"]] + Self.untitled, preamble: ["（2022年度）", "附件"]).first)
    #expect(noYear.title?.cell?.reference == CellReference("A1"))
    #expect(noYear.year == PrintedYear(printed: .paragraph(index: 0, text: "（2022年度）"), year: 2022))
  }

  @Test func aHeaderOnlyTableHasABlockWithoutRows() throws {
    let forms = Self.locate(Self.top + [Self.header, ["总分", "", "", "", "", "0", "0"]])
    let block = try #require(forms.first?.indicators)
    #expect(block.rows.isEmpty && block.columns.count == 7)
    #expect(forms.first?.total?.label.text == "总分")
  }

  @Test func rowsThatCannotBePlacedAreReported() throws {
    let form = try #require(
      Self.locate(
        Self.top + [
          Self.header + [""],
          ["产出指标", "数量指标", "a", "1", "1", "100", "100", "备注甲"],
          ["", "", "", "", "", "", "", "孤立"],
          ["注：本表金额单位为万元", "", "", "", "", "", ""],
          ["总分", "", "", "", "", "100", "100", "优"],
          ["填表人：张三"],
          ["杂项"],
        ], merges: ["A8:G8"]
      ).first)
    #expect(Self.kinds(form) == [.indicator])
    #expect(form.unnamedColumns == [UnnamedColumn(column: 7, cells: [Self.cell("备注甲", "H6")])])
    #expect(form.unplacedRows.map(\.row) == [6, 7, 10])
    #expect(form.unplacedRows.map { $0.cells.map(\.text) } == [["孤立"], ["注：本表金额单位为万元"], ["杂项"]])
    // Who filled the form in is its sign-off, not a row that cannot be placed.
    #expect(form.signOff.map(\.label.text) == ["填表人：张三"])
    #expect(form.total?.grade?.text == "优")
    #expect(form.rows == 0...10)
  }

  @Test func remarksBeforeTheTotalAreNotes() throws {
    let form = try #require(
      Self.locate(
        Self.top + [
          Self.header, ["产出指标", "数量指标", "a", "1", "1", "100", "100"], ["其他需要说明事项", "无"],
          ["总分", "", "", "", "", "100", "76.62", "中"],
        ]
      ).first)
    #expect(form.notes.map { "\($0.label.text)=\($0.value.text)" } == ["其他需要说明事项=无"])
    #expect(form.total?.claimedTotal?.text == "76.62" && form.total?.grade?.text == "中")
    #expect(Self.kinds(form) == [.indicator])
  }

  @Test func anUnreadableCellStaysOnItsRow() throws {
    var grid = Self.grid(Self.top + [Self.header, ["产出指标", "数量指标", "a", "1", "1", "", "10"]])
    grid[5, 5] = GridCell(
      kind: .unreadable, text: "#REF!", problem: "the cell holds the error value #REF!", reference: CellReference("F6")!)
    let form = try #require(FormLocator().forms(in: grid).first)
    let row = try #require(form.indicators?.rows.first)
    #expect(row.kind == .indicator && row.cells[5].kind == .unreadable && row.cells[5].problem != nil)
  }

  @Test func aGridWithoutAnchorsHoldsNoForm() {
    #expect(Self.locate([["a", "b"], ["1", "2"]]).isEmpty)
    #expect(Self.locate([]).isEmpty)
  }

  @Test func provenanceNamesTheSheetAndCell() throws {
    let form = try #require(Self.locate(Self.top).first)
    #expect(form.location(of: CellReference("C3")!).description == "t.xlsx: 表!C3")
  }
}

/// A form CSV read into a grid.
@Suite struct CSVGridReaderTests {
  static let text =
    "项目支出绩效自评表,,,\r\n（2023年度）,,,\r\n项目名称,,雇员经费,\r\n\"年度\n总体\n目标\",预期目标,,实际\r\n一级指标,二级指标,三级指标,分值\r\n产出指标,数量指标,a,100\r\n"

  @Test func rowsAreRecordsAndKeepTheirLines() throws {
    let grid = try CSVGridReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array(Self.text.utf8), file: "f.csv")
    #expect(grid.rowCount == 6)
    #expect(grid.rowLines == [1, 2, 3, 4, 7, 8])
    #expect(grid[CellReference("A4")!].text == "年度\n总体\n目标")
    #expect(grid[CellReference("C3")!].text == "雇员经费" && grid[CellReference("B3")!].isEmpty)
    #expect(grid.location(of: CellReference("C6")!).description == "f.csv:8: C6")
    let form = try #require(FormLocator().forms(in: grid).first)
    #expect(form.location(of: CellReference("C6")!).line == 8)
    #expect(form.goals?.label.text == "年度\n总体\n目标")
  }

  @Test func gb18030ReadsAsUTF8Does() throws {
    let utf8 = try CSVGridReader.read(bytes: Array(Self.text.utf8), file: "f.csv")
    let encoded = try #require(Self.text.data(using: String.Encoding(rawValue: 0x8000_0632)))
    let gb = try CSVGridReader.read(bytes: [UInt8](encoded), file: "f.csv")
    #expect(gb.rows == utf8.rows && gb.rowLines == utf8.rowLines)
  }

  @Test func aMalformedRecordIsARowOfUnreadableCells() throws {
    let grid = try CSVGridReader.read(bytes: Array("项目名称,甲\r\na,\"b\"c,d\r\n".utf8), file: "f.csv")
    #expect(grid.rows[1].map(\.kind) == [.unreadable, .unreadable, .unreadable])
    #expect(grid.rows[1].allSatisfy { $0.problem?.contains("closing quote") == true })
  }

  @Test func aFileInNoEncodingIsRefused() {
    #expect(throws: InputError.self) { try CSVGridReader.read(bytes: [0x61, 0x2C, 0xFF, 0xFE, 0xFD, 0x0A], file: "f.csv") }
  }

  @Test func tooManyCellsAreRefused() {
    var limits = SpreadsheetReader.Limits()
    limits.maximumCellsPerSheet = 3
    #expect(throws: InputError.self) { try CSVGridReader.read(bytes: Array("a,b\nc,d\n".utf8), file: "f.csv", limits: limits) }
  }

  @Test(arguments: [
    ("项目支出绩效自评表,,,", true), ("\u{FEFF}项目支出绩效自评表", true), ("项目名称,雇员经费,,", true), ("项目资金（万元）,,年初预算数", true),
    ("项目名称,一级指标,二级指标,三级指标,权重", false), ("name,level1,level2,indicator,weight", false), ("表编号,项目名称,年度,三级指标", false),
  ])
  func aPrintedFormIsToldFromAFlatCSVByItsFirstRow(row: String, isForm: Bool) {
    #expect(
      CSVGridReader.isPrintedForm(firstRecord: row.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        == isForm)
  }

  @Test func blankFirstRowsAreSkippedWhenTellingAForm() throws {
    let grid = try CSVGridReader.read(bytes: Array(",,\r\n项目支出绩效自评表,,\r\n".utf8), file: "f.csv")
    #expect(CSVGridReader.isPrintedForm(grid))
    let flat = try CSVGridReader.read(bytes: Array(Fixtures.flatHeader.utf8), file: "f.csv")
    #expect(!CSVGridReader.isPrintedForm(flat))
  }

  enum Fixtures {
    static let flatHeader = "项目名称,年度,一级指标,二级指标,三级指标,权重,目标值,业绩值,指标得分\r\n甲,2023,产出指标,数量指标,a,100,1,1,100\r\n"
  }
}
