/// A workbook's shared string table (`xl/sharedStrings.xml`): cells of type `s` hold an index into it.
struct SharedStrings: Sendable {
  /// Each string as a cell (`GridCell.sharedText`), which every cell showing it copies: a year's workbook
  /// prints the same labels in every form, and their cells then share one box and its keys.
  private(set) var cells: [GridCell] = []

  var strings: [String] { cells.map(\.text) }

  init() {}

  /// The strings are read in order, then made into cells on `jobs` workers (a cell is made from its text
  /// alone, so the cells are the same for any number). `usesPlainItems` off only to test
  /// `XMLReader.plainStringItem(reusing:)` against the general path.
  init(bytes: [UInt8], file: String, entry: String, jobs: Int = 1, usesPlainItems: Bool = true) throws(InputError) {
    let texts = try Self.texts(bytes: bytes, file: file, entry: entry, usesPlainItems: usesPlainItems)
    cells = Self.cells(of: texts, jobs: jobs)
  }

  /// The table's strings, in order.
  static func texts(bytes: [UInt8], file: String, entry: String, usesPlainItems: Bool = true) throws(InputError)
    -> [String]
  {
    var reader = XMLReader(bytes: bytes, file: file, entry: entry)
    var texts: [String] = []
    var checkedNamespace = (changes: -1, isMain: false)
    var segments = XMLReader.StringItemSegments()
    while true {
      if usesPlainItems {
        if checkedNamespace.changes != reader.defaultNamespaceChanges {
          checkedNamespace = (reader.defaultNamespaceChanges, SpreadsheetML.isMainNamespace(reader.defaultNamespace))
        }
        if checkedNamespace.isMain, let item = reader.plainStringItem(reusing: &segments) {
          texts.append(item.holdsUnderscore ? OOXMLText.decode(item.text) : item.text)
          continue
        }
      }
      guard let event = try reader.next() else { break }
      if case .start(let tag) = event, SpreadsheetML.isMain(tag.name, "si") {
        texts.append(try SpreadsheetML.readStringItem(&reader))
      }
    }
    return texts
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
