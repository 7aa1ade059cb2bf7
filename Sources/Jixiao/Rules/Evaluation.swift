/// What a rule concludes about one indicator, before rounding and claim checks.
struct Evaluation {
  var rule: RuleKind?
  /// Unrounded score; nil when the item cannot be verified (it then keeps its claim).
  var score: Rational?
  var completion: Rational?
  var band: Achievement?
  var whatIf: Rational?
  var findings: [Finding] = []

  static func unverified(_ rule: RuleKind?, _ finding: Finding) -> Evaluation {
    Evaluation(rule: rule, score: nil, findings: [finding])
  }
}

/// Everything a rule may consult.
struct RuleContext {
  let indicator: Indicator
  let levels: LevelKeys
  let choice: RuleSelection.Choice
  let weight: Rational
  let profile: Profile
  let tableYear: Int?

  var location: FindingLocation { .indicator(index: indicator.index, name: indicator.displayText) }

  func finding(_ detail: FindingDetail) -> Finding {
    Finding(detail, at: location)
  }

  var targetText: String { indicator.targetText?.trimmingSpaces().string ?? "" }
  var actualText: String { indicator.actualText?.trimmingSpaces().string ?? "" }
}

extension Rational {
  /// `2.00%`: a ratio shown as a percent with 2 decimals.
  var percentText: String {
    if let percent = hundredths(scaledBy: 10_000) { return percent.description + "%" }
    return ((try? self * .hundred) ?? self).formatted(places: 2) + "%"
  }

  var pointsText: String {
    if let value = hundredths(scaledBy: 100) { return value.description }
    return formatted(places: 2)
  }
}
