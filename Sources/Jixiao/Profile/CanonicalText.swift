/// A value as one text that is the same exactly when the values are equal: every stored property,
/// found by reflection so that a setting added later is covered without a line written for it, with
/// dictionaries and sets in sorted order. A profile's identity and content hash are made of it.
enum CanonicalText {
  static func of(_ value: Any) -> String {
    switch value {
    case let text as String: return text.debugDescription
    case let character as Character: return String(character).debugDescription
    case let flag as Bool: return flag ? "true" : "false"
    case let integer as any BinaryInteger: return "\(integer)"
    default: break
    }
    let mirror = Mirror(reflecting: value)
    let children = mirror.children.map { child in (child.label.map { $0 + ":" } ?? "") + of(child.value) }
    switch mirror.displayStyle {
    case .dictionary, .set: return "{" + children.sorted().joined(separator: ",") + "}"
    case .optional: return children.first ?? "nil"
    // A case with a payload is its case name and payload, as the mirror labels them.
    case .enum: return children.isEmpty ? "\(value)" : children.joined(separator: ",")
    default: return "\(mirror.subjectType)(" + children.joined(separator: ",") + ")"
    }
  }
}
