/// `structure.duplicate-indicator`: the same 三级指标 again, reported where it repeats.
struct DuplicateIndicatorCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func findings(in context: CheckContext) -> [Finding] {
    var firstIndex: [String: Int] = [:]
    var findings: [Finding] = []
    for indicator in context.table.indicators {
      let key = CellGrammar.normalize(indicator.name).filter { !$0.isWhitespace }
      if let first = firstIndex[key] {
        findings.append(
          Finding(.duplicateIndicator, at: context.location(indicator), "与第 \(first) 项指标同名，复核只应计一次"))
      } else {
        firstIndex[key] = indicator.index
      }
    }
    return findings
  }
}
