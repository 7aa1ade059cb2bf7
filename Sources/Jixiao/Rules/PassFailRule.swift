/// 直接赋分 (spec §3): met → full weight, not met → 0. On a text target, an achieved reading is met.
enum PassFailRule {
  static func evaluate(met: Bool, context: RuleContext) -> Evaluation {
    Evaluation(rule: .passFail, score: met ? context.weight : .zero, completion: met ? .one : .zero)
  }

  static func isMet(target: Quantity, actual: Rational, comparison: Comparison) -> Bool {
    switch comparison {
    case .atLeast: !(actual < target.value)
    case .greaterThan: target.value < actual
    case .atMost: !(target.value < actual)
    case .lessThan: actual < target.value
    case .equal: target.value.numerator > 0 ? !(actual < target.value) : actual.numerator <= 0
    }
  }
}
