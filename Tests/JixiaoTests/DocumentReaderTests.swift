import Foundation
import Testing

@testable import Jixiao

/// Word documents made by real producers (`Tests/Document/make-documents.py`).
@Suite struct DocumentReaderTests {
  static let directory = repositoryRoot.appendingPathComponent("Tests/Document")

  static func grids(_ file: String) throws -> [Grid] {
    let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(file)))
    return try DocumentReader.read(bytes: bytes, file: file)
  }

  /// The grid's rows as text, for compact expectations.
  private func texts(_ grid: Grid) -> [[String]] { grid.rows.map { $0.map(\.text) } }

  private func text(_ grid: Grid, _ reference: String) -> String { grid[CellReference(reference)!].text }

  @Test(arguments: ["python-docx.docx", "libreoffice.docx"])
  func aFormAsTwoProducersSaveIt(file: String) throws {
    let grids = try Self.grids(file)
    #expect(grids.map(\.name) == ["表1", "表2", "表3", "表3.1"])
    #expect(grids.allSatisfy { $0.file == file })
    let form = grids[0]
    // The title and year are paragraphs above the table; the empty paragraph between them is left out.
    #expect(form.preamble == ["项目支出绩效自评表", "（2023年度）", "单位：万元"])
    #expect(form.location(ofPreambleParagraph: 1).description == "\(file): 表1, paragraph 2 above the table")
    #expect(
      Set(form.merges.map(\.description)) == ["A1:H1", "A3:A5", "B3:B4", "A6:A8", "B7:B8", "A9:E9", "A10:B11", "C10:H11"])
    #expect(form.mergedRange(containing: CellReference("H1")!)?.description == "A1:H1", "the title row spans every column")
    #expect(form.displayedCell(at: CellReference("A4")!).text == "产出指标（50分）", "一级 merged down")
    #expect(form.displayedCell(at: CellReference("B4")!).text == "数量指标", "二级 merged down")
    #expect(form[CellReference("A4")!].isEmpty && form[CellReference("B4")!].isEmpty, "covered cells are empty")
    #expect(form.displayedCell(at: CellReference("B11")!).text == "其他需要说明事项", "a rectangle: gridSpan and vMerge")
    #expect(texts(form)[1] == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
    #expect(texts(form)[2] == ["产出指标（50分）", "数量指标", "培训人数", "≥500人", "520人", "20", "20"], "an empty last cell")
    #expect(text(form, "H4") == "第一行\n第二行\n原因\t见附件", "a line break, a second paragraph, a tab")
    #expect(text(form, "A9") == "总分" && text(form, "F9") == "100" && text(form, "H9") == "优")
    #expect(text(form, "C10") == "无")
    // Word has no number formats: every cell is text, numbers included.
    #expect(form.rows.joined().allSatisfy { $0.kind == ($0.text.isEmpty ? .empty : .text) && $0.value == nil })
    #expect(form[CellReference("G4")!].kind == .text && text(form, "G4") == "19.7")
    #expect(form.location(of: CellReference("G4")!).description == "\(file): 表1!G4")

    #expect(grids[1].preamble == ["说明：金额单位为万元。", "项目资金情况"], "a blank paragraph is left out")
    #expect(texts(grids[1]) == [["年初预算数", "全年预算数", "全年执行数"], ["100", "120", "118.5"]])

    // A table inside a cell: its own grid after its parent; the cell keeps its own paragraphs.
    #expect(grids[2].preamble == ["附表"])
    #expect(texts(grids[2]) == [["外层左", "内表之前\n\n内表之后"]])
    #expect(grids[3].preamble == ["内表之前"])
    #expect(texts(grids[3]) == [["内1", "内2"], ["内合并"]])
    #expect(grids[3].merges.map(\.description) == ["A2:B2"])
  }

  @Test func bothProducersGiveTheSameGrids() throws {
    let fromPython = try Self.grids("python-docx.docx")
    let fromLibreOffice = try Self.grids("libreoffice.docx")
    #expect(fromPython.map { texts($0) } == fromLibreOffice.map { texts($0) })
    #expect(fromPython.map { Set($0.merges) } == fromLibreOffice.map { Set($0.merges) })
    #expect(fromPython.map(\.preamble) == fromLibreOffice.map(\.preamble))
  }

  @Test func trackedChangesAndFieldsAsLibreOfficeWritesThem() throws {
    let grids = try Self.grids("libreoffice-changes.docx")
    #expect(grids.map(\.name) == ["表1", "表2", "表2.1"])
    let form = grids[0]
    #expect(form.preamble == ["项目支出绩效自评表", "（2023年度）"])
    #expect(Set(form.merges.map(\.description)) == ["A1:D1", "A2:A4", "B2:B3"])
    #expect(text(form, "D2") == "520人", "the deletion of 480 and the insertion of 520, accepted")
    #expect(text(form, "C3") == "第一行\n第二行\n第二段\t制表")
    #expect(form[CellReference("D3")!].isEmpty)
    #expect(text(form, "D4") == "3/1/24", "a date field by its result, not its instruction")
    // A page-number field in the paragraphs between the tables.
    #expect(grids[1].preamble == ["表二说明", "第 1 页"])
    #expect(texts(grids[1]) == [["外层\n之后", "右"]])
    #expect(grids[2].preamble == ["外层"] && texts(grids[2]) == [["内1", "内2"]])
  }

  @Test func whatNoneOfTheseProducersWrites() throws {
    let grids = try Self.grids("handmade.docx")
    #expect(grids.map(\.name) == ["表1"])
    let table = grids[0]
    #expect(table.preamble == ["手工表"], "the strict namespace, and the main part found through the package relationships")
    #expect(table.merges.map(\.description) == ["A1:B1", "C1:D2"], "hMerge; gridBefore, then a vMerge with a span")
    #expect(texts(table)[0] == ["横向合并", "被盖住", "C1"], "a covered cell keeps what it holds")
    #expect(texts(table)[1] == ["", "B2"], "gridBefore leaves the first column empty")
    // The row deleted as a tracked change is gone: the next row is row 3.
    #expect(texts(table)[2] == ["接续新位置", "满分", "3页", "  留空格  去空格"])
    #expect(texts(table)[3] == ["98%", "", "控件单元格", "≥90☑2023-2024\u{FFFD}旧版绩B/A"])
    #expect(!table.rows.joined().contains { $0.text.contains("删除") || $0.text.contains("旧位置") || $0.text.contains("单击") })
  }
}
