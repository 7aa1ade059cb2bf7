/// Finds the printed tables in a grid (an .xlsx sheet, a .docx table, a form CSV) by their content: a
/// title ending in 自评表 or 目标表, header-block labels (项目名称 …), the funds label (项目资金 …), the goals
/// label (年度总体目标 …), the indicator header (a row holding 三级指标 or 指标名称), the total row (总分,
/// 合计 …). No row number is assumed: tables may stand one per sheet or several on one, with or without
/// blank rows between them, with or without a title.
///
/// Each row is classified once and each cell read a bounded number of times, so locating is linear in the
/// grid's cells (and in the rows its merged areas cross).
public struct FormLocator: Sendable {
  public var vocabulary: FormVocabulary

  public init(vocabulary: FormVocabulary = .standard) {
    self.vocabulary = vocabulary
  }

  /// Every table the grid holds, top to bottom. A grid with no anchor word at all holds none.
  public func forms(in grid: Grid) -> [PrintedForm] {
    let view = FormGrid(grid, vocabulary: vocabulary)
    var forms: [PrintedForm] = []
    var leading: [GridCell] = []
    var row = 0
    while row < view.rowCount {
      guard view.anchors[row].anchor.startsTable else {
        // Above the first table (a table reads on to the next one's start): its corner.
        leading += view.filled(row)
        row += 1
        continue
      }
      var reader = PrintedFormReader(view: view, start: row)
      var form = reader.read()
      if forms.isEmpty {
        form.corner.insert(contentsOf: leading, at: 0)
        leading = []
        readTitleAndYear(from: grid.preamble, into: &form)
      }
      forms.append(consume form)
      row = reader.next
    }
    return forms
  }

  /// A Word form prints its title and year in paragraphs above the table: where the table's cells print
  /// none, the last paragraph that is a title, and the last that is a year (else the year in the title's
  /// text). A cell of the table wins over a paragraph.
  private func readTitleAndYear(from preamble: [String], into form: inout PrintedForm) {
    defer {
      // The rest is kept: a paragraph that is neither the title nor the year read.
      let used = [form.title?.paragraph, form.year?.printed.paragraph]
      form.paragraphsAbove = preamble.indices.filter { !used.contains($0) && !preamble[$0].isBlankText }.map {
        .paragraph(index: $0, text: preamble[$0])
      }
    }
    if form.title == nil, let index = preamble.indices.last(where: { vocabulary.isTitle(printed: preamble[$0]) }) {
      form.title = .paragraph(index: index, text: preamble[index])
    }
    guard form.year == nil else { return }
    for index in preamble.indices.reversed() {
      if let year = FormText.year(ofYearCell: preamble[index]) {
        form.year = PrintedYear(printed: .paragraph(index: index, text: preamble[index]), year: year)
        return
      }
    }
    if let title = form.title, title.paragraph != nil, let year = FormText.year(inText: title.text) {
      form.year = PrintedYear(printed: title, year: year)
    }
  }
}

/// Reads one table from its first row on; `next` is the row after it.
struct PrintedFormReader {
  let view: FormGrid
  let start: Int
  private(set) var next: Int
  private var form: PrintedForm
  private var vocabulary: FormVocabulary { view.vocabulary }

  init(view: FormGrid, start: Int) {
    self.view = view
    self.start = start
    next = start
    form = PrintedForm(file: view.grid.file, sheet: view.grid.name, rows: start...start)
    form.sheetIsHidden = view.grid.isHidden
  }

  private enum Part {
    case title, header, funds, goals, indicators
  }

  /// The parts a table has read so far: a few bits, not a hashed set, since every row asks.
  private struct Parts: OptionSet {
    let rawValue: UInt8
    static let title = Parts(rawValue: 1 << 0)
    static let header = Parts(rawValue: 1 << 1)
    static let funds = Parts(rawValue: 1 << 2)
    static let goals = Parts(rawValue: 1 << 3)
    static let indicators = Parts(rawValue: 1 << 4)
  }

  mutating func read() -> PrintedForm {
    var row = start
    var last = start
    var seen: Parts = []
    var lastPart: Part?
    var afterTotal = false
    parts: while row < view.rowCount {
      let anchor = view.anchors[row]
      if afterTotal {
        // What follows the total row up to the next table is this table's: remarks, or rows reported.
        let signOff = anchor.anchor == .blank ? nil : signOffPairs(in: row)
        switch anchor.anchor {
        case .blank: break
        case .note: form.notes.append(labeled(row: row, label: anchor.cell!))
        case _ where signOff != nil: form.signOff += signOff!
        case let other where other.startsTable: break parts
        default: form.unplacedRows.append(UnplacedRow(row: row, cells: view.filled(row), reason: "below the table's total row"))
        }
        if anchor.anchor != .blank { last = row }
        row += 1
        continue
      }
      switch anchor.anchor {
      case .blank:
        row += 1
        continue
      case .title:
        guard seen.isEmpty else { break parts }
        row = readTitle(at: row)
        seen.insert(.title)
        lastPart = .title
      case .headerLabel:
        guard !seen.contains(.funds) && !seen.contains(.goals) && !seen.contains(.indicators) else { break parts }
        readHeader(row: row)
        seen.insert(.header)
        lastPart = .header
        row += 1
      case .funds:
        guard !seen.contains(.funds) && !seen.contains(.indicators) else { break parts }
        row = readFunds(at: row)
        seen.insert(.funds)
        lastPart = .funds
      case .goals:
        guard !seen.contains(.indicators) else { break parts }
        row = readGoals(at: row)
        seen.insert(.goals)
        lastPart = .goals
      case .indicatorHeader(let nameColumn):
        guard !seen.contains(.indicators) else { break parts }
        var reader = IndicatorBlockReader(view: view, headerRow: row, nameColumn: nameColumn)
        let block = reader.read()
        form.indicators = block.block
        form.unplacedRows += block.unplacedRows
        form.unnamedColumns = block.unnamedColumns
        last = max(last, block.lastRow)
        row = block.lastRow + 1
        seen.insert(.indicators)
        lastPart = .indicators
      case .note:
        form.notes.append(labeled(row: row, label: anchor.cell!))
        row += 1
      case .total:
        readTotal(row: row)
        afterTotal = true
        row += 1
      case .other:
        switch lastPart {
        case nil, .title: form.corner += view.filled(row)
        case .header: readHeader(row: row)
        default:
          form.unplacedRows.append(
            UnplacedRow(row: row, cells: view.filled(row), reason: "between the table's parts, in none of them"))
        }
        row += 1
      }
      last = max(last, row - 1)
    }
    // Trailing blank rows are no part of the table.
    while last > start, view.isBlank(last) { last -= 1 }
    next = max(row, start + 1)
    form.rows = start...last
    let lines = view.grid.rowLines
    if lines.indices.contains(last) { form.lines = Array(lines[start...last]) }
    // Handed over, not copied (a form holds a few dozen arrays): the reader is done with it.
    var read = PrintedForm(file: form.file, sheet: form.sheet, rows: form.rows)
    swap(&read, &form)
    return read
  }

  // MARK: Title and year

  /// The title, then the year: in its own cell on the next row that holds something, or in the title's text.
  private mutating func readTitle(at row: Int) -> Int {
    let cells = view.filled(row)
    form.title = .cell(cells[0])
    form.corner += cells.dropFirst().filter { cell in
      guard let year = FormText.year(ofYearCell: cell.text) else { return true }
      form.year = PrintedYear(cell: cell, year: year)
      return false
    }
    var next = row + 1
    while next < view.rowCount, view.isBlank(next) { next += 1 }
    if form.year == nil, next < view.rowCount, view.anchors[next].anchor == .other {
      let cells = view.filled(next)
      for index in cells.indices {
        guard let year = FormText.year(ofYearCell: cells[index].text) else { continue }
        form.year = PrintedYear(cell: cells[index], year: year)
        form.corner += cells[..<index]
        form.corner += cells[(index + 1)...]
        return next + 1
      }
    }
    if form.year == nil, let title = form.title, let year = FormText.year(inText: title.text) {
      form.year = PrintedYear(printed: title, year: year)
    }
    return row + 1
  }

  // MARK: Header block

  /// Static, so that passing it captures the vocabulary, not a copy of the reader and its form.
  private static func isHeaderLabel(_ cell: GridCell, vocabulary: FormVocabulary) -> Bool {
    guard FormGrid.isShort(cell.text) else { return false }
    let labelKey = cell.labelKey
    return vocabulary.headerLabels.contains(labelKey) || labelKey != cell.key
  }

  /// Label | value pairs across a row; several on one row, a value merged or not, or left blank.
  private mutating func readHeader(row: Int) {
    let vocabulary = vocabulary
    let (pairs, loose) = pairs(in: view.filled(row), isLabel: { Self.isHeaderLabel($0, vocabulary: vocabulary) })
    form.header += pairs
    form.corner += loose
  }

  /// Pairs each label with the next cell that holds something before the next label; a label followed
  /// by none gets the empty cell right after it (after its merge). Cells that are neither are returned
  /// apart.
  private func pairs(in cells: [GridCell], isLabel: (GridCell) -> Bool) -> (pairs: [LabeledCell], loose: [GridCell]) {
    var pairs: [LabeledCell] = []
    var loose: [GridCell] = []
    var label: GridCell?
    var value: GridCell?
    func flush() {
      guard let label else { return }
      let after = CellReference(row: label.reference.row, column: view.lastColumn(of: label.reference) + 1)
      pairs.append(LabeledCell(label: label, value: value ?? view.grid[after]))
    }
    for cell in cells {
      if isLabel(cell) {
        flush()
        label = cell
        value = nil
      } else if label != nil, value == nil {
        value = cell
      } else {
        loose.append(cell)
      }
    }
    flush()
    return (pairs, loose)
  }

  /// A row that only signs the form (填报人：张三 | 联系电话： | 0908-…): its label:value pairs; nil when
  /// anything on it is neither a sign-off label nor a label's value.
  private func signOffPairs(in row: Int) -> [LabeledCell]? {
    let vocabulary = vocabulary
    let (pairs, loose) = pairs(in: view.filled(row), isLabel: { FormGrid.isShort($0.text) && vocabulary.isSignOff($0.text) })
    return pairs.isEmpty || !loose.isEmpty ? nil : pairs
  }

  private func labeled(row: Int, label: GridCell) -> LabeledCell {
    let after = view.lastColumn(of: label.reference) + 1
    let value = view.filled(row).first { $0.reference.column >= after } ?? view.grid[CellReference(row: row, column: after)]
    return LabeledCell(label: label, value: value)
  }

  // MARK: Funds block

  /// Whether a row still belongs to the block above it: rows that begin with no anchor word, and the
  /// funds block's own total (合计) rows.
  private func continuesBlock(_ row: Int, allowingTotal: Bool) -> Bool {
    switch view.anchors[row].anchor {
    case .other, .blank: true
    case .total: allowingTotal
    default: false
    }
  }

  /// The label row, then either label:value pairs on it (a one-row block) or a header row (the label's
  /// own row, or the next) and the rows under it until the next part.
  private mutating func readFunds(at row: Int) -> Int {
    let label = view.anchors[row].cell!
    let labelEnd = view.lastColumn(of: label.reference)
    let rest = view.filled(row).filter { $0.reference.column > labelEnd }
    var funds = FundsBlock(label: PointsLabel(label))
    var next = row + 1
    if rest.contains(where: { FormText.hasColon($0.text) }) {
      var cells = rest
      while next < view.rowCount, continuesBlock(next, allowingTotal: false) {
        cells += view.filled(next)
        next += 1
      }
      let (pairs, loose) = pairs(in: cells, isLabel: { FormText.hasColon($0.text) })
      funds.pairs = pairs
      if !loose.isEmpty {
        form.unplacedRows.append(
          UnplacedRow(row: row, cells: loose, reason: "in the funds block, neither a label with a colon nor its value"))
      }
      form.funds = funds
      return next
    }
    var headers = rest
    if headers.isEmpty, next < view.rowCount, view.anchors[next].anchor == .other {
      headers = view.filled(next)
      next += 1
    }
    funds.columns = headers.map { FormColumn(column: $0.reference.column, header: $0) }
    let spans = headers.map { ($0.reference.column, view.lastColumn(of: $0.reference)) }
    while next < view.rowCount, continuesBlock(next, allowingTotal: true) {
      defer { next += 1 }
      guard !view.isBlank(next) else { continue }
      var cells = spans.map { view.grid[CellReference(row: next, column: $0.0)] }
      var labels: [GridCell] = []
      // Empty cells told by the grid, never made.
      let own = view.cells(next)
      for column in own.indices where !own.isEmpty(at: column) {
        let cell = own[column]
        guard let index = spans.firstIndex(where: { ($0.0...$0.1).contains(column) }) else {
          labels.append(cell)
          continue
        }
        let own = CellReference(row: next, column: spans[index].0)
        if column == own.column { continue }
        // Beside the header's own column, under its merge: the column's value where its own cell is blank
        // and no merge from above covers it; else a label of the row (上级安排 beside 财政资金 merged down).
        if cells[index].isEmpty && view.merge(at: own) == nil {
          cells[index] = cell
        } else {
          labels.append(cell)
        }
      }
      let fundsRow = FundsRow(row: next, labels: labels, cells: cells)
      func isTotal(_ cell: GridCell) -> Bool { !cell.isEmpty && vocabulary.isFundsTotal(cell.text) }
      if funds.totalRow == nil, labels.contains(where: isTotal) || cells.contains(where: isTotal) {
        funds.totalRow = next
      }
      funds.rows.append(fundsRow)
    }
    form.funds = funds
    return next
  }

  // MARK: Goals block

  /// The label row, then the texts: on the rows below, each under the header above it (预期目标 |
  /// 实际完成情况); or, when the next part follows at once, beside the label.
  private mutating func readGoals(at row: Int) -> Int {
    let label = view.anchors[row].cell!
    let labelEnd = view.lastColumn(of: label.reference)
    let headers = view.filled(row).filter { $0.reference.column > labelEnd }
    var goals = form.goals ?? GoalsBlock(label: label)
    var next = row + 1
    var sawText = false
    while next < view.rowCount, continuesBlock(next, allowingTotal: false) {
      defer { next += 1 }
      // Empty cells told by the grid, never made.
      let own = view.cells(next)
      for column in own.indices where !own.isEmpty(at: column) {
        let cell = own[column]
        sawText = true
        let header = headers.last { $0.reference.column <= cell.reference.column }
        goals.entries.append(GoalsBlock.Entry(header: header, text: cell))
      }
    }
    if !sawText { goals.entries += headers.map { GoalsBlock.Entry(header: nil, text: $0) } }
    form.goals = goals
    return next
  }

  // MARK: Total row

  private mutating func readTotal(row: Int) {
    let label = view.anchors[row].cell!
    let labelColumns = label.reference.column...view.lastColumn(of: label.reference)
    var total = TotalRow(label: label)
    let block = form.indicators
    /// The cell of a column on this row: nil where the label's or another merge covers it.
    func cell(under index: Int?) -> GridCell? {
      guard let index, let block else { return nil }
      let reference = CellReference(row: row, column: block.columns[index].column)
      guard !labelColumns.contains(reference.column) else { return nil }
      if let range = view.merge(at: reference), range.first != reference { return nil }
      return view.grid[reference]
    }
    total.weightSum = cell(under: block?.weightColumn)
    total.claimedTotal = cell(under: block?.scoreColumn)
    let taken = [label.reference, total.weightSum?.reference, total.claimedTotal?.reference]
    for cell in view.cells(row) where !cell.isEmpty && !taken.contains(cell.reference) {
      if total.grade == nil, vocabulary.grades.contains(cell.key) {
        total.grade = cell
      } else {
        total.otherCells.append(cell)
      }
    }
    form.total = total
  }
}
