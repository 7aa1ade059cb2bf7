/// A date target (spec §3): met when the actual date is on or before it (a missing year is the
/// table's); late → the profile's penalty (all of the weight by default).
enum DeadlineRule {
  static func evaluate(deadline: Deadline, context: RuleContext) throws(ArithmeticOverflow) -> Evaluation {
    let actual: Deadline
    switch context.indicator.actual {
    case .deadline(let date): actual = date
    case .empty:
      return .unverified(.deadline, context.finding(.cellUnparseable, "实际值为空，无法与时限 \(context.targetText) 比较"))
    default:
      return .unverified(
        .deadline, context.finding(.cellUnparseable, "时限目标 \(context.targetText) 对应的实际值“\(context.actualText)”不是日期"))
    }
    guard let year = context.tableYear ?? deadline.year ?? actual.year else {
      return .unverified(.deadline, context.finding(.cellUnparseable, "时限与实际日期都没有年份，表也未填年度，无法比较"))
    }
    if actual.ordinal(defaultYear: year) <= deadline.ordinal(defaultYear: year) {
      return Evaluation(rule: .deadline, score: context.weight, completion: .one)
    }
    let penalty = context.profile.latePenalty
    let score = try context.weight * (try Rational.one - penalty)
    var evaluation = Evaluation(rule: .deadline, score: score, completion: .zero)
    evaluation.findings.append(
      context.finding(
        .deadlineMissed,
        "时限 \(deadline.formatted(defaultYear: year))，实际 \(actual.formatted(defaultYear: year))，逾期 \(daysBetween(deadline, actual, year: year)) 天；按规则应得 \(score.pointsText) 分"
      ))
    return evaluation
  }

  /// Calendar days from `start` to `end`.
  static func daysBetween(_ start: Deadline, _ end: Deadline, year: Int) -> Int {
    dayNumber(end, year: year) - dayNumber(start, year: year)
  }

  private static func dayNumber(_ date: Deadline, year defaultYear: Int) -> Int {
    // Days since a fixed epoch (proleptic Gregorian), enough to count a delay.
    var year = date.year ?? defaultYear
    var month = date.month
    if month <= 2 {
      year -= 1
      month += 12
    }
    return 365 * year + year / 4 - year / 100 + year / 400 + (153 * (month - 3) + 2) / 5 + date.day
  }
}
