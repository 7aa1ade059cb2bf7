/// `target.cost-over-budget`: the money targets of the 成本 indicators add up to more than the budget.
struct CostBudgetCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func check(_ context: CheckContext, into findings: inout [Finding]) {
    guard let budget = context.table.funds?.annualBudget, budget.numerator > 0 else { return }
    // The budget in the unit the table prints its amounts in (`金额单位：元`), else the profile's.
    let budgetUnit = context.table.funds?.unit ?? context.profile.budgetUnit
    var costs: [Rational] = []
    for (indicator, levels) in zip(context.table.indicators, context.levels)
    where levels.level1.matches("成本") || levels.level2.key.contains("成本") {
      guard case .quantity(let target) = indicator.target, target.unit.money?.suffix.isEmpty == true else { continue }
      let factor: Rational
      switch budgetUnit.relation(ofActual: target.unit) {
      case .same: factor = .one
      case .converted(let scale): factor = scale
      case .incompatible: continue
      }
      guard let value = try? target.value * factor else {
        findings.append(
          Finding(.notComputable(.costTargetConversion(target: indicator.targetText?.string ?? "", unit: budgetUnit)), at: .table)
        )
        return
      }
      costs.append(value)
    }
    let count = costs.count
    let sum: Rational
    let excess: Rational
    do {
      sum = try Rational.sum(costs)
      excess = try sum - budget
    } catch {
      findings.append(Finding(.notComputable(.costTargetSum), at: .table))
      return
    }
    guard count > 0, context.profile.sourcesTolerance < excess else { return }
    findings.append(
      Finding(.costOverBudget(costs: count, sum: sum, budget: budget, excess: excess, unit: budgetUnit), at: .table))
  }
}
