/// The 一级指标 and 二级指标 of a flat CSV's indicator rows, filled down: a sheet prints a level once in a
/// merged cell over its indicators, and saved as CSV leaves the rows below its first blank
/// (docs/rules.md, "Levels left blank under a merged cell"). A blank level cell is the level of the
/// indicator row above it in the same table; a blank 二级指标 only while the 一级指标 is the one above (a
/// merged 二级指标 lies within its 一级指标). A row that prints no indicator cell of its own gets none, and a
/// structural row (the funds row, a total row) ends the filling. 三级指标 and every other cell are never
/// filled: a blank one is blank.
///
/// Levels are kept as the rows that print them (offsets in the table's rows), not as their text: a row
/// costs a few integers, and the text is taken from the row that prints it, with its line.
struct LevelFill {
  private var level1Row: Int?
  private var level2Row: Int?

  /// The rows whose cells give row `row` its 一级指标 and 二级指标: the row itself where it prints the level,
  /// the row above that printed it where it does not, or none. `sameLevel1(above)` tells whether the row's
  /// own 一级指标 is that of row `above`; `printsOwnCell` whether the row prints an indicator cell besides its
  /// levels. Each is asked only when needed. A row that prints nothing else gets its own levels only, and
  /// still carries them down: it may be the first row under a merged cell.
  mutating func row(
    _ row: Int, printsLevel1: Bool, printsLevel2: Bool, sameLevel1: (_ above: Int) -> Bool, printsOwnCell: () -> Bool
  ) -> (level1: Int?, level2: Int?) {
    let next1 = printsLevel1 ? row : level1Row
    let next2: Int?
    if printsLevel2 {
      next2 = row
    } else if !printsLevel1 {
      next2 = level2Row
    } else if let above = level1Row, sameLevel1(above) {
      next2 = level2Row
    } else {
      next2 = nil
    }
    let fills = (!printsLevel1 && next1 != nil) || (!printsLevel2 && next2 != nil)
    (level1Row, level2Row) = (next1, next2)
    guard !fills || printsOwnCell() else { return (printsLevel1 ? row : nil, printsLevel2 ? row : nil) }
    return (next1, next2)
  }

  /// A structural row: the rows below it fill from nothing above.
  mutating func end() {
    (level1Row, level2Row) = (nil, nil)
  }
}
