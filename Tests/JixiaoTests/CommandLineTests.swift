import Foundation
import Testing

/// The `jixiao` executable end to end: exit statuses, hints, and output formats. `swift test` builds
/// the executable beside the test bundle.
@Suite struct CommandLineTests {
  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  static let executable: URL = {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while directory.path != "/" {
      let candidate = directory.appendingPathComponent("jixiao")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        return candidate
      }
      directory = directory.deletingLastPathComponent()
    }
    return repositoryRoot.appendingPathComponent(".build/debug/jixiao")
  }()

  /// This process's environment without the variables that choose jixiao's language (LC_ALL,
  /// LC_MESSAGES, LANG), then `settings`: a run speaks English unless a test asks for Chinese.
  static func environment(_ settings: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] { environment[name] = nil }
    return environment.merging(settings) { $1 }
  }

  /// Runs jixiao from `/tmp`, so that finding `Scoring/` does not depend on the working directory.
  func jixiao(_ arguments: String..., input: String? = nil) throws -> Run {
    try jixiao(arguments, bytes: input.map { Data($0.utf8) })
  }

  /// Runs jixiao (or another `executable`) with `bytes` on its standard input and `environment` added to
  /// `Self.environment()`.
  func jixiao(
    _ arguments: [String], bytes: Data?, environment: [String: String] = [:], executable: String? = nil
  ) throws -> Run {
    let process = Process()
    process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? Self.executable
    process.arguments = arguments
    process.environment = Self.environment(environment)
    process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
    let output = Pipe()
    let errors = Pipe()
    let stdin = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = stdin
    try process.run()
    if let bytes { stdin.fileHandleForWriting.write(bytes) }
    try stdin.fileHandleForWriting.close()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
      errors: String(decoding: errData, as: UTF8.self))
  }

  func fixture(_ name: String) -> String {
    repositoryRoot.appendingPathComponent("Fixtures/\(name)/table.json").path
  }

  @Test func rescoresAFixtureAsAText() throws {
    let run = try jixiao("rescore", fixture("004-unit"))
    #expect(run.status == 0)
    for label in ["指标", "权重", "目标值", "实际值", "完成率", "自评得分", "复核得分", "差额", "说明"] {
      #expect(run.output.contains(label), "\(label)")
    }
    #expect(run.output.contains("自评 76.05 分（中） → 复核 57.41 分（差）"))
    #expect(run.output.contains("多报 24.50 分"))
  }

  @Test func failOnSetsExitStatusOne() throws {
    #expect(try jixiao("rescore", fixture("004-unit"), "--fail-on", "error").status == 1)
    #expect(try jixiao("rescore", fixture("000-investment-promotion"), "--fail-on", "warning").status == 0)
  }

  @Test func usageErrorsExitTwoWithAHint() throws {
    let option = try jixiao("rescore", fixture("004-unit"), "--fromat", "json")
    #expect(option.status == 2)
    #expect(option.errors.contains("did you mean '--format'"))
    let value = try jixiao("rescore", fixture("004-unit"), "--format", "yaml")
    #expect(value.status == 2)
    #expect(value.errors.contains("expected one of: text, json, jsonl, markdown"))
    let command = try jixiao("rescroe")
    #expect(command.status == 2)
    #expect(command.errors.contains("jixiao rescore"))
    let code = try jixiao("explain", "score.overclaimed")
    #expect(code.status == 2)
    #expect(code.errors.contains("score.over-claimed"))
  }

  @Test func unreadableInputExitsThreeAndTheRestIsScored() throws {
    let run = try jixiao("rescore", "/nonexistent/table.json", fixture("001-unit"), "--format", "jsonl")
    #expect(run.status == 3)
    #expect(run.errors.contains("/nonexistent/table.json"))
    #expect(run.output.contains(#""recomputedTotal":"79.14""#))
    #expect(run.output.contains(#""rejected""#))
  }

  @Test func readsStandardInput() throws {
    let table =
      #"{"name": "x", "indicators": [{"name": "a", "weight": 100, "target": ">=5%", "actual": "0.1%", "claimedScore": 100}]}"#
    let run = try jixiao("rescore", "-", "--format", "json", input: table)
    #expect(run.status == 0)
    #expect(run.output.contains(#""recomputedTotal":"2.00""#))
  }

  @Test func standardInputWithAByteOrderMarkAndJSONLinesIsReadAsJSONLines() throws {
    let corpus = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl"), encoding: .utf8)
    let twoLines = corpus.split(separator: "\n").prefix(2).joined(separator: "\n") + "\n"
    let run = try jixiao("rescore", "-", "--format", "jsonl", input: "\u{FEFF}" + twoLines)
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.errors.isEmpty)
    #expect(run.output.split(separator: "\n").count == 2)
  }

  @Test func explainListsAndExplains() throws {
    let list = try jixiao("explain")
    #expect(list.status == 0)
    #expect(
      list.output.split(separator: "\n").count == 45,
      "30 scoring codes of the spec, 6 of jixiao's own, 4 of a reviewer's overrides and 4 target-review codes")
    let one = try jixiao("explain", "deadline.missed")
    #expect(one.output.contains("逾期 41 天"))
  }

  @Test func versionAndHelp() throws {
    #expect(try jixiao("--version").output.hasPrefix("jixiao "))
    #expect(try jixiao("rescore", "--help").output.contains("--fail-on"))
    #expect(try jixiao("explain", "--help").output.contains("USAGE"))
    #expect(try jixiao("rescore", fixture("004-unit"), "--profile", "national-default").status == 0)
    #expect(try jixiao("rescore", fixture("004-unit"), "--profile", "nowhere").status == 2)
  }

  /// `jixiao extract` writes the tables of a workbook to `-o` as JSON that `jixiao rescore` reads; an input
  /// that is no printed form is reported (exit 3), an `-o` naming the input refused (exit 2).
  @Test func extractWritesJSONThatRescoreReads() throws {
    let directory = NSTemporaryDirectory() + "jixiao-extract-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let workbook = repositoryRoot.appendingPathComponent("Fixtures/forms/L1/L1-national.xlsx").path
    let target = directory + "/L1.json"
    let run = try jixiao("extract", workbook, "-o", target)
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.isEmpty, "everything goes to the file")
    let written = try String(contentsOfFile: target, encoding: .utf8)
    #expect(written.contains(#""claimedTotal":"自评表1!H20""#))
    let fromForm = try jixiao("rescore", workbook, "--format", "jsonl")
    let fromJSON = try jixiao("rescore", target, "--format", "jsonl")
    #expect(fromJSON.status == 0)
    func totals(_ output: String) -> [Substring] {
      output.split(separator: "\n").compactMap { line in line.firstMatch(of: #/"recomputedTotal":"[^"]*"/#).map(\.output) }
    }
    #expect(!totals(fromForm.output).isEmpty && totals(fromJSON.output) == totals(fromForm.output))

    let withJSON = try jixiao("extract", workbook, fixture("004-unit"))
    #expect(withJSON.status == 0, "\(withJSON.errors)")
    #expect(withJSON.output.contains(#""id":"L1-national""#) && withJSON.output.contains(#""id":"004-unit""#))
    let missing = try jixiao("extract", workbook, directory + "/nowhere.json")
    #expect(missing.status == 3)
    #expect(missing.errors.contains("nowhere.json"))
    #expect(missing.output.contains(#""id":"L1-national""#), "the workbook's tables are still printed")
    #expect(try jixiao("extract", workbook, "-o", workbook).status == 2)
    #expect(try jixiao("extract", "--bogus", workbook).status == 2)
    #expect(try jixiao("--help").output.contains("jixiao extract FILE"))
    #expect(try jixiao("extract", "--help").output.contains("USAGE: jixiao extract"))
  }

  /// A workbook or a Word document on standard input is told by its contents, without --input-format,
  /// by rescore and extract alike; a legacy .xls or .doc file gets the message such a file gets by name.
  @Test func standardInputIsToldAWorkbookOrADocumentByItsContents() throws {
    let forms = repositoryRoot.appendingPathComponent("Fixtures/forms/L1")
    for name in ["L1-national.xlsx", "L1-national.docx"] {
      let bytes = try Data(contentsOf: forms.appendingPathComponent(name))
      let fromFile = try jixiao("rescore", forms.appendingPathComponent(name).path, "--format", "jsonl")
      let fromInput = try jixiao(["rescore", "-", "--format", "jsonl"], bytes: bytes)
      #expect(fromInput.status == fromFile.status, "\(name): \(fromInput.errors)")
      func totals(_ output: String) -> [Substring] {
        output.split(separator: "\n").compactMap { line in line.firstMatch(of: #/"recomputedTotal":"[^"]*"/#).map(\.output) }
      }
      #expect(!totals(fromFile.output).isEmpty && totals(fromInput.output) == totals(fromFile.output), "\(name)")
      let extracted = try jixiao(["extract", "-"], bytes: bytes)
      #expect(extracted.status == 0, "\(name): \(extracted.errors)")
      #expect(extracted.output.contains(#""source":{"file":"<stdin>""#), "\(name)")
    }
    let legacyWorkbook = Data(DocumentErrorTests.compoundFile("Root Entry", "Workbook"))
    let workbook = try jixiao(["rescore", "-"], bytes: legacyWorkbook)
    #expect(workbook.status == 3)
    #expect(
      workbook.errors.contains("<stdin>: this is a legacy .xls workbook (Excel 97–2003), not an .xlsx"), "\(workbook.errors)")
    let legacyDocument = Data(DocumentErrorTests.compoundFile("Root Entry", "WordDocument", "1Table"))
    let document = try jixiao(["extract", "-"], bytes: legacyDocument)
    #expect(document.status == 3)
    #expect(document.errors.contains("<stdin>: this is a legacy .doc document (Word 97–2003), not a .docx"), "\(document.errors)")
  }

  @Test func outputFileIsWrittenAtomicallyAndIsTheSameForAnyJobs() throws {
    let directory = NSTemporaryDirectory() + "jixiao-cli-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let corpus = repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl").path
    var outputs: [Data] = []
    for jobs in ["1", "2", "3"] {
      let target = directory + "/out-\(jobs).jsonl"
      let run = try jixiao("rescore", corpus, "--format", "jsonl", "--jobs", jobs, "-o", target)
      #expect(run.status == 0)
      #expect(run.output.isEmpty, "everything goes to the file")
      outputs.append(try Data(contentsOf: URL(fileURLWithPath: target)))
    }
    #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty, "no temporary file is left behind")
  }

  @Test func worksheetAndSummaryFormats() throws {
    let corpus = repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl").path
    let csv = try jixiao("rescore", corpus, "--format", "csv")
    #expect(csv.output.hasPrefix("\u{FEFF}表编号,年度,项目名称,主管部门"))
    #expect(csv.output.contains(",'=20次/年,"), "actuals starting with = are neutralised")
    let text = try jixiao("rescore", corpus, "--summary")
    #expect(text.output.contains("读取 30 张表：复核 26 张，目标表 4 张，无法读取 0 张（合计相符）"))
    #expect(text.output.contains("自评＼复核"))
    let json = try jixiao("rescore", corpus, "--format", "json", "--summary")
    #expect(json.output.contains(#""summary":{"tablesRead":30"#))
    #expect(try jixiao("rescore", corpus, "--jobs", "0").status == 2)
  }

  @Test func csvInputFromStandardInput() throws {
    let csv = "项目名称,三级指标,权重,目标值,业绩值,指标得分\n甲,次数,100,>=10次,5次,100\n"
    let run = try jixiao("rescore", "-", "--input-format", "csv", "--format", "jsonl", input: csv)
    #expect(run.status == 0)
    #expect(run.output.contains(#""recomputedTotal":"50.00""#))
  }

  @Test func reviewTargetsAndProfileCommands() throws {
    let review = try jixiao("review-targets", fixture("003-surplus-funds-targets"), "--fail-on", "warning")
    #expect(review.status == 1)
    #expect(review.output.contains("target.direction-suspect"))
    let list = try jixiao("profile", "list")
    #expect(list.output.contains("provincial-80-70-60"))
    let show = try jixiao("profile", "show", "late-30-percent")
    #expect(show.output.contains(#""latePenalty": "0.3""#))
    let bad = NSTemporaryDirectory() + "jixiao-bad-\(UUID().uuidString).json"
    try #"{"schema": 1, "extends": "national-default", "name": "bad", "grades": [{"grade": "甲", "minimum": "90"}]}"#.write(
      toFile: bad, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: bad) }
    let check = try jixiao("profile", "check", bad)
    #expect(check.status == 3)
    #expect(check.errors.contains("grades[1].grade") && check.errors.contains("expected 优, 良, 中 or 差"))
  }

  @Test func htmlReportIsWrittenToAFile() throws {
    let target = NSTemporaryDirectory() + "jixiao-report-\(UUID().uuidString).html"
    defer { try? FileManager.default.removeItem(atPath: target) }
    let corpus = repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl").path
    let run = try jixiao("rescore", corpus, "--format", "html", "--report-all", "-o", target)
    #expect(run.status == 0)
    let html = try String(contentsOfFile: target, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
    #expect(html.components(separatedBy: "<details class=\"table-detail\"").count == 31, "30 table sections")
  }

  @Test func progressGoesToStandardErrorWhenAsked() throws {
    let corpus = repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl").path
    let run = try jixiao("rescore", corpus, "--format", "jsonl", "--progress")
    #expect(run.errors.contains("30 tables read"))
    let chinese = try jixiao(["rescore", corpus, "--format", "jsonl", "--progress", "--lang", "zh"], bytes: nil)
    #expect(chinese.errors.contains("已处理 30 张表"))

    #expect(run.output.split(separator: "\n").count == 30, "progress never mixes into the results")
    #expect(try jixiao("rescore", corpus, "--format", "jsonl").errors.isEmpty, "quiet when standard error is not a terminal")
  }
}
