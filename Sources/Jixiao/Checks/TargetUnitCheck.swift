/// `target.no-unit`: a numeric target printed without a unit (`>=5`): nobody can tell 5 of what.
struct TargetUnitCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func check(_ context: CheckContext, into findings: inout [Finding]) {
    for indicator in context.table.indicators {
      guard case .quantity(let target) = indicator.target, target.unit.isEmpty else { continue }
      findings.append(Finding(.targetWithoutUnit(target: indicator.targetText?.string ?? ""), at: context.location(indicator)))
    }
  }
}
