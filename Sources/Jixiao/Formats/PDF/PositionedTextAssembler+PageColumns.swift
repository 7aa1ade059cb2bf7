/// Layout text's columns per page. pdftotext `-layout` lays each page, and each line, on a character grid
/// of its own: a header line spaced wider than the rows under it, or a header on one page over rows on the
/// next, gives character columns that do not line up with its rows. What stays true is the columns' order,
/// so where the header's columns put two pieces of one row in one column, the page's rows vote for columns
/// of their own (docs/rules.md, "Reading a document's text by position").
extension PositionedTextAssembler {
  /// A stretch and shift of character columns.
  struct ColumnMapping: Equatable {
    var scale: Double
    var shift: Double

    func callAsFunction(_ x: Double) -> Double { scale * x + shift }
  }

  /// The header's columns as the rows of each page of a block print them, for the pages whose rows the
  /// header's own columns do not fit (two pieces of a row in one column); other pages keep the header's.
  /// The rows vote: their pieces' middles, gathered where they line up, are the page's columns; as many as
  /// the header has and putting no two pieces of a row together, they are its columns in order. Otherwise
  /// the header is stretched and shifted onto the rows as best fits them, if some stretch parts every row,
  /// and each piece placed so is doubted. A block's labels (left of its header) stay left of its columns.
  func columnsByPage(header: [Cell], columns: Columns, rows: ArraySlice<Band>) -> [Int: Columns] {
    guard units == .characters, header.count >= 3 else { return [:] }
    let firstLeft = columns.spans[0].left
    func isLabel(_ cell: Cell) -> Bool { !columns.labelLefts.isEmpty && cell.center < firstLeft }
    var byPage: [Int: Columns] = [:]
    for (page, bands) in Dictionary(grouping: rows, by: \.page) {
      let pieces = bands.map { $0.cells.filter { !isLabel($0) && !TableSchema.isTotalRowLabel($0.text) } }.filter { !$0.isEmpty }
      let labelsEnd = bands.flatMap(\.cells).filter(isLabel).map(\.center).max() ?? -.infinity
      let identityFit = fit(header: header, rows: pieces)
      guard identityFit.collisions > 0 else { continue }
      var pageColumns: Columns
      let aligned = Self.alignedColumns(Array(pieces.joined()))
      let voted = zip(header, aligned).map { cell, column in
        var cell = cell
        cell.left = column.left
        cell.right = column.right
        return cell
      }
      if aligned.count == header.count, fit(header: voted, rows: pieces).collisions == 0 {
        pageColumns = makeColumns(header: voted, bands: [])
      } else {
        guard let best = bestMapping(header: header, rows: pieces, labelsEnd: labelsEnd), best.fit.collisions == 0 else {
          continue
        }
        pageColumns = makeColumns(header: best.header, bands: [])
        pageColumns.doubt = "the header's columns do not line up with this page's rows: placed by a stretch of them"
      }
      pageColumns.labelLefts = columns.labelLefts
      byPage[page] = pageColumns
    }
    return byPage
  }

  /// Where pieces line up: their middles sorted, a gap of more than three characters between neighbours
  /// parting one column from the next; each column from its pieces' leftmost start to rightmost end.
  static func alignedColumns(_ pieces: [Cell]) -> [(left: Double, right: Double)] {
    var columns: [(left: Double, right: Double, lastMiddle: Double)] = []
    for piece in pieces.sorted(by: { $0.center < $1.center }) {
      if let last = columns.last, piece.center - last.lastMiddle <= 3 {
        columns[columns.count - 1] = (min(last.left, piece.left), max(last.right, piece.right), piece.center)
      } else {
        columns.append((piece.left, piece.right, piece.center))
      }
    }
    return columns.map { ($0.left, $0.right) }
  }

  /// How well header columns fit a page's rows: pieces of one row in one column (each a sure sign of
  /// columns that do not fit), and the pieces' distances from their nearest column middle (capped, so that
  /// a long text left-aligned in its column weighs no more than a few characters).
  func fit(header: [Cell], rows: [[Cell]]) -> (collisions: Int, cost: Double) {
    Self.fit(header: header.map { ($0.left, $0.right) }, rows: rows.map { $0.map(\.center) })
  }

  /// `fit` on the columns' extents and the pieces' middles (the search below tries thousands of stretches).
  static func fit(header: [(left: Double, right: Double)], rows: [[Double]]) -> (collisions: Int, cost: Double) {
    let middles = header.map { ($0.left + $0.right) / 2 }
    let boundaries = header.indices.dropFirst().map { (header[$0 - 1].right + header[$0].left) / 2 }
    var collisions = 0
    var cost = 0.0
    for row in rows {
      var used: [Int] = []
      for center in row {
        var nearest = Double.infinity
        for middle in middles { nearest = min(nearest, abs(middle - center)) }
        cost += min(nearest, 4)
        var column = 0
        while column < boundaries.count, center >= boundaries[column] { column += 1 }
        if used.contains(column) { collisions += 1 } else { used.append(column) }
      }
    }
    return (collisions, cost + 10 * Double(collisions))
  }

  /// The stretch of the header that fits the rows best, its first column right of the block's labels: a
  /// coarse search over stretches (half to one and a half times) and shifts, refined around its best.
  func bestMapping(header: [Cell], rows: [[Cell]], labelsEnd: Double) -> (header: [Cell], fit: (collisions: Int, cost: Double))? {
    var best: (header: [Cell], fit: (collisions: Int, cost: Double), mapping: ColumnMapping)?
    let middles = rows.map { $0.map(\.center) }
    func consider(_ mapping: ColumnMapping) {
      let mapped = header.map { cell in
        var cell = cell
        cell.left = mapping(cell.left)
        cell.right = mapping(cell.right)
        return cell
      }
      guard mapped[0].left - 2 > labelsEnd else { return }
      let result = Self.fit(header: mapped.map { ($0.left, $0.right) }, rows: middles)
      if best == nil || result.cost < best!.fit.cost { best = (mapped, result, mapping) }
    }
    for scale in stride(from: 0.5, through: 1.5, by: 0.04) {
      for shift in stride(from: -60.0, through: 60, by: 2) { consider(ColumnMapping(scale: scale, shift: shift)) }
    }
    guard let coarse = best?.mapping else { return nil }
    for scale in stride(from: coarse.scale - 0.04, through: coarse.scale + 0.04, by: 0.01) {
      for shift in stride(from: coarse.shift - 2, through: coarse.shift + 2, by: 0.5) {
        consider(ColumnMapping(scale: scale, shift: shift))
      }
    }
    return best.map { ($0.header, $0.fit) }
  }
}
