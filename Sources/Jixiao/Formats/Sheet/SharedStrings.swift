/// A workbook's shared string table (`xl/sharedStrings.xml`): cells of type `s` hold an index into it.
struct SharedStrings: Sendable {
  /// Each string as a cell (`GridCell.sharedText`), which every cell showing it copies: a year's workbook
  /// prints the same labels in every form, and their cells then share one box and its keys.
  private(set) var cells: [GridCell] = []

  var strings: [String] { cells.map(\.text) }

  init() {}

  /// The strings are read (in parts on `jobs` workers, `texts`), then made into cells on the workers (a cell
  /// is made from its text alone): the same for any number. `usesPlainItems` off only to test
  /// `XMLReader.plainStringItem(reusing:)` against the general path.
  init(bytes: [UInt8], file: String, entry: String, jobs: Int = 1, usesPlainItems: Bool = true) throws(InputError) {
    let texts = try Self.texts(bytes: bytes, file: file, entry: entry, jobs: jobs, usesPlainItems: usesPlainItems)
    cells = Self.cells(of: texts, jobs: jobs)
  }

  /// The table's strings, in order. With more than one job, a table of at least two parts of `partBytes`
  /// is read in parts on the workers once its first item is read (`readInParts`).
  static func texts(
    bytes: [UInt8], file: String, entry: String, jobs: Int = 1, usesPlainItems: Bool = true, partBytes: Int = 1 << 16
  ) throws(InputError) -> [String] {
    var reader = XMLReader(bytes: bytes, file: file, entry: entry)
    var texts: [String] = []
    let inParts = jobs > 1 && usesPlainItems ? (bytes: bytes, jobs: jobs, partBytes: partBytes) : nil
    try read(&reader, into: &texts, upTo: nil, usesPlainItems: usesPlainItems, inParts: inParts)
    return texts
  }

  /// Reads items into `texts` to the end of the table or, given `end`, until the reader is at or past it;
  /// given `inParts`, the rest in parts once the first plain item is read.
  private static func read(
    _ reader: inout XMLReader, into texts: inout [String], upTo end: Int?, usesPlainItems: Bool,
    inParts: (bytes: [UInt8], jobs: Int, partBytes: Int)?
  ) throws(InputError) {
    var checkedNamespace = (changes: -1, isMain: false)
    var segments = XMLReader.StringItemSegments()
    var inParts = inParts
    while end.map({ reader.position < $0 }) ?? true {
      if usesPlainItems {
        if checkedNamespace.changes != reader.defaultNamespaceChanges {
          checkedNamespace = (reader.defaultNamespaceChanges, SpreadsheetML.isMainNamespace(reader.defaultNamespace))
        }
        if checkedNamespace.isMain, let item = reader.plainStringItem(reusing: &segments) {
          texts.append(text(of: item))
          if let parts = inParts {
            inParts = nil
            try readInParts(parts.bytes, &reader, into: &texts, jobs: parts.jobs, partBytes: parts.partBytes)
          }
          continue
        }
      }
      guard let event = try reader.next() else { break }
      if case .start(let tag) = event, SpreadsheetML.isMain(tag.name, "si") {
        texts.append(try SpreadsheetML.readStringItem(&reader))
      }
    }
  }

  private static func text(of item: XMLReader.PlainStringItem) -> String {
    item.holdsUnderscore ? OOXMLText.decode(item.text) : item.text
  }

  /// The items after the plain one `reader` has just read (so it is where one ends), read in parts on the
  /// workers: each part from where an item ends (`</si>`, searched from equal shares of the bytes) up to
  /// the next part's start, each by a copy of the reader moved to its start. The single reader would read
  /// what a part reads when the part before reached exactly the part's start, between elements at the depth
  /// the parts began at; the parts are kept in order (an error of one kept is the single reader's error)
  /// until one does not (a `</si>` that ended no item), whose reader goes on alone, and the parts after it
  /// are dropped.
  private static func readInParts(
    _ bytes: [UInt8], _ reader: inout XMLReader, into texts: inout [String], jobs: Int, partBytes: Int
  ) throws(InputError) {
    let start = reader.position
    let count = min(jobs, (bytes.count - start) / max(1, partBytes))
    guard count > 1 else { return }
    var bounds = [start]
    let endTag = Array("</si>".utf8)
    for part in 1..<count {
      var at = max(start + (bytes.count - start) * part / count, bounds[bounds.count - 1])
      while at + endTag.count <= bytes.count, !bytes[at..<at + endTag.count].elementsEqual(endTag) { at += 1 }
      guard at + endTag.count <= bytes.count else { break }
      bounds.append(at + endTag.count)
    }
    guard bounds.count > 1 else { return }
    let parts = (0..<bounds.count).map { index in
      (start: bounds[index], end: index + 1 < bounds.count ? bounds[index + 1] : nil as Int?)
    }
    let (first, depth) = (reader, reader.depth)
    let read = OrderedParallelMap.map(parts, jobs: jobs) { part -> (texts: Result<[String], InputError>, reader: XMLReader) in
      var reader = first.resumed(at: part.start)
      var texts: [String] = []
      let outcome = Result { () throws(InputError) in
        try Self.read(&reader, into: &texts, upTo: part.end, usesPlainItems: true, inParts: nil)
        return texts
      }
      return (outcome, reader)
    }
    for (part, result) in zip(parts, read) {
      texts += try result.texts.get()
      reader = result.reader
      guard let end = part.end, reader.position == end, reader.depth == depth, reader.isBetweenElements else { return }
    }
  }

  /// Strings made into cells a chunk at a time on the workers: a workbook's table holds thousands, and
  /// telling each one's keys is most of the work of opening it, which no sheet can start before.
  static func cells(of texts: [String], jobs: Int) -> [GridCell] {
    let chunk = 256
    guard jobs > 1, texts.count > chunk else { return texts.map(GridCell.sharedText) }
    let chunks = stride(from: 0, to: texts.count, by: chunk).map { $0..<min($0 + chunk, texts.count) }
    let made = OrderedParallelMap.map(chunks, jobs: jobs) { range in texts[range].map(GridCell.sharedText) }
    var cells: [GridCell] = []
    cells.reserveCapacity(texts.count)
    for part in made { cells.append(contentsOf: part) }
    return cells
  }

  subscript(index: Int) -> String? { cells.indices.contains(index) ? cells[index].text : nil }

  /// The cell of the string at `index` placed at `reference`; nil when the table has no such string.
  func cell(_ index: Int, at reference: CellReference) -> GridCell? {
    guard cells.indices.contains(index) else { return nil }
    var cell = cells[index]
    cell.reference = reference
    return cell
  }
}
