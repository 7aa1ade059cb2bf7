/// The funds item (spec §3): rate = executed / annual; score = weight × min(rate, 1). Without an
/// annual budget (missing, 0 or negative) the item is unverified and keeps its claim. An amount or weight
/// that could not be read (`unreadable`) is reported by `UnreadableNumberCheck`, not again here.
enum BudgetExecutionRule {
  struct Outcome {
    var rate: Rational?
    var score: Rational?
    var findings: [Finding] = []
  }

  static func evaluate(_ funds: Funds, weight: Rational?, unreadable: Set<NumberField>, profile: Profile)
    throws(ArithmeticOverflow) -> Outcome
  {
    guard let annual = funds.annualBudget, annual.numerator > 0 else {
      guard !unreadable.contains(.annualBudget) else { return Outcome() }
      return Outcome(findings: [Finding(.fundsNoBudget(annualBudget: funds.annualBudget), at: .funds)])
    }
    guard let executed = funds.executed else {
      guard !unreadable.contains(.executed) else { return Outcome() }
      return Outcome(findings: [Finding(.executedMissing, at: .funds)])
    }
    let rate = try executed / annual
    var outcome = Outcome(
      rate: rate,
      score: try weight.map { (weight) throws(ArithmeticOverflow) in try weight * Rational.min(Rational.max(rate, .zero), .one) })
    if annual < executed {
      outcome.findings.append(
        Finding(.fundsOverExecuted(executed: executed, annualBudget: annual, rate: rate), at: .funds))
    }
    if let claimedRate = funds.claimedRate {
      do {
        if profile.fundsRateTolerance < (try claimedRate - rate).magnitude {
          outcome.findings.append(
            Finding(
              .fundsRateMismatch(claimed: claimedRate, executed: executed, annualBudget: annual, rate: rate), at: .funds))
        }
      } catch {
        outcome.findings.append(Finding(.notComputable(.fundsRateDifference), at: .funds))
      }
    }
    return outcome
  }
}

extension Rational {
  var magnitude: Rational { isNegative ? -self : self }
}
