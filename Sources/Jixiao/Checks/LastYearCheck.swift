/// `target.below-last-year`: a higher-is-better target no higher than what was already achieved last
/// year (上年完成情况): an unambitious target.
struct LastYearCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func check(_ context: CheckContext, into findings: inout [Finding]) {
    for indicator in context.table.indicators {
      guard case .quantity(let target) = indicator.target, target.comparison?.isHigherBetter ?? true,
        target.comparison != .equal || target.value.numerator > 0,
        let printed = indicator.lastYear, case .quantity(let last) = printed.cell,
        Self.comparable(target.unit, last.unit), !(last.value < target.value)
      else { continue }
      findings.append(
        Finding(
          .belowLastYear(target: indicator.targetText?.string ?? "", lastYear: printed.string), at: context.location(indicator)))
    }
  }

  /// Last year's figure is a yearly one by definition: 次 compares with 次/年.
  static func comparable(_ target: Unit, _ last: Unit) -> Bool {
    if target.relation(ofActual: last) == .same { return true }
    return target.text == last.text + "/年" || last.text == target.text + "/年"
  }
}
