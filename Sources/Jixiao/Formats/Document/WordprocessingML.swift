/// Names shared by the parts of a Word document.
enum WordprocessingML {
  /// The main namespace, transitional and strict.
  static let transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  static let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
  /// Office Math, whose runs (`m:r`/`m:t`) hold the text of an equation.
  static let mathNamespaces: Set<String> = [
    "http://schemas.openxmlformats.org/officeDocument/2006/math", "http://purl.oclc.org/ooxml/officeDocument/math",
  ]
  /// Markup Compatibility (`mc:AlternateContent`).
  static let compatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

  static func isMain(_ name: XMLName) -> Bool { name.namespace == transitional || name.namespace == strict }

  static func isMain(_ name: XMLName, _ local: String) -> Bool { name.local == local && isMain(name) }

  /// An attribute of a WordprocessingML element (`w:val`, `w:char`): Word writes them in the main
  /// namespace; some producers leave the prefix out.
  static func attribute(_ tag: XMLStartTag, _ local: String) -> String? {
    tag.attributes.first { $0.name.local == local && ($0.name.namespace.isEmpty || isMain($0.name)) }?.value
  }

  /// An on/off property (ST_OnOff): present without a value is on; `0`, `false` and `off` are off.
  static func isOn(_ tag: XMLStartTag) -> Bool {
    guard let value = attribute(tag, "val") else { return true }
    return !["0", "false", "off"].contains(value)
  }
}
