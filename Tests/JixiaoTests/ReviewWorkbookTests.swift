import Foundation
import Testing

@testable import Jixiao

/// Whether LibreOffice's soffice is on PATH: the tests that open a workbook in it need it, and skip
/// (saying so) without.
let sofficeIsInstalled: Bool = {
  let found = ChildProcess.find("soffice") != nil
  if !found {
    print("soffice is not installed (apt-get install libreoffice-calc-nogui): the LibreOffice workbook tests are skipped")
  }
  return found
}()

/// Results to write: the corpus's first tables, with a text that looks like a formula, control
/// characters, an `_x…_` literal and a `<`, and one table that over-claims.
func reviewResults() throws -> [TableResult] {
  let records = TableReader.read(
    Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl"))), file: "corpus.jsonl")
  var tables: [Table] = records.prefix(6).compactMap {
    if case .table(let table) = $0 { return table }
    return nil
  }
  tables[0].name = "=HYPERLINK(\"http://x\",\"点我\") <b>&"
  tables[0].indicators[0].explanation = "控制\u{1}字符\u{B}与\r回车 _x0041_ 不是 A"
  tables.append(try table(projectJSON(#"{"name": "次数", "weight": 100, "target": ">=10次", "actual": "5次", "claimedScore": 100}"#)))
  return tables.map { defaultScorer.score($0) }
}

let defaultScorer = Scorer(profile: defaultProfile)

func reviewWorkbook(_ results: [TableResult]) throws -> [UInt8] {
  var summary = BatchSummary()
  for result in results { summary.add(result) }
  return try ReviewWorkbook.bytes(
    results: results, summary: summary,
    metadata: ReviewWorkbook.Metadata(profile: defaultProfile, jixiaoVersion: "test", date: "2026-12-04"))
}

/// The workbook's parts, checked as OOXML without Excel: the package holds together, and every cell is
/// well-formed and in order.
@Suite struct ReviewWorkbookStructureTests {
  func part(_ archive: ZipArchive, _ name: String) throws -> String {
    String(decoding: try archive.contents(named: name), as: UTF8.self)
  }

  /// Every value of `attribute` in the XML, in order.
  func values(of attribute: String, in xml: String) -> [String] {
    xml.components(separatedBy: " \(attribute)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
  }

  @Test func partsHoldTogether() throws {
    let bytes = try reviewWorkbook(try reviewResults())
    let archive = try ZipArchive(bytes: bytes, file: "复核.xlsx")
    let names = Set(archive.entries.map(\.name))
    let types = try part(archive, "[Content_Types].xml")
    for name in names where name.hasSuffix(".xml") && !name.hasPrefix("[") {
      #expect(types.contains(#"PartName="/\#(name)""#), "\(name) has no content type")
    }
    // Every relationship names a part that exists.
    for relationships in names where relationships.hasSuffix(".rels") {
      let base = relationships.replacingOccurrences(of: "_rels/", with: "").replacingOccurrences(of: ".rels", with: "")
      let folder = base.contains("/") ? String(base[..<base.lastIndex(of: "/")!]) + "/" : ""
      for target in values(of: "Target", in: try part(archive, relationships)) {
        #expect(names.contains(folder + target), "\(relationships) → \(target)")
      }
    }
    // Every part is well-formed XML, read to its end.
    for entry in archive.entries {
      var reader = XMLReader(bytes: try archive.contents(of: entry), file: "复核.xlsx", entry: entry.name)
      while try reader.next() != nil {}
    }
    let workbook = try part(archive, "xl/workbook.xml")
    #expect(values(of: "name", in: workbook) == ["汇总", "复核", "发现", "说明"])

    let styles = try part(archive, "xl/styles.xml")
    func count(_ element: String) -> Int {
      Int(styles.components(separatedBy: "<\(element) count=\"")[1].prefix { $0 != "\"" })!
    }
    let cellFormats = count("cellXfs")
    #expect(styles.components(separatedBy: "<xf ").count - 1 == cellFormats + count("cellStyleXfs"))
    #expect(styles.components(separatedBy: "<fill>").count - 1 == count("fills"))
    #expect(styles.components(separatedBy: "<font>").count - 1 == count("fonts"))
    for fill in values(of: "fillId", in: styles) { #expect(Int(fill)! < count("fills")) }
    #expect(styles.contains("FFC7CE"), "the over-claim fill")

    let strings = try part(archive, "xl/sharedStrings.xml")
    let uniqueCount = Int(values(of: "uniqueCount", in: strings)[0])!
    #expect(strings.components(separatedBy: "<si>").count - 1 == uniqueCount)

    for sheet in 1...4 {
      let xml = try part(archive, "xl/worksheets/sheet\(sheet).xml")
      #expect(!xml.contains("<f>") && !xml.contains("<f "), "no formula anywhere")
      for style in values(of: "s", in: xml) { #expect(Int(style)! < cellFormats) }
      // Rows ascending, each row's cells in column order and in that row; shared strings in range.
      var lastRow = 0
      for row in xml.components(separatedBy: "<row r=\"").dropFirst() {
        let number = Int(row.prefix { $0 != "\"" })!
        #expect(number > lastRow)
        lastRow = number
        var lastColumn = -1
        for cell in row.components(separatedBy: "<c r=\"").dropFirst() {
          let reference = CellReference(cell.prefix { $0 != "\"" })!
          #expect(reference.row + 1 == number && reference.column > lastColumn, "sheet\(sheet) \(reference)")
          lastColumn = reference.column
          if cell.contains(#"t="s""#) {
            let index = Int(cell.components(separatedBy: "<v>")[1].prefix { $0 != "<" })!
            #expect(index < uniqueCount)
          }
        }
      }
    }
    let review = try part(archive, "xl/worksheets/sheet2.xml")
    #expect(review.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
  }

  @Test func readsBackAsWritten() throws {
    let results = try reviewResults()
    let workbook = try SpreadsheetReader(bytes: try reviewWorkbook(results), file: "复核.xlsx")
    #expect(workbook.sheets.map(\.name) == ["汇总", "复核", "发现", "说明"])
    let grid = try workbook.grid(of: workbook.sheets[1])
    #expect(grid.rows[0].map(\.text) == ReviewWorkbook.columns)
    let column = { (name: String) in ReviewWorkbook.columns.firstIndex(of: name)! }
    // A name that looks like a formula is text, exactly; numbers are numbers.
    #expect(grid[1, column("项目名称")].kind == .text)
    #expect(grid[1, column("项目名称")].text == #"=HYPERLINK("http://x","点我") <b>&"#)
    #expect(grid[1, column("权重")].kind == .number)
    #expect(grid[1, column("年度")].kind == .number)
    // Control characters and an `_x…_` literal come back as they were.
    let explanations = grid.rows.map { $0.count > column("偏差原因分析及改进措施") ? $0[column("偏差原因分析及改进措施")].text : "" }
    #expect(explanations.contains("控制\u{1}字符\u{B}与\r回车 _x0041_ 不是 A"))
    // One row per indicator plus the funds row, its 资金来源 rows and the total row of each table, and the header.
    let expectedRows = 1 + results.reduce(0) { $0 + $1.indicators.count + ($1.funds.map { 2 + $0.sources.count } ?? 1) }
    #expect(grid.rowCount == expectedRows)
    let findings = try workbook.grid(of: workbook.sheets[2])
    #expect(findings.rowCount == 1 + results.reduce(0) { $0 + $1.findings.count })
    let notes = try workbook.grid(of: workbook.sheets[3])
    #expect(notes[0, 0].text == ReviewWorkbook.marker)
    #expect(notes.rows.contains { $0.first?.text == "方案指纹" && $0[1].text == defaultProfile.contentHash })
  }

  @Test func overClaimedRowsAreFilled() throws {
    let results = try reviewResults()
    let archive = try ZipArchive(bytes: try reviewWorkbook(results), file: "复核.xlsx")
    let styles = try part(archive, "xl/styles.xml")
    let fills = styles.components(separatedBy: "<fill>").dropFirst()
    let overClaimFill = fills.firstIndex { $0.contains("FFC7CE") }! - 1
    let cellFormats = styles.components(separatedBy: "<cellXfs")[1].components(separatedBy: "<xf ").dropFirst()
    let filled = Set(
      cellFormats.enumerated().filter { $0.element.contains(#"fillId="\#(overClaimFill)""#) }.map { String($0.offset) })
    let review = try part(archive, "xl/worksheets/sheet2.xml")
    let rows = review.components(separatedBy: "<row r=\"").dropFirst()
    // The last table claims 100 for an indicator worth 50 (and prints no total): its indicator row is red.
    let last = Array(rows.suffix(2))
    #expect(values(of: "s", in: last[0]).contains { filled.contains($0) })
    #expect(!values(of: "s", in: last[1]).contains { filled.contains($0) })
    // A row without an over-claim is not.
    #expect(!values(of: "s", in: String(rows.first!)).contains { filled.contains($0) })
  }

  @Test func columnsFitChineseText() throws {
    var book = WorkbookWriter()
    book.beginSheet("宽度")
    book.text(0, "abcdef")
    book.text(1, "项目名称项目")
    book.nextRow()
    let archive = try ZipArchive(bytes: try book.finish(), file: "w.xlsx")
    let xml = try part(archive, "xl/worksheets/sheet1.xml")
    #expect(xml.contains(#"<col min="1" max="1" width="8" customWidth="1"/>"#))
    #expect(xml.contains(#"<col min="2" max="2" width="14" customWidth="1"/>"#))
  }

  @Test func storedNumbersAreShortestDecimals() {
    #expect(WorkbookWriter.stored("6.00") == "6")
    #expect(WorkbookWriter.stored("-0.50") == "-0.5")
    #expect(WorkbookWriter.stored("007.10") == "7.1")
    #expect(WorkbookWriter.stored("-0.00") == "0")
    #expect(WorkbookWriter.stored("1e3") == nil)
    #expect(WorkbookWriter.stored("12%") == nil)
    #expect(WorkbookWriter.stored("") == nil)
  }

  @Test func textEncodingIsTheInverseOfDecoding() {
    for text in [
      "", "普通", "\u{0}\u{1}\u{8}\u{B}\u{C}\u{E}\u{1F}", "a\rb\r\nc\td\ne", "_x0041_", "_x005F_x0041_", "_x12_",
      "\u{FFFE}\u{FFFF}", "_x00",
    ] {
      let encoded = OOXMLText.encode(text)
      #expect(!encoded.unicodeScalars.contains { OOXMLText.needsEscape($0) }, "\(text.debugDescription)")
      #expect(OOXMLText.decode(encoded) == text, "\(text.debugDescription) → \(encoded.debugDescription)")
    }
  }
}

/// The workbook opened by LibreOffice itself: a file it would prompt to repair fails to convert.
@Suite struct ReviewWorkbookLibreOfficeTests {
  @Test(.enabled(if: sofficeIsInstalled, "needs LibreOffice (soffice)"))
  func libreOfficeConvertsIt() throws {
    let folder = try ScratchFolder()
    let path = folder.file("复核.xlsx")
    try Data(try reviewWorkbook(try reviewResults())).write(to: URL(fileURLWithPath: path))
    let csv = try LibreOffice.convert(
      path, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2", in: folder)
    let text = String(decoding: csv, as: UTF8.self)
    #expect(text.hasPrefix(ReviewWorkbook.columns.joined(separator: ",")))
    #expect(text.contains(#"=HYPERLINK(""http://x"",""点我"") <b>&"#))
  }

  /// Saved again by LibreOffice (its own shared strings, styles and number formats), the workbook reads back
  /// to the same results: nothing was lost or repaired.
  @Test(.enabled(if: sofficeIsInstalled, "needs LibreOffice (soffice)"))
  func libreOfficeSavesItAgainUnchanged() throws {
    let results = try corpusResults()
    let folder = try ScratchFolder()
    let path = folder.file("复核.xlsx")
    try Data(try reviewWorkbook(results)).write(to: URL(fileURLWithPath: path))
    let saved = try LibreOffice.convert(path, to: "xlsx:Calc MS Excel 2007 XML", in: folder)
    let back = readBack(saved)
    #expect(back.rejected.isEmpty)
    #expect(back.results.map(comparable) == results.map(comparable))
  }
}

/// LibreOffice headless, with a profile folder of its own so that a running instance does not interfere.
enum LibreOffice {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Converts `path` with the filter `target` (`csv:…`, `xlsx`) into `folder`, and returns the converted
  /// file's bytes (for a CSV, its first converted sheet as LibreOffice names it).
  static func convert(_ path: String, to target: String, in folder: ScratchFolder) throws -> [UInt8] {
    let output = folder.file("converted")
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    try run([
      "-env:UserInstallation=file://\(folder.file("profile"))", "--headless", "--convert-to", target, "--outdir", output, path,
    ])
    let made = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
    guard let first = made.first else { throw Failure(description: "soffice converted nothing") }
    return Array(try Data(contentsOf: URL(fileURLWithPath: output + "/" + first)))
  }

  static func run(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ChildProcess.find("soffice")!)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(description: "soffice \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
    }
  }
}

@Suite struct ReviewWorkbookCommandLineTests {
  let commandLine = CommandLineTests()

  @Test func writesTheWorkbookWithOutput() throws {
    let folder = try ScratchFolder()
    let path = folder.file("复核.xlsx")
    let run = try commandLine.jixiao("rescore", commandLine.fixture("004-unit"), "--format", "xlsx", "-o", path)
    #expect(run.status == 0, "\(run.errors)")
    let workbook = try SpreadsheetReader(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
    #expect(workbook.sheets.map(\.name) == ["汇总", "复核", "发现", "说明"])
  }

  /// A terminal gets a usage error naming -o, not the workbook's bytes (`script` gives jixiao one).
  @Test(.enabled(if: ChildProcess.find("script") != nil, "needs script (util-linux) for a terminal"))
  func refusesATerminal() throws {
    let command = "'\(CommandLineTests.executable.path)' rescore '\(commandLine.fixture("004-unit"))' --format xlsx"
    let run = try commandLine.jixiao(["-c", "script -qec \"\(command)\" /dev/null"], bytes: nil, executable: "/bin/sh")
    #expect(run.status == 2)
    #expect(run.output.contains("-o 复核.xlsx"))
    #expect(!run.output.contains("PK"))
  }
}
