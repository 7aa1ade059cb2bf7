/// Running text of a document as one stream of characters, for the reader of tables told in sentences
/// (`ProseTable`): the lines joined without what printing put between them — the line break of a wrapped
/// sentence (`年中` / `监控实际完成值`, `214.76` / `万元`), the spaces around a line, blank lines, page numbers
/// (`- 6 -`) and the page break itself — so a sentence reads the same wherever the page wrapped it. Every
/// character keeps the line it was printed on, so every value read from the stream says where it stands.
struct ProseText {
  let text: DocumentText
  /// The characters, line after line.
  let scalars: [Unicode.Scalar]
  /// For each character, the index of its line in `text.lines`.
  private let lineIndexes: [Int]
  /// For each line that holds something, the index of its first character.
  private(set) var lineStarts: [(line: Int, start: Int)] = []
  /// The indexes of the characters that start a line.
  let lineStartIndexes: Set<Int>

  /// The lines `lines` (indexes into `text.lines`), blank lines and printed page numbers left out.
  init(_ text: DocumentText, lines: Range<Int>) {
    self.text = text
    var scalars: [Unicode.Scalar] = []
    var lineIndexes: [Int] = []
    var lineStarts: [(line: Int, start: Int)] = []
    for index in lines where !text.lines[index].isBlank && !text.lines[index].isPageNumber {
      let trimmed = text.lines[index].text.unicodeScalars.drop(while: FormText.isWhitespace)
      let end = trimmed.lastIndex { !FormText.isWhitespace($0) }.map { trimmed.index(after: $0) } ?? trimmed.startIndex
      lineStarts.append((index, scalars.count))
      for scalar in trimmed[..<end] {
        scalars.append(scalar)
        lineIndexes.append(index)
      }
    }
    self.scalars = scalars
    self.lineIndexes = lineIndexes
    self.lineStarts = lineStarts
    lineStartIndexes = Set(lineStarts.map(\.start))
  }

  var count: Int { scalars.count }

  /// The text of a range of characters.
  func string(_ range: Range<Int>) -> String {
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars[clamped(range)])
    return String(result)
  }

  /// The text of a range without its leading and trailing spaces.
  func trimmed(_ range: Range<Int>) -> Range<Int> {
    var range = clamped(range)
    while let first = range.first, FormText.isWhitespace(scalars[first]) { range = (first + 1)..<range.upperBound }
    while let last = range.last, FormText.isWhitespace(scalars[last]) { range = range.lowerBound..<last }
    return range
  }

  func clamped(_ range: Range<Int>) -> Range<Int> {
    range.clamped(to: 0..<scalars.count)
  }

  /// The index in `text.lines` of the line a character was printed on.
  func lineIndex(at index: Int) -> Int {
    lineIndexes[min(max(index, 0), lineIndexes.count - 1)]
  }

  /// The line a character was printed on.
  func line(at index: Int) -> DocumentText.Line {
    text.lines[lineIndex(at: index)]
  }

  /// Where a character was printed, as a cell's origin (page and line).
  func location(at index: Int) -> SourceLocation {
    text.location(of: line(at: index))
  }

  /// Whether `word` is printed at `index`.
  func hasWord(_ word: [Unicode.Scalar], at index: Int) -> Bool {
    index >= 0 && index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
  }

  /// Where `word` is first printed within `range`.
  func firstIndex(of word: [Unicode.Scalar], in range: Range<Int>) -> Int? {
    let range = clamped(range)
    guard !word.isEmpty, range.count >= word.count else { return nil }
    return (range.lowerBound...(range.upperBound - word.count)).first { hasWord(word, at: $0) }
  }

  /// Where any of `words` is first printed within `range`, and which (the longest where two start alike).
  func firstIndex(ofAny words: [[Unicode.Scalar]], in range: Range<Int>) -> (index: Int, word: [Unicode.Scalar])? {
    let range = clamped(range)
    for index in range {
      if let word = longestWord(words, at: index, before: range.upperBound) { return (index, word) }
    }
    return nil
  }

  /// The longest of `words` printed at `index` and ending by `end`.
  func longestWord(_ words: [[Unicode.Scalar]], at index: Int, before end: Int) -> [Unicode.Scalar]? {
    var longest: [Unicode.Scalar]?
    for word in words where index + word.count <= end && word.count > (longest?.count ?? 0) && hasWord(word, at: index) {
      longest = word
    }
    return longest
  }

  /// Whether any of `words` is printed within `range`.
  func contains(any words: [[Unicode.Scalar]], in range: Range<Int>) -> Bool {
    firstIndex(ofAny: words, in: range) != nil
  }

  /// The clauses of a range: its text parted at commas, semicolons and full stops (each clause without
  /// the mark that ends it, spaces trimmed), in order.
  func clauses(in range: Range<Int>) -> [Range<Int>] {
    var clauses: [Range<Int>] = []
    var start = clamped(range).lowerBound
    for index in clamped(range) where endsClause(at: index) {
      let clause = trimmed(start..<index)
      if !clause.isEmpty { clauses.append(clause) }
      start = index + 1
    }
    let last = trimmed(start..<clamped(range).upperBound)
    if !last.isEmpty { clauses.append(last) }
    return clauses
  }

  /// The sentences of a range: its text parted after each full stop or semicolon, each with its mark.
  func sentences(in range: Range<Int>) -> [Range<Int>] {
    var sentences: [Range<Int>] = []
    var start = clamped(range).lowerBound
    for index in clamped(range) where Self.sentenceEnds.contains(scalars[index]) {
      let sentence = trimmed(start..<(index + 1))
      if !sentence.isEmpty { sentences.append(sentence) }
      start = index + 1
    }
    let last = trimmed(start..<clamped(range).upperBound)
    if !last.isEmpty { sentences.append(last) }
    return sentences
  }

  static let sentenceEnds: Set<Unicode.Scalar> = ["。", "；", ";"]
  static let clauseEnds: Set<Unicode.Scalar> = ["。", "；", ";", "，", ","]

  /// Whether a clause ends at `index`: a comma, semicolon or full stop, but not a comma between digits
  /// (`17,091.19`).
  func endsClause(at index: Int) -> Bool {
    guard Self.clauseEnds.contains(scalars[index]) else { return false }
    guard scalars[index] == ",", index > 0, index + 1 < scalars.count else { return true }
    return !(Self.isDigit(scalars[index - 1]) && Self.isDigit(scalars[index + 1]))
  }

  /// The first number printed at or after `index` within `range`: digits (ASCII or full-width), a decimal
  /// point between digits, thousands commas between digit groups.
  func number(from index: Int, in range: Range<Int>) -> Range<Int>? {
    let range = clamped(range)
    guard var start = (max(index, range.lowerBound)..<range.upperBound).first(where: { Self.isDigit(scalars[$0]) }) else {
      return nil
    }
    if start > range.lowerBound, scalars[start - 1] == "-" { start -= 1 }
    var end = start + 1
    while end < range.upperBound {
      let scalar = scalars[end]
      if Self.isDigit(scalar) {
        end += 1
      } else if ".．,".unicodeScalars.contains(scalar), end + 1 < range.upperBound, Self.isDigit(scalars[end + 1]) {
        end += 2
      } else {
        break
      }
    }
    return start..<end
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
  }
}

extension String {
  /// The string's Unicode scalars, as the prose reader searches for words.
  var proseWord: [Unicode.Scalar] { Array(unicodeScalars) }
}
