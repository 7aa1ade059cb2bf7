/// A grid as the locator reads it: each row classified once by the anchor word that begins it, and the
/// merged areas indexed by row, so every question the locator asks costs a row's cells or merges, never a
/// scan of the sheet.
///
/// A class, immutable once made: every reader of a table's parts holds the view, and a copy of it is then
/// one reference count, not one for each array of the grid and set of the vocabulary.
final class FormGrid {
  /// What a row begins with.
  enum Anchor: Equatable {
    case blank
    /// A row that holds something but no anchor word.
    case other
    case title
    case headerLabel
    case funds
    case goals
    /// The indicator block's header row; `nameColumn` is the grid column of 三级指标 (or 指标名称).
    case indicatorHeader(nameColumn: Int)
    case total
    case note

    /// Whether a table may begin at a row of this kind.
    var startsTable: Bool {
      switch self {
      case .title, .headerLabel, .funds, .goals, .indicatorHeader: true
      default: false
      }
    }
  }

  /// A row's anchor and the cell that carries it (the row's first cell that holds something, or the name
  /// header of an indicator header row).
  struct RowAnchor {
    var anchor: Anchor
    var cell: GridCell?
    /// How many of the row's cells hold something.
    var filledCount = 0
  }

  let grid: Grid
  let vocabulary: FormVocabulary
  private(set) var anchors: [RowAnchor] = []
  /// Whether the vocabulary is the standard one, under which shared strings' verdicts were told.
  private let usesSharedVerdicts: Bool
  /// The indexes of the merged areas that cross each row: those of row r are
  /// `mergeIndexes[mergeStarts[r]..<mergeStarts[r + 1]]` (one array for the sheet, not one per row).
  private var mergeStarts: [Int]
  private var mergeIndexes: [Int]

  /// Cells longer than this, in UTF-8 bytes, are never anchor words (a goal's text, a long name): their
  /// keys are not made. 72 bytes are 24 CJK characters; a title may reach 80.
  static let longestAnchor = 72
  static let longestTitle = 240

  init(_ grid: Grid, vocabulary: FormVocabulary) {
    self.grid = grid
    self.vocabulary = vocabulary
    // Equal vocabularies built alike share their sets' storage, and the comparison ends there.
    usesSharedVerdicts = vocabulary == .standard
    var starts = Array(repeating: 0, count: grid.rowCount + 1)
    for range in grid.merges where range.first.row < grid.rowCount {
      for row in range.first.row...min(range.last.row, grid.rowCount - 1) { starts[row + 1] += 1 }
    }
    for row in 0..<grid.rowCount { starts[row + 1] += starts[row] }
    var indexes = Array(repeating: 0, count: starts[grid.rowCount])
    var filledTo = starts
    for (index, range) in grid.merges.enumerated() where range.first.row < grid.rowCount {
      for row in range.first.row...min(range.last.row, grid.rowCount - 1) {
        indexes[filledTo[row]] = index
        filledTo[row] += 1
      }
    }
    mergeStarts = starts
    mergeIndexes = indexes
    anchors = (0..<grid.rowCount).map(classify)
  }

  var rowCount: Int { grid.rowCount }

  func cells(_ row: Int) -> Grid.Row { grid.cells(inRow: row) }

  /// The row's cells that hold something, left to right (`grid.rows[row].filter { !$0.isEmpty }`).
  func filled(_ row: Int) -> [GridCell] {
    // Asked of most rows, several times: made in one allocation, the empty cells never made.
    var filled: [GridCell] = []
    filled.reserveCapacity(anchors[row].filledCount)
    for column in 0..<grid.count(ofRow: row) where !grid.isEmpty(row: row, column: column) {
      filled.append(grid[row, column])
    }
    return filled
  }

  func isBlank(_ row: Int) -> Bool { anchors[row].anchor == .blank }

  /// The merged area a cell lies in.
  func merge(at reference: CellReference) -> CellRange? {
    guard reference.row >= 0, reference.row < grid.rowCount else { return nil }
    for index in mergeIndexes[mergeStarts[reference.row]..<mergeStarts[reference.row + 1]]
    where grid.merges[index].contains(reference) {
      return grid.merges[index]
    }
    return nil
  }

  /// The last column a cell shows across (its merge's, or its own).
  func lastColumn(of reference: CellReference) -> Int {
    merge(at: reference)?.last.column ?? reference.column
  }

  static func isShort(_ text: String) -> Bool { text.utf8.count <= longestAnchor }

  /// Whether the locator may ask a text's keys: a title's length at most (`GridCell.sharedText` makes
  /// the keys of these once).
  static func isKeyed(_ text: String) -> Bool { text.utf8.count <= longestTitle }

  /// What classifying a row asks of one cell's text: whether it is a name header, whether a title, and
  /// what it anchors as a row's first cell that is no title. `GridCell.sharedText` tells this once for a
  /// workbook's shared string under the standard vocabulary (`verdict(of:labelKey:vocabulary:)` is the
  /// definition), so a sheet's labels are classified once a workbook, not once a cell.
  struct TextVerdict: Equatable, Sendable {
    var isNameHeader: Bool
    var isTitle: Bool
    /// The row's anchor when the text begins it and is not read as a title.
    var anchor: Anchor
  }

  /// The verdict on a text, its label key made only when asked (a text longer than a title has none).
  static func verdict(of text: String, labelKey: () -> String, vocabulary: FormVocabulary) -> TextVerdict {
    // A title may be long (部门（单位）整体支出绩效（目标）自评表 with its year), never a paragraph.
    guard text.utf8.count <= longestTitle else { return TextVerdict(isNameHeader: false, isTitle: false, anchor: .other) }
    let key = labelKey()
    let isTitle = vocabulary.isTitle(key)
    guard isShort(text) else { return TextVerdict(isNameHeader: false, isTitle: isTitle, anchor: .other) }
    let mayBeLabel = vocabulary.mayBeAnchorLabel(key)
    let anchor: Anchor =
      if mayBeLabel && vocabulary.totalLabels.contains(key) {
        .total
      } else if vocabulary.isNote(key) {
        .note
      } else if mayBeLabel && vocabulary.goalsLabels.contains(key) {
        .goals
      } else if vocabulary.isFundsLabel(key) {
        .funds
      } else if mayBeLabel && vocabulary.headerLabels.contains(key) {
        .headerLabel
      } else {
        .other
      }
    return TextVerdict(
      isNameHeader: isNameHeader(text, labelKey: key, vocabulary: vocabulary), isTitle: isTitle, anchor: anchor)
  }

  /// Whether a text prints a name header (三级指标, 指标名称).
  static func isNameHeader(_ text: String, labelKey: @autoclosure () -> String, vocabulary: FormVocabulary) -> Bool {
    isShort(text) && vocabulary.mayBeNameHeader(text) && vocabulary.nameHeaders.contains(labelKey())
  }

  /// A shared string's verdict, where this grid's vocabulary is the one it was told under; asked of the
  /// grid, so that a cell is made only when its verdict must be told.
  private func sharedVerdict(row: Int, column: Int) -> TextVerdict? {
    usesSharedVerdicts ? grid.standardVerdict(row: row, column: column) : nil
  }

  private func classify(_ row: Int) -> RowAnchor {
    // Empty cells are told by the grid, never made.
    let count = grid.count(ofRow: row)
    var firstIndex = -1
    var filledCount = 0
    for index in 0..<count where !grid.isEmpty(row: row, column: index) {
      if firstIndex < 0 { firstIndex = index }
      filledCount += 1
    }
    guard firstIndex >= 0 else { return RowAnchor(anchor: .blank) }
    // A header row holds its neighbours' headers too; a lone 三级指标 cell is a label, not a header.
    if filledCount >= 3 {
      for index in 0..<count where !grid.isEmpty(row: row, column: index) {
        let isNameHeader: Bool
        if usesSharedVerdicts, let shared = grid.standardIsNameHeader(row: row, column: index) {
          isNameHeader = shared
        } else {
          // Told on the text alone (most of these are numbers), the cell made only for a header found.
          let text = grid.text(row: row, column: index)
          isNameHeader = Self.isNameHeader(text, labelKey: FormText.labelKey(text), vocabulary: vocabulary)
        }
        guard isNameHeader else { continue }
        return RowAnchor(anchor: .indicatorHeader(nameColumn: index), cell: grid[row, index], filledCount: filledCount)
      }
    }
    let first = grid[row, firstIndex]
    let verdict =
      sharedVerdict(row: row, column: firstIndex)
      ?? Self.verdict(of: first.text, labelKey: { first.labelKey }, vocabulary: vocabulary)
    if verdict.isTitle, filledCount <= 3 { return RowAnchor(anchor: .title, cell: first, filledCount: filledCount) }
    return RowAnchor(anchor: verdict.anchor, cell: first, filledCount: filledCount)
  }
}
