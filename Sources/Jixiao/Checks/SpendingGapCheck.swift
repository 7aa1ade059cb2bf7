/// `consistency.spending-gap`: indicators claim nearly full marks while the money was not spent.
struct SpendingGapCheck: TableCheck {
  func findings(in context: CheckContext) -> [Finding] {
    guard let rate = context.result.funds?.rate, rate < context.profile.spendingGapExecutionBelow else { return [] }
    let weighted = context.table.indicators.filter { $0.weight != nil }
    let claimed: Rational
    let weights: Rational
    let share: Rational
    do {
      claimed = try Rational.sum(weighted.map { $0.claimedScore ?? .zero })
      weights = try Rational.sum(weighted.compactMap(\.weight))
      guard !weights.isZero else { return [] }
      share = try claimed / weights
    } catch {
      return [.notComputable("指标自评得分与权重之和", at: .table, skipping: "未检查“钱没花出去，指标却近乎满分”")]
    }
    guard !(share < context.profile.spendingGapClaimedShare) else { return [] }
    return [
      Finding(
        .spendingGap, at: .table,
        "预算执行率仅 \(rate.percentText)，指标自评得分却达权重合计的 \(share.percentText)（\(claimed.pointsText)/\(weights.pointsText)）")
    ]
  }
}
