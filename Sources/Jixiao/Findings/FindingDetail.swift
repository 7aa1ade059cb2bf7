/// What a finding found, as values: one case per message shape, its figures and texts labelled. A case
/// decides its code (`code`), so a check cannot pair a code with figures of another one; the Chinese text
/// is made from the case in one place, `FindingDetail.message` (FindingMessages.swift), when a writer asks.
///
/// Cases, not one case per code: a code raised in several situations (`cell.unparseable` has a dozen)
/// says something different in each, and a case per situation keeps each one's arguments exactly those its
/// sentence needs. The few shapes shared by two codes carry what chooses between them (the sign of a score
/// difference, a number's refusal). Numbers are kept exact (`Rational`, `Hundredths`) and formatted by the
/// renderer; texts from the table are kept as printed.
///
/// A case whose values take more than two words (a text is two, a `Rational` four) is `indirect`: a
/// finding stays a few words long to copy and order, and the frequent small ones (`explanation.missing`)
/// are not allocated.
public enum FindingDetail: Sendable, Hashable {
  // MARK: score.over-claimed, score.under-claimed (which one: the sign of `difference`)

  /// An indicator's claim against its re-score. `difference` is claimed − re-score, beyond the tolerance.
  indirect case indicatorClaim(
    target: TableText?, actual: TableText?, completion: Rational?, band: Achievement?, rule: RuleKind?, score: Hundredths,
    claimed: Rational, difference: Rational)
  /// The funds item's claim against its re-score.
  indirect case fundsClaim(rate: Rational?, score: Hundredths, claimed: Rational, difference: Rational)

  // MARK: totals and grades

  indirect case totalOverClaimed(claimed: Rational, recomputed: Hundredths, difference: Rational)
  indirect case totalArithmetic(claimed: Rational, itemSum: Rational, difference: Rational)
  case gradeInflated(claimed: Grade, recomputedTotal: Hundredths, recomputed: Grade)
  case gradeMismatch(claimedTotal: Hundredths, expected: Grade, printed: Grade)

  // MARK: weights

  /// `weights.missing`: the claim the row keeps, if it has one.
  indirect case weightMissing(claimedScore: Rational?)
  /// `weights.zero`.
  case weightZero
  /// `weights.zero` for a negative weight.
  indirect case weightNegative(weight: Rational)
  /// `weights.sum` of a target table, which may leave the funds item's points out.
  indirect case targetTableWeightsSum(sum: Rational, fundsWeight: Rational)
  /// `weights.sum` of a scored table: its indicators' weights, and the funds item's when it has one.
  indirect case weightsSum(indicators: Rational, funds: Rational?, sum: Rational)
  /// `weights.level-sum`: a level printed with its points (`level2` nil: the level 1's).
  indirect case levelWeightsSum(level1: String, level2: String?, points: Rational, indicators: Int, sum: Rational)

  // MARK: structure

  case missingLevel1(levels: [String])
  /// `allowed`: the level 2 names the profile lists under `level1`.
  indirect case misplacedLevel2(level1: String, level2: String, allowed: Set<String>)
  /// `first`: the position of the earlier indicator of the same name.
  case duplicateIndicator(first: Int)

  // MARK: targets and rules

  indirect case costTargetRaises(target: String, comparison: Comparison)
  indirect case quantityTargetLowers(target: String, comparison: Comparison)
  indirect case targetTooLow(
    target: String, actual: String, completion: Rational, threshold: Rational, whatIfScore: Rational,
    deducted: Bool)
  indirect case strictBoundary(target: String, actual: String, bound: StrictBound)
  indirect case completionMismatch(claimed: Rational, target: String?, actual: String?, computed: Rational)
  /// `score`: what the rule gives, late.
  indirect case deadlineMissed(deadline: Deadline, actual: Deadline, year: Int, score: Rational)
  indirect case proportionalRuleOnQualitative(rule: String, target: String)
  indirect case gradedRuleOnQuantity(rule: String, target: String)
  indirect case unitScaleConverted(actual: String, unit: Unit, converted: Rational, target: String)
  indirect case unitIncompatible(target: String, targetUnit: Unit, actual: String, actualUnit: Unit)
  /// `value`: the number scored, without its comparison.
  indirect case actualRestatesTarget(actual: String, comparison: Comparison, value: Rational)
  case qualitativeUnclassified(actual: String)

  // MARK: cell.unparseable, of a target or an actual

  case targetEmpty
  /// `reason` as the cell grammar says it.
  indirect case targetUnreadable(target: String, reason: String)
  case actualEmpty(target: String)
  case actualEmptyForDeadline(target: String)
  case actualEmptyForQualitative(target: String)
  indirect case actualUnreadable(actual: String, reason: String)
  indirect case actualNotNumber(target: String, actual: String)
  indirect case actualNotDate(target: String, actual: String)
  case deadlineWithoutYear
  case actualConversionOutOfRange(actual: String)

  // MARK: what the reader could not take as printed

  /// `cell.unparseable` or `number.out-of-range` (by the refusal); `keptClaim` is the claim an item left
  /// unverified keeps.
  indirect case unreadableNumber(UnreadableNumber, subject: FindingSubject, keptClaim: Rational?)
  /// `cell.unparseable` of a text field, which is read as not printed.
  indirect case unreadableText(UnreadText, subject: FindingSubject, field: TableField?)
  indirect case tableNameMissing(found: UnreadText?)
  indirect case indicatorNameMissing(found: UnreadText?, keptClaim: Rational?)
  indirect case targetIndicatorNameMissing(found: UnreadText?)
  indirect case columnIgnored(header: String, column: String, inFundsBlock: Bool)
  indirect case unplacedCellIgnored(cell: String, text: String)
  indirect case fundsBlockCellIgnored(cell: String, text: String)
  indirect case structuralCellIgnored(row: ReadingNote.StructuralRow, header: String, text: String)
  indirect case fundsBlockUnread(label: String, cell: String)
  /// `reason` as the document reader says it.
  indirect case cellUncertain(subject: FindingSubject, reason: String, place: UnreadableNumber.Place)
  case sheetHidden(name: String)
  indirect case sheetWithoutForm(name: String, cell: String, text: String)

  // MARK: numbers beyond exact computation

  case indicatorOutOfRange
  case fundsAmountsOutOfRange
  /// A sum or difference of the table's numbers that cannot be held exactly: what was not checked.
  indirect case notComputable(UncomputedFigure)

  // MARK: funds

  /// `annualBudget`: the printed budget (0 or negative), nil when missing.
  indirect case fundsNoBudget(annualBudget: Rational?)
  case executedMissing
  indirect case fundsOverExecuted(executed: Rational, annualBudget: Rational, rate: Rational)
  indirect case fundsRateMismatch(claimed: Rational, executed: Rational, annualBudget: Rational, rate: Rational)
  case fundsSourcesMismatch([SourcesColumnMismatch])
  indirect case spendingGap(rate: Rational, share: Rational, claimed: Rational, weights: Rational)

  // MARK: explanation and evidence

  case explanationMissing(overAchieved: Bool)
  case evidenceMissing(requiredByProfile: Bool)

  // MARK: target review

  indirect case qualitativeShare(qualitative: Rational, total: Rational, share: Rational, maximum: Rational, names: [String])
  case targetWithoutUnit(target: String)
  indirect case costOverBudget(costs: Int, sum: Rational, budget: Rational, excess: Rational, unit: Unit)
  indirect case belowLastYear(target: String, lastYear: String)

  // MARK: review.*: a reviewer's 复核调整得分, read back from a 复核 workbook (`cell` names it: `复核!P5`)

  /// `review.override`: applied, the engine's score kept beside the reviewer's.
  indirect case reviewOverride(engineScore: Hundredths, score: Hundredths, cell: String, comment: String)
  /// `review.override-invalid`: not a number (`weight` given) or outside 0…`weight`; `weight` nil when the
  /// item has no weight to check the range against.
  indirect case reviewOverrideInvalid(scoreText: String, cell: String, weight: Hundredths?, isNumber: Bool)
  /// `review.override-no-reason`: a score without a 复核意见.
  indirect case reviewOverrideNoReason(score: Hundredths, cell: String)
  /// `review.override-misplaced`: written on a row that takes no score.
  indirect case reviewOverrideMisplaced(scoreText: String, cell: String, row: UnscoredRow)

  /// A row of the 复核 sheet that takes no 复核调整得分, and why.
  public enum UnscoredRow: Sendable, Hashable {
    /// The funds row of a table without a scored funds item.
    case noScoredFunds
    /// An indicator row of a 绩效目标表, which is not scored.
    case targetTable
    /// An indicator row the table has no indicator for.
    case noIndicator
    case fundsSource
    case total
  }

  /// Which side of a strict target (`>`, `<`) an actual equal to it falls short of.
  public enum StrictBound: Sendable, Hashable {
    case above, below
  }

  /// A text field the reader could not take: a value of another kind, or a text too long.
  public enum UnreadText: Sendable, Hashable {
    /// `field` decides what was expected (a year, a grade, a kind, or text).
    case unreadable(text: String, field: TableField?)
    case tooLong(characters: Int)

    /// The note's problem, when it is one of these.
    init?(_ problem: ReadingNote.Problem, field: TableField?) {
      switch problem {
      case .unreadable(let text): self = .unreadable(text: text, field: field)
      case .tooLong(let characters): self = .tooLong(characters: characters)
      default: return nil
      }
    }
  }

  /// A column of the funds sources whose rows do not add up to the total row.
  public struct SourcesColumnMismatch: Sendable, Hashable {
    public var field: NumberField
    public var sum: Rational
    public var total: Rational

    public init(field: NumberField, sum: Rational, total: Rational) {
      self.field = field
      self.sum = sum
      self.total = total
    }
  }

  /// The figure of `number.out-of-range` that could not be computed, which names the check not made.
  public enum UncomputedFigure: Sendable, Hashable {
    case claimedScoreDifference
    case totalDifference
    case claimedItemSum
    /// The weights' sum for `weights.sum`, with the funds item's points or not.
    case weightsSum(withFunds: Bool)
    case levelWeightsSum(level1: String, level2: String?)
    case costTargetConversion(target: String, unit: Unit)
    case costTargetSum
    case sourcesColumn(NumberField)
    case spendingGapSums
    case qualitativeShareSums
    case completionDifference
    case fundsRateDifference
  }

  /// The code the finding is reported under.
  public var code: FindingCode {
    switch self {
    case .indicatorClaim(_, _, _, _, _, _, _, let difference), .fundsClaim(_, _, _, let difference):
      difference.isNegative ? .scoreUnderClaimed : .scoreOverClaimed
    case .totalOverClaimed: .totalOverClaimed
    case .totalArithmetic: .totalArithmetic
    case .gradeInflated: .gradeInflated
    case .gradeMismatch: .gradeMismatch
    case .weightMissing: .weightsMissing
    case .weightZero, .weightNegative: .weightsZero
    case .targetTableWeightsSum, .weightsSum: .weightsSum
    case .levelWeightsSum: .levelWeightsSum
    case .missingLevel1: .missingLevel1
    case .misplacedLevel2: .misplacedLevel2
    case .duplicateIndicator: .duplicateIndicator
    case .costTargetRaises, .quantityTargetLowers: .directionSuspect
    case .targetTooLow: .targetTooLow
    case .strictBoundary: .strictBoundary
    case .completionMismatch: .completionMismatch
    case .deadlineMissed: .deadlineMissed
    case .proportionalRuleOnQualitative, .gradedRuleOnQuantity: .ruleMismatch
    case .unitScaleConverted: .unitScaleConverted
    case .unitIncompatible: .unitIncompatible
    case .actualRestatesTarget: .actualRestatesTarget
    case .qualitativeUnclassified: .qualitativeUnclassified
    case .targetEmpty, .targetUnreadable, .actualEmpty, .actualEmptyForDeadline, .actualEmptyForQualitative,
      .actualUnreadable, .actualNotNumber, .actualNotDate, .deadlineWithoutYear, .actualConversionOutOfRange,
      .unreadableText, .unplacedCellIgnored, .fundsBlockCellIgnored, .structuralCellIgnored, .fundsBlockUnread,
      .executedMissing:
      .cellUnparseable
    case .unreadableNumber(let cell, _, _): cell.refusal == .form ? .cellUnparseable : .numberOutOfRange
    case .tableNameMissing, .indicatorNameMissing, .targetIndicatorNameMissing: .nameMissing
    case .columnIgnored: .columnIgnored
    case .cellUncertain: .cellUncertain
    case .sheetHidden: .sheetHidden
    case .sheetWithoutForm: .sheetNoForm
    case .indicatorOutOfRange, .fundsAmountsOutOfRange, .notComputable: .numberOutOfRange
    case .fundsNoBudget: .fundsNoBudget
    case .fundsOverExecuted: .fundsOverExecuted
    case .fundsRateMismatch: .fundsRateMismatch
    case .fundsSourcesMismatch: .fundsSourcesMismatch
    case .spendingGap: .spendingGap
    case .explanationMissing: .explanationMissing
    case .evidenceMissing: .evidenceMissing
    case .qualitativeShare: .qualitativeShare
    case .targetWithoutUnit: .targetWithoutUnit
    case .costOverBudget: .costOverBudget
    case .belowLastYear: .belowLastYear
    case .reviewOverride: .reviewOverride
    case .reviewOverrideInvalid: .reviewOverrideInvalid
    case .reviewOverrideNoReason: .reviewOverrideNoReason
    case .reviewOverrideMisplaced: .reviewOverrideMisplaced
    }
  }
}

/// The cell a reader's note is about, as a message names it: the field's label, and for a 资金来源 row's
/// cell, the row's name.
public struct FindingSubject: Sendable, Hashable {
  public var label: String
  /// The 资金来源 row's name, for a source row's cell.
  public var source: String?

  public init(label: String, source: String? = nil) {
    self.label = label
    self.source = source
  }
}
