/// A grid's cells without an object or a reference count per cell: each cell is a `Slot` (its kind and
/// where its box is), the slots of all rows in one array, a row a span of it. A cell's box is the shared
/// empty box, one of the grid's own boxes (`boxes`), or a workbook's shared string (`shared`, the
/// workbook's one array, which every cell showing a string indexes instead of retaining its box). A
/// `GridCell` is made when a cell is asked for: one retain of its box, never an allocation.
///
/// A row is appended where the slots end, so a sheet read row by row, left to right, appends every cell
/// in place. A row that must grow and does not end the slots moves to their end with twice its room
/// (what an array of rows would do when it grows); the room it leaves is not reused.
struct GridStorage: Sendable {
  /// A cell as kept: its kind, and `index` 0 for the shared empty box, n > 0 for `boxes[n - 1]`, n < 0 for
  /// `shared[-n - 1]`.
  struct Slot: Sendable {
    var index: Int32
    var kind: GridCell.Kind

    static let empty = Slot(index: 0, kind: .empty)

    var isEmpty: Bool { kind == .empty }
  }

  /// A row's place in `slots`: its cells are `slots[start..<start + count]`; the slots up to
  /// `start + room` are its own and empty, for it to grow into.
  struct Span: Sendable {
    var start: Int
    var count: Int
    var room: Int
  }

  private(set) var spans: [Span] = []
  private var slots: [Slot] = []
  private var boxes: [GridCell.Content] = []
  /// The cells of a workbook's shared strings (`SharedStrings.cells`), indexed by negative slots.
  private(set) var shared: [GridCell] = []

  init(shared: [GridCell] = []) {
    self.shared = shared
  }

  /// Room for `rows` rows and `cells` cells, as a sheet's reader expects them.
  mutating func reserve(rows: Int, cells: Int) {
    spans.reserveCapacity(rows)
    slots.reserveCapacity(cells)
  }

  var rowCount: Int { spans.count }

  func count(ofRow row: Int) -> Int { spans[row].count }

  /// The slot at a place within the rows (`column < count(ofRow: row)`).
  func slot(row: Int, column: Int) -> Slot { slots[spans[row].start + column] }

  /// The cell a slot stands for, at a place.
  func cell(_ slot: Slot, at reference: CellReference) -> GridCell {
    if slot.index > 0 { return GridCell(sharing: boxes[Int(slot.index) - 1], reference: reference) }
    if slot.index < 0 {
      var cell = shared[-Int(slot.index) - 1]
      cell.reference = reference
      return cell
    }
    return .empty(reference)
  }

  /// The cell at a place; an empty cell beyond the rows and columns that hold anything.
  func cell(row: Int, column: Int) -> GridCell {
    let reference = CellReference(row: row, column: column)
    guard row >= 0, row < spans.count, column >= 0, column < spans[row].count else { return .empty(reference) }
    return cell(slots[spans[row].start + column], at: reference)
  }

  /// `cell(row:column:).standardVerdict`, told without making the cell.
  func standardVerdict(row: Int, column: Int) -> FormGrid.TextVerdict? {
    content(row: row, column: column)?.standardVerdict
  }

  /// `cell(row:column:).standardVerdict?.isNameHeader`, told without making the cell or the whole verdict.
  func standardIsNameHeader(row: Int, column: Int) -> Bool? {
    content(row: row, column: column)?.standardIsNameHeader
  }

  /// The box of the cell at a place, other than the shared empty one.
  private func content(row: Int, column: Int) -> GridCell.Content? {
    guard row >= 0, row < spans.count, column >= 0, column < spans[row].count else { return nil }
    let slot = slots[spans[row].start + column]
    if slot.index > 0 { return boxes[Int(slot.index) - 1] }
    if slot.index < 0 { return shared[-Int(slot.index) - 1].content }
    return nil
  }

  /// `cell(row:column:).text`, told without making the cell (no reference counted for its box).
  func text(row: Int, column: Int) -> String {
    guard row >= 0, row < spans.count, column >= 0, column < spans[row].count else { return "" }
    let slot = slots[spans[row].start + column]
    if slot.index > 0 { return boxes[Int(slot.index) - 1].text }
    if slot.index < 0 { return shared[-Int(slot.index) - 1].text }
    return ""
  }

  /// Whether the cell at a place is empty (`cell(row:column:).isEmpty`), without making the cell.
  func isEmpty(row: Int, column: Int) -> Bool {
    guard row >= 0, row < spans.count, column >= 0, column < spans[row].count else { return true }
    return slots[spans[row].start + column].isEmpty
  }

  /// The slot that keeps a cell: the shared empty box's, or a new one of the grid's boxes.
  private mutating func slot(keeping cell: GridCell) -> Slot {
    let box = cell.content
    // The kind first: a cell that holds something is never the shared empty box.
    if box.kind == .empty && box === GridCell.Content.empty { return .empty }
    precondition(boxes.count < Int(Int32.max), "a grid keeps fewer than 2³¹ cells")
    boxes.append(box)
    return Slot(index: Int32(boxes.count), kind: box.kind)
  }

  /// The slot of the shared string at `index` (`shared[index]`), whose cell is not empty.
  static func sharedSlot(_ index: Int, kind: GridCell.Kind) -> Slot {
    precondition(index < Int(Int32.max), "a workbook has fewer than 2³¹ shared strings")
    return Slot(index: Int32(-index - 1), kind: kind)
  }

  /// Sets the cell at a place, as `Grid`'s subscript does: growing the rows to reach it, except for an
  /// empty cell beyond a row's end, which leaves the row as it is.
  mutating func set(_ cell: GridCell, row: Int, column: Int) {
    if cell.isEmpty && (row >= spans.count || column >= spans[row].count) { return }
    set(slot(keeping: cell), row: row, column: column)
  }

  /// Places a slot, growing the rows to reach it (an empty slot too).
  mutating func set(_ slot: Slot, row: Int, column: Int) {
    precondition(row >= 0 && column >= 0, "a cell reference is never negative")
    if row >= spans.count { addRows(through: row) }
    let span = spans[row]
    if column < span.room {
      slots[span.start + column] = slot
      if column >= span.count { spans[row].count = column + 1 }
      return
    }
    if span.start + span.room == slots.count {
      // The row ends the slots (a sheet's row being read): it grows where it is.
      while slots.count < span.start + column { slots.append(.empty) }
      slots.append(slot)
      spans[row] = Span(start: span.start, count: column + 1, room: column + 1)
      return
    }
    move(row, reaching: column)
    slots[spans[row].start + column] = slot
    spans[row].count = column + 1
  }

  /// Adds empty rows up to `row`, each where the slots end.
  private mutating func addRows(through row: Int) {
    while spans.count <= row { spans.append(Span(start: slots.count, count: 0, room: 0)) }
  }

  /// Moves a row to the end of the slots, with room to reach `column` and to grow as much again.
  private mutating func move(_ row: Int, reaching column: Int) {
    let span = spans[row]
    let room = max(column + 1, 2 * span.room)
    let start = slots.count
    slots.reserveCapacity(start + room)
    for index in span.start..<(span.start + span.count) { slots.append(slots[index]) }
    while slots.count < start + room { slots.append(.empty) }
    spans[row] = Span(start: start, count: span.count, room: room)
  }

  /// The grid's cells as arrays of rows (`Grid.rows`).
  var rows: [[GridCell]] {
    spans.indices.map { row in (0..<spans[row].count).map { cell(row: row, column: $0) } }
  }

  /// The longest row's length.
  var columnCount: Int { spans.reduce(0) { max($0, $1.count) } }

  static func == (lhs: GridStorage, rhs: GridStorage) -> Bool {
    guard lhs.spans.count == rhs.spans.count else { return false }
    for row in lhs.spans.indices {
      guard lhs.spans[row].count == rhs.spans[row].count else { return false }
      for column in 0..<lhs.spans[row].count where lhs.cell(row: row, column: column) != rhs.cell(row: row, column: column) {
        return false
      }
    }
    return true
  }

  /// Hashes the cells as `[[GridCell]]` does: the row count, then each row's count and cells.
  func hash(into hasher: inout Hasher) {
    hasher.combine(spans.count)
    for row in spans.indices {
      hasher.combine(spans[row].count)
      for column in 0..<spans[row].count { hasher.combine(cell(row: row, column: column)) }
    }
  }
}
