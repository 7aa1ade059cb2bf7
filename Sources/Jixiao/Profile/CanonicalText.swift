/// A value as one text that is the same exactly when the values are equal: every stored property,
/// found by reflection so that a setting added later is covered without a line written for it, with
/// dictionaries and sets in sorted order. A profile's identity and content hash are made of it.
enum CanonicalText {
  static func of(_ value: Any) -> String {
    switch value {
    case let text as String: return text.debugDescription
    case let character as Character: return String(character).debugDescription
    case let flag as Bool: return flag ? "true" : "false"
    // The integers a profile holds, by their types: a cast to `any BinaryInteger` looks up the conformance of
    // the value's type, and the first look-up of each type scans every conformance of the binary (a profile
    // loaded 6 M instructions sooner).
    case let integer as Int: return "\(integer)"
    case let integer as Int128: return "\(integer)"
    case let integer as UInt8: return "\(integer)"
    case let integer as UInt32: return "\(integer)"
    case let integer as UInt64: return "\(integer)"
    default: break
    }
    let mirror = Mirror(reflecting: value)
    // Any other integer: integers are structs (or an optional one), never a collection, a tuple or an enum.
    switch mirror.displayStyle {
    case .struct, .optional, nil: if let integer = value as? any BinaryInteger { return "\(integer)" }
    default: break
    }
    return composite(value, mirror, parts: of)
  }

  /// `of`'s definition (`ProfileIdentityTests`): every value is asked first whether it is an integer.
  static func definition(_ value: Any) -> String {
    switch value {
    case let text as String: return text.debugDescription
    case let character as Character: return String(character).debugDescription
    case let flag as Bool: return flag ? "true" : "false"
    case let integer as any BinaryInteger: return "\(integer)"
    default: return composite(value, Mirror(reflecting: value), parts: definition)
    }
  }

  /// A value of parts, each written by `parts`.
  private static func composite(_ value: Any, _ mirror: Mirror, parts: (Any) -> String) -> String {
    let children = mirror.children.map { child in (child.label.map { $0 + ":" } ?? "") + parts(child.value) }
    switch mirror.displayStyle {
    case .dictionary, .set: return "{" + children.sorted().joined(separator: ",") + "}"
    case .optional: return children.first ?? "nil"
    // A case with a payload is its case name and payload, as the mirror labels them.
    case .enum: return children.isEmpty ? "\(value)" : children.joined(separator: ",")
    default: return "\(mirror.subjectType)(" + children.joined(separator: ",") + ")"
    }
  }
}
