/// `completion.mismatch`: the printed 完成率 against the computed one. A printed 100% is the usual cap
/// and agrees with any computed completion of 100% or more (docs/rules.md).
struct CompletionCheck: TableCheck {
  func findings(in context: CheckContext) -> [Finding] {
    var findings: [Finding] = []
    let tolerance = context.profile.completionTolerancePoints
    for (indicator, item) in zip(context.table.indicators, context.result.indicators) where item.verified {
      guard let claimed = indicator.claimedCompletion, let computed = item.completion else { continue }
      if claimed == .one, !(computed < .one) { continue }
      guard let points = try? (try claimed - computed) * .hundred else {
        findings.append(Finding(.notComputable(.completionDifference), at: context.location(indicator)))
        continue
      }
      guard tolerance < points.magnitude else { continue }
      findings.append(
        Finding(
          .completionMismatch(
            claimed: claimed, target: indicator.targetText?.string, actual: indicator.actualText?.string, computed: computed),
          at: context.location(indicator)))
    }
    return findings
  }
}
