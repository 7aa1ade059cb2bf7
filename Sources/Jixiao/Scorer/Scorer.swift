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
  /// The profile's qualitative words as bytes, made once for every table this scorer reads.
  private let phrases: QualitativePhrases

  public init(profile: Profile, mode: Mode = .rescore) {
    self.profile = profile
    self.mode = mode
    phrases = QualitativePhrases(profile.vocabulary)
  }

  /// The table is taken, not lent: it moves on into the checks' context instead of being copied there (a copy
  /// retains every one of its texts and lists). A caller that keeps its table passes a copy.
  public func score(_ original: consuming Table) -> TableResult {
    score(original, memo: Memo(profile: profile))
  }

  /// What one worker of a batch remembers from table to table (`TextMemo`): level names' keys and the rules
  /// 赋分规则 texts name, read under one profile. Used by one thread at a time.
  final class Memo {
    let levelKeys: TextMemo<FoldedKey>
    let printedRules: TextMemo<RuleKind?>

    init(profile: Profile) {
      // The readings keep what they read with, not the whole profile.
      let folding = profile.levelFolding
      let keywords = profile.ruleKeywords
      // Each key is handed out in one copy, whichever printing it was read from (`产出指标`, `产出 指标`,
      // `产出指標`), as long as the memo keeps it: a check tells a row's keys from the row before's by
      // identity (`FoldedKey.isIdentical`) and compares bytes only with the profile's.
      let copies = TextMemo<FoldedKey>(absent: .empty) { FoldedKey(folded: $0) }
      levelKeys = TextMemo(absent: .empty) { copies.reading(of: FoldedKey(level: $0, folding: folding).key) }
      printedRules = TextMemo(absent: nil) { RuleSelection.printedRuleSearchingOnce($0, keywords: keywords) }
    }
  }

  /// A table scored with a worker's memo, made for this scorer's profile (`Memo(profile:)`).
  func score(_ original: consuming Table, memo: Memo) -> TableResult {
    if mode == .reviewTargets, !original.isTargetTable { original.isTargetTable = true }
    return score(table: original, memo: memo)
  }

  private func score(table: consuming Table, memo: Memo) -> TableResult {
    var findings: [Finding] = []
    findings.reserveCapacity(32)
    let uncertain = table.uncertainPlaces
    let fundsResult =
      table.isTargetTable
      ? nil : table.funds.map { scoreFunds($0, in: table, isUncertain: uncertain.contains(.funds), findings: &findings) }

    var indicators: [IndicatorResult] = []
    indicators.reserveCapacity(table.indicators.count)
    var verdicts: [Evaluation.Verdict?] = []
    verdicts.reserveCapacity(table.indicators.count)
    let levels = LevelKeys.keys(of: table.indicators, memo: memo.levelKeys)
    var rules = RuleSelection.Chooser(profile: profile, printedRules: memo.printedRules)
    var recomputed = fundsResult?.score ?? .zero
    var unverified = Hundredths.zero
    if let fundsResult, !fundsResult.verified { unverified = unverified + fundsResult.score }
    // The rules' context, made at the first row scored and moved on from row to row.
    var ruleContext: RuleContext?
    for position in table.indicators.indices {
      let indicator = table.indicators[position]
      let claimed = indicator.claimedScore.flatMap { try? $0.rounded() }
      indicators.append(
        IndicatorResult(unverified: indicator, weight: indicator.weight.flatMap { try? $0.rounded() }, claimedScore: claimed))
      // A row without a name cannot be told from the table's other indicators, and a row read without
      // certainty may hold another row's values: each keeps its claim.
      if !table.isTargetTable, let weight = indicator.weight, !weight.isNegative, !indicator.name.isEmpty,
        uncertain.isEmpty || !uncertain.contains(.indicator(indicator.index))
      {
        // The row's level key read only for a row that prints no rule: read from the list, it is retained.
        let choice =
          rules.printedChoice(for: indicator) ?? rules.unprintedChoice(for: indicator, level1: levels[position].level1)
        // The row moved into the rules' context: kept here to the loop's end, it was retained again.
        verdicts.append(
          scoreIndicator(
            consume indicator, weight: weight, choice: choice, table: table, context: &ruleContext,
            into: &indicators[position], findings: &findings))
      } else {
        verdicts.append(nil)
      }
      let score = indicators[position].score
      recomputed = recomputed + score
      if !indicators[position].verified { unverified = unverified + score }
    }

    let claimedTotal = table.claimedTotal.flatMap { try? $0.rounded() }
    let weights = WeightsTotal(table, profile: profile)
    let offScale = table.isTargetTable ? nil : weights.offScale

    let levelWeightKeys =
      table.levelWeights.isEmpty
      ? []
      : table.levelWeights.map {
        LevelKeys(level1: TableText($0.level1), level2: $0.level2.map { TableText($0) }, folding: profile.levelFolding)
      }
    let claimedGrade = table.claimedGrade ?? claimedTotal.map(profile.grade(for:))
    let recomputedGrade = table.isTargetTable || offScale != nil ? nil : profile.grade(for: recomputed)
    let context = CheckContext(
      table: consume table,
      result: ScoredTable(
        funds: fundsResult, indicators: indicators, claimedTotal: claimedTotal, recomputedTotal: recomputed,
        claimedGrade: claimedGrade, recomputedGrade: recomputedGrade, weightsOffScale: offScale),
      verdicts: consume verdicts, levels: consume levels, levelWeightKeys: levelWeightKeys, weights: weights,
      profile: profile)
    if mode == .reviewTargets {
      TableChecks.reviewTargets(context, into: &findings)
    } else {
      TableChecks.rescore(context, into: &findings)
    }
    // The result is made last, where it is returned: made before the checks and returned from a variable, it
    // was copied once more.
    if context.table.overrides.isEmpty {
      return result(of: context, unverifiedPoints: unverified, findings: Self.ordered(consume findings))
    }
    var result = result(of: context, unverifiedPoints: unverified, findings: [])
    findings.append(contentsOf: apply(context.table.overrides, to: &result))
    result.findings = Self.ordered(consume findings)
    return result
  }

  /// A scored table's result: its values from the table and from its scores. The rows' lists are shared with
  /// the context, not copied.
  private func result(of context: CheckContext, unverifiedPoints: Hundredths, findings: [Finding]) -> TableResult {
    let table = context.table
    let scored = context.result
    return TableResult(
      id: table.id, name: table.displayText, department: table.department, year: table.year, kind: table.kind,
      isTargetTable: table.isTargetTable, profileName: profile.name, profileHash: profile.contentHash,
      claimedTotal: scored.claimedTotal, recomputedTotal: scored.recomputedTotal, unverifiedPoints: unverifiedPoints,
      claimedGrade: scored.claimedGrade, recomputedGrade: scored.recomputedGrade, weightsOffScale: scored.weightsOffScale,
      funds: scored.funds, indicators: scored.indicators, findings: findings, location: table.location,
      sourceEncoding: table.sourceEncoding, implementer: table.implementer, columns: table.columns)
  }

  /// The funds row; one with a value read without certainty keeps its claim, unverified.
  private func scoreFunds(_ funds: Funds, in table: Table, isUncertain: Bool, findings: inout [Finding]) -> FundsResult {
    // An unreadable weight is not a missing one: the profile's default would be a guess.
    let weight = table.unreadable(.weight, at: .funds) == nil ? funds.weight ?? profile.defaultFundsWeight : nil
    let unreadable =
      table.unreadableNumbers.isEmpty
      ? [] : Set(NumberField.allCases.filter { table.unreadable($0, at: .funds) != nil })
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

  /// The rule's conclusion on a weighted, named row read with certainty, set in its result; what the checks
  /// read of it returned.
  private func scoreIndicator(
    _ indicator: consuming Indicator, weight: Rational, choice: RuleSelection.Choice, table: Table,
    context: inout RuleContext?, into result: inout IndicatorResult, findings: inout [Finding]
  ) -> Evaluation.Verdict? {
    // The row is moved into the context, not retained again: the caller is done with it.
    if context == nil {
      context = RuleContext(indicator: indicator, choice: choice, weight: weight, profile: profile, tableYear: table.year)
    } else {
      context!.move(to: indicator, choice: choice, weight: weight)
    }
    var evaluation = IndicatorRules.evaluate(&context!, phrases: phrases, findings: &findings)
    if profile.evidenceRequired, table.columns.contains(.evidence), context!.indicator.evidence?.isBlankOrMark ?? true,
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
    return evaluation.verdict(weight: weight)
  }

  /// Funds first, then indicators in table order, then the table; the order of discovery within each.
  /// By definition `orderedBySorting`; a table's findings (indicators numbered from 1, as read) are moved to
  /// their places in the list itself, counted, without comparing or copying findings (`ScoringFastPathTests`).
  static func ordered(_ findings: consuming [Finding]) -> [Finding] {
    var ordered = consume findings
    let placed = ordered.withUnsafeMutableBufferPointer { buffer -> Bool in
      // Places: 0 funds, 1…last indicators, last + 1 the table (-1 until `last` is known). On the stack:
      // a table has a few dozen findings.
      withUnsafeTemporaryAllocation(of: Int.self, capacity: buffer.count) { places -> Bool in
        var last = 0
        for position in buffer.indices {
          switch buffer[position].location {
          case .funds: places[position] = 0
          case .table: places[position] = -1
          case .indicator(let index, _):
            // Positions past a table's rows, or below them, are ordered by the general sort.
            guard index >= 1, index <= 4096 else { return false }
            places[position] = index
            last = Swift.max(last, index)
          }
        }
        // Where each finding goes: after those of the places before its own and of its place found before it.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: last + 3) { starts in
          starts.initialize(repeating: 0)
          for position in places.indices {
            if places[position] < 0 { places[position] = last + 1 }
            starts[places[position] + 1] += 1
          }
          for place in 1..<starts.count { starts[place] += starts[place - 1] }
          for position in places.indices {
            let place = places[position]
            places[position] = starts[place]
            starts[place] += 1
          }
        }
        // Each cycle of the permutation followed by swaps, which move findings without copying them.
        for position in buffer.indices {
          while places[position] != position {
            let destination = places[position]
            buffer.swapAt(position, destination)
            places.swapAt(position, destination)
          }
        }
        return true
      }
    }
    return placed ? ordered : orderedBySorting(ordered)
  }

  /// The definition: a stable sort by place (funds, each indicator by its index, the table).
  static func orderedBySorting(_ findings: [Finding]) -> [Finding] {
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
