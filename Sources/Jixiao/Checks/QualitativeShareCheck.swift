/// `target.qualitative-share`: too much of the weight on targets that cannot be measured (有效促进…).
struct QualitativeShareCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func findings(in context: CheckContext) -> [Finding] {
    var total = Rational.zero
    var qualitative = Rational.zero
    var names: [String] = []
    for indicator in context.table.indicators {
      guard let weight = indicator.weight else { continue }
      total = (try? total + weight) ?? total
      if case .text = indicator.target {
        qualitative = (try? qualitative + weight) ?? qualitative
        names.append(indicator.name)
      }
    }
    guard !total.isZero, let share = try? qualitative / total, context.profile.qualitativeShareMax < share else { return [] }
    return [
      Finding(
        .qualitativeShare, at: .table,
        "定性目标占权重 \(qualitative.pointsText)/\(total.pointsText) = \(share.percentText)，超过 \(context.profile.qualitativeShareMax.percentText)："
          + names.joined(separator: "、"))
    ]
  }
}
