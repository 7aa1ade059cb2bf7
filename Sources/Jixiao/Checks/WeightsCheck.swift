/// `weights.missing`, `weights.zero` and `weights.sum` (indicators plus funds = 100; not checked when a
/// weight is missing or unreadable, nor when the sum cannot be computed exactly). A target table has no funds row yet: its indicators may sum to 100, or to 100
/// less the profile's funds weight, which the evaluation adds.
struct WeightsCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func findings(in context: CheckContext) -> [Finding] {
    var findings: [Finding] = []
    for indicator in context.table.indicators {
      guard let weight = indicator.weight else {
        // An unreadable weight has its own finding (`UnreadableNumberCheck`).
        guard context.table.unreadable(.weight, at: .indicator(indicator.index)) == nil else { continue }
        let claim = indicator.claimedScore.map { "，保留自评得分 \($0.pointsText) 分" } ?? ""
        findings.append(Finding(.weightsMissing, at: context.location(indicator), "缺少权重，无法复核\(claim)"))
        continue
      }
      if weight.isZero {
        findings.append(Finding(.weightsZero, at: context.location(indicator), "权重为 0，该指标不计分"))
      } else if weight.isNegative {
        findings.append(Finding(.weightsZero, at: context.location(indicator), "权重为负数 \(weight.pointsText)，按未核实处理"))
      }
    }
    switch context.weights {
    case .unknown: break
    case .notComputable(let figure):
      findings.append(.notComputable(figure, at: .table, skipping: "未检查权重合计"))
    case .known(let indicators, let funds, let sum):
      let hundred = Rational.hundred
      if context.table.isTargetTable {
        let withoutFunds = (try? hundred - context.profile.defaultFundsWeight) ?? hundred
        if sum != hundred, sum != withoutFunds {
          findings.append(
            Finding(
              .weightsSum, at: .table,
              "指标权重合计 \(sum.pointsText)，应为 100（或另加预算执行 \(context.profile.defaultFundsWeight.pointsText) 分后为 100）"))
        }
      } else if sum != hundred {
        let parts = funds.map { "指标 \(indicators.pointsText) + 预算执行 \($0.pointsText)" } ?? "指标"
        findings.append(
          Finding(.weightsSum, at: .table, "权重合计 \(parts) = \(sum.pointsText)，应为 100；总分不按百分制评等级，不与自评总分比较"))
      }
    }
    return findings
  }
}
