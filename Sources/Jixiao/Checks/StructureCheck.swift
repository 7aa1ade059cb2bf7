/// `structure.missing-level1` (project tables without 产出, 效益 or 满意度) and
/// `structure.misplaced-level2` (a level 2 the profile does not list under its level 1).
struct StructureCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func findings(in context: CheckContext) -> [Finding] {
    let profile = context.profile
    var findings: [Finding] = []
    // Rows repeat the level 1 of the row before: compare each distinct name once, not every row.
    var levels: [FoldedKey] = []
    for keys in context.levels where levels.last != keys.level1 {
      levels.append(keys.level1)
    }
    let required = profile.requiredLevel1[context.table.kind] ?? []
    let missing = required.filter { name in !levels.contains { $0.matches(name) } }
    if !missing.isEmpty {
      findings.append(
        Finding(.missingLevel1(levels: missing), at: .table))
    }
    let hierarchy = profile.hierarchy[context.table.kind] ?? [:]
    // A table has a handful of distinct level pairs, each on many rows: each pair is looked up once,
    // and its verdict (the allowed list when the level 2 is not on it) found again by byte equality.
    var verdicts: [(keys: LevelKeys, misplacedFrom: Set<String>?)] = []
    for (position, keys) in context.levels.enumerated() {
      let verdict: Int
      if let known = verdicts.lastIndex(where: { $0.keys == keys }) {
        verdict = known
      } else {
        // Linear, by bytes: a profile lists a handful of names, folded as the table's are.
        let listed = hierarchy.first { keys.level1.matches($0.key) }?.value
        let allowed = listed.flatMap { names in
          !keys.level2.isEmpty && !names.contains { keys.level2.matches($0) } ? names : nil
        }
        verdicts.append((keys, allowed))
        verdict = verdicts.count - 1
      }
      // The row's names are read only for a finding; a row without both has none.
      guard let allowed = verdicts[verdict].misplacedFrom, context.table.indicators.indices.contains(position) else {
        continue
      }
      let indicator = context.table.indicators[position]
      guard let level1 = indicator.level1, let level2 = indicator.level2 else { continue }
      findings.append(
        Self.misplaced(level1: level1.string, level2: level2.string, allowed: allowed, at: context.location(indicator)))
    }
    return findings
  }

  // Out of line: built in the loop, the finding left the optimizer no room to inline the level keys'
  // comparison, which every row makes (callgrind: 10 K instructions a table more).
  @inline(never)
  private static func misplaced(level1: String, level2: String, allowed: Set<String>, at location: FindingLocation) -> Finding {
    Finding(.misplacedLevel2(level1: level1, level2: level2, allowed: allowed), at: location)
  }
}
