import Foundation
import Testing

@testable import Jixiao

/// The PDF reader's child process and its refusals, and the assembly of positioned words into a grid
/// (synthetic words: these run without poppler).
@Suite struct PDFReaderTests {
  /// A PDF of one empty page: what a scanned PDF gives pdftotext (pages, no words).
  static let pageWithoutText: [UInt8] = {
    var pdf = "%PDF-1.4\n"
    var offsets: [Int] = []
    for object in [
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ] {
      offsets.append(pdf.utf8.count)
      pdf += "\(offsets.count) 0 obj\n\(object)\nendobj\n"
    }
    let start = pdf.utf8.count
    pdf += "xref\n0 4\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
    pdf += "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n\(start)\n%%EOF\n"
    return Array(pdf.utf8)
  }()

  @Test func aPDFIsToldByItsSignatureAndItsName() {
    #expect(PDFReader.isPDF(Array("%PDF-1.7\n".utf8)))
    #expect(PDFReader.isPDF(Array("\r\n%PDF-1.4".utf8)))
    #expect(!PDFReader.isPDF(Array("{\"id\": 1}".utf8)))
    #expect(TableReader.sniff(Self.pageWithoutText) == .pdf)
    #expect(TableReader.format(forPath: "决算.PDF") == .pdf)
    #expect(InputFormat.pdf.holdsPrintedForms)
  }

  @Test func aHelperIsFoundOnlyInAbsolutePathDirectories() {
    #expect(ChildProcess.find("sh", path: "/nonexistent:relative/bin::/bin:/usr/bin") != nil)
    #expect(ChildProcess.find("sh", path: "relative:/nonexistent") == nil)
    #expect(ChildProcess.find("pdftotext", path: "") == nil)
  }

  @Test func withoutPdftotextAPDFIsRefusedNamingThePackage() {
    #expect(PDFReader.message(for: .notFound("pdftotext")).english.contains("apt-get install poppler-utils"))
    #expect(PDFReader.message(for: .notFound("pdftotext")).english.contains("brew install poppler"))
  }

  @Test(.enabled(if: pdftotextIsInstalled, "needs pdftotext (poppler-utils)"))
  func aPDFWithoutATextLayerIsReportedAsScanned() {
    #expect(throws: InputError.self) { try PDFReader.read(bytes: Self.pageWithoutText, file: "scan.pdf") }
    do {
      _ = try PDFReader.read(bytes: Self.pageWithoutText, file: "scan.pdf")
    } catch {
      #expect(error.description.contains("no text layer: a scanned PDF needs OCR first"))
    }
  }

  @Test(.enabled(if: pdftotextIsInstalled, "needs pdftotext (poppler-utils)"))
  func aDamagedPDFIsRefusedWithPdftotextsReason() {
    let records = TableReader.read(Array("%PDF-1.4\nnot a pdf at all".utf8), file: "broken.pdf")
    guard case .rejected(let error)? = records.first, records.count == 1 else {
      Issue.record("expected one rejection, got \(records)")
      return
    }
    #expect(error.description.contains("pdftotext could not read the PDF") || error.description.contains("no pages"))
  }

  @Test(.enabled(if: pdftotextIsInstalled, "needs pdftotext (poppler-utils)"))
  func everyValueOfAPDFSaysItsPageAndPosition() throws {
    let path = "Fixtures/pdf/forms/L10-percent-weights.pdf"
    let bytes = try Array(Data(contentsOf: repositoryRoot.appendingPathComponent(path)))
    let extractions = TableReader.extract(bytes, file: path)
    guard case .table(let extracted)? = extractions.first else {
      Issue.record("\(extractions)")
      return
    }
    #expect(!extracted.values.isEmpty)
    for value in extracted.values {
      #expect(value.location.field?.hasPrefix("第 1 页 (x ") == true, "\(value)")
    }
  }
}

/// The assembly of positioned words (a PDF's points) into the grid the form locator reads.
@Suite struct PositionedTextAssemblerTests {
  /// A word of 10-point text (boxes 13 points tall, as pdftotext gives them) at a column's left edge and a
  /// line's top.
  static func word(_ text: String, x: Double, y: Double, page: Int = 1) -> PositionedWord {
    PositionedWord(page: page, left: x, top: y, right: x + 10 * Double(text.count), bottom: y + 13, text: text)
  }

  static func grid(_ words: [PositionedWord]) -> Grid {
    let grids = PositionedTextAssembler(units: .points).grids(
      PositionedText(words: words, pageCount: 2), file: "t.pdf", name: "t")
    #expect(grids.count == 1)
    return grids[0]
  }

  static func texts(_ grid: Grid) -> [[String]] {
    grid.rows.map { row in row.map(\.text) }
  }

  /// An indicator block: header, three rows at a 15-point pitch, a level-1 label centred on all three.
  static let block: [PositionedWord] = [
    word("一级指标", x: 50, y: 100), word("三级指标", x: 150, y: 100), word("分值", x: 300, y: 100), word("得分", x: 360, y: 100),
    word("甲", x: 150, y: 115), word("10", x: 300, y: 115), word("9", x: 360, y: 115),
    word("产出指标", x: 50, y: 130), word("乙", x: 150, y: 130), word("20", x: 300, y: 130), word("20", x: 360, y: 130),
    word("丙", x: 150, y: 145), word("30", x: 300, y: 145), word("30", x: 360, y: 145),
  ]

  @Test func aMergedLevelGoesToTheFirstOfTheRowsItIsCentredOn() {
    let grid = Self.grid(Self.block)
    #expect(
      Self.texts(grid).map { $0.filter { !$0.isEmpty } } == [
        ["一级指标", "三级指标", "分值", "得分"], ["产出指标", "甲", "10", "9"], ["乙", "20", "20"], ["丙", "30", "30"],
      ])
    #expect(
      grid.mergedRange(containing: CellReference(row: 3, column: 0))
        == CellRange(first: CellReference(row: 1, column: 0), last: CellReference(row: 3, column: 0)))
    #expect(grid[1, 0].origin?.field == "第 1 页 (x 50, y 130)")
    #expect(grid.rows.joined().allSatisfy { $0.doubt == nil })
  }

  @Test func wrappedLinesAtTheFontsPitchAreOneCell() {
    // 三级指标 wraps its name over two lines 11.6 points apart; the next row is 15 points below.
    let words = Self.block.filter { $0.text != "乙" } + [Self.word("乙丙丁戊", x: 150, y: 124), Self.word("己庚", x: 150, y: 135.6)]
    let grid = Self.grid(words)
    #expect(grid[2, 1].text == "乙丙丁戊己庚")
    #expect(grid[3, 1].text == "丙")
  }

  @Test func textReachingAcrossTwoColumnsIsKeptWithADoubt() {
    let words = Self.block.filter { $0.text != "9" } + [Self.word("九分", x: 330, y: 115)]
    let grid = Self.grid(words)
    let cell = grid.rows[1].first { $0.text == "九分" }
    #expect(cell?.doubt != nil)
  }

  @Test func aPageNumberAndAHeaderPrintedAgainOnTheNextPageAreDropped() {
    var words = Self.block
    words.append(Self.word("- 1 -", x: 200, y: 800))
    words += [
      Self.word("一级指标", x: 50, y: 40, page: 2), Self.word("三级指标", x: 150, y: 40, page: 2),
      Self.word("分值", x: 300, y: 40, page: 2),
      Self.word("得分", x: 360, y: 40, page: 2), Self.word("丁", x: 150, y: 55, page: 2), Self.word("40", x: 300, y: 55, page: 2),
      Self.word("40", x: 360, y: 55, page: 2), Self.word("2", x: 200, y: 800, page: 2),
    ]
    let grid = Self.grid(words)
    let texts = Self.texts(grid).map { $0.filter { !$0.isEmpty } }
    #expect(texts.count == 5)
    #expect(texts.last == ["丁", "40", "40"])
    #expect(!texts.joined().contains("- 1 -") && !texts.joined().contains("2"))
  }

  @Test func theFormLocatorReadsTheAssembledBlock() {
    var words = Self.block
    words.insert(Self.word("项目支出绩效自评表", x: 120, y: 60), at: 0)
    words.append(Self.word("总分", x: 150, y: 160))
    words.append(Self.word("60", x: 300, y: 160))
    words.append(Self.word("59", x: 360, y: 160))
    let records = TableReader.readForms(grids: [Self.grid(words)], file: "t.pdf")
    guard case .table(let table)? = records.first else {
      Issue.record("\(records)")
      return
    }
    #expect(table.indicators.map(\.name) == ["甲", "乙", "丙"])
    #expect(table.indicators.map(\.level1) == ["产出指标", "产出指标", "产出指标"])
    #expect(table.claimedTotal == Rational(59))
  }
}

/// `jixiao` itself, without pdftotext on PATH.
@Suite struct PDFCommandLineTests {
  @Test func withoutPdftotextRescoreNamesThePackageToInstall() throws {
    let process = Process()
    process.executableURL = CommandLineTests.executable
    process.arguments = ["rescore", repositoryRoot.appendingPathComponent("Fixtures/pdf/forms/L10-percent-weights.pdf").path]
    process.environment = ["PATH": "/nonexistent"]
    let errors = Pipe()
    process.standardOutput = Pipe()
    process.standardError = errors
    try process.run()
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus != 0)
    #expect(text.contains("pdftotext, which is not installed"), "\(text)")
    #expect(text.contains("apt-get install poppler-utils"), "\(text)")
  }
}
