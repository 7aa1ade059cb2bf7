/// A name resolved against the namespace declarations in scope: the namespace URI ("" for none) and
/// the local part. Prefixes are spelling, not meaning: `<x:c>` and `<c>` are one name when both
/// prefixes are bound to the same URI.
public struct XMLName: Sendable, Hashable, CustomStringConvertible {
  public var namespace: String
  public var local: String

  public init(_ namespace: String, _ local: String) {
    self.namespace = namespace
    self.local = local
  }

  public var description: String { namespace.isEmpty ? local : "{\(namespace)}\(local)" }

  /// The namespace `xml:space` and `xml:lang` belong to, bound to the prefix `xml` without a declaration.
  public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

  /// The namespaces an Office part's root tag declares (LibreOffice's worksheets declare six), as strings
  /// made once: a declaration of one takes it instead of making a string of its own each part. The readers'
  /// own constants where they have them, sets sorted (the order of a set's elements varies from run to run).
  static let wellKnownNamespaces: [String] =
    [
      SpreadsheetML.transitional, SpreadsheetML.strict, WordprocessingML.transitional, WordprocessingML.strict,
      WordprocessingML.compatibility, xmlNamespace,
    ] + SpreadsheetML.relationshipNamespaces.sorted() + PackageRelationships.namespaces.sorted() + [
      "http://schemas.openxmlformats.org/package/2006/content-types",
      "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
      "http://schemas.openxmlformats.org/drawingml/2006/main",
      "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
      "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac",
      "http://schemas.microsoft.com/office/spreadsheetml/2014/revision",
      "http://schemas.microsoft.com/office/spreadsheetml/2015/revision2",
      "http://schemas.microsoft.com/office/spreadsheetml/2016/revision3",
    ]

  /// The well-known namespace (`wellKnownNamespaces`) whose UTF-8 is `bytes`; nil when none is. Its
  /// definition: `String(decoding: bytes, as: UTF8.self)` when that is in the list.
  static func wellKnownNamespace(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    for namespace in wellKnownNamespaces where namespace.utf8.count == bytes.count {
      // The list's strings are literals, whose bytes are contiguous.
      let equal =
        namespace.utf8.withContiguousStorageIfAvailable { $0.hasSameBytes(as: bytes) } ?? namespace.utf8.elementsEqual(bytes)
      if equal { return namespace }
    }
    return nil
  }
}

public struct XMLAttribute: Sendable, Hashable {
  public var name: XMLName
  /// The value with entities and character references replaced and white space normalized as XML 1.0
  /// §3.3.3 says (each tab, line feed or carriage return, CR LF counted once, becomes a space).
  public var value: String

  public init(name: XMLName, value: String) {
    self.name = name
    self.value = value
  }
}

/// A start tag. An empty-element tag (`<a/>`) is read as a start followed by its end.
public struct XMLStartTag: Sendable, Hashable {
  public var name: XMLName
  /// In document order; namespace declarations (`xmlns`, `xmlns:p`) are not listed.
  public var attributes: [XMLAttribute]

  public init(name: XMLName, attributes: [XMLAttribute]) {
    self.name = name
    self.attributes = attributes
  }

  /// The value of the attribute with this local name and no namespace (how OOXML writes `r`, `t`, `s`).
  public subscript(_ local: String) -> String? {
    attributes.first { $0.name.local == local && $0.name.namespace.isEmpty }?.value
  }

  public subscript(_ name: XMLName) -> String? {
    attributes.first { $0.name == name }?.value
  }
}

public enum XMLEvent: Sendable, Hashable {
  case start(XMLStartTag)
  case end(XMLName)
  /// Character data between two tags: text, entity and character references, CDATA sections, with
  /// line ends normalized to line feeds; comments and processing instructions inside it are dropped.
  case text(String)
}
