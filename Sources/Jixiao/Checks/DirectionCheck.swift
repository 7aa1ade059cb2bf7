/// `target.direction-suspect`: a 成本 indicator with `>=`/`>`, or a 数量 indicator with `<=`/`<`.
struct DirectionCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func findings(in context: CheckContext) -> [Finding] {
    var findings: [Finding] = []
    for (indicator, levels) in zip(context.table.indicators, context.levels) {
      guard case .quantity(let target) = indicator.target, let comparison = target.comparison else { continue }
      let level1 = levels.level1
      let level2 = levels.level2
      if level1.matches("成本") || level2.text.containsText("成本"), comparison.isHigherBetter {
        findings.append(
          Finding(
            .directionSuspect, at: context.location(indicator),
            "成本指标的目标 \(indicator.targetText ?? "") 用了 \(comparison.symbol)：成本应当越低越好，目标方向可能写反"))
      } else if level2.matches("数量"), comparison.isLowerBetter {
        findings.append(
          Finding(
            .directionSuspect, at: context.location(indicator),
            "数量指标的目标 \(indicator.targetText ?? "") 用了 \(comparison.symbol)：数量通常越多越好，目标方向可能写反"))
      }
    }
    return findings
  }
}
