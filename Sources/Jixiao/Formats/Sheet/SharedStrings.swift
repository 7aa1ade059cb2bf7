/// A workbook's shared string table (`xl/sharedStrings.xml`): cells of type `s` hold an index into it.
struct SharedStrings: Sendable {
  /// Each string as a cell (`GridCell.sharedText`), which every cell showing it copies: a year's workbook
  /// prints the same labels in every form, and their cells then share one box and its keys.
  private(set) var cells: [GridCell] = []

  var strings: [String] { cells.map(\.text) }

  init() {}

  /// `usesPlainItems` off only to test `XMLReader.plainStringItem()` against the general path.
  init(bytes: [UInt8], file: String, entry: String, usesPlainItems: Bool = true) throws(InputError) {
    var reader = XMLReader(bytes: bytes, file: file, entry: entry)
    var checkedNamespace = (changes: -1, isMain: false)
    while true {
      if usesPlainItems {
        if checkedNamespace.changes != reader.defaultNamespaceChanges {
          checkedNamespace = (reader.defaultNamespaceChanges, SpreadsheetML.isMainNamespace(reader.defaultNamespace))
        }
        if checkedNamespace.isMain, let item = reader.plainStringItem() {
          cells.append(.sharedText(OOXMLText.decode(item)))
          continue
        }
      }
      guard let event = try reader.next() else { break }
      if case .start(let tag) = event, SpreadsheetML.isMain(tag.name, "si") {
        cells.append(.sharedText(try SpreadsheetML.readStringItem(&reader)))
      }
    }
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
