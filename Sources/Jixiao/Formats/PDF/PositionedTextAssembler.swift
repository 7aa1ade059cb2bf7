/// Builds the grids of a document's text from where its words were printed (a PDF's word boxes, or the
/// character columns of layout text), so that the form locator finds its tables as it finds them on a
/// sheet. Pages follow each other in one grid, so a table that runs over a page break goes on; the
/// document's prose parts it into grids, the paragraphs above each its preamble (docs/rules.md, "Reading a
/// document's text by position").
///
/// 1. Words on one line that nearly touch are one piece of text (`+Rows`).
/// 2. Pieces stacked in one column at the font's line pitch are one wrapped cell (a PDF; layout text has no
///    pitch, so there a piece joins the one above only where together they print a label the forms use).
/// 3. A line of three one-line cells or more is a row; other cells join the row they overlap most. Page
///    numbers, a table's header printed again at the top of the next page, and labels printed one
///    character a line (rotated) are dropped.
/// 4. Columns: under a header row (the indicator block's, the funds block's) each cell takes the column of
///    the header whose span holds its middle; cells left of the first header are the block's labels; a
///    cell reaching well into a second span keeps its column with a doubt (`+Columns`, `+Grid`).
/// 5. Merged labels (一级 and 二级指标, the funds and goals labels) print centred, or top- or bottom-aligned,
///    on the rows they span: each goes on the first of them, as a sheet holds it, and is merged down; where
///    its rows cannot be told, with a doubt (`+MergedLabels`).
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

  /// The document's grids. Each cell's `origin` is where it was printed (`第 3 页 (x 120, y 340)` for a PDF;
  /// the file's line, page and column for layout text).
  public func grids(_ text: PositionedText, file: String, name: String) -> [Grid] {
    var bands: [Band] = []
    var margins: [Int: Double] = [:]
    let pages = Dictionary(grouping: text.words, by: \.page)
    var goalsHeaders: [Cell]?
    for page in pages.keys.sorted() {
      bands += self.bands(onPage: page, words: pages[page]!, goalsHeaders: &goalsHeaders)
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
  func isProse(_ band: Band, margin: Double) -> Bool {
    guard band.cells.count == 1, let cell = band.cells.first else { return false }
    guard cell.left <= margin + 2.5 * cell.lineHeight else { return false }
    let key = FormText.key(cell.text)
    guard !vocabulary.isTitle(printed: cell.text), FormText.year(ofYearCell: cell.text) == nil else { return false }
    // A label run into its text (layout text parts them by one space only) is a form's, not prose.
    let labels = vocabulary.goalsLabels.map(\.text) + vocabulary.headerLabels.map(\.text) + vocabulary.fundsLabelPrefixes
    if labels.contains(where: { key.hasPrefix($0) }) { return false }
    return key.count >= 24 || key.hasSuffix("：") || key.hasSuffix(":")
  }
}
