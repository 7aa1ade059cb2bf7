/// `evidence.missing`: a blank 佐证资料, only in tables that print the column.
struct EvidenceCheck: TableCheck {
  func findings(in context: CheckContext) -> [Finding] {
    guard context.table.columns.contains(.evidence) else { return [] }
    let required = context.profile.evidenceRequired
    return context.table.indicators.filter { $0.evidence?.isBlankOrMark ?? true }.map { indicator in
      Finding(.evidenceMissing(requiredByProfile: required), at: context.location(indicator))
    }
  }
}
