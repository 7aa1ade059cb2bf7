/// The re-score of one table: what the evaluation-format's result section lists.
public struct TableResult: Sendable, Hashable {
  public var id: String
  public var name: TableText
  public var department: TableText?
  public var year: Int?
  public var kind: Table.Kind
  public var isTargetTable: Bool
  public var profileName: String
  public var profileHash: String
  public var claimedTotal: Hundredths?
  public var recomputedTotal: Hundredths
  public var unverifiedPoints: Hundredths
  /// Printed, or derived from the claimed total.
  public var claimedGrade: Grade?
  /// nil for a target table, which is not scored, and when the weights do not add up to 100.
  public var recomputedGrade: Grade?
  /// The sum of the weights (indicators and funds) when it is known and is not 100: the recomputed total is
  /// then not on the 100-point scale, so no grade is derived from it and it is not compared with the claimed
  /// total (docs/rules.md, "Weights that do not add up").
  public var weightsOffScale: Rational? = nil
  public var funds: FundsResult?
  public var indicators: [IndicatorResult]
  public var findings: [Finding]
  public var location: SourceLocation
  /// What the table's file was saved in; anything but UTF-8 was transcoded, and the reports say so.
  public var sourceEncoding: SourceEncoding = .utf8
  /// The 实施单位 and the optional columns the table printed: with the indicators' own texts, what the 复核
  /// workbook writes so that the table can be rebuilt from it (`ReviewWorkbook`).
  public var implementer: TableText? = nil
  public var columns: Set<Indicator.OptionalColumn> = []
  /// The engine's total and grade when a reviewer's score replaced an item's (`ScoreOverride`): the
  /// recomputed total and grade are then the reviewer's. nil when nothing was overridden.
  public var engineTotal: Hundredths? = nil
  public var engineGrade: Grade? = nil

  /// The reviewer's entries that were not applied (each with its finding), kept so that a 复核 workbook
  /// written from this result shows them again where the reviewer wrote them, to be corrected.
  public var unappliedOverrides: [ScoreOverride] = []

  /// Whether a reviewer's score replaced the engine's for some item.
  public var isOverridden: Bool { engineTotal != nil }

  /// A finding at warning or above: what a reviewer must look at (the HTML report gives such a table
  /// its own entry).
  public var isFlagged: Bool { findings.contains { $0.severity != .info } }

  /// Claimed minus recomputed total, when a total was claimed and the weights add up to 100.
  public var overClaimed: Hundredths? {
    guard weightsOffScale == nil else { return nil }
    return claimedTotal.map { $0 - recomputedTotal }
  }
}

public struct FundsResult: Sendable, Hashable {
  /// The printed weight, or the profile's default when none is printed; nil when it could not be read.
  public var weight: Hundredths?
  public var annualBudget: Rational?
  public var executed: Rational?
  /// executed / annual, unrounded; nil when it cannot be computed.
  public var rate: Rational?
  public var claimedRate: Rational?
  public var score: Hundredths
  public var claimedScore: Hundredths?
  public var verified: Bool
  public var initialBudget: Rational? = nil
  /// The 资金来源 rows as printed, kept so that the 复核 workbook can rebuild the table.
  public var sources: [Funds.Source] = []
  /// The reviewer's score, which replaces `score` in the total; nil when not overridden.
  public var review: ReviewerScore? = nil

  /// The score the total counts: the reviewer's, else the engine's.
  public var finalScore: Hundredths { review?.score ?? score }
}

/// A reviewer's decision on one item, read from the 复核 workbook (`ScoreOverride`, checked and applied by
/// the scorer): the score that replaces the engine's, the reason, and the cell it was read from.
public struct ReviewerScore: Sendable, Hashable {
  public var score: Hundredths
  public var comment: String
  /// `复核!R12`.
  public var cell: String

  public init(score: Hundredths, comment: String, cell: String) {
    self.score = score
    self.comment = comment
    self.cell = cell
  }
}

public struct IndicatorResult: Sendable, Hashable {
  public var index: Int
  public var name: TableText
  public var level1: TableText?
  public var level2: TableText?
  public var weight: Hundredths?
  public var target: TableText?
  public var actual: TableText?
  public var rule: RuleKind?
  /// Unrounded; nil where it has no meaning (graded, unverified).
  public var completion: Rational?
  public var claimedCompletion: Rational?
  public var score: Hundredths
  public var claimedScore: Hundredths?
  /// For graded items: the band the actual reads as.
  public var band: Achievement?
  /// The score a deducting profile would give for over-achievement (spec §3), when above the threshold.
  public var whatIfScore: Hundredths?
  public var verified: Bool
  /// The printed texts the score does not show, kept so that the 复核 workbook can rebuild the table.
  public var ruleText: TableText? = nil
  public var basis: TableText? = nil
  public var lastYear: TableText? = nil
  public var evidence: TableText? = nil
  public var explanation: TableText? = nil
  /// The reviewer's score, which replaces `score` in the total; nil when not overridden.
  public var review: ReviewerScore? = nil

  /// The score the total counts: the reviewer's, else the engine's.
  public var finalScore: Hundredths { review?.score ?? score }
}
