/// Graded (评判等级) and any qualitative target (spec §3): the actual text is read as achieved,
/// partly or not achieved, and the claimed score is held inside that band of the weight (no claim →
/// the band's top). An actual that reads as none of them leaves the item unverified.
enum GradedRule {
  static func evaluate(context: RuleContext, phrases: QualitativePhrases, findings: inout [Finding]) throws(ArithmeticOverflow)
    -> Evaluation
  {
    let achievement: Achievement
    switch read(context: context, phrases: phrases) {
    case .failure(let unverified): return .unverified(.graded, unverified.finding, into: &findings)
    case .success(let reading): achievement = reading
    }
    let band = context.profile.band(for: achievement)!
    let lower = try context.weight * band.lower
    let upper = try context.weight * band.upper
    let claimed = context.indicator.claimedScore ?? upper
    let score = Rational.min(Rational.max(claimed, lower), upper)
    return Evaluation(rule: .graded, score: score, band: achievement)
  }

  /// The band the actual text reads as, or why it cannot be read.
  static func read(context: RuleContext, phrases: QualitativePhrases) -> Result<Achievement, UnverifiedItem> {
    if case .empty = context.indicator.actual {
      return .failure(UnverifiedItem(context.finding(.actualEmptyForQualitative(target: context.targetText))))
    }
    let indicator = context.indicator
    guard let achievement = phrases.read(actual: indicator.actualText, target: indicator.targetText) else {
      return .failure(
        UnverifiedItem(
          context.finding(.qualitativeUnclassified(actual: context.actualText))))
    }
    return .success(achievement)
  }
}
