/// What a rule concludes about one indicator, before rounding and claim checks. Plain values only: what a
/// rule finds goes to the table's findings as it is found (the rules' `findings` argument), so that an
/// evaluation is copied, kept for the checks and dropped without a reference count.
struct Evaluation {
  var rule: RuleKind?
  /// Unrounded score; nil when the item cannot be verified (it then keeps its claim).
  var score: Rational?
  var completion: Rational?
  var band: Achievement?
  var whatIf: Rational?

  /// The item cannot be verified: `finding` says why.
  static func unverified(_ rule: RuleKind?, _ finding: Finding, into findings: inout [Finding]) -> Evaluation {
    findings.append(finding)
    return Evaluation(rule: rule, score: nil)
  }
}

/// Everything a rule may consult.
struct RuleContext {
  let indicator: Indicator
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
