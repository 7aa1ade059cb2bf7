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
    // By position: a zip of the two arrays copied every result (a dozen strings retained and released).
    let items = context.result.indicators
    for (position, indicator) in context.table.indicators.enumerated()
    where items.indices.contains(position) && items[position].verified {
      guard let claimed = indicator.claimedScore else { continue }
      if let finding = compare(
        claimed: claimed, recomputed: items[position].score, tolerance: tolerance, at: context.location(indicator),
        detail: { difference in
          let item = items[position]
          return .indicatorClaim(
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
    claimed: Rational, recomputed: Hundredths, tolerance: Rational, at location: @autoclosure () -> FindingLocation,
    detail: (Rational) -> FindingDetail
  ) -> Finding? {
    // The location (an indicator's display name) is made only for a finding.
    guard let difference = try? claimed - recomputed.rational else {
      return Finding(.notComputable(.claimedScoreDifference), at: location())
    }
    guard tolerance < difference || tolerance < -difference else { return nil }
    return Finding(detail(difference), at: location())
  }
}
