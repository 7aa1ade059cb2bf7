/// `structure.missing-level1` (project tables without 产出, 效益 or 满意度) and
/// `structure.misplaced-level2` (a level 2 the profile does not list under its level 1).
struct StructureCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func check(_ context: CheckContext, into findings: inout [Finding]) {
    // The profile's lists as keys, made when it was loaded (`LevelLists`).
    let lists = context.levelLists
    // The rows' keys read in place (a copy of a row's keys is two references counted), and which required
    // level 1 is printed kept on the stack.
    context.levels.withUnsafeBufferPointer { levels in
      withUnsafeTemporaryAllocation(of: Bool.self, capacity: lists.required.count) { printed in
        printed.initialize(repeating: false)
        // Rows repeat the level names of the row before: a level 1 is looked up once a run of rows, and a
        // row's level 2 judged again only when its key is not the row before's. A verdict depends on the two
        // keys alone, so that each row is judged as on its own (`misplacedFrom`). The keys are told apart by
        // identity, not bytes (a worker hands out one copy of a key, `Scorer.Memo`): a key equal to the row
        // before's but held apart is looked up again, to the same verdict.
        var listed: Int?
        var misplaced = false
        for row in levels.indices {
          let newLevel1 = row == 0 || !levels[row - 1].level1.isIdentical(to: levels[row].level1)
          if newLevel1 {
            let print = levels[row].level1.key.print
            for position in lists.required.indices where !printed[position] && lists.requiredPrints[position] == print {
              if levels[row].level1 == lists.required[position] { printed[position] = true }
            }
            listed = lists.position(of: levels[row].level1)
          }
          if newLevel1 || !levels[row - 1].level2.isIdentical(to: levels[row].level2) {
            misplaced = listed.map { lists.isMisplaced(levels[row].level2, under: $0) } ?? false
          }
          // The row's names are read only for a finding; a row without both has none.
          guard misplaced, let listed, context.table.indicators.indices.contains(row) else { continue }
          let indicator = context.table.indicators[row]
          guard let level1 = indicator.level1, let level2 = indicator.level2 else { continue }
          findings.append(
            Finding(
              .misplacedLevel2(level1: level1.string, level2: level2.string, allowed: lists.level1[listed].listed),
              at: context.location(indicator)))
        }
        if printed.contains(false) {
          // After the rows' findings: the table's are listed after the rows' (`Scorer.ordered`) whatever the order found.
          let missing = lists.required.indices.filter { !printed[$0] }.map { lists.required[$0].text }
          findings.append(Finding(.missingLevel1(levels: missing), at: .table))
        }
      }
    }
  }

  /// The definition the check's keys are held to (`LevelLists`, made once a profile): the level 2 names the
  /// profile lists under the row's level 1, when the row's level 2 is not one of them. Linear, by bytes: a
  /// profile lists a handful of names, folded as the table's are.
  static func misplacedFrom(_ keys: LevelKeys, in hierarchy: [String: Set<String>]) -> Set<String>? {
    guard let listed = hierarchy.first(where: { keys.level1.matches($0.key) })?.value,
      !keys.level2.isEmpty && !listed.contains(where: { keys.level2.matches($0) })
    else { return nil }
    return listed
  }
}
