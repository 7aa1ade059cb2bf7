extension JSONValue {
  /// The value as JSON text, members in their order; `pretty` indents by two spaces.
  public func serialized(pretty: Bool = false) -> String {
    let output = ByteBuffer(capacity: 4096)
    write(into: output, pretty: pretty, indent: 0)
    return output.text
  }

  private func write(into output: ByteBuffer, pretty: Bool, indent: Int) {
    func newline(_ level: Int) {
      guard pretty else { return }
      output.append(0x0A)
      for _ in 0..<level * 2 { output.append(UInt8(ascii: " ")) }
    }
    switch self {
    case .null: output.append("null")
    case .bool(let flag): output.append(flag ? "true" : "false")
    case .number(let literal): output.append(utf8: literal)
    case .string(let text): output.appendEscaped(text)
    case .array(let elements):
      output.append(UInt8(ascii: "["))
      for (offset, element) in elements.enumerated() {
        if offset > 0 { output.append(UInt8(ascii: ",")) }
        newline(indent + 1)
        element.write(into: output, pretty: pretty, indent: indent + 1)
      }
      if !elements.isEmpty { newline(indent) }
      output.append(UInt8(ascii: "]"))
    case .object(let object):
      output.append(UInt8(ascii: "{"))
      for (offset, member) in object.members.enumerated() {
        if offset > 0 { output.append(UInt8(ascii: ",")) }
        newline(indent + 1)
        output.appendEscaped(member.key)
        output.append(pretty ? ": " : ":")
        member.value.write(into: output, pretty: pretty, indent: indent + 1)
      }
      if !object.members.isEmpty { newline(indent) }
      output.append(UInt8(ascii: "}"))
    }
  }

  /// `self` with `override` laid over it: objects merge member by member, anything else is replaced.
  func merged(with override: JSONValue) -> JSONValue {
    guard case .object(let base) = self, case .object(let top) = override else { return override }
    var members = base.members
    for member in top.members {
      if let index = members.firstIndex(where: { $0.key == member.key }) {
        members[index].value = members[index].value.merged(with: member.value)
      } else {
        members.append(member)
      }
    }
    return .object(JSONObject(members: members, line: base.line))
  }
}
