/// `weights.missing`, `weights.zero` and `weights.sum` (indicators plus funds = 100; not checked when a
/// weight is missing or unreadable, nor when the sum cannot be computed exactly). A target table has no funds row yet: its indicators may sum to 100, or to 100
/// less the profile's funds weight, which the evaluation adds.
struct WeightsCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func check(_ context: CheckContext, into findings: inout [Finding]) {
    for indicator in context.table.indicators {
      guard let weight = indicator.weight else {
        // An unreadable weight has its own finding (`UnreadableNumberCheck`).
        guard context.table.unreadable(.weight, at: .indicator(indicator.index)) == nil else { continue }
        findings.append(Finding(.weightMissing(claimedScore: indicator.claimedScore), at: context.location(indicator)))
        continue
      }
      if weight.isZero {
        findings.append(Finding(.weightZero, at: context.location(indicator)))
      } else if weight.isNegative {
        findings.append(Finding(.weightNegative(weight: weight), at: context.location(indicator)))
      }
    }
    switch context.weights {
    case .unknown: break
    case .notComputable(let withFunds):
      findings.append(Finding(.notComputable(.weightsSum(withFunds: withFunds)), at: .table))
    case .known(let indicators, let funds, let sum):
      let hundred = Rational.hundred
      if context.table.isTargetTable {
        let withoutFunds = (try? hundred - context.profile.defaultFundsWeight) ?? hundred
        if sum != hundred, sum != withoutFunds {
          findings.append(
            Finding(.targetTableWeightsSum(sum: sum, fundsWeight: context.profile.defaultFundsWeight), at: .table))
        }
      } else if sum != hundred {
        findings.append(Finding(.weightsSum(indicators: indicators, funds: funds, sum: sum), at: .table))
      }
    }
  }
}
