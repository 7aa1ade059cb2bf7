/// Finds the 自评表 and 绩效目标表 in a document's text: each starts at its title (a short line ending in
/// 自评表 or 目标表, with or without its year), or at its indicator header where that prints just above the
/// title (seed 004 line 547: the page's first table row printed before the title), and ends before the next
/// table starts, or after its total row (总分, 合计 …) and the values that wrap below it.
///
/// A title in running text (`具体项目自评情况附绩效自评表。`) ends in something else and starts no table.
struct TableSegmenter {
  /// One table's lines, as printed.
  struct Segment: Sendable, Hashable {
    /// Indexes into `DocumentText.lines`, first to last.
    var lines: Range<Int>
    /// The index of the title's line.
    var title: Int
    /// Tab-separated text (seed 002): each cell a line of its own after a tab.
    var isTabbed: Bool
  }

  let text: DocumentText
  let vocabulary: FormVocabulary

  init(_ text: DocumentText, vocabulary: FormVocabulary = .standard) {
    self.text = text
    self.vocabulary = vocabulary
  }

  /// How far above its title a table's indicator header may print (lines holding something).
  static let headerAboveTitle = 3
  /// How many lines below a total row may hold its values (`总分 100` / `84.99` / `分`).
  static let linesAfterTotal = 4

  func segments() -> [Segment] {
    let lines = text.lines
    let titles = lines.indices.filter { isTitle(lines[$0]) }
    var segments: [Segment] = []
    for (position, title) in titles.enumerated() {
      let floor = segments.last?.lines.upperBound ?? 0
      var start = title
      var seen = 0
      var index = title - 1
      while index >= floor, seen < Self.headerAboveTitle {
        defer { index -= 1 }
        if lines[index].isBlank { continue }
        seen += 1
        if isIndicatorHeader(lines[index].text) {
          start = index
          break
        }
      }
      // A table whose first rows print on the page before its title (seed 004 line 454): its page starts
      // with a header-block label.
      if let pageStart = (floor...title).last(where: { lines[$0].startsPage }), pageStart < start,
        let label = lines[pageStart].text.split(separator: " ").first,
        vocabulary.headerLabels.contains(FormText.labelKey(String(label)))
      {
        start = pageStart
      }
      let limit = position + 1 < titles.count ? titles[position + 1] : lines.count
      let tabbed = lines[title].isTabbed
      let end = tabbed ? tabbedEnd(from: title, limit: limit) : flowingEnd(from: title, limit: limit)
      // The next table's header printed above its title is the next table's.
      var last = end
      if position + 1 < titles.count {
        var seen = 0
        var index = end - 1
        while index > title, seen < Self.headerAboveTitle {
          defer { index -= 1 }
          if lines[index].isBlank { continue }
          seen += 1
          if isIndicatorHeader(lines[index].text), end == limit {
            last = index
            break
          }
        }
      }
      segments.append(Segment(lines: start..<last, title: title, isTabbed: tabbed))
    }
    return segments
  }

  private func isTitle(_ line: DocumentText.Line) -> Bool {
    let trimmed = line.text.trimmingSpaces()
    return !trimmed.isEmpty && vocabulary.isTitle(printed: trimmed)
  }

  /// A line of headers that names the indicator's own column among others (`一级指标 二级指标 三级指标 …`).
  func isIndicatorHeader(_ printed: String) -> Bool {
    Self.namesIndicatorColumn(printed.split(whereSeparator: { $0 == " " || $0 == "\t" }), vocabulary: vocabulary)
  }

  /// Whether a header line's words name the indicator's own column among two others at least.
  static func namesIndicatorColumn(_ words: [Substring], vocabulary: FormVocabulary) -> Bool {
    words.count >= 3 && words.contains { vocabulary.nameHeaders.contains(FormText.labelKey(String($0))) }
  }

  /// Tab-separated text: the table's rows are tabbed lines, blank lines between them; the first line of
  /// running text ends it.
  private func tabbedEnd(from title: Int, limit: Int) -> Int {
    let lines = text.lines
    var end = title + 1
    while end < limit, lines[end].isTabbed || lines[end].isBlank || lines[end].isPageNumber { end += 1 }
    while end > title + 1, lines[end - 1].isBlank, !lines[end - 1].isTabbed { end -= 1 }
    return end
  }

  /// Text of cells several to a line: the table ends after its total row (and the values wrapped below
  /// it), or where the next one starts.
  private func flowingEnd(from title: Int, limit: Int) -> Int {
    let lines = text.lines
    var index = title + 1
    var sawIndicatorHeader = false
    while index < limit {
      let line = lines[index]
      // A table without a total row (a 绩效目标表) ends where the document's next section starts.
      if sawIndicatorHeader, Self.isSectionHeading(line.text) {
        var end = index
        while end > title + 1, lines[end - 1].isBlank { end -= 1 }
        return end
      }
      if line.text.contains("三级指标") || line.text.contains("三级") { sawIndicatorHeader = true }
      if let first = line.text.split(separator: " ").first, vocabulary.totalLabels.contains(FormText.labelKey(String(first))) {
        var end = index + 1
        var seen = 0
        while end < limit, seen < Self.linesAfterTotal {
          if lines[end].isBlank {
            end += 1
            continue
          }
          guard Self.isTotalContinuation(lines[end].text, vocabulary: vocabulary) else { break }
          seen += 1
          end += 1
        }
        while end > index + 1, lines[end - 1].isBlank { end -= 1 }
        return end
      }
      index += 1
    }
    return limit
  }

  /// A document's section heading: `（五）其他需说明的事项`, `十一、预算绩效的情况说明`, `第四部分 名词解释`.
  static func isSectionHeading(_ printed: String) -> Bool {
    let text = printed.trimmingSpaces()
    let numerals = "一二三四五六七八九十"
    var scalars = Substring(text).unicodeScalars[...]
    if scalars.first == "第" {
      scalars = scalars.dropFirst()
      let count = scalars.prefix { numerals.unicodeScalars.contains($0) }.count
      return count > 0 && String(String.UnicodeScalarView(scalars.dropFirst(count))).hasPrefix("部分")
    }
    if scalars.first == "（" || scalars.first == "(" {
      scalars = scalars.dropFirst()
      let count = scalars.prefix { numerals.unicodeScalars.contains($0) }.count
      return count > 0 && (scalars.dropFirst(count).first == "）" || scalars.dropFirst(count).first == ")")
        && scalars.count > count + 2
    }
    let count = scalars.prefix { numerals.unicodeScalars.contains($0) }.count
    return count > 0 && scalars.dropFirst(count).first == "、" && scalars.count > count + 2
  }

  /// What a total row's values wrap into: numbers, `分`, a grade (`FormVocabulary.grades`).
  static func isTotalContinuation(_ printed: String, vocabulary: FormVocabulary) -> Bool {
    let words = printed.split(separator: " ")
    return !words.isEmpty
      && words.allSatisfy { word in
        word == "分" || vocabulary.grades.contains(String(word))
          || word.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "分" || $0 == "%" }
      }
  }
}
