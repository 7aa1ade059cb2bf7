/// `consistency.spending-gap`: indicators claim nearly full marks while the money was not spent.
struct SpendingGapCheck: TableCheck {
  func check(_ context: CheckContext, into findings: inout [Finding]) {
    guard let rate = context.result.funds?.rate, rate < context.profile.spendingGapExecutionBelow else { return }
    let weighted = context.table.indicators.filter { $0.weight != nil }
    let claimed: Rational
    let weights: Rational
    let share: Rational
    do {
      claimed = try Rational.sum(weighted.map { $0.claimedScore ?? .zero })
      weights = try Rational.sum(weighted.compactMap(\.weight))
      guard !weights.isZero else { return }
      share = try claimed / weights
    } catch {
      findings.append(Finding(.notComputable(.spendingGapSums), at: .table))
      return
    }
    guard !(share < context.profile.spendingGapClaimedShare) else { return }
    findings.append(Finding(.spendingGap(rate: rate, share: share, claimed: claimed, weights: weights), at: .table))
  }
}
