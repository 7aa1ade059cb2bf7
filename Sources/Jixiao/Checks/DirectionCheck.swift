/// `target.direction-suspect`: a 成本 indicator with `>=`/`>`, or a 数量 indicator with `<=`/`<`.
struct DirectionCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func check(_ context: CheckContext, into findings: inout [Finding]) {
    let indicators = context.table.indicators
    // The rows' keys read in place: a copy of a row's keys is two references counted.
    context.levels.withUnsafeBufferPointer { levels in
      for position in indicators.indices where position < levels.count {
        let indicator = indicators[position]
        guard case .quantity(let target) = indicator.target, let comparison = target.comparison else { continue }
        if levels[position].level1.matches("成本") || levels[position].level2.key.contains("成本"), comparison.isHigherBetter {
          findings.append(
            Finding(
              .costTargetRaises(target: indicator.targetText?.string ?? "", comparison: comparison),
              at: context.location(indicator)))
        } else if levels[position].level2.matches("数量"), comparison.isLowerBetter {
          findings.append(
            Finding(
              .quantityTargetLowers(target: indicator.targetText?.string ?? "", comparison: comparison),
              at: context.location(indicator)))
        }
      }
    }
  }
}
