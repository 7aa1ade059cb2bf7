/// 直接赋分 (spec §3): met → full weight, not met → 0. On a text target, an achieved reading is met.
enum PassFailRule {
  static func evaluate(met: Bool, context: RuleContext) -> Evaluation {
    Evaluation(rule: .passFail, score: met ? context.weight : .zero, completion: met ? .one : .zero)
  }
}

extension Comparison {
  /// Whether `actual` meets a target of `target` under this comparison: the one definition every rule
  /// uses (`=` is met only by 0 or less when the target is 0, and is higher-is-better otherwise).
  func isMet(actual: Rational, target: Rational) -> Bool {
    switch self {
    case .atLeast: !(actual < target)
    case .greaterThan: target < actual
    case .atMost: !(target < actual)
    case .lessThan: actual < target
    case .equal: target.isZero ? actual.numerator <= 0 : !(actual < target)
    }
  }
}
