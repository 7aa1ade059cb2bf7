import Testing

@testable import Jixiao

@Suite struct JSONWriterTests {
  /// Every byte that JSON must escape is escaped, the rest is copied, and what is written parses back.
  @Test func escapesAndParsesBack() throws {
    let samples = ["", "绩效", "a\"b", "back\\slash", "line\nbreak\r\t", "\u{01}\u{1F}", String(repeating: "长文本", count: 3_000)]
    for sample in samples {
      var writer = JSONWriter()
      writer.beginObject()
      writer.string("text", sample)
      writer.string(JSONKey(text: "键\"名"), "v")
      writer.int("n", -1_234_567)
      writer.hundredths("h", Hundredths(hundredths: -5))
      writer.percent("p", try Rational(1) / Rational(3))
      writer.bool("b", true)
      writer.raw("z", "null")
      writer.endObject()
      guard case .object(let object) = try JSONParser.parse(writer.bytes) else {
        Issue.record("not an object")
        continue
      }
      #expect(object["text"] == .string(sample))
      #expect(object["键\"名"] == .string("v"))
      #expect(object["n"] == .number("-1234567"))
      #expect(object["h"] == .string("-0.05"))
      #expect(object["p"] == .string("33.33%"))
      #expect(object["b"] == .bool(true))
      #expect(object["z"] == .null)
    }
    let escaped = ByteBuffer(capacity: 8)
    escaped.appendEscaped("\u{1F}\"")
    #expect(String(decoding: escaped.array, as: UTF8.self) == #""\u001f\"""#)
  }

  /// Plain strings are copied eight bytes at a time: a byte that needs escaping is found in any
  /// position of a word or of the tail, and bytes that only resemble one (high bytes of CJK, `!`,
  /// `#`, `[`, `]`, DEL) are copied as they are.
  @Test func escapesInEveryPositionOfAWord() throws {
    let specials: [UInt8] = [0x00, 0x09, 0x0A, 0x1F, 0x22, 0x5C]
    let lookalikes: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F]
    for length in 0...19 {
      for position in 0..<max(length, 1) {
        for special in specials + lookalikes {
          var bytes = Array(repeating: UInt8(ascii: "a"), count: length)
          if length > 0 { bytes[position] = special }
          let text = String(decoding: bytes, as: UTF8.self)
          let buffer = ByteBuffer(capacity: 4)
          buffer.appendEscaped(text)
          #expect(try JSONParser.parse(buffer.array) == .string(text), "\(bytes)")
          if lookalikes.contains(special) || length == 0 {
            #expect(buffer.array == [UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")])
          }
        }
      }
    }
    let chinese = "绩效自评表：产出指标≥98%"
    let buffer = ByteBuffer(capacity: 4)
    buffer.appendEscaped(chinese)
    #expect(buffer.array == Array("\"\(chinese)\"".utf8))
  }
}
