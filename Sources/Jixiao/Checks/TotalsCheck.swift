/// The table's claimed total and grade: `total.over-claimed`, `total.arithmetic`, `grade.inflated`,
/// `grade.mismatch`. The first and third compare with the recomputed total, and are not checked when the
/// weights do not add up to 100 (no recomputed grade is given then).
struct TotalsCheck: TableCheck {
  func check(_ context: CheckContext, into findings: inout [Finding]) {
    let profile = context.profile
    let result = context.result
    if let claimed = context.table.claimedTotal {
      // Weights that do not add up to 100 put the recomputed total off the claimed total's scale (`weights.sum`).
      if result.weightsOffScale == nil {
        do {
          let difference = try claimed.subtracting(result.recomputedTotal)
          if profile.scoreTolerance < difference {
            findings.append(
              Finding(
                .totalOverClaimed(claimed: claimed, recomputed: result.recomputedTotal, difference: difference), at: .table))
          }
        } catch {
          findings.append(Finding(.notComputable(.totalDifference), at: .table))
        }
      }
      do {
        if let sum = try claimedItemSum(context) {
          let difference = try claimed - sum
          if profile.scoreTolerance < difference.magnitude {
            findings.append(
              Finding(.totalArithmetic(claimed: claimed, itemSum: sum, difference: difference), at: .table))
          }
        }
      } catch {
        findings.append(Finding(.notComputable(.claimedItemSum), at: .table))
      }
    }
    if let claimedGrade = result.claimedGrade, let recomputed = result.recomputedGrade, recomputed < claimedGrade {
      findings.append(
        Finding(
          .gradeInflated(claimed: claimedGrade, recomputedTotal: result.recomputedTotal, recomputed: recomputed), at: .table))
    }
    if let printed = context.table.claimedGrade, let total = result.claimedTotal {
      let expected = profile.grade(for: total)
      if expected != printed {
        findings.append(
          Finding(.gradeMismatch(claimedTotal: total, expected: expected, printed: printed), at: .table))
      }
    }
  }

  /// The sum of every item's claim, or nil when some item has none.
  private func claimedItemSum(_ context: CheckContext) throws(ArithmeticOverflow) -> Rational? {
    var claims: [Rational] = []
    claims.reserveCapacity(context.table.indicators.count + 1)
    if let funds = context.table.funds {
      guard let claimed = funds.claimedScore else { return nil }
      claims.append(claimed)
    }
    for indicator in context.table.indicators {
      guard let claimed = indicator.claimedScore else { return nil }
      claims.append(claimed)
    }
    return try Rational.sum(claims)
  }
}
