import Foundation
import Testing

@testable import Jixiao

/// Word documents written by hand for the rare and the malformed: merges that do not line up, limits,
/// files that are no .docx.
@Suite struct DocumentErrorTests {
  static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

  /// A package holding only `word/document.xml` around the body's XML.
  static func document(_ body: String) -> [UInt8] {
    storedZip([("word/document.xml", #"<w:document xmlns:w="\#(main)"><w:body>\#(body)</w:body></w:document>"#)])
  }

  static func cell(_ text: String, _ properties: String = "") -> String {
    "<w:tc><w:tcPr>\(properties)</w:tcPr><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
  }

  static func row(_ cells: String...) -> String { "<w:tr>" + cells.joined() + "</w:tr>" }

  static func table(_ rows: String...) -> String { "<w:tbl>" + rows.joined() + "</w:tbl>" }

  static func paragraph(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }

  static let restart = #"<w:vMerge w:val="restart"/>"#
  static let proceed = "<w:vMerge/>"

  static func span(_ columns: Int) -> String { #"<w:gridSpan w:val="\#(columns)"/>"# }

  /// An OLE2 compound file's signature and its stream names as its directory stores them (UTF-16LE).
  static func compoundFile(_ streams: String...) -> [UInt8] {
    [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
      + streams.flatMap { name in name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0, 0] }
  }

  private func grids(_ body: String, limits: DocumentReader.Limits = .standard) throws -> [Grid] {
    try DocumentReader.read(bytes: Self.document(body), file: "t.docx", limits: limits)
  }

  private func failure(_ bytes: [UInt8], limits: DocumentReader.Limits = .standard) -> InputError? {
    do {
      _ = try DocumentReader.read(bytes: bytes, file: "t.docx", limits: limits)
      return nil
    } catch {
      return error
    }
  }

  private func texts(_ grid: Grid) -> [[String]] { grid.rows.map { $0.map(\.text) } }

  // MARK: - Merges that do not line up

  @Test func aContinueCellWithNothingAboveStandsOnItsOwn() throws {
    let grid = try #require(
      try grids(
        Self.table(
          Self.row(Self.cell("A1"), Self.cell("B1")),
          Self.row(Self.cell("A2", Self.proceed), Self.cell("B2")),
          Self.row(Self.cell("A3", Self.proceed), Self.cell("B3")))
      ).first)
    // LibreOffice shows A2 as a cell of its own, and A3 merged into it.
    #expect(texts(grid) == [["A1", "B1"], ["A2", "B2"], ["A3", "B3"]])
    #expect(grid.merges.map(\.description) == ["A2:A3"])
  }

  @Test func aContinueCellKeepsWhatItHoldsUnderTheMerge() throws {
    let grid = try #require(
      try grids(
        Self.table(
          Self.row(Self.cell("一级", Self.restart), Self.cell("B1")),
          Self.row(Self.cell("遗留文字", Self.proceed), Self.cell("B2")))
      ).first)
    #expect(grid.merges.map(\.description) == ["A1:A2"])
    #expect(grid[1, 0].text == "遗留文字", "Word does not print it, but nothing is dropped")
    #expect(grid.displayedCell(at: CellReference(row: 1, column: 0)).text == "一级")
  }

  @Test func aContinueCellOfAnotherWidthStartsAnArea() throws {
    let grid = try #require(
      try grids(
        Self.table(
          Self.row(Self.cell("AB1", Self.span(2) + Self.restart), Self.cell("C1")),
          Self.row(Self.cell("A2", Self.proceed), Self.cell("B2"), Self.cell("C2")),
          Self.row(Self.cell("", Self.proceed), Self.cell("B3"), Self.cell("C3")))
      ).first)
    #expect(grid.merges.map(\.description) == ["A1:B1", "A2:A3"])
  }

  @Test func aRowDeletedInsideAVerticalMergeIsSkippedOver() throws {
    let deleted =
      #"<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr>"# + Self.cell("", Self.proceed) + Self.cell("删") + "</w:tr>"
    let grid = try #require(
      try grids(
        Self.table(
          Self.row(Self.cell("一级", Self.restart), Self.cell("B1")), deleted,
          Self.row(Self.cell("", Self.proceed), Self.cell("B2")))
      ).first)
    #expect(texts(grid) == [["一级", "B1"], ["", "B2"]])
    #expect(grid.merges.map(\.description) == ["A1:A2"])
  }

  @Test func aSpanPastTheTableGridWidensTheGrid() throws {
    let grid = try #require(
      try grids(
        #"<w:tbl><w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="100"/></w:tblGrid>"#
          + Self.row(Self.cell("A1", Self.span(3)), Self.cell("D1")) + Self.row(Self.cell("A2"), Self.cell("B2")) + "</w:tbl>"
      ).first)
    #expect(texts(grid) == [["A1", "", "", "D1"], ["A2", "B2"]])
    #expect(grid.merges.map(\.description) == ["A1:C1"])
  }

  @Test func aSpanThatIsNoNumberOrTooWideIsRefusedWithItsCell() throws {
    let word = try #require(
      failure(Self.document(Self.table(Self.row(Self.cell("A1"), Self.cell("B1", Self.span(0) + #"<w:gridSpan w:val="x"/>"#))))))
    #expect(word.location.description == "t.docx: 表1!B1")
    #expect(word.message.english == "w:gridSpan is \"x\", not a number of columns from 0 to 1024")

    let wide = try #require(failure(Self.document(Self.table(Self.row(Self.cell("A1"), Self.cell("B1", Self.span(1_024)))))))
    #expect(wide.location.description == "t.docx: 表1!B1")
    #expect(wide.message.english == "the cell reaches past column 1024 (the table's limit; Word allows 63)")

    let before = try #require(
      failure(Self.document(Self.table(#"<w:tr><w:trPr><w:gridBefore w:val="99999999999999999999"/></w:trPr></w:tr>"#))))
    #expect(before.location.description == "t.docx: 表1!A1")
    #expect(before.message.english.hasPrefix("w:gridBefore is \"99999999999999999999\""))
  }

  @Test func structureOutsideATableIsRefused() throws {
    let row = try #require(failure(Self.document(Self.row(Self.cell("A1")))))
    #expect(row.location.field == "word/document.xml")
    #expect(row.message.english.contains("line 1") && row.message.english.contains("a table row (<w:tr>) outside a table"))
    let cell = try #require(failure(Self.document("<w:tbl>" + Self.cell("A1") + "</w:tbl>")))
    #expect(cell.message.english.contains("a table cell (<w:tc>) outside a table row"))
  }

  // MARK: - Text

  @Test func fieldsShowTheirResultAndCannotHideTheNextCell() throws {
    let begin = #"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#
    let separate = #"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
    let end = #"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#
    let instruction = "<w:r><w:instrText>PAGE</w:instrText></w:r>"
    // An index entry has no result; a field left open in a cell ends with the cell.
    let noResult = "<w:tc><w:p>\(begin)<w:r><w:t>XE 条目</w:t></w:r>\(end)<w:r><w:t>后</w:t></w:r></w:p></w:tc>"
    let unclosed = "<w:tc><w:p><w:r><w:t>前</w:t></w:r>\(begin)\(instruction)</w:p></w:tc>"
    let result = "<w:tc><w:p>\(begin)\(instruction)\(separate)<w:r><w:t>7</w:t></w:r>\(end)</w:p></w:tc>"
    let grid = try #require(try grids(Self.table("<w:tr>\(noResult)\(unclosed)\(result)</w:tr>")).first)
    #expect(texts(grid) == [["后", "前", "7"]])
  }

  @Test func aPlaceholderTurnedOffIsText() throws {
    let control =
      #"<w:sdt><w:sdtPr><w:showingPlcHdr w:val="0"/></w:sdtPr><w:sdtContent><w:r><w:t>已填</w:t></w:r></w:sdtContent></w:sdt>"#
    let grid = try #require(try grids(Self.table("<w:tr><w:tc><w:p>\(control)</w:p></w:tc></w:tr>")).first)
    #expect(texts(grid) == [["已填"]])
  }

  @Test func wrappersAreReadThrough() throws {
    let runs =
      #"<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>链接</w:t></w:r></w:hyperlink>"#
      + #"<w:smartTag w:element="date"><w:r><w:t>标记</w:t></w:r></w:smartTag><w:customXml w:element="x"><w:r><w:t>定制</w:t></w:r></w:customXml>"#
      + #"<w:dir w:val="rtl"><w:r><w:t>方向</w:t></w:r></w:dir><w:r><w:footnoteReference w:id="1"/></w:r>"#
    // A content control around a row, and one around a whole table.
    let row = "<w:sdt><w:sdtPr/><w:sdtContent><w:tr><w:tc><w:p>\(runs)</w:p></w:tc></w:tr></w:sdtContent></w:sdt>"
    let body = "<w:sdt><w:sdtPr/><w:sdtContent><w:tbl>\(row)</w:tbl></w:sdtContent></w:sdt>"
    let grids = try grids(body)
    #expect(grids.map { texts($0) } == [[["链接标记定制方向"]]])
  }

  @Test func aDeletedCellTakesNoColumnsAndASpanOfZeroOne() throws {
    let grid = try #require(
      try grids(Self.table(Self.row(Self.cell("A1", Self.span(0)), Self.cell("删", "<w:cellDel/>"), Self.cell("B1")))).first)
    #expect(texts(grid) == [["A1", "B1"]] && grid.merges.isEmpty)
  }

  @Test func symbolsOutsideTheSymbolFonts() {
    #expect(SymbolCharacter.character(font: "Symbol", code: "F0A3") == "≤")
    #expect(SymbolCharacter.character(font: "Symbol", code: "B1") == "±", "a code without the F0 byte")
    #expect(SymbolCharacter.character(font: "SimSun", code: "2265") == "≥", "a character's own code")
    #expect(SymbolCharacter.character(font: "SimSun", code: "F0B3") == "\u{FFFD}", "private use, meaning unknown")
    #expect(SymbolCharacter.character(font: "Wingdings", code: "F0FE") == "☑")
    #expect(SymbolCharacter.character(font: "Wingdings", code: "F041") == "\u{FFFD}")
    #expect(SymbolCharacter.character(font: "Symbol", code: "zz") == "\u{FFFD}")
    #expect(SymbolCharacter.character(font: nil, code: nil) == "\u{FFFD}")
  }

  // MARK: - Names and preambles

  @Test func nestedTablesAreNamedAfterTheirParentAndComeRightAfterIt() throws {
    let inner = Self.table(Self.row(Self.cell("内")))
    let deeper = Self.table(Self.row("<w:tc>" + Self.paragraph("中") + inner + "<w:p/></w:tc>"))
    let body =
      Self.paragraph("标题一")
      + Self.table(Self.row("<w:tc>" + Self.paragraph("前") + deeper + Self.paragraph("间") + inner + "<w:p/></w:tc>"))
      + Self.paragraph("标题二") + Self.table(Self.row(Self.cell("二")))
    let grids = try grids(body)
    #expect(grids.map(\.name) == ["表1", "表1.1", "表1.1.1", "表1.2", "表2"])
    #expect(grids.map(\.preamble) == [["标题一"], ["前"], ["中"], ["间"], ["标题二"]])
    #expect(texts(grids[0]) == [["前\n间"]], "the cell without the tables inside it")
    #expect(texts(grids[1]) == [["中"]])
  }

  @Test func thePreambleKeepsTheLastParagraphsAndLeavesOutOverlongOnes() throws {
    var limits = DocumentReader.Limits()
    limits.maximumPreambleParagraphs = 3
    limits.maximumTextBytesPerCell = 12
    let body =
      (1...5).map { Self.paragraph("第\($0)段") }.joined() + Self.paragraph("一个太长的段落不会是标题") + "<w:p/>"
      + Self.table(Self.row(Self.cell("A1")))
    let grid = try #require(try grids(body, limits: limits).first)
    #expect(grid.preamble == ["第3段", "第4段", "第5段"])
  }

  @Test func aDocumentWithoutTablesHasNoGrids() throws {
    #expect(try grids(Self.paragraph("只有正文")).isEmpty)
  }

  @Test func theStrictNamespaceAndAPrefixlessAttributeAreRead() throws {
    let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    let bytes = storedZip([
      (
        "word/document.xml",
        #"<document xmlns="\#(strict)"><body><tbl><tr><tc><tcPr><gridSpan val="2"/></tcPr><p><r><t>宽</t></r></p></tc></tr></tbl></body></document>"#
      )
    ])
    let grid = try #require(try DocumentReader.read(bytes: bytes, file: "t.docx").first)
    #expect(grid[0, 0].text == "宽" && grid.merges.map(\.description) == ["A1:B1"])
  }

  // MARK: - Limits

  @Test func theRowLimitNamesTheTableAndRow() throws {
    var limits = DocumentReader.Limits()
    limits.maximumRowsPerTable = 2
    let body = Self.table(Self.row(Self.cell("1")), Self.row(Self.cell("2")), Self.row(Self.cell("3")))
    let error = try #require(failure(Self.document(body), limits: limits))
    #expect(error.location.description == "t.docx: 表1!A3")
    #expect(error.message.english == "the table has more than 2 rows")
    limits.maximumRowsPerTable = 3
    #expect(failure(Self.document(body), limits: limits) == nil)
  }

  @Test func theTableLimitNamesTheFirstTableTooMany() throws {
    var limits = DocumentReader.Limits()
    limits.maximumTables = 2
    let body =
      Self.table(Self.row("<w:tc>" + Self.table(Self.row(Self.cell("内"))) + "<w:p/></w:tc>"))
      + Self.table(Self.row(Self.cell("2")))
    let error = try #require(failure(Self.document(body), limits: limits))
    #expect(error.location.description == "t.docx: 表2")
    #expect(error.message.english == "the document has more than 2 tables")
  }

  @Test func theCellLimitCountsCellsThatHoldSomething() throws {
    var limits = DocumentReader.Limits()
    limits.maximumCellsPerDocument = 3
    let body = Self.table(Self.row(Self.cell("1"), Self.cell(""), Self.cell("2")), Self.row(Self.cell("3"), Self.cell("4")))
    let error = try #require(failure(Self.document(body), limits: limits))
    #expect(error.location.description == "t.docx: 表1!A2")
    #expect(error.message.english == "the document has more than 3 table cells that hold something")
    limits.maximumCellsPerDocument = 4
    #expect(failure(Self.document(body), limits: limits) == nil)
  }

  @Test func aCellOverTheTextLimitIsUnreadableAndTheTableIsRead() throws {
    var limits = DocumentReader.Limits()
    limits.maximumTextBytesPerCell = 9
    // Three CJK characters are nine bytes; the line feed between two paragraphs is one more.
    let body = Self.table(
      Self.row(
        Self.cell("一二三"), "<w:tc>" + Self.paragraph("一二") + Self.paragraph("三") + "</w:tc>", Self.cell("一二三四"), Self.cell("短")))
    let grid = try #require(try grids(body, limits: limits).first)
    #expect(grid[0, 0].kind == .text && grid[0, 0].text == "一二三")
    #expect(grid[0, 1].kind == .unreadable)
    #expect(grid[0, 2].kind == .unreadable && grid[0, 2].text.isEmpty)
    #expect(grid[0, 2].problem == "the cell holds more than 9 bytes of text, more than a form's cell ever does")
    #expect(grid[0, 3].text == "短")
  }

  // MARK: - Files that are no .docx

  @Test func filesThatAreNoWordDocumentSaySo() throws {
    #expect(
      failure(Self.compoundFile("Root Entry", "WordDocument", "1Table"))?.message.english.hasPrefix(
        "this is a legacy .doc document (Word 97–2003)") == true)
    #expect(
      failure(Self.compoundFile("Root Entry", "EncryptedInfo", "EncryptedPackage"))?.message.english.hasPrefix(
        "the document is protected with a password") == true)
    #expect(
      failure(Self.compoundFile("Root Entry", "Workbook"))?.message.english
        == "this is a legacy .xls workbook, not a Word document")
    #expect(failure(Self.compoundFile())?.message.english.hasPrefix("this is a legacy Office file (OLE2)") == true)
    #expect(failure(Array(#"{\rtf1\ansi 自评表}"#.utf8))?.message.english.hasPrefix("this is an RTF document") == true)
    #expect(
      failure(Array("\u{FEFF}\n<html xmlns:w=\"urn:schemas-microsoft-com:office:word\"><body><table/></body></html>".utf8))?
        .message.english.hasPrefix("this is a web page") == true)
    #expect(
      failure(Array("MIME-Version: 1.0\r\nContent-Type: multipart/related".utf8))?.message.english.hasPrefix("this is a web page")
        == true
    )
    #expect(failure(Array("项目名称,权重\n".utf8))?.message.english.contains("to be a ZIP archive") == true)

    #expect(
      failure(WorkbookErrorTests.workbook(sheet: "<worksheet/>"))?.message.english
        == "this is an Excel workbook, not a Word document")
    let odt = storedZip([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>")])
    #expect(failure(odt)?.message.english.hasPrefix("this is an OpenDocument file") == true)
    let missing = try #require(failure(storedZip([("word/styles.xml", "<w:styles/>")])))
    #expect(missing.location.description == "t.docx")
    #expect(missing.message.english == "the file is a ZIP archive but not a Word document: it has no word/document.xml")
  }

  @Test func theMainPartIsFoundThroughThePackageAndMustBeADocument() throws {
    let relationships =
      #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/gone.xml"/></Relationships>"#
    let missing = try #require(failure(storedZip([("_rels/.rels", relationships), ("word/document.xml", "<w:document/>")])))
    #expect(missing.message.english.hasSuffix("it has no word/gone.xml"))

    let notWord = try #require(failure(storedZip([("word/document.xml", #"<document xmlns="urn:other"><body/></document>"#)])))
    #expect(notWord.location.field == "word/document.xml")
    #expect(notWord.message.english.contains("not a Word document's body: its root element is <document>, not <w:document>"))
  }

  @Test func damagedXMLIsNamedByTheTableBeingRead() throws {
    let body = Self.paragraph("标题") + Self.table(Self.row(Self.cell("A1"))) + "<w:tbl><w:tr><w:tc><w:p></w:tc></w:tr></w:tbl>"
    let error = try #require(failure(Self.document(body)))
    #expect(error.location.description == "t.docx: 表2 (word/document.xml)")
    #expect(error.message.english.contains("line 1") && error.message.english.contains("</w:tc> where </w:p> was expected"))

    let outside = try #require(failure(Self.document(Self.paragraph("<b>"))))
    #expect(outside.location.field == "word/document.xml", "outside a table the part is named")
  }
}
