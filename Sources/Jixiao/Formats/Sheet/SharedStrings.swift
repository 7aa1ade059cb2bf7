/// A workbook's shared string table (`xl/sharedStrings.xml`): cells of type `s` hold an index into it.
struct SharedStrings: Sendable {
  private(set) var strings: [String] = []

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
          strings.append(OOXMLText.decode(item))
          continue
        }
      }
      guard let event = try reader.next() else { break }
      if case .start(let tag) = event, SpreadsheetML.isMain(tag.name, "si") {
        strings.append(try SpreadsheetML.readStringItem(&reader))
      }
    }
  }

  subscript(index: Int) -> String? { strings.indices.contains(index) ? strings[index] : nil }
}
