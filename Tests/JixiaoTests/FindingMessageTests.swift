import Foundation
import Testing

@testable import Jixiao

/// A finding is a code with typed arguments (`FindingDetail`); its Chinese message is made in one place,
/// `FindingDetail.message`. These tests hold that text to what jixiao printed when checks made it.
@Suite struct FindingMessageTests {
  /// A message said to need no JSON escaping has no byte that needs it: for every finding of the catalogue's
  /// examples, and for claims quoting hostile texts (which must be looked at) and plain ones (which need not).
  @Test func plainMessagesNeedNoEscaping() throws {
    var details = FindingCatalogue.all.flatMap { descriptor in
      descriptor.triggering.flatMap {
        ExampleReport.findings(of: $0, code: descriptor.code, profile: defaultProfile)?.map(\.detail) ?? []
      }
    }
    var random = SplitMix(seed: 1_919)
    for _ in 0..<500 {
      let target = HostileText.random(&random)
      let actual = HostileText.random(&random)
      details.append(
        .indicatorClaim(
          target: TableText(target), actual: TableText(actual), completion: nil, band: nil, rule: .graded, score: .zero,
          claimed: Rational(1), difference: Rational(1)))
      details.append(.qualitativeUnclassified(actual: actual))
    }
    // Every message copied whole, whether the examples raise it or not.
    details += [.explanationMissing(overAchieved: true), .explanationMissing(overAchieved: false), .targetEmpty]
    var fixed = 0
    for detail in details {
      guard let text = detail.fixedMessage else { continue }
      fixed += 1
      let bytes = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
      #expect(Array(bytes) == Array(detail.message.utf8))
      #expect(!TableText.needsJSONEscaping(bytes), "\(text)")
    }
    #expect(fixed > 0)
    var plain = 0
    for detail in details where detail.messageIsPlainJSON {
      plain += 1
      var message = detail.message
      let needsEscaping = message.withUTF8(TableText.needsJSONEscaping)
      #expect(!needsEscaping, "\(message)")
    }
    #expect(plain > 0)
    let plainClaim = FindingDetail.indicatorClaim(
      target: "≥5次", actual: " 4次 ", completion: nil, band: .achieved, rule: nil, score: .zero, claimed: Rational(1),
      difference: Rational(1))
    #expect(plainClaim.messageIsPlainJSON)
    #expect(FindingDetail.explanationMissing(overAchieved: true).messageIsPlainJSON)
  }

  /// The usual claim's message, written in one reservation (`appendClaimInPlace`), is its definition's
  /// (`appendClaim`) byte for byte, after bytes already written and from a buffer that must grow; any claim
  /// it does not take is left to the definition with nothing written. Texts to trim, hostile, empty and long;
  /// numbers negative, long, and beyond 64-bit hundredths.
  @Test func aClaimWrittenInPlaceIsItsDefinitions() throws {
    var random = SplitMix(seed: 2_026)
    func text() -> TableText? {
      switch Int.random(in: 0..<8, using: &random) {
      case 0: nil
      case 1: ""
      case 2: " 4次 "
      case 3: TableText(String(repeating: "线路改迁长度", count: Int.random(in: 1...9, using: &random)))
      case 4: ">=5%"
      default: TableText(HostileText.random(&random))
      }
    }
    func number() throws -> Rational {
      switch Int.random(in: 0..<6, using: &random) {
      case 0: try Rational(Int128(Int.random(in: -1_000_000...1_000_000, using: &random)), over: 3)
      case 1: try Rational(significand: Int128(Int64.random(in: .min ... .max, using: &random)), scale: 2)
      case 2: try Rational(Int128(Int64.max) * 1_000, over: 7)
      default: Rational(hundredths: Int64.random(in: -100_000...100_000, using: &random))
      }
    }
    var inPlace = 0
    for _ in 0..<3_000 {
      let detail = try FindingDetail.indicatorClaim(
        target: text(), actual: text(), completion: Bool.random(using: &random) ? nil : number(),
        band: Int.random(in: 0..<4, using: &random) == 0 ? .partlyAchieved : nil,
        rule: Bool.random(using: &random) ? RuleKind.allCases.randomElement(using: &random) : nil,
        score: Hundredths(hundredths: Bool.random(using: &random) ? .min : Int64.random(in: -99_999...99_999, using: &random)),
        claimed: number(), difference: number())
      let fast = ByteBuffer(capacity: 16)
      let definition = ByteBuffer(capacity: 16)
      fast.append("前" as StaticString)
      definition.append("前" as StaticString)
      if detail.appendClaimInPlace(to: fast) {
        inPlace += 1
        detail.appendClaim(to: definition)
        #expect(fast.text == definition.text)
      } else {
        #expect(fast.text == "前")
      }
    }
    #expect(inPlace > 150)
  }

  static let examplesFile = repositoryRoot.appendingPathComponent("Tests/FindingMessages/catalogue-examples.txt")

  /// Every triggering example of the catalogue, scored, with the message of each finding of its code: the
  /// text of every code, as jixiao printed it before messages were rendered from typed arguments.
  static func catalogueExamples() throws -> String {
    var lines: [String] = []
    for descriptor in FindingCatalogue.all {
      lines.append("## \(descriptor.code.rawValue)")
      for example in descriptor.triggering {
        lines.append("- \(example.summary)")
        let findings = try #require(ExampleReport.findings(of: example, code: descriptor.code, profile: defaultProfile))
        for finding in findings { lines.append("  \(finding.location.label)：\(finding.message)") }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The expected file is regenerated, never hand-edited: `JIXIAO_WRITE_MESSAGES=1 swift test --filter
  /// FindingMessageTests` writes it (and the test then fails, to be run again).
  @Test func everyCataloguedCodeRendersItsExamplesMessagesUnchanged() throws {
    let rendered = try Self.catalogueExamples()
    if ProcessInfo.processInfo.environment["JIXIAO_WRITE_MESSAGES"] == "1" {
      try rendered.write(to: Self.examplesFile, atomically: true, encoding: .utf8)
      Issue.record("wrote \(Self.examplesFile.path); run again without JIXIAO_WRITE_MESSAGES")
      return
    }
    let expected = try String(contentsOf: Self.examplesFile, encoding: .utf8)
    let pairs = zip(
      expected.split(separator: "\n", omittingEmptySubsequences: false),
      rendered.split(separator: "\n", omittingEmptySubsequences: false))
    if let (wanted, got) = pairs.first(where: { $0.0 != $0.1 }) {
      Issue.record("first different line:\n  expected \(wanted)\n  rendered \(got)")
    }
    #expect(rendered == expected)
    for descriptor in FindingCatalogue.all {
      #expect(expected.contains("## \(descriptor.code.rawValue)\n- "), "\(descriptor.code) has an example message")
    }
  }

  @Test func everyFindingOfTheExamplesHasACataloguedCodeAndAMessage() throws {
    for descriptor in FindingCatalogue.all {
      for example in descriptor.triggering + descriptor.clean {
        let records = TableReader.read(example.bytes, file: "example.\(example.format.rawValue)", format: example.format)
        guard case .table(let table) = try #require(records.first) else { continue }
        for mode in [Scorer.Mode.rescore, .reviewTargets] {
          for finding in Scorer(profile: defaultProfile, mode: mode).score(table).findings {
            #expect(FindingCatalogue.descriptor(for: finding.detail.code) != nil, "\(finding.detail)")
            #expect(finding.code == finding.detail.code && !finding.message.isEmpty)
            #expect(!finding.message.contains("Optional(") && !finding.message.contains("Rational("), "\(finding.message)")
          }
        }
      }
    }
  }

  @Test func theCaseDecidesTheCode() throws {
    let over = FindingDetail.fundsClaim(rate: nil, score: Hundredths(8), claimed: Rational(10), difference: Rational(2))
    let under = FindingDetail.fundsClaim(rate: nil, score: Hundredths(8), claimed: Rational(6), difference: Rational(-2))
    #expect(over.code == .scoreOverClaimed && under.code == .scoreUnderClaimed)
    #expect(over.message == "执行率 —，应得 8.00 分，自评 10.00 分，多报 2.00 分")
    #expect(under.message == "执行率 —，应得 8.00 分，自评 6.00 分，少报 2.00 分")
    let form = UnreadableNumber(place: .indicator(1), field: .weight, text: "十", refusal: .form)
    let huge = UnreadableNumber(place: .indicator(1), field: .weight, text: "1e40", refusal: .outOfRange)
    let subject = FindingSubject(label: "权重")
    #expect(FindingDetail.unreadableNumber(form, subject: subject, keptClaim: nil).code == .cellUnparseable)
    #expect(FindingDetail.unreadableNumber(huge, subject: subject, keptClaim: nil).code == .numberOutOfRange)
    let finding = Finding(.weightNegative(weight: Rational(-5)), at: .table)
    #expect(finding.code == .weightsZero && finding.severity == FindingCatalogue.descriptor(for: .weightsZero)?.severity)
  }

  @Test func equalityAndHashingCoverTheArguments() throws {
    let location = FindingLocation.indicator(index: 1, name: "次数")
    let base = Finding(.weightNegative(weight: Rational(-5)), at: location)
    #expect(base == Finding(.weightNegative(weight: Rational(-5)), at: location))
    #expect(base.hashValue == Finding(.weightNegative(weight: Rational(-5)), at: location).hashValue)
    // Same code and place, another figure; the same figure elsewhere.
    #expect(base != Finding(.weightNegative(weight: Rational(-6)), at: location))
    #expect(base != Finding(.weightNegative(weight: Rational(-5)), at: .indicator(index: 2, name: "次数")))
    #expect(Set([base, Finding(.weightNegative(weight: Rational(-6)), at: location), base]).count == 2)
    // Two findings that print the same message but differ in what they hold are different values: a name
    // printed with a doubled space, trimmed alike in the message.
    let spaced = Finding(
      .indicatorClaim(
        target: " >=1次", actual: "0次", completion: .zero, band: nil, rule: .proportional, score: Hundredths(0),
        claimed: Rational(10), difference: Rational(10)), at: location)
    let plain = Finding(
      .indicatorClaim(
        target: ">=1次", actual: "0次", completion: .zero, band: nil, rule: .proportional, score: Hundredths(0),
        claimed: Rational(10), difference: Rational(10)), at: location)
    #expect(spaced.message == plain.message)
    #expect(spaced != plain)
  }

  /// Cases whose values pass two words are `indirect`: one held inline (a `Rational` is four words) would
  /// make every finding of a batch as large, to copy and to order.
  @Test func aDetailStaysTwoWordsAndATag() {
    #expect(MemoryLayout<FindingDetail>.size <= 2 * MemoryLayout<Int>.size + 1)
  }

  @Test func numbersAreFormattedFromTheirExactValues() throws {
    // Beyond a Double's 15-16 significant digits: printed to the last hundredth.
    let executed = try Rational(significand: 987_654_321_012_345_67, scale: 2)
    let annual = try Rational(significand: 987_654_321_012_345_66, scale: 2)
    let rate = try executed / annual
    let detail = FindingDetail.fundsOverExecuted(executed: executed, annualBudget: annual, rate: rate)
    #expect(detail.message == "全年执行数 987654321012345.67 超过全年预算数 987654321012345.66（执行率 100.00%），得分按 100% 封顶")
    // A third, rounded half up at the second decimal, not 0.33000000000000002.
    let third = try Rational(1, over: 3)
    #expect(FindingDetail.weightNegative(weight: -third).message == "权重为负数 -0.33，按未核实处理")
  }
}
