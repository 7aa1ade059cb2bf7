/// A workbook's shared string table (`xl/sharedStrings.xml`): cells of type `s` hold an index into it.
struct SharedStrings: Sendable {
  private(set) var strings: [String] = []

  init() {}

  init(bytes: [UInt8], file: String, entry: String) throws(InputError) {
    var reader = XMLReader(bytes: bytes, file: file, entry: entry)
    while let event = try reader.next() {
      if case .start(let tag) = event, SpreadsheetML.isMain(tag.name, "si") {
        strings.append(try SpreadsheetML.readStringItem(&reader))
      }
    }
  }

  subscript(index: Int) -> String? { strings.indices.contains(index) ? strings[index] : nil }
}
