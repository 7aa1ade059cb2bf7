/// Builds the grid of a document's text from where its words were printed (a PDF's word boxes, or the
/// character columns of layout text), so that the form locator finds its tables as it finds them on a
/// sheet. The document is one grid, page after page: a table that runs over a page break goes on, and the
/// locator tells the tables apart by their titles and headers.
///
/// 1. Words on one line (their middles within half a line) that nearly touch are one piece of text.
/// 2. Pieces stacked in one column at a line's pitch are one wrapped cell (a PDF; layout text has no pitch,
///    so there a piece joins the one above only where together they print a header or label the forms use).
/// 3. Cells that overlap vertically are one row (a band); a cell that spans rows which do not overlap each
///    other (a merged label centred on them) makes none. Page numbers, and a table's header printed again
///    at the top of the next page, are dropped; a label printed one character a line (rotated) too.
/// 4. Columns: under a header row (the indicator block's, the funds block's) each cell takes the column of
///    the header whose span holds its middle; cells left of the first header are the block's labels. A
///    cell that reaches well into a second header's span is kept where its middle is, with a doubt.
///    Elsewhere (title, header block, goals) cells that overlap horizontally share a column.
/// 5. A merged label (一级 and 二级指标, 项目资金, 年度总体目标) prints centred on the rows it spans: it is put
///    on the first of them, as a sheet has it, and merged down; where the rows it spans cannot be told
///    from its place, with a doubt.
public struct PositionedTextAssembler: Sendable {
  public enum Units: Sendable {
    /// A PDF's points: pitch and gaps tell lines and cells apart.
    case points
    /// Layout text's characters and lines: a gap of two spaces ends a cell, and lines carry no pitch.
    case characters
  }

  public var units: Units
  public var vocabulary: FormVocabulary

  public init(units: Units, vocabulary: FormVocabulary = .standard) {
    self.units = units
    self.vocabulary = vocabulary
  }

  /// The document's grid. Each cell's `origin` is where it was printed (`第 3 页 (x 120, y 340)` for a PDF;
  /// the file's line for layout text).
  public func grids(_ text: PositionedText, file: String, name: String) -> [Grid] {
    var bands: [Band] = []
    var margins: [Int: Double] = [:]
    let pages = Dictionary(grouping: text.words, by: \.page)
    for page in pages.keys.sorted() {
      bands += self.bands(onPage: page, words: pages[page]!)
      margins[page] = pages[page]!.map(\.left).min()
    }
    bands = droppingRepeatedHeaders(bands)
    raisePartLabels(&bands)
    joinSplitHeaders(&bands)
    // The document's prose parts it into grids, each with the paragraphs above it as its preamble.
    var grids: [Grid] = []
    var preamble: [String] = []
    var segment: [Band] = []
    func flush() {
      guard !segment.isEmpty else { return }
      let pagesSpanned = "第 \(segment.first!.page)\(segment.last!.page == segment.first!.page ? "" : "–\(segment.last!.page)") 页"
      var grid = assemble(segment, file: file, name: "\(name) \(pagesSpanned)")
      grid.preamble = preamble
      grids.append(grid)
      segment = []
      preamble = []
    }
    for band in bands {
      if isProse(band, margin: margins[band.page] ?? 0) {
        flush()
        preamble.append(band.cells[0].text)
      } else {
        segment.append(band)
      }
    }
    flush()
    return grids
  }

  /// A paragraph of the document around its tables: alone on its line, from the page's left margin (or
  /// indented two characters), and long, or ending in a colon (附件1：).
  private func isProse(_ band: Band, margin: Double) -> Bool {
    guard band.cells.count == 1, let cell = band.cells.first else { return false }
    guard cell.left <= margin + 2.5 * cell.lineHeight else { return false }
    let key = FormText.key(cell.text)
    guard !vocabulary.isTitle(printed: cell.text), FormText.year(ofYearCell: cell.text) == nil else { return false }
    // A label run into its text (layout text parts them by one space only) is a form's, not prose.
    let labels = vocabulary.goalsLabels.map(\.text) + vocabulary.headerLabels.map(\.text) + vocabulary.fundsLabelPrefixes
    if labels.contains(where: { key.hasPrefix($0) }) { return false }
    return key.count >= 24 || key.hasSuffix("：") || key.hasSuffix(":")
  }

  // MARK: Pieces, cells, bands

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

    func horizontalOverlap(_ left: Double, _ right: Double) -> Double {
      max(0, min(self.right, right) - max(self.left, left))
    }
  }

  /// A row of the page: its cells left to right.
  struct Band {
    var cells: [Cell]
    var top: Double { cells.map(\.top).min() ?? 0 }
    var bottom: Double { cells.map(\.bottom).max() ?? 0 }
    var page: Int { cells.first?.page ?? 0 }
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
    return lines.map { $0.sorted { $0.left < $1.left } }
  }

  private func sameLine(_ a: PositionedWord, _ b: PositionedWord) -> Bool {
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
          let spaced =
            gap <= 4 * height && last.text.count == 1 && word.text.count == 1
            && DocumentText.isCJK(last.text.unicodeScalars.first!) && DocumentText.isCJK(word.text.unicodeScalars.first!)
          joins = (gap <= 0.45 * height || spaced) && gap >= -0.1 * height
          space = gap > 0.15 * height && !DocumentText.meetsAtCJK(last.text, word.text)
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
    var keys = Set(TableSchema.declarations.filter { $0.place != .table }.flatMap(\.headers).map(FormText.labelKey))
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

  /// Whether a text is a header or label the forms use, or the first line of one that wraps (年度总体目 · 标).
  static func isLabelOrItsStart(_ text: String) -> Bool {
    let key = FormText.labelKey(text)
    return knownLabels.contains(key) || key.count >= 3 && knownLabels.contains { $0.count > key.count && $0.hasPrefix(key) }
  }

  /// Whether a piece continues the wrapped cell above it.
  private func continues(_ upper: Cell, with lower: Cell, linesBetween: Int) -> Bool {
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
      if FormText.labelKey(lower.text).hasPrefix("("), vocabulary.isFundsLabel(FormText.labelKey(upper.text)) { return true }
      // The first lines of a longer label (年度 · 总体 · 目标).
      return !Self.knownLabels.contains(FormText.labelKey(lower.text)) && joined.count >= 3
        && Self.knownLabels.contains { $0.count > joined.count && $0.hasPrefix(joined) }
    }
  }

  /// The rows of one page, top to bottom.
  func bands(onPage page: Int, words: [PositionedWord]) -> [Band] {
    var lines = self.lines(words).map(pieces)
    // A page number alone on the page's first or last line.
    for index in [lines.count - 1, 0] where lines.indices.contains(index) {
      if lines[index].count == 1, DocumentText.isPageNumber(lines[index][0].text) { lines.remove(at: index) }
    }
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
        if let best = candidates.max(by: {
          piece.horizontalOverlap(cells[$0.index].left, cells[$0.index].right)
            < piece.horizontalOverlap(cells[$1.index].left, cells[$1.index].right)
        }) {
          var cell = cells[best.index]
          cell.text = DocumentText.joiningWrapped(cell.text, piece.text)
          cell.left = min(cell.left, piece.left)
          cell.right = max(cell.right, piece.right)
          cell.bottom = max(cell.bottom, piece.bottom)
          cell.lastLineTop = piece.top
          cell.lineCount += 1
          cell.words = []
          cells[best.index] = cell
          open.removeAll { $0.index == best.index }
          nextOpen.append((best.index, lineIndex))
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
    return rows(of: cells)
  }

  /// A label printed one character a line down the table's side.
  private func isRotatedLabel(_ cell: Cell) -> Bool {
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
    var unplaced: [Cell] = []
    for cell in loose {
      let best = bands.indices.filter { bands[$0].cells.contains { $0.overlapsVertically(cell, by: 0.5) } }
        .max { overlap(bands[$0], cell) < overlap(bands[$1], cell) }
      if let best { bands[best].cells.append(cell) } else { unplaced.append(cell) }
    }
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

  private func overlap(_ band: Band, _ cell: Cell) -> Double {
    min(band.bottom, cell.bottom) - max(band.top, cell.top)
  }

  // MARK: Headers and columns

  /// A row that heads columns: it holds the name header of an indicator block, or two headers of a funds
  /// block.
  func isHeader(_ band: Band) -> Bool {
    let keys = band.cells.map { FormText.labelKey($0.text) }
    if keys.contains(where: { vocabulary.nameHeaders.contains(FormKey($0)) }) { return true }
    return keys.count { Self.fundsHeaders.contains($0) } >= 2
  }

  static let fundsHeaders: Set<String> = Set(
    TableSchema.declarations.filter { $0.place == .funds || $0.place == .source }.flatMap(\.headers).map(FormText.labelKey))

  /// A table's header printed again at the top of the next page: the same texts as the header above.
  private func droppingRepeatedHeaders(_ bands: [Band]) -> [Band] {
    var kept: [Band] = []
    var lastHeader: [String]?
    var previousPage = 0
    for band in bands {
      let texts = band.cells.map { FormText.labelKey($0.text) }
      if isHeader(band) {
        if band.page != previousPage, texts == lastHeader, kept.last?.page != band.page { continue }
        lastHeader = texts
      }
      previousPage = band.page
      kept.append(band)
    }
    return kept
  }

  /// A header merged over sub-headers (年度指标值 over 指标性质 · 指标值 · 度量单位) prints on its own line
  /// above the headers merged down both rows, which print centred between: it joins their row.
  func joinSplitHeaders(_ bands: inout [Band]) {
    var index = 1
    while index + 1 < bands.count {
      defer { index += 1 }
      guard isHeader(bands[index]), !isHeader(bands[index - 1]), bands[index - 1].page == bands[index].page else { continue }
      let above = bands[index - 1].cells
      let below = bands[index + 1].cells
      let spanning = above.allSatisfy { upper in
        !upper.text.contains(where: \.isNumber) && subheaders(under: upper, among: below, beside: bands[index].cells).count >= 2
      }
      guard !above.isEmpty, spanning else { continue }
      bands[index].cells = (above + bands[index].cells).sorted { $0.left < $1.left }
      bands.remove(at: index - 1)
    }
  }

  /// The sub-headers a header spans: the cells below that lie, as it does, between the neighbouring
  /// headers of its row (a merged header prints narrower than the columns it spans).
  func subheaders(under upper: Cell, among lower: [Cell], beside header: [Cell]) -> [Cell] {
    let others = header.filter { !($0.left == upper.left && $0.top == upper.top) }
    let left = others.filter { $0.right <= upper.center }.map(\.right).max() ?? -.infinity
    let right = others.filter { $0.left >= upper.center }.map(\.left).min() ?? .infinity
    return lower.filter { $0.center > left && $0.center < right }
  }

  /// Column spans from a header row (and the row of sub-headers under a header spanning several): the
  /// boundaries halfway between neighbouring headers.
  private struct Columns {
    /// Each header's span, left to right; the first starts a little left of its header, the last runs on.
    var spans: [(left: Double, right: Double)]
    /// Where label columns (left of the first header) start.
    var labelLefts: [Double]

    func column(of cell: Cell) -> (index: Int, doubt: String?) {
      let middle = cell.center
      guard let first = spans.first, middle >= first.left else {
        let label = labelLefts.lastIndex { $0 <= cell.left + 0.5 * cell.lineHeight } ?? 0
        return (label, nil)
      }
      let index = spans.lastIndex { $0.left <= middle } ?? 0
      let own = cell.horizontalOverlap(spans[index].left, spans[index].right)
      let others = spans.indices.filter { $0 != index }.map { cell.horizontalOverlap(spans[$0].left, spans[$0].right) }
      var doubt: String?
      if let most = others.max(), most > 0.25 * cell.width, most > 0.5 * own {
        doubt = "the text reaches across two columns: placed by its middle"
      }
      return (labelLefts.count + index, doubt)
    }

    /// A one-line piece whose words fall in different columns, parted between them.
    func parting(_ cell: Cell) -> [Cell] {
      guard cell.words.count > 1, let first = spans.first, cell.center >= first.left else { return [cell] }
      func index(_ x: Double) -> Int { spans.lastIndex { $0.left <= x } ?? -1 }
      let columns = cell.words.map { index(($0.left + $0.right) / 2) }
      guard Set(columns).count > 1 else { return [cell] }
      var parts: [Cell] = []
      for (offset, word) in cell.words.enumerated() {
        if offset > 0, columns[offset] == columns[offset - 1] {
          parts[parts.count - 1].text += word.text
          parts[parts.count - 1].right = word.right
          parts[parts.count - 1].words.append(word)
        } else {
          var part = cell
          part.left = word.left
          part.right = word.right
          part.text = String(word.text.drop { $0 == " " })
          part.words = [word]
          parts.append(part)
        }
      }
      return parts
    }
  }

  // MARK: Merged labels

  private func isPartLabel(_ cell: Cell) -> Bool {
    let key = FormText.labelKey(cell.text)
    return vocabulary.isFundsLabel(key) || vocabulary.goalsLabels.contains(FormKey(key))
  }

  static let goalsHeaders: Set<String> = ["预期目标", "实际完成情况", "实际完成", "年度目标", "完成情况", "目标", "年初设定目标", "全年实际完成情况"]

  private func isGoalsHeader(_ band: Band) -> Bool {
    band.cells.allSatisfy { Self.goalsHeaders.contains(FormText.labelKey($0.text)) }
  }

  /// Whether nothing of a row prints over a cell's width.
  private func isClear(_ band: Band, for cell: Cell) -> Bool {
    !band.cells.contains { $0.horizontalOverlap(cell.left, cell.right) > 0 && !($0.left == cell.left && $0.top == cell.top) }
  }

  /// A funds or goals label, merged down the rows of its block, prints centred on them: it goes up to the
  /// block's header row (年初预算数 …, 预期目标 | 实际完成情况) when only blank space lies between, as a sheet
  /// holds it.
  func raisePartLabels(_ bands: inout [Band]) {
    var lastLabel: Cell?
    for index in bands.indices {
      // A label can be repeated only within its table: a title or a header row comes between tables.
      if isHeader(bands[index]) || bands[index].cells.contains(where: { vocabulary.isTitle(printed: $0.text) }) {
        lastLabel = nil
      }
      for cell in bands[index].cells where isPartLabel(cell) {
        defer { lastLabel = cell }
        if let last = lastLabel, isRepeatedAcrossPage(cell, last) {
          bands[index].cells.removeAll { $0.left == cell.left && $0.top == cell.top }
          continue
        }
        var above = index - 1
        while above >= 0, bands[above].page == bands[index].page, isClear(bands[above], for: cell) {
          if isHeader(bands[above]) || isGoalsHeader(bands[above]) {
            var moved = cell
            moved.rowSpan = index - above + 1
            bands[index].cells.removeAll { $0.left == cell.left && $0.top == cell.top }
            bands[above].cells.insert(moved, at: 0)
            break
          }
          above -= 1
        }
      }
    }
    bands.removeAll { $0.cells.isEmpty }
  }

  /// A merged cell cut by a page break prints its text again on the next page (LibreOffice, Excel): the
  /// second is the first one's, not a label of its own.
  private func isRepeatedAcrossPage(_ cell: Cell, _ previous: Cell) -> Bool {
    cell.page == previous.page + 1 && cell.text == previous.text && cell.horizontalOverlap(previous.left, previous.right) > 0
  }

  /// The levels of an indicator block (一级, 二级指标) print centred on the rows they span: each goes to the
  /// first row of the span its middle is the middle of, among the rows below the one above it and above
  /// the next label of its column. Where no span fits, it stays on its own row, with a doubt.
  func spreadLevels(_ bands: inout [Band], rows: Range<Int>, isLevel: (Cell) -> Bool) {
    guard !rows.isEmpty else { return }
    var pending: [(band: Int, cell: Cell)] = []
    for index in rows {
      for cell in bands[index].cells where isLevel(cell) { pending.append((index, cell)) }
      bands[index].cells.removeAll(where: isLevel)
    }
    // The rows' extent without the labels (a label may be the only thing on its line of layout text).
    // A row's place: its cells' extent, but no further than the one-line cells of the rows beside it (a
    // long text overflowing a row too low for it prints into its neighbours).
    var whole: [Int: (top: Double, bottom: Double)] = [:]
    var core: [Int: (top: Double, bottom: Double)] = [:]
    for index in rows {
      let cells = bands[index].cells
      guard let top = cells.map(\.top).min(), let bottom = cells.map(\.bottom).max() else { continue }
      whole[index] = (top, bottom)
      let oneLine = cells.filter { $0.lineCount == 1 }
      core[index] = oneLine.isEmpty ? (top, bottom) : (oneLine.map(\.top).min()!, oneLine.map(\.bottom).max()!)
    }
    let ordered = rows.filter { whole[$0] != nil }
    var extents: [Int: (top: Double, bottom: Double)] = [:]
    for (offset, index) in ordered.enumerated() {
      var extent = whole[index]!
      if offset > 0, bands[ordered[offset - 1]].page == bands[index].page {
        extent.top = max(extent.top, min(core[ordered[offset - 1]]!.bottom, core[index]!.top))
      }
      if offset + 1 < ordered.count, bands[ordered[offset + 1]].page == bands[index].page {
        extent.bottom = min(extent.bottom, max(core[ordered[offset + 1]]!.top, core[index]!.bottom))
      }
      extents[index] = extent
    }
    let filled = rows.filter { extents[$0] != nil }
    guard !filled.isEmpty else {
      for (index, cell) in pending { bands[index].cells.append(cell) }
      return
    }
    // A label alone on its line belongs to the filled row nearest it.
    pending = pending.map { entry in
      if extents[entry.band] != nil { return entry }
      let nearest = filled.min {
        abs((extents[$0]!.top + extents[$0]!.bottom) / 2 - entry.cell.middle)
          < abs((extents[$1]!.top + extents[$1]!.bottom) / 2 - entry.cell.middle)
      }!
      return (nearest, entry.cell)
    }
    pending.sort { ($0.band, $0.cell.left) < ($1.band, $1.cell.left) }
    // The labels of one column (those that overlap horizontally), top to bottom.
    var columns: [[(band: Int, cell: Cell)]] = []
    for entry in pending {
      if let index = columns.firstIndex(where: {
        $0.contains { $0.cell.horizontalOverlap(entry.cell.left, entry.cell.right) > 0 }
      }) {
        columns[index].append(entry)
      } else {
        columns.append([entry])
      }
    }
    // A form merges all its labels alike: the alignment that fits every column of the block is used for
    // each; a column none fits keeps its own.
    func segments(_ labels: [(band: Int, cell: Cell)]) -> [(
      cells: [Cell], positions: [Int], rows: Int, freeStart: Bool, firstRow: Int
    )] {
      var result: [(cells: [Cell], positions: [Int], rows: Int, freeStart: Bool, firstRow: Int)] = []
      var seenAny = false
      var lastText: String?
      for page in Set(labels.map { bands[$0.band].page }).sorted() {
        let rowsOnPage = filled.indices.filter { bands[filled[$0]].page == page }
        guard let firstRow = rowsOnPage.first, let lastRow = rowsOnPage.last else { continue }
        var onPage = labels.filter { bands[$0.band].page == page }
        if seenAny, onPage.first?.cell.text == lastText { onPage.removeFirst() }
        result.append(
          (
            onPage.map(\.cell), onPage.map { filled.firstIndex(of: $0.band)! - firstRow }, lastRow - firstRow + 1, seenAny,
            firstRow
          ))
        seenAny = true
        lastText = labels.filter { bands[$0.band].page == page }.last?.cell.text ?? lastText
      }
      return result
    }
    func fits(_ alignment: Alignment) -> Bool {
      columns.allSatisfy { labels in
        segments(labels).allSatisfy { segment in
          segment.cells.isEmpty
            || tiling(
              segment.cells, at: segment.positions, rows: segment.rows, freeStart: segment.freeStart, alignment: alignment
            ) {
              (extents[filled[segment.firstRow + $0]]!.top + extents[filled[segment.firstRow + $1]]!.bottom) / 2
            } != nil
        }
      }
    }
    // Layout text puts a label centred on two rows on either row's line, so a centred tiling fits a
    // top-aligned form's labels there too: top is tried first.
    let alignments: [Alignment] = units == .points ? [.centred, .top, .bottom] : [.top, .centred, .bottom]
    let blockAlignment = alignments.first(where: fits)
    for labels in columns {
      // Each page's part of a merged cell prints its text, centred on that part: tiled page by page, a
      // label repeated at the top of the next page is the one above it continued.
      var placedLabels: [(cell: Cell, span: (Int, Int))] = []
      for page in Set(labels.map { bands[$0.band].page }).sorted() {
        let rowsOnPage = filled.indices.filter { bands[filled[$0]].page == page }
        guard let firstRow = rowsOnPage.first, let lastRow = rowsOnPage.last else { continue }
        var onPage = labels.filter { bands[$0.band].page == page }
        // Rows at the top of a page under no label of their own are the label above continued (its
        // text, if printed again there, is no label of its own either).
        let continues = !placedLabels.isEmpty
        if continues, onPage.first?.cell.text == placedLabels.last?.cell.text { onPage.removeFirst() }
        let positions = onPage.map { filled.firstIndex(of: $0.band)! - firstRow }
        let order = blockAlignment.map { [$0] } ?? alignments
        let spans = order.lazy.compactMap { alignment in
          self.tiling(onPage.map(\.cell), at: positions, rows: lastRow - firstRow + 1, freeStart: continues, alignment: alignment)
          {
            start, end in (extents[filled[firstRow + start]]!.top + extents[filled[firstRow + end]]!.bottom) / 2
          }
        }.first
        if continues, let previous = placedLabels.last, bands[filled[previous.span.0]].page < page {
          placedLabels[placedLabels.count - 1].span.1 =
            firstRow + (spans?.first?.0 ?? positions.first ?? (lastRow - firstRow + 1)) - 1
        }
        for (offset, entry) in onPage.enumerated() {
          var cell = entry.cell
          let span = spans?[offset] ?? (positions[offset], positions[offset])
          if spans == nil, onPage.count > 1 || lastRow > firstRow {
            cell.doubt = "a merged label whose rows could not be told from where it prints: kept on its own row"
          }
          placedLabels.append((cell, (firstRow + span.0, firstRow + span.1)))
        }
      }
      for (cell, span) in placedLabels {
        var cell = cell
        cell.rowSpan = span.1 - span.0 + 1
        bands[filled[span.0]].cells.append(cell)
        bands[filled[span.0]].cells.sort { $0.left < $1.left }
      }
    }
  }

  /// Layout text prints a cell that wraps on lines of its own, above and below its row's line (its cells
  /// are centred): a line of an indicator block with nothing under the name header is such pieces. Each
  /// joins the cell of its column on the row next to it: the row whose cell there is blank, or the row it
  /// continues; where both rows beside it could take it, the one above, with a doubt.
  func joinContinuationLines(
    _ bands: inout [Band], rows: Range<Int>, isLevel: (Cell) -> Bool, column: (Cell) -> Int, isName: (Cell) -> Bool
  ) {
    let full = rows.filter { index in bands[index].cells.contains(where: isName) }
    var extended: Set<String> = []
    for index in rows where !full.contains(index) {
      let pieces = bands[index].cells.filter { !isLevel($0) }
      guard !pieces.isEmpty else { continue }
      let page = bands[index].page
      bands[index].cells.removeAll { !isLevel($0) }
      let above = full.last { $0 < index && bands[$0].page == page }
      let below = full.first { $0 > index && bands[$0].page == page }
      for piece in pieces {
        func cellIndex(in row: Int?) -> Int? {
          guard let row else { return nil }
          return bands[row].cells.firstIndex { column($0) == column(piece) }
        }
        let nearAbove = above.map { index - $0 <= 2 } ?? false
        let nearBelow = below.map { $0 - index <= 2 } ?? false
        var target: Int?
        var doubt: String?
        if nearAbove, let above, let cell = cellIndex(in: above), extended.contains(key(bands[above].cells[cell])) {
          target = above
        } else if nearBelow, cellIndex(in: below) == nil {
          target = below
        } else if nearAbove, cellIndex(in: above) == nil {
          target = above
        } else if nearAbove || nearBelow {
          target = nearAbove ? above : below
          if nearAbove && nearBelow {
            doubt = "a line of layout text between two rows, joined to the one above: its row is a guess"
          }
        }
        guard let target else {
          bands[index].cells.append(piece)
          continue
        }
        if let existing = cellIndex(in: target) {
          var cell = bands[target].cells[existing]
          cell.text =
            target < index
            ? DocumentText.joiningWrapped(cell.text, piece.text) : DocumentText.joiningWrapped(piece.text, cell.text)
          cell.left = min(cell.left, piece.left)
          cell.right = max(cell.right, piece.right)
          cell.lineCount += 1
          cell.words = []
          cell.doubt = cell.doubt ?? doubt
          bands[target].cells[existing] = cell
          extended.insert(key(cell))
        } else {
          var cell = piece
          cell.top = bands[target].top
          cell.bottom = bands[target].bottom
          cell.doubt = doubt
          bands[target].cells.append(cell)
          bands[target].cells.sort { $0.left < $1.left }
          extended.insert(key(cell))
        }
      }
    }
    func key(_ cell: Cell) -> String { "\(cell.page) \(cell.top) \(cell.left)" }
  }

  /// The rows each label of a column spans, so that together they cover the block's rows once: the label
  /// printed in the middle of its rows (centred), on the first (top-aligned) or on the last (bottom, Excel's
  /// default); nil when no alignment fits every label.
  enum Alignment: CaseIterable {
    case centred, top, bottom
  }

  func tiling(
    _ labels: [Cell], at positions: [Int], rows: Int, freeStart: Bool = false, alignment: Alignment,
    middle: (Int, Int) -> Double
  ) -> [(Int, Int)]? {
    guard !labels.isEmpty, zip(positions, positions.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
    switch alignment {
    case .top:
      guard positions.first == 0 || freeStart else { return nil }
      return positions.indices.map { (positions[$0], $0 + 1 < positions.count ? positions[$0 + 1] - 1 : rows - 1) }
    case .bottom:
      guard positions.last == rows - 1, !freeStart else { return nil }
      return positions.indices.map { ($0 == 0 ? 0 : positions[$0 - 1] + 1, positions[$0]) }
    case .centred:
      break
    }
    // Centred: each span starts after the one above and ends where its middle is the label's; of the
    // tilings that fit, the one whose middles are nearest the labels'.
    var memo: [Int: (cost: Double, spans: [(Int, Int)])?] = [:]
    func centred(_ offset: Int, from start: Int) -> (cost: Double, spans: [(Int, Int)])? {
      if offset == labels.count { return start == rows ? (0, []) : nil }
      let key = offset * (rows + 1) + start
      if let known = memo[key] { return known }
      var best: (cost: Double, spans: [(Int, Int)])?
      let limit = offset + 1 < positions.count ? positions[offset + 1] - 1 : rows - 1
      if start <= positions[offset] {
        for end in positions[offset]...max(positions[offset], limit) {
          let distance = abs(middle(start, end) - labels[offset].middle)
          guard distance <= 0.5 * labels[offset].lineHeight, let rest = centred(offset + 1, from: end + 1) else { continue }
          if best == nil || distance + rest.cost < best!.cost { best = (distance + rest.cost, [(start, end)] + rest.spans) }
        }
      }
      memo[key] = best
      return best
    }
    let starts = freeStart ? Array(0...positions[0]) : [0]
    return starts.compactMap({ centred(0, from: $0) }).min(by: { $0.cost < $1.cost })?.spans
  }

  // MARK: The grid

  private func assemble(_ bands: [Band], file: String, name: String) -> Grid {
    var bands = bands
    var grid = Grid(file: file, name: name)
    var columns: Columns?
    var levelColumns = 0..<0
    var blockStart = 0
    var placed: [[(column: Int, cell: Cell)]] = []
    var headerRows = Set<Int>()
    var row = 0
    while row < bands.count {
      let band = bands[row]
      if isHeader(band) {
        // A part label raised to the header row is the block's label, not a column's header.
        var headerCells = band.cells.filter { !isPartLabel($0) }
        var rows = 1
        // Left of 一级指标 only a rotated label (绩效指标 down the block's side) prints: it is dropped.
        if let level1 = headerCells.first(where: { vocabulary.level1Headers.contains(FormKey(FormText.labelKey($0.text))) }) {
          let edge = level1.left - 0.5 * level1.lineHeight
          headerCells.removeAll { $0.right < edge }
          var end = row
          while end < bands.count, end == row || (!isHeader(bands[end]) && !startsNewPart(bands[end])) {
            bands[end].cells.removeAll { $0.right < edge && !TableSchema.isTotalRowLabel($0.text) }
            end += 1
          }
        }
        // A second header row under a header that spans several columns (年度指标值 over 指标性质 · 指标值 · 度量单位).
        if row + 1 < bands.count, !isHeader(bands[row + 1]), isSubheader(bands[row + 1], under: band) {
          let lower = bands[row + 1].cells
          let upperCells = headerCells
          headerCells.removeAll { upper in subheaders(under: upper, among: lower, beside: upperCells).count >= 2 }
          headerCells += lower
          headerCells.sort { $0.left < $1.left }
          rows = 2
        }
        columns = makeColumns(header: headerCells, bands: bands[row...])
        let keys = headerCells.map { FormText.labelKey($0.text) }
        if let nameIndex = keys.firstIndex(where: { vocabulary.nameHeaders.contains(FormKey($0)) }) {
          levelColumns = 0..<(columns!.labelLefts.count + nameIndex)
          var end = row + rows
          while end < bands.count, !isHeader(bands[end]), !startsNewPart(bands[end]),
            !bands[end].cells.contains(where: {
              TableSchema.isTotalRowLabel($0.text) || vocabulary.isNote(FormText.labelKey($0.text))
            })
          {
            end += 1
          }
          let nameLeft = columns!.spans[nameIndex].left
          if units == .characters {
            let nameSpan = columns!.spans[nameIndex]
            let blockColumns = columns!
            joinContinuationLines(
              &bands, rows: (row + rows)..<end, isLevel: { $0.center < nameLeft },
              column: { blockColumns.column(of: $0).index },
              isName: { $0.center >= nameSpan.left && $0.center < nameSpan.right })
          }
          spreadLevels(&bands, rows: (row + rows)..<end) { $0.center < nameLeft }
          let emptied = ((row + rows)..<end).filter { bands[$0].cells.isEmpty }
          for index in emptied.reversed() { bands.remove(at: index) }
        } else {
          levelColumns = 0..<0
        }
        blockStart = placed.count
        for offset in 0..<rows {
          headerRows.insert(placed.count)
          placed.append(bands[row + offset].cells.map { (columns!.column(of: $0).index, $0) })
        }
        if rows == 2 {
          // The spanning header over its sub-headers.
          for upper in band.cells where !headerCells.contains(where: { $0.left == upper.left && $0.top == upper.top }) {
            let covered = subheaders(under: upper, among: bands[row + 1].cells, beside: band.cells).map {
              columns!.column(of: $0).index
            }
            if let first = covered.min(), let last = covered.max() {
              if let index = placed[placed.count - 2].firstIndex(where: { $0.cell.left == upper.left }) {
                placed[placed.count - 2][index].column = first
              }
              grid.merge(
                CellRange(
                  first: CellReference(row: placed.count - 2, column: first),
                  last: CellReference(row: placed.count - 2, column: last)))
            }
          }
        }
        row += rows
        continue
      }
      if let current = columns, !startsNewPart(band) {
        placed.append(
          band.cells.flatMap { current.parting($0) }.map { cell in
            var (column, doubt) = current.column(of: cell)
            // A total row's label is merged across the level and name columns and prints centred on them.
            if !levelColumns.isEmpty, TableSchema.isTotalRowLabel(cell.text) {
              column = min(column, levelColumns.upperBound)
              doubt = nil
            }
            var cell = cell
            if cell.doubt == nil { cell.doubt = doubt }
            return (column, cell)
          })
      } else {
        columns = nil
        levelColumns = 0..<0
        blockStart = placed.count
        placed.append(band.cells.enumerated().map { ($0.offset, $0.element) })
      }
      row += 1
      _ = blockStart
      _ = levelColumns
    }
    placed = placingMergedLabels(placed, headerRows: headerRows, grid: &grid)
    for (rowIndex, cells) in placed.enumerated() {
      var used = Set<Int>()
      for (column, cell) in cells {
        var column = column
        if used.contains(column) {
          // Two cells in one column of a row: the second goes beside it, kept and doubted.
          var existing = grid[rowIndex, column]
          existing.text += " " + cell.text
          existing.doubt = existing.doubt ?? "two pieces of text fell in one column: joined"
          grid[rowIndex, column] = existing
          continue
        }
        used.insert(column)
        column = max(column, 0)
        grid[rowIndex, column] = gridCell(cell, file: file)
        if cell.rowSpan > 1 {
          grid.merge(
            CellRange(
              first: CellReference(row: rowIndex, column: column),
              last: CellReference(row: rowIndex + cell.rowSpan - 1, column: column)))
        }
      }
    }
    return grid
  }

  private func isSubheader(_ band: Band, under header: Band) -> Bool {
    guard band.cells.allSatisfy({ !$0.text.contains(where: \.isNumber) && $0.text.count <= 8 }) else { return false }
    return header.cells.contains { upper in subheaders(under: upper, among: band.cells, beside: header.cells).count >= 2 }
  }

  /// A row that starts a part of its own (a title, the header block, the funds or goals label): the
  /// columns of the header above end there.
  private func startsNewPart(_ band: Band) -> Bool {
    guard let first = band.cells.first else { return false }
    let key = FormText.labelKey(first.text)
    return isGoalsHeader(band) || vocabulary.isTitle(printed: first.text) || vocabulary.headerLabels.contains(FormKey(key))
      || vocabulary.isFundsLabel(key) || vocabulary.goalsLabels.contains(FormKey(key))
      || band.cells.contains { vocabulary.isTitle(printed: $0.text) }
  }

  private func makeColumns(header: [Cell], bands: ArraySlice<Band>) -> Columns {
    var spans: [(left: Double, right: Double)] = []
    for (index, cell) in header.enumerated() {
      let left = index == 0 ? cell.left - 0.5 * cell.lineHeight : (header[index - 1].right + cell.left) / 2
      let right = index + 1 < header.count ? (cell.right + header[index + 1].left) / 2 : .infinity
      spans.append((left, right))
    }
    // Label columns: the left edges of what prints left of the first header, in the block's rows.
    var lefts: [Double] = []
    let first = spans.first?.left ?? 0
    for band in bands.prefix(200) {
      for cell in band.cells where cell.center < first {
        if !lefts.contains(where: { abs($0 - cell.left) < cell.lineHeight }) { lefts.append(cell.left) }
      }
    }
    return Columns(spans: spans, labelLefts: lefts.sorted())
  }

  /// Merged labels: a part's label in the leftmost column, and the levels of an indicator block, printed
  /// centred on the rows they span, are put on the first of those rows (the rows below them up to the one
  /// above the next label of the column, or symmetric about the label) and merged down.
  private func placingMergedLabels(
    _ placed: [[(column: Int, cell: Cell)]], headerRows: Set<Int>, grid: inout Grid
  ) -> [[(column: Int, cell: Cell)]] {
    _ = grid
    return placed
  }

  private func gridCell(_ cell: Cell, file: String) -> GridCell {
    let origin: SourceLocation
    switch units {
    case .points:
      origin = SourceLocation(file: file, field: "第 \(cell.page) 页 (x \(Int(cell.left.rounded())), y \(Int(cell.top.rounded())))")
    case .characters:
      origin = SourceLocation(file: file, line: cell.fileLine, field: "第 \(cell.page) 页, column \(Int(cell.left) + 1)")
    }
    return GridCell(kind: .text, text: cell.text, reference: CellReference(row: 0, column: 0), origin: origin, doubt: cell.doubt)
  }
}
