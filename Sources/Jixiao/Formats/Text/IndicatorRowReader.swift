/// The rows of an indicator block printed as flowing text: each row is found by its run of values — the
/// columns from the one after the name to the last number column, each piece taken by what its column
/// holds (`TextColumn.accepts`) — and what prints between two runs is split into the previous row's
/// remaining text columns, the row's levels (pieces that join into a level name: `时效指` / `标`) and its
/// name (the rest, its pieces joined: `新疆远西电力建设有限` / `公司支付标准`).
struct IndicatorRowReader {
  struct Placed {
    var column: Int
    var cell: (text: String, line: DocumentText.Line, column: Int, doubt: String?)?
  }

  let stream: [FlowingCells.Piece]
  let columns: [TextColumn]
  let nameColumn: Int
  /// The level names this table may print (a unit table's 一级 names only in a unit table).
  let levelNames: Set<String>
  /// The field each column fills, by its header (nil for a column no field reads): which text column is
  /// the rule (赋分规则), the evidence (佐证资料) or the explanation (偏差原因分析).
  let fields: [TableField?]

  /// Whether the block has an explanation column: free text that may run on over a page break, unlike rule
  /// and evidence texts.
  var hasExplanation: Bool { fields.contains(.explanation) }

  /// The columns of the run: after the name, to the last number or rate column.
  var run: Range<Int> {
    let last = columns.lastIndex { $0 == .number || $0 == .rate } ?? (columns.count - 1)
    return (nameColumn + 1)..<max(nameColumn + 1, last + 1)
  }

  /// Where the run of values starts at or after a piece, if anywhere, and how many pieces each of its
  /// columns takes: one, or up to three for a text column inside the run (a basis wrapped: `预算支出` /
  /// `标准`). A run whose targets and actuals start with an operator or a digit is preferred to one a few
  /// pieces before it that takes a word as a target (`预算支出 标准 新增 4`).
  func runStart(from start: Int) -> (start: Int, widths: [Int])? {
    // A block whose header names no column after 三级指标 has no run to find rows by.
    guard !run.isEmpty else { return nil }
    var position = start
    while position < stream.count {
      if var widths = match(at: position, strict: false) {
        for later in position...min(stream.count - 1, position + 4) {
          if let strict = match(at: later, strict: true) { return (later, strict) }
        }
        // Of the runs that end on the same piece, the one that starts last: its text columns take the
        // fewest pieces, and a wrapped name before it (`有效推` / `进商务`) is not read as a target.
        let end = position + widths.reduce(0, +)
        var first = position
        for later in (position + 1)..<end {
          if let other = match(at: later, strict: false), later + other.reduce(0, +) == end {
            first = later
            widths = other
          }
        }
        return (first, widths)
      }
      position += 1
    }
    return nil
  }

  private func match(at start: Int, strict: Bool) -> [Int]? {
    func fit(_ index: Int, _ position: Int) -> [Int]? {
      let columnRange = run
      guard index < columnRange.count else { return [] }
      let column = columns[columnRange.lowerBound + index]
      guard position < stream.count else { return nil }
      if column == .text {
        for width in 1...3 where position + width <= stream.count {
          if let rest = fit(index + 1, position + width) { return [width] + rest }
        }
        return nil
      }
      let piece = stream[position].text
      guard column.accepts(piece) else { return nil }
      if strict, column == .value, !TextColumn.startsWithOperatorOrDigit(piece) { return nil }
      return fit(index + 1, position + 1).map { [1] + $0 }
    }
    return fit(0, start)
  }

  /// Pieces that join into a level name, from a piece on: the piece after them, and the name.
  func level(from start: Int, before end: Int) -> (next: Int, name: String)? {
    var joined = ""
    var position = start
    while position < end, joined.unicodeScalars.count < 10 {
      let piece = FormText.key(stream[position].text)
      guard piece.unicodeScalars.count <= 9 else { return nil }
      joined += piece
      position += 1
      if levelNames.contains(joined) {
        // The longest level name the pieces make (成本指标 is a prefix of none; 满意度 of 满意度指标).
        if position < end, levelNames.contains(joined + FormText.key(stream[position].text)) { continue }
        return (position, joined)
      }
    }
    return nil
  }

  /// The words a rule or evidence column ends in (`按照完成比例赋分`, `工作资料`, `原始凭证`): how the text a
  /// row prints below its values is told from the next row's name when no level prints between them.
  static func endsTrailingText(_ key: String) -> Bool {
    (key.hasSuffix("赋分") && key.unicodeScalars.count <= 16) || evidenceWords.contains(key)
  }

  /// The text column a piece's words tie it to: a rule starts with 按 (按照完成比例赋分, 按评判等级赋分) or ends
  /// in 赋分; evidence is one of its words.
  static func ownField(of key: String) -> TableField? {
    if evidenceWords.contains(key) { return .evidence }
    if key.hasPrefix("按") || key.hasSuffix("赋分") { return .rule }
    return nil
  }

  /// What a 佐证资料 column prints.
  static let evidenceWords: Set<String> = ["工作资料", "原始凭证", "说明材料", "正式材料", "佐证材料", "会计凭证", "相关资料", "正式文件"]

  /// Places the text a row prints below its values in its text columns. A piece run that ends like a rule
  /// (…赋分) goes to the rule column, an evidence word (工作资料) to the evidence column, each joined to what
  /// the column holds from the row's line (`按照完成` / `比例赋分`): their texts say where they belong. Other
  /// text goes to the row's one text column, or, when it has several, to the next free one, with doubt.
  func place(_ pieces: ArraySlice<FlowingCells.Piece>, after row: inout [Placed]) {
    let trailingColumns = Array(run.upperBound..<columns.count)
    // A level's last piece or a rotated label's character, leaked there by a page break (` 指标`, ` 情` /
    // `况`), belongs to no text column.
    let pieces = pieces.filter { piece in
      let key = FormText.key(piece.text)
      let alone = !piece.text.trimmingSpaces().contains(" ") || piece.line.startsPage
      return !(alone && (key == "指标" || (key.unicodeScalars.count == 1 && "年度绩效指标完成情况".contains(key))))
    }[...]
    guard !trailingColumns.isEmpty, !pieces.isEmpty else { return }
    var segments: [(pieces: ArraySlice<FlowingCells.Piece>, field: TableField?)] = []
    var segmentStart = pieces.startIndex
    var joined = ""
    for index in pieces.indices {
      joined += FormText.key(pieces[index].text)
      let field: TableField? =
        joined.hasSuffix("赋分") && joined.unicodeScalars.count <= 16
        ? .rule : Self.evidenceWords.contains(joined) ? .evidence : nil
      guard let field, fields.contains(field) else { continue }
      // Text before the rule's own pieces (`按照完成` on the row's line, `比例赋分` below) is its start only
      // when nothing else was read since; an evidence word is whole.
      segments.append((pieces[segmentStart...index], field))
      segmentStart = index + 1
      joined = ""
    }
    if segmentStart < pieces.endIndex { segments.append((pieces[segmentStart...], nil)) }
    for segment in segments {
      let text = segment.pieces.map(\.text).joined()
      let line = segment.pieces.first!.line
      let used = Set(row.map(\.column))
      let known = segment.field.flatMap { field in fields.indices.first { fields[$0] == field && trailingColumns.contains($0) } }
      let column = known ?? trailingColumns.first { !used.contains($0) } ?? trailingColumns.last!
      let doubt: String? =
        known != nil || trailingColumns.count == 1 ? nil : "数值下方折行的文字，按顺序放入下一文字列"
      if let index = row.firstIndex(where: { $0.column == column }), let existing = row[index].cell {
        row[index].cell = (existing.text + text, existing.line, column, existing.doubt ?? doubt)
      } else {
        row.append(Placed(column: column, cell: (text, line, column, doubt)))
      }
    }
  }

  /// Short pieces at a row's start that begin exactly one level name and go on to the name (`质量指`
  /// `各项活动开展完成率`): that level, its pieces as printed, and the piece after them.
  func partialLevel(from start: Int, before end: Int) -> (name: String, printed: String, next: Int)? {
    var joined = ""
    var position = start
    var found: (name: String, printed: String, next: Int)?
    while position < end - 1 {
      let piece = FormText.key(stream[position].text)
      guard piece.unicodeScalars.count <= 4 else { break }
      joined += piece
      position += 1
      let completions = levelNames.filter { $0.hasPrefix(joined) && $0 != joined }
      guard !completions.isEmpty else { break }
      if joined.unicodeScalars.count >= 2, completions.count == 1 { found = (completions.first!, joined, position) }
    }
    return found
  }

  /// Where a paragraph wrapped in a narrow column ends among pieces: its lines are as wide as its first
  /// (display width: a CJK or full-width character 2, others 1), its last line narrower; the index after
  /// that line, or nil when no line is narrower.
  static func paragraphEnd(_ pieces: ArraySlice<FlowingCells.Piece>) -> Int? {
    var lines: [(end: Int, width: Int)] = []
    var index = pieces.startIndex
    while index < pieces.endIndex {
      let line = pieces[index].line
      let width = line.text.trimmingSpaces().unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
      while index < pieces.endIndex, pieces[index].line.number == line.number { index += 1 }
      lines.append((index, width))
    }
    guard let wrap = lines.first?.width, lines.count >= 2 else { return nil }
    for line in lines.dropFirst() where line.width != wrap {
      return line.width < wrap ? line.end : nil
    }
    return nil
  }

  /// Pieces of one cell: joined with a space on one line, without one across a line break.
  static func joined(_ pieces: ArraySlice<FlowingCells.Piece>) -> String {
    var text = ""
    var line = pieces.first?.line.number
    for piece in pieces {
      if !text.isEmpty, piece.line.number == line { text += " " }
      text += piece.text
      line = piece.line.number
    }
    return text
  }

  mutating func rows() -> [[Placed]] {
    var rows: [[Placed]] = []
    var position = 0
    var previousTrailing: [Placed]? = nil
    let level1Column = columns.firstIndex(of: .level1)
    let level2Column = columns.firstIndex(of: .level2)
    let trailingColumns = Array(run.upperBound..<columns.count)
    while let found = runStart(from: position) {
      let start = found.start
      // Between the last row's values and this row's: the last row's wrapped text, then levels, then the name.
      var levels: [String] = []
      var partialDoubt: String?
      var levelStart: Int?
      var cursor = position
      var nameStart = position
      search: while cursor < start {
        if let found = level(from: cursor, before: start) {
          if levelStart == nil { levelStart = cursor }
          levels.append(found.name)
          cursor = found.next
          nameStart = cursor
          while cursor < start, let more = level(from: cursor, before: start) {
            levels.append(more.name)
            cursor = more.next
            nameStart = cursor
          }
          break search
        }
        cursor += 1
      }
      if levelStart == nil, rows.last != nil {
        // No level between: the previous row's rule and evidence texts (…赋分, …资料) still go to it.
        var joined = ""
        var index = position
        while index < start {
          joined += FormText.key(stream[index].text)
          index += 1
          if Self.endsTrailingText(joined) {
            levelStart = index
            nameStart = index
            joined = ""
          }
        }
        // A level whose last piece printed elsewhere (`质量指` before the name, its `标` below; `社会` / `效益`
        // before the row, `指标` after a page break): the one level it begins, read with doubt.
        let from = levelStart ?? position
        if let partial = partialLevel(from: from, before: start) {
          levels.append(partial.name)
          partialDoubt = "印作“\(partial.printed)”，按“\(partial.name)”读（其余部分印在别处）"
          levelStart = from
          nameStart = partial.next
        } else if let end = levelStart {
          levelStart = end
          nameStart = end
        }
      }
      var leftover = stream[position..<(levelStart ?? position)]
      // A name split by a page break, its values on the first page (seed 003 lines 1534–1549): what the
      // next page prints before the next row, neither a level piece nor rule or evidence text, ends it (in a
      // block without an explanation column, whose text could run on there too).
      var nameTail: [FlowingCells.Piece] = []
      if !hasExplanation, let pageStart = leftover.firstIndex(where: { $0.line.startsPage }) {
        var rest = Array(leftover[..<pageStart])
        for piece in leftover[pageStart...] {
          let key = FormText.key(piece.text)
          if key.unicodeScalars.count >= 2, !key.hasSuffix("标"), !Self.endsTrailingText(key) {
            nameTail.append(piece)
          } else {
            rest.append(piece)
          }
        }
        leftover = rest[...]
      }
      if !nameTail.isEmpty, var last = rows.popLast() {
        if let index = last.firstIndex(where: { $0.column == nameColumn }), let name = last[index].cell {
          last[index].cell = (
            name.text + nameTail.map(\.text).joined(), name.line, nameColumn, "名称跨页，其后半印在下一页、数值之后"
          )
        }
        rows.append(last)
      }
      if !leftover.isEmpty, previousTrailing != nil, var last = rows.popLast() {
        place(leftover, after: &last)
        rows.append(last)
      }
      var row: [Placed] = []
      var namePieces = stream[nameStart..<start]
      // A bracket that starts a page before a name (` （万` / `元）`) closes the previous row's name, whose
      // end the page break carried over (seed 003 line 2115): no name starts with one.
      if let first = namePieces.first, first.line.startsPage, first.text.hasPrefix("（") || first.text.hasPrefix("("),
        let close = namePieces.firstIndex(where: { $0.text.contains("）") || $0.text.contains(")") }),
        close < namePieces.endIndex - 1,
        var last = rows.popLast()
      {
        if let index = last.firstIndex(where: { $0.column == nameColumn }), let name = last[index].cell {
          last[index].cell = (name.text + Self.joined(namePieces[...close]), name.line, nameColumn, "名称跨页，其后半印在下一页、数值之后")
        }
        rows.append(last)
        namePieces = namePieces[(close + 1)...]
      }
      // Pieces over several lines, no level before them, after a row that printed nothing after its values,
      // in a block with an explanation column, the first of them read as a sentence (，。；): they may be
      // that row's wrapped explanation, not this name's beginning. The explanation is the paragraph its
      // narrow column wraps: lines as wide as its first, up to a shorter last line; the name starts after it.
      // The split is one guess, flagged once: on the name, whose text it decides (the explanation feeds no
      // score, and the name's doubt says its first lines may be that row's explanation).
      let mayHoldExplanation =
        levels.isEmpty && hasExplanation && !rows.isEmpty && (previousTrailing?.isEmpty ?? false)
        && namePieces.first?.line.number != namePieces.last?.line.number
        && namePieces.dropLast().contains { piece in piece.text.unicodeScalars.contains { "，。；".unicodeScalars.contains($0) } }
      var splitIsCertain = false
      if mayHoldExplanation, let split = Self.paragraphEnd(namePieces), split < namePieces.endIndex,
        let explanationColumn = fields.firstIndex(of: .explanation), var last = rows.popLast()
      {
        splitIsCertain = ExplanationNameSplit.isCertain(explanation: namePieces[..<split], name: namePieces[split...])
        let paragraph = namePieces[..<split]
        last.removeAll { $0.column == explanationColumn }
        last.append(
          Placed(
            column: explanationColumn,
            cell: (Self.joined(paragraph), paragraph.first!.line, explanationColumn, nil)))
        rows.append(last)
        namePieces = namePieces[split...]
      }
      if let first = namePieces.first {
        row.append(
          Placed(
            column: nameColumn,
            cell: (
              Self.joined(namePieces), first.line, nameColumn,
              mayHoldExplanation && !splitIsCertain ? "名称前几行可能是上一行折行的说明文字，已按列宽分开" : nil
            )))
      }
      let levelLine = levelStart.map { stream[$0].line } ?? stream[start].line
      switch levels.count {
      case 0: break
      case 1:
        let isLevel1 = PartReader.level1Names.contains(levels[0]) && level1Column != nil
        if let column = isLevel1 ? level1Column : (level2Column ?? level1Column) {
          row.append(Placed(column: column, cell: (levels[0], levelLine, column, partialDoubt)))
        }
      default:
        // The two levels nearest the name are the row's; more before them are a level printed with no
        // indicator under it (seed 000 line 1426: 生态 / 效益 / 指标 before 满意度指标 twice), a row of its own.
        if levels.count > 2, let column = level2Column ?? level1Column {
          rows.append(
            levels.dropLast(2).map { level in Placed(column: column, cell: (level, levelLine, column, nil)) })
        }
        let own = levels.suffix(2)
        if let column = level1Column { row.append(Placed(column: column, cell: (own.first!, levelLine, column, nil))) }
        if let column = level2Column { row.append(Placed(column: column, cell: (own.last!, levelLine, column, nil))) }
      }
      var nextValue = start
      for (offset, column) in run.enumerated() {
        let pieces = stream[nextValue..<(nextValue + found.widths[offset])]
        nextValue += found.widths[offset]
        row.append(Placed(column: column, cell: (Self.joined(pieces), pieces.first!.line, column, nil)))
      }
      // The rest of the last value's line: the remaining text columns, one piece each, in order; a rule's
      // or an evidence's text to its own column (a row that leaves 上年完成情况 blank prints its rule there).
      position = nextValue
      var trailing: [Placed] = []
      let lastLine = stream[position - 1].line.number
      while position < stream.count, stream[position].line.number == lastLine, trailing.count < trailingColumns.count {
        if match(at: position, strict: false) != nil { break }
        let piece = stream[position]
        let used = Set(trailing.map(\.column))
        let own = Self.ownField(of: FormText.key(piece.text)).flatMap { field in
          fields.indices.first { fields[$0] == field && trailingColumns.contains($0) && !used.contains($0) }
        }
        let textColumns = trailingColumns.filter { !used.contains($0) }
        guard
          let column = own ?? textColumns.first(where: { fields[$0] != .rule && fields[$0] != .evidence })
            ?? textColumns.first
        else { break }
        trailing.append(Placed(column: column, cell: (piece.text, piece.line, column, nil)))
        position += 1
      }
      row += trailing
      previousTrailing = trailing
      rows.append(row)
    }
    // After the last row: its wrapped text, up to the total row.
    if position < stream.count, var last = rows.popLast() {
      place(stream[position...], after: &last)
      rows.append(last)
    }
    return rows
  }
}
