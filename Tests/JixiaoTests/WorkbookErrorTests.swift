import Foundation
import Testing

@testable import Jixiao

/// A ZIP archive of stored entries, for packages made in a test.
func storedZip(_ entries: [(name: String, text: String)]) -> [UInt8] {
  var writer = ZipWriter()
  for (name, text) in entries { try! writer.add(name, Array(text.utf8), method: .stored) }
  return try! writer.finish()
}

@Suite struct WorkbookErrorTests {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

  /// A one-sheet workbook around the sheet's XML.
  static func workbook(sheet: String, sheetTarget: String = "worksheets/sheet1.xml", extra: [(String, String)] = []) -> [UInt8] {
    storedZip(
      [
        (
          "xl/workbook.xml",
          #"<workbook xmlns="\#(main)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表一" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        ),
        (
          "xl/_rels/workbook.xml.rels",
          #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(type)worksheet" Target="\#(sheetTarget)"/></Relationships>"#
        ),
        ("xl/worksheets/sheet1.xml", sheet),
      ] + extra)
  }

  private func failure(_ bytes: [UInt8], limits: SpreadsheetReader.Limits = .standard) -> InputError? {
    do {
      _ = try SpreadsheetReader.read(bytes: bytes, file: "t.xlsx", limits: limits)
      return nil
    } catch {
      return error
    }
  }

  @Test func aWorkbookWithoutPackageRelationshipsIsFoundWhereExcelPutsIt() throws {
    let grids = try SpreadsheetReader.read(
      bytes: Self.workbook(
        sheet: #"<worksheet xmlns="\#(Self.main)"><sheetData><row r="2"><c r="B2"><v>5</v></c></row></sheetData></worksheet>"#),
      file: "t.xlsx")
    #expect(grids.count == 1 && grids[0].name == "表一")
    #expect(grids[0][1, 1].text == "5" && grids[0].rowCount == 2)
  }

  @Test func filesThatAreNoWorkbookSaySo() {
    #expect(failure([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])?.message.english.contains("legacy .xls") == true)
    #expect(
      failure(DocumentErrorTests.compoundFile("Root Entry", "Workbook"))?.message.english.hasPrefix(
        "this is a legacy .xls workbook (Excel 97–2003)") == true)
    #expect(
      failure(DocumentErrorTests.compoundFile("Root Entry", "EncryptedPackage"))?.message.english.hasPrefix(
        "the workbook is protected with a password") == true)
    #expect(
      failure(DocumentErrorTests.compoundFile("Root Entry", "WordDocument"))?.message.english
        == "this is a legacy Word document (.doc), not an Excel workbook")
    #expect(
      failure(Array("<html><body><table><tr><td>项目名称</td></tr></table></body></html>".utf8))?.message.english.hasPrefix(
        "this is a web page") == true)
    #expect(failure(Array("项目名称,权重\n".utf8))?.message.english.contains("to be a ZIP archive") == true)
    #expect(failure(Array(String(repeating: "项目名称,权重\n", count: 5).utf8))?.message.english.contains("not a ZIP archive") == true)
    #expect(
      failure(storedZip([("word/document.xml", "<w:document/>")]))?.message.english
        == "this is a Word document, not an Excel workbook")
    #expect(failure(storedZip([("a.txt", "x")]))?.message.english.contains("has no xl/workbook.xml") == true)
  }

  @Test func aDamagedSheetIsNamedByTheSheet() throws {
    let broken = try #require(
      failure(Self.workbook(sheet: #"<worksheet xmlns="\#(Self.main)"><sheetData><row></sheetData></worksheet>"#)))
    #expect(broken.location.file == "t.xlsx")
    #expect(broken.location.field == "表一 (xl/worksheets/sheet1.xml)")
    #expect(
      broken.message.english.contains("line 1") && broken.message.english.contains("</sheetData> where </row> was expected"))

    let missing = try #require(failure(Self.workbook(sheet: "<worksheet/>", sheetTarget: "worksheets/gone.xml")))
    #expect(missing.location.field == "表一")
    #expect(missing.message.english.contains("xl/worksheets/gone.xml is missing"))

    let badReference = try #require(
      failure(
        Self.workbook(
          sheet: #"<worksheet xmlns="\#(Self.main)"><sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData></worksheet>"#))
    )
    #expect(badReference.location.field == "表一!A1")
    #expect(badReference.message.english.contains("\"1A\" is not one"))

    let badRow = try #require(
      failure(Self.workbook(sheet: #"<worksheet xmlns="\#(Self.main)"><sheetData><row r="0"/></sheetData></worksheet>"#)))
    #expect(badRow.message.english.contains("row number \"0\""))
  }

  @Test func aSheetListedWithoutItsPartIsRefused() {
    let bytes = storedZip([
      ("xl/workbook.xml", #"<workbook xmlns="\#(Self.main)"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>"#)
    ])
    #expect(failure(bytes)?.message.english == "the workbook lists the sheet but not where its part is")
  }

  @Test func theCellLimitHolds() {
    let row = (0..<10).map { #"<c r="\#(CellReference.columnName($0))1"><v>\#($0)</v></c>"# }.joined()
    let bytes = Self.workbook(
      sheet: #"<worksheet xmlns="\#(Self.main)"><sheetData><row r="1">\#(row)</row></sheetData></worksheet>"#)
    var limits = SpreadsheetReader.Limits()
    limits.maximumCellsPerSheet = 9
    #expect(failure(bytes, limits: limits)?.message.english == "the sheet has more than 9 cells that hold something")
    limits.maximumCellsPerSheet = 10
    #expect(failure(bytes, limits: limits) == nil)
  }

  @Test func sheetsAreReadOneAtATime() throws {
    let bytes = Self.workbook(
      sheet:
        #"<worksheet xmlns="\#(Self.main)"><sheetData><row><c t="inlineStr"><is><t>一</t></is></c></row></sheetData></worksheet>"#)
    let workbook = try SpreadsheetReader(bytes: bytes, file: "t.xlsx")
    #expect(workbook.sheets.map(\.part) == ["xl/worksheets/sheet1.xml"])
    #expect(!workbook.uses1904)
    #expect(try workbook.grid(of: workbook.sheets[0])[0, 0].text == "一")
  }
}

/// A workbook is read a sheet at a time: the batch gets each form as its own record, and a sheet that
/// cannot be read costs its own tables, not those of the sheets before it.
@Suite struct SheetBySheetTests {
  static let fixture = repositoryRoot.appendingPathComponent("Fixtures/forms/L1/L1-national.xlsx")

  /// The fixture with its entries copied through `ZipWriter`, the named part replaced.
  static func workbook(replacing part: String? = nil, with text: String = "") throws -> [UInt8] {
    let archive = try ZipArchive(bytes: [UInt8](try Data(contentsOf: fixture)), file: "L1-national.xlsx")
    var writer = ZipWriter()
    for entry in archive.entries {
      try writer.add(entry.name, entry.name == part ? Array(text.utf8) : try archive.contents(of: entry))
    }
    return try writer.finish()
  }

  static func records(_ bytes: [UInt8]) throws -> [RawRecord] {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("sheets-\(UUID().uuidString).xlsx")
    try Data(bytes).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    var records: [RawRecord] = []
    RecordReader(path: file.path, format: nil).read { records.append($0) }
    return records
  }

  @Test func theBatchGetsEachFormAsARecord() throws {
    let expected = TableReader.read(try Self.workbook(), file: "L1-national.xlsx")
    let records = try Self.records(try Self.workbook())
    #expect(expected.count > 1)
    #expect(records.count == expected.count, "one record a form, not one for the file")
    #expect(records.allSatisfy { if case .printedForm = $0 { true } else { false } })
  }

  @Test func aBrokenSheetCostsOnlyItsOwnTables() throws {
    let whole = TableReader.read(try Self.workbook(), file: "L1-national.xlsx")
    let archive = try ZipArchive(bytes: try Self.workbook(), file: "L1-national.xlsx")
    let lastSheet = try #require(archive.entries.map(\.name).filter { $0.hasPrefix("xl/worksheets/sheet") }.max())
    let broken = try Self.workbook(replacing: lastSheet, with: "<worksheet><sheetData><row>")
    let read = TableReader.read(broken, file: "L1-national.xlsx")
    let tables = read.compactMap { if case .table(let table) = $0 { table } else { nil } }
    #expect(!tables.isEmpty, "the sheets before the broken one are read")
    #expect(tables.count < whole.count)
    guard case .rejected(let error) = read.last else {
      Issue.record("the broken sheet is a rejection")
      return
    }
    #expect(error.message.english.contains("cut short"), "\(error)")
    let batch = try Self.records(broken)
    #expect(batch.count == read.count, "the batch reads it the same way")
  }
}
