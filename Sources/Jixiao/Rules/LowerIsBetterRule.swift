/// `<=` and `<` (spec §3): met → full weight; else by the profile's formula, weight × target/actual
/// (default) or weight × max(0, 1 − (actual − target)/target).
enum LowerIsBetterRule {
  static func evaluate(
    target: borrowing Quantity, actual: Rational, comparison: Comparison, context: RuleContext, findings: inout [Finding]
  ) throws(ArithmeticOverflow) -> Evaluation {
    var evaluation = Evaluation(rule: .lowerIsBetter)
    let met = comparison.isMet(actual: actual, target: target.value)
    if comparison == .lessThan, actual == target.value {
      findings.append(
        context.finding(.strictBoundary(target: context.targetText, actual: context.actualText, bound: .below)))
    }
    if met || actual == target.value {
      evaluation.score = context.weight
      evaluation.completion = .one
      return evaluation
    }
    let completion: Rational
    if target.value.numerator <= 0 || actual.numerator <= 0 {
      completion = .zero
    } else {
      switch context.profile.lowerIsBetter {
      case .targetOverActual:
        completion = try target.value / actual
      case .linearExcess:
        completion = Rational.max(.zero, try Rational.one - (try (try actual - target.value) / target.value))
      }
    }
    evaluation.completion = completion
    evaluation.score = try context.weight * completion
    return evaluation
  }
}
