extension FindingCode {
  public static let scoreOverClaimed = FindingCode("score.over-claimed", catalogued: 0)
  public static let scoreUnderClaimed = FindingCode("score.under-claimed", catalogued: 1)
  public static let totalOverClaimed = FindingCode("total.over-claimed", catalogued: 2)
  public static let gradeInflated = FindingCode("grade.inflated", catalogued: 3)
  public static let totalArithmetic = FindingCode("total.arithmetic", catalogued: 4)
  public static let gradeMismatch = FindingCode("grade.mismatch", catalogued: 5)
  public static let weightsSum = FindingCode("weights.sum", catalogued: 6)
  public static let weightsZero = FindingCode("weights.zero", catalogued: 7)
  public static let missingLevel1 = FindingCode("structure.missing-level1", catalogued: 9)
  public static let misplacedLevel2 = FindingCode("structure.misplaced-level2", catalogued: 10)
  public static let targetTooLow = FindingCode("target.too-low", catalogued: 12)
  public static let directionSuspect = FindingCode("target.direction-suspect", catalogued: 13)
  public static let strictBoundary = FindingCode("target.strict-boundary", catalogued: 14)
  public static let completionMismatch = FindingCode("completion.mismatch", catalogued: 15)
  public static let deadlineMissed = FindingCode("deadline.missed", catalogued: 16)
  public static let ruleMismatch = FindingCode("rule.mismatch", catalogued: 17)
  public static let unitScaleConverted = FindingCode("unit.scale-converted", catalogued: 19)
  public static let unitIncompatible = FindingCode("unit.incompatible", catalogued: 20)
  public static let cellUnparseable = FindingCode("cell.unparseable", catalogued: 21)
  /// jixiao's own (docs/rules.md): a number, or a figure derived from numbers, too large to compute exactly.
  public static let numberOutOfRange = FindingCode("number.out-of-range", catalogued: 22)
  public static let qualitativeUnclassified = FindingCode("qualitative.unclassified", catalogued: 23)
  public static let fundsRateMismatch = FindingCode("funds.rate-mismatch", catalogued: 30)
  public static let fundsOverExecuted = FindingCode("funds.over-executed", catalogued: 31)
  public static let fundsSourcesMismatch = FindingCode("funds.sources-mismatch", catalogued: 32)
  public static let explanationMissing = FindingCode("explanation.missing", catalogued: 35)
  public static let duplicateIndicator = FindingCode("structure.duplicate-indicator", catalogued: 11)
  public static let evidenceMissing = FindingCode("evidence.missing", catalogued: 36)
  public static let weightsMissing = FindingCode("weights.missing", catalogued: 8)
  public static let actualRestatesTarget = FindingCode("actual.restates-target", catalogued: 18)
  public static let fundsNoBudget = FindingCode("funds.no-budget", catalogued: 33)
  public static let spendingGap = FindingCode("consistency.spending-gap", catalogued: 34)
}

extension FindingCode {
  // Target review (jixiao review-targets).
  public static let qualitativeShare = FindingCode("target.qualitative-share", catalogued: 41)
  public static let targetWithoutUnit = FindingCode("target.no-unit", catalogued: 42)
  public static let costOverBudget = FindingCode("target.cost-over-budget", catalogued: 43)
  public static let belowLastYear = FindingCode("target.below-last-year", catalogued: 44)
}

extension FindingCode {
  // Reading (jixiao's own, docs/rules.md "Reading tables").
  /// The table or an indicator prints no name; an unnamed indicator is unverified.
  public static let nameMissing = FindingCode("name.missing", catalogued: 24)
  /// A column the reader does not know, filled in this table: its content is not read.
  public static let columnIgnored = FindingCode("column.ignored", catalogued: 26)
  /// A table read from a hidden sheet of a workbook: scored, and said, since Excel does not show it.
  public static let sheetHidden = FindingCode("sheet.hidden", catalogued: 27)
  /// A sheet of the table's workbook that is not blank and holds no form: not read, and said.
  public static let sheetNoForm = FindingCode("sheet.no-form", catalogued: 28)
  /// A level printed with its points (`产出指标（50分）`) whose indicators' weights add up to something else.
  public static let levelWeightsSum = FindingCode("weights.level-sum", catalogued: 29)
  /// A value read from a document's text into a cell the reader is not sure of: its row is unverified.
  public static let cellUncertain = FindingCode("cell.uncertain", catalogued: 25)
}

extension FindingCode {
  // A 复核 workbook read back (docs/rules.md, "Reviewer's overrides").
  /// A reviewer's 复核调整得分 replaced the engine's score.
  public static let reviewOverride = FindingCode("review.override", catalogued: 37)
  /// A 复核调整得分 that is not a number, lies outside 0…weight, or is on an item without a weight: not applied.
  public static let reviewOverrideInvalid = FindingCode("review.override-invalid", catalogued: 38)
  /// A 复核调整得分 without a 复核意见: not applied.
  public static let reviewOverrideNoReason = FindingCode("review.override-no-reason", catalogued: 39)
  /// A 复核调整得分 on the total row, or on a row that is no item of a scored table: not applied.
  public static let reviewOverrideMisplaced = FindingCode("review.override-misplaced", catalogued: 40)
}

extension FindingCode {
  /// A code of the catalogue, with its position in `FindingCatalogue.all` (`FindingCatalogueTests` holds each
  /// to the catalogue): for the static members above only.
  fileprivate init(_ rawValue: String, catalogued position: Int16) {
    self.rawValue = rawValue
    self.cataloguePosition = position
  }
}
