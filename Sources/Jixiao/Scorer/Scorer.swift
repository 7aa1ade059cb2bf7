/// Re-scores tables under one profile. A pure function of the table and the profile: the same input
/// always gives the same result, so batches may score in any order and on any number of cores.
public struct Scorer: Sendable {
  public enum Mode: Sendable {
    /// Re-score a self-evaluation (a target table is structure-checked only).
    case rescore
    /// Review the targets of any table, as before the year starts: nothing is scored.
    case reviewTargets
  }

  public let profile: Profile
  public let mode: Mode

  public init(profile: Profile, mode: Mode = .rescore) {
    self.profile = profile
    self.mode = mode
  }

  public func score(_ original: Table) -> TableResult {
    var table = original
    if mode == .reviewTargets { table.isTargetTable = true }
    var findings: [Finding] = []
    findings.reserveCapacity(16)
    let uncertain = table.uncertainPlaces
    let fundsResult =
      table.isTargetTable
      ? nil : table.funds.map { scoreFunds($0, in: table, isUncertain: uncertain.contains(.funds), findings: &findings) }

    var indicators: [IndicatorResult] = []
    indicators.reserveCapacity(table.indicators.count)
    var evaluations: [Evaluation?] = []
    evaluations.reserveCapacity(table.indicators.count)
    let levels = LevelKeys.keys(of: table.indicators, folding: profile.levelFolding)
    var rules = RuleSelection.Chooser(profile: profile)
    for (indicator, levelKeys) in zip(table.indicators, levels) {
      let (result, evaluation) = scoreIndicator(
        indicator, levels: levelKeys, table: table, isUncertain: uncertain.contains(.indicator(indicator.index)), rules: &rules)
      indicators.append(result)
      evaluations.append(evaluation)
      if let evaluation { findings.append(contentsOf: evaluation.findings) }
    }

    var recomputed = fundsResult?.score ?? .zero
    var unverified = Hundredths.zero
    if let fundsResult, !fundsResult.verified { unverified = unverified + fundsResult.score }
    for item in indicators {
      recomputed = recomputed + item.score
      if !item.verified { unverified = unverified + item.score }
    }

    let claimedTotal = table.claimedTotal.flatMap { try? $0.rounded() }
    let weights = WeightsTotal(table, profile: profile)
    let offScale = table.isTargetTable ? nil : weights.offScale
    var result = TableResult(
      id: table.id, name: table.displayText, department: table.department, year: table.year, kind: table.kind,
      isTargetTable: table.isTargetTable, profileName: profile.name, profileHash: profile.contentHash,
      claimedTotal: claimedTotal, recomputedTotal: recomputed, unverifiedPoints: unverified,
      claimedGrade: table.claimedGrade ?? claimedTotal.map(profile.grade(for:)),
      recomputedGrade: table.isTargetTable || offScale != nil ? nil : profile.grade(for: recomputed), weightsOffScale: offScale,
      funds: fundsResult, indicators: indicators, findings: [], location: table.location,
      sourceEncoding: table.sourceEncoding, implementer: table.implementer, columns: table.columns)

    let levelWeightKeys = table.levelWeights.map {
      LevelKeys(level1: TableText($0.level1), level2: $0.level2.map { TableText($0) }, folding: profile.levelFolding)
    }
    let context = CheckContext(
      table: table, result: result, evaluations: evaluations, levels: levels, levelWeightKeys: levelWeightKeys,
      weights: weights, profile: profile)
    let checks = mode == .reviewTargets ? TableChecks.review : TableChecks.all
    for check in checks where !table.isTargetTable || check.appliesToTargetTables {
      findings.append(contentsOf: check.findings(in: context))
    }
    if !table.overrides.isEmpty { findings.append(contentsOf: apply(table.overrides, to: &result)) }
    result.findings = Self.ordered(findings)
    return result
  }

  /// The funds row; one with a value read without certainty keeps its claim, unverified.
  private func scoreFunds(_ funds: Funds, in table: Table, isUncertain: Bool, findings: inout [Finding]) -> FundsResult {
    // An unreadable weight is not a missing one: the profile's default would be a guess.
    let weight = table.unreadable(.weight, at: .funds) == nil ? funds.weight ?? profile.defaultFundsWeight : nil
    let unreadable = Set(NumberField.allCases.filter { table.unreadable($0, at: .funds) != nil })
    let claimed = funds.claimedScore.flatMap { try? $0.rounded() }
    let outcome: BudgetExecutionRule.Outcome
    do {
      outcome = try BudgetExecutionRule.evaluate(funds, weight: weight, unreadable: unreadable, profile: profile)
    } catch {
      outcome = .init(findings: [Finding(.fundsAmountsOutOfRange, at: .funds)])
    }
    if !isUncertain { findings.append(contentsOf: outcome.findings) }
    let score = isUncertain ? nil : outcome.score.flatMap { try? $0.rounded() }
    return FundsResult(
      weight: weight.flatMap { try? $0.rounded() }, annualBudget: funds.annualBudget, executed: funds.executed,
      rate: outcome.rate, claimedRate: funds.claimedRate, score: score ?? claimed ?? .zero, claimedScore: claimed,
      verified: score != nil, initialBudget: funds.initialBudget, sources: funds.sources)
  }

  private func scoreIndicator(
    _ indicator: Indicator, levels: LevelKeys, table: Table, isUncertain: Bool, rules: inout RuleSelection.Chooser
  ) -> (IndicatorResult, Evaluation?) {
    let claimed = indicator.claimedScore.flatMap { try? $0.rounded() }
    var result = IndicatorResult(
      index: indicator.index, name: indicator.displayText, level1: indicator.level1, level2: indicator.level2,
      weight: indicator.weight.flatMap { try? $0.rounded() }, target: indicator.targetText,
      actual: indicator.actualText, rule: nil, completion: nil, claimedCompletion: indicator.claimedCompletion,
      score: claimed ?? .zero, claimedScore: claimed, band: nil, whatIfScore: nil, verified: false,
      ruleText: indicator.ruleText, basis: indicator.basis, lastYear: indicator.lastYear, evidence: indicator.evidence,
      explanation: indicator.explanation)
    // A row without a name cannot be told from the table's other indicators, and a row read without
    // certainty may hold another row's values: each keeps its claim.
    guard !table.isTargetTable, !isUncertain, let weight = indicator.weight, !weight.isNegative, !indicator.name.isEmpty
    else {
      return (result, nil)
    }

    let context = RuleContext(
      indicator: indicator, levels: levels, choice: rules.choice(for: indicator, level1: levels.level1), weight: weight,
      profile: profile, tableYear: table.year)
    var evaluation = IndicatorRules.evaluate(context)
    if profile.evidenceRequired, table.columns.contains(.evidence), indicator.evidence?.isBlankOrMark ?? true,
      evaluation.score != nil
    {
      evaluation.score = .zero
    }
    result.rule = evaluation.rule
    result.completion = evaluation.completion
    result.band = evaluation.band
    result.whatIfScore = evaluation.whatIf.flatMap { try? $0.rounded() }
    if let score = evaluation.score, let rounded = try? score.rounded() {
      result.score = rounded
      result.verified = true
    }
    return (result, evaluation)
  }

  /// Funds first, then indicators in table order, then the table; the order of discovery within each.
  static func ordered(_ findings: [Finding]) -> [Finding] {
    func rank(_ location: FindingLocation) -> Int {
      switch location {
      case .funds: 0
      case .indicator(let index, _): index
      case .table: Int.max
      }
    }
    // Ranks computed once and positions sorted, so that the sort compares integers, not findings.
    let ranks = findings.map { rank($0.location) }
    return ranks.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }.map { findings[$0] }
  }
}
