/// Words into pieces, wrapped cells and rows (bands), page by page.
extension PositionedTextAssembler {
  /// Text printed in one place: a piece of a line, or the lines of a wrapped cell.
  struct Cell {
    var page: Int
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double
    var text: String
    /// The top of its last line, to tell the next line's pitch.
    var lastLineTop: Double
    var lineHeight: Double
    var lineCount = 1
    var fileLine: Int?
    var doubt: String?
    /// The rows a merged label spans, from its own (`PositionedTextAssembler` puts it on the first).
    var rowSpan = 1
    /// A goals text: the place of the header it prints under (`takingGoalsTexts`).
    var goalsHeader: (page: Int, left: Double, top: Double)?
    /// Layout text: a cell whose lines print on lines of their own around its row's line, joined to the row
    /// (its top and bottom then those lines'), so that they count as the row's lines.
    var isAroundItsRow = false
    /// A one-line piece's words with the text between them, to part it again where a column boundary
    /// falls between two (an operator and its number printed close: `＝ 1` under 指标性质 · 指标值).
    var words: [(left: Double, right: Double, text: String)] = []

    var middle: Double { (top + bottom) / 2 }
    var center: Double { (left + right) / 2 }
    var width: Double { right - left }

    func overlapsVertically(_ other: Cell, by share: Double) -> Bool {
      let overlap = min(bottom, other.bottom) - max(top, other.top)
      return overlap > share * min(lineHeight, other.lineHeight)
    }

    func isSamePlace(as other: Cell) -> Bool {
      page == other.page && left == other.left && top == other.top
    }

    func horizontalOverlap(_ left: Double, _ right: Double) -> Double {
      max(0, min(self.right, right) - max(self.left, left))
    }

    /// Joins the next line of the cell's wrapped text, printed below it.
    mutating func joinWrappedLine(_ piece: Cell) {
      text = WrappedText.joiningWrapped(text, piece.text)
      left = min(left, piece.left)
      right = max(right, piece.right)
      bottom = max(bottom, piece.bottom)
      lastLineTop = piece.top
      lineCount += 1
      words = []
    }
  }

  /// A row of the page: its cells left to right.
  struct Band {
    var cells: [Cell]
    var top: Double { cells.map(\.top).min() ?? 0 }
    var bottom: Double { cells.map(\.bottom).max() ?? 0 }
    var page: Int { cells.first?.page ?? 0 }
    var middle: Double { (top + bottom) / 2 }
  }

  /// Lines of a page, top to bottom, each its words left to right.
  func lines(_ words: [PositionedWord]) -> [[PositionedWord]] {
    let sorted = words.sorted { ($0.middle, $0.left) < ($1.middle, $1.left) }
    var lines: [[PositionedWord]] = []
    for word in sorted {
      if let first = lines.last?.first, sameLine(first, word) {
        lines[lines.count - 1].append(word)
      } else {
        lines.append([word])
      }
    }
    return lines.flatMap(printedLines).map { $0.sorted { $0.left < $1.left } }
  }

  /// The printed lines of words grouped as one: two lines when words of it print over each other (a cell's
  /// text overflowing its row into a neighbour's, a little higher or lower), each the words at one top.
  /// Words of one printed line never overlap, so where none do the group is one line, whatever its tops.
  func printedLines(_ group: [PositionedWord]) -> [[PositionedWord]] {
    guard units == .points, group.count > 1 else { return [group] }
    let byLeft = group.sorted { $0.left < $1.left }
    let overprinted = zip(byLeft, byLeft.dropFirst()).contains { earlier, later in
      earlier.right - later.left > 0.1 * min(earlier.height, later.height)
    }
    guard overprinted else { return [group] }
    var lines: [[PositionedWord]] = []
    for word in group.sorted(by: { $0.top < $1.top }) {
      if let last = lines.last?.last, word.top - last.top < 0.05 * min(word.height, last.height) {
        lines[lines.count - 1].append(word)
      } else {
        lines.append([word])
      }
    }
    return lines
  }

  func sameLine(_ a: PositionedWord, _ b: PositionedWord) -> Bool {
    switch units {
    case .points: abs(a.middle - b.middle) < 0.3 * min(a.height, b.height)
    case .characters: a.top == b.top
    }
  }

  /// The pieces of a line: words that nearly touch, joined (with a space where a space's width parts them).
  func pieces(_ line: [PositionedWord]) -> [Cell] {
    var cells: [Cell] = []
    for word in line {
      let height = word.height
      if var last = cells.last {
        let gap = word.left - last.right
        let joins: Bool
        let space: Bool
        switch units {
        case .points:
          // Words that overlap are two cells' text printed over each other (one overflowing its row).
          // Letter-spaced headers and labels (`总    分`, `分  值`) print one character a word.
          // Only a label: two characters of two columns' wrapped headers (一级指 · 标, 二级指 · 标) print so too.
          let spaced =
            gap <= 4 * height && last.text.count == 1 && word.text.count == 1
            && WrappedText.isCJK(last.text.unicodeScalars.first!) && WrappedText.isCJK(word.text.unicodeScalars.first!)
            && Self.isLetterSpacedLabel(last.text + word.text)
          joins = (gap <= 0.45 * height || spaced) && gap >= -0.1 * height
          space = !spaced && isSpace(gap: gap, height: height, between: last.text, word.text)
        case .characters:
          joins = gap <= 1
          space = gap >= 1
        }
        // A label is a cell of its own, however close the text beside it prints.
        if joins, !Self.isLabelOrItsStart(last.text) {
          last.words.append((word.left, word.right, (space ? " " : "") + word.text))
          last.text += (space ? " " : "") + word.text
          last.right = max(last.right, word.right)
          last.top = min(last.top, word.top)
          last.bottom = max(last.bottom, word.bottom)
          cells[cells.count - 1] = last
          continue
        }
      }
      cells.append(
        Cell(
          page: word.page, left: word.left, top: word.top, right: word.right, bottom: word.bottom, text: word.text,
          lastLineTop: word.top, lineHeight: height, fileLine: word.line, words: [(word.left, word.right, word.text)]))
    }
    return cells
  }

  /// The header words and part labels a wrapped piece of layout text may complete.
  static let knownLabels: Set<String> = {
    var keys = Set(TableSchema.headers(at: [.funds, .source, .indicator]).map(FormText.labelKey))
    let vocabulary = FormVocabulary.standard
    for set in [
      vocabulary.headerLabels, vocabulary.goalsLabels, vocabulary.nameHeaders, vocabulary.level1Headers,
      vocabulary.level2Headers, vocabulary.weightHeaders, vocabulary.scoreHeaders, vocabulary.fundsTotalLabels,
      vocabulary.totalLabels,
    ] {
      keys.formUnion(set.map(\.text))
    }
    keys.formUnion(["预期目标", "实际完成情况", "项目资金(万元)", "项目资金(元)", "年度资金总额", "资金来源", "年度总体目标完成情况"].map(FormText.labelKey))
    return keys
  }()

  /// Whether two characters are a label the forms print letter-spaced (`总    分`, `分  值`, `等  级`), or its
  /// start.
  static func isLetterSpacedLabel(_ text: String) -> Bool {
    let key = FormText.labelKey(text)
    return letterSpacedLabels.contains { $0.hasPrefix(key) }
  }

  static let letterSpacedLabels: Set<String> = knownLabels.union(
    (TableSchema.headers(at: [.table]) + ["备注", "说明"]).map(FormText.labelKey))

  /// Whether a text is a header or label the forms use, or the first line of one that wraps (年度总体目 · 标).
  static func isLabelOrItsStart(_ text: String) -> Bool {
    let key = FormText.labelKey(text)
    return knownLabels.contains(key)
      || key.count >= 3 && knownLabels.contains { $0.utf8.count > key.utf8.count && $0.hasPrefix(key) }
  }

  /// A label printed on lines of its own beside a taller cell (年度 · 预算 · 总额： beside a two-line
  /// project name) can lose its first line to the cell's line in layout text (`2024 年度`): two stacked
  /// pieces that together end a label the forms use (预算 · 总额： of 年度预算总额：) take the label's
  /// missing start back from the end of a piece above them, when it ends in that word, one space apart;
  /// the rest of that piece's line, pushed by the word onto the next line under it, joins it again.
  func restoringLabelHeads(_ lines: inout [[Cell]]) {
    for index in lines.indices {
      for (offset, piece) in lines[index].enumerated() {
        let current = lines
        guard
          let below = (index + 1..<min(index + 3, lines.count)).lazy.compactMap({ line in
            current[line].first { $0.horizontalOverlap(piece.left, piece.right) > 0 }
          }).first
        else { continue }
        let tail = FormText.labelKey(piece.text + below.text)
        guard tail.count >= 3, !Self.knownLabels.contains(tail) else { continue }
        let heads = Self.knownLabels.filter { $0.utf8.count > tail.utf8.count && $0.hasSuffix(tail) }
          .map { String($0.dropLast(tail.count)) }.sorted()
        guard !heads.isEmpty else { continue }
        search: for upper in stride(from: index - 1, through: max(index - 4, 0), by: -1) {
          guard
            let found = lines[upper].firstIndex(where: { cell in
              cell.words.count >= 2 && heads.contains { cell.words.last!.text == " " + $0 } && cell.right >= piece.left - 2
                && cell.left <= piece.right + 2
            })
          else { continue }
          let head = String(lines[upper][found].words.last!.text.dropFirst())
          var cell = lines[upper][found]
          let word = cell.words.removeLast()
          cell.text = cell.words.map(\.text).joined()
          cell.right = cell.words.last!.right
          // The word pushed the rest of the cell's line onto the next line, starting under the cell.
          if upper + 1 < index,
            let rest = lines[upper + 1].firstIndex(where: {
              $0.left >= cell.left - 2 && $0.left <= word.right + 2 && !Self.knownLabels.contains(FormText.labelKey($0.text))
            })
          {
            cell.text += (word.text.hasPrefix(" ") ? " " : "") + lines[upper + 1][rest].text
            cell.right = max(cell.right, lines[upper + 1][rest].right)
            cell.words = []
            lines[upper + 1].remove(at: rest)
          }
          lines[upper][found] = cell
          lines[index][offset].text = head + piece.text
          lines[index][offset].left = min(piece.left, word.left)
          break search
        }
      }
    }
  }

  /// Layout text parts a label's last line from the next column's text by one space only where the table is
  /// narrow (`（万元） 其中：当年财政` under 项目资金): the words that complete the label above join it, the
  /// rest is a piece of its own. Nil (the piece kept whole) unless the label is complete before its end.
  func labelTail(of piece: inout Cell, completing label: Cell) -> Cell? {
    guard piece.words.count > 1 else { return nil }
    func isLabel(_ text: String) -> Bool { Self.knownLabels.contains(FormText.labelKey(text)) }
    guard !isLabel(label.text + piece.text),
      let end = (1..<piece.words.count).last(where: { isLabel(label.text + piece.words[..<$0].map(\.text).joined()) })
    else { return nil }
    var rest = piece
    rest.words = Array(piece.words[end...])
    rest.words[0].text = String(rest.words[0].text.drop { $0 == " " })
    rest.left = rest.words[0].left
    rest.text = rest.words.map(\.text).joined()
    piece.words = Array(piece.words[..<end])
    piece.right = piece.words.last!.right
    piece.text = piece.words.map(\.text).joined()
    return rest
  }

  /// Whether a piece continues the wrapped cell above it.
  func continues(_ upper: Cell, with lower: Cell, linesBetween: Int) -> Bool {
    let overlap = lower.horizontalOverlap(upper.left, upper.right)
    guard overlap > 0 || abs(lower.center - upper.center) < 0.5 * lower.lineHeight else { return false }
    let joined = FormText.labelKey(upper.text + lower.text)
    // A header or label once complete wraps no further: what follows is the next row's (unless together
    // they are a longer one: 年度 · 指标值, 全年预算数 · (A)).
    if Self.knownLabels.contains(FormText.labelKey(upper.text)), !Self.isLabelOrItsStart(upper.text + lower.text),
      !FormText.labelKey(lower.text).hasPrefix("(")
    {
      return false
    }
    switch units {
    case .points:
      // A wrapped cell's lines follow at the font's line pitch; the next row's, a cell's padding further.
      let pitch = lower.top - upper.lastLineTop
      return pitch >= 0.75 * lower.lineHeight && pitch <= 0.95 * lower.lineHeight
    case .characters:
      guard linesBetween <= 1 else { return false }
      if Self.knownLabels.contains(joined) { return true }
      if FormText.labelKey(lower.text).hasPrefix("("),
        vocabulary.isFundsLabel(FormText.labelKey(upper.text)) || vocabulary.isFundsLabel(joined)
      {
        return true
      }
      // The first lines of a longer label (年度 · 总体 · 目标).
      return !Self.knownLabels.contains(FormText.labelKey(lower.text)) && joined.count >= 3
        && Self.knownLabels.contains { $0.utf8.count > joined.utf8.count && $0.hasPrefix(joined) }
    }
  }

  /// The rows of one page, top to bottom.
  /// `goalsHeaders`: a goals block's headers left at the foot of the page before, whose texts begin this one.
  func bands(onPage page: Int, words: [PositionedWord], goalsHeaders: inout [Cell]?) -> [Band] {
    var lines = self.lines(words).map(pieces)
    // A page number alone on the page's first or last line.
    for index in [lines.count - 1, 0] where lines.indices.contains(index) {
      if lines[index].count == 1, PageNumber.isPrinted(atPageEdge: lines[index][0].text) { lines.remove(at: index) }
    }
    if units == .characters { restoringLabelHeads(&lines) }
    let goalsTexts = takingGoalsTexts(&lines, pendingHeaders: &goalsHeaders)
    // Wrapped cells: each piece joins an open cell of the line above (or, for layout text, of the line
    // above that, when nothing between them stands in its way).
    var cells: [Cell] = []
    var open: [(index: Int, line: Int)] = []
    for (lineIndex, line) in lines.enumerated() {
      var nextOpen: [(index: Int, line: Int)] = []
      for piece in line {
        let candidates = open.filter { candidate in
          continues(cells[candidate.index], with: piece, linesBetween: lineIndex - candidate.line - 1)
        }
        var piece = piece
        if let best = candidates.max(by: {
          piece.horizontalOverlap(cells[$0.index].left, cells[$0.index].right)
            < piece.horizontalOverlap(cells[$1.index].left, cells[$1.index].right)
        }) {
          let rest = units == .characters ? labelTail(of: &piece, completing: cells[best.index]) : nil
          cells[best.index].joinWrappedLine(piece)
          open.removeAll { $0.index == best.index }
          nextOpen.append((best.index, lineIndex))
          if let rest {
            cells.append(rest)
            nextOpen.append((cells.count - 1, lineIndex))
          }
        } else {
          cells.append(piece)
          nextOpen.append((cells.count - 1, lineIndex))
        }
      }
      // A wrapped cell may go on below a line of other cells (a neighbour centred on the row prints
      // between its lines): cells stay open while the next line could still be theirs.
      let kept = open.filter { candidate in !nextOpen.contains { $0.index == candidate.index } }
      switch units {
      case .points:
        let top = line.map(\.top).min() ?? 0
        open = nextOpen + kept.filter { top - cells[$0.index].lastLineTop < cells[$0.index].lineHeight }
      case .characters:
        open = nextOpen + kept.filter { lineIndex - $0.line < 2 }
      }
    }
    cells.removeAll(where: isRotatedLabel)
    var bands = rows(of: cells)
    if !goalsTexts.isEmpty {
      bands += goalsTexts.filter { !$0.isEmpty }.map { Band(cells: $0) }
      bands.sort { $0.top < $1.top }
    }
    return units == .characters ? joiningStrayHeaderLabels(joiningCellsWrappedAroundTheirRow(bands)) : bands
  }

  /// Layout text can print a label of the header block (项目负责人) on a line of its own under its row, where
  /// a cell of the next row wrapping upwards shares the line (年度 of 年度预算总额：). Alone on its line, it
  /// joins the header-block row on the line above when nothing of that row prints over it; when the row
  /// below has room for it too, with a doubt.
  func joiningStrayHeaderLabels(_ bands: [Band]) -> [Band] {
    var bands = bands
    for index in bands.indices {
      guard bands[index].cells.count == 1, let label = bands[index].cells.first, label.lineCount == 1,
        vocabulary.headerLabels.contains(FormKey(FormText.labelKey(label.text)))
      else { continue }
      func isClear(_ band: Band) -> Bool { !band.cells.contains { $0.horizontalOverlap(label.left, label.right) > 0 } }
      guard
        let above = bands.indices.first(where: { candidate in
          candidate != index && bands[candidate].cells.contains { $0.lineCount == 1 && $0.top == label.top - 1 }
            && bands[candidate].cells.allSatisfy { $0.bottom <= label.top }
        }),
        let first = bands[above].cells.first, vocabulary.headerLabels.contains(FormKey(FormText.labelKey(first.text))),
        isClear(bands[above])
      else { continue }
      let below = bands.indices.filter { $0 != index && bands[$0].cells.contains { $0.lineCount == 1 && $0.top > label.top } }
        .min {
          bands[$0].cells.filter { $0.lineCount == 1 }.map(\.top).min()! < bands[$1].cells.filter { $0.lineCount == 1 }.map(\.top)
            .min()!
        }
      var moved = label
      moved.top = first.top
      moved.bottom = first.bottom
      if let below, isClear(bands[below]) {
        moved.doubt = "a label of layout text on a line between two rows, joined to the one above: its row is a guess"
      }
      bands[above].cells.append(moved)
      bands[above].cells.sort { $0.left < $1.left }
      bands[index].cells = []
    }
    return bands.filter { !$0.cells.isEmpty }
  }

  /// Layout text prints a cell of two lines centred on its row one line above the row's line and one below,
  /// where the row's line is blank (其中： · 财政拨款 around 预算 50.12 0.00 50.12): when the lines above
  /// and below a row (a line of three cells or more) hold only such pieces, two or more but fewer than the
  /// row's cells, each over a blank of the row and paired column by column, each pair is one cell of the
  /// row. A single pair is left to the block's rules (it may as well be the last line of the row above and
  /// the first of the row below), and lines as full as the row are rows of their own.
  func joiningCellsWrappedAroundTheirRow(_ bands: [Band]) -> [Band] {
    var bands = bands
    func line(of band: Band) -> Double? {
      let tops = Set(band.cells.filter { $0.lineCount == 1 }.map(\.top))
      return tops.count == 1 && band.cells.allSatisfy({ $0.lineCount == 1 }) ? tops.first : nil
    }
    for index in bands.indices {
      let row = bands[index].cells
      guard let rowLine = Set(row.filter { $0.lineCount == 1 }.map(\.top)).first,
        Set(row.filter { $0.lineCount == 1 }.map(\.top)).count == 1,
        let above = bands.indices.first(where: { line(of: bands[$0]) == rowLine - 1 }),
        let below = bands.indices.first(where: { line(of: bands[$0]) == rowLine + 1 })
      else { continue }
      let upper = bands[above].cells
      let lower = bands[below].cells
      let clear = (upper + lower).allSatisfy { piece in !row.contains { $0.horizontalOverlap(piece.left, piece.right) > 0 } }
      let rowCells = row.count { $0.lineCount == 1 }
      guard clear, upper.count >= 2, upper.count == lower.count, rowCells >= 3, upper.count < rowCells,
        zip(upper, lower).allSatisfy({ $0.horizontalOverlap($1.left, $1.right) > 0 }),
        zip(upper, lower.dropFirst()).allSatisfy({ $0.horizontalOverlap($1.left, $1.right) == 0 }),
        zip(upper.dropFirst(), lower).allSatisfy({ $0.horizontalOverlap($1.left, $1.right) == 0 })
      else { continue }
      for (top, bottom) in zip(upper, lower) {
        var cell = top
        cell.text = WrappedText.joiningWrapped(top.text, bottom.text)
        cell.left = min(top.left, bottom.left)
        cell.right = max(top.right, bottom.right)
        cell.bottom = bottom.bottom
        cell.lastLineTop = bottom.top
        cell.lineCount = 2
        cell.words = []
        bands[index].cells.append(cell)
      }
      bands[index].cells.sort { $0.left < $1.left }
      bands[above].cells = []
      bands[below].cells = []
    }
    return bands.filter { !$0.cells.isEmpty }
  }

  /// A label printed one character a line down the table's side.
  func isRotatedLabel(_ cell: Cell) -> Bool {
    cell.lineCount >= 3 && cell.text.count == cell.lineCount
  }

  /// The rows of a page. A line holding three one-line cells or more is a row of a table (cells of a row
  /// print centred on it); every other cell joins the row it overlaps most. Cells that overlap no such row
  /// (titles, paragraphs, the goals block) form rows by overlapping each other.
  func rows(of cells: [Cell]) -> [Band] {
    var bands: [Band] = []
    var loose: [Cell] = []
    let oneLine = cells.filter { $0.lineCount == 1 }.sorted { ($0.middle, $0.left) < ($1.middle, $1.left) }
    var lines: [[Cell]] = []
    for cell in oneLine {
      if let first = lines.last?.first, abs(first.middle - cell.middle) < 0.3 * min(first.lineHeight, cell.lineHeight) {
        lines[lines.count - 1].append(cell)
      } else {
        lines.append([cell])
      }
    }
    for line in lines {
      if line.count >= 3 { bands.append(Band(cells: line)) } else { loose += line }
    }
    loose += cells.filter { $0.lineCount > 1 }
    var unplaced = placing(loose, in: &bands)
    // Where no row of three is near, a line of two one-line cells is a row too (a block of label and value
    // rows: 上级安排 · 0.00 under 资金来源 · 资金总额), so that a cell printed between two of them does not
    // chain them into one.
    var pairs: [Band] = []
    for line in lines where line.count == 2 && line.allSatisfy({ cell in unplaced.contains { $0.isSamePlace(as: cell) } }) {
      pairs.append(Band(cells: line))
      unplaced.removeAll { cell in line.contains { $0.isSamePlace(as: cell) } }
    }
    // A one-line cell printed midway between two of these rows, reaching into both, is merged over both
    // (财政资金 over 上级安排 and 本级安排): it goes on the first, as a sheet holds it, and spans the second.
    pairs.sort { $0.top < $1.top }
    unplaced.removeAll { cell in
      guard cell.lineCount == 1, !vocabulary.isTitle(printed: cell.text),
        let upper = pairs.indices.dropLast().first(where: { index in
          let (above, below) = (pairs[index], pairs[index + 1])
          return cell.top <= above.bottom && cell.bottom >= below.top
            && abs((above.top + below.bottom) / 2 - cell.middle) <= 0.25 * cell.lineHeight
            && !bands.contains { $0.page == cell.page && $0.middle > above.middle && $0.middle < below.middle }
        })
      else { return false }
      var merged = cell
      merged.rowSpan = 2
      pairs[upper].cells.append(merged)
      return true
    }
    unplaced = placing(unplaced, in: &pairs)
    bands += pairs
    var others: [Band] = []
    for cell in unplaced.sorted(by: { ($0.top, $0.left) < ($1.top, $1.left) }) {
      if let last = others.indices.last, others[last].cells.contains(where: { $0.overlapsVertically(cell, by: 0.5) }) {
        others[last].cells.append(cell)
      } else {
        others.append(Band(cells: [cell]))
      }
    }
    return (bands + others).map { Band(cells: $0.cells.sorted { $0.left < $1.left }) }.sorted { $0.top < $1.top }
  }

  /// Each cell put in the row it overlaps most (by half a line at least); those that overlap none returned.
  /// A row's place is its line of one-line cells: the cells put in it before do not move it (a tall label
  /// reaching up into the row above would draw the next cell there). Of two rows overlapped as much, the one
  /// whose line's middle is nearer the cell's (a cell prints centred on its row).
  func placing(_ cells: [Cell], in bands: inout [Band]) -> [Cell] {
    var unplaced: [Cell] = []
    let lines = bands.map { Band(cells: $0.cells.filter { $0.lineCount == 1 }) }
    for cell in cells {
      let best = lines.indices.filter { lines[$0].cells.contains { $0.overlapsVertically(cell, by: 0.5) } }
        .min { a, b in
          let (overlapA, overlapB) = (overlap(lines[a], cell), overlap(lines[b], cell))
          if overlapA != overlapB { return overlapA > overlapB }
          return abs((lines[a].top + lines[a].bottom) / 2 - cell.middle) < abs((lines[b].top + lines[b].bottom) / 2 - cell.middle)
        }
      if let best { bands[best].cells.append(cell) } else { unplaced.append(cell) }
    }
    return unplaced
  }

  func overlap(_ band: Band, _ cell: Cell) -> Double {
    min(band.bottom, cell.bottom) - max(band.top, cell.top)
  }
}
