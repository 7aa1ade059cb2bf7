/// The relationships of a part in an Office Open XML package (ECMA-376 Part 2, OPC): `_rels/.rels`
/// for the package, `xl/_rels/workbook.xml.rels` for the workbook. Each maps an id (`rId3`) to a type
/// and a target part, whose name is resolved against the source part's folder.
struct PackageRelationships {
  struct Relationship: Hashable {
    var id: String
    var type: String
    /// The target's part name inside the package (no leading `/`), or the URI as written when external.
    var target: String
    var isExternal: Bool

    /// Whether the type ends with this name (`officeDocument`, `worksheet`): transitional and strict
    /// OOXML spell the same types under different URIs.
    func hasType(_ name: String) -> Bool { type.hasSuffix("/" + name) }
  }

  static let namespaces: Set<String> = ["http://schemas.openxmlformats.org/package/2006/relationships"]

  private(set) var relationships: [Relationship] = []
  /// Where each id first occurs in `relationships`: a workbook of 1,000 sheets looks up 1,000 ids, which a
  /// search from the start made quadratic.
  private var firstIndexByID: [String: Int] = [:]

  /// The `.rels` part of `part` (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`).
  static func partName(for part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
    return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
  }

  /// Reads the relationships of `source` ("" for the package itself) from `archive`; none when the
  /// part has no `.rels`.
  init(of source: String, in archive: ZipArchive) throws(InputError) {
    let name = source.isEmpty ? "_rels/.rels" : Self.partName(for: source)
    guard let entry = archive.entry(named: name) else { return }
    var reader = XMLReader(bytes: try archive.contents(of: entry), file: archive.file, entry: entry.name)
    let folder = source.lastIndex(of: "/").map { String(source[..<$0]) } ?? ""
    while let event = try reader.next() {
      guard case .start(let tag) = event, tag.name.local == "Relationship" else { continue }
      guard let id = tag["Id"], let type = tag["Type"], let target = tag["Target"] else {
        throw reader.failure(Message(en: "a relationship needs Id, Type and Target", zh: "关系（relationship）须有 Id、Type 和 Target"))
      }
      let isExternal = tag["TargetMode"] == "External"
      if firstIndexByID[id] == nil { firstIndexByID[id] = relationships.count }
      relationships.append(
        Relationship(id: id, type: type, target: isExternal ? target : Self.resolve(target, from: folder), isExternal: isExternal)
      )
    }
  }

  /// The first relationship with this id (a package repeating an id is damaged; the first one is read).
  func relationship(id: String) -> Relationship? { firstIndexByID[id].map { relationships[$0] } }

  func first(ofType name: String) -> Relationship? { relationships.first { $0.hasType(name) && !$0.isExternal } }

  /// A target against the source's folder: `worksheets/sheet1.xml` from `xl` is `xl/worksheets/sheet1.xml`,
  /// `/xl/styles.xml` is absolute, `../media/a.png` climbs; `%20` and the like are decoded.
  static func resolve(_ target: String, from folder: String) -> String {
    // A plain target below a plain folder (`worksheets/sheet12.xml` from `xl`, as every producer writes a
    // workbook's 1,000 sheets) is the two joined: nothing to decode, climb or drop.
    if isPlainPath(target.utf8), isPlainPath(folder.utf8) {
      return folder.isEmpty ? target : target.isEmpty ? folder : folder + "/" + target
    }
    return resolvedStepByStep(target, from: folder)
  }

  /// `resolve` by its definition, segment by segment: the reference its shortcut is tested against.
  static func resolvedStepByStep(_ target: String, from folder: String) -> String {
    let decoded = target.removingPercentEncodingIfValid
    var components = decoded.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
    for component in decoded.split(separator: "/") {
      switch component {
      case ".": continue
      case "..": if !components.isEmpty { components.removeLast() }
      default: components.append(String(component))
      }
    }
    return components.joined(separator: "/")
  }
}

extension PackageRelationships {
  /// A path `resolve` keeps as it is: no `%` escape, no empty segment (no leading, trailing or doubled `/`),
  /// no segment starting with `.` (`.`, `..`). The empty path is plain.
  static func isPlainPath(_ path: String.UTF8View) -> Bool {
    var atSegmentStart = true
    for byte in path {
      switch byte {
      case UInt8(ascii: "%"): return false
      case UInt8(ascii: "/"):
        if atSegmentStart { return false }
        atSegmentStart = true
      case UInt8(ascii: "."):
        if atSegmentStart { return false }
      default: atSegmentStart = false
      }
    }
    return path.isEmpty || !atSegmentStart
  }
}

extension String {
  /// `%XX` escapes decoded as UTF-8 when they all are valid; the text unchanged otherwise.
  fileprivate var removingPercentEncodingIfValid: String {
    guard utf8.contains(UInt8(ascii: "%")) else { return self }
    var bytes: [UInt8] = []
    var utf8 = Array(self.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == UInt8(ascii: "%") {
        guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else {
          return self
        }
        bytes.append(value)
        utf8.removeFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(validating: bytes, as: UTF8.self) ?? self
  }
}
