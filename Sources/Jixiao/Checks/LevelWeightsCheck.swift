/// `weights.level-sum`: a level printed with its points (`产出指标（50分）`) whose indicators' weights add up
/// to other points. Not checked when one of its indicators has no weight, nor when none is under it.
struct LevelWeightsCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func findings(in context: CheckContext) -> [Finding] {
    guard !context.table.levelWeights.isEmpty else { return [] }
    var findings: [Finding] = []
    for (level, levelKeys) in zip(context.table.levelWeights, context.levelWeightKeys) {
      var weights: [Rational] = []
      var complete = true
      for (indicator, keys) in zip(context.table.indicators, context.levels)
      where keys.level1 == levelKeys.level1 && (level.level2 == nil || keys.level2 == levelKeys.level2) {
        guard let weight = indicator.weight else {
          complete = false
          break
        }
        weights.append(weight)
      }
      guard complete, !weights.isEmpty else { continue }
      let subject = level.level2.map { "二级指标“\($0)”" } ?? "一级指标“\(level.level1)”"
      do {
        let sum = try Rational.sum(weights)
        if sum != level.points {
          findings.append(
            Finding(
              .levelWeightsSum, at: .table,
              "\(subject)标 \(level.points.pointsText) 分，其下 \(weights.count) 项指标权重合计 \(sum.pointsText) 分"))
        }
      } catch {
        findings.append(.notComputable("\(subject)下的指标权重之和", at: .table, skipping: "未核对该级分值"))
      }
    }
    return findings
  }
}
