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

/// The re-score of one indicator. Its printed texts are read through the `Indicator` it holds (one
/// reference for the row, not a copy of each of its ten texts: a result is made for every row of every
/// table); what scoring concluded is stored beside it. Equality and hashing are by value over every field
/// the result shows (below, stored or read through the row); where the row was read from is not one, as a
/// table's result compares its own place only as `TableResult.location`.
public struct IndicatorResult: Sendable, Hashable {
  /// The row as read: the texts below are its own.
  var indicator: Indicator
  public var weight: Hundredths?
  public var rule: RuleKind?
  /// Unrounded; nil where it has no meaning (graded, unverified).
  public var completion: Rational?
  public var score: Hundredths
  public var claimedScore: Hundredths?
  /// For graded items: the band the actual reads as.
  public var band: Achievement?
  /// The score a deducting profile would give for over-achievement (spec §3), when above the threshold.
  public var whatIfScore: Hundredths?
  public var verified: Bool
  /// The reviewer's score, which replaces `score` in the total; nil when not overridden.
  public var review: ReviewerScore? = nil

  /// A result that keeps the row's claim, unverified: the scorer sets what its rule concludes.
  init(unverified indicator: Indicator, weight: Hundredths?, claimedScore: Hundredths?) {
    self.indicator = indicator
    self.weight = weight
    self.score = claimedScore ?? .zero
    self.claimedScore = claimedScore
    self.verified = false
  }

  /// The row's position in the table (`Indicator.index`).
  public var index: Int {
    get { indicator.index }
    set { indicator.index = newValue }
  }
  /// The name as reports show it (`Indicator.displayText`); set: the row's name.
  public var name: TableText {
    get { indicator.displayText }
    set { indicator.name = newValue }
  }
  public var level1: TableText? {
    get { indicator.level1 }
    set { indicator.level1 = newValue }
  }
  public var level2: TableText? {
    get { indicator.level2 }
    set { indicator.level2 = newValue }
  }
  /// The target as printed (`Indicator.targetText`).
  public var target: TableText? {
    get { indicator.targetText }
    set { indicator.targetText = newValue }
  }
  /// The actual as printed (`Indicator.actualText`).
  public var actual: TableText? {
    get { indicator.actualText }
    set { indicator.actualText = newValue }
  }
  public var claimedCompletion: Rational? {
    get { indicator.claimedCompletion }
    set { indicator.claimedCompletion = newValue }
  }
  /// The printed texts the score does not show, kept so that the 复核 workbook can rebuild the table.
  public var ruleText: TableText? {
    get { indicator.ruleText }
    set { indicator.ruleText = newValue }
  }
  public var basis: TableText? {
    get { indicator.basis }
    set { indicator.basis = newValue }
  }
  public var lastYear: TableText? {
    get { indicator.lastYear }
    set { indicator.lastYear = newValue }
  }
  public var evidence: TableText? {
    get { indicator.evidence }
    set { indicator.evidence = newValue }
  }
  public var explanation: TableText? {
    get { indicator.explanation }
    set { indicator.explanation = newValue }
  }

  /// The score the total counts: the reviewer's, else the engine's.
  public var finalScore: Hundredths { review?.score ?? score }

  public static func == (lhs: IndicatorResult, rhs: IndicatorResult) -> Bool {
    let texts =
      lhs.name == rhs.name && lhs.level1 == rhs.level1 && lhs.level2 == rhs.level2 && lhs.target == rhs.target
      && lhs.actual == rhs.actual && lhs.ruleText == rhs.ruleText && lhs.basis == rhs.basis && lhs.lastYear == rhs.lastYear
      && lhs.evidence == rhs.evidence && lhs.explanation == rhs.explanation
    let figures =
      lhs.index == rhs.index && lhs.weight == rhs.weight && lhs.completion == rhs.completion
      && lhs.claimedCompletion == rhs.claimedCompletion && lhs.score == rhs.score && lhs.claimedScore == rhs.claimedScore
      && lhs.whatIfScore == rhs.whatIfScore
    let conclusions =
      lhs.rule == rhs.rule && lhs.band == rhs.band && lhs.verified == rhs.verified && lhs.review == rhs.review
    return texts && figures && conclusions
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(index)
    hasher.combine(name)
    hasher.combine(level1)
    hasher.combine(level2)
    hasher.combine(weight)
    hasher.combine(target)
    hasher.combine(actual)
    hasher.combine(rule)
    hasher.combine(completion)
    hasher.combine(claimedCompletion)
    hasher.combine(score)
    hasher.combine(claimedScore)
    hasher.combine(band)
    hasher.combine(whatIfScore)
    hasher.combine(verified)
    hasher.combine(ruleText)
    hasher.combine(basis)
    hasher.combine(lastYear)
    hasher.combine(evidence)
    hasher.combine(explanation)
    hasher.combine(review)
  }
}
