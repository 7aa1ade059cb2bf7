/// `structure.missing-level1` (project tables without 产出, 效益 or 满意度) and
/// `structure.misplaced-level2` (a level 2 the profile does not list under its level 1).
struct StructureCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func check(_ context: CheckContext, into findings: inout [Finding]) {
    let profile = context.profile
    let required = profile.requiredLevel1[context.table.kind] ?? []
    // Rows repeat the level 1 of the row before: each run of rows is compared once, not every row.
    var printed = [Bool](repeating: false, count: required.count)
    // In place: a copy of a row's keys is two references counted.
    let levels = context.levels
    levels.withUnsafeBufferPointer { levels in
      for row in levels.indices where row == 0 || levels[row - 1].level1 != levels[row].level1 {
        for (position, name) in required.enumerated() where !printed[position] && levels[row].level1.matches(name) {
          printed[position] = true
        }
      }
    }
    if printed.contains(false) {
      let missing = required.indices.filter { !printed[$0] }.map { required[$0] }
      findings.append(Finding(.missingLevel1(levels: missing), at: .table))
    }
    let hierarchy = profile.hierarchy[context.table.kind] ?? [:]
    // A table has a handful of distinct level pairs, each on many rows: each pair is judged once, and its
    // verdict kept with the first row of the pair, whose keys later rows are compared with (by bytes); the
    // allowed list is looked up again only for a finding.
    var verdicts: [(row: Int, misplaced: Bool)] = []
    verdicts.reserveCapacity(8)
    levels.withUnsafeBufferPointer { levels in
      for position in levels.indices {
        let misplaced: Bool
        if let known = verdicts.lastIndex(where: { levels[$0.row] == levels[position] }) {
          misplaced = verdicts[known].misplaced
        } else {
          misplaced = Self.misplacedFrom(levels[position], in: hierarchy) != nil
          verdicts.append((position, misplaced))
        }
        // The row's names are read only for a finding; a row without both has none.
        guard misplaced, context.table.indicators.indices.contains(position),
          let allowed = Self.misplacedFrom(levels[position], in: hierarchy)
        else { continue }
        let indicator = context.table.indicators[position]
        guard let level1 = indicator.level1, let level2 = indicator.level2 else { continue }
        findings.append(
          Finding(
            .misplacedLevel2(level1: level1.string, level2: level2.string, allowed: allowed), at: context.location(indicator)))
      }
    }
  }

  /// The level 2 names the profile lists under the row's level 1, when the row's level 2 is not one of
  /// them. Linear, by bytes: a profile lists a handful of names, folded as the table's are.
  private static func misplacedFrom(_ keys: LevelKeys, in hierarchy: [String: Set<String>]) -> Set<String>? {
    guard !keys.level2.isEmpty, let listed = hierarchy.first(where: { keys.level1.matches($0.key) })?.value else {
      return nil
    }
    return listed.contains { keys.level2.matches($0) } ? nil : listed
  }
}
