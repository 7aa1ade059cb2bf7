import Foundation
import Testing

@testable import Jixiao

/// Issue 17 item 10: a workbook's sheets are read and their forms located on the workers (`LocatedSheets`),
/// a window at a time; the forms are numbered, matched with the sheets without a form and handed on in tab
/// order, so a batch gives the same records, ids and findings for any number of jobs.
@Suite struct SheetsOnWorkersTests {
  /// More sheets than one window of 3 jobs (24), in every kind a workbook holds: a form a sheet (each
  /// project named after its sheet), two forms on one sheet, sheets of instructions before the first form
  /// and between forms, a blank sheet, a hidden list of choices, a hidden template's blank form.
  static let sheets: [(name: String, csv: String, hidden: Bool)] = {
    func form(_ name: String) -> String {
      ExampleWorkbook.form.replacingOccurrences(of: "示例项目", with: "项目\(name)")
    }
    var sheets: [(name: String, csv: String, hidden: Bool)] = [("封面", "2023年度绩效自评材料", false)]
    for number in 1...60 {
      let name = "表\(number)"
      switch number % 12 {
      case 3: sheets.append((name, form(name) + "\n\n" + form(name + "乙"), false))
      case 5: sheets.append((name, "填表说明：金额单位为万元", false))
      case 7: sheets.append((name, "", false))
      case 8: sheets.append((name, "优\n良", true))
      case 10: sheets.append((name, "项目支出绩效自评表\n项目名称,\n一级指标,二级指标,三级指标,分值", true))
      default: sheets.append((name, form(name), false))
      }
    }
    return sheets
  }()

  static func write(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "jixiao-sheets-\(UUID().uuidString).xlsx"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// The batch's output lines for `path`, results and rejections, in the order they are handed on.
  static func run(_ path: String, jobs: Int, chunkSize: Int) -> (lines: [String], summary: BatchSummary) {
    var lines: [String] = []
    let runner = BatchRunner(
      scorer: Scorer(profile: defaultProfile), jobs: jobs, chunkSize: chunkSize,
      renderResult: { ResultJSON.line($0) }, renderRejection: { ResultDocument.rejectionLine($0) })
    let summary = runner.run(inputs: [path]) { outcome in
      switch outcome {
      case .result(_, let bytes), .rejected(_, let bytes): lines.append(String(decoding: bytes, as: UTF8.self))
      }
    }
    return (lines, summary)
  }

  @Test func theBatchGivesTheSameOutputForAnyJobs() throws {
    let path = try Self.write(ExampleWorkbook.bytes(sheets: Self.sheets))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (reference, summary) = Self.run(path, jobs: 1, chunkSize: 256)
    // 60 sheets: 4 a dozen hold no filed form, 1 holds two: 9 tables a dozen.
    #expect(summary.tablesRead == 45 && summary.rejectedCount == 0)
    let joined = reference.joined()
    #expect(joined.contains("工作表“表5”中没有找到自评表或绩效目标表") && joined.contains("工作表“封面”中没有找到"))
    for (jobs, chunk) in [(2, 256), (2, 3), (3, 1), (4, 7), (8, 5)] {
      #expect(Self.run(path, jobs: jobs, chunkSize: chunk).lines == reference, "jobs \(jobs), chunk \(chunk)")
    }
  }

  /// The default ids number the forms across the workbook in tab order, whichever worker located them.
  @Test func formsAreNumberedAcrossTheWorkbookInTabOrder() throws {
    let bytes = ExampleWorkbook.bytes(sheets: Self.sheets)
    let workbook = try SpreadsheetReader(bytes: bytes, file: "year.xlsx")
    for jobs in [1, 2, 3] {
      var located = LocatedSheets(of: workbook, locator: FormLocator(), jobs: jobs)
      var collector = FormCollector()
      var tables: [PrintedFormTable] = []
      while let sheet = located.next() { tables += collector.number(try sheet.get().forms) }
      #expect(tables.map(\.defaultID) == ["year"] + (2...45).map { "year#\($0)" }, "jobs \(jobs)")
      let names = tables.map { $0.form.sheet }
      let expected = Self.sheets.filter { !$0.hidden && $0.csv.contains("三级指标") }.flatMap {
        $0.csv.contains("乙") ? [$0.name, $0.name] : [$0.name]
      }
      #expect(names == expected, "jobs \(jobs)")
    }
  }

  /// A sheet that cannot be read stops the reading there, for any number of jobs: the tables of every sheet
  /// before it (the last one too), then the rejection naming the sheet, and nothing of the sheets after it,
  /// which a worker of its window may have read already.
  @Test func aBrokenSheetStopsTheReadingInOrder() throws {
    let fine = ExampleWorkbook.bytes(sheets: Self.sheets)
    let archive = try ZipArchive(bytes: fine, file: "year.xlsx")
    var writer = ZipWriter()
    // 表31 is the 32nd sheet: the last of the second window at 2 jobs (16 sheets), the eighth of it at 3 (24).
    for entry in archive.entries {
      let broken = entry.name == "xl/worksheets/sheet32.xml"
      try writer.add(entry.name, broken ? Array("<worksheet><sheetData><row>".utf8) : try archive.contents(of: entry))
    }
    let path = try Self.write(try writer.finish())
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (reference, summary) = Self.run(path, jobs: 1, chunkSize: 256)
    let tablesBefore = Self.sheets[1..<31].reduce(0) { count, sheet in
      count + (sheet.hidden || !sheet.csv.contains("三级指标") ? 0 : sheet.csv.contains("乙") ? 2 : 1)
    }
    #expect(summary.tablesRead == tablesBefore + 1, "the tables of the sheets before 表31, then its rejection")
    #expect(summary.rejectedCount == 1)
    #expect(reference.last?.contains("表31 (xl/worksheets/sheet32.xml)") == true, "\(reference.last ?? "")")
    #expect(reference.dropLast().last?.contains("项目表30") == true, "the last table before the broken sheet is kept")
    for (jobs, chunk) in [(2, 256), (3, 4), (5, 1)] {
      #expect(Self.run(path, jobs: jobs, chunkSize: chunk).lines == reference, "jobs \(jobs), chunk \(chunk)")
    }
  }
}

/// A relationship is found by its id through an index (a workbook of 1,000 sheets looks up 1,000 ids): the
/// one a search from the start finds, the first of a repeated id, none for an id not listed.
@Suite struct PackageRelationshipIndexTests {
  @Test func anIDFindsTheRelationshipASearchFinds() throws {
    let type = WorkbookErrorTests.type
    var listed = (1...40).map { #"<Relationship Id="rId\#($0)" Type="\#(type)worksheet" Target="worksheets/sheet\#($0).xml"/>"# }
    listed.insert(#"<Relationship Id="rId7" Type="\#(type)worksheet" Target="worksheets/again.xml"/>"#, at: 30)
    listed.append(#"<Relationship Id="r\#u{0065}\#u{0301}" Type="\#(type)styles" Target="styles.xml"/>"#)
    let archive = try ZipArchive(
      bytes: storedZip([
        (
          "xl/_rels/workbook.xml.rels",
          #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(listed.joined())</Relationships>"#
        )
      ]), file: "t.xlsx")
    let relationships = try PackageRelationships(of: "xl/workbook.xml", in: archive)
    #expect(relationships.relationships.count == 42)
    for id in relationships.relationships.map(\.id) + ["rId0", "rId41", "", "r\u{E9}"] {
      #expect(relationships.relationship(id: id) == relationships.relationships.first { $0.id == id }, "\(id)")
    }
    #expect(relationships.relationship(id: "rId7")?.target == "xl/worksheets/sheet7.xml")
    #expect(relationships.relationship(id: "r\u{E9}")?.target == "xl/styles.xml", "ids compare as Swift strings do")
  }
}

/// A relationship's target resolved against its part's folder: a plain target below a plain folder is the
/// two joined, exactly what resolving segment by segment gives, for random paths of slashes, dots, escapes
/// and combining marks.
@Suite struct RelationshipTargetTests {
  @Test func plainPathsResolveAsStepByStep() {
    var random = SplitMix(seed: 3986)
    let pieces = ["a", "sheet1.xml", "/", "/", ".", "..", "%20", "%", "\u{301}", "é", "x"]
    func path() -> String {
      (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }
    var plain = 0
    for _ in 0..<3000 {
      let (target, folder) = (path(), path())
      if PackageRelationships.isPlainPath(target.utf8) && PackageRelationships.isPlainPath(folder.utf8) { plain += 1 }
      #expect(
        PackageRelationships.resolve(target, from: folder) == PackageRelationships.resolvedStepByStep(target, from: folder),
        "\(target) from \(folder)")
    }
    #expect(plain > 300, "the shortcut is taken often enough to be tested")
    #expect(PackageRelationships.resolve("worksheets/sheet12.xml", from: "xl") == "xl/worksheets/sheet12.xml")
    #expect(PackageRelationships.resolve("sheet1.xml", from: "") == "sheet1.xml")
  }
}
