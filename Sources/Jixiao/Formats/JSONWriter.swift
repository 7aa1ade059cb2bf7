/// Writes JSON text with members in a fixed order: results are byte-identical run to run.
/// Builds UTF-8 bytes directly; strings are appended whole unless they need escaping.
struct JSONWriter {
  private(set) var bytes: [UInt8] = []
  private var needsComma = [false]

  init() {
    bytes.reserveCapacity(4096)
  }

  var output: String { String(decoding: bytes, as: UTF8.self) }

  /// The text `build` writes.
  static func text(_ build: (inout JSONWriter) -> Void) -> String {
    var writer = JSONWriter()
    build(&writer)
    return writer.output
  }

  mutating func beginObject(_ key: String? = nil) { open(key, UInt8(ascii: "{")) }
  mutating func endObject() { close(UInt8(ascii: "}")) }
  mutating func beginArray(_ key: String? = nil) { open(key, UInt8(ascii: "[")) }
  mutating func endArray() { close(UInt8(ascii: "]")) }

  mutating func string(_ key: String?, _ value: String?) {
    separate(key)
    if let value { Self.escape(value, into: &bytes) } else { bytes += "null".utf8 }
  }

  mutating func raw(_ key: String?, _ literal: String) {
    separate(key)
    bytes += literal.utf8
  }

  mutating func int(_ key: String?, _ value: Int?) { raw(key, value.map(String.init) ?? "null") }
  mutating func bool(_ key: String?, _ value: Bool) { raw(key, value ? "true" : "false") }

  private mutating func open(_ key: String?, _ bracket: UInt8) {
    separate(key)
    bytes.append(bracket)
    needsComma.append(false)
  }

  private mutating func close(_ bracket: UInt8) {
    needsComma.removeLast()
    bytes.append(bracket)
  }

  private mutating func separate(_ key: String?) {
    if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
    needsComma[needsComma.count - 1] = true
    if let key {
      Self.escape(key, into: &bytes)
      bytes.append(UInt8(ascii: ":"))
    }
  }

  static func escape(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      output.append(contentsOf: text.utf8)
      output.append(UInt8(ascii: "\""))
      return
    }
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output += #"\""#.utf8
      case UInt8(ascii: "\\"): output += #"\\"#.utf8
      case 0x0A: output += #"\n"#.utf8
      case 0x0D: output += #"\r"#.utf8
      case 0x09: output += #"\t"#.utf8
      case 0..<0x20:
        let hex = String(byte, radix: 16)
        output += (#"\u"# + String(repeating: "0", count: 4 - hex.count) + hex).utf8
      default: output.append(byte)
      }
    }
    output.append(UInt8(ascii: "\""))
  }
}
