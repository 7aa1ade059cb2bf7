import Foundation
import Testing

@testable import Jixiao

/// `jixiao review-targets` on the seed 003 target tables and on the target side of a self-evaluation.
/// Each expectation is checked by hand in the comment beside it.
@Suite struct TargetReviewTests {
  func review(_ fixture: String) throws -> TableResult {
    let bytes = Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/\(fixture)/table.json")))
    guard case .table(let table) = TableReader.read(bytes, file: "\(fixture).json")[0] else { throw CancellationError() }
    return Scorer(profile: defaultProfile, mode: .reviewTargets).score(table)
  }

  @Test(arguments: [
    // Weights 30+30+30 = 90 (the funds item adds 10); 履职效能 → 质量指标 is a unit template pair.
    ("003-unit-targets", [String]()),
    // 中亚考察 is a 数量指标 with <=1 批次. Cost targets 8 + 30 + 10.12 + 2 = 50.12 = the budget 50.12: not over.
    ("003-surplus-funds-targets", ["target.direction-suspect@1"]),
    // 23 indicators, weights 90, every number with a unit, last year 新增 throughout.
    ("003-aid-xinjiang-investment-targets", []),
    // Cost targets 10 + 8 + 2 = 20 = the budget 20.00; qualitative weight 10 of 90 = 11.11 % ≤ 30 %.
    ("003-commerce-work-funds-targets", []),
    // Self-evaluation of seed 000: >=2次/年 against 2次 last year, >=90% against 90% (twice), >=85% against 85%.
    (
      "000-investment-promotion",
      ["target.below-last-year@14", "target.below-last-year@3", "target.below-last-year@4", "target.below-last-year@6"]
    ),
  ])
  func seedTables(fixture: String, expected: [String]) throws {
    let result = try review(fixture)
    #expect(result.findings.map(\.key).sorted() == expected.sorted())
    #expect(result.recomputedGrade == nil, "nothing is scored")
  }

  /// The scorer takes the table it scores (`Scorer.score` consumes it): a caller that keeps its table passes a
  /// copy, so a review, which marks the table it scores a target table, leaves the caller's as it was.
  @Test func aReviewLeavesTheCallersTableAsItWas() throws {
    let fixture = "000-investment-promotion"
    let bytes = Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/\(fixture)/table.json")))
    guard case .table(let table) = TableReader.read(bytes, file: "\(fixture).json")[0] else { throw CancellationError() }
    let reviewer = Scorer(profile: defaultProfile, mode: .reviewTargets)
    let reviewed = reviewer.score(table)
    #expect(reviewed.isTargetTable && reviewed.recomputedGrade == nil)
    #expect(!table.isTargetTable)
    #expect(reviewer.score(table) == reviewed)
    #expect(Scorer(profile: defaultProfile).score(table).recomputedGrade != nil)
  }

  @Test func reviewFindingsAppearInEveryFormat() throws {
    let result = try review("000-investment-promotion")
    #expect(ResultJSON.encode(result).contains(#""code":"target.below-last-year","severity":"warning","where":"3""#))
    #expect(TextReport.render(result).contains("目标缺乏挑战性"))
    #expect(Worksheet.rows(result).contains("[target.below-last-year]"))
    #expect(MarkdownSummary.row(result).contains("target.below-last-year ×4"))
  }

  @Test func rescoreDoesNotRaiseReviewCodes() throws {
    let bytes = Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/000-investment-promotion/table.json")))
    guard case .table(let table) = TableReader.read(bytes, file: "t.json")[0] else { throw CancellationError() }
    #expect(Scorer(profile: defaultProfile).score(table).findings.isEmpty)
  }
}
