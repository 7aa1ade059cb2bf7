import Foundation
import Testing

@testable import Jixiao

/// `Fixtures/corpus.jsonl` holds every fixture, and `Fixtures/README.md` is jixiao's own summary of it.
/// `Fixtures/update.sh` regenerates both; these tests fail when either is stale.
@Suite struct CorpusTests {
  static let corpusPath = repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl")

  func corpusResults() throws -> (results: [TableResult], rejected: [InputError]) {
    let records = TableReader.read(Array(try Data(contentsOf: Self.corpusPath)), file: "Fixtures/corpus.jsonl")
    var results: [TableResult] = []
    var rejected: [InputError] = []
    for record in records {
      switch record {
      case .table(let table): results.append(Scorer(profile: defaultProfile).score(table))
      case .rejected(let error): rejected.append(error)
      }
    }
    return (results, rejected)
  }

  @Test func theCorpusHoldsEveryFixtureAsItIs() throws {
    let lines = String(decoding: try Data(contentsOf: Self.corpusPath), as: UTF8.self).split(separator: "\n")
    #expect(lines.count == GoldenFixtureTests.fixtureNames.count, "one line per fixture; run Fixtures/update.sh")
    for (line, name) in zip(lines, GoldenFixtureTests.fixtureNames) {
      let inCorpus = try JSONParser.parse(Array(line.utf8))
      let file = repositoryRoot.appendingPathComponent("Fixtures/\(name)/table.json")
      let original = try JSONParser.parse(Array(try Data(contentsOf: file)))
      let same = inCorpus == original
      #expect(same, "\(name) differs from its corpus line; run Fixtures/update.sh")
    }
  }

  @Test func theCorpusRescoresToTheExpectedResults() throws {
    let (results, rejected) = try corpusResults()
    #expect(rejected.isEmpty)
    for result in results {
      let expectedFile = repositoryRoot.appendingPathComponent("Fixtures/\(result.id)/expected.json")
      let expected = try Expected(bytes: Array(try Data(contentsOf: expectedFile)))
      #expect(result.recomputedTotal.description == expected.total, "\(result.id)")
      #expect(result.indicators.map(\.score.description) == expected.indicators.map(\.score), "\(result.id)")
      #expect(result.findings.map(\.key).sorted() == expected.findings.sorted(), "\(result.id)")
    }
  }

  @Test func theFixturesReadmeIsJixiaosOwnSummary() throws {
    let (results, rejected) = try corpusResults()
    let rendered = MarkdownSummary.render(results: results, rejected: rejected)
    let committed = String(
      decoding: try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/README.md")), as: UTF8.self)
    #expect(rendered == committed, "Fixtures/README.md is stale; run Fixtures/update.sh")
  }
}
