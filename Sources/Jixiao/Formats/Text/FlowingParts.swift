/// Reads the parts of a table printed as flowing text, line by line, into grid rows (FlowingCells).
struct PartReader {
  let lines: [DocumentText.Line]
  let vocabulary: FormVocabulary
  let text: DocumentText
  /// A 部门（单位）整体 table (its title says so), whose 一级 names are a unit's.
  let isUnitTable: Bool

  /// The level names a table prints (spec: the national template's 一级 and 二级 names, and a unit table's
  /// 一级 names), by which wrapped level pieces are told from a name or an explanation.
  static let projectLevelNames: Set<String> = [
    "产出指标", "效益指标", "成本指标", "满意度指标", "数量指标", "质量指标", "时效指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
    "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
  ]
  /// A unit table's 一级 names (运行成本 …), read as levels only in a unit table's block: in a project's,
  /// `社会` / `效益` begins 社会效益指标.
  static let unitLevelNames: Set<String> = ["运行成本", "管理效率", "履职效能", "社会效益", "服务对象满意度", "可持续发展能力"]
  static var levelNames: Set<String> { projectLevelNames.union(unitLevelNames) }
  /// 一级 names: a level read alone on a row is the 一级 when it is one of these and the 二级 otherwise.
  static let level1Names: Set<String> = Set(["产出指标", "效益指标", "满意度指标"]).union(unitLevelNames)
  static let rotatedLabels = ["年度绩效指标完成情况", "绩效指标完成情况", "年度绩效指标"]

  /// The field of each header a column of the indicator block may print, by key.
  static let indicatorFields = TableSchema.headers(
    of: TableField.allCases.filter { TableSchema.places[$0.rawValue] == .indicator })

  /// Every header a column of the indicator block may print, and the funds block's, as keys.
  static let indicatorHeaders: [String] = headerKeys(of: .indicator)
  static let fundsHeaders: [String] = headerKeys(of: .funds) + headerKeys(of: .source)

  private static func headerKeys(of place: FieldPlace) -> [String] {
    let keys = TableSchema.headers(at: [place]).map(TableSchema.headerKey)
    return Array(Set(keys.filter { $0.unicodeScalars.contains { $0.value > 0x7F } })).sorted()
  }

  // MARK: Pieces

  /// The words of a line, a number joined to the unit printed after it (`<=600` `米` → `<=600 米`,
  /// `2023` `年` `12` `月` → `2023 年 12 月`), as pdftotext separates them.
  static func pieces(of line: DocumentText.Line) -> [FlowingCells.Piece] {
    let words = line.text.split(separator: " ").map(String.init)
    var pieces: [FlowingCells.Piece] = []
    for word in words {
      if let last = pieces.last, endsWithDigit(last.text), isUnit(word) {
        pieces[pieces.count - 1].text += " " + word
      } else if let last = pieces.last, isOpenDate(last.text), word.unicodeScalars.first.map({ ("0"..."9").contains($0) }) == true
      {
        pieces[pieces.count - 1].text += " " + word
      } else {
        pieces.append(FlowingCells.Piece(text: word, line: line))
      }
    }
    return pieces
  }

  private static func endsWithDigit(_ text: String) -> Bool {
    text.unicodeScalars.last.map { ("0"..."9").contains($0) || $0 == "%" } ?? false
  }

  /// A date not yet at its day: `2023 年`, `2023 年 12 月`, `=2023 年 12`, `月` (its year wrapped above).
  static func isOpenDate(_ text: String) -> Bool {
    guard !text.hasSuffix("日"), text.contains("年") || text.contains("月") else { return false }
    return text.unicodeScalars.allSatisfy { "0123456789 年月=<>≤≥".unicodeScalars.contains($0) }
  }

  private static func isUnitless(_ text: String) -> Bool { !text.unicodeScalars.contains { ("0"..."9").contains($0) } }

  /// A unit as printed after a number: short, no digits, starting with a unit's character.
  static func isUnit(_ word: String) -> Bool {
    let scalars = word.unicodeScalars
    guard let first = scalars.first, scalars.count <= 4, isUnitless(word) else { return false }
    return "万亿元千米公家个人次年月日天分件项批辆户所场篇份台套座条名期周小平立吨斤亩美%".unicodeScalars.contains(first)
  }

  /// A level name run together with the name after it (`满意度指标受益人员满意度`): two pieces.
  static func splittingLevel(_ piece: FlowingCells.Piece) -> [FlowingCells.Piece] {
    // A name run together with the target after it (`受益人群满意度（%）>=95%`): split at the operator.
    if let range = ["<=", ">=", "≤", "≥"].compactMap({ piece.text.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }),
      range.lowerBound > piece.text.startIndex
    {
      var name = piece
      name.text = String(piece.text[..<range.lowerBound])
      var value = piece
      value.text = String(piece.text[range.lowerBound...])
      return splittingLevel(name) + [value]
    }
    let key = FormText.key(piece.text)
    guard key == piece.text,
      let level = projectLevelNames.filter({ $0.hasSuffix("指标") && key.hasPrefix($0) && key.count > $0.count }).max(by: {
        $0.count < $1.count
      })
    else { return [piece] }
    var name = piece
    name.text = String(key.dropFirst(level.count))
    var head = piece
    head.text = level
    return [head, name]
  }

  /// A piece wrapped before its end (`<=31.97 万` / `元`, `=1200元/` / `月`): the next line's first piece
  /// completes it.
  static func isIncompleteValue(_ piece: String, next: String) -> Bool {
    guard let first = next.unicodeScalars.first else { return false }
    if isOpenDate(piece), piece.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) {
      return ("0"..."9").contains(first) || first == "月" || first == "日"
    }
    // `<=120.90` / `万元`: a target's number, its unit on the next line; `<=20工作` / `日`: its unit's last
    // character.
    if TextColumn.startsWithOperator(piece), endsWithDigit(piece), isUnit(next) { return true }
    if TextColumn.startsWithOperator(piece), next.unicodeScalars.count == 1, "日元天年月人次个件户亩吨家批项辆".unicodeScalars.contains(first) {
      return true
    }
    if (piece.hasSuffix("万") || piece.hasSuffix("/") || piece.hasSuffix("亿")) && !isUnitless(piece) {
      return "元家月年人次个件户亩吨美".unicodeScalars.contains(first)
    }
    return false
  }

  // MARK: Parts

  func key(_ line: DocumentText.Line) -> String { FormText.key(line.text) }

  func isIndicatorHeaderStart(_ index: Int) -> Bool {
    let words = lines[index].text.split(separator: " ")
    guard let first = words.first else { return false }
    let firstKey = FormText.key(String(first))
    if firstKey == "一级" || firstKey == "一级指标" || firstKey == "一级指" { return true }
    return TableSegmenter.namesIndicatorColumn(words, vocabulary: vocabulary)
  }

  func isHeaderLabel(_ word: Substring) -> Bool { vocabulary.headerLabels.contains(FormText.labelKey(String(word))) }

  func isFundsLabel(_ index: Int) -> Bool {
    guard let first = lines[index].text.split(separator: " ").first else { return false }
    return vocabulary.isFundsLabel(FormText.key(String(first)))
  }

  /// The goals label, printed whole or down the page a piece a line: the lines it takes.
  func goalsLabel(at index: Int) -> Range<Int>? {
    var joined = ""
    var end = index
    while end < lines.count, end - index < 8 {
      let key = FormText.labelKey(lines[end].text)
      guard key.unicodeScalars.count <= 6 || end == index else { return nil }
      joined += key
      end += 1
      if vocabulary.goalsLabels.contains(FormText.labelKey(joined)) { return index..<end }
      guard joined.unicodeScalars.count < 8 else { return nil }
    }
    return nil
  }

  func startsPart(_ index: Int) -> Bool {
    let words = lines[index].text.split(separator: " ")
    guard let first = words.first else { return false }
    return isIndicatorHeaderStart(index) || isHeaderLabel(first) || isFundsLabel(index) || goalsLabel(at: index) != nil
      || vocabulary.totalLabels.contains(FormText.labelKey(String(first)))
  }

  func cell(_ printed: String, _ line: DocumentText.Line, column: Int = 0, doubt: String? = nil) -> GridCell {
    GridCell(
      kind: .text, text: printed, reference: CellReference(row: 0, column: column), origin: text.location(of: line), doubt: doubt)
  }

  /// Reads the part starting at a line into rows; returns the line after it.
  mutating func readPart(at index: Int, into rows: inout GridRows) -> Int {
    let words = lines[index].text.split(separator: " ")
    if isIndicatorHeaderStart(index) { return readIndicators(at: index, into: &rows) }
    if let first = words.first, isHeaderLabel(first) { return readHeaderLine(at: index, into: &rows) }
    if isFundsLabel(index) { return readFunds(at: index, into: &rows) }
    if let label = goalsLabel(at: index) { return readGoals(label, into: &rows) }
    rows.add([cell(lines[index].text.trimmingSpaces(), lines[index])])
    return index + 1
  }

  /// `项目名称 雇员经费`, `主管部门 工业和信息化局 实施单位 工业和信息化局`: labels and their values; a label
  /// printed alone takes the lines below it, up to the next part, as its value (a wrapped name).
  private func readHeaderLine(at index: Int, into rows: inout GridRows) -> Int {
    let line = lines[index]
    let words = line.text.split(separator: " ")
    var cells: [GridCell] = []
    var value: [Substring] = []
    func flush() {
      if !value.isEmpty { cells.append(cell(value.joined(separator: " "), line)) }
      value = []
    }
    for word in words {
      if isHeaderLabel(word) {
        flush()
        cells.append(cell(String(word), line))
      } else {
        value.append(word)
      }
    }
    flush()
    var next = index + 1
    if words.count == 1 {
      var wrapped = ""
      while next < lines.count, !startsPart(next) {
        wrapped += lines[next].text.trimmingSpaces()
        next += 1
      }
      if !wrapped.isEmpty { cells.append(cell(wrapped, lines[index + 1])) }
    }
    rows.add(cells)
    return next
  }

  // MARK: Funds

  private func readFunds(at index: Int, into rows: inout GridRows) -> Int {
    var label = lines[index].text.trimmingSpaces()
    var next = index + 1
    if next < lines.count, ["(万元)", "(元)"].contains(FormText.key(lines[next].text)) {
      label += lines[next].text.trimmingSpaces()
      next += 1
    }
    if let pairsEnd = readFundsPairs(label: label, labelLine: lines[index], from: next, into: &rows) { return pairsEnd }
    var header = HeaderParser(known: Self.fundsHeaders, completesCutHeader: true)
    let pieces = lines[next...].prefix(8).flatMap { Self.pieces(of: $0) }
    let consumed = header.parse(pieces)
    if let last = pieces.prefix(consumed).last, let position = lines.firstIndex(where: { $0.number == last.line.number }) {
      next = position + 1
    }
    var headerCells = [cell(label, lines[index])]
    for found in header.headers { headerCells.append(cell(found.text, found.line, doubt: found.doubt)) }
    rows.add(headerCells)
    let hasSourceColumn = header.headers.first.map { FormText.key($0.text) == "资金来源" } ?? false
    let valueColumns = header.headers.count - (hasSourceColumn ? 1 : 0)
    let amountColumns = header.headers.dropFirst(hasSourceColumn ? 1 : 0).prefix { found in
      Self.sourceAmountHeaders.contains(TableSchema.headerKey(found.text))
    }.count

    var labelPieces: [FlowingCells.Piece] = []
    var values: [FlowingCells.Piece] = []
    while next < lines.count, !startsPart(next) || (values.isEmpty && labelPieces.isEmpty && isFundsRowLabel(next)) {
      for piece in Self.pieces(of: lines[next]) {
        if Self.isFundsValue(piece.text) {
          values.append(piece)
        } else if values.isEmpty {
          labelPieces.append(piece)
        } else {
          labelPieces.append(piece)
        }
      }
      next += 1
      guard !values.isEmpty else { continue }
      let doubt =
        values.count == valueColumns || values.count == 3
          || Self.isSourceRowWithDashes(values.map(\.text), amountColumns: amountColumns)
        ? nil : "\(values.count) 个数值对应 \(valueColumns) 列，从左排放（金额在前）"
      var cells: [GridCell] = []
      if let first = labelPieces.first {
        cells.append(cell(labelPieces.map(\.text).joined(), first.line, column: hasSourceColumn ? 1 : 0))
      }
      let start = hasSourceColumn ? 2 : 1
      for (offset, value) in values.enumerated() {
        cells.append(cell(value.text, value.line, column: start + offset, doubt: doubt))
      }
      rows.add(cells, positional: false)
      labelPieces = []
      values = []
    }
    if let first = labelPieces.first { rows.add([cell(labelPieces.map(\.text).joined(), first.line)]) }
    return next
  }

  /// A one-row funds block of labels and values (L7: `年度` / `预算` / `总额：` / `50.12` / `其中：` / `财政拨款` /
  /// `0.00` …): each label's pieces joined, then its value; nil when the block has no label with a colon.
  private func readFundsPairs(label: String, labelLine: DocumentText.Line, from start: Int, into rows: inout GridRows) -> Int? {
    var next = start
    var pieces: [FlowingCells.Piece] = []
    while next < lines.count, !startsPart(next) {
      pieces += Self.pieces(of: lines[next])
      next += 1
    }
    guard let firstValue = pieces.firstIndex(where: { Self.isFundsValue($0.text) }),
      pieces[..<firstValue].contains(where: { FormText.hasColon($0.text) })
    else { return nil }
    var cells = [cell(label, labelLine)]
    var pending: [FlowingCells.Piece] = []
    for piece in pieces {
      if Self.isFundsValue(piece.text) {
        if let first = pending.first { cells.append(cell(pending.map(\.text).joined(), first.line)) }
        cells.append(cell(piece.text, piece.line))
        pending = []
      } else {
        pending.append(piece)
      }
    }
    if let first = pending.first { cells.append(cell(pending.map(\.text).joined(), first.line)) }
    rows.add(cells)
    return next
  }

  /// A funds row's label that is also a total label (合计) starts no part inside the funds block.
  private func isFundsRowLabel(_ index: Int) -> Bool {
    guard let first = lines[index].text.split(separator: " ").first else { return false }
    return vocabulary.isFundsTotal(String(first))
  }

  /// A number of a funds row (`1,234.5`, `98%`), or the mark of an empty cell (`CellGrammar.emptyMarks`).
  /// The headers of a source row's amounts (年初预算数, 全年预算数, 全年执行数 and their other names), as keys.
  static let sourceAmountHeaders = Set(
    [TableField.sourceInitialBudget, .sourceAnnualBudget, .sourceExecuted].flatMap { field in
      TableSchema.declarations.filter { $0.field == field }.flatMap(\.headers).map(TableSchema.headerKey)
    })

  /// Whether a row's values are numbers, then dashes only (`其他资金 0 0 — — —`), no more numbers than the
  /// block's leading amount columns: each number is an amount from the left, and every amount column the
  /// numbers do not reach is none, whether its dash or its blank is the one missing (a source row prints a
  /// dash for none, and dashes under 分值, 执行率 and 得分, which a source row does not read). Read without
  /// doubt: no column can take a number other than the one given it.
  static func isSourceRowWithDashes(_ values: [String], amountColumns: Int) -> Bool {
    let numbers = values.prefix { !CellGrammar.isEmptyMark($0) }
    return numbers.count < values.count && numbers.count <= amountColumns && amountColumns > 0
      && values.dropFirst(numbers.count).allSatisfy(CellGrammar.isEmptyMark)
  }

  static func isFundsValue(_ piece: String) -> Bool {
    (!piece.isEmpty && CellGrammar.isEmptyMark(piece)) || TextColumn.isNumber(piece)
      || TextColumn.isNumber(FormText.droppingPercent(piece))
      || TextColumn.isNumber(piece.replacingOccurrences(of: ",", with: ""))
  }

  // MARK: Goals

  private func readGoals(_ label: Range<Int>, into rows: inout GridRows) -> Int {
    let labelText = lines[label].map { $0.text.trimmingSpaces() }.joined()
    var next = label.upperBound
    var headerRow = [cell(labelText, lines[label.lowerBound])]
    if next < lines.count {
      let words = lines[next].text.split(separator: " ").map(String.init)
      if !words.isEmpty, words.allSatisfy({ ["预期目标", "实际完成情况", "实际完成"].contains(FormText.key($0)) }) {
        for word in words { headerRow.append(cell(word, lines[next])) }
        next += 1
      }
    }
    var printed: [DocumentText.Line] = []
    while next < lines.count, !isIndicatorHeaderStart(next), !isFundsLabel(next),
      !(lines[next].text.split(separator: " ").first.map(isHeaderLabel) ?? false)
    {
      if !lines[next].text.trimmingSpaces().isEmpty, !lines[next].isPageNumber { printed.append(lines[next]) }
      next += 1
    }
    rows.add(headerRow)
    func joined(_ part: ArraySlice<DocumentText.Line>) -> String {
      part.map { $0.text.trimmingSpaces() }.reduce("") { $0.isEmpty ? $1 : WrappedText.joiningWrapped($0, $1) }
    }
    guard !printed.isEmpty else { return next }
    // Under two headers the expected goals, then the actual, each a paragraph (GoalsParagraphs).
    guard headerRow.count >= 3 else {
      rows.add([cell(joined(printed[...]), printed[0], column: 1)], positional: false)
      return next
    }
    guard let (split, certain) = GoalsParagraphs.split(printed.map { $0.text.trimmingSpaces() }) else {
      let doubt = "the goals text is not parted into its two columns' paragraphs: all of it is read as the first column's"
      rows.add([cell(joined(printed[...]), printed[0], column: 1, doubt: doubt)], positional: false)
      return next
    }
    let doubt = certain ? nil : "the goals text parts into its two columns' paragraphs at more than one line: parted at the first"
    rows.add(
      [
        cell(joined(printed[..<split]), printed[0], column: 1, doubt: doubt),
        cell(joined(printed[split...]), printed[split], column: 2, doubt: doubt),
      ], positional: false)
    return next
  }

  // MARK: Indicator block

  private mutating func readIndicators(at index: Int, into rows: inout GridRows) -> Int {
    // The header, then the rows up to the total row.
    var end = index
    while end < lines.count, !isTotalLine(end) { end += 1 }
    var stream: [FlowingCells.Piece] = []
    for line in lines[index..<end] {
      var pieces = Self.pieces(of: line)
      if let last = stream.last, let first = pieces.first, Self.isIncompleteValue(last.text, next: first.text) {
        stream[stream.count - 1].text += first.text
        pieces.removeFirst()
      }
      stream += pieces.flatMap(Self.splittingLevel)
    }
    var header = HeaderParser(known: Self.indicatorHeaders)
    var position = header.parse(stream)
    let columns = header.headers.map { TextColumn(header: FormText.key($0.text)) }
    rows.add(header.headers.map { cell($0.text, $0.line, doubt: $0.doubt) })
    guard let nameColumn = columns.firstIndex(of: .name) else { return end }

    position = droppingRotatedLabel(stream, from: position)
    var body = IndicatorRowReader(
      stream: Array(stream[position...]), columns: columns, nameColumn: nameColumn,
      levelNames: isUnitTable ? Self.levelNames : Self.projectLevelNames,
      fields: header.headers.map { Self.indicatorFields[FormText.key($0.text)] })
    for row in body.rows() {
      rows.add(
        row.map {
          $0.cell.map { cell($0.text, $0.line, column: $0.column, doubt: $0.doubt) } ?? .empty(CellReference(row: 0, column: 0))
        }.filter { !$0.isEmpty }, positional: false)
    }
    guard end < lines.count else { return end }
    return readTotal(at: end, columns: columns, into: &rows)
  }

  private func isTotalLine(_ index: Int) -> Bool {
    guard let first = lines[index].text.split(separator: " ").first else { return false }
    return vocabulary.totalLabels.contains(FormText.labelKey(String(first)))
  }

  /// A rotated label down the block's left side, printed a piece a line before the first row: dropped.
  private func droppingRotatedLabel(_ stream: [FlowingCells.Piece], from start: Int) -> Int {
    var joined = ""
    var position = start
    var last = start
    while position < stream.count {
      joined += FormText.key(stream[position].text)
      guard Self.rotatedLabels.contains(where: { $0.hasPrefix(joined) }) else { break }
      position += 1
      if joined.unicodeScalars.count >= 4 { last = position }
    }
    return last
  }

  /// `总分 100 76.05 分`, its values wrapped onto the lines below (`总分 100` / `84.99` / `分`).
  private func readTotal(at index: Int, columns: [TextColumn], into rows: inout GridRows) -> Int {
    var values: [FlowingCells.Piece] = []
    var next = index + 1
    var pieces = Self.pieces(of: lines[index])
    let label = pieces.removeFirst()
    while next < lines.count, TableSegmenter.isTotalContinuation(lines[next].text, vocabulary: vocabulary) {
      pieces += Self.pieces(of: lines[next])
      next += 1
    }
    for piece in pieces {
      if let last = values.last, piece.text == "分" || (last.text.hasSuffix(".0") && piece.text.first?.isNumber == true) {
        values[values.count - 1].text += piece.text
      } else {
        values.append(piece)
      }
    }
    let weight = columns.firstIndex(of: .number)
    let score = columns.lastIndex(of: .number)
    var cells = [cell(label.text, label.line)]
    var numbers = values.filter { TextColumn.isNumber($0.text) }
    let others = values.filter { !TextColumn.isNumber($0.text) }
    if let weight, numbers.count >= 2 {
      cells.append(cell(numbers.removeFirst().text, numbers[0].line, column: weight))
    }
    if let score, let claimed = numbers.first { cells.append(cell(claimed.text, claimed.line, column: score)) }
    let after = max(columns.count, 1)
    for (offset, other) in others.enumerated() { cells.append(cell(other.text, other.line, column: after + offset)) }
    rows.add(cells, positional: false)
    return next
  }
}

/// Reads a header printed as pieces (`一级` / `指标` / `二级指` / `标` / `三级指标 年度指标值`): the pieces'
/// keys joined and cut into the longest known headers; the header ends at the first piece that continues
/// none.
struct HeaderParser {
  struct Found {
    var text: String
    var line: DocumentText.Line
    var doubt: String?
  }

  let known: [String]
  /// Whether a header cut at the end (`分值权`, the funds header's last word, its end lost) is read as the
  /// one header it begins. Not for the indicator header, whose next pieces (a rotated label, `年度` /
  /// `绩效` …) may begin a header too.
  let completesCutHeader: Bool
  private(set) var headers: [Found] = []

  init(known: [String], completesCutHeader: Bool = false) {
    self.known = known
    self.completesCutHeader = completesCutHeader
  }

  private func isPrefix(_ text: String) -> Bool { known.contains { $0.hasPrefix(text) } }

  /// Parses from the first piece on; returns how many pieces the header takes.
  mutating func parse(_ pieces: [FlowingCells.Piece]) -> Int {
    var pending = ""
    var pendingLine: DocumentText.Line?
    var consumed = 0
    var position = 0
    while position < pieces.count {
      let key = FormText.key(pieces[position].text)
      if isPrefix(pending + key) {
        if pending.isEmpty { pendingLine = pieces[position].line }
        pending += key
        position += 1
        if known.contains(pending) && !known.contains(where: { $0 != pending && $0.hasPrefix(pending) }) {
          headers.append(Found(text: pending, line: pendingLine!))
          pending = ""
          consumed = position
        }
        continue
      }
      if !pending.isEmpty, known.contains(pending) {
        headers.append(Found(text: pending, line: pendingLine!))
        pending = ""
        consumed = position
        continue
      }
      break
    }
    if !pending.isEmpty, let line = pendingLine {
      if known.contains(pending) {
        headers.append(Found(text: pending, line: line))
        consumed = position
      } else if completesCutHeader, let completion = known.filter({ $0.hasPrefix(pending) }).min(by: { $0.count < $1.count }),
        position == pieces.count || pending.count >= 2
      {
        headers.append(Found(text: completion, line: line, doubt: "表头印作“\(pending)”，按“\(completion)”读"))
        consumed = position
      }
    }
    return consumed
  }
}
