/// `explanation.missing`: not met, or above the over-achievement threshold, with a blank 偏差原因 —
/// only in tables that print the column.
struct ExplanationCheck: TableCheck {
  func check(_ context: CheckContext, into findings: inout [Finding]) {
    guard context.printsExplanation else { return }
    // By position, each row and verdict read in place, once.
    context.table.indicators.withUnsafeBufferPointer { indicators in
      context.verdicts.withUnsafeBufferPointer { verdicts in
        for position in indicators.indices where position < verdicts.count {
          guard let verdict = verdicts[position], !verdict.isMet || verdict.isOverAchieved,
            indicators[position].readInPlace({ $0.explanation?.isBlankOrMark ?? true })
          else { continue }
          findings.append(
            Finding(
              .explanationMissing(overAchieved: verdict.isOverAchieved), at: context.location(indicators[position])))
        }
      }
    }
  }
}
