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
      let printed = funds.annualBudget.map { "为 \($0.pointsText)" } ?? "缺失"
      return Outcome(findings: [Finding(.fundsNoBudget, at: .funds, "全年预算数\(printed)，无法计算执行率；预算执行项未核实，保留自评得分")])
    }
    guard let executed = funds.executed else {
      guard !unreadable.contains(.executed) else { return Outcome() }
      return Outcome(findings: [Finding(.cellUnparseable, at: .funds, "全年执行数为空，无法计算执行率；预算执行项未核实")])
    }
    let rate = try executed / annual
    var outcome = Outcome(
      rate: rate,
      score: try weight.map { (weight) throws(ArithmeticOverflow) in try weight * Rational.min(Rational.max(rate, .zero), .one) })
    if annual < executed {
      outcome.findings.append(
        Finding(
          .fundsOverExecuted, at: .funds,
          "全年执行数 \(executed.pointsText) 超过全年预算数 \(annual.pointsText)（执行率 \(rate.percentText)），得分按 100% 封顶"))
    }
    if let claimedRate = funds.claimedRate {
      do {
        if profile.fundsRateTolerance < (try claimedRate - rate).magnitude {
          outcome.findings.append(
            Finding(
              .fundsRateMismatch, at: .funds,
              "表上执行率 \(claimedRate.percentText)，执行数 \(executed.pointsText) ÷ 预算数 \(annual.pointsText) = \(rate.percentText)"))
        }
      } catch {
        outcome.findings.append(.notComputable("表上执行率与计算执行率之差", at: .funds, skipping: "未核对执行率"))
      }
    }
    return outcome
  }
}

extension Rational {
  var magnitude: Rational { isNegative ? -self : self }
}
