/// `explanation.missing`: not met, or above the over-achievement threshold, with a blank 偏差原因 —
/// only in tables that print the column.
struct ExplanationCheck: TableCheck {
  func findings(in context: CheckContext) -> [Finding] {
    guard context.table.columns.contains(.explanation) else { return [] }
    var findings: [Finding] = []
    for (indicator, evaluation) in zip(context.table.indicators, context.evaluations) {
      guard let evaluation, let score = evaluation.score, let weight = indicator.weight,
        indicator.explanation?.isBlankOrMark ?? true
      else { continue }
      let notMet = evaluation.band.map { $0 != .achieved } ?? (score < weight)
      guard notMet || evaluation.whatIf != nil else { continue }
      findings.append(Finding(.explanationMissing(overAchieved: evaluation.whatIf != nil), at: context.location(indicator)))
    }
    return findings
  }
}
