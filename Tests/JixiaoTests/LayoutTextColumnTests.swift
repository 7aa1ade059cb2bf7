import Testing

@testable import Jixiao

/// Layout text whose lines do not share one character grid (pdftotext `-layout` spaces each page, and each
/// line, by its own text): the rules that read it by its rows' own alignment, and the label it takes back.
@Suite struct LayoutTextColumnTests {
  /// The indicator header at the foot of a page, spaced wider than the rows on the next page: by the
  /// header's own columns the rows' pieces fall two to a column; the rows' alignment gives the columns.
  @Test func rowsOnTheNextPageAreReadByTheirOwnAlignment() {
    let header: [[(column: Int, text: String)]] = [
      [(4, "一级指标"), (22, "二级指标"), (43, "三级指标"), (66, "指标值"), (97, "完成值"), (131, "权重"), (142, "得分")]
    ]
    let page2: [[(column: Int, text: String)]] = [
      [(0, "产出指标"), (9, "数量指标"), (19, "补贴企业数量"), (40, ">=8家"), (62, "=8家"), (82, "13"), (89, "13")],
      [(0, "产出指标"), (9, "质量指标"), (19, "经费保障率"), (40, "=100%"), (62, "=10.92%"), (82, "10"), (89, "1.09")],
      [(0, "效益指标"), (9, "社会效益指标"), (19, "降低融资成本"), (40, "有效降低"), (62, "有效降低"), (82, "20"), (89, "20")],
    ]
    // The form feed starts page 2 at the first row's line.
    let bytes = LayoutTextOverlapTests.layout(header) + [0x0C] + LayoutTextOverlapTests.layout(page2)
    let grids = LayoutTextReader.grids(bytes: bytes, file: "t.txt")
    let texts = grids.flatMap { PositionedTextAssemblerTests.texts($0) }.map { $0.filter { !$0.isEmpty } }
    #expect(texts.contains(["产出指标", "数量指标", "补贴企业数量", ">=8家", "=8家", "13", "13"]), "\(texts)")
    #expect(texts.contains(["效益指标", "社会效益指标", "降低融资成本", "有效降低", "有效降低", "20", "20"]), "\(texts)")
    #expect(grids.flatMap { $0.rows.joined() }.allSatisfy { $0.doubt == nil })
  }

  /// Rows that fit the header's own columns keep them (no alignment is looked for).
  @Test func rowsThatFitTheHeaderKeepItsColumns() {
    let header = LayoutTextOverlapTests.layout([[(4, "一级指标"), (22, "二级指标"), (43, "三级指标"), (66, "权重"), (80, "得分")]])
    let rows = LayoutTextOverlapTests.layout([[(4, "产出指标"), (22, "数量指标"), (43, "次数"), (66, "10"), (80, "9")]])
    let grids = LayoutTextReader.grids(bytes: header + [0x0C] + rows, file: "t.txt")
    let texts = grids.flatMap { PositionedTextAssemblerTests.texts($0) }.map { $0.filter { !$0.isEmpty } }
    #expect(texts.contains(["产出指标", "数量指标", "次数", "10", "9"]), "\(texts)")
  }

  /// The funds label's first line (年度 of 年度 · 预算 · 总额：) printed into the project name's line,
  /// whose rest pdftotext pushes onto the next line: the label takes its word back and the name is whole.
  @Test func aLabelTakesBackItsFirstLineFromTheCellItWasPrintedInto() {
    let lines: [[(column: Int, text: String)]] = [
      [(8, "项目名称"), (44, "2024 年度")],
      [(45, "年度其他收入（招商引资工作经费）"), (102, "项目负责人")],
      [(8, "项目资金"), (93, "其中："), (123, "其他")],
      [(45, "预算"), (74, "451.00"), (103, "0.00"), (133, "451.00")],
      [(8, "（万元）"), (93, "财政拨款"), (123, "资金：")],
      [(44, "总额：")],
    ]
    let texts = LayoutTextOverlapTests.rows(lines).texts
    #expect(texts.first == ["项目名称", "2024 年度其他收入（招商引资工作经费）", "项目负责人"], "\(texts)")
    #expect(texts.contains { $0.contains("年度预算总额：") && $0.contains("451.00") }, "\(texts)")
  }
}
