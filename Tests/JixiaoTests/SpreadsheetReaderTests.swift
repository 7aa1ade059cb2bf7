import Foundation
import Testing

@testable import Jixiao

@Suite struct SpreadsheetReaderTests {
  static let directory = repositoryRoot.appendingPathComponent("Tests/Archive/xlsx")

  static func grids(_ file: String) throws -> [Grid] {
    let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(file)))
    return try SpreadsheetReader.read(bytes: bytes, file: file)
  }

  /// The kind, printed text and value of a cell, for compact expectations.
  private func shape(_ grid: Grid, _ reference: String) -> String {
    let cell = grid[CellReference(reference)!]
    return "\(cell.kind.rawValue)|\(cell.text)|\(cell.value ?? "-")"
  }

  @Test(arguments: ["openpyxl.xlsx", "libreoffice.xlsx"])
  func aFormAsTwoProducersSaveIt(file: String) throws {
    let grids = try Self.grids(file)
    let names = grids.map(\.name)
    // openpyxl writes the chart sheet as a chart sheet (no grid); LibreOffice turns it into an empty worksheet.
    #expect(names == (file == "openpyxl.xlsx" ? ["绩效自评表", "下拉选项", "Sheet3"] : ["绩效自评表", "下拉选项", "图表", "Sheet3"]))
    #expect(grids.map(\.isHidden) == names.map { $0 == "下拉选项" })
    let form = grids[0]
    #expect(form.file == file)
    #expect(shape(form, "A1") == "text|项目支出绩效自评表|-")
    #expect(form.mergedRange(containing: CellReference("E1")!)?.description == "A1:H1")
    #expect(form.displayedCell(at: CellReference("A6")!).text == "产出指标（50分）", "merged A5:A7")
    #expect(form[CellReference("A6")!].isEmpty)
    #expect(Set(form.merges.map(\.description)) == ["A1:H1", "A2:H2", "B3:D3", "A5:A7", "B5:B6"])
    #expect(shape(form, "F3") == "number|1,782.65|1782.65")
    #expect(shape(form, "E5") == "number|520|520")
    #expect(shape(form, "H5") == "number|100%|1", "a 1 formatted 0% is 100%")
    #expect(shape(form, "C6") == "text|合格率|-", "rich-text runs joined")
    #expect(shape(form, "E6") == "number|98.50%|0.985")
    #expect(shape(form, "E7") == "date|2024/11/30|2024-11-30")
    #expect(shape(form, "H7") == "boolean|TRUE|TRUE")
    #expect(shape(form, "H8") == "number|0.3|0.3")
    #expect(shape(form, "A9") == "date|2024-03-01 8:30|2024-03-01T08:30:00")
    let error = form[CellReference("H6")!]
    #expect(error.kind == .unreadable && error.text == "#REF!")
    #expect(error.problem == "the cell holds the error value #REF!")
    #expect(form.location(of: error.reference).description == "\(file): 绩效自评表!H6")
    let formula = form[CellReference("G6")!]
    #expect(formula.formula == "F6*E6")
    if file == "openpyxl.xlsx" {
      // openpyxl saves formulas without results: the cell says so instead of guessing.
      #expect(formula.kind == .unreadable)
      #expect(formula.problem?.contains("has no saved result") == true)
    } else {
      #expect(shape(form, "G6") == "number|19.7|19.7")
      #expect(shape(form, "F8") == "number|50|50")
      #expect(form[CellReference("F8")!].formula == "SUM(F5:F7)")
    }
    let other = try #require(grids.last)
    #expect(shape(other, "B2") == "number|-1,234.50|-1234.5")
    #expect(shape(other, "C3") == "number|零|0")
    #expect(shape(other, "D4") == "number|12,346|12345678", "a trailing comma scales by a thousand")
    #expect(grids[1].rows.map { $0.map(\.text) } == [["优"], ["良"]])
  }

  @Test func whatNeitherProducerWrites() throws {
    let grids = try Self.grids("handmade.xlsx")
    #expect(grids.map(\.name) == ["手写"])
    let sheet = grids[0]
    #expect(shape(sheet, "A1") == "text|第一行\r\n第二行|-", "_x000D_ is a carriage return")
    #expect(shape(sheet, "B1") == "text|满意度 调查|-", "runs joined, phonetic run left out")
    #expect(shape(sheet, "C1") == "text|A & B <C>|-")
    #expect(shape(sheet, "D1") == "text|内联|-")
    #expect(shape(sheet, "E1") == "text|富文本|-")
    // Row 2 has no r attribute (the row after 1), its cells none (the column after the last).
    #expect(shape(sheet, "A2") == "date|2024年1月1日|2024-01-01", "43829 in the 1904 system")
    #expect(shape(sheet, "B2") == "date|2024年1月1日|2024-01-01", "[$-F800] is the system long date")
    #expect(shape(sheet, "C2") == "date|1904年1月1日|1904-01-01", "built-in 31 of a Chinese Excel")
    #expect(shape(sheet, "D2") == "date|12:00|1904-01-01T12:00:00")
    #expect(shape(sheet, "B4") == "number|(¥1,234.50)|-1234.5", "the negative section, without a sign")
    #expect(shape(sheet, "C4") == "number|¥1,234.50 |1234.5", "_) leaves a space")
    #expect(shape(sheet, "D4") == "number|12.3%|0.1234")
    #expect(shape(sheet, "E4") == "number|12.3%|0.12345", "rounded half away from zero: 12.345 → 12.3")
    #expect(shape(sheet, "F4") == "number|-0.3|-0.3", "15 significant digits, as Excel keeps")
    #expect(shape(sheet, "G4") == "number|1000|1000")
    let missing = sheet[CellReference("A6")!]
    #expect(missing.kind == .unreadable && missing.problem?.contains("shared string 7") == true)
    #expect(sheet[CellReference("B6")!].problem?.contains("=A1+1 has no saved result") == true)
    #expect(shape(sheet, "C6") == "date|2024-05-06|2024-05-06")
    #expect(shape(sheet, "D6") == "unreadable|#DIV/0!|-")
    #expect(shape(sheet, "E6") == "boolean|FALSE|FALSE")
    #expect(shape(sheet, "F6") == "text|ab|-")
    #expect(sheet[CellReference("G6")!].problem == "the cell is marked as a number but holds abc")
    #expect(sheet[CellReference("H6")!].problem?.contains("is no date") == true)
    #expect(sheet[CellReference("Z9")!].isEmpty, "cells inside extLst are not the sheet's")
    #expect(sheet.merges.map(\.description) == ["A1:B1", "B6:C7"])
  }
}
