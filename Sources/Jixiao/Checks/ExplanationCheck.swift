/// `explanation.missing`: not met, or above the over-achievement threshold, with a blank 偏差原因 —
/// only in tables that print the column.
struct ExplanationCheck: TableCheck {
  func check(_ context: CheckContext, into findings: inout [Finding]) {
    guard context.printsExplanation else { return }
    // By position, each row and evaluation read in place, once.
    context.table.indicators.withUnsafeBufferPointer { indicators in
      context.evaluations.withUnsafeBufferPointer { evaluations in
        for position in indicators.indices where position < evaluations.count {
          guard let evaluation = evaluations[position], let score = evaluation.score,
            let weight = indicators[position].weight,
            indicators[position].readInPlace({ $0.explanation?.isBlankOrMark ?? true })
          else { continue }
          let overAchieved = evaluation.whatIf != nil
          let notMet = evaluation.band.map { $0 != .achieved } ?? (score < weight)
          guard notMet || overAchieved else { continue }
          findings.append(
            Finding(.explanationMissing(overAchieved: overAchieved), at: context.location(indicators[position])))
        }
      }
    }
  }
}
