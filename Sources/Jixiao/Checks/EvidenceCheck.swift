/// `evidence.missing`: a blank 佐证资料, only in tables that print the column.
struct EvidenceCheck: TableCheck {
  func check(_ context: CheckContext, into findings: inout [Finding]) {
    guard context.printsEvidence else { return }
    let required = context.profile.evidenceRequired
    context.table.indicators.withUnsafeBufferPointer { indicators in
      for position in indicators.indices where indicators[position].readInPlace({ $0.evidence?.isBlankOrMark ?? true }) {
        findings.append(Finding(.evidenceMissing(requiredByProfile: required), at: context.location(indicators[position])))
      }
    }
  }
}
