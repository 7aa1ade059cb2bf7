/// `score.over-claimed` and `score.under-claimed`, for the funds item and every verified indicator.
struct ClaimedScoreCheck: TableCheck {
  func check(_ context: CheckContext, into findings: inout [Finding]) {
    let tolerance = context.scoreTolerance
    // The funds item's fields read through the result: a copy of it counts its sources' references.
    if context.result.funds?.verified == true, let score = context.result.funds?.score,
      let claimed = context.table.funds?.claimedScore
    {
      compare(
        claimed: claimed, recomputed: score, tolerance: tolerance, at: .funds, into: &findings,
        detail: { difference in
          .fundsClaim(rate: context.result.funds?.rate ?? nil, score: score, claimed: claimed, difference: difference)
        })
    }
    // In place: the results hold their rows, so a result's claim is its indicator's.
    context.result.indicators.withUnsafeBufferPointer { items in
      for position in items.indices where items[position].verified {
        guard let claimed = items[position].indicator.claimedScore else { continue }
        compare(
          claimed: claimed, recomputed: items[position].score, tolerance: tolerance,
          at: context.location(items[position].indicator), into: &findings,
          detail: { difference in
            let item = items[position]
            return .indicatorClaim(
              target: item.target, actual: item.actual, completion: item.completion, band: item.band, rule: item.rule,
              score: item.score, claimed: claimed, difference: difference)
          })
      }
    }
  }

  /// The finding when the claim differs from the re-score by more than the tolerance; `detail` makes it
  /// from the difference (claimed − re-score), whose sign tells over- from under-claimed.
  @inline(__always)
  private func compare(
    claimed: Rational, recomputed: Hundredths, tolerance: HundredthsTolerance,
    at location: @autoclosure () -> FindingLocation, into findings: inout [Finding], detail: (Rational) -> FindingDetail
  ) {
    // A claim with two decimals (nearly all) is compared in hundredths: a `Rational` is made only for a
    // finding, the difference `subtracting` gives (its count of hundredths over 100).
    if let hundredths = HundredthsTolerance.difference(claimed, recomputed) {
      guard tolerance.isExceeded(byHundredths: hundredths) else { return }
      findings.append(Finding(detail(Rational(hundredths: hundredths)), at: location()))
      return
    }
    // The location (an indicator's display name) is made only for a finding.
    guard let difference = try? claimed.subtracting(recomputed) else {
      findings.append(Finding(.notComputable(.claimedScoreDifference), at: location()))
      return
    }
    guard tolerance.tolerance < difference.magnitude else { return }
    findings.append(Finding(detail(difference), at: location()))
  }
}
