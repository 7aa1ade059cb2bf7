/// A check over a scored table: a small type that adds findings to the table's, never prints them. The
/// scorer runs every check of `TableChecks.all`, each appending to one list (a table has a dozen findings
/// from a dozen checks: one list, not one a check).
protocol TableCheck: Sendable {
  /// Target tables (绩效目标表) have no actuals: only structure checks apply to them.
  var appliesToTargetTables: Bool { get }
  /// Appends what the check finds, in the order found.
  func check(_ context: CheckContext, into findings: inout [Finding])
}

extension TableCheck {
  var appliesToTargetTables: Bool { false }

  /// Runs the check when it applies to the table (a target table takes only the structure checks).
  @inline(__always)
  func run(_ context: CheckContext, into findings: inout [Finding]) {
    if !context.table.isTargetTable || appliesToTargetTables { check(context, into: &findings) }
  }

  /// What the check finds on its own.
  func findings(in context: CheckContext) -> [Finding] {
    var findings: [Finding] = []
    check(context, into: &findings)
    return findings
  }
}

/// What the scorer concluded, as the checks read it before the table's result is made: the rows' results and
/// the funds item's (shared with the result: a list and an item to count, not a result's every field), the
/// totals and grades as values.
struct ScoredTable {
  let funds: FundsResult?
  let indicators: [IndicatorResult]
  let claimedTotal: Hundredths?
  let recomputedTotal: Hundredths
  let claimedGrade: Grade?
  let recomputedGrade: Grade?
  let weightsOffScale: Rational?

  init(
    funds: FundsResult?, indicators: [IndicatorResult], claimedTotal: Hundredths?, recomputedTotal: Hundredths,
    claimedGrade: Grade?, recomputedGrade: Grade?, weightsOffScale: Rational?
  ) {
    self.funds = funds
    self.indicators = indicators
    self.claimedTotal = claimedTotal
    self.recomputedTotal = recomputedTotal
    self.claimedGrade = claimedGrade
    self.recomputedGrade = recomputedGrade
    self.weightsOffScale = weightsOffScale
  }

  /// What a result made already shows of the same.
  init(_ result: TableResult) {
    self.init(
      funds: result.funds, indicators: result.indicators, claimedTotal: result.claimedTotal,
      recomputedTotal: result.recomputedTotal, claimedGrade: result.claimedGrade, recomputedGrade: result.recomputedGrade,
      weightsOffScale: result.weightsOffScale)
  }
}

/// What every check reads, made once a table and borrowed by each check in turn: the table, what the scorer
/// concluded, and the facts several checks need, derived once.
struct CheckContext {
  let table: Table
  let result: ScoredTable
  /// Per indicator, what its rule concluded (nil when it had no weight, was not verified, or the table is a
  /// target table).
  let verdicts: [Evaluation.Verdict?]
  /// Per indicator, its level names as compared.
  let levels: [LevelKeys]
  /// Per level printed with its points (`table.levelWeights`), its names as compared.
  let levelWeightKeys: [LevelKeys]
  /// The sum of the weights, computed once for the scorer and `WeightsCheck`.
  let weights: WeightsTotal
  let profile: Profile
  /// The profile's level lists for the table's kind, as keys (`StructureCheck`).
  var levelLists: LevelLists { profile.levelLists(for: table.kind) }
  /// The table prints a 偏差原因 column, a 佐证资料 column (`table.columns`, read once).
  let printsExplanation: Bool
  let printsEvidence: Bool
  /// `profile.scoreTolerance` and `profile.sourcesTolerance`, for differences counted in hundredths.
  let scoreTolerance: HundredthsTolerance
  let sourcesTolerance: HundredthsTolerance

  init(
    table: Table, result: ScoredTable, verdicts: [Evaluation.Verdict?], levels: [LevelKeys], levelWeightKeys: [LevelKeys],
    weights: WeightsTotal, profile: Profile
  ) {
    self.table = table
    self.result = result
    self.verdicts = verdicts
    self.levels = levels
    self.levelWeightKeys = levelWeightKeys
    self.weights = weights
    self.profile = profile
    // One walk over the set's few members, not a hashed lookup a column.
    var printsExplanation = false
    var printsEvidence = false
    for column in table.columns {
      if column == .explanation { printsExplanation = true }
      if column == .evidence { printsEvidence = true }
    }
    self.printsExplanation = printsExplanation
    self.printsEvidence = printsEvidence
    scoreTolerance = HundredthsTolerance(profile.scoreTolerance)
    sourcesTolerance = HundredthsTolerance(profile.sourcesTolerance)
  }

  func location(_ indicator: Indicator) -> FindingLocation {
    .indicator(index: indicator.index, name: indicator.displayText)
  }

  /// Where a reader's note (`UnreadableNumber`, `ReadingNote`) points, and its subject: the field's label,
  /// for a source row's cell with the row's name. Nil for an indicator the table no longer has.
  func location(of place: UnreadableNumber.Place, label: String) -> (location: FindingLocation, subject: FindingSubject)? {
    switch place {
    case .table: return (.table, FindingSubject(label: label))
    case .funds: return (.funds, FindingSubject(label: label))
    case .source(let position):
      let sources = table.funds?.sources ?? []
      let name =
        sources.indices.contains(position - 1) ? sources[position - 1].name.string : TableBuilder.sourceName(position - 1)
      return (.funds, FindingSubject(label: label, source: name))
    case .indicator(let position):
      guard table.indicators.indices.contains(position - 1) else { return nil }
      return (location(table.indicators[position - 1]), FindingSubject(label: label))
    }
  }
}

/// The registry. `all` lists `jixiao rescore`'s checks in the order their findings are found; `rescore`
/// runs the same checks in the same order, each called on its own type rather than through the protocol (a
/// table is checked without boxing a check or its context), and is by definition `all`, each run in turn
/// (`CheckFastPathTests`: the two give the same findings, and name the same checks in the same order).
enum TableChecks {
  static func rescore(_ context: CheckContext, into findings: inout [Finding]) {
    ReadingNoteCheck().run(context, into: &findings)
    UnreadableNumberCheck().run(context, into: &findings)
    ClaimedScoreCheck().run(context, into: &findings)
    CompletionCheck().run(context, into: &findings)
    WeightsCheck().run(context, into: &findings)
    LevelWeightsCheck().run(context, into: &findings)
    DirectionCheck().run(context, into: &findings)
    StructureCheck().run(context, into: &findings)
    DuplicateIndicatorCheck().run(context, into: &findings)
    ExplanationCheck().run(context, into: &findings)
    EvidenceCheck().run(context, into: &findings)
    FundsSourcesCheck().run(context, into: &findings)
    SpendingGapCheck().run(context, into: &findings)
    TotalsCheck().run(context, into: &findings)
  }

  static let all: [any TableCheck] = [
    ReadingNoteCheck(),
    UnreadableNumberCheck(),
    ClaimedScoreCheck(),
    CompletionCheck(),
    WeightsCheck(),
    LevelWeightsCheck(),
    DirectionCheck(),
    StructureCheck(),
    DuplicateIndicatorCheck(),
    ExplanationCheck(),
    EvidenceCheck(),
    FundsSourcesCheck(),
    SpendingGapCheck(),
    TotalsCheck(),
  ]

  /// `all`, each run in turn: the definition of `rescore`.
  static func rescoreInTurn(_ context: CheckContext, into findings: inout [Finding]) {
    for check in all { check.run(context, into: &findings) }
  }

  /// Runs `review` (a rare command: through the protocol).
  static func reviewTargets(_ context: CheckContext, into findings: inout [Finding]) {
    for check in review { check.run(context, into: &findings) }
  }

  /// `jixiao review-targets`: the target side of a table, before the year starts.
  static let review: [any TableCheck] =
    all.filter(\.appliesToTargetTables) + [QualitativeShareCheck(), TargetUnitCheck(), CostBudgetCheck(), LastYearCheck()]
}
