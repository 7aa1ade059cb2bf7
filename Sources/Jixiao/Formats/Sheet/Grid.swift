/// A table as printed, from any source of forms: a worksheet of an .xlsx, a table of a .docx, a CSV
/// file. Rows of cells (row 0 is the first row printed), each row as long as its last cell that holds
/// something; merged areas kept as they were declared, their value in the top-left cell and the others
/// empty (as CSV and flattened text give them). The form readers find the parts of a form in a grid;
/// every cell knows its reference, so what they read can say where it came from.
///
/// A sheet prints its title and year in cells; a Word table usually has them in paragraphs above it.
/// Those paragraphs are the grid's `preamble`, so a form reader finds the title wherever it was
/// printed without a second shape for documents.
public struct Grid: Sendable, Hashable {
  /// The file the grid was read from.
  public var file: String
  /// The sheet's name as on its tab (.xlsx); `表1`, `表2`… for a document's tables in order (`表1.1` for the
  /// first table inside a cell of `表1`); or the file's name.
  public var name: String
  /// Hidden sheets (Excel's `hidden` and `veryHidden`) are read too; templates keep lists there.
  public var isHidden: Bool
  /// Text printed just above the grid, outside it, one paragraph an element (line breaks inside it as
  /// `\n`), blank paragraphs left out: for a document table, the paragraphs since the previous table
  /// (`项目支出绩效自评表`, `（2023年度）`). Empty for a sheet or a CSV file, whose title is in its cells.
  public var preamble: [String]
  /// The cells, row by row (`GridStorage`: no object per cell).
  private var storage: GridStorage
  public private(set) var merges: [CellRange]
  /// Once there are `scannedMerges` areas: for each row that merged areas cross, the indexes of those
  /// areas in `merges` (derived from it, so left out of equality and hashing).
  private var mergesByRow: [Int: [Int]] = [:]

  public init(
    file: String, name: String, isHidden: Bool = false, preamble: [String] = [], rows: [[GridCell]] = [],
    merges: [CellRange] = []
  ) {
    self.init(file: file, name: name, isHidden: isHidden, preamble: preamble, merges: merges, storage: GridStorage())
    for row in rows {
      for cell in row where !cell.isEmpty { self[cell.reference] = cell }
    }
  }

  /// A sheet's grid, whose cells of a workbook's shared strings index `shared` (`SharedStrings.cells`).
  init(file: String, name: String, isHidden: Bool, sharing shared: [GridCell]) {
    var storage = GridStorage(shared: shared)
    // A form's sheet: a few dozen rows of a few cells each, room made once rather than doubled up to it.
    storage.reserve(rows: Self.reservedRows, cells: Self.reservedRows * 8)
    self.init(file: file, name: name, isHidden: isHidden, preamble: [], merges: [], storage: storage)
  }

  static let reservedRows = 32

  private init(file: String, name: String, isHidden: Bool, preamble: [String], merges: [CellRange], storage: GridStorage) {
    self.file = file
    self.name = name
    self.isHidden = isHidden
    self.preamble = preamble
    self.merges = merges
    self.storage = storage
  }

  /// The rows of cells (row 0 is the first printed), each as long as its last cell that holds something.
  /// Made when asked: a reader that goes through a row asks `cells(inRow:)`, a cell `self[reference]`.
  public var rows: [[GridCell]] { storage.rows }

  public var rowCount: Int { storage.rowCount }
  /// The longest row's length.
  public var columnCount: Int { storage.columnCount }

  /// A row's length: up to its last cell that holds something (0 beyond the rows).
  public func count(ofRow row: Int) -> Int {
    row >= 0 && row < storage.rowCount ? storage.count(ofRow: row) : 0
  }

  /// A row's cells, left to right, as `rows[row]` has them, without making the other rows.
  public func cells(inRow row: Int) -> Row { Row(storage: storage, row: row, count: count(ofRow: row)) }

  /// Whether the cell at a place is empty (`self[reference].isEmpty`), told without making the cell.
  public func isEmpty(at reference: CellReference) -> Bool {
    storage.isEmpty(row: reference.row, column: reference.column)
  }

  /// `self[row, column].standardVerdict`, told without making the cell (`FormGrid` asks it of every
  /// label).
  func standardVerdict(row: Int, column: Int) -> FormGrid.TextVerdict? {
    storage.standardVerdict(row: row, column: column)
  }

  /// `standardVerdict(row:column:)?.isNameHeader`, without telling the rest of the verdict.
  func standardIsNameHeader(row: Int, column: Int) -> Bool? {
    storage.standardIsNameHeader(row: row, column: column)
  }

  /// `self[row, column].text`, told without making the cell (`FormGrid` asks it of every cell of a header row's
  /// candidates).
  func text(row: Int, column: Int) -> String { storage.text(row: row, column: column) }

  /// `isEmpty(at: CellReference(row: row, column: column))`.
  public func isEmpty(row: Int, column: Int) -> Bool { storage.isEmpty(row: row, column: column) }

  /// For a grid read from text (a CSV), the line of the file each row starts on (a quoted cell may span
  /// lines); empty for sheets and document tables, whose cells are found by reference.
  public var rowLines: [Int] = []

  /// The cell at a place; an empty cell beyond the rows and columns that hold anything. Setting a
  /// cell grows the grid to reach it; setting an empty cell at the end of a row keeps the row short.
  public subscript(reference: CellReference) -> GridCell {
    get { storage.cell(row: reference.row, column: reference.column) }
    set {
      precondition(reference.row >= 0 && reference.column >= 0, "a cell reference is never negative")
      storage.set(newValue, row: reference.row, column: reference.column)
    }
  }

  /// The slot of a cell within the rows, which another place may be given (`set(_:at:)`): the same cell
  /// there, its box not kept again.
  func slot(at reference: CellReference) -> GridStorage.Slot {
    storage.slot(row: reference.row, column: reference.column)
  }

  /// Places a slot of this grid's (`slot(at:)`) at a place, as setting its cell there does.
  mutating func set(_ slot: GridStorage.Slot, at reference: CellReference) {
    storage.set(slot, row: reference.row, column: reference.column)
  }

  /// Places the cell of the workbook's shared string at `index` (one that is not empty) at a place, as
  /// setting `sharing[index]` there through the subscript does, without keeping its box again.
  mutating func setShared(_ index: Int, at reference: CellReference) {
    storage.set(GridStorage.sharedSlot(index, kind: .text), row: reference.row, column: reference.column)
  }

  public subscript(row: Int, column: Int) -> GridCell {
    get { self[CellReference(row: row, column: column)] }
    set { self[CellReference(row: row, column: column)] = newValue }
  }

  /// Adds a merged area; areas that overlap one already kept are ignored (Excel refuses them too).
  /// Returns whether the area was kept.
  @discardableResult
  public mutating func merge(_ range: CellRange) -> Bool {
    guard range.first != range.last else { return false }
    func overlaps(_ kept: CellRange) -> Bool {
      kept.first.row <= range.last.row && range.first.row <= kept.last.row && kept.first.column <= range.last.column
        && range.first.column <= kept.last.column
    }
    // A form has a few dozen areas, scanned; a sheet of a thousand forms has tens of thousands, which a
    // scan for each would make quadratic: past `scannedMerges` only the areas crossing the range's rows
    // are looked at.
    if merges.count < Self.scannedMerges {
      guard !merges.contains(where: overlaps) else { return false }
    } else {
      if mergesByRow.isEmpty {
        for (index, kept) in merges.enumerated() { indexMerge(kept, at: index) }
      }
      for row in range.first.row...range.last.row where mergesByRow[row]?.contains(where: { overlaps(merges[$0]) }) ?? false {
        return false
      }
      indexMerge(range, at: merges.count)
    }
    merges.append(range)
    return true
  }

  static let scannedMerges = 64

  private mutating func indexMerge(_ range: CellRange, at index: Int) {
    for row in range.first.row...range.last.row { mergesByRow[row, default: []].append(index) }
  }

  /// The merged area a cell lies in, if any.
  public func mergedRange(containing reference: CellReference) -> CellRange? {
    merges.first { $0.contains(reference) }
  }

  /// The cell that shows at a place: the top-left cell of the merged area it lies in, or itself.
  public func displayedCell(at reference: CellReference) -> GridCell {
    guard let range = mergedRange(containing: reference) else { return self[reference] }
    return self[range.first]
  }

  /// Where a cell is, for messages and provenance: the file, and the sheet and cell (`自评表!B7`) as
  /// the field; for a grid read from text, the file, the row's line and the cell (`B7`); for a cell that
  /// knows where a document printed it, that place (`GridCell.origin`).
  public func location(of reference: CellReference) -> SourceLocation {
    if let origin = self[reference].origin { return origin }
    guard rowLines.indices.contains(reference.row) else {
      return SourceLocation(file: file, field: reference.described(onSheet: name))
    }
    return SourceLocation(file: file, line: rowLines[reference.row], field: "\(reference)")
  }

  /// Where a paragraph of the preamble is (0 is the first): `表1, paragraph 2 above the table`.
  public func location(ofPreambleParagraph index: Int) -> SourceLocation {
    Self.location(ofPreambleParagraph: index, file: file, name: name)
  }

  /// Where a paragraph of a grid's preamble is, given the grid's file and name.
  public static func location(ofPreambleParagraph index: Int, file: String, name: String) -> SourceLocation {
    SourceLocation(file: file, field: "\(name), paragraph \(index + 1) above the table")
  }
}

extension Grid {
  public static func == (lhs: Grid, rhs: Grid) -> Bool {
    lhs.file == rhs.file && lhs.name == rhs.name && lhs.isHidden == rhs.isHidden && lhs.preamble == rhs.preamble
      && lhs.storage == rhs.storage && lhs.merges == rhs.merges && lhs.rowLines == rhs.rowLines
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(file)
    hasher.combine(name)
    hasher.combine(isHidden)
    hasher.combine(preamble)
    storage.hash(into: &hasher)
    hasher.combine(merges)
    hasher.combine(rowLines)
  }
}

extension Grid {
  /// A row's cells, left to right (`Grid.cells(inRow:)`): each made when asked.
  public struct Row: RandomAccessCollection, Sendable {
    fileprivate let storage: GridStorage
    public let row: Int
    public let count: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(column: Int) -> GridCell {
      precondition(column >= 0 && column < count, "a column within the row")
      return storage.cell(storage.slot(row: row, column: column), at: CellReference(row: row, column: column))
    }

    /// Whether the row's cell at `column` is empty, told without making the cell.
    public func isEmpty(at column: Int) -> Bool { storage.slot(row: row, column: column).isEmpty }
  }
}

extension Grid: CustomReflectable {
  /// A grid as its rows of cells, not its slots: what a failed expectation prints.
  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "file": file, "name": name, "isHidden": isHidden, "preamble": preamble, "rows": rows, "merges": merges,
        "rowLines": rowLines,
      ])
  }
}
