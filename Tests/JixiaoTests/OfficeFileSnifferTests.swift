import Foundation
import Testing

@testable import Jixiao

/// Standard input, or a file without a telling name, is told a workbook or a Word document by its bytes.
@Suite struct OfficeFileSnifferTests {
  static let documentTypes =
    #"<Types><Override PartName="/main.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/></Types>"#

  @Test func tellsAPackageByItsParts() {
    #expect(TableReader.sniff(storedZip([("word/document.xml", "<w:document/>")])) == .docx)
    #expect(TableReader.sniff(storedZip([("xl/workbook.xml", "<workbook/>")])) == .xlsx)
    // A main part elsewhere, named by its content type; an embedded workbook (a chart's data) is no workbook.
    #expect(TableReader.sniff(storedZip([("[Content_Types].xml", Self.documentTypes), ("main.xml", "<w:document/>")])) == .docx)
    // A ZIP that is neither goes to the workbook reader, which says what it lacks; so does one cut short.
    #expect(TableReader.sniff(storedZip([("a.txt", "x")])) == .xlsx)
    #expect(TableReader.sniff(storedZip([("word/document.xml", "<w:document/>")]).prefix(40)) == .xlsx)
  }

  @Test func tellsALegacyFileByItsStreams() {
    #expect(TableReader.sniff(DocumentErrorTests.compoundFile("Root Entry", "WordDocument")) == .docx)
    #expect(TableReader.sniff(DocumentErrorTests.compoundFile("Root Entry", "Workbook")) == .xlsx)
    #expect(TableReader.sniff(Array(#"{"name":"x"}"#.utf8)) == .json)
  }
}
