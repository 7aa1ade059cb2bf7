/// Writes JSON text with members in a fixed order: results are byte-identical run to run.
/// Builds UTF-8 bytes directly; strings are appended whole unless they need escaping.
struct JSONWriter {
  private(set) var bytes: [UInt8] = []
  /// One bit per open container, innermost lowest: whether its next member needs a comma.
  /// The documents written are a few levels deep; 63 is the most this can nest.
  private var needsComma: UInt64 = 0

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

  mutating func beginObject(_ key: JSONKey? = nil) { open(key, UInt8(ascii: "{")) }
  mutating func endObject() { close(UInt8(ascii: "}")) }
  mutating func beginArray(_ key: JSONKey? = nil) { open(key, UInt8(ascii: "[")) }
  mutating func endArray() { close(UInt8(ascii: "]")) }

  mutating func string(_ key: JSONKey?, _ value: String?) {
    separate(key)
    if let value { Self.escape(value, into: &bytes) } else { bytes += "null".utf8 }
  }

  mutating func raw(_ key: JSONKey?, _ literal: String) {
    separate(key)
    bytes += literal.utf8
  }

  mutating func int(_ key: JSONKey?, _ value: Int?) {
    separate(key)
    guard let value else {
      bytes += "null".utf8
      return
    }
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    appendDigits(value.magnitude)
  }

  /// Ends a JSON Lines record.
  mutating func newline() { bytes.append(0x0A) }

  mutating func bool(_ key: JSONKey?, _ value: Bool) { raw(key, value ? "true" : "false") }

  /// A fixed-point decimal with two places as a JSON string (`"-12.30"`), `suffix` after it.
  mutating func hundredths(_ key: JSONKey?, _ value: Int64?, suffix: UInt8? = nil) {
    separate(key)
    guard let value else {
      bytes += "null".utf8
      return
    }
    bytes.append(UInt8(ascii: "\""))
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = value.magnitude
    appendDigits(UInt(magnitude / 100))
    let fraction = UInt8(magnitude % 100)
    bytes.append(UInt8(ascii: "."))
    bytes.append(UInt8(ascii: "0") + fraction / 10)
    bytes.append(UInt8(ascii: "0") + fraction % 10)
    if let suffix { bytes.append(suffix) }
    bytes.append(UInt8(ascii: "\""))
  }

  mutating func hundredths(_ key: JSONKey?, _ value: Hundredths?) { hundredths(key, value?.hundredths) }

  /// A rational as `pointsText` (`"12.30"`).
  mutating func points(_ key: JSONKey?, _ value: Rational?) {
    guard let value, let scaled = value.roundedHalfUp(scaledBy: 100) else { return string(key, value?.pointsText) }
    hundredths(key, scaled)
  }

  /// A rational as `percentText` (`"86.24%"`).
  mutating func percent(_ key: JSONKey?, _ value: Rational?) {
    guard let value, let scaled = value.roundedHalfUp(scaledBy: 10_000) else { return string(key, value?.percentText) }
    hundredths(key, scaled, suffix: UInt8(ascii: "%"))
  }

  private mutating func appendDigits(_ value: UInt) {
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &digits) { buffer in
      var value = value
      var index = buffer.count
      repeat {
        index -= 1
        buffer[index] = UInt8(ascii: "0") + UInt8(value % 10)
        value /= 10
      } while value != 0
      bytes.append(contentsOf: buffer[index...])
    }
  }

  private mutating func open(_ key: JSONKey?, _ bracket: UInt8) {
    separate(key)
    bytes.append(bracket)
    precondition(needsComma.leadingZeroBitCount > 1, "JSONWriter nests at most 63 levels")
    needsComma <<= 1
  }

  private mutating func close(_ bracket: UInt8) {
    needsComma >>= 1
    bytes.append(bracket)
  }

  private mutating func separate(_ key: JSONKey?) {
    if needsComma & 1 != 0 { bytes.append(UInt8(ascii: ",")) }
    needsComma |= 1
    switch key?.storage {
    case .literal(let name):
      bytes.append(UInt8(ascii: "\""))
      bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
      bytes.append(UInt8(ascii: "\""))
      bytes.append(UInt8(ascii: ":"))
    case .text(let name):
      Self.escape(name, into: &bytes)
      bytes.append(UInt8(ascii: ":"))
    case nil: break
    }
  }

  static func escape(_ text: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    let plain = text.utf8.withContiguousStorageIfAvailable { buffer in
      for byte in buffer where byte < 0x20 || byte == 0x22 || byte == 0x5C { return false }
      output.append(contentsOf: buffer)
      return true
    }
    if plain == true {
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

/// A member name: a literal from the code (written as it is: the engine's names need no escaping), or
/// text from the data (a department, a finding code), escaped.
struct JSONKey: ExpressibleByStringLiteral {
  enum Storage {
    case literal(StaticString)
    case text(String)
  }

  let storage: Storage

  init(stringLiteral name: StaticString) { storage = .literal(name) }
  init(_ text: String) { storage = .text(text) }
}
