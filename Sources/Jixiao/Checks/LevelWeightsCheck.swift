/// `weights.level-sum`: a level printed with its points (`产出指标（50分）`) whose indicators' weights add up
/// to other points. Not checked when one of its indicators has no weight, nor when none is under it.
struct LevelWeightsCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func check(_ context: CheckContext, into findings: inout [Finding]) {
    guard !context.table.levelWeights.isEmpty else { return }
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
      do {
        let sum = try Rational.sum(weights)
        if sum != level.points {
          findings.append(
            Finding(
              .levelWeightsSum(
                level1: level.level1, level2: level.level2, points: level.points, indicators: weights.count, sum: sum),
              at: .table))
        }
      } catch {
        findings.append(Finding(.notComputable(.levelWeightsSum(level1: level.level1, level2: level.level2)), at: .table))
      }
    }
  }
}
