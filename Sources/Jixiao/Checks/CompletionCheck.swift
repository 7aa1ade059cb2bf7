/// `completion.mismatch`: the printed 完成率 against the computed one. A printed 100% is the usual cap
/// and agrees with any computed completion of 100% or more (docs/rules.md).
struct CompletionCheck: TableCheck {
  func check(_ context: CheckContext, into findings: inout [Finding]) {
    let tolerance = context.profile.completionTolerancePoints
    // In place: the results hold their rows (a loop over the array copied every result).
    context.result.indicators.withUnsafeBufferPointer { items in
      for position in items.indices where items[position].verified {
        guard let claimed = items[position].claimedCompletion, let computed = items[position].completion else { continue }
        if claimed == .one, !(computed < .one) { continue }
        let indicator = items[position].indicator
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
    }
  }
}
