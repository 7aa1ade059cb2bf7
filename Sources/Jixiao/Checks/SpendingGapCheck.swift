/// `consistency.spending-gap`: indicators claim nearly full marks while the money was not spent.
struct SpendingGapCheck: TableCheck {
  func findings(in context: CheckContext) -> [Finding] {
    guard let rate = context.result.funds?.rate, rate < context.profile.spendingGapExecutionBelow else { return [] }
    var claimed = Rational.zero
    var weights = Rational.zero
    for indicator in context.table.indicators {
      guard let weight = indicator.weight else { continue }
      weights = (try? weights + weight) ?? weights
      claimed = (try? claimed + (indicator.claimedScore ?? .zero)) ?? claimed
    }
    guard !weights.isZero, let share = try? claimed / weights, !(share < context.profile.spendingGapClaimedShare) else {
      return []
    }
    return [
      Finding(
        .spendingGap, at: .table,
        "预算执行率仅 \(rate.percentText)，指标自评得分却达权重合计的 \(share.percentText)（\(claimed.pointsText)/\(weights.pointsText)）")
    ]
  }
}
