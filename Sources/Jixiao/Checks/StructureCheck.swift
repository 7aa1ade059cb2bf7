/// `structure.missing-level1` (project tables without 产出, 效益 or 满意度) and
/// `structure.misplaced-level2` (a level 2 the profile does not list under its level 1).
struct StructureCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func findings(in context: CheckContext) -> [Finding] {
    let profile = context.profile
    var findings: [Finding] = []
    let levels = context.levels.map(\.level1)
    let required = profile.requiredLevel1[context.table.kind] ?? []
    let missing = required.filter { !levels.contains($0) }
    if !missing.isEmpty {
      findings.append(
        Finding(
          .missingLevel1, at: .table,
          "项目表缺少一级指标：" + missing.map { "\($0)指标" }.joined(separator: "、")))
    }
    let hierarchy = profile.hierarchy[context.table.kind] ?? [:]
    // A table repeats a few level pairs: each is looked up (hashing Unicode text) once, the first 16
    // remembered. Keys equal
    // byte for byte are equal strings, so a remembered verdict is the verdict.
    var verdicts: [(keys: LevelKeys, allowed: Set<String>?)] = []
    for (indicator, keys) in zip(context.table.indicators, context.levels) {
      guard let level1 = indicator.level1, let level2 = indicator.level2 else { continue }
      let allowed: Set<String>?
      if let known = verdicts.first(where: { $0.keys.sameBytes(as: keys) }) {
        allowed = known.allowed
      } else {
        let listed = hierarchy[keys.level1]
        // nil: nothing to report (no list for this level 1, or the level 2 is listed or blank).
        allowed = listed.flatMap { !keys.level2.isEmpty && !$0.contains(keys.level2) ? $0 : nil }
        if verdicts.count < 16 { verdicts.append((keys, allowed)) }
      }
      guard let allowed else { continue }
      findings.append(
        Finding(
          .misplacedLevel2, at: context.location(indicator),
          "二级指标“\(level2)”不属于一级指标“\(level1)”（应为：\(allowed.sorted().map { "\($0)指标" }.joined(separator: "、"))）"))
    }
    return findings
  }
}
