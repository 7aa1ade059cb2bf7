extension Scorer {
  /// Applies the reviewer's decisions of a 复核 workbook to a scored table (docs/rules.md, "Reviewer's
  /// overrides"). Each override is checked first: a score that is a number within 0…the item's weight
  /// (rounded half up to hundredths), with a 复核意见, on the funds row or an indicator of a scored table. A
  /// checked one replaces the item's score in the total (`review.override`, the engine's score kept beside
  /// it); any other is not applied and costs a finding naming its cell. When one is applied, the recomputed
  /// total, the unverified points and the grade follow the reviewer's scores, and the engine's total and
  /// grade are kept as `engineTotal` and `engineGrade`.
  func apply(_ overrides: [ScoreOverride], to result: inout TableResult) -> [Finding] {
    var findings: [Finding] = []
    var applied = false
    var unapplied: [ScoreOverride] = []
    for override in overrides where override.hasScore {
      /// Not applied: reported, and kept for a workbook written from the result.
      func refuse(_ finding: Finding) {
        findings.append(finding)
        unapplied.append(override)
      }
      let location: FindingLocation
      let weight: Hundredths?
      let engineScore: Hundredths
      switch override.place {
      case .funds:
        guard let funds = result.funds, !result.isTargetTable else {
          refuse(misplaced(override, at: .table, "这一行不是可评分的项目"))
          continue
        }
        location = .funds
        weight = funds.weight
        engineScore = funds.score
      case .indicator(let position):
        guard !result.isTargetTable, let item = result.indicators.first(where: { $0.index == position }) else {
          refuse(
            misplaced(override, at: .table, result.isTargetTable ? "绩效目标表不评分" : "这一行不是可评分的指标"))
          continue
        }
        location = .indicator(index: item.index, name: item.name)
        weight = item.weight
        engineScore = item.score
      case .source:
        refuse(misplaced(override, at: .funds, "资金来源行不评分；请调整预算执行行的得分"))
        continue
      case .total:
        refuse(misplaced(override, at: .table, "总分由各项得分相加，不能直接调整；请调整各项得分"))
        continue
      }
      guard let weight else {
        refuse(
          Finding(
            .reviewOverrideInvalid, at: location,
            "复核调整得分“\(override.scoreText)”（\(override.cell)）不予采用：该项没有可读的权重，无法核对 0 至权重的范围"))
        continue
      }
      guard let exact = override.score, let score = try? exact.rounded(), !(score < .zero), !(weight < score) else {
        let what = override.score == nil ? "不是数字" : "不在 0 至权重 \(weight) 分之间"
        refuse(
          Finding(
            .reviewOverrideInvalid, at: location,
            "复核调整得分“\(override.scoreText)”（\(override.cell)）\(what)，不予采用；填写 0 至 \(weight) 之间的分数"))
        continue
      }
      guard !override.comment.isBlankText else {
        refuse(
          Finding(
            .reviewOverrideNoReason, at: location,
            "复核调整得分 \(score)（\(override.cell)）没有填写复核意见，不予采用；在同一行的“复核意见”中写明调整理由"))
        continue
      }
      let review = ReviewerScore(score: score, comment: override.comment, cell: override.cell)
      if case .indicator(let index, _) = location, let offset = result.indicators.firstIndex(where: { $0.index == index }) {
        result.indicators[offset].review = review
      } else {
        result.funds?.review = review
      }
      applied = true
      findings.append(
        Finding(
          .reviewOverride, at: location,
          "复核调整：jixiao 复核 \(engineScore) 分，复核人员调整为 \(score) 分（\(override.cell)）；复核意见：\(override.comment)"))
    }
    result.unappliedOverrides = unapplied
    guard applied else { return findings }
    result.engineTotal = result.recomputedTotal
    result.engineGrade = result.recomputedGrade
    var total = result.funds?.finalScore ?? .zero
    var unverified = Hundredths.zero
    if let funds = result.funds, !funds.verified, funds.review == nil { unverified = unverified + funds.score }
    for item in result.indicators {
      total = total + item.finalScore
      if !item.verified, item.review == nil { unverified = unverified + item.score }
    }
    result.recomputedTotal = total
    result.unverifiedPoints = unverified
    if result.recomputedGrade != nil { result.recomputedGrade = profile.grade(for: total) }
    return findings
  }

  private func misplaced(_ override: ScoreOverride, at location: FindingLocation, _ reason: String) -> Finding {
    Finding(
      .reviewOverrideMisplaced, at: location, "复核调整得分“\(override.scoreText)”（\(override.cell)）不予采用：\(reason)")
  }
}
