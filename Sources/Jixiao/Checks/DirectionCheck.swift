/// `target.direction-suspect`: a 成本 indicator with `>=`/`>`, or a 数量 indicator with `<=`/`<`.
struct DirectionCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func check(_ context: CheckContext, into findings: inout [Finding]) {
    // The rows and their keys read in place: a copy of a row's keys is two references counted.
    context.table.indicators.withUnsafeBufferPointer { indicators in
      context.levels.withUnsafeBufferPointer { levels in
        // Rows repeat the level names of the rows before: whether a row is 成本 is read again only when its
        // keys are not those of the row last read, told by identity (a worker hands out one copy of a key,
        // `Scorer.Memo`; keys equal but held apart are read again, to the same answer).
        var costRead: (row: Int, isCost: Bool)?
        for position in indicators.indices where position < levels.count {
          // Only the comparison is read from the cell: binding its quantity copies (and counts) its unit.
          guard let comparison = indicators[position].target.quantityComparison else { continue }
          if comparison.isHigherBetter {
            let isCost =
              costRead.flatMap { levels[$0.row].isIdentical(to: levels[position]) ? $0.isCost : nil }
              ?? Self.isCost(levels[position])
            costRead = (position, isCost)
            guard isCost else { continue }
            findings.append(
              Finding(
                .costTargetRaises(target: indicators[position].targetText?.string ?? "", comparison: comparison),
                at: context.location(indicators[position])))
          } else if comparison.isLowerBetter, levels[position].level2.matches("数量") {
            findings.append(
              Finding(
                .quantityTargetLowers(target: indicators[position].targetText?.string ?? "", comparison: comparison),
                at: context.location(indicators[position])))
          }
        }
      }
    }
  }

  /// A 成本 row: its level 1 is 成本, or its level 2 names 成本.
  static func isCost(_ levels: LevelKeys) -> Bool {
    levels.level1.matches("成本") || levels.level2.key.contains("成本")
  }
}
