import Foundation
import Testing

@testable import Jixiao

/// `BatchRunner.stream` destroys each result on its worker and hands over only the rendered output and the
/// summary's entry (`BatchSummary.Entry`); `run` hands over whole results. These hold the two to each other,
/// and the summary's figures to their definitions on whole results.
@Suite struct BatchStreamTests {
  /// The corpus with its departments respelt: `Café` with `é` as one scalar and as two (canonically
  /// equivalent, different bytes), none, and the name the summary gives a table without one.
  static func respeltInput() throws -> String {
    let corpus = String(
      decoding: try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl")), as: UTF8.self)
    let spellings = [
      #""department":"Caf\#u{E9}""#, #""department":"Cafe\#u{301}""#, #""department":null"#,
      #""department":"（未填主管部门）""#,
    ]
    var lines = corpus.split(separator: "\n").map(String.init)
    for index in lines.indices where index % 2 == 1 {
      lines[index] = lines[index].replacing(
        /"department":"[^"]*"/, with: { _ in spellings[(index / 2) % spellings.count] })
    }
    lines.insert("{not json", at: 5)
    let path = NSTemporaryDirectory() + "jixiao-stream-\(UUID().uuidString).jsonl"
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  static func runner(jobs: Int, chunkSize: Int) -> BatchRunner {
    BatchRunner(
      scorer: Scorer(profile: defaultProfile), jobs: jobs, chunkSize: chunkSize, renderResult: { ResultJSON.line($0) },
      renderRejection: { ResultDocument.rejectionLine($0) })
  }

  @Test func streamWritesWhatRunWritesWithTheSameSummary() throws {
    let path = try Self.respeltInput()
    defer { try? FileManager.default.removeItem(atPath: path) }
    var expected: [UInt8] = []
    let reference = Self.runner(jobs: 1, chunkSize: 256).run(inputs: [path]) { outcome in
      switch outcome {
      case .result(_, let bytes), .rejected(_, let bytes): expected += bytes
      }
    }
    // At 1 job each record is transformed as it is read and its outputs consumed a chunk at a time; with more,
    // a chunk of records is mapped on the workers: the same output and summary for any chunk.
    for (jobs, chunk) in [(1, 256), (1, 3), (1, 1), (2, 256), (2, 3), (3, 1)] {
      var output: [UInt8] = []
      let summary = Self.runner(jobs: jobs, chunkSize: chunk).stream(inputs: [path]) { outcome in
        switch outcome {
        case .result(_, let bytes), .rejected(_, let bytes): output += bytes
        }
      }
      #expect(output == expected, "jobs \(jobs), chunk \(chunk)")
      #expect(SummaryReport.json(summary) == SummaryReport.json(reference), "jobs \(jobs), chunk \(chunk)")
      #expect(SummaryReport.text(summary) == SummaryReport.text(reference), "jobs \(jobs), chunk \(chunk)")
      #expect(summary.countsAddUp && summary.rejectedCount == 1)
    }
  }

  /// Transitions, per department and over-claims as their definition counts them: from whole results,
  /// departments keyed by `String` (canonically equivalent spellings are one department; none is 未填).
  @Test func summaryFiguresAreTheirDefinitionOnWholeResults() throws {
    let path = try Self.respeltInput()
    defer { try? FileManager.default.removeItem(atPath: path) }
    var results: [TableResult] = []
    _ = Self.runner(jobs: 2, chunkSize: 4).run(inputs: [path]) { outcome in
      if case .result(let result, _) = outcome { results.append(result) }
    }
    let summary = Self.runner(jobs: 2, chunkSize: 4).stream(inputs: [path]) { _ in }
    var transitions: [BatchSummary.Transition: Int] = [:]
    var byDepartment: [String: [BatchSummary.Transition: Int]] = [:]
    var overClaimed: [String: Hundredths] = [:]
    for result in results {
      guard let recomputed = result.recomputedGrade else { continue }
      let transition = BatchSummary.Transition(claimed: result.claimedGrade, recomputed: recomputed)
      let department = result.department?.string ?? "（未填主管部门）"
      transitions[transition, default: 0] += 1
      byDepartment[department, default: [:]][transition, default: 0] += 1
      guard let claimed = result.claimedTotal else { continue }
      overClaimed[department, default: .zero] += max(.zero, claimed - result.recomputedTotal)
    }
    #expect(summary.transitions == transitions)
    #expect(summary.transitionsByDepartment == byDepartment)
    #expect(summary.overClaimedByDepartment == overClaimed)
    // The respelt departments are there, once each.
    #expect(byDepartment.keys.filter { $0 == "Caf\u{E9}" }.count == 1)
    #expect(summary.transitionsByDepartment.keys.filter { $0.hasPrefix("Caf") }.count == 1)
    #expect(summary.transitionsByDepartment["（未填主管部门）"] != nil)
  }

  /// An entry answers `isFlagged` and `--fail-on` as the result's findings do.
  @Test func entryAnswersAsTheFindingsDo() throws {
    let path = repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl").path
    var results: [TableResult] = []
    _ = Self.runner(jobs: 1, chunkSize: 256).run(inputs: [path]) { outcome in
      if case .result(let result, _) = outcome { results.append(result) }
    }
    for result in results {
      let entry = BatchSummary.Entry(result)
      #expect(entry.isFlagged == result.isFlagged, "\(result.id)")
      for severity in Severity.allCases {
        #expect(
          entry.hasFinding(atLeast: severity) == result.findings.contains { !($0.severity < severity) },
          "\(result.id) \(severity)")
      }
    }
    #expect(Set(results.map { BatchSummary.Entry($0).mostSevere }).count > 1, "the corpus has tables of different severities")
  }
}
