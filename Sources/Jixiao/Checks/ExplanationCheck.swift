/// `explanation.missing`: not met, or above the over-achievement threshold, with a blank 偏差原因 —
/// only in tables that print the column.
struct ExplanationCheck: TableCheck {
  func findings(in context: CheckContext) -> [Finding] {
    guard context.table.columns.contains(.explanation) else { return [] }
    var findings: [Finding] = []
    // By position, reading the evaluation's fields in place: a zip copied every evaluation (its findings).
    let evaluations = context.evaluations
    for (position, indicator) in context.table.indicators.enumerated() where evaluations.indices.contains(position) {
      guard let score = evaluations[position]?.score, let weight = indicator.weight, indicator.explanation?.isBlankOrMark ?? true
      else { continue }
      let overAchieved = evaluations[position]?.whatIf != nil
      let notMet = evaluations[position]?.band.map { $0 != .achieved } ?? (score < weight)
      guard notMet || overAchieved else { continue }
      findings.append(Finding(.explanationMissing(overAchieved: overAchieved), at: context.location(indicator)))
    }
    return findings
  }
}
