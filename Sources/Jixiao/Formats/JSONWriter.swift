/// Writes JSON text with members in a fixed order: results are byte-identical run to run.
struct JSONWriter {
  private(set) var output = ""
  private var needsComma = [false]

  mutating func beginObject(_ key: String? = nil) { open(key, "{") }
  mutating func endObject() { close("}") }
  mutating func beginArray(_ key: String? = nil) { open(key, "[") }
  mutating func endArray() { close("]") }

  mutating func string(_ key: String?, _ value: String?) {
    separate(key)
    if let value { Self.escape(value, into: &output) } else { output += "null" }
  }

  mutating func raw(_ key: String?, _ literal: String) {
    separate(key)
    output += literal
  }

  mutating func int(_ key: String?, _ value: Int?) { raw(key, value.map(String.init) ?? "null") }
  mutating func bool(_ key: String?, _ value: Bool) { raw(key, value ? "true" : "false") }

  private mutating func open(_ key: String?, _ bracket: String) {
    separate(key)
    output += bracket
    needsComma.append(false)
  }

  private mutating func close(_ bracket: String) {
    needsComma.removeLast()
    output += bracket
  }

  private mutating func separate(_ key: String?) {
    if needsComma[needsComma.count - 1] { output += "," }
    needsComma[needsComma.count - 1] = true
    if let key {
      Self.escape(key, into: &output)
      output += ":"
    }
  }

  static func escape(_ text: String, into output: inout String) {
    // Most cells need no escaping: append them whole instead of scalar by scalar.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      output += "\""
      output += text
      output += "\""
      return
    }
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
