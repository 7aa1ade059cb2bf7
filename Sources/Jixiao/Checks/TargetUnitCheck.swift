/// `target.no-unit`: a numeric target printed without a unit (`>=5`): nobody can tell 5 of what.
struct TargetUnitCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func findings(in context: CheckContext) -> [Finding] {
    context.table.indicators.compactMap { indicator in
      guard case .quantity(let target) = indicator.target, target.unit.isEmpty else { return nil }
      return Finding(.targetWithoutUnit(target: indicator.targetText?.string ?? ""), at: context.location(indicator))
    }
  }
}
