/// `score.over-claimed` and `score.under-claimed`, for the funds item and every verified indicator.
struct ClaimedScoreCheck: TableCheck {
  func findings(in context: CheckContext) -> [Finding] {
    var findings: [Finding] = []
    let tolerance = context.profile.scoreTolerance
    if let funds = context.result.funds, funds.verified, let claimed = context.table.funds?.claimedScore {
      findings += compare(
        claimed: claimed, recomputed: funds.score, tolerance: tolerance, at: .funds,
        detail: "执行率 \(funds.rate?.percentText ?? "—")，应得 \(funds.score) 分")
    }
    for (indicator, item) in zip(context.table.indicators, context.result.indicators) where item.verified {
      guard let claimed = indicator.claimedScore else { continue }
      findings += compare(
        claimed: claimed, recomputed: item.score, tolerance: tolerance, at: context.location(indicator),
        detail: Self.describe(indicator, item))
    }
    return findings
  }

  private func compare(
    claimed: Rational, recomputed: Hundredths, tolerance: Rational, at location: FindingLocation,
    detail: @autoclosure () -> String
  )
    -> [Finding]
  {
    guard let difference = try? claimed - recomputed.rational else { return [] }
    let shown = (try? difference.magnitude.rounded())?.description ?? difference.magnitude.pointsText
    if tolerance < difference {
      return [Finding(.scoreOverClaimed, at: location, "\(detail())，自评 \(claimed.pointsText) 分，多报 \(shown) 分")]
    }
    if tolerance < -difference {
      return [Finding(.scoreUnderClaimed, at: location, "\(detail())，自评 \(claimed.pointsText) 分，少报 \(shown) 分")]
    }
    return []
  }

  /// `目标 ≥5%，实际 0.1%，完成率 2.00%，按比例应得 0.50 分`.
  static func describe(_ indicator: Indicator, _ item: IndicatorResult) -> String {
    var parts = ["目标 \(indicator.targetText?.trimmingSpaces() ?? "—")", "实际 \(indicator.actualText?.trimmingSpaces() ?? "—")"]
    if let completion = item.completion { parts.append("完成率 \(completion.percentText)") }
    if let band = item.band { parts.append("评判为“\(band.label)”") }
    parts.append("\(item.rule.map { "按\($0.label)" } ?? "")应得 \(item.score) 分")
    return parts.joined(separator: "，")
  }
}
