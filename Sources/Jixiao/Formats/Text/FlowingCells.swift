/// A table as pdftotext prints it by default (seeds 000, 003, 004): the cells of a row one after another,
/// several to a line or one per line, a long cell wrapped over lines (`其中：当年财政拨` / `款`), labels printed
/// down the page one piece a line (`年` / `度` / `总` / `体` / `目` / `标`), the indicator header wrapped
/// (`一级` / `指标`), and a row's values run together (`线路改迁长度 <=600 米 =515 米 15 12.87 项目未完工`).
/// The text keeps no position, so cells are told apart by what they hold, column by column
/// (`TextColumn`): the header row names the columns, and each indicator row is found by its run of values
/// (a target with its operator, numbers for weight and score) in the order the header gives them; what
/// prints before the run is the row's levels and name, what prints after it its remaining text columns.
///
/// The grid it assembles is the table as printed: title and year first (a table's title may print below
/// its first rows, seed 004 line 549), header block, funds block, goals, indicator header and rows, total
/// row. Each cell's origin is the line of its first piece; a cell placed by a guess carries its doubt.
struct FlowingCells {
  let text: DocumentText
  let segment: TableSegmenter.Segment
  let vocabulary: FormVocabulary

  /// A piece of text as printed: one word of a line (words are separated by one space).
  struct Piece {
    var text: String
    var line: DocumentText.Line
  }

  func grid(name: String) -> Grid {
    var builder = GridRows(text: text, name: name)
    let lines = text.lines[segment.lines].filter { !$0.isBlank && !$0.isPageNumber }
    // Title and year first, wherever they print.
    if let title = lines.firstIndex(where: { $0.number == text.lines[segment.title].number }) {
      builder.add([cell(lines[title].text.trimmingSpaces(), lines[title])])
      if title + 1 < lines.count, FormText.year(ofYearCell: lines[title + 1].text) != nil {
        builder.add([cell(lines[title + 1].text.trimmingSpaces(), lines[title + 1])])
      }
    }
    let skipped = Set(builder.usedLines)
    let body = lines.filter { !skipped.contains($0.number) }
    let title = text.lines[segment.title].text
    let isUnit = ["整体", "单位绩效", "部门绩效"].contains { title.contains($0) }
    var reader = PartReader(lines: body, vocabulary: vocabulary, text: text, isUnitTable: isUnit)
    var index = 0
    // Every part takes at least its first line, so the reading ends whatever the lines hold.
    while index < body.count { index = max(reader.readPart(at: index, into: &builder), index + 1) }
    return builder.grid
  }

  private func cell(_ printed: String, _ line: DocumentText.Line) -> GridCell {
    GridCell(kind: .text, text: printed, reference: CellReference(row: 0, column: 0), origin: text.location(of: line))
  }
}

/// The grid as it is assembled, row by row.
struct GridRows {
  private(set) var grid: Grid
  private(set) var usedLines: [Int] = []
  let text: DocumentText

  init(text: DocumentText, name: String) {
    self.text = text
    grid = Grid(file: text.file, name: name)
  }

  /// Adds a row: each cell at its column (its reference's column, or its position when `positional`).
  mutating func add(_ cells: [GridCell], positional: Bool = true) {
    let row = grid.rowCount
    var firstLine: Int?
    for (position, cell) in cells.enumerated() where !cell.isEmpty {
      grid[row, positional ? position : cell.reference.column] = cell
      if firstLine == nil { firstLine = cell.origin?.line }
      if let line = cell.origin?.line { usedLines.append(line) }
    }
    guard grid.rowCount > row else { return }
    grid.rowLines.append(firstLine ?? 0)
  }
}

/// What a column of the indicator block holds, by its header (TableSchema): how a run of values is told.
enum TextColumn: Equatable {
  case level1, level2, name
  /// A target or actual: an operator and number, a number, a date, or a short word (有效).
  case value
  /// A weight or a score: a plain number, `分` allowed.
  case number
  /// A completion: a number or a percent.
  case rate
  /// Any other text (依据, 赋分规则, 佐证资料, 偏差原因 …), one piece when inside the run.
  case text

  init(header key: String) {
    switch PartReader.indicatorFields[key] {
    case .level1: self = .level1
    case .level2: self = .level2
    case .indicatorName: self = .name
    case .target, .actual: self = .value
    case .weight, .claimedScore: self = .number
    case .claimedCompletion: self = .rate
    default: self = .text
    }
  }

  func accepts(_ piece: String) -> Bool {
    switch self {
    case .number: TextColumn.isNumber(piece)
    case .rate: TextColumn.isNumber(FormText.droppingPercent(piece))
    case .value: TextColumn.isValue(piece)
    case .text: !piece.isEmpty
    case .level1, .level2, .name: false
    }
  }

  static func isNumber(_ piece: String) -> Bool {
    var text = Substring(piece.trimmingSpaces())
    if text.hasSuffix("分") { text = text.dropLast() }
    text = Substring(text.trimmingSpaces())
    guard !text.isEmpty, text.utf8.first != UInt8(ascii: ".") else { return false }
    var dots = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: ".") {
        dots += 1
      } else if byte < 0x30 || byte > 0x39 {
        return false
      }
    }
    return dots <= 1
  }

  /// The symbol operators the cell grammar reads (`CellGrammar`): a value starts with one.
  static let operators: [String] = CellGrammar.symbolOperators.map(\.0)

  static func startsWithOperator(_ piece: String) -> Bool { operators.contains { piece.hasPrefix($0) } }

  static func startsWithOperatorOrDigit(_ piece: String) -> Bool {
    guard let first = piece.unicodeScalars.first else { return false }
    return startsWithOperator(piece) || ("0"..."9").contains(first)
  }

  /// A target or actual: it starts with an operator or a digit, or is a short word without digits.
  static func isValue(_ piece: String) -> Bool {
    guard !piece.isEmpty else { return false }
    if startsWithOperatorOrDigit(piece) { return true }
    let count = piece.unicodeScalars.count
    return count <= 8 && !piece.unicodeScalars.contains { ("0"..."9").contains($0) }
      && !piece.unicodeScalars.contains { "，。；：、".unicodeScalars.contains($0) }
  }
}
