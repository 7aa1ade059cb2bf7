/// `evidence.missing`: a blank 佐证资料, only in tables that print the column.
struct EvidenceCheck: TableCheck {
  func check(_ context: CheckContext, into findings: inout [Finding]) {
    guard context.table.columns.contains(.evidence) else { return }
    let required = context.profile.evidenceRequired
    for indicator in context.table.indicators where indicator.evidence?.isBlankOrMark ?? true {
      findings.append(Finding(.evidenceMissing(requiredByProfile: required), at: context.location(indicator)))
    }
  }
}
