/// `target.qualitative-share`: too much of the weight on targets that cannot be measured (有效促进…).
struct QualitativeShareCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func check(_ context: CheckContext, into findings: inout [Finding]) {
    var weights: [Rational] = []
    var qualitativeWeights: [Rational] = []
    var names: [String] = []
    for indicator in context.table.indicators {
      guard let weight = indicator.weight else { continue }
      weights.append(weight)
      if case .text = indicator.target {
        qualitativeWeights.append(weight)
        names.append(indicator.name.string)
      }
    }
    let total: Rational
    let qualitative: Rational
    let share: Rational
    do {
      total = try Rational.sum(weights)
      qualitative = try Rational.sum(qualitativeWeights)
      guard !total.isZero else { return }
      share = try qualitative / total
    } catch {
      findings.append(Finding(.notComputable(.qualitativeShareSums), at: .table))
      return
    }
    guard context.profile.qualitativeShareMax < share else { return }
    findings.append(
      Finding(
        .qualitativeShare(
          qualitative: qualitative, total: total, share: share, maximum: context.profile.qualitativeShareMax, names: names),
        at: .table))
  }
}
