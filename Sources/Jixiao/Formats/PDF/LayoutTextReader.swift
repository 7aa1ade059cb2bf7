/// pdftotext's `-layout` text: each page's lines as printed, the columns of a table aligned with spaces,
/// pages parted by form feeds. Read as a PDF's words are (`PositionedTextAssembler`), a word's place being
/// its character column and its line: runs of text parted by two spaces or more are words (one space
/// stays inside a word: pdftotext puts one between CJK text and digits, `2023 年度`).
public enum LayoutTextReader {
  /// The document's grids (parted by its prose; the tables found in them by the form locator); each cell's
  /// origin is its file line, page and column.
  public static func grids(bytes: [UInt8], file: String) -> [Grid] {
    PositionedTextAssembler(units: .characters).grids(positionedText(bytes: bytes), file: file, name: TableReader.baseName(file))
  }

  /// The words of layout text with their places: x the character column (from 0), y the line's index on
  /// its page, the page counted by form feeds (from 1).
  public static func positionedText(bytes: [UInt8]) -> PositionedText {
    var text = String(decoding: bytes, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    var words: [PositionedWord] = []
    var page = 1
    var lineOnPage = 0
    var fileLine = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      fileLine += 1
      var line = Substring(rawLine)
      if line.hasSuffix("\r") { line = line.dropLast() }
      // A form feed starts a page; pdftotext puts it at the start of the next page's first line.
      while let feed = line.firstIndex(of: "\u{0C}") {
        let before = line[..<feed]
        words += self.words(in: before).flatMap { tokens(page: page, line: lineOnPage, fileLine: fileLine, $0) }
        page += 1
        lineOnPage = 0
        line = line[line.index(after: feed)...]
      }
      words += self.words(in: line).flatMap { tokens(page: page, line: lineOnPage, fileLine: fileLine, $0) }
      lineOnPage += 1
    }
    let pages = text.hasSuffix("\u{0C}") || text.hasSuffix("\u{0C}\n") ? page - 1 : page
    return PositionedText(words: words, pageCount: max(pages, 1))
  }

  /// The words of a run, each at its column (the assembly joins those one space apart again, and can part
  /// them where a column boundary falls between: `≥ 8` under 指标性质 · 指标值).
  private static func tokens(page: Int, line: Int, fileLine: Int, _ run: (column: Int, text: String)) -> [PositionedWord] {
    var words: [PositionedWord] = []
    var column = run.column
    for token in run.text.split(separator: " ", omittingEmptySubsequences: false) {
      if !token.isEmpty {
        words.append(
          PositionedWord(
            page: page, left: Double(column), top: Double(line), right: Double(column + token.count), bottom: Double(line + 1),
            text: String(token), line: fileLine))
      }
      column += token.count + 1
    }
    return words
  }

  /// Runs of a line parted by two spaces or more (or a tab), with the character column each starts at.
  static func words(in line: Substring) -> [(column: Int, text: String)] {
    var runs: [(column: Int, text: String)] = []
    var current = ""
    var start = 0
    var spaces = 0
    var column = 0
    for character in line {
      defer { column += 1 }
      if character == " " || character == "\t" || character == "\u{3000}" {
        spaces += character == "\t" ? 2 : 1
        continue
      }
      if !current.isEmpty, spaces >= 2 {
        runs.append((start, current))
        current = ""
      } else if !current.isEmpty, spaces == 1 {
        current += " "
      }
      if current.isEmpty { start = column }
      current.append(character)
      spaces = 0
    }
    if !current.isEmpty { runs.append((start, current)) }
    return runs
  }
}
