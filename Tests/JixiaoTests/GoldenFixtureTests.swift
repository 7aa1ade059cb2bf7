import Foundation
import Testing

@testable import Jixiao

/// Every table in Fixtures/ against its hand-checked expected result (the arithmetic is in each
/// fixture's NOTES.md).
@Suite struct GoldenFixtureTests {
  static let fixtureNames: [String] = {
    let directory = repositoryRoot.appendingPathComponent("Fixtures")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter {
      FileManager.default.fileExists(atPath: directory.appendingPathComponent("\($0)/expected.json").path)
    }.sorted()
  }()

  @Test func theIssueTablesAreAllPresent() {
    for required in [
      "004-unit", "004-industry-chain-relocation", "000-investment-promotion", "002-autumn-consumption",
      "002-official-car-rental", "001-unit",
    ] {
      #expect(Self.fixtureNames.contains(required), "\(required)")
    }
  }

  @Test(arguments: fixtureNames)
  func matchesExpected(name: String) throws {
    let folder = repositoryRoot.appendingPathComponent("Fixtures/\(name)")
    let bytes = try Array(Data(contentsOf: folder.appendingPathComponent("table.json")))
    let records = TableReader.read(bytes, file: "Fixtures/\(name)/table.json")
    guard records.count == 1, case .table(let table) = records[0] else {
      Issue.record("\(name): the table must read, got \(records)")
      return
    }
    let result = Scorer(profile: defaultProfile).score(table)
    let expected = try Expected(bytes: Array(Data(contentsOf: folder.appendingPathComponent("expected.json"))))
    expected.expectMatches(result, name)
  }
}

/// The parts of expected.json the golden test compares, read with the engine's own JSON parser.
struct Expected {
  struct Item {
    var index: Int
    var name: String
    var score: String
    var verified: Bool
  }

  var total: String
  var unverified: String
  var grade: String?
  var claimedGrade: String?
  var funds: (score: String, verified: Bool)?
  var indicators: [Item]
  var findings: [String]

  /// The result's figures are the expected ones: totals, grades, funds, each indicator, the finding codes.
  func expectMatches(_ result: TableResult, _ name: String) {
    #expect(result.recomputedTotal.description == total, "\(name) total")
    #expect(result.unverifiedPoints.description == unverified, "\(name) unverified points")
    #expect(result.recomputedGrade?.rawValue == grade, "\(name) grade")
    if let claimedGrade { #expect(result.claimedGrade?.rawValue == claimedGrade, "\(name)") }
    if let funds {
      #expect(result.funds?.score.description == funds.score, "\(name) funds score")
      #expect(result.funds?.verified == funds.verified, "\(name) funds verified")
    }
    #expect(result.indicators.count == indicators.count, "\(name) indicator count")
    for (item, want) in zip(result.indicators, indicators) {
      #expect(item.index == want.index && item.name.string == want.name, "\(name) #\(want.index)")
      #expect(item.score.description == want.score, "\(name) #\(want.index) \(want.name) score")
      #expect(item.verified == want.verified, "\(name) #\(want.index) verified")
    }
    #expect(result.findings.map(\.key).sorted() == findings.sorted(), "\(name) findings")
  }

  init(bytes: [UInt8]) throws {
    guard case .object(let root) = try JSONParser.parse(bytes) else { throw CancellationError() }
    func string(_ object: JSONObject, _ key: String) -> String? {
      switch object[key] {
      case .string(let text): text
      case .number(let text): text
      default: nil
      }
    }
    func bool(_ object: JSONObject, _ key: String) -> Bool {
      if case .bool(let flag) = object[key] { return flag }
      return true
    }
    total = string(root, "recomputedTotal") ?? ""
    unverified = string(root, "unverifiedPoints") ?? "0.00"
    grade = string(root, "recomputedGrade")
    claimedGrade = string(root, "claimedGrade")
    if case .object(let funds) = root["funds"] {
      self.funds = (string(funds, "score") ?? "", bool(funds, "verified"))
    }
    indicators = []
    if case .array(let items) = root["indicators"] {
      for case .object(let item) in items {
        indicators.append(
          Item(
            index: Int(string(item, "index") ?? "") ?? 0, name: string(item, "name") ?? "",
            score: string(item, "score") ?? "", verified: bool(item, "verified")))
      }
    }
    findings = []
    if case .array(let codes) = root["findings"] {
      for case .string(let code) in codes { findings.append(code) }
    }
  }
}
