/// A JSON value that keeps what the engine needs and Foundation's decoders lose: numbers as their
/// printed text (so 0.1 stays exactly 0.1), members in order, and the line and column of every member.
public enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  /// The number literal as written, e.g. `"10"`, `"12.87"`, `"1e3"`.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// What kind of value this is, as a message names it ("expected an object, found a string").
  public var typeName: Message {
    switch self {
    case .null: Message(en: "null", zh: "null")
    case .bool: Message(en: "a boolean", zh: "布尔值")
    case .number: Message(en: "a number", zh: "数值")
    case .string: Message(en: "a string", zh: "字符串")
    case .array: Message(en: "an array", zh: "数组")
    case .object: Message(en: "an object", zh: "对象")
    }
  }

}

/// Equality and hashing compare content only: the same table read from a pretty file and from one
/// JSON Lines line is equal.
public struct JSONObject: Sendable, Hashable {
  public struct Member: Sendable, Hashable {
    public var key: String
    public var value: JSONValue
    /// Declared before `line`, 32 bits: it takes the padding after `value`, so a member is no larger
    /// than it was without it (every member of every document read has one).
    private var storedColumn: UInt32
    /// 1-based line of the key in its document.
    public var line: Int

    /// 1-based column of the key's opening quote on its line, in bytes, as the parser's messages count (a
    /// document is at most `Limits.maximumDocumentBytes`, far within 32 bits).
    public var column: Int { Int(storedColumn) }

    public init(key: String, value: JSONValue, line: Int, column: Int = 1) {
      self.key = key
      self.value = value
      self.storedColumn = UInt32(clamping: column)
      self.line = line
    }

    public static func == (lhs: Member, rhs: Member) -> Bool { lhs.key == rhs.key && lhs.value == rhs.value }
    public func hash(into hasher: inout Hasher) {
      hasher.combine(key)
      hasher.combine(value)
    }
  }

  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool { lhs.members == rhs.members }
  public func hash(into hasher: inout Hasher) { hasher.combine(members) }

  public var members: [Member]
  public var line: Int

  public subscript(key: String) -> JSONValue? {
    members.first(where: { $0.key == key })?.value
  }

  public func member(_ key: String) -> Member? {
    members.first(where: { $0.key == key })
  }

  public func has(_ key: String) -> Bool { members.contains(where: { $0.key == key }) }
}

extension JSONValue {
  /// "expected WHAT, found a string": the message for a value of the wrong type.
  func expected(_ what: Message) -> Message {
    Message(en: "expected \(what.english), found \(typeName.english)", zh: "应为\(what.chinese)，实为\(typeName.chinese)")
  }
}
