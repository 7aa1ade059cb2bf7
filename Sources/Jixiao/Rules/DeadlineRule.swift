/// A date target (spec §3): met when the actual date is on or before it (a missing year is the
/// table's); late → the profile's penalty (all of the weight by default).
enum DeadlineRule {
  static func evaluate(deadline: Deadline, context: RuleContext, findings: inout [Finding]) throws(ArithmeticOverflow)
    -> Evaluation
  {
    let actual: Deadline
    switch context.indicator.actual {
    case .deadline(let date): actual = date
    case .empty:
      return .unverified(.deadline, context.finding(.actualEmptyForDeadline(target: context.targetText)), into: &findings)
    default:
      return .unverified(
        .deadline, context.finding(.actualNotDate(target: context.targetText, actual: context.actualText)), into: &findings)
    }
    guard let year = context.tableYear ?? deadline.year ?? actual.year else {
      return .unverified(.deadline, context.finding(.deadlineWithoutYear), into: &findings)
    }
    if actual.ordinal(defaultYear: year) <= deadline.ordinal(defaultYear: year) {
      return Evaluation(rule: .deadline, score: context.weight, completion: .one)
    }
    let penalty = context.profile.latePenalty
    let score = try context.weight * (try Rational.one - penalty)
    findings.append(context.finding(.deadlineMissed(deadline: deadline, actual: actual, year: year, score: score)))
    return Evaluation(rule: .deadline, score: score, completion: .zero)
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
