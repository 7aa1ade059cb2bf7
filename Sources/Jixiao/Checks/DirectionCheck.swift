/// `target.direction-suspect`: a 成本 indicator with `>=`/`>`, or a 数量 indicator with `<=`/`<`.
struct DirectionCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func findings(in context: CheckContext) -> [Finding] {
    var findings: [Finding] = []
    for (indicator, levels) in zip(context.table.indicators, context.levels) {
      guard case .quantity(let target) = indicator.target, let comparison = target.comparison else { continue }
      let level1 = levels.level1
      let level2 = levels.level2
      if level1.matches("成本") || level2.key.contains("成本"), comparison.isHigherBetter {
        findings.append(
          Finding(
            .costTargetRaises(target: indicator.targetText?.string ?? "", comparison: comparison), at: context.location(indicator)
          ))
      } else if level2.matches("数量"), comparison.isLowerBetter {
        findings.append(
          Finding(
            .quantityTargetLowers(target: indicator.targetText?.string ?? "", comparison: comparison),
            at: context.location(indicator)))
      }
    }
    return findings
  }
}
