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

  /// What the checks read of a verified evaluation of a row weighing `weight`; nil for an unverified one.
  func verdict(weight: Rational) -> Verdict? {
    guard let score else { return nil }
    return Verdict(isMet: band.map { $0 == .achieved } ?? !(score < weight), isOverAchieved: whatIf != nil)
  }

  /// A verified row's conclusion as the checks read it (`ExplanationCheck`): two facts kept for each row until
  /// the checks run, not the evaluation's figures (a hundred and sixty bytes a row, copied into a list).
  struct Verdict: Equatable {
    /// The band is 达成 (graded), or else the unrounded score is the row's whole weight.
    let isMet: Bool
    /// Above the profile's over-achievement threshold (the evaluation has a what-if score).
    let isOverAchieved: Bool
  }
}

/// Everything a rule may consult: the table's part (the profile, the year), made once a table, and the row
/// being scored, which the scorer moves on from row to row (`move(to:choice:weight:)`). Made a row, the
/// context retained and released the profile for every row of every table.
struct RuleContext {
  private(set) var indicator: Indicator
  private(set) var choice: RuleSelection.Choice
  private(set) var weight: Rational
  let profile: Profile
  let tableYear: Int?

  init(indicator: consuming Indicator, choice: RuleSelection.Choice, weight: Rational, profile: Profile, tableYear: Int?) {
    self.indicator = indicator
    self.choice = choice
    self.weight = weight
    self.profile = profile
    self.tableYear = tableYear
  }

  /// The next row of the same table: the row is moved in, not retained again.
  mutating func move(to indicator: consuming Indicator, choice: RuleSelection.Choice, weight: Rational) {
    self.indicator = indicator
    self.choice = choice
    self.weight = weight
  }

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
