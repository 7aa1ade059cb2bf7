/// The main part of a Word document (`word/document.xml`) into one grid per table, read as a stream of
/// XML events with an explicit stack, so that tables nested in cells cost no recursion.
///
/// Text is read as Word prints it with tracked changes accepted: `w:t`, tabs, breaks, non-breaking
/// hyphens and symbols; deleted and moved-away text, field instructions, content controls still showing
/// their placeholder, ruby text, footnote marks and floating shapes (drawings and text boxes) are not
/// part of it. Wrappers are read through: inserted and moved text, hyperlinks, simple fields, content
/// controls, custom XML and smart tags, and `mc:AlternateContent` by its fallback.
struct DocumentBodyReader {
  let file: String
  let limits: DocumentReader.Limits

  private enum ScopeKind: Equatable {
    case table, row, cell, paragraph
    case contentControl(showsPlaceholder: Bool)
    case placeholder
  }

  /// An element whose end finishes something: it was started at `depth`.
  private struct Scope {
    var depth: Int
    var kind: ScopeKind
  }

  private var grids: [Grid?] = []
  private var tables: [WordTable] = []
  private var stories: [StoryText]
  private var scopes: [Scope] = []
  private var placeholders = 0
  private var topLevelTables = 0
  private var filledCells = 0
  private var sawRoot = false

  /// Elements left out with everything inside them.
  private static let skipped: Set<String> = [
    "rPr", "tblPr", "tblGrid", "tblPrEx", "sectPr", "del", "moveFrom", "delText", "delInstrText", "instrText", "sdtEndPr",
    "customXmlPr", "smartTagPr", "footnoteReference", "endnoteReference", "commentReference", "annotationRef",
    "footnoteRef", "endnoteRef", "separator", "continuationSeparator", "drawing", "pict", "object", "rt", "rubyPr",
    "altChunk", "subDoc", "background", "fldData", "pPrChange", "rPrChange",
  ]

  init(file: String, limits: DocumentReader.Limits) {
    self.file = file
    self.limits = limits
    stories = [
      StoryText(.body(maximumParagraphs: limits.maximumPreambleParagraphs), maximumBytes: limits.maximumTextBytesPerCell)
    ]
  }

  mutating func read(bytes: [UInt8], entry: String) throws(InputError) -> [Grid] {
    var reader = XMLReader(bytes: bytes, file: file, entry: entry)
    do throws(InputError) {
      while let event = try reader.next() {
        switch event {
        case .start(let tag):
          try start(tag, reader: &reader)
        case .end:
          while let scope = scopes.last, scope.depth > reader.depth {
            scopes.removeLast()
            try close(scope.kind)
          }
        case .text:
          break
        }
      }
    } catch  where error.location.field == entry && !tables.isEmpty {
      // The XML reader names the part; the table being read is what the user can find.
      throw InputError(SourceLocation(file: file, field: "\(tables[tables.count - 1].grid.name) (\(entry))"), error.message)
    }
    return grids.compactMap { $0 }
  }

  private var story: StoryText {
    get { stories[stories.count - 1] }
    _modify { yield &stories[stories.count - 1] }
  }

  private var showsText: Bool { placeholders == 0 && story.showsText }

  private mutating func start(_ tag: XMLStartTag, reader: inout XMLReader) throws(InputError) {
    let name = tag.name
    if !sawRoot {
      sawRoot = true
      guard WordprocessingML.isMain(name, "document") else {
        throw reader.failure(
          Message(
            en: "the part is not a Word document's body: its root element is <\(name.local)>, not <w:document>",
            zh: "该部件不是 Word 文档的正文：其根元素为 <\(name.local)>，不是 <w:document>"))
      }
      return
    }
    guard WordprocessingML.isMain(name) else {
      if name.namespace == WordprocessingML.compatibility {
        // No extension is understood, so each AlternateContent is read by its fallback.
        if name.local == "Choice" { try reader.skipElement() }
      } else if WordprocessingML.mathNamespaces.contains(name.namespace) {
        if name.local == "t" {
          let text = try reader.elementText()
          if showsText { story.append(text) }
        } else if name.local == "den" && showsText {
          story.append("/")
        }
      } else {
        try reader.skipElement()
      }
      return
    }
    switch name.local {
    case "tbl":
      try beginTable(depth: reader.depth)
    case "tr":
      guard innermostStructure == .table else {
        throw reader.failure(
          Message(en: "a table row (<w:tr>) outside a table: the document is damaged", zh: "表格之外出现表格行（<w:tr>）：文档已损坏"))
      }
      try tables[tables.count - 1].beginRow()
      scopes.append(Scope(depth: reader.depth, kind: .row))
    case "trPr":
      guard scopes.last?.kind == .row else { return try reader.skipElement() }
      if try readRowProperties(&reader) {
        // Deleted as a tracked change: accepted, the row is gone with everything in it.
        try reader.skipElement()
        scopes.removeLast()
        tables[tables.count - 1].abandonRow()
      }
    case "tc":
      guard innermostStructure == .row else {
        throw reader.failure(
          Message(
            en: "a table cell (<w:tc>) outside a table row: the document is damaged", zh: "表格行之外出现单元格（<w:tc>）：文档已损坏"))
      }
      tables[tables.count - 1].beginCell()
      stories.append(StoryText(.cell, maximumBytes: limits.maximumTextBytesPerCell))
      scopes.append(Scope(depth: reader.depth, kind: .cell))
    case "tcPr":
      if innermostStructure == .cell { try readCellProperties(&reader) } else { try reader.skipElement() }
    case "p":
      scopes.append(Scope(depth: reader.depth, kind: .paragraph))
    case "pPr":
      if try readParagraphMarkDeleted(&reader) { story.joinsNextParagraph = true }
    case "t":
      let preserves = reader.preservesSpace
      let text = try reader.elementText()
      if showsText { story.append(preserves ? Substring(text) : text.trimmingXMLSpace()) }
    case "tab", "ptab":
      if showsText { story.append("\t") }
    case "br", "cr":
      if showsText { story.append("\n") }
    case "noBreakHyphen":
      // Printed as a hyphen; read as the one a person would type.
      if showsText { story.append("-") }
    case "sym":
      if showsText {
        story.append(
          SymbolCharacter.character(font: WordprocessingML.attribute(tag, "font"), code: WordprocessingML.attribute(tag, "char")))
      }
    case "fldChar":
      switch WordprocessingML.attribute(tag, "fldCharType") {
      case "begin": story.beginField()
      case "separate": story.separateField()
      case "end": story.endField()
      default: break
      }
      try reader.skipElement()
    case "sdt":
      scopes.append(Scope(depth: reader.depth, kind: .contentControl(showsPlaceholder: false)))
    case "sdtPr":
      let showsPlaceholder = try readShowsPlaceholder(&reader)
      if let index = scopes.lastIndex(where: { if case .contentControl = $0.kind { true } else { false } }) {
        scopes[index].kind = .contentControl(showsPlaceholder: showsPlaceholder)
      }
    case "sdtContent":
      if case .contentControl(true) = scopes.last?.kind {
        // The placeholder prompts for a value (单击或点击此处输入文字): it is no value itself.
        placeholders += 1
        scopes.append(Scope(depth: reader.depth, kind: .placeholder))
      }
    default:
      if Self.skipped.contains(name.local) { try reader.skipElement() }
    }
  }

  private mutating func close(_ kind: ScopeKind) throws(InputError) {
    switch kind {
    case .paragraph:
      story.endParagraph()
    case .cell:
      var text = stories.removeLast()
      let content = text.cellText()
      try tables[tables.count - 1].placeCell(text: content, overflowed: text.overflowed)
    case .row:
      filledCells += tables[tables.count - 1].endRow()
      guard filledCells <= limits.maximumCellsPerDocument else {
        let table = tables[tables.count - 1]
        throw InputError(
          table.grid.location(of: CellReference(row: table.rowCount - 1, column: 0)),
          Message(
            en: "the document has more than \(limits.maximumCellsPerDocument) table cells that hold something",
            zh: "该文档表格中的非空单元格超过 \(limits.maximumCellsPerDocument) 个"))
      }
    case .table:
      var table = tables.removeLast()
      grids[table.slot] = table.finish()
      story.preambleStart = story.paragraphs.count
    case .placeholder:
      placeholders -= 1
    case .contentControl:
      break
    }
  }

  /// The table, row or cell that the element being read sits in, wrappers such as content controls
  /// skipped.
  private var innermostStructure: ScopeKind? {
    scopes.last { $0.kind == .table || $0.kind == .row || $0.kind == .cell }?.kind
  }

  private mutating func beginTable(depth: Int) throws(InputError) {
    let name: String
    if tables.isEmpty {
      topLevelTables += 1
      name = "表\(topLevelTables)"
    } else {
      tables[tables.count - 1].nestedTables += 1
      name = "\(tables[tables.count - 1].grid.name).\(tables[tables.count - 1].nestedTables)"
    }
    guard grids.count < limits.maximumTables else {
      throw InputError(
        SourceLocation(file: file, field: name),
        Message(en: "the document has more than \(limits.maximumTables) tables", zh: "该文档的表格超过 \(limits.maximumTables) 个"))

    }
    let preamble = story.takePreamble()
    grids.append(nil)
    tables.append(WordTable(grid: Grid(file: file, name: name, preamble: preamble), slot: grids.count - 1, limits: limits))
    scopes.append(Scope(depth: depth, kind: .table))
  }

  // MARK: - Properties

  /// Reads `w:trPr` to its end: `w:gridBefore`, and whether the row is deleted (`w:del`).
  private mutating func readRowProperties(_ reader: inout XMLReader) throws(InputError) -> Bool {
    let depth = reader.depth
    var deleted = false
    while let event = try reader.next() {
      switch event {
      case .start(let tag) where WordprocessingML.isMain(tag.name, "gridBefore"):
        if let value = WordprocessingML.attribute(tag, "val") { try tables[tables.count - 1].skipColumnsBefore(value) }
      case .start(let tag) where WordprocessingML.isMain(tag.name, "del"):
        deleted = true
      case .start(let tag) where tag.name.local == "trPrChange":
        try reader.skipElement()
      case .end where reader.depth < depth:
        return deleted
      default:
        break
      }
    }
    return deleted
  }

  /// Reads `w:tcPr` to its end: `w:gridSpan`, `w:vMerge`, `w:hMerge`, `w:cellDel`. The properties
  /// before a tracked change (`w:tcPrChange`) are not the cell's.
  private mutating func readCellProperties(_ reader: inout XMLReader) throws(InputError) {
    let depth = reader.depth
    while let event = try reader.next() {
      switch event {
      case .start(let tag) where WordprocessingML.isMain(tag.name):
        switch tag.name.local {
        case "gridSpan":
          if let value = WordprocessingML.attribute(tag, "val") { try tables[tables.count - 1].setSpan(value) }
        case "vMerge": tables[tables.count - 1].cell.vertical = WordTable.MergeMark(tag)
        case "hMerge": tables[tables.count - 1].cell.horizontal = WordTable.MergeMark(tag)
        case "cellDel": tables[tables.count - 1].cell.isDeleted = true
        case "tcPrChange": try reader.skipElement()
        default: break
        }
      case .end where reader.depth < depth:
        return
      default:
        break
      }
    }
  }

  /// Reads `w:pPr` to its end: whether the paragraph mark is deleted or moved away
  /// (`w:rPr/w:del`, `w:rPr/w:moveFrom`).
  private mutating func readParagraphMarkDeleted(_ reader: inout XMLReader) throws(InputError) -> Bool {
    let depth = reader.depth
    var deleted = false
    while let event = try reader.next() {
      switch event {
      case .start(let tag) where WordprocessingML.isMain(tag.name, "pPrChange") || WordprocessingML.isMain(tag.name, "rPrChange"):
        try reader.skipElement()
      case .start(let tag)
      where reader.depth == depth + 2
        && (WordprocessingML.isMain(tag.name, "del") || WordprocessingML.isMain(tag.name, "moveFrom")):
        deleted = true
      case .end where reader.depth < depth:
        return deleted
      default:
        break
      }
    }
    return deleted
  }

  /// Reads `w:sdtPr` to its end: whether the content control shows its placeholder (`w:showingPlcHdr`).
  private mutating func readShowsPlaceholder(_ reader: inout XMLReader) throws(InputError) -> Bool {
    let depth = reader.depth
    var shows = false
    while let event = try reader.next() {
      switch event {
      case .start(let tag) where WordprocessingML.isMain(tag.name, "showingPlcHdr"):
        shows = WordprocessingML.isOn(tag)
      case .end where reader.depth < depth:
        return shows
      default:
        break
      }
    }
    return shows
  }
}

extension String {
  /// Without the XML white space (space, tab, line feed, carriage return) at either end: how Word
  /// reads a `w:t` without `xml:space="preserve"`.
  fileprivate func trimmingXMLSpace() -> Substring {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
    return self[first...last]
  }
}
