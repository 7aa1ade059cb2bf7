/// `score.over-claimed` and `score.under-claimed`, for the funds item and every verified indicator.
struct ClaimedScoreCheck: TableCheck {
  func findings(in context: CheckContext) -> [Finding] {
    var findings: [Finding] = []
    let tolerance = context.profile.scoreTolerance
    if let funds = context.result.funds, funds.verified, let claimed = context.table.funds?.claimedScore {
      if let finding = compare(
        claimed: claimed, recomputed: funds.score, tolerance: tolerance, at: .funds,
        detail: "执行率 \(funds.rate?.percentText ?? "—")，应得 \(funds.score) 分")
      {
        findings.append(finding)
      }
    }
    for (indicator, item) in zip(context.table.indicators, context.result.indicators) where item.verified {
      guard let claimed = indicator.claimedScore else { continue }
      if let finding = compare(
        claimed: claimed, recomputed: item.score, tolerance: tolerance, at: context.location(indicator),
        detail: Self.describe(indicator, item))
      {
        findings.append(finding)
      }
    }
    return findings
  }

  private func compare(
    claimed: Rational, recomputed: Hundredths, tolerance: Rational, at location: FindingLocation,
    detail: @autoclosure () -> String
  )
    -> Finding?
  {
    guard let difference = try? claimed - recomputed.rational else { return nil }
    let code: FindingCode
    let verb: String
    if tolerance < difference {
      (code, verb) = (.scoreOverClaimed, " 分，多报 ")
    } else if tolerance < -difference {
      (code, verb) = (.scoreUnderClaimed, " 分，少报 ")
    } else {
      return nil
    }
    // Appended in place: these messages are the most frequent of a batch.
    var message = detail()
    message += "，自评 "
    message += claimed.pointsText
    message += verb
    message += (try? difference.magnitude.rounded())?.description ?? difference.magnitude.pointsText
    message += " 分"
    return Finding(code, at: location, message)
  }

  /// `目标 ≥5%，实际 0.1%，完成率 2.00%，按比例应得 0.50 分`.
  static func describe(_ indicator: Indicator, _ item: IndicatorResult) -> String {
    var text = "目标 "
    text.reserveCapacity(256)
    text += indicator.targetText?.trimmingSpaces() ?? "—"
    text += "，实际 "
    text += indicator.actualText?.trimmingSpaces() ?? "—"
    if let completion = item.completion {
      text += "，完成率 "
      text += completion.percentText
    }
    if let band = item.band {
      text += "，评判为“"
      text += band.label
      text += "”"
    }
    text += "，"
    if let rule = item.rule {
      text += "按"
      text += rule.label
    }
    text += "应得 "
    text += item.score.description
    text += " 分"
    return text
  }
}
