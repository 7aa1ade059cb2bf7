/// The 一级指标 and 二级指标 of a flat CSV's indicator rows, filled down: a sheet prints a level once in a
/// merged cell over its indicators, and saved as CSV leaves the rows below its first blank
/// (docs/rules.md, "Levels left blank under a merged cell"). A blank level cell is the level of the
/// indicator row above it in the same table; a blank 二级指标 only while the 一级指标 is the one above (a
/// merged 二级指标 lies within its 一级指标). A row that prints no indicator cell of its own gets none, and a
/// structural row (the funds row, a total row) ends the filling. 三级指标 and every other cell are never
/// filled: a blank one is blank.
struct LevelFill {
  /// A level as printed, and the line of the row that prints it.
  struct Level: Equatable {
    var text: String
    var line: Int
  }

  private var level1: Level?
  private var level2: Level?

  /// The levels of an indicator row on `line`, from its own level cells (nil when blank) or from the rows
  /// above; `printsOwnCell` (whether the row prints an indicator cell besides its levels) is asked only when
  /// a level would be filled. A row that prints nothing else gets its own levels only, and still carries
  /// them down: it may be the first row under a merged cell.
  mutating func row(level1 cell1: String?, level2 cell2: String?, line: Int, printsOwnCell: () -> Bool) -> (
    level1: Level?, level2: Level?
  ) {
    let own1 = cell1.map { Level(text: $0, line: line) }
    let own2 = cell2.map { Level(text: $0, line: line) }
    let next1 = own1 ?? level1
    let next2 = own2 ?? (next1?.text == level1?.text ? level2 : nil)
    let fills = (own1 == nil && next1 != nil) || (own2 == nil && next2 != nil)
    (level1, level2) = (next1, next2)
    guard !fills || printsOwnCell() else { return (own1, own2) }
    return (next1, next2)
  }

  /// A structural row: the rows below it fill from nothing above.
  mutating func end() {
    (level1, level2) = (nil, nil)
  }
}
