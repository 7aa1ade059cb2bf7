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
          refuse(misplaced(override, at: .table, .noScoredFunds))
          continue
        }
        location = .funds
        weight = funds.weight
        engineScore = funds.score
      case .indicator(let position):
        guard !result.isTargetTable, let item = result.indicators.first(where: { $0.index == position }) else {
          refuse(misplaced(override, at: .table, result.isTargetTable ? .targetTable : .noIndicator))
          continue
        }
        location = .indicator(index: item.index, name: item.name)
        weight = item.weight
        engineScore = item.score
      case .source:
        refuse(misplaced(override, at: .funds, .fundsSource))
        continue
      case .total:
        refuse(misplaced(override, at: .table, .total))
        continue
      }
      // Without a weight the range cannot be checked: refused as a score out of range is, `weight` nil.
      guard let weight, let exact = override.score, let score = try? exact.rounded(), !(score < .zero), !(weight < score)
      else {
        refuse(
          Finding(
            .reviewOverrideInvalid(
              scoreText: override.scoreText, cell: override.cell, weight: weight, isNumber: override.score != nil),
            at: location))
        continue
      }
      guard !override.comment.isBlankText else {
        refuse(
          Finding(.reviewOverrideNoReason(score: score, cell: override.cell), at: location))
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
          .reviewOverride(engineScore: engineScore, score: score, cell: override.cell, comment: override.comment),
          at: location))
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

  private func misplaced(_ override: ScoreOverride, at location: FindingLocation, _ row: FindingDetail.UnscoredRow) -> Finding {
    Finding(.reviewOverrideMisplaced(scoreText: override.scoreText, cell: override.cell, row: row), at: location)
  }
}
