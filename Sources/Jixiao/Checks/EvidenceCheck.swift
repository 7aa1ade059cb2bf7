/// `evidence.missing`: a blank 佐证资料, only in tables that print the column.
struct EvidenceCheck: TableCheck {
  func findings(in context: CheckContext) -> [Finding] {
    guard context.table.columns.contains(.evidence) else { return [] }
    let consequence = context.profile.evidenceRequired ? "本方案按 0 分计" : "复核人员通常按 0 分计"
    return context.table.indicators.filter { $0.evidence.isBlank }.map { indicator in
      Finding(.evidenceMissing, at: context.location(indicator), "佐证资料为空，\(consequence)")
    }
  }
}
