extension FindingCode {
  public static let scoreOverClaimed = FindingCode("score.over-claimed")
  public static let scoreUnderClaimed = FindingCode("score.under-claimed")
  public static let totalOverClaimed = FindingCode("total.over-claimed")
  public static let gradeInflated = FindingCode("grade.inflated")
  public static let totalArithmetic = FindingCode("total.arithmetic")
  public static let gradeMismatch = FindingCode("grade.mismatch")
  public static let weightsSum = FindingCode("weights.sum")
  public static let weightsZero = FindingCode("weights.zero")
  public static let missingLevel1 = FindingCode("structure.missing-level1")
  public static let misplacedLevel2 = FindingCode("structure.misplaced-level2")
  public static let targetTooLow = FindingCode("target.too-low")
  public static let directionSuspect = FindingCode("target.direction-suspect")
  public static let strictBoundary = FindingCode("target.strict-boundary")
  public static let completionMismatch = FindingCode("completion.mismatch")
  public static let deadlineMissed = FindingCode("deadline.missed")
  public static let ruleMismatch = FindingCode("rule.mismatch")
  public static let unitScaleConverted = FindingCode("unit.scale-converted")
  public static let unitIncompatible = FindingCode("unit.incompatible")
  public static let cellUnparseable = FindingCode("cell.unparseable")
  /// jixiao's own (docs/rules.md): a number, or a figure derived from numbers, too large to compute exactly.
  public static let numberOutOfRange = FindingCode("number.out-of-range")
  public static let qualitativeUnclassified = FindingCode("qualitative.unclassified")
  public static let fundsRateMismatch = FindingCode("funds.rate-mismatch")
  public static let fundsOverExecuted = FindingCode("funds.over-executed")
  public static let fundsSourcesMismatch = FindingCode("funds.sources-mismatch")
  public static let explanationMissing = FindingCode("explanation.missing")
  public static let duplicateIndicator = FindingCode("structure.duplicate-indicator")
  public static let evidenceMissing = FindingCode("evidence.missing")
  public static let weightsMissing = FindingCode("weights.missing")
  public static let actualRestatesTarget = FindingCode("actual.restates-target")
  public static let fundsNoBudget = FindingCode("funds.no-budget")
  public static let spendingGap = FindingCode("consistency.spending-gap")
}

extension FindingCode {
  // Target review (jixiao review-targets).
  public static let qualitativeShare = FindingCode("target.qualitative-share")
  public static let targetWithoutUnit = FindingCode("target.no-unit")
  public static let costOverBudget = FindingCode("target.cost-over-budget")
  public static let belowLastYear = FindingCode("target.below-last-year")
}

extension FindingCode {
  // Reading (jixiao's own, docs/rules.md "Reading tables").
  /// The table or an indicator prints no name; an unnamed indicator is unverified.
  public static let nameMissing = FindingCode("name.missing")
  /// A column the reader does not know, filled in this table: its content is not read.
  public static let columnIgnored = FindingCode("column.ignored")
  /// A table read from a hidden sheet of a workbook: scored, and said, since Excel does not show it.
  public static let sheetHidden = FindingCode("sheet.hidden")
  /// A sheet of the table's workbook that is not blank and holds no form: not read, and said.
  public static let sheetNoForm = FindingCode("sheet.no-form")
  /// A level printed with its points (`产出指标（50分）`) whose indicators' weights add up to something else.
  public static let levelWeightsSum = FindingCode("weights.level-sum")
  /// A value read from a document's text into a cell the reader is not sure of: its row is unverified.
  public static let cellUncertain = FindingCode("cell.uncertain")
}

extension FindingCode {
  // A 复核 workbook read back (docs/rules.md, "Reviewer's overrides").
  /// A reviewer's 复核调整得分 replaced the engine's score.
  public static let reviewOverride = FindingCode("review.override")
  /// A 复核调整得分 that is not a number, lies outside 0…weight, or is on an item without a weight: not applied.
  public static let reviewOverrideInvalid = FindingCode("review.override-invalid")
  /// A 复核调整得分 without a 复核意见: not applied.
  public static let reviewOverrideNoReason = FindingCode("review.override-no-reason")
  /// A 复核调整得分 on the total row, or on a row that is no item of a scored table: not applied.
  public static let reviewOverrideMisplaced = FindingCode("review.override-misplaced")
}
