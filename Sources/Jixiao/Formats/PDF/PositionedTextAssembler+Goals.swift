/// The goals block (年度总体目标 | 预期目标 | 实际完成情况): its texts, each merged across several columns and
/// wrapped over many lines, printed side by side under headers centred on them. Read line by line rather
/// than as pieces stacked at the line pitch: the two texts' lines need not line up (each is centred on the
/// block by itself), layout text parts them by one space only where a line is full, and a PDF prints them
/// closer than a cell's padding apart (docs/rules.md, "The goals block read by position").
extension PositionedTextAssembler {
  /// The goals texts of a page, taken out of its lines: for each goals header row (two goals headers or
  /// more: 预期目标 · 实际完成情况), the lines below it up to the next label, parted into the headers'
  /// columns and each column's pieces joined top to bottom. Each text knows its header's place
  /// (`goalsHeader`), so the grid puts it under that header whatever else its row holds.
  ///
  /// A block cut by a page break (its headers the last line of one page, its texts at the head of the next)
  /// goes on there: `pendingHeaders` carries the headers from one page to the next.
  func takingGoalsTexts(_ lines: inout [[Cell]], pendingHeaders: inout [Cell]?) -> [[Cell]] {
    var blocks: [[Cell]] = []
    func blockEnd(after index: Int) -> Int {
      var end = index + 1
      while end < lines.count, lines[end].allSatisfy({ !stopsGoalsBlock($0) || isGoalsLabelPiece($0) }) { end += 1 }
      return end
    }
    if let headers = pendingHeaders {
      pendingHeaders = nil
      let end = blockEnd(after: -1)
      if end > 0 { blocks.append(goalsBlock(&lines, headers: headers, headerLine: -1, end: end)) }
    }
    var index = 0
    while index < lines.count {
      defer { index += 1 }
      let headers = lines[index].sorted { $0.left < $1.left }.filter {
        Self.goalsHeaders.contains(FormText.labelKey($0.text)) && FormText.labelKey($0.text) != "目标"
      }
      guard headers.count >= 2, lines[index].allSatisfy({ headers.contains(where: $0.isSamePlace) || isGoalsLabelPiece($0) })
      else { continue }
      let end = blockEnd(after: index)
      let holdsText = lines[(index + 1)..<end].contains { $0.contains { !isGoalsLabelPiece($0) } }
      guard holdsText else {
        // Nothing but the label below the headers on their page: the texts begin the next.
        if end == lines.count { pendingHeaders = headers }
        continue
      }
      blocks.append(goalsBlock(&lines, headers: headers, headerLine: index, end: end))
      index = end - 1
    }
    lines.removeAll { $0.isEmpty }
    return blocks
  }

  /// One goals block's texts (and label), taken out of the lines between its header line and `end`.
  func goalsBlock(_ lines: inout [[Cell]], headers: [Cell], headerLine index: Int, end: Int) -> [Cell] {
    let block = (index + 1)..<end
    let columns = goalsColumns(headers: headers, pieces: block.flatMap { lines[$0] }.filter { !isGoalsLabelPiece($0) })
    var parts: [[Cell]] = Array(repeating: [], count: headers.count)
    var texts: [Cell] = []
    for line in block {
      var kept: [Cell] = []
      for piece in lines[line] {
        guard !isGoalsLabelPiece(piece) else {
          kept.append(piece)
          continue
        }
        for (column, part) in parted(piece, at: columns.boundaries) { parts[column].append(part) }
      }
      lines[line] = kept
    }
    let overflow = takingOverflow(&lines, from: end, into: &parts, boundaries: columns.boundaries)
    for (column, pieces) in parts.enumerated() where !pieces.isEmpty {
      var text = pieces[0]
      text.goalsHeader = (headers[column].page, headers[column].left, headers[column].top)
      for piece in pieces.dropFirst() { text.joinWrappedLine(piece) }
      text.doubt = columns.doubt ?? pieces.lazy.compactMap(\.doubt).first
      // Layout text parts the texts where the columns' lines start: a text whose lines start elsewhere
      // (centred) may have been parted anywhere.
      let edge = column == 0 ? parts.joined().map(\.left).min()! : columns.boundaries[column - 1]
      if units == .characters, pieces.contains(where: { abs($0.left - edge) > 2 }) {
        text.doubt = text.doubt ?? "the goals text's lines do not start at its column's edge: where the texts part is a guess"
      }
      // No text starts with a pause: one that does has lost its first line (a merged cell lower than its
      // text, clipped by the row heights a spreadsheet fitted to other cells).
      if let first = text.text.first, "、，。；：）".contains(first) {
        text.doubt = text.doubt ?? "the goals text starts mid-sentence: its first line is not printed (clipped)"
      }
      texts.append(text)
    }
    if var label = takingGoalsLabel(
      &lines, header: index, block: block.lowerBound..<overflow, leftOf: parts.joined().map(\.left).min() ?? 0),
      let top = texts.map(\.top).min()
    {
      // The label joins the texts' row (its first line may print beside the headers, or above them).
      label.top = max(label.top, top)
      texts.insert(label, at: 0)
    }
    return texts
  }

  /// A goals text taller than the rows its merged cell spans (rows a spreadsheet fitted to their other
  /// cells) prints on past the block, over the next rows' lines: a piece of a line below the block that
  /// starts at a goals column's edge, a line's pitch under that column's last line, and stays inside the
  /// column, goes on with it. Returns the line after the last one that gave a piece.
  func takingOverflow(_ lines: inout [[Cell]], from end: Int, into parts: inout [[Cell]], boundaries: [Double]) -> Int {
    var line = end
    while line < lines.count {
      var took = false
      for (column, pieces) in parts.enumerated() {
        guard let last = pieces.last, let edge = pieces.map(\.left).min() else { continue }
        guard
          let found = lines[line].firstIndex(where: { piece in
            let step = piece.top - last.top
            let follows =
              units == .points ? step >= 0.75 * piece.lineHeight && step <= 1.1 * piece.lineHeight : step == 1
            let parted = self.parted(piece, at: boundaries)
            return follows && abs(piece.left - edge) <= tolerance(piece) && !stopsGoalsBlock(piece)
              && !isGoalsLabelPiece(piece) && parted.allSatisfy { $0.column == column }
          })
        else { continue }
        parts[column] += parted(lines[line][found], at: boundaries).map(\.part)
        lines[line].remove(at: found)
        took = true
      }
      guard took else { break }
      line += 1
    }
    return line
  }

  /// The goals label printed down its column left of the texts (年度 · 总体 · 目标), from the line above the
  /// headers (a label centred on the block starts there when the texts are short) to the block's end, taken
  /// out and joined: it goes with the texts, and up to its header row from there (`raisePartLabels`), not to
  /// the row of another block its lines happen to reach (a row fitted to its text: the funds block's last).
  func takingGoalsLabel(_ lines: inout [[Cell]], header: Int, block: Range<Int>, leftOf textLeft: Double) -> Cell? {
    var taken: [(line: Int, piece: Cell)] = []
    for line in (header - 1)..<block.upperBound where lines.indices.contains(line) {
      // The label's column is left of the texts (`年度` of 年度指标值 on an overflow line is not the label's).
      let pieces = lines[line].filter { isGoalsLabelPiece($0) && $0.right <= textLeft }
      // Above the headers only a line holding nothing but a piece of the label.
      if line == header - 1, pieces.count != lines[line].count { continue }
      taken += pieces.map { (line, $0) }
    }
    guard var label = taken.first?.piece else { return nil }
    for (_, piece) in taken.dropFirst() { label.joinWrappedLine(piece) }
    label.words = []
    guard vocabulary.goalsLabels.contains(FormKey(FormText.labelKey(label.text))) else { return nil }
    for (line, piece) in taken { lines[line].removeAll { $0.isSamePlace(as: piece) } }
    return label
  }

  /// The edge a goals column's text starts from, and where each next column begins. Each header is centred
  /// on its merged cell, whose text starts a padding in from the cell's left: the cell's right edge is as
  /// far right of the header's middle as the text's start is left of it, and the next column's text starts
  /// right of that edge (its own start then gives the next boundary the same way).
  ///
  /// Layout text keeps no proportions (a CJK character takes one column however wide it prints), so there
  /// the columns are found by their text instead: a cell's lines all start at its edge, so the columns
  /// where runs of text start (after two spaces or more) right of the first column's edge, the most often,
  /// are the next columns' edges.
  func goalsColumns(headers: [Cell], pieces: [Cell]) -> (boundaries: [Double], doubt: String?) {
    let headers = headers.sorted { $0.left < $1.left }
    let words = pieces.flatMap { piece in piece.words.isEmpty ? [(piece.left, piece.right, piece.text)] : piece.words }
    guard let textLeft = words.map(\.left).min() else { return ([], nil) }
    if units == .characters, let edges = layoutEdges(pieces: pieces, textLeft: textLeft, count: headers.count - 1) {
      return (edges, nil)
    }
    var boundaries: [Double] = []
    var doubt: String?
    var start = textLeft
    // Layout text's columns are guessed from the headers only where a wrapped line breaks at the edge
    // guessed (a line's text ends there, the next word, if any, after it).
    let lines = Dictionary(grouping: pieces, by: \.top).values.map { line in
      line.flatMap { piece in piece.words.isEmpty ? [(left: piece.left, right: piece.right, text: piece.text)] : piece.words }
        .sorted { $0.left < $1.left }
    }
    func breaksAt(_ edge: Double) -> Bool {
      lines.contains { line in
        line.indices.contains { index in
          abs(line[index].right - edge) <= 2 && (index + 1 == line.count || line[index + 1].left >= edge - 1)
        }
      }
    }
    for (index, header) in headers.enumerated().dropLast() {
      var boundary = 2 * header.center - start
      let next = headers[index + 1]
      // A boundary past the next header's middle is no cell's edge: the headers are not centred on them.
      if boundary <= header.center || boundary >= next.center {
        boundary = (header.right + next.left) / 2
        doubt = "the goals headers are not centred on their texts: the texts are parted halfway between the headers"
      }
      if units == .characters, doubt == nil, !breaksAt(boundary) {
        doubt = "layout text prints the goals texts one space apart and keeps no proportions: where one ends is a guess"
      }
      boundaries.append(boundary)
      let tolerance = self.tolerance(header)
      start = words.map(\.left).filter { $0 >= boundary - tolerance }.min() ?? boundary
    }
    return (boundaries, doubt)
  }

  /// The edges of layout text's goals columns after the first: where runs of text start (two spaces or
  /// more before them) right of the first column's edge, starts within two columns of each other being one
  /// edge (pdftotext rounds each line's columns by itself) at the column most of them share; the edges
  /// found most often. Nil where fewer edges are found than there are columns after the first (every line
  /// of a column but the first run on from the one before, one space apart).
  func layoutEdges(pieces: [Cell], textLeft: Double, count: Int) -> [Double]? {
    guard count > 0 else { return [] }
    var clusters: [[Double]] = []
    for start in pieces.map(\.left).filter({ $0 > textLeft + 2 }).sorted() {
      if let last = clusters.last?.last, start - last <= 2 {
        clusters[clusters.count - 1].append(start)
      } else {
        clusters.append([start])
      }
    }
    let found = clusters.sorted { $0.count > $1.count }.prefix(count).map { cluster in
      Dictionary(grouping: cluster, by: { $0 }).max { ($0.value.count, $0.key) < ($1.value.count, $1.key) }!.key
    }
    return found.count == count ? found.sorted() : nil
  }

  /// A line's piece parted at the column boundaries, by its words (layout text prints two goals texts one
  /// space apart where a line is full): each word goes to the column its start is in. A goals text keeps
  /// the spaces printed between its words, CJK or not: the texts are compared with what was typed.
  func parted(_ piece: Cell, at boundaries: [Double]) -> [(column: Int, part: Cell)] {
    let words = piece.words.isEmpty ? [(left: piece.left, right: piece.right, text: piece.text)] : piece.words
    let tolerance = self.tolerance(piece)
    var parts: [(column: Int, part: Cell)] = []
    var previousRight: Double?
    for word in words {
      // In layout text a word may start up to two columns left of its column's edge, when it runs past it
      // (the column before cannot cross its edge).
      let column =
        boundaries.lastIndex { edge in
          units == .points ? word.left >= edge - tolerance : word.left >= edge || (word.left >= edge - 2 && word.right > edge + 2)
        }.map { $0 + 1 } ?? 0
      let text = String(word.text.drop { $0 == " " })
      let edgeTolerance = units == .points ? tolerance : 2
      let straddles = boundaries.contains { word.left < $0 - edgeTolerance && word.right > $0 + edgeTolerance }
      if let last = parts.last, last.column == column, let previousRight {
        var part = last.part
        let space = isSpace(gap: word.left - previousRight, height: piece.lineHeight, between: part.text, text)
        part.text += (space ? " " : "") + text
        part.right = word.right
        if straddles { part.doubt = Self.straddlingDoubt }
        parts[parts.count - 1].part = part
      } else {
        var part = piece
        part.left = word.left
        part.right = word.right
        part.text = text
        part.words = []
        if straddles { part.doubt = Self.straddlingDoubt }
        parts.append((column, part))
      }
      previousRight = word.right
    }
    return parts
  }

  static let straddlingDoubt = "a word of the goals texts prints across the edge between them: placed by where it starts"

  /// Whether the gap between two words of a line is a space typed: in a PDF a space's width, a quarter of
  /// the font's height (next to CJK more than a fifth: a word processor's own gap between CJK and Latin
  /// text, Writer's autospace, is about a seventh); in layout text one character.
  func isSpace(gap: Double, height: Double, between before: String, _ after: String) -> Bool {
    switch units {
    case .points: gap > (WrappedText.meetsAtCJK(before, after) ? 0.2 : 0.15) * height
    case .characters: gap >= 1
    }
  }

  /// How far a text's edge may stray from where it is expected: a quarter of a line in a PDF, a character
  /// in layout text (whose columns are rounded).
  func tolerance(_ cell: Cell) -> Double {
    units == .points ? 0.25 * cell.lineHeight : 1
  }

  /// A piece of the goals label (年度 · 总体 · 目标, printed down its column beside the texts).
  func isGoalsLabelPiece(_ cell: Cell) -> Bool {
    let key = FormText.labelKey(cell.text)
    return !key.isEmpty && vocabulary.goalsLabels.contains { $0.text.contains(key) }
  }

  /// A line's piece that ends the goals block: a header or label the forms use (the indicator block's
  /// header, a title, the next table's header block).
  func stopsGoalsBlock(_ cell: Cell) -> Bool {
    Self.isLabelOrItsStart(cell.text) || vocabulary.isTitle(printed: cell.text)
  }
}
