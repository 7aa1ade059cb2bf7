/// Names shared by the parts of a workbook.
enum SpreadsheetML {
  /// The main namespace, transitional and strict; "" for producers that leave it out.
  static let transitional = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
  /// The namespace of `r:id`, transitional and strict.
  static let relationshipNamespaces: Set<String> = [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
  ]

  static func isMain(_ name: XMLName, _ local: String) -> Bool {
    name.local == local && isMainNamespace(name.namespace)
  }

  static func isMainNamespace(_ namespace: String) -> Bool {
    namespace == transitional || namespace.isEmpty || namespace == strict
  }

  /// The value of `r:id` on a tag.
  static func relationshipID(_ tag: XMLStartTag) -> String? {
    tag.attributes.first { $0.name.local == "id" && relationshipNamespaces.contains($0.name.namespace) }?.value
  }

  /// A string item (`<si>`) or inline string (`<is>`), the reader just past its start: its `<t>`, or the
  /// `<t>` of each rich-text run `<r>` joined; phonetic runs (`<rPh>`, the furigana of Japanese
  /// workbooks) are not part of the text.
  static func readStringItem(_ reader: inout XMLReader) throws(InputError) -> String {
    let depth = reader.depth
    var text = ""
    while let event = try reader.next() {
      switch event {
      case .start(let tag) where isMain(tag.name, "t"):
        text += try reader.elementText()
      case .start(let tag) where isMain(tag.name, "rPh") || isMain(tag.name, "phoneticPr"):
        try reader.skipElement()
      case .end where reader.depth < depth:
        return OOXMLText.decode(text)
      default:
        break
      }
    }
    return OOXMLText.decode(text)
  }
}
