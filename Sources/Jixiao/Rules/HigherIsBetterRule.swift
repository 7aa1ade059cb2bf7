/// `>=`, `>` and `=` with a positive target (spec §3): met → full weight; else weight × actual/target.
/// Above the over-achievement threshold the target may be too low: flagged, and deducted only when
/// the profile says so (never for satisfaction).
enum HigherIsBetterRule {
  static func evaluate(
    target: borrowing Quantity, actual: Rational, comparison: Comparison, rule: RuleKind, context: RuleContext,
    findings: inout [Finding]
  ) throws(ArithmeticOverflow) -> Evaluation {
    let weight = context.weight
    let profile = context.profile
    var evaluation = Evaluation(rule: rule)
    let met = comparison.isMet(actual: actual, target: target.value)

    guard target.value.numerator > 0 else {
      // A target of 0 or below: met or not, no ratio (a target of 0 is met by any actual ≥ 0).
      evaluation.score = met ? weight : .zero
      evaluation.completion = met ? .one : .zero
      return evaluation
    }

    // max(actual, 0), told by the sign: compared with 0, a fraction was compared by cross products.
    let completion = try (actual.isNegative ? .zero : actual) / target.value
    evaluation.completion = completion
    if met {
      evaluation.score = weight
    } else {
      evaluation.score = try weight * Rational.min(completion, .one)
    }
    if comparison == .greaterThan, actual == target.value {
      findings.append(
        context.finding(.strictBoundary(target: context.targetText, actual: context.actualText, bound: .above)))
    }

    if profile.overAchievementThreshold < completion {
      let whatIf = try weight * Rational.max(.zero, try Rational.one - (try completion - .one))
      evaluation.whatIf = whatIf
      let deducts = profile.deductOverAchievement && rule != .satisfaction
      if deducts { evaluation.score = whatIf }
      findings.append(
        context.finding(
          .targetTooLow(
            target: context.targetText, actual: context.actualText, completion: completion,
            threshold: profile.overAchievementThreshold, whatIfScore: whatIf, deducted: deducts)))
    }
    return evaluation
  }
}
