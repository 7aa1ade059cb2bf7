/// `=0` (事故发生率 =0%): met only by an actual of 0 or less, otherwise 0 (spec §3).
enum EqualZeroRule {
  static func evaluate(actual: Rational, context: RuleContext) -> Evaluation {
    let met = Comparison.equal.isMet(actual: actual, target: .zero)
    return Evaluation(
      rule: .equalZero, score: met ? context.weight : .zero, completion: met ? .one : .zero)
  }
}
