/// `score.over-claimed` and `score.under-claimed`, for the funds item and every verified indicator.
struct ClaimedScoreCheck: TableCheck {
  func findings(in context: CheckContext) -> [Finding] {
    var findings: [Finding] = []
    let tolerance = context.profile.scoreTolerance
    if let funds = context.result.funds, funds.verified, let claimed = context.table.funds?.claimedScore {
      if let finding = compare(
        claimed: claimed, recomputed: funds.score, tolerance: tolerance, at: .funds,
        detail: { difference in
          .fundsClaim(rate: funds.rate, score: funds.score, claimed: claimed, difference: difference)
        })
      {
        findings.append(finding)
      }
    }
    for (indicator, item) in zip(context.table.indicators, context.result.indicators) where item.verified {
      guard let claimed = indicator.claimedScore else { continue }
      if let finding = compare(
        claimed: claimed, recomputed: item.score, tolerance: tolerance, at: context.location(indicator),
        detail: { difference in
          .indicatorClaim(
            target: indicator.targetText, actual: indicator.actualText, completion: item.completion, band: item.band,
            rule: item.rule, score: item.score, claimed: claimed, difference: difference)
        })
      {
        findings.append(finding)
      }
    }
    return findings
  }

  /// The finding when the claim differs from the re-score by more than the tolerance; `detail` makes it
  /// from the difference (claimed − re-score), whose sign tells over- from under-claimed.
  private func compare(
    claimed: Rational, recomputed: Hundredths, tolerance: Rational, at location: FindingLocation,
    detail: (Rational) -> FindingDetail
  ) -> Finding? {
    guard let difference = try? claimed - recomputed.rational else {
      return Finding(.notComputable(.claimedScoreDifference), at: location)
    }
    guard tolerance < difference || tolerance < -difference else { return nil }
    return Finding(detail(difference), at: location)
  }
}
