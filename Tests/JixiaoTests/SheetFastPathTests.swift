import Foundation
import Testing

@testable import Jixiao

/// The sheet reader's fast paths against their definitions.
@Suite struct SheetFastPathTests {
  /// The definition: letters from the last, reversed; then the row as `String` prints it.
  static func referenceText(column: Int, row: Int?) -> String {
    var name: [Character] = []
    var rest = column + 1
    while rest > 0 {
      rest -= 1
      name.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(rest % 26))))
      rest /= 26
    }
    return String(name.reversed()) + (row.map { String($0) } ?? "")
  }

  /// The definition: split at colons, at most two parts, each a reference.
  static func referenceRange(_ text: String) -> CellRange? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count <= 2, let first = CellReference(parts[0]), let last = CellReference(parts[parts.count - 1]) else {
      return nil
    }
    return CellRange(first: first, last: last)
  }

  @Test func cellRangesParseAsDefined() {
    var random = SplitMix(seed: 3)
    let alphabet = Array("AB1209:$x ")
    let texts =
      ["A1:B2", "A1", "", ":", "A1:", ":B2", "A1:B2:C3", "$A$1:$B$2", "b2:a1", "A0:B1", "XFE1:A1", "XFD1048576:A1", "一:A1"]
      + (0..<2_000).map { _ in
        String((0..<Int.random(in: 0...9, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
      }
    for text in texts {
      #expect(CellRange(text) == Self.referenceRange(text), "\(text)")
      #expect(CellRange(Substring(text)) == Self.referenceRange(text), "\(text)")
    }
  }

  /// The definition of `SheetNumber.isPlainText`, on the string's UTF-8 view.
  static func referenceIsPlainText(_ text: String) -> Bool {
    var utf8 = text.utf8[...]
    guard utf8.count <= 20 else { return false }
    let negative = utf8.first == UInt8(ascii: "-")
    if negative { utf8 = utf8.dropFirst() }
    let integer = utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    guard !integer.isEmpty, integer.count == 1 || integer.first != UInt8(ascii: "0") else { return false }
    var rest = utf8.dropFirst(integer.count)
    var significant = integer.first == UInt8(ascii: "0") ? 0 : integer.count
    var fractionIsZero = true
    if let point = rest.first {
      guard point == UInt8(ascii: "."), let last = rest.last, last != UInt8(ascii: "0"), rest.count > 1 else { return false }
      rest = rest.dropFirst()
      for byte in rest {
        guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return false }
        if byte != UInt8(ascii: "0") { fractionIsZero = false }
        if significant > 0 || byte != UInt8(ascii: "0") { significant += 1 }
      }
    }
    guard significant <= SheetNumber.significantDigits else { return false }
    return !negative || integer.first != UInt8(ascii: "0") || !fractionIsZero
  }

  @Test func plainNumberTextIsToldAsDefined() {
    var random = SplitMix(seed: 11)
    let alphabet = Array("0123456789.-e+ 0")
    let texts =
      ["0", "-0", "-0.0", "0.5", "-0.5", "10", "010", "1.50", "1.", ".5", "", "123456789012345", "1234567890123456", "一"]
      + (0..<5_000).map { _ in
        String((0..<Int.random(in: 0...22, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
      }
    for text in texts {
      #expect(SheetNumber.isPlainText(text) == Self.referenceIsPlainText(text), "\(text)")
    }
  }

  @Test func cellReferencesPrintAsDefined() {
    var random = SystemRandomNumberGenerator()
    let columns =
      [-1, 0, 1, 25, 26, 27, 701, 702, 703, 16_383] + (0..<200).map { _ in Int.random(in: 0..<16_384, using: &random) }
    let rows = [-3, 0, 1, 9, 10, 99, 1_048_575] + (0..<200).map { _ in Int.random(in: 0..<1_048_576, using: &random) }
    for (column, row) in zip(columns + columns, rows + rows.reversed()) {
      #expect(CellReference.columnName(column) == Self.referenceText(column: column, row: nil))
      #expect(CellReference(row: row, column: column).description == Self.referenceText(column: column, row: row + 1))
    }
  }

  /// A reference on its sheet is the sheet's name, `!` and the reference, whatever the
  /// name: empty, short, longer than a small string, of any script.
  @Test func referencesOnASheetPrintAsDefined() {
    let sheets = ["", "a", "自评表1", "自评表123", "Sheet1", "表 (2)", "🇨🇳预算", String(repeating: "长", count: 40), "e\u{301}"]
    let references = [(0, 0), (0, 25), (9, 26), (99, 701), (1_048_575, 16_383), (-3, -1)].map {
      CellReference(row: $0.0, column: $0.1)
    }
    for sheet in sheets {
      for reference in references {
        let described = reference.described(onSheet: sheet)
        #expect(described == "\(sheet)!\(reference)" && described.utf8.elementsEqual("\(sheet)!\(reference)".utf8))
      }
    }
  }
}

/// `XMLReader.plainCell()` against the general reader: the same worksheet read both ways gives the same
/// grid, or the same error.
@Suite struct PlainCellPathTests {
  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

  /// Three shared strings, so that cells of type `s` find some and miss others.
  static let strings = try! SharedStrings(
    bytes: Array(#"<sst xmlns="\#(main)"><si><t>甲</t></si><si><t></t></si><si><t>c</t></si></sst>"#.utf8), file: "t.xlsx",
    entry: "xl/sharedStrings.xml")

  static func read(_ xml: [UInt8], plain: Bool, compact: Bool = true) -> Result<Grid, InputError> {
    var reader = WorksheetReader(
      file: "t.xlsx", sheetName: "表1", strings: strings, styles: CellStyles(), uses1904: false, limits: .standard)
    // The general path is the definition of the fast paths: every cell read by `next()` and set through the
    // grid's subscript.
    reader.usesPlainCells = plain
    reader.usesSharedSlots = plain
    reader.usesRecentNumbers = plain
    reader.usesCompactCells = compact
    return Result { () throws(InputError) in try reader.read(bytes: xml, entry: "xl/worksheets/sheet1.xml", isHidden: false) }
  }

  /// The general path against the fast paths, with and without compact cells (`plainCell()` is the
  /// definition of `compactCell()`).
  static func expectSame(_ xml: [UInt8], _ comment: String) {
    let general = read(xml, plain: false)
    for compact in [true, false] {
      let fast = read(xml, plain: true, compact: compact)
      switch (general, fast) {
      case (.success(let expected), .success(let found)): #expect(expected == found, "compact \(compact): \(comment)")
      case (.failure(let expected), .failure(let found)): #expect(expected == found, "compact \(compact): \(comment)")
      default: Issue.record("one path read it, the other refused it (compact \(compact)): \(comment)\n\(general)\n\(fast)")
      }
    }
  }

  /// Every worksheet of every workbook among the fixtures.
  static let fixtureSheets: [(String, [UInt8])] = {
    let root = repositoryRoot.appendingPathComponent("Fixtures")
    var sheets: [(String, [UInt8])] = []
    for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
    where url.pathExtension == "xlsx" {
      guard let bytes = try? Data(contentsOf: url), let archive = try? ZipArchive(bytes: [UInt8](bytes), file: url.path)
      else { continue }
      for entry in archive.entries where entry.name.hasPrefix("xl/worksheets/") && entry.name.hasSuffix(".xml") {
        if let contents = try? archive.contents(of: entry) { sheets.append(("\(url.lastPathComponent) \(entry.name)", contents)) }
      }
    }
    return sheets
  }()

  @Test func fixtureSheetsReadTheSameBothWays() {
    #expect(Self.fixtureSheets.count > 20)
    for (name, xml) in Self.fixtureSheets { Self.expectSame(xml, name) }
  }

  static func sheet(_ cells: String, namespace: String = #"xmlns="\#(main)""#) -> [UInt8] {
    Array(#"<?xml version="1.0"?><worksheet \#(namespace)><sheetData><row r="1">\#(cells)</row></sheetData></worksheet>"#.utf8)
  }

  static let crafted = [
    #"<c r="A1" t="s" s="1"><v>0</v></c>"#, #"<c r='B1' t='n'><v>12.5</v></c>"#, #"<c r = "A1" ><v> 7 </v></c>"#,
    #"<c r="A1"/>"#, #"<c/>"#, #"<c><v>3</v></c><c><v>4</v></c>"#, "<c r=\"A1\">\n  <v>1</v>\n</c>",
    #"<c r="A1" t="str"><f>1+1</f><v>2</v></c>"#, #"<c r="A1"><v>1&amp;2</v></c>"#, #"<c r="A1"><v>a]]>b</v></c>"#,
    "<c r=\"A1\"><v>1\r\n2</v></c>", #"<c r="A1"><v>一</v></c>"#, #"<c r="A1" r="B1"><v>1</v></c>"#,
    #"<c r="A1" x="1"><v>1</v></c>"#, #"<c r="A1"t="s"><v>1</v></c>"#, #"<c r="A1"><v/></c>"#, #"<c r="A1"><v></v></c>"#,
    #"<c r="A1"><v>1</v><v>2</v></c>"#, #"<c r="A1" s="007"><v>1</v></c>"#, #"<c r="A1" s="+1"><v>1</v></c>"#,
    #"<c r="A1" s=""><v>1</v></c>"#,
    #"<c r="A1" s="99999999999999999999"><v>1</v></c>"#, #"<c r="$B$2"><v>1</v></c>"#, #"<c r="b2"><v>1</v></c>"#,
    #"<c r="A1"><v>1</v ></c>"#, #"<c r="A1"><v>1</v></c >"#, #"<c r="1A"><v>1</v></c>"#,
    #"<c r="A1" t="inlineStr"><is><t>x</t></is></c>"#, #"<c r="A1" t="b"><v>1</v></c>"#, #"<c r="A1" t="e"><v>#REF!</v></c>"#,
    #"<c r="A1"><v>1</v></c"#, #"<c r="A1"><v>1"#, #"<c r="A1" s="x"><v>1</v></c>"#, #"<c r="XFE1"><v>1</v></c>"#,
    #"<c r="A1" t="s"><v>99</v></c>"#, #"<c r="A1"><v>1</v></d>"#, #"<col/>"#, #"<c r="A1"><x/><v>1</v></c>"#,
    // Shared strings by index: found, empty, missing, and texts that are not plain digits.
    #"<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>"#, #"<c r="A1" t="s"><v>00</v></c>"#,
    #"<c r="A1" t="s"><v>02</v></c>"#, #"<c r="A1" t="s"><v> 2</v></c>"#, #"<c r="A1" t="s"><v>+2</v></c>"#,
    #"<c r="A1" t="s"><v>-0</v></c>"#, #"<c r="A1" t="s"><v>1234567890</v></c>"#, #"<c r="A1" t="s"><v>3</v></c>"#,
    #"<c r="A1" t="s"><v></v></c>"#, #"<c r="A1" t="str"><v>2</v></c>"#, #"<c r="A1" t="S"><v>2</v></c>"#,
    #"<c r="A1" t="ss"><v>2</v></c>"#, #"<c r="A1" t="n"><v>2</v></c>"#, #"<c r="A1" t="b"><v>2</v></c>"#,
    #"<c r="A1" t="e"><v>#N/A</v></c>"#, #"<c r="A1" t="d"><v>2024-01-02</v></c>"#, #"<c r="A1" t=""><v>2</v></c>"#,
    // Styled cells without a value (LibreOffice's print area): skipped, but they still move the column.
    #"<c r="B1" s="12"/><c r="C1" s="1"/><c><v>5</v></c>"#, #"<c s="3"/><c><v>5</v></c>"#, #"<c r="XFE1" s="1"/>"#,
    #"<c r="A1" s="1" t="s"/>"#, #"<c r="A1" t="inlineStr"/><c><v>1</v></c>"#, #"<c r="C1" s="1"></c><c><v>1</v></c>"#,
    #"<c r="C1" s="1"/><c r="A1"><v>1</v></c>"#, #"<c r="B1" s="1" /><c r="B1" t="s"><v>0</v></c>"#,
    // References at and past Excel's bounds, and near misses of the usual form.
    #"<c r="XFD1048576" s="2"><v>1</v></c>"#, #"<c r="A1048577"><v>1</v></c>"#, #"<c r="A10000000"><v>1</v></c>"#,
    #"<c r="A01"><v>1</v></c>"#, #"<c r="AAAA1"><v>1</v></c>"#, #"<c r="ZZ9" s="1"/>"#, #"<c r="A"><v>1</v></c>"#,
    #"<c r="1"><v>1</v></c>"#, #"<c r="A$1"><v>1</v></c>"#, #"<c r="AB12" t="inlineStr"><v>x</v></c>"#,
    #"<c r="B2" s="1" t="s"><v>2</v></c >"#, #"<c r="B2" s="1234567890123456789"><v>1</v></c>"#,
    #"<c r="B2" s="12" t="s" ><v>2</v></c>"#, #"<c r="B2" t="s" s="1"><v>2</v></c>"#, #"<c r="B2"><v>1</v> </c>"#,
  ]

  @Test(arguments: crafted)
  func craftedCellsReadTheSameBothWays(_ cells: String) {
    Self.expectSame(Self.sheet(cells), cells)
    Self.expectSame(Self.sheet(cells, namespace: #"xmlns:x="\#(Self.main)""#), "no default namespace: " + cells)
    Self.expectSame(Self.sheet(cells, namespace: #"xmlns="urn:other""#), "another namespace: " + cells)
  }

  static func rows(_ rows: String) -> [UInt8] {
    Array(#"<worksheet xmlns="\#(main)"><sheetData>\#(rows)</sheetData></worksheet>"#.utf8)
  }

  @Test(arguments: [
    #"<row r="2" spans="1:3"><c><v>1</v></c></row><row><c><v>2</v></c></row>"#, #"<row r="0"><c><v>1</v></c></row>"#,
    #"<row r="x"/>"#, #"<row/><row/><row><c><v>3</v></c></row>"#, #"<row r="1" r="2"><c><v>1</v></c></row>"#,
    #"<row x14ac:dyDescent="1" xmlns:x14ac="urn:x"><c><v>1</v></c></row>"#, #"<row xmlns="urn:x"><c><v>1</v></c></row>"#,
    #"<row r='3' ht="12.5" customHeight="1" ><c r="B3"><v>1</v></c></row >"#, #"<row r="1"><c><v>1</v></c></rows>"#,
    #"<row r="1" 1x="2"><c><v>1</v></c></row>"#, #"<row r="1" a="&amp;"><c><v>1</v></c></row>"#,
    #"<row r="1" a="一"><c><v>1</v></c></row>"#, #"<row r="1"a="1"><c><v>1</v></c></row>"#,
    #"<row r="1"><c><v>1</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="A1:A3"/></mergeCells><sheetData>"#,
    #"<row r="1"><c><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2" ref="C1:C2"/></mergeCells><sheetData>"#,
    #"<row r="1"><c><v>1</v></c></row></sheetData><mergeCells><mergeCell ref='B1:B4'></mergeCell><mergeCell ref="Z"/></mergeCells><sheetData>"#,
    #"<row r="1"><c><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2" xmlns="urn:x"/></mergeCells><sheetData>"#,
    // Rows as LibreOffice and Excel write them, and near misses.
    #"<row r="1" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1"/></row>"#,
    #"<row r="2" spans="1:9" x14ac:dyDescent="0.25"><c r="A2"><v>1</v></c></row>"#,
    #"<row r="2" x:dyDescent="0.25"><c><v>1</v></c></row>"#, #"<row r="2" xml:space="preserve"><c><v>1</v></c></row>"#,
    #"<row r="2" xmlns:y="urn:y"><c><v>1</v></c></row>"#, #"<row r="2" x14ac:a="1" x14:a="2"><c><v>1</v></c></row>"#,
    #"<row r="2" x14ac:a="1" x14ac:a="2"><c><v>1</v></c></row>"#,
    #"<row r="2" x14ac:a="1" x14ac:b="2" a="3"><c><v>1</v></c></row>"#,
    #"<row r="2" :a="1"><c><v>1</v></c></row>"#, #"<row r="2" x14ac:="1"><c><v>1</v></c></row>"#,
    #"<row r="2" x14ac:a:b="1"><c><v>1</v></c></row>"#, #"<row r="2" ht="一"><c><v>1</v></c></row>"#,
    #"<row r="2" ht="a&#10;b"><c><v>1</v></c></row>"#, "<row r=\"2\" ht=\"a\tb\"><c><v>1</v></c></row>",
    #"<row r="2" ht="1" ht="2"><c><v>1</v></c></row>"#, #"<row r="2" R="3"><c><v>1</v></c></row>"#,
    #"<row r="+2"><c><v>1</v></c></row>"#, #"<row r="02"><c><v>1</v></c></row>"#, #"<row r="1048577"><c><v>1</v></c></row>"#,
    #"<row r="1048576"><c><v>1</v></c></row>"#, #"<row r="12345678"><c><v>1</v></c></row>"#, #"<row r=""><c><v>1</v></c></row>"#,
    #"<row r=" 2"><c><v>1</v></c></row>"#, #"<row r="2"/><row><c><v>1</v></c></row>"#, #"<row r="2" / ><c><v>1</v></c>"#,
    #"<row r="2"><c><v>1</v></c></row ><row r="3"><c><v>1</v></c></row\#n>"#, #"<row r="2"><c><v>1</v></c></rowx>"#,
    #"<row r="2"><c><v>1</v></c></x:row>"#, #"<row r="2"><c><v>1</v></c></row"#, #"<row r="2"><c><v>1</v></c></ row>"#,
    #"<row r="2"><c><v>1</v></c></c></row>"#, #"<x:row r="2"><c><v>1</v></c></x:row>"#,
    // Elements the reader steps over, written the plain way or not.
    #"<row r="1"><c><v>1</v></c></row></sheetData><sheetView showGridLines="true" zoomScale="100" workbookViewId="0"><selection pane="topLeft" activeCell="A1" sqref="A1"/></sheetView><sheetData>"#,
    #"<row r="1"><c><v>1</v></c></row></sheetData><pageSetup r:id="rId1" x:a="1"/><sheetData>"#,
    #"<row r="1"><c><v>1</v></c></row></sheetData><pageSetup q:id="rId1"/><sheetData>"#,
    #"<row r="1"><c><v>1</v></c></row></sheetData><headerFooter><oddHeader>&amp;C页</oddHeader></headerFooter><sheetData>"#,
    #"<row r="1"><c><v>1</v></c></row></sheetData><extLst><ext uri="x"><row r="9"><c><v>9</v></c></row></ext></extLst><sheetData>"#,
    #"<row r="1"><c><v>1</v></c></row></sheetData><ext xmlns="urn:x"><row r="9"><c><v>9</v></c></row></ext><sheetData>"#,
    #"<row r="1"><c><v>1</v></c></row></sheetData><ext a="1" a="2"/><sheetData>"#,
    #"<row r="1"><c><v>1</v></c></row></sheetData><_ext a="1"/><e-x.t b='2'/><sheetData>"#,
    #"<row r="1"><c><v>1</v></c></row></sheetData><1ext/><sheetData>"#,
    #"<row r="1"><v>7</v><is><t>x</t></is><c><v>1</v></c></row>"#,
    #"<row r="1"><cc r="A1"><v>1</v></cc><c><v>2</v></c></row>"#, #"<row r="1"><rows/><mergeCells/><c><v>2</v></c></row>"#,
    #"<row r="1"><c><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B2" x14ac:a="1"/><mergeCell ref="一"/></mergeCells><sheetData>"#,
    // Cells and rows out of order, twice, or skipping rows: a row is gathered apart only while its cells come in order.
    #"<row r="2"><c r="B2"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c><c r="C1"><v>3</v></c></row>"#,
    #"<row r="1"><c r="C1"><v>1</v></c><c r="A1"><v>2</v></c><c r="D1"><v>3</v></c></row><row r="3"><c r="B3"><v>4</v></c></row>"#,
    #"<row r="1"><c r="B1"><v>1</v></c><c r="B1"><v>2</v></c><c r="B1" t="s"><v>1</v></c></row>"#,
    #"<row r="1"><c r="A1"><v>1</v></c></row><row r="1"><c r="B1"><v>2</v></c><c r="A1"><v>3</v></c></row>"#,
    #"<row r="1"><c r="A1"><v>1</v></c><c r="B2"><v>2</v></c><c r="C1"><v>3</v></c></row><row r="5"><c r="E5"><v>5</v></c></row>"#,
    #"<row r="4"><c r="D4" t="s"><v>1</v></c><c r="E4" t="s"><v>0</v></c></row><row r="6"><c r="A6" s="1"/><c r="B6"><v>1</v></c></row>"#,
    #"<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row><row r="3"><c r="C3"><v>1</v></c></row>"#,
  ])
  func craftedRowsAndMergesReadTheSameBothWays(_ rows: String) {
    Self.expectSame(Self.rows(rows), rows)
  }

  /// The rows of a worksheet as LibreOffice writes it (Excel's prefixed row attribute declared on the root).
  static func excelRows(_ rows: String) -> [UInt8] {
    Array(
      #"<worksheet xmlns="\#(main)" xmlns:r="urn:r" xmlns:x14ac="urn:x14ac" xmlns:x14="urn:x14ac"><sheetData>\#(rows)</sheetData></worksheet>"#
        .utf8)
  }

  @Test func prefixedAttributesReadTheSameBothWays() {
    for rows in Self.prefixedRows { Self.expectSame(Self.excelRows(rows), rows) }
  }

  static let prefixedRows = [
    #"<row r="2" spans="1:9" x14ac:dyDescent="0.25"><c r="A2"><v>1</v></c></row>"#,
    #"<row r="2" x14ac:a="1" x14:a="2"><c><v>1</v></c></row>"#, #"<row r="2" x14ac:a="1" x14:b="2"><c><v>1</v></c></row>"#,
    #"<row r="2" x14ac:a="1" x14ac:a="2"><c><v>1</v></c></row>"#, #"<row r="2" x14ac:r="5"><c><v>1</v></c></row>"#,
    #"<row r="1"><c><v>1</v></c></row></sheetData><pageSetup r:id="rId1" paperSize="9"/><sheetData>"#,
    #"<row r="1"><c><v>1</v></c></row></sheetData><pageSetup r:id="rId1" r:id="rId2"/><sheetData>"#,
  ]

  /// Cut, repeated and spliced pieces of real sheets: whatever comes of it, both paths agree.
  @Test func mutatedSheetsReadTheSameBothWays() throws {
    var random = SplitMix(seed: 17)
    let pieces = [
      "<c r=\"A1\">", "</c>", "<v>", "</v>", " ", "\"", "'", "&amp;", "<c/>", "s=\"1\"", "t=\"s\"", "\r", "]", "一", "<row>",
      "</row>",
      "<row r=\"3\"/>", "<mergeCell ref=\"A1:B2\"/>", "r=\"2\"", "x:y=\"1\"", " ht=\"12.8\"", "<c r=\"B2\" s=\"1\"/>", "/>",
      " r:id=\"1\"", "</row>", "</sheetData>", "<sheetView a=\"1\">", ":", "t=\"str\"", "<v>0</v>", "<v>07</v>",
    ]
    // The first sheets, and every sheet LibreOffice saved (rows with seven attributes, styled empty cells).
    let libreOffice = Self.fixtureSheets.filter { Self.isLibreOffice($0.1) }
    #expect(libreOffice.count >= 10)
    let sheets = Array(Self.fixtureSheets.prefix(12)) + libreOffice
    for (index, (name, xml)) in sheets.enumerated() {
      for _ in 0..<(index < 12 ? 40 : 16) {
        Self.expectSame(mutated(xml, edits: 1 + Int.random(in: 0..<3, using: &random), pieces, &random), "mutated \(name)")
      }
    }
  }

  static let compactCrafted = [
    #"<c r="B1" s="1"/>"#, #"<c r="B1"/>"#, #"<c r="XFD1048576" s="123456789"/>"#, #"<c r="XFE1" s="1"/>"#,
    #"<c r="A1048577" s="1"/>"#, #"<c r="A10000000" s="1"/>"#, #"<c r="AAAA1" s="1"/>"#, #"<c r="A01" s="1"/>"#,
    #"<c r="a1" s="1"/>"#, #"<c r="A" s="1"/>"#, #"<c r="1" s="1"/>"#, #"<c r="A1" s=""/>"#, #"<c r="A1" s="1234567890"/>"#,
    #"<c r="A1" s="007"/>"#, #"<c r="A1" s="1" />"#, #"<c r="A1"  s="1"/>"#, #"<c r='A1' s="1"/>"#, #"<c r="A1" s="1">"#,
    #"<c r="C5" s="3" t="s"><v>12</v></c>"#, #"<c r="C5" t="s"><v>0</v></c>"#, #"<c r="C5" s="3" t="s"><v>00</v></c>"#,
    #"<c r="C5" s="3" t="s"><v>012</v></c>"#, #"<c r="C5" s="3" t="s"><v>123456789</v></c>"#,
    #"<c r="C5" s="3" t="s"><v>1234567890</v></c>"#, #"<c r="C5" s="3" t="s"><v></v></c>"#,
    #"<c r="C5" s="3" t="s"><v>1 </v></c>"#,
    #"<c r="C5" s="3" t="s"><v>1</v></c >"#, #"<c r="C5" s="3" t="s"><v>1</v>"#, #"<c r="C5" s="3" t="s"/>"#,
    #"<c r="C5" s="3" t="n"><v>1</v></c>"#, #"<c r="C5" s="3" t="str"><v>1</v></c>"#, #"<c r="C5" t="s" s="3"><v>1</v></c>"#,
    #"<c r="C5" s="3" t='s'><v>1</v></c>"#, #"<c r="C5" s="3" t="s"><v>1</v><f>x</f></c>"#, #"<c r="C5"><v>1</v></c>"#,
    "  \n<c r=\"D1\" s=\"2\"/>", #"<c r="B1" s="1"/><c r="C1" s="1" t="s"><v>2</v></c><c r="D1" s="1"/>"#,
    // Numbers (`t="n"`): what LibreOffice writes, and texts and ends the plain path reads otherwise or not at all.
    #"<c r="H30" s="0" t="n"><v>97.48</v></c>"#, #"<c r="H30" t="n"><v>-1.5E+3</v></c>"#, #"<c r="H30" s="0" t="n"><v></v></c>"#,
    #"<c r="H30" s="0" t="n"><v> 1 </v></c>"#, #"<c r="H30" s="0" t="n"><v>1&amp;2</v></c>"#,
    #"<c r="H30" s="0" t="n"><v>1]</v></c>"#,
    "<c r=\"H30\" s=\"0\" t=\"n\"><v>1\t</v></c>", #"<c r="H30" s="0" t="n"><v>一</v></c>"#, #"<c r="H30" t="n"><v>1</v></c >"#,
    #"<c r="H30" t="n"><v>1</v><f>x</f></c>"#, #"<c r="H30" s="0" t="n"/>"#, #"<c r="H30" s="0" t="n"></c>"#,
    #"<c r="H30" s="0" t="n"><v>1</v>"#, #"<c r="H30" s="0" t="n"><v>abc</v></c>"#, #"<c r="H30" s="0" t="n"><v>\#u{7F}</v></c>"#,
    #"<c r="H30" s="0" t="n"><v>1</c></v>"#, #"<c r="H30" s="0" t="N"><v>1</v></c>"#, #"<c r="H30" s="0" t="nn"><v>1</v></c>"#,
    // Numbers without a type, as the bench's writer and openpyxl write them.
    #"<c r="D6"><v>4607.61</v></c>"#, #"<c r="H6" s="1"><v>1</v></c>"#, #"<c r="D6"><v></v></c>"#,
    #"<c r="D6"><v>1&amp;2</v></c>"#,
    #"<c r="D6"><v>一</v></c>"#, #"<c r="D6"><v>1</v></c >"#, #"<c r="D6"><v/></c>"#, #"<c r="D6"><v >1</v></c>"#,
    #"<c r="D6"><f>1+1</f><v>2</v></c>"#, #"<c r="D6"><v>1</v><v>2</v></c>"#, #"<c r="D6"><v>1</v>"#,
    #"<c r="C6" t="s"><v>14</v></c><c r="D6"><v>4607.61</v></c><c r="E6"><v>4607.61</v></c><c r="H6" s="1"><v>1</v></c>"#,
  ]

  /// The bytes after a start tag, padded so that a cell is read both near the end of the part and far from it.
  static func cellsPart(_ cells: String, padding: Int) -> [UInt8] {
    Array(#"<worksheet xmlns="\#(main)"><sheetData><row r="1">\#(cells)"#.utf8)
      + Array(repeating: UInt8(ascii: " "), count: padding) + Array("</row></sheetData></worksheet>".utf8)
  }

  /// `compactCell()` against its definition, `plainCell()`: where it reads a cell, `plainCell()` reads the
  /// same reference, style and shared index (no value for an empty one) and ends at the same byte.
  static func expectCompactAsPlain(_ part: [UInt8], _ comment: String) throws {
    var compactReader = XMLReader(bytes: part, file: "t.xlsx", entry: "sheet1.xml")
    for _ in 0..<3 { _ = try compactReader.next() }
    var plainReader = compactReader
    while let compact = compactReader.compactCell() {
      let read = plainReader.plainCell()
      let plain = try #require(read, "plainCell refused what compactCell read: \(comment)")
      #expect(compact.reference == plain.reference && compact.style == plain.style, "\(comment)")
      #expect(compact.sharedIndex == plain.sharedIndex, "\(comment)")
      #expect((compact.sharedIndex == nil && compact.number == nil) == (plain.value == nil), "\(comment)")
      if compact.sharedIndex != nil { #expect(plainReader.type(of: plain) == "s", "\(comment)") }
      // A cell without a type is a number.
      if let number = compact.number {
        #expect((plainReader.type(of: plain) ?? "n") == "n" && plain.value == number, "\(comment)")
      }
      #expect(compactReader.position == plainReader.position, "\(comment)")
    }
    #expect(compactReader.position == plainReader.position, "\(comment)")
  }

  @Test(arguments: compactCrafted)
  func compactCellsReadAsPlainCells(_ cells: String) throws {
    for padding in [0, 80] { try Self.expectCompactAsPlain(Self.cellsPart(cells, padding: padding), cells) }
    Self.expectSame(Self.sheet(cells), cells)
  }

  /// The compact path takes what LibreOffice writes for most cells, and a number without a type as the
  /// bench's writer writes it (the differential tests alone would pass if it took nothing).
  @Test func compactCellsTakeLibreOfficeCells() throws {
    var reader = XMLReader(
      bytes: Self.cellsPart(
        #"<c r="B7" s="12"/><c r="C7" s="1" t="s"><v>2</v></c><c r="D7" s="1" t="n"><v>2</v></c><c r="F7"><v>3.5</v></c>"#
          + #"<c r="E7" t="b"><v>1</v></c>"#,
        padding: 0),
      file: "t.xlsx", entry: "sheet1.xml")
    for _ in 0..<3 { _ = try reader.next() }
    let empty = reader.compactCell()
    #expect(empty == XMLReader.CompactCell(reference: CellReference(row: 6, column: 1), style: 12))
    let shared = reader.compactCell()
    #expect(shared == XMLReader.CompactCell(reference: CellReference(row: 6, column: 2), style: 1, sharedIndex: 2))
    let number = reader.compactCell()
    #expect(number?.reference == CellReference(row: 6, column: 3) && number?.style == 1 && number?.sharedIndex == nil)
    #expect(number.flatMap(\.number).map { reader.withBytes(of: $0) { Array($0) } } == Array("2".utf8))
    let untyped = reader.compactCell()
    #expect(untyped?.reference == CellReference(row: 6, column: 5) && untyped?.style == nil && untyped?.sharedIndex == nil)
    #expect(untyped.flatMap(\.number).map { reader.withBytes(of: $0) { Array($0) } } == Array("3.5".utf8))
    let boolean = reader.compactCell()
    #expect(boolean == nil, "a true/false is the plain path's")
    let plain = reader.plainCell()
    #expect(plain?.reference == CellReference(row: 6, column: 4))
  }

  /// Cells of the two compact shapes cut, repeated and spliced: `compactCell()` reads as `plainCell()` does.
  @Test func mutatedCompactCellsReadAsPlainCells() throws {
    var random = SplitMix(seed: 23)
    let pieces = [
      "<c r=\"A1\" s=\"1\"/>", "\"", "0", "9", "Z", " ", "/", "<v>", "</v>", "</c>", " t=\"s\"", "s", "/>", " t=\"n\"", ".", "&",
      "n",
    ]
    let row =
      #"<c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1"/><c r="C1" s="12" t="s"><v>2</v></c><c r="XFD1" s="3"/><c r="D1" s="0" t="n"><v>97.48</v></c>"#
    for _ in 0..<300 {
      let cells = mutated(Array(row.utf8), edits: 1 + Int.random(in: 0..<3, using: &random), pieces, &random)
      let text = String(decoding: cells, as: UTF8.self)
      try Self.expectCompactAsPlain(Self.cellsPart(text, padding: 64), text)
      Self.expectSame(Self.sheet(text), text)
    }
  }

  /// Where a plain start tag is read, the general reader reads a start tag there without error and ends
  /// where it ends, the element open or (an empty-element tag) closed alike.
  static func expectPlainTagAsGeneral(_ tag: String, takes: Bool? = nil) throws {
    var plain = XMLReader(bytes: excelRows(tag), file: "t.xlsx", entry: "sheet1.xml")
    for _ in 0..<2 { _ = try plain.next() }
    var general = plain
    let took = plain.plainStartTag(notNamed: ["row"])
    if let takes { #expect(took == takes, "\(tag)") }
    guard took else {
      #expect(plain.position == general.position, "nothing read: \(tag)")
      return
    }
    let event = try general.next()
    guard case .start = event else {
      Issue.record("the general reader read no start tag where the plain path read one: \(tag)")
      return
    }
    if general.depth > plain.depth {
      let end = try general.next()
      guard case .end = end else {
        Issue.record("an empty-element tag without its end: \(tag)")
        return
      }
    }
    #expect(general.position == plain.position && general.depth == plain.depth, "\(tag)")
  }

  /// Tags the reader steps over, with attribute names drawn from a few (so that many repeat, and many more
  /// share a bit of the hash the scan tells them apart by), prefixed or not, bound or not, in the same
  /// namespace or not: the byte scan takes a tag only where the general reader reads it, and a sheet holding
  /// it reads the same both ways (the same grid, or the same located error).
  @Test func steppedOverTagsWithRandomAttributesReadAsTheGeneralReaderReadsThem() throws {
    var random = SplitMix(seed: 31)
    // Names of one to four letters a and b (30 of them), prefixed by a bound prefix now and then, and a few that are no
    // plain names or that the general reader refuses or reads apart.
    let letters = (1...4).flatMap { length in
      (0..<(1 << length)).map { bits in String((0..<length).map { bits >> $0 & 1 == 0 ? "a" : "b" }) }
    }
    let names = letters + letters.prefix(6).flatMap { ["x14ac:" + $0, "x14:" + $0, "r:" + $0] }
    let odd = [
      "q:a", "xml:space", "xmlns", "xmlns:z", "a.b", "a-b", "_a", "A", "一", "1a", "a:", ":a", "x14ac:a:b", "showGridLines",
    ]
    let values = ["\"v\"", "'v'", "\"\"", "\"&amp;\"", "\"一\"", "\"a<b\"", "v", "\"\u{1}\""]
    var taken = 0
    for _ in 0..<800 {
      let attributes = (0..<Int.random(in: 0...26, using: &random)).map { _ in
        " " + (Int.random(in: 0..<40, using: &random) == 0 ? odd : names).randomElement(using: &random)! + "="
          + (Int.random(in: 0..<40, using: &random) == 0 ? values.randomElement(using: &random)! : "\"v\"")
      }
      let tag = "<sheetView" + attributes.joined() + (Bool.random(using: &random) ? "/>" : "></sheetView>")
      try Self.expectPlainTagAsGeneral(tag)
      Self.expectSame(Self.excelRows(#"<row r="1"><c><v>1</v></c></row></sheetData>"# + tag + "<sheetData>"), tag)
      var probe = XMLReader(bytes: Self.excelRows(tag), file: "t.xlsx", entry: "sheet1.xml")
      for _ in 0..<2 { _ = try probe.next() }
      if probe.plainStartTag(notNamed: ["row"]) { taken += 1 }
    }
    #expect(taken > 100, "the byte scan takes plain tags, many attributes long")
  }

  /// What LibreOffice writes around the cells is stepped over by the byte scan (the differential tests alone
  /// would pass if it took nothing), and what the general reader refuses is not.
  @Test(arguments: [
    (
      #"<sheetView showFormulas="false" showGridLines="true" showRowColHeaders="true" showZeros="true" rightToLeft="false" tabSelected="true" showOutlineSymbols="true" defaultGridColor="true" view="normal" topLeftCell="A1" colorId="64" zoomScale="100" zoomScaleNormal="100" zoomScalePageLayoutView="60" workbookViewId="0">"#,
      true
    ),
    (#"<col collapsed="false" customWidth="true" hidden="false" outlineLevel="0" max="1" min="1" style="0" width="22"/>"#, true),
    (
      #"<pageSetup paperSize="9" scale="100" fitToWidth="1" fitToHeight="1" pageOrder="downThenOver" orientation="portrait" blackAndWhite="false" draft="false" cellComments="none" horizontalDpi="300" verticalDpi="300" copies="1"/>"#,
      true
    ),
    (
      #"<pageMargins left="0.747916666666667" right="0.747916666666667" top="0.984027777777778" bottom="0.984027777777778" header="0.511811023622047" footer="0.511811023622047"/>"#,
      true
    ),
    (#"<headerFooter differentFirst="false" differentOddEven="false">"#, true), (#"<oddHeader>"#, true),
    (#"<pageSetup r:id="rId1" x14ac:a="1"/>"#, true),
    (#"<pageSetup paperSize="9" scale="100" paperSize="9"/>"#, false), (#"<pageSetup x14ac:a="1" x14:a="2"/>"#, false),
    (
      #"<pageSetup a="1" b="2" c="3" d="4" e="5" f="6" g="7" h="8" i="9" j="10" k="11" l="12" m="13" n="14" o="15" a="16"/>"#,
      false
    ),
    (#"<pageSetup q:a="1"/>"#, false), (#"<pageSetup xmlns:q="urn:q"/>"#, false), (#"<pageSetup a="1"b="2"/>"#, false),
    (#"<row r="1">"#, false), (#"<pageSetup a="&amp;"/>"#, false), (#"<x14ac:pageSetup/>"#, false),
  ])
  func libreOfficeSurroundingsTakeTheByteScan(_ tag: String, _ takes: Bool) throws {
    try Self.expectPlainTagAsGeneral(tag, takes: takes)
  }

  static func isLibreOffice(_ sheet: [UInt8]) -> Bool {
    String(decoding: sheet.prefix(4_000), as: UTF8.self).contains(#"customFormat="false""#)
  }

  /// The fast paths take what LibreOffice writes (the differential tests alone would pass if they took nothing).
  @Test func libreOfficeTagsTakeTheFastPaths() throws {
    let rowTag =
      #"<row r="7" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false">"#
    let part =
      #"<worksheet xmlns="\#(Self.main)" xmlns:r="urn:r"><sheetData>\#(rowTag)<c r="B7" s="12"/><c r="C7" s="1" t="s"><v>2</v></c></row></sheetData><pageSetup paperSize="9" r:id="rId1"/></worksheet>"#
    var reader = XMLReader(bytes: Array(part.utf8), file: "t.xlsx", entry: "sheet1.xml")
    for _ in 0..<2 { _ = try reader.next() }
    let row = reader.plainStartTag(named: "row", reading: "r")
    let tag = try #require(row)
    #expect(tag.value.map { reader.withBytes(of: $0) { Array($0) } } == Array("7".utf8) && !tag.isEmpty)
    let first = reader.plainCell()
    let empty = try #require(first)
    #expect(
      empty.reference == CellReference(row: 6, column: 1) && empty.style == 12 && empty.value == nil && empty.sharedIndex == nil)
    #expect(reader.type(of: empty) == nil && reader.value(of: empty) == nil)
    let second = reader.plainCell()
    let shared = try #require(second)
    #expect(reader.type(of: shared) == "s" && shared.sharedIndex == 2 && reader.value(of: shared) == "2")
    let endsRow = reader.plainEndTag()
    let endsSheetData = reader.plainEndTag()
    let stepsOverPageSetup = reader.plainStartTag(notNamed: ["row"])
    #expect(endsRow && endsSheetData && stepsOverPageSetup)
    #expect(reader.depth == 1, "the empty pageSetup is closed")
    let endsRoot = reader.plainEndTag()
    #expect(!endsRoot, "the root's end is the general reader's")
    let rootEnd = try reader.next()
    #expect(rootEnd == .end(XMLName(Self.main, "worksheet")))
    let after = try reader.next()
    #expect(after == nil)
  }
}

/// `XMLReader.plainStringItem()` against the general reader: the same shared string table read both
/// ways gives the same strings, or the same error.
@Suite struct PlainStringItemPathTests {
  static func expectSame(_ xml: [UInt8], _ comment: String) {
    func read(_ plain: Bool) -> Result<[String], InputError> {
      Result { () throws(InputError) in
        try SharedStrings(bytes: xml, file: "t.xlsx", entry: "xl/sharedStrings.xml", usesPlainItems: plain).strings
      }
    }
    #expect(read(false) == read(true), "\(comment)")
  }

  static let fixtureTables: [(String, [UInt8])] = {
    let root = repositoryRoot.appendingPathComponent("Fixtures")
    var tables: [(String, [UInt8])] = []
    for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
    where url.pathExtension == "xlsx" {
      guard let bytes = try? Data(contentsOf: url), let archive = try? ZipArchive(bytes: [UInt8](bytes), file: url.path),
        let contents = try? archive.contents(named: "xl/sharedStrings.xml")
      else { continue }
      tables.append((url.lastPathComponent, contents))
    }
    return tables
  }()

  @Test func fixtureTablesReadTheSameBothWays() {
    #expect(Self.fixtureTables.count > 10)
    for (name, xml) in Self.fixtureTables { Self.expectSame(xml, name) }
  }

  @Test(arguments: [
    "<si><t>项目名称</t></si>", #"<si><t xml:space="preserve"> a </t></si>"#, "<si><t></t></si>", "<si><t>a&amp;b</t></si>",
    "<si><t>a_x000D_b</t></si>", "<si><r><t>a</t></r><r><t>b</t></r></si>", "<si><t>a\r\nb</t></si>", "<si><t>a]]>b</t></si>",
    "<si>\n<t>a</t>\n</si>", "<si><t>a</t><rPh><t>x</t></rPh></si>", "<si><t>a</t></si", "<si><t>a</x></si>",
    #"<si><t xml:space='preserve'>a</t></si>"#, "<si><t>&gt;=156场 &lt;= &quot;a&apos; &amp;amp;</t></si>",
    "<si><t>&#62;</t></si>",
    "<si><t>&gt</t></si>", "<si><t>&unknown;</t></si>", "<si><t>a&</t></si>", "<si><t>\u{1}</t></si>",
    "<si><t>a</t></si><si><t>b</t></si>",
    // Rich-text runs as LibreOffice writes them, and near misses the general reader must judge.
    #"<si><r><rPr><sz val="11"/><rFont val="宋体"/><family val="2"/><charset val="134"/></rPr><t xml:space="preserve">（</t></r><r><t>2023</t></r></si>"#,
    #"<si><r><rPr><b/><color rgb="FFFF0000"/></rPr><t>甲&amp;乙</t></r></si>"#,
    #"<si><r><rPr><sz val="11" val="12"/></rPr><t>a</t></r></si>"#, #"<si><r><rPr><x:sz val="11"/></rPr><t>a</t></r></si>"#,
    #"<si><r><rPr><sz val='11'/></rPr><t>a</t></r></si>"#, #"<si><r><rPr><sz val="1<"/></rPr><t>a</t></r></si>"#,
    #"<si><r><rPr><unknown val="1"/></rPr><t>a</t></r></si>"#, #"<si><r><rPr><sz val="11"></sz></rPr><t>a</t></r></si>"#,
    "<si><r><rPr></rPr><t>a</t></r></si>", "<si><r></r></si>", "<si><r><t>a</t></r><t>b</t></si>",
    "<si><r><t>a</t></r></si", #"<si><r><rPr><sz val="11"/></rPr><t>a</t></r><rPh><t>x</t></rPh></si>"#,
    // Run properties read again (from memory) after the same ones, after ones like them, and after a failed item.
    #"<si><r><rPr><sz val="11"/><rFont val="宋体"/></rPr><t>a</t></r></si><si><r><rPr><sz val="11"/><rFont val="宋体"/></rPr><t>b</t></r><r><rPr><sz val="11"/><rFont val="宋体"/></rPr><t>c</t></r></si>"#,
    #"<si><r><rPr><sz val="11"/></rPr><t>a&#10;</t></r></si><si><r><rPr><sz val="11"/></rPr><t>b</t></r></si>"#,
    #"<si><r><rPr><sz val="11"/></rPr><t>a</t></r></si><si><r><rPr><sz val="11"/></rPr ><t>b</t></r></si>"#,
    #"<si><r><rPr><sz val="11"/></rPr><t>a</t></r></si><si><r><rPr><sz val="11"/><sz val="12"/></rPr><t>b</t></r></si>"#,
    #"<si><r><rPr><sz val="11"/></rPr><t>a</t></r></si><si><r><rPr><sz val="11"/></rPr></r></si>"#,
    #"<si><r><rPr><sz val="11"/><b/></rPr><t>a</t></r></si><si><r><rPr><sz val="11"/><b/></rPr><t>b</t></r></si><si><r><rPr><sz val="11"/><bb/></rPr><t>c</t></r></si>"#,
    #"<si><r><rPr><vertAlign val="superscript"/><condense val="1"/><indexed/></rPr><t>a</t></r></si>"#,
    #"<si><r><rPr><vertAlignx val="1"/></rPr><t>a</t></r></si>"#,
    #"<si><r><rPr><sz indexed="1" indexedx="2"/></rPr><t>a</t></r></si>"#,
    // An escape split between runs is decoded in the joined text; an underscore alone is left.
    "<si><r><t>a_x00</t></r><r><t>0D_b</t></r></si>", "<si><t>a_b_x</t></si>", "<si><r><t>_</t></r><r><t>x0041_</t></r></si>",
  ])
  func craftedItemsReadTheSameBothWays(_ items: String) {
    for namespace in [#"xmlns="\#(PlainCellPathTests.main)""#, #"xmlns:x="\#(PlainCellPathTests.main)""#, #"xmlns="urn:other""#] {
      Self.expectSame(Array(#"<?xml version="1.0"?><sst \#(namespace)>\#(items)</sst>"#.utf8), namespace + items)
    }
  }

  /// Text that is not valid UTF-8 is an error on both paths, wherever it is: the plain path checks it as it
  /// scans. A sequence cut between two runs is valid once the runs are joined, but each run's text is not.
  @Test func textThatIsNotUTF8ReadsTheSameBothWays() {
    let sequences: [[UInt8]] = [
      [0xE4, 0xB8], [0xE4], [0x80], [0xC0, 0x80], [0xC3], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
      [0xF0, 0x9F, 0x98], [0xFF], [0xE4, 0xB8, 0xC0], [0xE4, 0x41, 0xAD],
      // Valid, for contrast: two, three (with and without a range restriction) and four bytes.
      [0xC3, 0xA9], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xE4, 0xB8, 0x80], [0xEF, 0xBF, 0xBD], [0xF0, 0x9F, 0x98, 0x80],
    ]
    let main = PlainCellPathTests.main
    func table(_ items: [UInt8]) -> [UInt8] {
      Array(#"<?xml version="1.0"?><sst xmlns="\#(main)"><si><t>a</t></si>"#.utf8) + items + Array("</sst>".utf8)
    }
    for sequence in sequences {
      let text = Array("甲".utf8) + sequence + Array("乙".utf8)
      Self.expectSame(table(Array("<si><t>".utf8) + text + Array("</t></si>".utf8)), "text \(sequence)")
      Self.expectSame(table(Array("<si><t>".utf8) + sequence + Array("&amp;</t></si>".utf8)), "before a reference \(sequence)")
      Self.expectSame(
        table(Array(#"<si><r><rPr><sz val="11"/></rPr><t>"#.utf8) + text + Array("</t></r></si>".utf8)), "run \(sequence)")
    }
    let cut = Array("<si><r><t>甲".utf8) + [0xE4] + Array("</t></r><r><t>".utf8) + [0xB8, 0x80] + Array("</t></r></si>".utf8)
    Self.expectSame(table(cut), "a sequence cut between runs")
    let general = Result { () throws(InputError) in
      try SharedStrings(bytes: table(cut), file: "t.xlsx", entry: "xl/sharedStrings.xml", usesPlainItems: false).strings
    }
    #expect(throws: InputError.self, "the general reader refuses it") { try general.get() }
  }

  /// What the plain path says of an item's text (`holdsUnderscore`, which spares `OOXMLText.decode`) is what
  /// the text holds, for every item of the fixtures' tables.
  @Test func anItemSaysWhetherItHoldsAnUnderscore() {
    var read = 0
    let main = PlainCellPathTests.main
    let crafted = Array(#"<sst xmlns="\#(main)"><si><t>a_b</t></si><si><r><t>_x</t></r><r><t>0041_</t></r></si></sst>"#.utf8)
    for (name, xml) in Self.fixtureTables + [("crafted", crafted)] {
      var reader = XMLReader(bytes: xml, file: name, entry: "xl/sharedStrings.xml")
      var segments = XMLReader.StringItemSegments()
      while true {
        if SpreadsheetML.isMainNamespace(reader.defaultNamespace), let item = reader.plainStringItem(reusing: &segments) {
          #expect(item.holdsUnderscore == item.text.utf8.contains(UInt8(ascii: "_")), "\(name): \(item.text)")
          read += 1
          continue
        }
        guard (try? reader.next()) != nil else { break }
      }
    }
    #expect(read > 100)
  }

  @Test func mutatedTablesReadTheSameBothWays() {
    var random = SplitMix(seed: 23)
    let pieces = [
      "<si>", "</si>", "<t>", "</t>", " ", "&amp;", "\r", "]", "一", "<r>", "_x000D_", "&gt;", "&lt", "&#60;", "&", "</r>",
      "<rPr>", "</rPr>", #"<sz val="11"/>"#, "/>", "\"", #" val="1""#,
    ]
    for (name, xml) in Self.fixtureTables.prefix(8) {
      for _ in 0..<40 { Self.expectSame(mutated(xml, edits: 1, pieces, &random), "mutated \(name)") }
    }
  }
}

/// A shared string table read in parts on workers (`SharedStrings.texts(…jobs:partBytes:)`) gives the strings,
/// or the error, that one reader gives alone: with parts of a few bytes, where a part begins at every kind of
/// place (a `</si>` in a comment or a CDATA section, an item of another kind, another namespace, an error).
@Suite struct SharedStringPartsTests {
  static func expectSame(_ xml: [UInt8], _ comment: String) {
    func read(_ jobs: Int, _ partBytes: Int) -> Result<[String], InputError> {
      Result { () throws(InputError) in
        try SharedStrings.texts(bytes: xml, file: "t.xlsx", entry: "xl/sharedStrings.xml", jobs: jobs, partBytes: partBytes)
      }
    }
    let alone = read(1, 1)
    for (jobs, partBytes) in [(2, 1), (3, 7), (4, 40), (8, 3), (2, 1 << 16)] {
      #expect(read(jobs, partBytes) == alone, "\(comment), jobs \(jobs), parts of \(partBytes) bytes")
    }
  }

  /// The parts are joined only where the reader stands between items: were it never so (it once compared a
  /// `Bool` with nil), every part after the first would be read again on one thread.
  @Test func aReaderIsBetweenElementsAfterAPlainItem() throws {
    let xml = #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si><si><t>b</t></si></sst>"#
    var reader = XMLReader(bytes: Array(xml.utf8), file: "t.xlsx", entry: "xl/sharedStrings.xml")
    guard case .start? = try reader.next() else {
      Issue.record("no root element")
      return
    }
    var segments = XMLReader.StringItemSegments()
    #expect(reader.plainStringItem(reusing: &segments) != nil)
    #expect(reader.isBetweenElements)
  }

  @Test func fixtureTablesReadInPartsAsAlone() {
    for (name, xml) in PlainStringItemPathTests.fixtureTables { Self.expectSame(xml, name) }
  }

  @Test(arguments: [
    "<si><t>a</t></si><!-- </si><si><t>x</t></si> --><si><t>b</t></si><si><t>c</t></si>",
    "<si><t>a</t></si><si><t><![CDATA[</si><si><t>x</t></si>]]></t></si><si><t>b</t></si>",
    "<si><t>a</t></si><si><t>&#62;</si></t></si><si><t>b</t></si><si><t>c</t></si>",
    "<si><t>a</t></si><si><t>b</t><rPh><t>x</t></rPh></si><si><t>c</t></si><si><t>d</t></si>",
    "<si><t>a</t></si><x:si><x:t>b</x:t></x:si><si><t>c</t></si><si><t>d</t></si>",
    #"<si><t>a</t></si><si xmlns="urn:other"><t>b</t></si><si><t>c</t></si><si><t>d</t></si>"#,
    "<si><t>a</t></si><si><t>b</t></si><si><t>c</x></si><si><t>d</t></si>",
    "<si><t>a</t></si>\n  <si><t>b</t></si>\n  <si><r><t>c</t></r><r><t>_x0041_</t></r></si>\n<si><t>d</t></si>",
    "<si><t>a</t></si><si><t>b</t></si></sst><si><t>c</t></si>", "<si><t>a</t></si></si><si><t>b</t></si>",
    "<si><t>a</t></si><foo><si><t>b</t></si><si><t>c</t></si></foo><si><t>d</t></si>",
    "<si><t>a</t></si><foo><si><t>b</t></si><si><t>c</t></si><si><t>d</t></si>",
    "<si><t>a</t></si><si><t>b</t></si><foo/><si><t>c</t></si><?pi </si>?><si><t>d</t></si>",
    // Items of the general path between plain ones (a character reference, as LibreOffice writes a line break).
    (0..<60).map { $0 % 7 == 3 ? "<si><t>a&#10;\($0)</t></si>" : "<si><r><t>\($0)</t></r><r><t>乙</t></r></si>" }.joined(),
  ])
  func craftedTablesReadInPartsAsAlone(_ items: String) {
    let main = PlainCellPathTests.main
    Self.expectSame(Array(#"<?xml version="1.0"?><sst xmlns="\#(main)" xmlns:x="\#(main)">\#(items)</sst>"#.utf8), items)
  }

  @Test func mutatedTablesReadInPartsAsAlone() {
    var random = SplitMix(seed: 29)
    let pieces = ["<si>", "</si>", "<t>", "</t>", "<!--", "-->", "&#60;", "一", "<r>", "</r>", "\u{1}", "<![CDATA[", "]]>"]
    for (name, xml) in PlainStringItemPathTests.fixtureTables.prefix(6) {
      for _ in 0..<12 { Self.expectSame(mutated(xml, edits: 2, pieces, &random), "mutated \(name)") }
    }
  }
}

/// A cell keeps its content in a shared box: still a value, equal and hashed by every field.
@Suite struct GridCellValueTests {
  static let base = GridCell(
    kind: .number, text: "1", value: "1", formula: "A1", problem: nil, reference: CellReference(row: 1, column: 2))

  @Test func everyFieldCountsInEqualityAndHash() {
    var variants: [GridCell] = []
    var cell = Self.base
    cell.kind = .text
    variants.append(cell)
    cell = Self.base
    cell.text = "2"
    variants.append(cell)
    cell = Self.base
    cell.value = nil
    variants.append(cell)
    cell = Self.base
    cell.formula = "B1"
    variants.append(cell)
    cell = Self.base
    cell.problem = "x"
    variants.append(cell)
    cell = Self.base
    cell.reference = CellReference(row: 0, column: 0)
    variants.append(cell)
    cell = Self.base
    cell.origin = Jixiao.SourceLocation(file: "决算.txt", line: 12, field: "page 3, line 12")
    variants.append(cell)
    cell = Self.base
    cell.doubt = "placed by position"
    variants.append(cell)
    for variant in variants {
      #expect(variant != Self.base)
      #expect(Set([variant, Self.base]).count == 2)
    }
    let rebuilt = GridCell(kind: .number, text: "1", value: "1", formula: "A1", reference: CellReference(row: 1, column: 2))
    #expect(rebuilt == Self.base, "equal by content, not by box")
    #expect(rebuilt.hashValue == Self.base.hashValue)
  }

  @Test func aCopyIsIndependent() {
    var copy = Self.base
    copy.text = "changed"
    #expect(Self.base.text == "1")
    #expect(copy.text == "changed" && copy.value == "1" && copy.formula == "A1" && copy.kind == .number)
    #expect(GridCell.empty(CellReference(row: 0, column: 0)).isEmpty)
    var placed = GridCell.empty(CellReference(row: 0, column: 0))
    placed.origin = Jixiao.SourceLocation(file: "决算.txt", line: 3)
    #expect(GridCell.empty(CellReference(row: 0, column: 0)).origin == nil, "the shared empty box is never changed")
    #expect(placed.origin?.line == 3 && placed.isEmpty)
  }

  /// `GridCell.empty` shares the empty box without making one: the same cell the general init gives.
  @Test func theEmptyCellIsTheGeneralEmptyCell() {
    let reference = CellReference(row: 7, column: 3)
    let general = GridCell(kind: .empty, text: "", reference: reference)
    let shared = GridCell.empty(reference)
    #expect(shared == general && shared.hashValue == general.hashValue)
    #expect(shared.reference == reference && shared.text.isEmpty && shared.value == nil && shared.formula == nil)
    #expect(shared.problem == nil && shared.origin == nil && shared.doubt == nil)
  }

  /// A grid's rows as cells set one by one make them (rows reserve room ahead): each row as long as its
  /// last cell that holds something, padded with empty cells that know their place, wide rows included.
  @Test func rowsAreAsLongAsTheirLastFilledCell() {
    var random = SplitMix(seed: 17)
    for _ in 0..<40 {
      var grid = Grid(file: "t", name: "s")
      var expected: [CellReference: String] = [:]
      // Cells set with something; a cell emptied later keeps its place (the row is not cut back).
      var filled: Set<CellReference> = []
      for _ in 0..<Int.random(in: 1..<120, using: &random) {
        let reference = CellReference(
          row: Int.random(in: 0..<30, using: &random),
          column: Int.random(in: 0..<(Bool.random(using: &random) ? 8 : 90), using: &random))
        let text = Bool.random(using: &random) ? "" : "\(reference)"
        grid[reference] = GridCell(kind: text.isEmpty ? .empty : .text, text: text, reference: CellReference(row: 0, column: 0))
        expected[reference] = text.isEmpty ? nil : text
        if !text.isEmpty { filled.insert(reference) }
      }
      #expect(grid.rowCount == (filled.map(\.row).max() ?? -1) + 1)
      for (row, cells) in grid.rows.enumerated() {
        #expect(cells.count == (filled.filter { $0.row == row }.map(\.column).max() ?? -1) + 1)
        for (column, cell) in cells.enumerated() {
          #expect(cell.reference == CellReference(row: row, column: column))
          #expect(cell.text == (expected[cell.reference] ?? ""))
        }
      }
    }
  }
}

/// The locator's word tests on bytes against their definitions on the string's views.
@Suite struct VocabularyFastPathTests {
  static let vocabulary = FormVocabulary.standard

  static func referenceIsTitle(_ key: String) -> Bool {
    vocabulary.titleWords.contains { word in
      let bytes = key.utf8
      var index = bytes.startIndex
      while let found = bytes[index...].firstIndex(of: word[0]) {
        if bytes[found...].starts(with: word) {
          let rest = key[bytes.index(found, offsetBy: word.count)...]
          if rest.isEmpty || FormText.year(ofYearCell: String(rest)) != nil { return true }
        }
        index = bytes.index(after: found)
      }
      return false
    }
  }

  static func referenceMayBeNameHeader(_ printed: String) -> Bool {
    let endings = Set(vocabulary.nameHeaders.compactMap { $0.text.unicodeScalars.last.map { Array(String($0).utf8) } })
    var bytes = Substring(printed).utf8
    while let last = bytes.last, last <= 0x20 || last == UInt8(ascii: ":") { bytes = bytes.dropLast() }
    return endings.contains { bytes.count >= $0.count && bytes.suffix($0.count).elementsEqual($0) }
  }

  @Test func wordsAreToldAsDefined() {
    var random = SplitMix(seed: 29)
    let pieces = [
      "自评表", "目标表", "项目支出绩效", "（2023年度）", "(2024年度)", "2023", "年度", " ", "：", ":", "标", "称", "指标", "三级指标", "a", "\n", "目",
    ]
    let texts =
      ["", "项目支出绩效自评表", "项目支出绩效自评表（2023年度）", "三级指标", "三级指标：", "指标名称 ", "目标表的说明"]
      + (0..<3_000).map { _ in
        (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
      }
    for text in texts {
      #expect(Self.vocabulary.isTitle(text) == Self.referenceIsTitle(text), "\(text)")
      #expect(Self.vocabulary.mayBeNameHeader(text) == Self.referenceMayBeNameHeader(text), "\(text)")
      #expect(
        Self.vocabulary.mayBeNameHeader(String(text.dropFirst())) == Self.referenceMayBeNameHeader(String(text.dropFirst())))
    }
  }
}

extension VocabularyFastPathTests {
  /// `words` themselves, then 3,000 texts of up to three random pieces: what a fingerprint check is tried on.
  static func textsAround(_ words: [String], pieces: [String], using random: inout SplitMix) -> [String] {
    words
      + (0..<3_000).map { _ in
        (0..<Int.random(in: 0...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
      }
  }

  /// The fingerprint check before the label sets never turns away a key one of them holds: every total,
  /// goals and header label (of the standard words and of others), and generated keys, some of them labels.
  @Test func anchorLabelFingerprintsTurnAwayOnlyOtherKeys() {
    let other = FormVocabulary(
      titleWords: ["表"], headerLabels: ["Project", "单位名称", "x"], fundsLabelPrefixes: [], fundsTotalLabels: [],
      goalsLabels: ["Goals：", "总体目标"], nameHeaders: ["Indicator"], level1Headers: [], level2Headers: [], projectNameHeaders: [],
      weightHeaders: [], scoreHeaders: [], rotatedLabelWords: [], totalLabels: ["Total", "合 计"], noteLabelPrefixes: [], grades: []
    )
    var random = SplitMix(seed: 53)
    for vocabulary in [Self.vocabulary, other] {
      let labels = vocabulary.totalLabels.union(vocabulary.goalsLabels).union(vocabulary.headerLabels).map(\.text)
      let pieces = labels + ["项目", "名称", "合计", "a", "（", "）", ":", "：", "分", "总"]
      let texts = Self.textsAround(labels, pieces: pieces, using: &random)
      var turnedAway = 0
      for text in texts {
        let key = FormText.labelKey(text)
        let isLabel =
          vocabulary.totalLabels.contains(key) || vocabulary.goalsLabels.contains(key) || vocabulary.headerLabels.contains(key)
        if isLabel { #expect(vocabulary.mayBeAnchorLabel(key), "\(text)") }
        if !vocabulary.mayBeAnchorLabel(key) { turnedAway += 1 }
      }
      #expect(turnedAway > 0, "the check turns some keys away")
    }
  }

  /// The fingerprint check before the role headers never turns away a key one of them holds: every level,
  /// project-name, weight and score header (of the standard words and of others), and generated keys. The
  /// roles told by one look-up (`roles(of:)`) are the sets that hold the key, a key in two sets (`w`) too.
  @Test func roleHeaderFingerprintsTurnAwayOnlyOtherKeys() {
    let other = FormVocabulary(
      titleWords: ["表"], headerLabels: [], fundsLabelPrefixes: [], fundsTotalLabels: [], goalsLabels: [],
      nameHeaders: ["Indicator"], level1Headers: ["Level 1", "一级", "w"], level2Headers: ["L2"], projectNameHeaders: ["Project"],
      weightHeaders: ["Weight（分）", "w"], scoreHeaders: ["得 分"], rotatedLabelWords: [], totalLabels: [], noteLabelPrefixes: [],
      grades: []
    )
    var random = SplitMix(seed: 59)
    for vocabulary in [Self.vocabulary, other] {
      let roleSets = [
        vocabulary.level1Headers, vocabulary.level2Headers, vocabulary.projectNameHeaders, vocabulary.weightHeaders,
        vocabulary.scoreHeaders,
      ]
      let headers = roleSets.joined().map(\.text)
      let pieces = headers + ["指标", "级", "分值", "权重", "得分", "a", "（", "）", "值", "偏差"]
      let texts = Self.textsAround(headers, pieces: pieces, using: &random)
      var turnedAway = 0
      for text in texts {
        let key = FormText.key(text)
        if roleSets.contains(where: { $0.contains(key) }) { #expect(vocabulary.mayBeRoleHeader(key), "\(text)") }
        if !vocabulary.mayBeRoleHeader(key) { turnedAway += 1 }
        let held = zip(roleSets, [FormVocabulary.Roles.level1, .level2, .projectName, .weight, .score]).filter {
          $0.0.contains(FormKey(key))
        }
        #expect(vocabulary.roles(of: FormKey(key)) == FormVocabulary.Roles(held.map(\.1)), "\(text)")
      }
      #expect(turnedAway > 0, "the check turns some keys away")
    }
  }

  /// A key folded on bytes against its definition scalar by scalar: every scalar it drops or folds, their
  /// byte neighbours, ideographs, ASCII and four-byte scalars, in 5,000 generated texts.
  @Test func keysFoldOnBytesAsOnScalars() {
    let scalars: [UInt32] = [
      0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x08, 0x0E, 0x21, 0x7F, 0x85, 0xA0, 0x84, 0x86, 0x9F, 0xA1, 0xE9, 0x1680, 0x167F,
      0x1681, 0x2000, 0x2005, 0x200A, 0x200B, 0x2027, 0x2028, 0x2029, 0x202A, 0x202E, 0x202F, 0x2030, 0x205E, 0x205F, 0x2060,
      0x3000, 0x3001, 0x2FFF, 0xFEFF, 0xFEFE, 0xFF00, 0xFF04, 0xFF05, 0xFF06, 0xFF07, 0xFF08, 0xFF09, 0xFF0A, 0xFF1A, 0x4E00,
      0x6307, 0x9FA5, 0x1F600, 0x20000, 0x28, 0x29, 0x25, 0x61,
    ]
    var random = SplitMix(seed: 61)
    let texts =
      scalars.map { String(Unicode.Scalar($0)!) }
      + (0..<5_000).map { _ in
        String(
          String.UnicodeScalarView(
            (0..<Int.random(in: 0...12, using: &random)).map { _ in
              Unicode.Scalar(scalars.randomElement(using: &random)!)!
            }))
      }
    for text in texts {
      let folded = text.utf8.withContiguousStorageIfAvailable(FormText.foldedBytes)
      #expect(folded == FormText.foldedScalars(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
      #expect(FormText.key(text) == FormText.foldedScalars(text))
    }
  }

  /// `FormText.isPercent` tells by bytes what its definition (`stringIsPercent`) tells by characters, also where
  /// a mark, a prepended sign or a space makes the sign part of another character or leaves it behind.
  @Test func percentSignsAreToldAsDefined() {
    let scalars: [UInt32] = [
      0x25, 0xFF05, 0x31, 0x30, 0x2E, 0x20, 0x0A, 0x0D, 0x09, 0x3000, 0xA0, 0x301, 0x600, 0x200D, 0x5206, 0x5341, 0xE9, 0x1F600,
      0x61, 0xFEFF, 0x4E00, 0x9FA5,
    ]
    var random = SplitMix(seed: 67)
    let texts =
      ["", "%", "％", "10%", "10％", " 15% ", "15 %", "\u{600}%", "e\u{301}%", "%\u{301}", "十%", "10分", "10%\r\n", "１０％"]
      + (0..<5_000).map { _ in
        String(
          String.UnicodeScalarView(
            (0..<Int.random(in: 1...6, using: &random)).map { _ in Unicode.Scalar(scalars.randomElement(using: &random)!)! }))
      }
    for text in texts {
      #expect(
        FormText.isPercent(text) == FormText.stringIsPercent(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    #expect(
      FormText.isPercent("10%") && FormText.isPercent(" 15％ ") && !FormText.isPercent("\u{600}%") && !FormText.isPercent("10"))
  }

  /// Keys are equal as their bytes are (`FormKey.bytesEqual`), canonically equivalent texts and bridged strings
  /// included.
  @Test func keysAreEqualByTheirBytes() {
    let texts = [
      "", "a", "三级指标", "三级指标：", "é", "e\u{301}", "指标名称", "指标名称 ", String(repeating: "项", count: 20),
      String(repeating: "项", count: 19) + "目", NSString(string: "三级指标") as String, NSString(string: "é") as String,
    ]
    for left in texts {
      for right in texts {
        let (a, b) = (FormKey(left), FormKey(right))
        #expect((a == b) == FormKey.bytesEqual(a, b), "\(left) \(right)")
        #expect((a == b) == (Array(left.utf8) == Array(right.utf8)))
        if a == b { #expect(a.hashValue == b.hashValue) }
      }
    }
  }

  /// A cell's type read from its bytes is the type read from its text.
  @Test func cellTypesReadFromBytesAsFromText() {
    for text in ["s", "n", "b", "e", "d", "str", "inlineStr", "", "S", "x", "ss", "一", "inlinestr"] {
      var bytes = text
      #expect(bytes.withUTF8(CellType.init(bytes:)) == CellType(text), "\(text)")
    }
    #expect(CellType("s") == .shared && CellType("inlineStr") == .inlineString && CellType("x") == .unknown("x"))
  }

  @Test func prefixesAreComparedAsBytes() {
    let texts = ["", "其中：当年财政拨款", "其中", "其中:", "★产出", "项目资金（万元）", "预算执行情况（20分）", "a"]
    let words = ["", "其中：", "其中:", "★", "项目资金", "预算执行情况", "a", "ab"]
    for text in texts {
      for word in words {
        #expect(FormText.starts(text, with: word) == text.utf8.starts(with: word.utf8), "\(text) \(word)")
        let substringBacked = String(Substring(text))
        #expect(FormText.starts(substringBacked, with: word) == text.utf8.starts(with: word.utf8))
      }
    }
  }
}

/// Merged areas are checked for overlap against an index by row: the same areas are kept as a scan of
/// every kept area keeps (the definition).
@Suite struct GridMergeIndexTests {
  @Test func theIndexKeepsWhatAScanKeeps() {
    var random = SplitMix(seed: 41)
    var indexed = false
    for _ in 0..<50 {
      var grid = Grid(file: "t", name: "s")
      var kept: [CellRange] = []
      for _ in 0..<300 {
        let row = Int.random(in: 0..<Int.random(in: 20..<400, using: &random), using: &random)
        let column = Int.random(in: 0..<10, using: &random)
        let range = CellRange(
          first: CellReference(row: row, column: column),
          last: CellReference(
            row: row + Int.random(in: 0..<4, using: &random), column: column + Int.random(in: 0..<3, using: &random)))
        let overlaps = kept.contains {
          $0.first.row <= range.last.row && range.first.row <= $0.last.row && $0.first.column <= range.last.column
            && range.first.column <= $0.last.column
        }
        let expected = range.first != range.last && !overlaps
        if expected { kept.append(range) }
        #expect(grid.merge(range) == expected)
      }
      #expect(grid.merges == kept)
      indexed = indexed || kept.count > Grid.scannedMerges
      let rebuilt = Grid(file: "t", name: "s", merges: kept)
      #expect(rebuilt == grid)
      var again = rebuilt
      for range in kept {
        let added = again.merge(range)
        #expect(!added, "an area given to init is indexed too")
      }
    }
    #expect(indexed, "past the scanned areas the index is tried too")
  }
}

/// `bytes` with `edits` random edits: a few bytes cut, one of `pieces` inserted, or a byte replaced.
func mutated(_ bytes: [UInt8], edits: Int, _ pieces: [String], _ random: inout SplitMix) -> [UInt8] {
  var mutated = bytes
  for _ in 0..<edits where !mutated.isEmpty {
    let at = Int.random(in: 0..<mutated.count, using: &random)
    switch Int.random(in: 0..<3, using: &random) {
    case 0: mutated.removeSubrange(at..<min(mutated.count, at + 1 + Int.random(in: 0..<8, using: &random)))
    case 1: mutated.insert(contentsOf: Array(pieces[Int.random(in: 0..<pieces.count, using: &random)].utf8), at: at)
    default: mutated[at] = UInt8(truncatingIfNeeded: Int.random(in: 0..<256, using: &random))
    }
  }
  return mutated
}

/// A package's relationships: targets resolved and ids looked up by their fast paths as by their definitions.
@Suite struct PackageRelationshipsFastPathTests {
  @Test func plainTargetsResolveAsStepByStep() {
    let targets = [
      "worksheets/sheet1.xml", "/xl/styles.xml", "../media/a.png", "./a.xml", "a//b", "a/./b", "a/../b", "...", "a/...", ".a",
      "a.",
      "", "/", "a/", "..", ".", "sheet 1.xml", "a/..", "a/.", "..a/b", "表/一.xml",
    ]
    let folders = ["", "xl", "xl/worksheets", "xl/", "/xl", "a/./b", "..", "a//b", "x/.."]
    for target in targets {
      for folder in folders {
        #expect(
          PackageRelationships.resolve(target, from: folder) == PackageRelationships.resolvedStepByStep(target, from: folder),
          "\(target) from \(folder)")
      }
    }
    #expect(PackageRelationships.resolve("worksheets/sheet1.xml", from: "xl") == "xl/worksheets/sheet1.xml")
  }

  @Test func relationshipsAreFoundByIdAsByAScan() throws {
    func rels(_ ids: [String]) -> String {
      let items = ids.enumerated().map {
        #"<Relationship Id="\#($1)" Type="urn:t/worksheet" Target="worksheets/sheet\#($0).xml"/>"#
      }
      return #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"# + items.joined()
        + "</Relationships>"
    }
    var writer = ZipWriter()
    try writer.add("xl/_rels/workbook.xml.rels", Array(rels(["rId1", "rId2", "rId1", "rId10", "rid2", ""]).utf8))
    let archive = try ZipArchive(bytes: try writer.finish(), file: "t.xlsx")
    let relationships = try PackageRelationships(of: "xl/workbook.xml", in: archive)
    #expect(relationships.relationships.count == 6)
    for id in ["rId1", "rId2", "rId10", "rid2", "", "rId3", "RID1"] {
      #expect(relationships.relationship(id: id) == relationships.relationships.first { $0.id == id }, "\(id)")
    }
    #expect(relationships.relationship(id: "rId1")?.target == "xl/worksheets/sheet0.xml")
  }
}

/// `HeaderLookup` finds what its `[String: Value]` finds, whatever the key's form.
@Suite struct HeaderLookupTests {
  static let scalars: [UInt32] = [
    0x61, 0x28, 0x3A, 0x25, 0x20, 0x0A, 0x4E00, 0x6307, 0x6807, 0x6B04, 0x9FA5, 0x4DC0, 0xFF08, 0xFF09, 0xFF05, 0xFF1A, 0xFF9E,
    0xF91D, 0x302A, 0x3000, 0x301, 0x65, 0xE9, 0xAC00, 0x1100, 0x1161, 0x1F600, 0x2000,
  ]

  static func texts(seed: UInt64) -> [String] {
    var random = SplitMix(seed: seed)
    return (0..<4_000).map { _ in
      String(
        String.UnicodeScalarView(
          (0..<Int.random(in: 0...5, using: &random)).map { _ in Unicode.Scalar(scalars.randomElement(using: &random)!)! }))
    }
  }

  /// A plainly composed text is its own composed and decomposed form.
  @Test func aPlainlyComposedTextIsInComposedForm() {
    var plain = 0
    for text in Self.texts(seed: 71) where FormText.isPlainlyComposed(text) {
      plain += 1
      #expect(Array(text.precomposedStringWithCanonicalMapping.utf8) == Array(text.utf8), "\(text.unicodeScalars.map(\.value))")
      #expect(Array(text.decomposedStringWithCanonicalMapping.utf8) == Array(text.utf8), "\(text.unicodeScalars.map(\.value))")
    }
    #expect(plain > 100)
    #expect(FormText.isPlainlyComposed("指标权重(分)") && FormText.isPlainlyComposed("年度预算（万元）："))
    #expect(
      !FormText.isPlainlyComposed("\u{F91D}") && !FormText.isPlainlyComposed("e\u{301}") && !FormText.isPlainlyComposed("é"))
  }

  @Test func aLookupFindsWhatItsDictionaryFinds() {
    let dictionaries: [HeaderLookup<TableField>] = [
      PrintedFormTable.headerFields, PrintedFormTable.fundsFields, PrintedFormTable.sourceFields, PrintedFormTable.goalsFields,
      PrintedFormTable.indicatorFields,
      // Keys not plainly composed: every look-up goes by the string (欄 and its compatibility ideograph are one).
      HeaderLookup(["\u{F91D}": .weight, "分值": .weight, "é": .target]),
      HeaderLookup(["\u{6B04}": .weight, "e\u{301}": .target, "ａ": .actual]),
    ]
    for lookup in dictionaries {
      let probes =
        Array(lookup.byString.keys) + lookup.byString.keys.map { $0 + "：" } + lookup.byString.keys.map { String($0.dropLast()) }
        + Self.texts(seed: 73) + ["\u{F91D}", "\u{6B04}", "é", "e\u{301}", "ａ", "a", "", "分值"]
      for probe in probes {
        #expect(lookup[probe] == lookup.byString[probe], "\(probe.unicodeScalars.map(\.value))")
      }
      for (key, value) in lookup.byString { #expect(lookup[key] == value) }
    }
    #expect(PrintedFormTable.targetPartKeys["度量单位"] == true && PrintedFormTable.targetPartKeys["指标值"] == nil)
  }
}
