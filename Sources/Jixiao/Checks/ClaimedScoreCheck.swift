/// `score.over-claimed` and `score.under-claimed`, for the funds item and every verified indicator.
struct ClaimedScoreCheck: TableCheck {
  func findings(in context: CheckContext) -> [Finding] {
    var findings: [Finding] = []
    let tolerance = context.profile.scoreTolerance
    if let funds = context.result.funds, funds.verified, let claimed = context.table.funds?.claimedScore {
      if let finding = compare(
        claimed: claimed, recomputed: funds.score, tolerance: tolerance, at: .funds,
        detail: { message in
          message.append("执行率 ")
          message.append(utf8: funds.rate?.percentText ?? "—")
          message.append("，应得 ")
          message.append(funds.score)
          message.append(" 分")
        })
      {
        findings.append(finding)
      }
    }
    for (indicator, item) in zip(context.table.indicators, context.result.indicators) where item.verified {
      guard let claimed = indicator.claimedScore else { continue }
      if let finding = compare(
        claimed: claimed, recomputed: item.score, tolerance: tolerance, at: context.location(indicator),
        detail: { Self.describe(indicator, item, into: $0) })
      {
        findings.append(finding)
      }
    }
    return findings
  }

  /// The finding when the claim differs from the re-score by more than the tolerance; `detail` writes
  /// how the re-score was reached (called only then). The message is assembled as UTF-8 bytes and
  /// made a `String` once: these are the most frequent messages of a batch.
  private func compare(
    claimed: Rational, recomputed: Hundredths, tolerance: Rational, at location: FindingLocation,
    detail: (ByteBuffer) -> Void
  )
    -> Finding?
  {
    guard let difference = try? claimed - recomputed.rational else {
      return .notComputable("自评得分与复核得分之差", at: location, skipping: "未比较自评得分")
    }
    let code: FindingCode
    let verb: StaticString
    if tolerance < difference {
      (code, verb) = (.scoreOverClaimed, " 分，多报 ")
    } else if tolerance < -difference {
      (code, verb) = (.scoreUnderClaimed, " 分，少报 ")
    } else {
      return nil
    }
    let message = ByteBuffer(capacity: 192)
    detail(message)
    message.append("，自评 ")
    message.append(utf8: claimed.pointsText)
    message.append(verb)
    if let rounded = try? difference.magnitude.rounded() {
      message.append(rounded)
    } else {
      message.append(utf8: difference.magnitude.pointsText)
    }
    message.append(" 分")
    return Finding(code, at: location, message.text)
  }

  /// `目标 ≥5%，实际 0.1%，完成率 2.00%，按比例应得 0.50 分`.
  static func describe(_ indicator: Indicator, _ item: IndicatorResult, into text: ByteBuffer) {
    text.append("目标 ")
    text.append(utf8: indicator.targetText?.trimmingSpaces() ?? "—")
    text.append("，实际 ")
    text.append(utf8: indicator.actualText?.trimmingSpaces() ?? "—")
    if let completion = item.completion {
      text.append("，完成率 ")
      text.append(utf8: completion.percentText)
    }
    if let band = item.band {
      text.append("，评判为“")
      text.append(utf8: band.label)
      text.append("”")
    }
    text.append("，")
    if let rule = item.rule {
      text.append("按")
      text.append(utf8: rule.label)
    }
    text.append("应得 ")
    text.append(item.score)
    text.append(" 分")
  }
}
