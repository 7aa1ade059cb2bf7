/// Layout text's columns per page. pdftotext `-layout` lays each page, and each line, on a character grid
/// of its own: a header line spaced wider than the rows under it, or a header on one page over rows on the
/// next, gives character columns that do not line up with its rows. What stays true is the order and the
/// proportions of the columns, so the header's columns are mapped onto a page's rows by a stretch and a shift
/// (`x' = scale · x + shift`) chosen by the rows themselves: the one under which no two of a row's pieces
/// fall in one column and the pieces sit nearest the columns' middles (docs/rules.md, "Reading a
/// document's text by position").
extension PositionedTextAssembler {
  /// A stretch and shift of character columns.
  struct ColumnMapping: Equatable {
    var scale: Double
    var shift: Double

    static let identity = ColumnMapping(scale: 1, shift: 0)

    func callAsFunction(_ x: Double) -> Double { scale * x + shift }
  }

  /// The header's columns as the rows of each page of a block print them, for the pages whose rows the
  /// header's own columns do not fit (two pieces of a row in one column); other pages keep the header's.
  /// The rows vote: their pieces' middles, gathered where they line up, are the page's columns; as many as
  /// the header has, they are its columns in order. Otherwise the header is stretched and shifted onto the
  /// rows as best fits them, and every piece placed so is doubted.
  func columnsByPage(header: [Cell], columns: Columns, rows: ArraySlice<Band>) -> [Int: Columns] {
    guard units == .characters, header.count >= 3 else { return [:] }
    var byPage: [Int: Columns] = [:]
    for (page, bands) in Dictionary(grouping: rows, by: \.page) {
      let pieces = bands.map(\.cells).filter { !$0.isEmpty }
      let identityFit = fit(header: header, mapping: .identity, rows: pieces)
      guard identityFit.collisions > 0 else { continue }
      // Labels left of the header (a funds block's) are no column of it.
      let firstLeft = columns.spans[0].left
      let voting = pieces.joined().filter {
        !TableSchema.isTotalRowLabel($0.text) && (columns.labelLefts.isEmpty || $0.center >= firstLeft)
      }
      let aligned = Self.alignedColumns(voting)
      var pageColumns: Columns
      if aligned.count == header.count {
        let mapped = zip(header, aligned).map { cell, column in
          var cell = cell
          cell.left = column.left
          cell.right = column.right
          return cell
        }
        pageColumns = makeColumns(header: mapped, bands: [])
      } else {
        guard let best = bestMapping(header: header, rows: pieces), best.fit.collisions < identityFit.collisions,
          best.fit.cost < identityFit.cost
        else { continue }
        let mapped = header.map { cell in
          var cell = cell
          cell.left = best.mapping(cell.left)
          cell.right = best.mapping(cell.right)
          return cell
        }
        pageColumns = makeColumns(header: mapped, bands: [])
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

  /// How well a mapping of the header fits a page's rows: pieces of one row in one column (each a sure sign
  /// of a wrong mapping), and the pieces' distances from their nearest column middle (capped, so that a
  /// label or a long text left-aligned in its column weighs no more than a few characters).
  func fit(header: [Cell], mapping: ColumnMapping, rows: [[Cell]]) -> (collisions: Int, cost: Double) {
    let middles = header.map { mapping($0.center) }
    var boundaries: [Double] = []
    for index in header.indices.dropFirst() { boundaries.append(mapping((header[index - 1].right + header[index].left) / 2)) }
    let first = mapping(header[0].left) - 2
    var collisions = 0
    var cost = 0.0
    for row in rows {
      var used = Set<Int>()
      for cell in row {
        cost += min(middles.map { abs($0 - cell.center) }.min() ?? 0, 4)
        guard cell.center >= first else { continue }
        let column = boundaries.firstIndex { cell.center < $0 } ?? boundaries.count
        if !used.insert(column).inserted { collisions += 1 }
      }
    }
    return (collisions, cost + 10 * Double(collisions))
  }

  /// The mapping that fits the rows best: a coarse search over stretches (half to one and a half times)
  /// and shifts, refined around its best.
  func bestMapping(header: [Cell], rows: [[Cell]]) -> (mapping: ColumnMapping, fit: (collisions: Int, cost: Double))? {
    var best: (mapping: ColumnMapping, fit: (collisions: Int, cost: Double))?
    func consider(_ mapping: ColumnMapping) {
      let result = fit(header: header, mapping: mapping, rows: rows)
      if best == nil || result.cost < best!.fit.cost { best = (mapping, result) }
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
    return best
  }
}
