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

/// Every fast escaping path of `ByteBuffer` writes what its plain definition, `appendEscapedByByte`, writes.
@Suite struct EscapingDifferentialTests {
  /// Hostile strings (quotes, backslashes, controls, U+2028, combining marks next to `"`) and random ASCII
  /// of every length around a word, through `appendEscaped` (a `String`), a string written in place
  /// (`appendEscaped(writing:)`, as messages are) and a table's text (`appendQuoted`, copied when plain).
  @Test func fastEscapingIsThePlainDefinition() {
    var random = SplitMix(seed: 2_028)
    var samples = (0..<3_000).map { _ in HostileText.random(&random, maximumPieces: 12) }
    samples += ["\"\u{0301}", "\u{0301}\"", "a\u{2028}b", "\u{2029}\"\u{20DD}", "\\\u{0308}", "\u{85}\u{9B}\u{7F}"]
    for length in 0...40 {
      for _ in 0..<20 {
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...0x7F, using: &random) }
        samples.append(String(decoding: bytes, as: UTF8.self))
      }
    }
    for sample in samples {
      let plain = ByteBuffer(capacity: 1)
      plain.appendEscapedByByte(sample.utf8)
      let fast = ByteBuffer(capacity: 1)
      fast.appendEscaped(sample)
      let inPlace = ByteBuffer(capacity: 1)
      inPlace.appendEscaped { $0.append(utf8: sample) }
      let text = ByteBuffer(capacity: 1)
      text.appendQuoted(TableText(sample))
      #expect(fast.array == plain.array, "\(Array(sample.utf8))")
      #expect(inPlace.array == plain.array, "\(Array(sample.utf8))")
      #expect(text.array == plain.array, "\(Array(sample.utf8))")
    }
  }

  /// The word-at-a-time test for a byte to escape is its byte-by-byte definition, on random bytes of every
  /// value (high bytes too, which only resemble controls when their top bit is dropped) and length.
  @Test func wordTestIsTheByteTest() {
    var random = SplitMix(seed: 8_232)
    for length in 0...40 {
      for _ in 0..<200 {
        // Mostly bytes that need no escaping, so that a lone one that does is found in every position.
        let bytes = (0..<length).map { _ in
          let any = Int.random(in: 0..<8, using: &random) == 0
          return UInt8.random(in: any ? 0...0xFF : 0x23...0xFF, using: &random)
        }
        bytes.withUnsafeBufferPointer { buffer in
          #expect(ByteBuffer.needsEscaping(buffer) == TableText.needsJSONEscaping(buffer), "\(bytes)")
        }
      }
    }
  }
}

/// The result line writes numbers and findings' messages in place; their definitions are `Hundredths`'
/// `description` (against digits formatted independently here) and `Finding.message` escaped as any string.
@Suite struct InPlaceWritingTests {
  /// `-12.30`: a sign, the integer digits, a point and two decimals, for every magnitude.
  @Test func hundredthsAreTheirDigits() {
    var random = SplitMix(seed: 19)
    var values: [Int64] = [0, 1, -1, 5, -5, 99, -99, 100, -100, 999, 1_000, -1_000, .max, .min, .max - 1, .min + 1]
    for digits in 1...18 {
      let power = (0..<digits).reduce(Int64(1)) { value, _ in value * 10 }
      values += [power - 1, power, power + 1, -(power - 1), -power]
    }
    values += (0..<2_000).map { _ in Int64(bitPattern: random.next()) >> Int64.random(in: 0...62, using: &random) }
    for value in values {
      let magnitude = value.magnitude
      let fraction = magnitude % 100
      let expected = (value < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
      let hundredths = Hundredths(hundredths: value)
      #expect(hundredths.description == expected)
      #expect(hundredths.textLength == expected.utf8.count)
      #expect(expected.utf8.count <= Hundredths.maximumTextLength)
      let buffer = ByteBuffer(capacity: 1)
      buffer.append(hundredths)
      #expect(buffer.text == expected)
      let quoted = ByteBuffer(capacity: 1)
      quoted.appendQuoted(hundredths, suffix: nil)
      quoted.appendQuoted(hundredths, suffix: UInt8(ascii: "%"))
      #expect(quoted.text == "\"\(expected)\"\"\(expected)%\"")
      let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { scratch in
        scratch.initialize(repeating: UInt8(ascii: "#"))
        let length = hundredths.writeText(to: scratch.baseAddress!)
        // Nothing is written past the text.
        return (
          length, String(decoding: scratch[..<length], as: UTF8.self), scratch[length...].allSatisfy { $0 == UInt8(ascii: "#") }
        )
      }
      #expect(written.0 == expected.utf8.count && written.1 == expected && written.2, "\(value)")
    }
  }

  /// A value in a message (`unit.scale-converted` to 6 places, `actual.restates-target` to 2) is written as its
  /// definition, `formatted(places:).trimmedZeros`, writes it: both signs, whole numbers, halves of the last
  /// place rounded away from zero, fractions with fewer places, and values whose units do not fit 64 bits.
  @Test func trimmedDecimalsAreTheirFormattedText() throws {
    var random = SplitMix(seed: 37)
    var values: [Rational] = [.zero, Rational(1), Rational(-1), Rational(10), Rational(-1_000_000)]
    for (numerator, denominator) in [
      (1, 2_000_000), (-1, 2_000_000), (3, 2_000_000), (1, 3), (-2, 3), (1, 8), (5, 4), (1, 1_000_000),
    ] {
      values.append(try Rational(Int128(numerator), over: Int128(denominator)))
    }
    // Past 64 bits of millionths: the text is copied from the definition.
    values.append(try Rational(Int128(Int64.max) * 7, over: 3))
    values.append(try Rational(-Int128(Int64.max), over: 1_000))
    for _ in 0..<3_000 {
      let numerator = Int128(Int64(bitPattern: random.next()) >> Int64.random(in: 0...62, using: &random))
      let denominator = Int128(
        [1, 2, 3, 4, 5, 7, 8, 10, 16, 25, 100, 1_000, 10_000, 1_000_000, 3_000_000].randomElement(using: &random)!)
      values.append(try Rational(numerator, over: denominator))
    }
    for value in values {
      for places in 1...6 {
        let buffer = ByteBuffer(capacity: 1)
        buffer.appendTrimmingZeros(value, places: places)
        #expect(buffer.text == value.formatted(places: places).trimmedZeros, "\(value) to \(places)")
      }
    }
  }

  /// A claim quotes its target and actual trimmed (`ByteBuffer.append(trimmed:)`) as whitespace characters
  /// are trimmed from both ends (the character-level trim, not `trimmingSpaces`, whose byte shortcut is the
  /// one tested): for a text led by every character of U+2000…U+2FFF (the spaces among them trimmed, the
  /// symbols such as `≥` copied without a `String`), with and without spaces around.
  @Test func quotedTextsAreTrimmedAsStrings() {
    func trimmedByCharacters(_ text: String) -> String {
      var view = Substring(text)
      while let first = view.first, first.isWhitespace { view = view.dropFirst() }
      while let last = view.last, last.isWhitespace { view = view.dropLast() }
      return String(view)
    }
    for value in UInt32(0x2000)...UInt32(0x2FFF) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for text in ["\(scalar)5次", " \(scalar)5次 ", "\(scalar)", "\(scalar)\u{301}x", "\(scalar)\u{3000}"] {
        let buffer = ByteBuffer(capacity: 1)
        buffer.append(trimmed: TableText(text))
        #expect(buffer.text == trimmedByCharacters(text), "\(text.debugDescription)")
        #expect(text.trimmingSpaces() == trimmedByCharacters(text), "\(text.debugDescription)")
      }
    }
  }

  /// An integer is written as `String(value)` writes it: the one- and two-digit ones placed directly, the
  /// rest digit by digit, both signs and both ends of `Int`.
  @Test func integersAreTheirDescriptions() {
    var random = SplitMix(seed: 23)
    var values = Array(-1_000...1_000) + [.max, .min, .max - 1, .min + 1]
    values += (0..<2_000).map { _ in Int(bitPattern: UInt(random.next())) >> Int.random(in: 0...62, using: &random) }
    for value in values {
      let buffer = ByteBuffer(capacity: 1)
      buffer.appendInteger(value)
      #expect(buffer.text == String(value), "\(value)")
      #expect(String(value).utf8.count <= ByteBuffer.maximumIntegerLength)
    }
  }

  /// A line written in the storage of the array handed out is the bytes an own buffer holds, for every
  /// length around the capacity guessed (a line that outgrows it moves, and is copied once).
  @Test func bytesWrittenInTheArrayHandedOutAreTheBuffers() {
    var random = SplitMix(seed: 31)
    for capacity in [16, 17, 40, 100] {
      for length in 0...(2 * capacity + 5) {
        let pieces = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
        let handedOut = ByteBuffer.array(capacity: capacity) { buffer in
          for (position, byte) in pieces.enumerated() {
            if position % 3 == 0 { buffer.append(byte) } else { buffer.append(Hundredths(hundredths: Int64(byte))) }
          }
        }
        let own = ByteBuffer(capacity: 1)
        for (position, byte) in pieces.enumerated() {
          if position % 3 == 0 { own.append(byte) } else { own.append(Hundredths(hundredths: Int64(byte))) }
        }
        #expect(handedOut == own.array, "capacity \(capacity), \(length) pieces")
      }
    }
  }

  /// `ResultJSON.line` is `encode`'s text and a newline: for hostile results, and for results whose texts
  /// outgrow the length guessed for their line many times.
  @Test func aLineIsTheEncodedResult() {
    var random = SplitMix(seed: 1905)
    var results = (0..<200).map { _ in HostileCase.random(&random).result }
    let long = String(repeating: "很长的名称\"\\", count: 2_000)
    results.append(
      HostileCase(
        id: long, name: long, department: long, file: "f.jsonl", levels: (long, nil), names: [long, "b"],
        targets: [long, nil], actuals: [nil, long], rejectionMessage: "x"
      ).result)
    for result in results {
      #expect(ResultJSON.line(result) == Array(ResultJSON.encode(result).utf8) + [0x0A])
    }
    #expect(ResultJSON.line(results.last!).count > 8 * ResultJSON.estimatedLength(results.last!))
  }

  /// Member names are copied as overlapping words: every length from 1 to 25 comes out whole.
  @Test func memberNamesOfEveryLength() throws {
    var writer = JSONWriter()
    writer.beginObject()
    let names: [StaticString] = [
      "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghij", "abcdefghijk",
      "abcdefghijkl", "abcdefghijklm", "abcdefghijklmn", "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq",
      "abcdefghijklmnopqr", "abcdefghijklmnopqrs", "abcdefghijklmnopqrst", "abcdefghijklmnopqrstu",
      "abcdefghijklmnopqrstuv", "abcdefghijklmnopqrstuvw", "abcdefghijklmnopqrstuvwx", "abcdefghijklmnopqrstuvwxy",
    ]
    for name in names { writer.int(JSONKey(stringLiteral: name), name.utf8CodeUnitCount) }
    writer.endObject()
    let letters = Array("abcdefghijklmnopqrstuvwxy")
    let expected = (1...25).map { "\"\(String(letters[..<$0]))\":\($0)" }.joined(separator: ",")
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "{" + expected + "}")
  }

  /// `appendPoints` and `appendPercent` write `pointsText` and `percentText`, also for values that do not
  /// round to hundredths within 64 bits.
  @Test func pointsAndPercentsAreTheirTexts() throws {
    var random = SplitMix(seed: 7)
    var values: [Rational] = [.zero, try Rational(1) / Rational(3), try Rational(-2) / Rational(3), Rational(Int(Int64.max))]
    for _ in 0..<500 {
      let numerator = Int128(Int64.random(in: -10_000_000...10_000_000, using: &random))
      values.append(try Rational(numerator, over: Int128(Int64.random(in: 1...100_000, using: &random))))
    }
    for value in values {
      let points = ByteBuffer(capacity: 1)
      points.appendPoints(value)
      #expect(points.text == value.pointsText)
      let percent = ByteBuffer(capacity: 1)
      percent.appendPercent(value)
      #expect(percent.text == value.percentText)
    }
  }

  /// The messages assembled in bytes are the texts their `String` interpolations made before (kept here as
  /// their definitions): totals and grades for values on and off hundredths, both explanations' and both
  /// evidence messages, deadlines with and without their own year, unit conversions, duplicate names, and
  /// the targets and actuals that could not be read, with texts that need escaping.
  @Test func assembledMessagesAreTheirFormerTexts() throws {
    let third = try Rational(1) / Rational(3)
    let values: [Rational] = [.zero, third, -third, Rational(100), try Rational(-5) / Rational(2), Rational(Int(Int64.max))]
    var expected: [(FindingDetail, String)] = []
    for claimed in values {
      for difference in values {
        for recomputed in [Hundredths.zero, Hundredths(hundredths: -1), Hundredths(hundredths: 9_950)] {
          expected.append(
            (
              .totalOverClaimed(claimed: claimed, recomputed: recomputed, difference: difference),
              "自评总分 \(claimed.pointsText)，复核总分 \(recomputed)，多报 \(difference.pointsText) 分"
            ))
        }
      }
    }
    for claimed in Grade.allCases {
      for recomputed in Grade.allCases {
        for total in [Hundredths.zero, Hundredths(hundredths: 8_999), Hundredths(hundredths: -123_456)] {
          expected.append(
            (
              .gradeInflated(claimed: claimed, recomputedTotal: total, recomputed: recomputed),
              "自评等级“\(claimed.rawValue)”，按复核总分 \(total) 应为“\(recomputed.rawValue)”"
            ))
        }
      }
    }
    for flag in [false, true] {
      expected.append(
        (.explanationMissing(overAchieved: flag), flag ? "指标超过超额阈值，偏差原因分析及改进措施为空" : "指标未完全达成，偏差原因分析及改进措施为空"))
      expected.append((.evidenceMissing(requiredByProfile: flag), "佐证资料为空，\(flag ? "本方案按 0 分计" : "复核人员通常按 0 分计")"))
    }
    let deadlines = [
      Deadline(year: nil, month: 1, day: 2), Deadline(year: 2023, month: 12, day: 31), Deadline(year: -1, month: 0, day: 0),
    ]
    for deadline in deadlines {
      for actual in deadlines {
        for score in values {
          let late = DeadlineRule.daysBetween(deadline, actual, year: 2024)
          expected.append(
            (
              .deadlineMissed(deadline: deadline, actual: actual, year: 2024, score: score),
              "时限 \(deadline.formatted(defaultYear: 2024))，实际 \(actual.formatted(defaultYear: 2024))，逾期 \(late) 天；按规则应得 \(score.pointsText) 分"
            ))
        }
      }
    }
    for text in ["", "=1,000元", "say \"yes\"", "甲\u{0301}"] {
      for unit in [Unit("万元"), Unit("元"), Unit.none] {
        for converted in values {
          expected.append(
            (
              .unitScaleConverted(actual: text, unit: unit, converted: converted, target: "<=5万元"),
              "实际值 \(text) 按 \(unit) 换算为 \(converted.formatted(places: 6).trimmedZeros)\(unit) 后与目标 <=5万元 比较"
            ))
        }
      }
      expected += [
        (.qualitativeUnclassified(actual: text), "实际值“\(text)”读不出达成、部分达成或未达成，该项未核实"),
        (.targetUnreadable(target: text, reason: "无法读出数值"), "目标值“\(text)”无法读出：无法读出数值，该项未核实"),
        (.actualEmpty(target: text), "实际值为空，无法与目标 \(text) 比较"),
        (.actualEmptyForDeadline(target: text), "实际值为空，无法与时限 \(text) 比较"),
        (.actualEmptyForQualitative(target: text), "实际值为空，无法评判定性目标“\(text)”"),
        (.actualUnreadable(actual: text, reason: text), "实际值“\(text)”无法读出：\(text)"),
        (.actualNotNumber(target: text, actual: "详见报告"), "数值目标 \(text) 对应的实际值“详见报告”不是数值"),
        (.actualNotDate(target: "2024年12月31日前", actual: text), "时限目标 2024年12月31日前 对应的实际值“\(text)”不是日期"),
      ]
    }
    expected.append((.targetEmpty, "目标值为空，该项未核实"))
    for first in [0, 1, 12, -3, Int.max, Int.min] {
      expected.append((.duplicateIndicator(first: first), "与第 \(first) 项指标同名，复核只应计一次"))
    }
    for (detail, text) in expected {
      #expect(detail.message == text)
      let bytes = ByteBuffer(capacity: 1)
      detail.appendMessage(to: bytes)
      #expect(bytes.text == text)
    }
  }

  /// A message written in place is `message`'s bytes, escaped as `string` escapes them: for every
  /// finding of the catalogue's examples, and for claims whose texts need escaping.
  @Test func messagesInPlaceAreTheirStrings() throws {
    var details = FindingCatalogue.all.flatMap { descriptor in
      descriptor.triggering.flatMap {
        ExampleReport.findings(of: $0, code: descriptor.code, profile: defaultProfile)?.map(\.detail) ?? []
      }
    }
    #expect(details.count >= FindingCatalogue.all.count)
    let third = try Rational(1) / Rational(3)
    for text in ["≥5次", "say \"yes\"", "back\\slash", "tab\there", "\u{01}", " 全角　空格 ", "", "\u{7F}"] {
      details.append(
        .indicatorClaim(
          target: TableText(text), actual: text.isEmpty ? nil : TableText(text), completion: third, band: .achieved,
          rule: .proportional,
          score: Hundredths(hundredths: 250), claimed: Rational(3), difference: third))
      details.append(
        .indicatorClaim(
          target: nil, actual: TableText(text), completion: nil, band: nil, rule: nil, score: .zero, claimed: -third,
          difference: -third))
    }
    details.append(.fundsClaim(rate: nil, score: .zero, claimed: Rational(10), difference: Rational(10)))
    details.append(.fundsClaim(rate: third, score: Hundredths(hundredths: 333), claimed: third, difference: -third))
    for detail in details {
      let bytes = ByteBuffer(capacity: 1)
      detail.appendMessage(to: bytes)
      #expect(bytes.text == detail.message)
      var inPlace = JSONWriter()
      inPlace.message("message", detail)
      var asString = JSONWriter()
      asString.string("message", detail.message)
      #expect(inPlace.bytes == asString.bytes, "\(detail.message)")
    }
  }
}
