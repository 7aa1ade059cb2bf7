import Foundation
import Testing

@testable import Jixiao

/// A result as compared across a write and a read back: where it was read from aside.
func comparable(_ result: TableResult) -> TableResult {
  var result = result
  result.location = SourceLocation(file: "")
  return result
}

/// The results of a workbook's tables, scored as `jixiao rescore 复核.xlsx` scores them.
func readBack(_ bytes: [UInt8], file: String = "复核.xlsx") -> (results: [TableResult], rejected: [InputError]) {
  var results: [TableResult] = []
  var rejected: [InputError] = []
  for record in TableReader.read(bytes, file: file) {
    switch record {
    case .table(let table): results.append(defaultScorer.score(table))
    case .rejected(let error): rejected.append(error)
    }
  }
  return (results, rejected)
}

/// The corpus, every table.
func corpusResults() throws -> [TableResult] {
  TableReader.read(
    Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl"))), file: "corpus.jsonl"
  ).compactMap {
    if case .table(let table) = $0 { return defaultScorer.score(table) }
    return nil
  }
}

/// A workbook's sheets as values by row and column, edited, then written again with `WorkbookWriter`: the
/// shared strings come out in another order, the styles are lost, as when another program saves it.
struct EditableWorkbook {
  enum Value: Equatable {
    case text(String)
    case number(String)
  }

  var sheets: [(name: String, rows: [[Int: Value]])] = []

  init(_ bytes: [UInt8]) throws {
    let workbook = try SpreadsheetReader(bytes: bytes, file: "复核.xlsx")
    for sheet in workbook.sheets {
      let grid = try workbook.grid(of: sheet)
      let rows = grid.rows.map { row in
        var values: [Int: Value] = [:]
        for cell in row where !cell.isEmpty {
          values[cell.reference.column] = cell.kind == .number ? .number(cell.value!) : .text(cell.text)
        }
        return values
      }
      sheets.append((sheet.name, rows))
    }
  }

  /// The 复核 sheet's rows below the header.
  var reviewRows: [[Int: Value]] {
    get { Array(sheets[1].rows.dropFirst()) }
    set { sheets[1].rows = [sheets[1].rows[0]] + newValue }
  }

  static func column(_ name: String) -> Int { ReviewWorkbook.columns.firstIndex(of: name)! }

  func bytes() throws -> [UInt8] {
    var book = WorkbookWriter()
    for sheet in sheets {
      book.beginSheet(sheet.name)
      for row in sheet.rows {
        for (column, value) in row {
          switch value {
          case .text(let text): book.text(column, text)
          case .number(let number): book.number(column, number)
          }
        }
        book.nextRow()
      }
    }
    return try book.finish()
  }
}

@Suite struct ReviewReadBackTests {
  /// Written and read back without an edit, every table scores as it did: the rows carry the whole table.
  @Test func unchangedWorkbookGivesTheSameResults() throws {
    let results = try corpusResults()
    let back = readBack(try reviewWorkbook(results))
    #expect(back.rejected.isEmpty)
    #expect(back.results.count == results.count)
    for (original, read) in zip(results, back.results) {
      #expect(comparable(read) == comparable(original), "\(original.id)")
    }
  }

  /// Sorted rows, rewritten strings, and the reviewer's columns filled: the tables come back in order, the
  /// valid overrides are applied and the others cost a finding that names the cell.
  @Test func editedWorkbookReadsBackWithTheOverrides() throws {
    let results = try corpusResults()
    var book = try EditableWorkbook(try reviewWorkbook(results))
    let score = EditableWorkbook.column(ReviewWorkbook.overrideColumn)
    let comment = EditableWorkbook.column(ReviewWorkbook.commentColumn)
    let name = EditableWorkbook.column("三级指标")
    let table = EditableWorkbook.column("表序")
    let order = EditableWorkbook.column("行序")
    let level1 = EditableWorkbook.column("一级指标")
    var rows = book.reviewRows
    // Table 1: its first indicator lowered to 0 with a reason; table 2: its first indicator without a
    // reason, its second beyond the weight; table 3: the total row overridden.
    func value(_ cell: EditableWorkbook.Value?) -> String {
      switch cell {
      case .text(let text): text
      case .number(let number): number
      case nil: ""
      }
    }
    let structural = [Worksheet.fundsLevel1, ReviewWorkbook.sourceLabel, Worksheet.totalLabel]
    func row(_ tableNumber: Int, indicator: Int) -> Int {
      let indicators = rows.indices.filter {
        rows[$0][table] == .number("\(tableNumber)") && !structural.contains(value(rows[$0][level1]))
      }
      return indicators.sorted { Int(value(rows[$0][order]))! < Int(value(rows[$1][order]))! }[indicator - 1]
    }
    let lowered = row(1, indicator: 1)
    rows[lowered][score] = .number("0")
    rows[lowered][comment] = .text("佐证资料缺失")
    rows[row(2, indicator: 1)][score] = .number("1")
    rows[row(2, indicator: 2)][score] = .number("999")
    rows[row(2, indicator: 2)][comment] = .text("超出")
    let total = rows.indices.first { rows[$0][table] == .number("3") && rows[$0][level1] == .text(Worksheet.totalLabel) }!
    rows[total][score] = .text("90")
    rows[total][comment] = .text("直接调总分")
    // Sorted by 三级指标, descending: the tables' rows are interleaved.
    rows.sort { value($0[name]) > value($1[name]) }
    book.reviewRows = rows
    let edited = try book.bytes()

    let back = readBack(edited)
    #expect(back.rejected.isEmpty)
    #expect(back.results.count == results.count)
    // Table 1: the reviewer's score, the engine's kept beside it; totals and grade follow.
    let first = back.results[0]
    let item = first.indicators[0]
    #expect(item.score == results[0].indicators[0].score)
    #expect(item.review?.score == .zero && item.review?.comment == "佐证资料缺失")
    let sheetRow = rows.firstIndex { $0[comment] == .text("佐证资料缺失") }! + 2
    #expect(item.review?.cell == "复核!\(CellReference(row: sheetRow - 1, column: score))")
    #expect(first.engineTotal == results[0].recomputedTotal)
    #expect(first.recomputedTotal == results[0].recomputedTotal - results[0].indicators[0].score)
    #expect(first.recomputedGrade == defaultProfile.grade(for: first.recomputedTotal))
    #expect(first.findings.contains { $0.code == .reviewOverride && $0.location.key == "1" })
    // Table 2: nothing applied, two findings naming their cells.
    let second = back.results[1]
    #expect(second.engineTotal == nil && second.recomputedTotal == results[1].recomputedTotal)
    let noReason = try #require(second.findings.first { $0.code == .reviewOverrideNoReason })
    let invalid = try #require(second.findings.first { $0.code == .reviewOverrideInvalid })
    #expect(noReason.location.key == "1" && invalid.location.key == "2")
    #expect(noReason.message.contains("复核!") && invalid.message.contains("999") && invalid.message.contains("复核!"))
    // Table 3: the total row takes no override.
    #expect(back.results[2].findings.contains { $0.code == .reviewOverrideMisplaced && $0.location == .table })
    #expect(back.results[2].recomputedTotal == results[2].recomputedTotal)
    // The other tables are as they were.
    for (original, read) in zip(results, back.results).dropFirst(3) {
      #expect(comparable(read) == comparable(original), "\(original.id)")
    }
    // The summary follows the reviewer's.
    var summary = BatchSummary()
    for result in back.results { summary.add(result) }
    var originalSummary = BatchSummary()
    for result in results { originalSummary.add(result) }
    if results[0].claimedTotal != nil {
      #expect(summary.recomputedPoints == originalSummary.recomputedPoints - results[0].indicators[0].score)
    }

    // Written again, the reviewer's columns hold the overrides, applied or not, and reading that gives the
    // same results (the overrides' cells aside: the rows are in jixiao's order again).
    func decisions(_ results: [TableResult]) -> [String] {
      results.map { result in
        let items = result.indicators.map { "\($0.index):\($0.review.map { "\($0.score) \($0.comment)" } ?? "-")" }
        let findings = result.findings.map(\.key)
        return "\(result.id) \(result.recomputedTotal) \(String(describing: result.engineTotal)) \(items) \(findings)"
      }
    }
    let again = readBack(try reviewWorkbook(back.results))
    #expect(decisions(again.results) == decisions(back.results))
  }

  /// A workbook without jixiao's marker is read for its printed forms; one with the marker but without the
  /// 复核 sheet's columns is refused, saying which.
  @Test func theMarkerAndTheHeaderDecide() throws {
    var book = try EditableWorkbook(try reviewWorkbook(try reviewResults()))
    var withoutColumns = book
    withoutColumns.sheets[1].rows[0][EditableWorkbook.column("行序")] = nil
    let refused = readBack(try withoutColumns.bytes())
    #expect(refused.results.isEmpty)
    #expect(refused.rejected.count == 1 && refused.rejected[0].description.contains("行序"))

    book.sheets[3].rows[0][0] = .text("说明")
    let unmarked = readBack(try book.bytes())
    #expect(!unmarked.results.contains { $0.findings.contains { $0.code == .reviewOverride } })
    #expect(unmarked.rejected.count + unmarked.results.count > 0)

    // Named otherwise, the file is still told by its contents.
    let expected = try reviewResults().count
    let renamed = readBack(try reviewWorkbook(try reviewResults()), file: "year-2024-export")
    #expect(renamed.rejected.isEmpty && renamed.results.count == expected)
  }

  /// A row whose 表序 was overwritten cannot be put back: it is a rejection naming its cell, and the other
  /// rows still read.
  @Test func aRowWithoutItsTableNumberIsRejected() throws {
    var book = try EditableWorkbook(try reviewWorkbook(try reviewResults()))
    var rows = book.reviewRows
    rows[0][EditableWorkbook.column("表序")] = .text("一")
    book.reviewRows = rows
    let expected = try reviewResults().count
    let back = readBack(try book.bytes())
    #expect(back.rejected.count == 1)
    #expect(
      back.rejected.first?.description.contains("复核!\(CellReference(row: 1, column: EditableWorkbook.column("表序")))") == true)
    #expect(back.results.count == expected)
  }

  /// Every output marks an overridden item.
  @Test func everyOutputMarksTheOverride() throws {
    var book = try EditableWorkbook(try reviewWorkbook(try reviewResults()))
    var rows = book.reviewRows
    let structural: [EditableWorkbook.Value?] = [
      .text(Worksheet.fundsLevel1), .text(ReviewWorkbook.sourceLabel), .text(Worksheet.totalLabel),
    ]
    let first = rows.firstIndex { !structural.contains($0[EditableWorkbook.column("一级指标")]) }!
    rows[first][EditableWorkbook.column(ReviewWorkbook.overrideColumn)] = .number("0")
    rows[first][EditableWorkbook.column(ReviewWorkbook.commentColumn)] = .text("核减为零")
    book.reviewRows = rows
    let result = try #require(readBack(try book.bytes()).results.first)
    #expect(result.isOverridden)
    #expect(ResultJSON.encode(result).contains(#""review":{"score":"0.00","comment":"核减为零""#))
    #expect(ResultJSON.encode(result).contains(#""engineTotal""#))
    #expect(TextReport.render(result).contains("→0.00") && TextReport.render(result).contains("含复核调整"))
    #expect(HTMLReport.includes(result, all: false) && HTMLReport.section(result).contains("→0.00"))
    #expect(MarkdownSummary.row(result).contains("含复核调整"))
    #expect(Worksheet.rows(result).contains("[review.override]") && Worksheet.rows(result).contains("含复核调整"))
    let written = try SpreadsheetReader(bytes: try reviewWorkbook([result]), file: "again.xlsx")
    let grid = try written.grid(of: written.sheets[1])
    #expect(
      grid.rows.contains {
        $0.count > EditableWorkbook.column(ReviewWorkbook.commentColumn)
          && $0[EditableWorkbook.column(ReviewWorkbook.commentColumn)].text == "核减为零"
      })
  }
}

/// Whether python3 with openpyxl is installed: the test that edits a workbook as a reviewer would needs it.
let openpyxlIsInstalled: Bool = {
  guard let python = ChildProcess.find("python3") else { return false }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: python)
  process.arguments = ["-c", "import openpyxl"]
  process.standardError = FileHandle.nullDevice
  guard (try? process.run()) != nil else { return false }
  process.waitUntilExit()
  if process.terminationStatus != 0 {
    print("python3 has no openpyxl (apt-get install python3-openpyxl): the workbook editing test is skipped")
  }
  return process.terminationStatus == 0
}()

@Suite struct ReviewEditedInOtherProgramsTests {
  /// Edited with openpyxl (rows sorted, some hidden behind a filter, the reviewer's columns filled, styles
  /// changed: `Fixtures/review/edit-review.py`), then saved again by LibreOffice (its own shared strings
  /// and styles): the workbook still reads back, with the overrides.
  @Test(.enabled(if: openpyxlIsInstalled && sofficeIsInstalled, "needs python3 with openpyxl, and LibreOffice"))
  func editedByOpenpyxlAndSavedByLibreOffice() throws {
    let results = try corpusResults()
    let folder = try ScratchFolder()
    let written = folder.file("复核.xlsx")
    try Data(try reviewWorkbook(results)).write(to: URL(fileURLWithPath: written))
    let edited = folder.file("edited.xlsx")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ChildProcess.find("python3")!)
    process.arguments = [repositoryRoot.appendingPathComponent("Fixtures/review/edit-review.py").path, written, edited]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let saved = try LibreOffice.convert(edited, to: "xlsx:Calc MS Excel 2007 XML", in: folder)

    for (label, bytes) in [("openpyxl", Array(try Data(contentsOf: URL(fileURLWithPath: edited)))), ("LibreOffice", saved)] {
      let back = readBack(bytes)
      #expect(back.rejected.isEmpty, "\(label)")
      #expect(back.results.count == results.count, "\(label)")
      for (offset, (original, read)) in zip(results, back.results).enumerated() {
        #expect(read.id == original.id, "\(label)")
        let first = original.indicators[0]
        var expectedTotal = original.recomputedTotal
        if first.verified, !(first.score < Hundredths(1)) {
          #expect(read.indicators[0].review?.score == first.score - Hundredths(1), "\(label) \(original.id)")
          expectedTotal = expectedTotal - Hundredths(1)
        } else {
          #expect(read.indicators[0].review == nil, "\(label) \(original.id)")
        }
        #expect(read.recomputedTotal == expectedTotal, "\(label) \(original.id)")
        if offset == 0, original.indicators.count > 1 {
          #expect(read.findings.contains { $0.code == .reviewOverrideInvalid && $0.location.key == "2" }, "\(label)")
        }
        // Apart from the reviewer's decisions, the table is the one written.
        var plain = comparable(read)
        plain.findings.removeAll { $0.code.rawValue.hasPrefix("review.") }
        plain.indicators = plain.indicators.map {
          var item = $0
          item.review = nil
          return item
        }
        plain.recomputedTotal = plain.engineTotal ?? plain.recomputedTotal
        plain.recomputedGrade = plain.engineTotal == nil ? plain.recomputedGrade : plain.engineGrade
        plain.unverifiedPoints = original.unverifiedPoints
        plain.engineTotal = nil
        plain.engineGrade = nil
        plain.unappliedOverrides = []
        #expect(plain == comparable(original), "\(label) \(original.id)")
      }
    }
  }
}

@Suite struct ReviewReadBackCommandLineTests {
  let commandLine = CommandLineTests()

  /// The batch path (`RecordReader`, on workers): a workbook written by `--format xlsx`, filled in, and read
  /// back by `jixiao rescore`, the same on one job as on several.
  @Test func rescoreReadsTheFilledWorkbook() throws {
    let folder = try ScratchFolder()
    let written = folder.file("复核.xlsx")
    let corpus = repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl").path
    #expect(try commandLine.jixiao("rescore", corpus, "--format", "xlsx", "-o", written).status == 0)
    var book = try EditableWorkbook(Array(try Data(contentsOf: URL(fileURLWithPath: written))))
    var rows = book.reviewRows
    let structural: [EditableWorkbook.Value?] = [
      .text(Worksheet.fundsLevel1), .text(ReviewWorkbook.sourceLabel), .text(Worksheet.totalLabel),
    ]
    let first = rows.firstIndex { !structural.contains($0[EditableWorkbook.column("一级指标")]) }!
    rows[first][EditableWorkbook.column(ReviewWorkbook.overrideColumn)] = .number("0")
    rows[first][EditableWorkbook.column(ReviewWorkbook.commentColumn)] = .text("核减为零")
    rows.reverse()
    book.reviewRows = rows
    let edited = folder.file("edited.xlsx")
    try Data(try book.bytes()).write(to: URL(fileURLWithPath: edited))

    let one = try commandLine.jixiao("rescore", edited, "--format", "jsonl", "--jobs", "1")
    let two = try commandLine.jixiao("rescore", edited, "--format", "jsonl", "--jobs", "2")
    #expect(one.status == 0 && one.errors.isEmpty, "\(one.errors)")
    #expect(one.output == two.output)
    let lines = one.output.split(separator: "\n")
    #expect(lines.count == (try corpusResults()).count)
    #expect(lines.first?.contains(#""review":{"score":"0.00","comment":"核减为零""#) == true)
    #expect(lines.first?.contains(#""code":"review.override""#) == true)
  }
}

/// The scorer's rules for a reviewer's override, on tables made directly.
@Suite struct ScoreOverrideTests {
  func override(_ place: ScoreOverride.Place, _ text: String, _ comment: String = "理由") -> ScoreOverride {
    ScoreOverride(place: place, scoreText: text, score: Rational(decimalText: Substring(text)), comment: comment, cell: "复核!P2")
  }

  func scored(_ overrides: [ScoreOverride], kind: String = "project") throws -> TableResult {
    var table = try table(
      projectJSON(
        #"{"name": "次数", "weight": 60, "target": ">=10次", "actual": "10次", "claimedScore": 60}"#,
        #"{"name": "质量", "weight": 30, "target": ">=10次", "actual": "大约", "claimedScore": 30}"#,
        funds: #"{"annualBudget": "100", "executed": "100", "weight": 10, "claimedScore": 10}"#,
        extra: #""kind": "\#(kind)", "claimedTotal": 100"#))
    table.overrides = overrides
    return defaultScorer.score(table)
  }

  @Test func bothEndsOfTheRangeAreAccepted() throws {
    let result = try scored([override(.indicator(position: 1), "60"), override(.funds, "0")])
    #expect(result.indicators[0].review?.score == Hundredths(60))
    #expect(result.funds?.review?.score == .zero)
    #expect(result.engineTotal != nil)
    #expect(result.recomputedTotal == (result.engineTotal! - Hundredths(10)))
  }

  @Test func aScoreIsRoundedHalfUpBeforeTheCheck() throws {
    let result = try scored([override(.indicator(position: 1), "59.995")])
    #expect(result.indicators[0].review?.score == Hundredths(60))
    let over = try scored([override(.indicator(position: 1), "60.005")])
    #expect(over.indicators[0].review == nil)
    #expect(over.findings.contains { $0.code == .reviewOverrideInvalid })
    #expect(over.unappliedOverrides.count == 1)
  }

  /// An unverified item the reviewer scores is no longer unverified; the grade follows the new total.
  @Test func anOverriddenUnverifiedItemLeavesTheUnverifiedPoints() throws {
    let engine = try scored([])
    #expect(!engine.indicators[1].verified && engine.unverifiedPoints == Hundredths(30))
    let result = try scored([override(.indicator(position: 2), "0", "无法核实，按 0 分计")])
    #expect(result.unverifiedPoints == .zero)
    #expect(result.recomputedTotal == engine.recomputedTotal - Hundredths(30))
    #expect(result.recomputedGrade == defaultProfile.grade(for: result.recomputedTotal))
    #expect(result.engineGrade == engine.recomputedGrade)
    #expect(result.overClaimed == Hundredths(100) - result.recomputedTotal)
  }

  @Test func aTargetTableTakesNoOverride() throws {
    let result = try scored([override(.indicator(position: 1), "10")], kind: "project-target")
    #expect(result.findings.contains { $0.code == .reviewOverrideMisplaced })
    #expect(result.engineTotal == nil)
  }

  @Test func aCommentAloneIsARemark() throws {
    let result = try scored([override(.indicator(position: 1), "", "看过了")])
    #expect(!result.findings.contains { $0.code.rawValue.hasPrefix("review.") })
    #expect(result.engineTotal == nil && result.unappliedOverrides.isEmpty)
  }
}
