/// Merged labels (levels, the funds and goals labels) put on the first of the rows they span.
extension PositionedTextAssembler {
  func isPartLabel(_ cell: Cell) -> Bool {
    let key = FormText.labelKey(cell.text)
    return vocabulary.isFundsLabel(key) || vocabulary.goalsLabels.contains(FormKey(key))
  }

  static let goalsHeaders: Set<String> = ["预期目标", "实际完成情况", "实际完成", "年度目标", "完成情况", "目标", "年初设定目标", "全年实际完成情况"]

  func isGoalsHeader(_ band: Band) -> Bool {
    band.cells.allSatisfy { Self.goalsHeaders.contains(FormText.labelKey($0.text)) }
  }

  /// Whether nothing of a row prints over a cell's width.
  func isClear(_ band: Band, for cell: Cell) -> Bool {
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
        var centredOn: Int?
        let end = blockEnd(bands, from: index)
        while above >= 0, bands[above].page == bands[index].page, isClear(bands[above], for: cell) {
          if isHeader(bands[above]) || isGoalsHeader(bands[above]) {
            centredOn = nil
            raise(cell, from: index, to: above)
            break
          }
          // Under a header the vocabulary does not know (资金来源 · 资金总额), the label is told by its
          // middle: the middle of the rows from there to its block's end.
          if abs((bands[above].top + bands[end].bottom) / 2 - cell.middle) <= 0.5 * cell.lineHeight { centredOn = above }
          above -= 1
        }
        if let centredOn { raise(cell, from: index, to: centredOn, through: end) }
      }
    }
    bands.removeAll { $0.cells.isEmpty }

    func raise(_ cell: Cell, from index: Int, to above: Int, through last: Int? = nil) {
      var moved = cell
      moved.rowSpan = (last ?? index) - above + 1
      bands[index].cells.removeAll { $0.isSamePlace(as: cell) }
      bands[above].cells.insert(moved, at: 0)
    }
  }

  /// The last row of the block a row is in: the row above the next header, or the next row starting a part
  /// of its own, on the same page.
  func blockEnd(_ bands: [Band], from index: Int) -> Int {
    var end = index
    while end + 1 < bands.count, bands[end + 1].page == bands[index].page, !isHeader(bands[end + 1]),
      !startsNewPart(bands[end + 1]), !isGoalsHeader(bands[end + 1])
    {
      end += 1
    }
    return end
  }

  /// A merged cell cut by a page break prints its text again on the next page (LibreOffice, Excel): the
  /// second is the first one's, not a label of its own.
  func isRepeatedAcrossPage(_ cell: Cell, _ previous: Cell) -> Bool {
    cell.page == previous.page + 1 && cell.text == previous.text && cell.horizontalOverlap(previous.left, previous.right) > 0
  }

  /// The levels of an indicator block (一级, 二级指标) print centred on the rows they span: each goes to the
  /// first row of the span its middle is the middle of, among the rows below the one above it and above
  /// the next label of its column. Where no span fits, it stays on its own row, with a doubt; where another
  /// tiling fits as well, it takes the one chosen with a doubt (docs/rules.md, "Levels in layout text").
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
      // Layout text: the lines of a cell printed on lines of their own around its row's line are the row's.
      let oneLine = cells.filter { $0.lineCount == 1 || $0.isAroundItsRow }
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
    // Where a label prints relative to its page's rows. A PDF's points are linear in height. Layout text's
    // lines are not: pdftotext gives a line to text printed between two rows' lines (a label centred on an
    // even number of rows), so the lines between rows stand for no height. There a place is measured in
    // the rows' own lines, the lines between them left out: a label on such a line is at the rows' border.
    let rowPages = Dictionary(uniqueKeysWithValues: filled.map { ($0, bands[$0].page) })
    let rowExtents = units == .characters ? core : extents
    let extentsByPage = Dictionary(grouping: filled, by: { rowPages[$0]! }).mapValues { $0.map { rowExtents[$0]! } }
    func place(_ y: Double, page: Int) -> Double {
      guard units == .characters else { return y }
      let onPage = extentsByPage[page] ?? []
      guard let first = onPage.first, y >= first.top else { return y - (onPage.first?.top ?? 0) }
      var height = 0.0
      for extent in onPage {
        if y < extent.top { return height }
        if y <= extent.bottom { return height + y - extent.top }
        height += extent.bottom - extent.top
      }
      return height + y - onPage.last!.bottom
    }
    func placed(_ label: Cell) -> Cell {
      var label = label
      (label.top, label.bottom) = (place(label.top, page: label.page), place(label.bottom, page: label.page))
      return label
    }
    let placedRows = filled.map { row in
      (top: place(rowExtents[row]!.top, page: rowPages[row]!), bottom: place(rowExtents[row]!.bottom, page: rowPages[row]!))
    }
    func spanMiddle(_ firstRow: Int) -> (Int, Int) -> Double {
      { start, end in (placedRows[firstRow + start].top + placedRows[firstRow + end].bottom) / 2 }
    }
    // Layout text tells more of a label from its line. A label top- or bottom-aligned prints on a row's
    // line: one on a line between rows, or past its page's rows, is centred. One printed under its page's
    // last row, the block going on over the page, is a merged cell cut by the break, centred on all of its
    // rows (LibreOffice): on its page it spans the rows down to the page's end, wherever it prints.
    func layoutLabels(_ labels: [Cell], at positions: [Int], page: Int) -> (
      cells: [Cell], positions: [Int], reach: [Int], offRow: [Bool], freeEnd: Bool
    ) {
      let placedCells = labels.map(placed)
      guard units == .characters else { return (placedCells, positions, positions, labels.map { _ in false }, false) }
      let rowsOnPage = extentsByPage[page] ?? []
      let offRow = labels.map { label in !rowsOnPage.contains { $0.top <= label.middle && label.middle <= $0.bottom } }
      // A label on a line between two rows is as near the one as the other: its span may reach either.
      var positions = positions
      var reach = positions
      for (offset, label) in labels.enumerated() where offRow[offset] {
        guard let below = rowsOnPage.firstIndex(where: { $0.top > label.middle }), below > 0 else { continue }
        (positions[offset], reach[offset]) = (below - 1, below)
      }
      let goesOn = filled.contains { rowPages[$0]! > page }
      let freeEnd = goesOn && rowsOnPage.last.map { last in labels.last.map { $0.top >= last.bottom } == true } == true
      return (placedCells, positions, reach, offRow, freeEnd)
    }
    // A label alone on its line belongs to the filled row nearest it.
    pending = pending.map { entry in
      if extents[entry.band] != nil { return entry }
      // Lines are counted page by page: the nearest row is one of the label's page.
      let onPage = filled.filter { bands[$0].page == entry.cell.page }
      let nearest = (onPage.isEmpty ? filled : onPage).min {
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
    /// Whether an alignment fits every column of the block; `exactly`: every label at its span's middle.
    func fits(_ alignment: Alignment, exactly: Bool = false) -> Bool {
      columns.allSatisfy { labels in
        segments(labels).allSatisfy { segment in
          guard !segment.cells.isEmpty else { return true }
          let labels = layoutLabels(segment.cells, at: segment.positions, page: rowPages[filled[segment.firstRow]]!)
          let found = tiling(
            labels.cells, at: labels.positions, reaching: labels.reach, rows: segment.rows, freeStart: segment.freeStart,
            freeEnd: labels.freeEnd, offRow: labels.offRow, alignment: alignment, middle: spanMiddle(segment.firstRow))
          return found.map { !exactly || $0.distance <= 0.01 } ?? false
        }
      }
    }
    // Layout text puts a label centred on two rows on either row's line, so a centred tiling fits a
    // top-aligned form's labels there too: top is tried first.
    let alignments: [Alignment] = units == .points ? [.centred, .top, .bottom] : [.top, .centred, .bottom]
    let blockAlignment = alignments.first { fits($0) }
    // Layout text puts a top-aligned label on its first row's line, and a centred one on its middle row's:
    // where every label of the block sits exactly in the middle of a centred tiling too, the text does not
    // tell the two apart, and the labels they place otherwise are uncertain.
    let centredAsWell = units == .characters && blockAlignment == .top && fits(.centred, exactly: true)
    // A 二级 label's cell lies inside its 一级 label's: columns are tiled right to left, and of two tilings
    // as near where the labels print, the one whose spans start where the column right of it starts one.
    var finerStarts: Set<Int>?
    for labels in columns.sorted(by: { $0.map(\.cell.left).min()! > $1.map(\.cell.left).min()! }) {
      // Tiled page by page: a label repeated at the top of the next page is the one above it continued
      // (a label cut by the break, printed under its page's rows, spans them to the page's end).
      var placedLabels: [(cell: Cell, span: (Int, Int))] = []
      defer { finerStarts = Set(placedLabels.map(\.span.0)) }
      for page in Set(labels.map { bands[$0.band].page }).sorted() {
        let rowsOnPage = filled.indices.filter { bands[filled[$0]].page == page }
        guard let firstRow = rowsOnPage.first, let lastRow = rowsOnPage.last else { continue }
        var onPage = labels.filter { bands[$0.band].page == page }
        // Rows at the top of a page under no label of their own are the label above continued (its
        // text, if printed again there, is no label of its own either).
        let continues = !placedLabels.isEmpty
        if continues, onPage.first?.cell.text == placedLabels.last?.cell.text { onPage.removeFirst() }
        let labelsOnPage = layoutLabels(
          onPage.map(\.cell), at: onPage.map { filled.firstIndex(of: $0.band)! - firstRow }, page: page)
        let positions = labelsOnPage.positions
        let order = blockAlignment.map { [$0] } ?? alignments
        let found = order.lazy.compactMap { alignment in
          self.tiling(
            labelsOnPage.cells, at: positions, reaching: labelsOnPage.reach, rows: lastRow - firstRow + 1, freeStart: continues,
            freeEnd: labelsOnPage.freeEnd, offRow: labelsOnPage.offRow,
            nestingIn: finerStarts.map { Set($0.map { $0 - firstRow }) },
            alignment: alignment, middle: spanMiddle(firstRow))
        }.first
        var alignedEitherWay: Set<Int> = []
        if centredAsWell, let top = found,
          let centred = tiling(
            labelsOnPage.cells, at: positions, reaching: labelsOnPage.reach, rows: lastRow - firstRow + 1, freeStart: continues,
            freeEnd: labelsOnPage.freeEnd, alignment: .centred, middle: spanMiddle(firstRow))
        {
          alignedEitherWay = Set(top.spans.indices.filter { top.spans[$0] != centred.spans[$0] })
        }
        let spans = found?.spans
        if continues, let previous = placedLabels.last, bands[filled[previous.span.0]].page < page {
          placedLabels[placedLabels.count - 1].span.1 =
            firstRow + (spans?.first?.0 ?? positions.first ?? (lastRow - firstRow + 1)) - 1
        }
        for (offset, entry) in onPage.enumerated() {
          var cell = entry.cell
          let span = spans?[offset] ?? (positions[offset], positions[offset])
          if spans == nil, onPage.count > 1 || lastRow > firstRow {
            cell.doubt = "a merged label whose rows could not be told from where it prints: kept on its own row"
          } else if found?.uncertain.contains(offset) == true {
            cell.doubt = cell.doubt ?? "a merged label centred as well on other rows as on these: its rows are a guess"
          } else if alignedEitherWay.contains(offset) {
            cell.doubt =
              cell.doubt
              ?? "a merged label printed where it would be top-aligned on these rows and centred on others: its rows are a guess"
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
  ///
  /// A wrapped name prints so too: a line holding a name but no weight or score (`isRowValue`), next to a
  /// line holding them but no name, is a line of that row's name, not a row. A cell printed around its row's
  /// blank line has as many lines below the row as above: once it has, the next line goes to the row below
  /// whose cell there is blank.
  func joinContinuationLines(
    _ bands: inout [Band], rows: Range<Int>, isLevel: (Cell) -> Bool, column: (Cell) -> Int, isName: (Cell) -> Bool,
    isRowValue: (Cell) -> Bool = { _ in false }
  ) {
    func isNameLine(_ index: Int) -> Bool {
      bands[index].cells.contains(where: isName) && !bands[index].cells.contains(where: isRowValue)
    }
    func isNamelessRowLine(_ index: Int) -> Bool {
      !bands[index].cells.contains(where: isName) && bands[index].cells.contains(where: isRowValue)
    }
    func neighbours(_ index: Int) -> [Int] {
      [index - 1, index + 1].filter { rows.contains($0) && bands[$0].page == bands[index].page }
    }
    let full = rows.filter { index in
      if isNameLine(index) { return !neighbours(index).contains(where: isNamelessRowLine) }
      if isNamelessRowLine(index) { return neighbours(index).contains(where: isNameLine) }
      return bands[index].cells.contains(where: isName)
    }
    var extended: Set<String> = []
    // The lines a cell took from above its row and from below it.
    var linesAbove: [String: Int] = [:]
    var linesBelow: [String: Int] = [:]
    var reach: [String: (top: Double, bottom: Double)] = [:]
    func isBalanced(_ key: String) -> Bool { (linesAbove[key] ?? 0) > 0 && (linesBelow[key] ?? 0) >= (linesAbove[key] ?? 0) }
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
        if nearAbove, let above, let cell = cellIndex(in: above), extended.contains(key(bands[above].cells[cell])),
          !isBalanced(key(bands[above].cells[cell])) || !nearBelow || cellIndex(in: below) != nil
        {
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
          let before = key(cell)
          cell.text =
            target < index
            ? WrappedText.joiningWrapped(cell.text, piece.text) : WrappedText.joiningWrapped(piece.text, cell.text)
          cell.left = min(cell.left, piece.left)
          cell.right = max(cell.right, piece.right)
          cell.lineCount += 1
          cell.words = []
          cell.doubt = cell.doubt ?? doubt
          bands[target].cells[existing] = cell
          extended.insert(key(cell))
          linesAbove[key(cell)] = (linesAbove[before] ?? 0) + (target > index ? 1 : 0)
          linesBelow[key(cell)] = (linesBelow[before] ?? 0) + (target < index ? 1 : 0)
          reach[key(cell)] = (
            min(reach[before]?.top ?? piece.top, piece.top), max(reach[before]?.bottom ?? piece.bottom, piece.bottom)
          )
        } else {
          var cell = piece
          cell.top = bands[target].top
          cell.bottom = bands[target].bottom
          cell.doubt = doubt
          bands[target].cells.append(cell)
          bands[target].cells.sort { $0.left < $1.left }
          extended.insert(key(cell))
          if target > index { linesAbove[key(cell)] = 1 } else { linesBelow[key(cell)] = 1 }
          reach[key(cell)] = (piece.top, piece.bottom)
        }
      }
    }
    // A name printed centred around its row's line, lines above it and below, spans the row's own lines: the
    // name is what makes the row (a narrow table's row is as tall as its name). Other cells may overflow a
    // row whose height is fixed (a spreadsheet's), and stay out of its height.
    for index in rows {
      for offset in bands[index].cells.indices {
        let cell = bands[index].cells[offset]
        guard isName(cell), (linesAbove[key(cell)] ?? 0) > 0, (linesBelow[key(cell)] ?? 0) > 0, let lines = reach[key(cell)]
        else { continue }
        bands[index].cells[offset].top = min(cell.top, lines.top)
        bands[index].cells[offset].bottom = max(cell.bottom, lines.bottom)
        bands[index].cells[offset].isAroundItsRow = true
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

  /// A column's labels placed on their rows: each label's first and last row, and the labels whose rows
  /// another tiling, as near their middles, gives otherwise.
  struct Tiling {
    var spans: [(Int, Int)]
    var uncertain: Set<Int> = []
    /// How far the labels print from their spans' middles (centred), in the middles' units.
    var distance = 0.0
  }

  /// `freeStart`: the rows above the first label's are the previous page's last label continued. `freeEnd`:
  /// the last label is cut by the page break, its middle not on this page's rows. `offRow`: the labels that
  /// print on no row's line (so are neither top- nor bottom-aligned). A label's span holds a row from its
  /// position to its reach (one further for a label printed between two rows).
  func tiling(
    _ labels: [Cell], at positions: [Int], reaching reach: [Int]? = nil, rows: Int, freeStart: Bool = false,
    freeEnd: Bool = false, offRow: [Bool] = [], nestingIn finerStarts: Set<Int>? = nil, alignment: Alignment,
    middle: (Int, Int) -> Double
  ) -> Tiling? {
    let reach = reach ?? positions
    guard !labels.isEmpty, zip(positions, positions.dropFirst()).allSatisfy({ $0 < $1 }),
      zip(reach, reach.dropFirst()).allSatisfy({ $0 < $1 })
    else { return nil }
    if alignment != .centred, offRow.contains(true) { return nil }
    switch alignment {
    case .top:
      guard positions.first == 0 || freeStart else { return nil }
      return Tiling(
        spans: positions.indices.map { (positions[$0], $0 + 1 < positions.count ? positions[$0 + 1] - 1 : rows - 1) })
    case .bottom:
      guard positions.last == rows - 1, !freeStart else { return nil }
      return Tiling(spans: positions.indices.map { ($0 == 0 ? 0 : positions[$0 - 1] + 1, positions[$0]) })
    case .centred:
      break
    }
    // Centred: each span starts after the one above and ends where its middle is the label's; of the
    // tilings that fit, the one whose middles are nearest the labels'.
    func nearest(excluding excluded: (offset: Int, span: (Int, Int))?) -> (cost: Double, spans: [(Int, Int)])? {
      var memo: [Int: (cost: Double, spans: [(Int, Int)])?] = [:]
      func centred(_ offset: Int, from start: Int) -> (cost: Double, spans: [(Int, Int)])? {
        if offset == labels.count { return start == rows ? (0, []) : nil }
        let key = offset * (rows + 1) + start
        if let known = memo[key] { return known }
        var best: (cost: Double, spans: [(Int, Int)])?
        let limit = offset + 1 < positions.count ? reach[offset + 1] - 1 : rows - 1
        if start <= reach[offset] {
          for end in max(start, positions[offset])...max(start, positions[offset], limit) {
            if let excluded, excluded.offset == offset, excluded.span == (start, end) { continue }
            if freeEnd, offset == labels.count - 1 {
              if end == rows - 1, let rest = centred(offset + 1, from: end + 1), best == nil || rest.cost < best!.cost {
                best = (rest.cost, [(start, end)] + rest.spans)
              }
              continue
            }
            let distance = abs(middle(start, end) - labels[offset].middle)
            guard distance <= 0.5 * labels[offset].lineHeight, let rest = centred(offset + 1, from: end + 1) else { continue }
            // Cutting through a label of the column right of it weighs more than a tie, less than any
            // distance layout text's lines can tell.
            let cuts = finerStarts.map { !$0.contains(start) } == true ? 0.05 * labels[offset].lineHeight : 0
            let cost = distance + cuts + rest.cost
            if best == nil || cost < best!.cost { best = (cost, [(start, end)] + rest.spans) }
          }
        }
        memo[key] = best
        return best
      }
      let starts = freeStart ? Array(0...reach[0]) : [0]
      return starts.compactMap({ centred(0, from: $0) }).min(by: { $0.cost < $1.cost })
    }
    guard let best = nearest(excluding: nil) else { return nil }
    // A label is placed with certainty only where every other tiling puts its middles further from the
    // labels': layout text's lines give a label's place to half a row, so two tilings can fit as well.
    let tie = 0.01 * (labels.map(\.lineHeight).min() ?? 1)
    let uncertain = best.spans.indices.filter { offset in
      nearest(excluding: (offset, best.spans[offset])).map { $0.cost <= best.cost + tie } ?? false
    }
    return Tiling(spans: best.spans, uncertain: Set(uncertain), distance: best.cost)
  }
}
