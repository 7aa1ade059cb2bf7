import Foundation
import Testing

@testable import Jixiao

/// The malformed-input corpus (Tests/Malformed, written by make-cases.py): every case runs through the
/// batch path the CLI uses, and must end exactly as MANIFEST.jsonl says: so many tables scored, each
/// rejection with its line, field and message, the findings raised. Nothing crashes, nothing is lost.
@Suite struct MalformedInputTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var file: String
    var tables: Int
    var rejected: [(contains: String, line: Int?, field: String?)]
    var findings: [String]
    /// Findings that must not be raised.
    var absent: [String]
    var note: String
    var testDescription: String { "\(file): \(note)" }
  }

  static let directory = repositoryRoot.appendingPathComponent("Tests/Malformed")

  static let cases: [Case] = {
    guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("MANIFEST.jsonl").path) else {
      return []
    }
    return manifestObjects(Array(data)).compactMap { object -> Case? in
      func text(_ value: JSONValue?) -> String? {
        if case .string(let text) = value { return text }
        return nil
      }
      func int(_ value: JSONValue?) -> Int? {
        if case .number(let literal) = value { return Int(literal) }
        return nil
      }
      var rejected: [(String, Int?, String?)] = []
      if case .array(let items) = object["rejected"] {
        for case .object(let item) in items {
          rejected.append((text(item["contains"]) ?? "", int(item["line"]), text(item["field"])))
        }
      }
      func texts(_ key: String) -> [String] {
        if case .array(let items) = object[key] { return items.compactMap(text) }
        return []
      }
      return Case(
        file: text(object["file"]) ?? "", tables: int(object["tables"]) ?? 0, rejected: rejected, findings: texts("findings"),
        absent: texts("absent"), note: text(object["note"]) ?? "")
    }
  }()

  @Test func theCorpusHasAtLeastSixtyCases() {
    #expect(Self.cases.count >= 60)
  }

  @Test(arguments: cases)
  func endsAsTheManifestSays(_ testCase: Case) {
    let path = Self.directory.appendingPathComponent(testCase.file).path
    var results: [TableResult] = []
    var rejections: [InputError] = []
    let summary = BatchRunner(scorer: Scorer(profile: defaultProfile), jobs: 2, chunkSize: 2).run(inputs: [path]) { outcome in
      switch outcome {
      case .result(let result, _): results.append(result)
      case .rejected(let error, _): rejections.append(error)
      }
    }
    #expect(summary.countsAddUp)
    #expect(results.count == testCase.tables, "tables scored")
    #expect(rejections.count == testCase.rejected.count, "rejections: \(rejections.map(\.description))")
    for (error, expected) in zip(rejections, testCase.rejected) {
      #expect(error.message.english.contains(expected.contains), "\(error)")
      #expect(error.location.file == path)
      if let line = expected.line { #expect(error.location.line == line, "\(error)") }
      if let field = expected.field { #expect(error.location.field == field, "\(error)") }
    }
    let raised = Set(results.flatMap { $0.findings.map(\.key) })
    for finding in testCase.findings { #expect(raised.contains(finding), "\(finding) in \(raised.sorted())") }
    for finding in testCase.absent { #expect(!raised.contains(finding), "\(finding) not in \(raised.sorted())") }
  }

  // Cases too large to commit, generated here.

  func runGenerated(_ bytes: [UInt8], name: String) throws -> ([TableResult], [InputError]) {
    let path = NSTemporaryDirectory() + "jixiao-\(UUID().uuidString)-\(name)"
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
    defer { try? FileManager.default.removeItem(atPath: path) }
    var results: [TableResult] = []
    var rejections: [InputError] = []
    _ = BatchRunner(scorer: Scorer(profile: defaultProfile), jobs: 2).run(inputs: [path]) { outcome in
      switch outcome {
      case .result(let result, _): results.append(result)
      case .rejected(let error, _): rejections.append(error)
      }
    }
    return (results, rejections)
  }

  static let goodLine = #"{"name": "好表", "indicators": [{"name": "次数", "weight": 100, "target": ">=5次", "actual": "5次"}]}"#

  @Test func aFiftyMegabyteLineIsRefusedAndTheLinesAroundItAreScored() throws {
    var bytes = Array((Self.goodLine + "\n").utf8)
    bytes += Array(#"{"name": ""#.utf8) + Array(repeating: UInt8(ascii: "a"), count: 50 << 20) + Array("\"}\n".utf8)
    bytes += Array((Self.goodLine + "\n").utf8)
    let (results, rejections) = try runGenerated(bytes, name: "long.jsonl")
    #expect(results.count == 2)
    #expect(rejections.count == 1)
    #expect(rejections.first?.location.line == 2)
    #expect(rejections.first?.message.english.contains("longer than 8 MiB") == true)
  }

  @Test func tenThousandIndicatorsAreRefusedWithTheLimitNamed() throws {
    let indicator = #"{"name": "次数", "weight": 0.01, "target": ">=5次", "actual": "5次"}"#
    let many = #"{"name": "大表", "indicators": ["# + Array(repeating: indicator, count: 10_000).joined(separator: ",") + "]}"
    let (results, rejections) = try runGenerated(Array((many + "\n" + Self.goodLine + "\n").utf8), name: "many.jsonl")
    #expect(results.count == 1)
    #expect(rejections.first?.message.english.contains("at most \(Limits.maximumIndicators)") == true)
    #expect(rejections.first?.location.field == "indicators")
  }

  @Test func fiveThousandIndicatorsAreScored() throws {
    let indicator = #"{"name": "次数", "weight": 0.02, "target": ">=5次", "actual": "5次", "claimedScore": 0.02}"#
    let table =
      #"{"name": "大表", "indicators": ["# + Array(repeating: indicator, count: Limits.maximumIndicators).joined(separator: ",")
      + "]}"
    let (results, rejections) = try runGenerated(Array(table.utf8), name: "limit.json")
    #expect(rejections.isEmpty)
    #expect(results.first?.recomputedTotal == "100.00")
    #expect(results.first?.findings.filter { $0.code == .duplicateIndicator }.count == Limits.maximumIndicators - 1)
  }

  @Test func deepNestingOnALineIsRefused() throws {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let (results, rejections) = try runGenerated(Array((deep + "\n" + Self.goodLine + "\n").utf8), name: "deep.jsonl")
    #expect(results.count == 1)
    #expect(rejections.first?.message.english.contains("nesting deeper") == true)
  }
}

/// Reads a JSON Lines manifest into objects (test support).
private func manifestObjects(_ bytes: [UInt8]) -> [JSONObject] {
  bytes.split(separator: UInt8(ascii: "\n")).compactMap { line in
    if case .object(let object) = try? JSONParser.parse(line) { return object }
    return nil
  }
}
