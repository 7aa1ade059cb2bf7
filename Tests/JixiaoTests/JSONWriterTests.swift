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
}
