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
        findings.append(.notComputable("表上完成率与计算完成率之差", at: context.location(indicator), skipping: "未核对完成率"))
        continue
      }
      guard tolerance < points.magnitude else { continue }
      findings.append(
        Finding(
          .completionMismatch, at: context.location(indicator),
          "表上完成率 \(claimed.percentText)，按目标 \(indicator.targetText ?? "—")、实际 \(indicator.actualText ?? "—") 计算为 \(computed.percentText)"
        ))
    }
    return findings
  }
}
