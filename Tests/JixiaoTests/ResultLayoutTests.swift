import Testing

@testable import Jixiao

/// The result line is written in a fixed order, each member's name, comma and colon one literal
/// (`JSONWriter.member`). Its definition is the same members written through keyed `JSONWriter` calls
/// (`ResultLayoutDefinition`, the line as it was written before): the two agree byte for byte on hostile
/// and varied results.
@Suite struct ResultLayoutTests {
  /// Results with every optional part present and absent: hostile texts everywhere, funds or none, a
  /// reviewer's scores, weights off the scale, target and unit tables, transcoded sources, findings at
  /// the table, the funds item and indicators, and source locations with and without a line and a field.
  static func variedResults() throws -> [TableResult] {
    var random = SplitMix(seed: 2_026)
    var results: [TableResult] = []
    for round in 0..<240 {
      var result = HostileCase.random(&random).result
      let variant = round % 8
      if variant == 1 { result.funds = nil }
      if variant == 2 {
        result.weightsOffScale = try Rational(1_001) / Rational(10)
        result.claimedGrade = nil
        result.recomputedGrade = .poor
      }
      if variant == 3 {
        result.engineTotal = Hundredths(hundredths: 8_123)
        result.engineGrade = .good
        result.funds?.review = ReviewerScore(
          score: Hundredths(hundredths: 950), comment: HostileText.random(&random), cell: "复核!P\(round)")
        result.indicators[0].review = ReviewerScore(
          score: Hundredths(hundredths: -5), comment: HostileText.random(&random), cell: HostileText.random(&random))
      }
      if variant == 4 {
        result.kind = .unit
        result.isTargetTable = true
        result.sourceEncoding = .gb18030
        result.year = nil
      }
      if variant == 5 {
        result.isTargetTable = true
        result.location = SourceLocation(file: HostileText.random(&random))
        result.funds?.rate = try Rational(Int(Int64.max)) / Rational(7)
        // A percentage that does not round within 64 bits: the row's verdict is written member by member.
        result.indicators[0].completion = try Rational(Int(Int64.max)) / Rational(7)
        result.funds?.annualBudget = try Rational(1) / Rational(3)
        result.funds?.claimedRate = nil
        result.funds?.weight = nil
      }
      if variant == 6 {
        result.location = SourceLocation(file: HostileText.random(&random), line: -round, field: HostileText.random(&random))
        result.sourceEncoding = .utf16BigEndian
        result.kind = .unit
        result.department = nil
        result.claimedTotal = nil
      }
      if variant == 7 {
        result.indicators[0].rule = RuleKind.allCases[round % RuleKind.allCases.count]
        result.indicators[0].band = Achievement.allCases[round % Achievement.allCases.count]
        result.indicators[0].whatIfScore = Hundredths(hundredths: Int64(round) * 1_234_567)
        result.indicators[0].completion = try Rational(Int128(round), over: 7)
        result.indicators[0].claimedCompletion = try Rational(-1) / Rational(3)
        result.indicators[0].weight = nil
        result.indicators[0].claimedScore = nil
        result.findings += [
          Finding(.weightZero, at: .table), Finding(.executedMissing, at: .funds),
          Finding(.qualitativeUnclassified(actual: HostileText.random(&random)), at: .indicator(index: round, name: "名")),
        ]
      }
      results.append(result)
    }
    results.append(
      HostileCase(
        id: "", name: "\"", department: "", file: "", levels: ("", ""), names: ["\\"], targets: [""], actuals: [nil],
        rejectionMessage: ""
      ).result)
    return results
  }

  @Test func fixedLayoutIsTheKeyedDefinition() throws {
    for result in try Self.variedResults() {
      let definition = JSONWriter.text { ResultLayoutDefinition.write(result, into: &$0) }
      #expect(ResultJSON.encode(result) == definition)
      #expect(ResultJSON.line(result) == Array(definition.utf8) + [0x0A])
    }
  }

  /// The fixed-order writer stores through a cursor after making room once a member: a buffer whose storage
  /// ends at any byte of the line (a member cut before, inside or after its value; an escaped text, a
  /// message) grows there and writes the same line, in a buffer of its own and in the array lent to it.
  @Test func aLineIsTheSameWhereverTheStorageEnds() throws {
    // A reviewed result, one with a transcoded source and a field, one with extra findings, the quoting one.
    let varied = try Self.variedResults()
    let results = [varied[3], varied[6], varied[7], varied[varied.count - 1]]
    for result in results {
      let definition = Array(JSONWriter.text { ResultLayoutDefinition.write(result, into: &$0) }.utf8) + [0x0A]
      for capacity in stride(from: 1, through: definition.count + 2, by: 1) {
        let own = ByteBuffer(capacity: capacity)
        var writer = FixedOrderWriter(appendingTo: own)
        ResultJSON.write(result, into: &writer)
        writer.fixed("\n")
        writer.finish()
        let lent = ByteBuffer.array(capacity: capacity) { buffer in
          var writer = FixedOrderWriter(appendingTo: buffer)
          ResultJSON.write(result, into: &writer)
          writer.fixed("\n")
          writer.finish()
        }
        #expect(own.array == definition, "capacity \(capacity)")
        #expect(lent == definition, "capacity \(capacity)")
      }
    }
  }

  /// The members after a row's texts are stored after one room check (`ResultJSON.verdictRoom`): a row
  /// whose every value is as long as it can be fills that room exactly, and is written as its definition is,
  /// wherever the storage ends.
  @Test func theLongestVerdictFillsItsRoom() throws {
    var result = try Self.variedResults()[0]
    let longest = Hundredths(hundredths: .min)
    // Rounds to `Int64.min` hundredths of a percent.
    let percent = try Rational(Int128(Int64.min), over: 10_000)
    result.indicators[0].rule = .budgetExecution
    result.indicators[0].completion = percent
    result.indicators[0].claimedCompletion = percent
    result.indicators[0].score = longest
    result.indicators[0].claimedScore = longest
    result.indicators[0].band = .achieved
    result.indicators[0].whatIfScore = longest
    result.indicators[0].verified = false
    let definition = JSONWriter.text { ResultLayoutDefinition.write(result, into: &$0) }
    let line = try #require(String(validating: ResultJSON.line(result), as: UTF8.self))
    #expect(line == definition + "\n")
    let start = try #require(line.utf8.firstRange(of: Array(#","rule":"budget-execution""#.utf8)))
    let end = try #require(line.utf8.firstRange(of: Array(#","verified":false"#.utf8)))
    #expect(line.utf8.distance(from: start.lowerBound, to: end.upperBound) == ResultJSON.verdictRoom)
    for capacity in 1...line.utf8.count + 2 {
      #expect(Self.line(result, writtenInto: capacity).text == line, "capacity \(capacity)")
    }
  }

  /// A result line written into a buffer of `capacity` bytes, which the writer outgrows as it must.
  static func line(_ result: TableResult, writtenInto capacity: Int) -> ByteBuffer {
    let own = ByteBuffer(capacity: capacity)
    var writer = FixedOrderWriter(appendingTo: own)
    ResultJSON.write(result, into: &writer)
    writer.fixed("\n")
    writer.finish()
    return own
  }

  /// A row's plain text is copied by the writer itself when it is short and there is room
  /// (`FixedOrderWriter.putQuoted`), else by the buffer: texts of every length from empty to past the short
  /// copy's 64 bytes, ASCII and CJK, in each of a row's text members and a finding's, are written as their
  /// definition writes them, and (for the lengths around the copy's word sizes) wherever the storage ends.
  @Test func plainTextsOfEveryLengthAreTheirDefinition() throws {
    var result = try Self.variedResults()[1]
    for length in 0...80 {
      let ascii = String(repeating: "x", count: length)
      let cjk = String(repeating: "项", count: length / 3) + String(repeating: "1", count: length % 3)
      for (text, other) in [(ascii, cjk), (cjk, ascii)] {
        result.indicators[0].indicator.name = TableText(text.isEmpty ? "名" : text)
        result.indicators[0].indicator.level1 = TableText(other)
        result.indicators[0].indicator.level2 = TableText(text)
        result.indicators[0].indicator.targetText = TableText(other)
        result.indicators[0].indicator.actualText = TableText(text)
        result.findings = [Finding(.weightZero, at: .indicator(index: 1, name: TableText(text)))]
        let definition = Array(JSONWriter.text { ResultLayoutDefinition.write(result, into: &$0) }.utf8) + [0x0A]
        #expect(ResultJSON.line(result) == definition, "\(length) bytes")
        guard [0, 1, 3, 4, 7, 8, 9, 16, 63, 64, 65, 80].contains(length) else { continue }
        for capacity in 1...definition.count + 2 {
          #expect(
            Self.line(result, writtenInto: capacity).array == definition, "\(length) bytes, capacity \(capacity)")
        }
      }
    }
  }

  /// A catalogued finding's code is copied from `FindingCode.quotedCatalogue`: there, at the code's catalogue
  /// position, are its `rawValue`'s bytes escaped as any string is; and texts that need escaping are kept
  /// escaped, empty ones as `""`.
  @Test func quotedCodesAreTheirEscapedRawValues() {
    func escaped(_ text: String) -> [UInt8] {
      let buffer = ByteBuffer(capacity: 1)
      buffer.appendEscaped(text)
      return buffer.array
    }
    let catalogue = FindingCode.quotedCatalogue
    #expect(catalogue.count == FindingCatalogue.all.count)
    for (position, descriptor) in FindingCatalogue.all.enumerated() {
      #expect(descriptor.code.cataloguePosition == Int16(position))
      #expect(Array(catalogue.text(at: position)) == escaped(descriptor.code.rawValue), "\(descriptor.code)")
    }
    let texts = ["a\"b", "", "\\", "中文", "\u{1}", "score.over-claimed"]
    let quoted = QuotedTexts(texts)
    #expect(quoted.count == texts.count)
    for (position, text) in texts.enumerated() { #expect(Array(quoted.text(at: position)) == escaped(text)) }
  }

  /// The enumerations' texts written as literals are their raw values in quotes.
  @Test func enumerationTextsAreTheirRawValues() {
    func quoted(_ text: String) -> String { "\"\(text)\"" }
    func text(_ literal: StaticString) -> String { literal.description }
    for grade in Grade.allCases { #expect(text(grade.jsonText) == quoted(grade.rawValue)) }
    for rule in RuleKind.allCases { #expect(text(rule.jsonText) == quoted(rule.rawValue)) }
    for band in Achievement.allCases { #expect(text(band.jsonText) == quoted(band.rawValue)) }
    for severity in Severity.allCases { #expect(text(severity.jsonText) == quoted(severity.rawValue)) }
    for kind in [Table.Kind.project, .unit] {
      #expect(text(kind.jsonText(target: false)) == quoted(kind.rawValue))
      #expect(text(kind.jsonText(target: true)) == quoted(kind.rawValue + "-target"))
    }
  }
}

/// The result line as keyed `JSONWriter` calls write it, commas tracked by the writer: the definition of
/// `ResultJSON.write`'s fixed layout.
enum ResultLayoutDefinition {
  static func write(_ result: TableResult, into writer: inout JSONWriter) {
    writer.beginObject()
    writer.string("id", result.id)
    writer.string("name", result.name)
    writer.string("department", result.department)
    writer.int("year", result.year)
    writer.string("kind", result.isTargetTable ? result.kind.rawValue + "-target" : result.kind.rawValue)
    writer.beginObject("profile")
    writer.string("name", result.profileName)
    writer.string("hash", result.profileHash)
    writer.endObject()
    writer.hundredths("claimedTotal", result.claimedTotal)
    writer.hundredths("recomputedTotal", result.recomputedTotal)
    writer.hundredths("overClaimed", result.overClaimed)
    writer.hundredths("unverifiedPoints", result.unverifiedPoints)
    writer.string("claimedGrade", result.claimedGrade?.rawValue)
    writer.string("recomputedGrade", result.recomputedGrade?.rawValue)
    if let weights = result.weightsOffScale { writer.points("weightsOffScale", weights) }
    if let engineTotal = result.engineTotal {
      writer.hundredths("engineTotal", engineTotal)
      writer.string("engineGrade", result.engineGrade?.rawValue)
    }
    if let funds = result.funds {
      writer.beginObject("funds")
      writer.hundredths("weight", funds.weight)
      writer.points("annualBudget", funds.annualBudget)
      writer.points("executed", funds.executed)
      writer.percent("rate", funds.rate)
      writer.percent("claimedRate", funds.claimedRate)
      writer.hundredths("score", funds.score)
      writer.hundredths("claimedScore", funds.claimedScore)
      writer.bool("verified", funds.verified)
      writeReview(funds.review, into: &writer)
      writer.endObject()
    } else {
      writer.raw("funds", "null")
    }
    writer.beginArray("indicators")
    for item in result.indicators { writeIndicator(item, into: &writer) }
    writer.endArray()
    writer.beginArray("findings")
    for finding in result.findings { writeFinding(finding, into: &writer) }
    writer.endArray()
    writer.string("source", result.location.description)
    if result.sourceEncoding.wasTranscoded { writer.string("sourceEncoding", result.sourceEncoding.rawValue) }
    writer.endObject()
  }

  static func writeFinding(_ finding: Finding, into writer: inout JSONWriter) {
    writer.beginObject()
    writer.string("code", finding.code.rawValue)
    writer.string("severity", finding.severity.rawValue)
    switch finding.location {
    case .table:
      writer.string("where", "table")
      writer.raw("indicator", "null")
    case .funds:
      writer.string("where", "funds")
      writer.raw("indicator", "null")
    case .indicator(_, let name):
      writer.string("where", finding.location.key)
      writer.string("indicator", name)
    }
    writer.string("message", finding.message)
    writer.endObject()
  }

  static func writeIndicator(_ item: IndicatorResult, into writer: inout JSONWriter) {
    writer.beginObject()
    writer.int("index", item.index)
    writer.string("name", item.name)
    writer.string("level1", item.level1)
    writer.string("level2", item.level2)
    writer.hundredths("weight", item.weight)
    writer.string("target", item.target)
    writer.string("actual", item.actual)
    writer.string("rule", item.rule?.rawValue)
    writer.percent("completion", item.completion)
    writer.percent("claimedCompletion", item.claimedCompletion)
    writer.hundredths("score", item.score)
    writer.hundredths("claimedScore", item.claimedScore)
    writer.string("band", item.band?.rawValue)
    writer.hundredths("whatIfScore", item.whatIfScore)
    writer.bool("verified", item.verified)
    writeReview(item.review, into: &writer)
    writer.endObject()
  }

  static func writeReview(_ review: ReviewerScore?, into writer: inout JSONWriter) {
    guard let review else { return }
    writer.beginObject("review")
    writer.hundredths("score", review.score)
    writer.string("comment", review.comment)
    writer.string("cell", review.cell)
    writer.endObject()
  }
}
