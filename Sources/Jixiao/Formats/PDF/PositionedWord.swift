/// A word of a document's text and where it was printed: its page (1 is the first) and its box. For a PDF
/// the box is in points from the page's top-left corner (pdftotext `-tsv`); for layout text it is in
/// characters and lines (x the character offset in the line, y the line's index on its page, a word one
/// line tall), so that one assembly (`PositionedTextAssembler`) serves both.
public struct PositionedWord: Sendable, Hashable {
  public var page: Int
  public var left: Double
  public var top: Double
  public var right: Double
  public var bottom: Double
  public var text: String
  /// The line of the file the word was read from (layout text); nil for a PDF.
  public var line: Int?

  public init(page: Int, left: Double, top: Double, right: Double, bottom: Double, text: String, line: Int? = nil) {
    self.page = page
    self.left = left
    self.top = top
    self.right = right
    self.bottom = bottom
    self.text = text
    self.line = line
  }

  var height: Double { bottom - top }
  var middle: Double { (top + bottom) / 2 }
}

/// What a document's text reader gives the assembly: every word with its place, and the pages the
/// document has (a page without words is one the text layer left empty).
public struct PositionedText: Sendable, Hashable {
  public var words: [PositionedWord]
  public var pageCount: Int

  public init(words: [PositionedWord], pageCount: Int) {
    self.words = words
    self.pageCount = pageCount
  }
}
