/// A published document's text as pdftotext prints it by default (a 决算 or 预算 with its 自评表 inside):
/// lines numbered from 1, each with the page it is printed on, and the page numbers the document prints
/// (`- 6 -`) set apart, since they are no part of any table.
///
/// pdftotext ends each page with a form feed (`\f`). Text that lost them (copied out of a viewer, or the
/// seeds of this project) still shows where a page starts: its first line is indented by one space, where
/// no line of running text is. So a page begins after a form feed, or, in text without any, at a line that
/// starts with a single space (docs/rules.md, "Document text").
public struct DocumentText: Sendable, Hashable {
  public struct Line: Sendable, Hashable {
    /// 1-based, as an editor shows it.
    public var number: Int
    /// 1-based, counted from the document's first page.
    public var page: Int
    /// The line without its line break and form feeds; a tab-separated line keeps its tabs.
    public var text: String
    /// The page number the document prints on this line (`- 6 -`, `— 6 —`, `第 6 页`), if it is one.
    public var isPageNumber: Bool
    /// Whether a page starts on this line.
    public var startsPage: Bool

    public init(number: Int, page: Int, text: String, isPageNumber: Bool = false, startsPage: Bool = false) {
      self.number = number
      self.page = page
      self.text = text
      self.isPageNumber = isPageNumber
      self.startsPage = startsPage
    }

    /// Blank: nothing but whitespace (spaces, tabs, U+3000 …: `FormText.isWhitespace`).
    public var isBlank: Bool { text.unicodeScalars.allSatisfy(FormText.isWhitespace) }

    /// Whether the line is a cell of tab-separated text (seed 002): it starts with a tab.
    public var isTabbed: Bool { text.utf8.first == 0x09 }
  }

  public var file: String
  public var lines: [Line]

  public init(file: String, lines: [Line]) {
    self.file = file
    self.lines = lines
  }

  /// Reads UTF-8 text (a byte-order mark skipped, `\r\n` taken as a line break). Text that is not UTF-8
  /// is refused naming its first bad line: pdftotext writes UTF-8 unless told otherwise.
  public init(bytes: [UInt8], file: String) throws(InputError) {
    self.file = file
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    var lines: [Line] = []
    var page = 1
    var sawFormFeed = false
    var number = 0
    var pageEnded = false
    for rawLine in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
      number += 1
      var slice = rawLine
      if slice.last == 0x0D { slice = slice.dropLast() }
      var startsPage = number == 1 || pageEnded
      while slice.first == 0x0C {
        slice = slice.dropFirst()
        sawFormFeed = true
        page += 1
        startsPage = true
      }
      // pdftotext ends a page with a form feed, the next page's first line following it: a feed anywhere
      // else on the line (at its end) starts the page of the next line.
      var feeds = 0
      while slice.last == 0x0C {
        slice = slice.dropLast()
        feeds += 1
      }
      guard let text = String(validating: slice, as: UTF8.self) else {
        throw InputError(
          SourceLocation(file: file, line: number),
          Message(
            en:
              "the text is not UTF-8; convert it (iconv -f GB18030 -t UTF-8), or print the PDF again with pdftotext, which writes UTF-8",
            zh: "该文本不是 UTF-8；请转换（iconv -f GB18030 -t UTF-8），或用 pdftotext 重新输出该 PDF 的文字（它写出 UTF-8）"))

      }
      lines.append(Line(number: number, page: page, text: text, startsPage: startsPage))
      pageEnded = feeds > 0
      if feeds > 0 {
        sawFormFeed = true
        page += feeds
      }
    }
    if body.last == 0x0A, lines.last?.text.isEmpty == true { lines.removeLast() }
    if !sawFormFeed { Self.numberPagesByIndent(&lines) }
    for index in lines.indices where PageNumber.isPrinted(onAnyLine: lines[index].text) { lines[index].isPageNumber = true }
    self.lines = lines
  }

  /// Text without form feeds: a line indented by exactly one space starts a page.
  private static func numberPagesByIndent(_ lines: inout [Line]) {
    var page = 1
    for index in lines.indices {
      let bytes = lines[index].text.utf8
      if index > 0, bytes.first == 0x20, bytes.dropFirst().first.map({ $0 != 0x20 && $0 != 0x09 }) == true {
        page += 1
        lines[index].startsPage = true
      }
      lines[index].page = page
    }
  }

  /// Where a line is, for a cell's `origin`: the file, the line, and its page and line as the field.
  public func location(of line: Line) -> SourceLocation {
    SourceLocation(file: file, line: line.number, field: "page \(line.page), line \(line.number)")
  }
}
