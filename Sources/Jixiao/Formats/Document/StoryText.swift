/// The text of one story being read: a table cell's paragraphs, or the document body's paragraphs
/// since the last table (the preamble of the next one). Runs append to the paragraph being read; a
/// paragraph ends at `</w:p>` unless its mark was deleted as a tracked change (accepted, it joins the
/// next). Complex fields (`w:fldChar`) nest; text between a field's begin and separate is its
/// instruction and is not shown.
struct StoryText {
  /// A cell keeps all its paragraphs, up to `maximumBytes` in all; the body keeps only the last
  /// `maximumParagraphs` paragraphs that show something, each up to `maximumBytes`.
  enum Kind {
    case cell
    case body(maximumParagraphs: Int)
  }

  let kind: Kind
  let maximumBytes: Int
  private(set) var paragraphs: [String] = []
  private var line = ""
  private var bytes = 0
  /// Whether the text passed `maximumBytes`: in a cell, the whole cell; in the body, the paragraph
  /// being read.
  private(set) var overflowed = false
  /// Set when the paragraph being read has a deleted paragraph mark.
  var joinsNextParagraph = false
  /// Where the paragraphs after the last table inside this cell start.
  var preambleStart = 0
  /// For each open field, whether its result has begun.
  private var fields: [Bool] = []
  private var fieldsInInstruction = 0

  init(_ kind: Kind, maximumBytes: Int) {
    self.kind = kind
    self.maximumBytes = maximumBytes
  }

  /// Whether text read now is shown: outside every field's instruction.
  var showsText: Bool { fieldsInInstruction == 0 }

  mutating func append(_ text: some StringProtocol) {
    guard showsText, !overflowed, !text.isEmpty else { return }
    let count = text.utf8.count
    guard bytes + count <= maximumBytes else {
      overflowed = true
      return
    }
    bytes += count
    line += text
  }

  mutating func append(_ character: Character) { append(String(character)) }

  mutating func endParagraph() {
    if joinsNextParagraph {
      joinsNextParagraph = false
      return
    }
    flushLine()
  }

  private mutating func flushLine() {
    switch kind {
    case .cell:
      if !paragraphs.isEmpty { bytes += 1 }
      if bytes > maximumBytes { overflowed = true }
      paragraphs.append(line)
    case .body(let maximumParagraphs):
      if !overflowed && !Self.isBlank(line) {
        paragraphs.append(line)
        if paragraphs.count > maximumParagraphs { paragraphs.removeFirst(paragraphs.count - maximumParagraphs) }
      }
      bytes = 0
      overflowed = false
    }
    line = ""
  }

  mutating func beginField() {
    fields.append(false)
    fieldsInInstruction += 1
  }

  mutating func separateField() {
    guard let last = fields.last, !last else { return }
    fields[fields.count - 1] = true
    fieldsInInstruction -= 1
  }

  mutating func endField() {
    guard let last = fields.popLast() else { return }
    if !last { fieldsInInstruction -= 1 }
  }

  /// A cell's text: its paragraphs joined with line feeds, the empty ones at either end left out
  /// (Word ends every cell with a paragraph, also after a table inside it).
  mutating func cellText() -> String {
    if !line.isEmpty || joinsNextParagraph {
      joinsNextParagraph = false
      flushLine()
    }
    var shown = paragraphs[...]
    while shown.first?.isEmpty == true { shown.removeFirst() }
    while shown.last?.isEmpty == true { shown.removeLast() }
    return shown.joined(separator: "\n")
  }

  /// The paragraphs that show something since the last table, for the table that starts now; the
  /// body forgets them, a cell keeps them as its text. An open field cannot reach into a table.
  mutating func takePreamble() -> [String] {
    fields.removeAll()
    fieldsInInstruction = 0
    switch kind {
    case .cell:
      return paragraphs[min(preambleStart, paragraphs.count)...].filter { !Self.isBlank($0) }
    case .body:
      if !line.isEmpty { flushLine() }
      defer { paragraphs.removeAll() }
      return paragraphs
    }
  }

  private static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }
}
