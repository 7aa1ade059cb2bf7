/// Header rows and the column spans they give.
extension PositionedTextAssembler {
  /// A row that heads columns: it holds the name header of an indicator block, or two headers of a funds
  /// block.
  func isHeader(_ band: Band) -> Bool {
    let keys = band.cells.map { FormText.labelKey($0.text) }
    if keys.contains(where: { vocabulary.nameHeaders.contains(FormKey($0)) }) { return true }
    return keys.count { Self.fundsHeaders.contains($0) } >= 2
  }

  static let fundsHeaders: Set<String> = Set(
    TableSchema.headers(at: [.funds, .source]).map(FormText.labelKey))

  /// A table's header printed again at the top of the next page: the same texts as the header above.
  func droppingRepeatedHeaders(_ bands: [Band]) -> [Band] {
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
  struct Columns {
    /// Each header's span, left to right; the first starts a little left of its header, the last runs on.
    var spans: [(left: Double, right: Double)]
    /// Each header's own extent, as printed (narrower than its span).
    var heads: [(left: Double, right: Double)] = []
    /// Where label columns (left of the first header) start.
    var labelLefts: [Double]
    /// Why every cell placed by these columns is in doubt (columns that could only be guessed), if so.
    var doubt: String?

    func column(of cell: Cell) -> (index: Int, doubt: String?) {
      let middle = cell.center
      guard let first = spans.first, middle >= first.left else {
        let label = labelLefts.lastIndex { $0 <= cell.left + 0.5 * cell.lineHeight } ?? 0
        return (label, doubt)
      }
      let index = spans.lastIndex { $0.left <= middle } ?? 0
      let own = cell.horizontalOverlap(spans[index].left, spans[index].right)
      let others = spans.indices.filter { $0 != index }.map { cell.horizontalOverlap(spans[$0].left, spans[$0].right) }
      var doubt: String?
      if let most = others.max(), most > 0.25 * cell.width, most > 0.5 * own {
        doubt = "the text reaches across two columns: placed by its middle"
      }
      return (labelLefts.count + index, doubt ?? self.doubt)
    }

    /// A one-line piece whose words fall in different columns, parted between them. `underHeads`: a word
    /// starts a column only where it prints under that column's header; one that only reaches into the
    /// column's span stays with the words before it (the tail of a long text run on, `=2023 年 12 月`).
    func parting(_ cell: Cell, underHeads: Bool = false) -> [Cell] {
      guard cell.words.count > 1, let first = spans.first, cell.center >= first.left else { return [cell] }
      func index(_ x: Double) -> Int { spans.lastIndex { $0.left <= x } ?? -1 }
      var columns = cell.words.map { index(($0.left + $0.right) / 2) }
      if underHeads, heads.count == spans.count {
        for offset in columns.indices.dropFirst() where columns[offset] != columns[offset - 1] && columns[offset] >= 0 {
          let head = heads[columns[offset]]
          if cell.words[offset].right <= head.left || cell.words[offset].left >= head.right {
            columns[offset] = columns[offset - 1]
          }
        }
      }
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
}
