/// The table's claimed total and grade: `total.over-claimed`, `total.arithmetic`, `grade.inflated`,
/// `grade.mismatch`. The first and third compare with the recomputed total, and are not checked when the
/// weights do not add up to 100 (no recomputed grade is given then).
struct TotalsCheck: TableCheck {
  func check(_ context: CheckContext, into findings: inout [Finding]) {
    // The result's fields read in place: a copy of the result is a reference counted a field.
    if let claimed = context.table.claimedTotal {
      // Weights that do not add up to 100 put the recomputed total off the claimed total's scale (`weights.sum`).
      if context.result.weightsOffScale == nil {
        do {
          let difference = try claimed.subtracting(context.result.recomputedTotal)
          if context.profile.scoreTolerance < difference {
            findings.append(
              Finding(
                .totalOverClaimed(claimed: claimed, recomputed: context.result.recomputedTotal, difference: difference),
                at: .table))
          }
        } catch {
          findings.append(Finding(.notComputable(.totalDifference), at: .table))
        }
      }
      arithmetic(claimed, context, into: &findings)
    }
    if let claimedGrade = context.result.claimedGrade, let recomputed = context.result.recomputedGrade,
      recomputed < claimedGrade
    {
      findings.append(
        Finding(
          .gradeInflated(claimed: claimedGrade, recomputedTotal: context.result.recomputedTotal, recomputed: recomputed),
          at: .table))
    }
    if let printed = context.table.claimedGrade, let total = context.result.claimedTotal {
      let expected = context.profile.grade(for: total)
      if expected != printed {
        findings.append(
          Finding(.gradeMismatch(claimedTotal: total, expected: expected, printed: printed), at: .table))
      }
    }
  }

  /// `total.arithmetic`: the claimed total against the sum of the items' claims.
  private func arithmetic(_ claimed: Rational, _ context: CheckContext, into findings: inout [Finding]) {
    // Claims with two decimals (nearly all) are added and compared in hundredths.
    if let sum = Self.claimedItemHundredths(context.table), let own = claimed.exactHundredths {
      let (difference, overflow) = own.subtractingReportingOverflow(sum)
      if !overflow, !context.scoreTolerance.isExceeded(byHundredths: difference) { return }
    }
    do {
      if let sum = try Self.claimedItemSum(context.table) {
        let difference = try claimed - sum
        if context.profile.scoreTolerance < difference.magnitude {
          findings.append(
            Finding(.totalArithmetic(claimed: claimed, itemSum: sum, difference: difference), at: .table))
        }
      }
    } catch {
      findings.append(Finding(.notComputable(.claimedItemSum), at: .table))
    }
  }

  /// The sum of every item's claim, or nil when some item has none.
  static func claimedItemSum(_ table: Table) throws(ArithmeticOverflow) -> Rational? {
    var claims: [Rational] = []
    claims.reserveCapacity(table.indicators.count + 1)
    if let funds = table.funds {
      guard let claimed = funds.claimedScore else { return nil }
      claims.append(claimed)
    }
    for position in table.indicators.indices {
      guard let claimed = table.indicators[position].claimedScore else { return nil }
      claims.append(claimed)
    }
    return try Rational.sum(claims)
  }

  /// `claimedItemSum` × 100 when every claim is a whole number of hundredths and the sum fits in 64 bits;
  /// nil otherwise, and when some item has no claim (`CheckFastPathTests`).
  static func claimedItemHundredths(_ table: Table) -> Int64? {
    var total: Int64 = 0
    if let funds = table.funds {
      guard let claimed = funds.claimedScore?.exactHundredths else { return nil }
      total = claimed
    }
    for position in table.indicators.indices {
      guard let claimed = table.indicators[position].claimedScore?.exactHundredths else { return nil }
      let (sum, overflow) = total.addingReportingOverflow(claimed)
      guard !overflow else { return nil }
      total = sum
    }
    return total
  }
}
