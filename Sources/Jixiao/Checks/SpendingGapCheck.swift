/// `consistency.spending-gap`: indicators claim nearly full marks while the money was not spent.
struct SpendingGapCheck: TableCheck {
  func check(_ context: CheckContext, into findings: inout [Finding]) {
    guard let rate = context.result.funds?.rate, rate < context.profile.spendingGapExecutionBelow else { return }
    let claimed: Rational
    let weights: Rational
    let share: Rational
    do {
      (claimed, weights) = try Self.sums(context.table.indicators)
      guard !weights.isZero else { return }
      share = try claimed / weights
    } catch {
      findings.append(Finding(.notComputable(.spendingGapSums), at: .table))
      return
    }
    guard !(share < context.profile.spendingGapClaimedShare) else { return }
    findings.append(Finding(.spendingGap(rate: rate, share: share, claimed: claimed, weights: weights), at: .table))
  }

  /// The weighted rows' claims (a missing one 0) and weights, each added up: in hundredths when they are
  /// whole numbers of them (nearly always), else by `Rational.sum` of the lists, the definition.
  static func sums(_ indicators: [Indicator]) throws(ArithmeticOverflow) -> (claimed: Rational, weights: Rational) {
    let fast = indicators.withUnsafeBufferPointer { rows in
      HundredthsTolerance.sum(rows.count) { rows[$0].weight == nil ? nil : rows[$0].claimedScore ?? .zero }.flatMap {
        claimed in HundredthsTolerance.sum(rows.count) { rows[$0].weight }.map { (claimed, $0) }
      }
    }
    if let (claimed, weights) = fast {
      return (try Rational(Int128(claimed), over: 100), try Rational(Int128(weights), over: 100))
    }
    let weighted = indicators.filter { $0.weight != nil }
    return (try Rational.sum(weighted.map { $0.claimedScore ?? .zero }), try Rational.sum(weighted.compactMap(\.weight)))
  }
}
