import Foundation
import Testing

@testable import Jixiao

/// Weights, scores, totals and amounts are read only in the forms docs/input.md lists, and every other
/// text is refused for its cell, never reinterpreted (issue 16, item 6).
@Suite struct NumberGrammarTests {
  private func value(_ text: String) -> Rational { Rational(decimalText: Substring(text))! }

  @Test(arguments: [
    ("10", NumberKind.points, "10"), ("10.00分", .points, "10"), ("9.86 分", .points, "9.86"), ("１０．５", .points, "10.5"),
    ("+5", .points, "5"), ("-5", .points, "-5"), (".5", .points, "0.5"), ("5.", .points, "5"), (" 7 ", .points, "7"),
    ("1,782.65", .amount, "1782.65"), ("12,345,678", .amount, "12345678"), ("1，782.65", .amount, "1782.65"),
    ("265.00万元", .amount, "265"), ("5000元", .amount, "0.5"), ("5000 元", .amount, "0.5"),
    ("86.24%", .rate, "0.8624"), ("100", .rate, "1"), ("100％", .rate, "1"), ("98 %", .rate, "0.98"),
    ("1,000,000,000,000", .points, "1000000000000"), ("-1000000000000", .amount, "-1000000000000"),
    ("0.30000000000000004", .points, "0.30000000000000004"),
  ])
  func documentedFormsRead(_ printed: String, _ kind: NumberKind, _ expected: String) {
    #expect(PrintedNumber.read(printed, as: kind) == .value(value(expected)), "\(printed)")
  }

  @Test(arguments: ["", " ", "-", "—", "——", "–", "/", "\u{3000}"])
  func blankMarksAreAbsent(_ printed: String) {
    for kind in [NumberKind.points, .amount, .rate] { #expect(PrintedNumber.read(printed, as: kind) == .absent) }
  }

  /// The texts the issue names, and their neighbours: each is refused for its cell.
  @Test(arguments: [
    ("10,0", NumberKind.points), ("1 0", .points), ("10％", .points), ("10%", .points), ("1,0000", .amount), ("1,00", .amount),
    (",100", .amount), ("1,000,", .amount), ("0,100", .amount), ("1,000.5,5", .amount), ("abc", .points), ("NaN", .points),
    ("十", .points), ("10分", .amount), ("5万元", .points), ("5%", .amount), ("5元", .rate), ("1e3", .points), ("--5", .points),
    ("+-5", .points), ("5-", .points), ("- 5", .points), ("1.2.3", .points), ("5分分", .points), ("1_000", .points),
    ("١٢", .points), ("1\u{0301}0", .points), ("+", .points), (".", .points), ("分", .points), ("10 0分", .points),
    ("5亿元", .amount), ("5千元", .amount), ("100‰", .rate), ("0x10", .points), ("10.00分 ", .rate),
  ])
  func otherFormsAreRefused(_ printed: String, _ kind: NumberKind) {
    #expect(PrintedNumber.read(printed, as: kind) == .refused(.form, text: printed), "\(printed)")
  }

  @Test(arguments: [
    "1000000000001", "1,000,000,000,001", "-1000000000000.01", "100000000000000000", "1234567890.123456789",
    "0.0000000000000000000000000000001",
  ])
  func numbersBeyondTheLimitsAreOutOfRange(_ printed: String) {
    #expect(PrintedNumber.read(printed, as: .points) == .refused(.outOfRange, text: printed), "\(printed)")
  }

  @Test func jsonNumbersHaveTheSameRangeAndRatesArePercents() {
    for literal in ["1e30", "1e17", "9e15", "1e400", "1e-31", "123456789012345678901234567890", "1000000000001"] {
      #expect(PrintedNumber.read(jsonNumber: literal, as: .points) == .refused(.outOfRange, text: literal), "\(literal)")
    }
    #expect(PrintedNumber.read(jsonNumber: "1e12", as: .points) == .value(Rational(1_000_000_000_000)))
    #expect(
      PrintedNumber.read(jsonNumber: "100", as: .rate) == .value(.one), "a completion printed 100 is 100%, as text or number")
    #expect(PrintedNumber.read(jsonNumber: "1e1", as: .points) == .value(Rational(10)))
  }

  /// The grammar against a regular expression written from docs/input.md, on random texts built from
  /// the characters that matter: the two agree on which texts are numbers and on their values.
  @Test func theGrammarIsTheDocumentedOne() throws {
    let alphabet: [String] = [
      "0", "1", "5", "9", "0", "3", ".", ",", ",", " ", "+", "-", "%", "％", "分", "万元", "元", "１", "，", "e", "a", "\u{3000}",
    ]
    let bodyPattern = #"[+-]?(?:[0-9]+|[1-9][0-9]{0,2}(?:,[0-9]{3})+)?(?:\.[0-9]*)?"#
    var generator = SplitMix(seed: 16)
    var numbers = 0
    for kind in [NumberKind.points, .amount, .rate] {
      let suffix =
        switch kind {
        case .points: "(分)?"
        case .amount: "(万元|元)?"
        case .rate: "(%)?"
        case .decimal: ""
        }
      let pattern = try Regex("^(" + bodyPattern + ") *" + suffix + "$")
      for _ in 0..<4_000 {
        let length = Int(generator.next() % 9)
        let printed = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
        let folded = CellGrammar.normalize(printed)
        let reading = PrintedNumber.read(printed, as: kind)
        if CellGrammar.isEmptyMark(folded) {
          #expect(reading == .absent, "\(printed)")
          continue
        }
        guard let match = try pattern.wholeMatch(in: folded), let body = match.output[1].substring,
          body.contains(where: \.isNumber)
        else {
          #expect(reading == .refused(.form, text: printed), "\(printed) is no number")
          continue
        }
        numbers += 1
        var expected = value(body.replacingOccurrences(of: ",", with: ""))
        if kind == .rate { expected = try expected / Rational.hundred }
        if kind == .amount, folded.hasSuffix("元"), !folded.hasSuffix("万元") { expected = try expected / Rational(10_000) }
        #expect(reading == .value(expected), "\(printed)")
        #expect(PrintedNumber.plainDecimal(printed, as: kind).map { .value($0) } ?? reading == reading, "fast path: \(printed)")
      }
    }
    #expect(numbers > 500, "the generator reaches numbers, not only refusals")
  }

  // MARK: What the scorer makes of a refused cell

  @Test func aClaimedScoreOfTenCommaZeroIsNotAHundredPointOverClaim() throws {
    let result = try score(
      projectJSON(
        #"{"name": "次数", "weight": 10, "target": ">=5次", "actual": "5次", "claimedScore": "10,0"}"#, extra: #""claimedTotal": 10"#)
    )
    #expect(itemKeys(result) == ["cell.unparseable@1"], "no score.over-claimed")
    #expect(!keys(result).contains("total.over-claimed") && !keys(result).contains("total.arithmetic"))
    let finding = try #require(result.findings.first)
    #expect(finding.message.contains("自评得分“10,0”"), "\(finding.message)")
    #expect(result.indicators[0].claimedScore == nil)
    #expect(result.indicators[0].verified && result.indicators[0].score == "10.00", "the item is still re-scored")
  }

  @Test func anUnreadableWeightLeavesTheItemUnverifiedWithItsClaim() throws {
    for weight in [#""1 0""#, #""10％""#, #""10%""#, "true", "{}", "[10]", #""abc""#] {
      let result = try score(
        projectJSON(
          #"{"name": "次数", "weight": \#(weight), "target": ">=5次", "actual": "4次", "claimedScore": 10}"#,
          #"{"name": "天数", "weight": 90, "target": ">=5天", "actual": "5天", "claimedScore": 90}"#))
      #expect(itemKeys(result) == ["cell.unparseable@1"], "\(weight): no weights.missing beside it")
      #expect(!keys(result).contains("weights.sum"), "the sum is unknown, so not checked")
      #expect(result.findings[0].message.hasPrefix("权重“"), "\(result.findings[0].message)")
      #expect(result.findings[0].message.contains("保留自评得分 10.00 分"))
      #expect(!result.indicators[0].verified && result.indicators[0].weight == nil)
      #expect(result.unverifiedPoints == "10.00" && result.recomputedTotal == "100.00")
    }
  }

  @Test func unreadableFundsCellsAreReportedOnceAndCostOnlyWhatTheyMust() throws {
    let indicator = #"{"name": "次数", "weight": 90, "target": ">=5次", "actual": "5次", "claimedScore": 90}"#
    let weight = try score(
      projectJSON(indicator, funds: #"{"annualBudget": "100", "executed": "50", "weight": "十", "claimedScore": 10}"#))
    #expect(keys(weight).filter { $0.contains("@funds") } == ["cell.unparseable@funds"])
    #expect(!keys(weight).contains("weights.sum"), "not the profile's default weight: unknown")
    #expect(weight.funds?.weight == nil && weight.funds?.verified == false && weight.funds?.score == "10.00")
    #expect(weight.funds?.rate == (try Rational(1, over: 2)), "the rate needs no weight")

    let budget = try score(
      projectJSON(indicator, funds: #"{"annualBudget": "1,0000", "executed": "50", "weight": 10, "claimedScore": 10}"#))
    #expect(keys(budget).filter { $0.contains("@funds") } == ["cell.unparseable@funds"], "no funds.no-budget beside it")
    #expect(budget.funds?.verified == false)

    let rate = try score(
      projectJSON(indicator, funds: #"{"annualBudget": "100", "executed": "50", "weight": 10, "claimedRate": "5O%"}"#))
    #expect(keys(rate).filter { $0.contains("@funds") } == ["cell.unparseable@funds"])
    #expect(rate.funds?.verified == true)

    let sources = try score(
      projectJSON(
        indicator,
        funds:
          #"{"annualBudget": "100", "executed": "50", "weight": 10, "sources": [{"name": "财政拨款", "annualBudget": "1 00", "executed": "50"}, {"name": "其他", "annualBudget": "0", "executed": "0"}]}"#
      ))
    #expect(!keys(sources).contains("funds.sources-mismatch@funds"), "an unreadable source cell is not read as 0")
    let finding = try #require(sources.findings.first { $0.code == .cellUnparseable })
    #expect(finding.message.hasPrefix("资金来源“财政拨款”的全年预算数“1 00”"), "\(finding.message)")
  }

  @Test func anUnreadableClaimedTotalIsNotCompared() throws {
    let result = try score(
      projectJSON(
        #"{"name": "次数", "weight": 100, "target": ">=5次", "actual": "1次", "claimedScore": 100}"#, extra: #""claimedTotal": "1OO""#
      ))
    #expect(result.claimedTotal == nil && result.claimedGrade == nil)
    #expect(keys(result).contains("cell.unparseable"))
    #expect(!keys(result).contains("total.over-claimed") && !keys(result).contains("total.arithmetic"))
  }

  /// Weights of 1e17 and more used to print as `null`; 1e30 left an indicator unverified in silence.
  @Test func hugeNumbersAreOutOfRangeAndNoFigurePrintsNull() throws {
    let literals = [
      "1e17", "1e30", "9e15", "1e400", "\"1e17\"", "123456789012345678901", "\"100000000000000000\"", "1000000000001",
    ]
    for literal in literals {
      let json = projectJSON(
        #"{"name": "次数", "weight": \#(literal), "target": ">=5次", "actual": "5次", "claimedScore": \#(literal.hasPrefix("\"") ? "10" : literal)}"#,
        #"{"name": "天数", "weight": 90, "target": ">=5天", "actual": "5天", "claimedScore": 90}"#,
        funds: #"{"annualBudget": \#(literal), "executed": "5", "weight": 10, "claimedScore": 10}"#,
        extra: #""claimedTotal": \#(literal)"#)
      let result = try score(json)
      let codes = keys(result)
      #expect(codes.contains("number.out-of-range@1") || codes.contains("cell.unparseable@1"), "\(literal): \(codes)")
      #expect(codes.contains("number.out-of-range@funds") || codes.contains("cell.unparseable@funds"), "\(literal): \(codes)")
      guard case .object(let output) = try JSONParser.parse(Array(ResultJSON.encode(result).utf8)) else {
        Issue.record("the result is a JSON object")
        continue
      }
      for key in ["recomputedTotal", "unverifiedPoints"] { #expect(output[key] != .null, "\(literal): \(key)") }
      guard case .array(let items) = output["indicators"], case .object(let funds) = output["funds"] else { continue }
      #expect(funds["score"] != .null, "\(literal): the funds item keeps its claim")
      for case .object(let item) in items {
        #expect(item["score"] != .null)
        // A weight is null only where the cell was refused, with its finding.
        if item["weight"] == .null { #expect(item["index"] == .number("1")) }
      }
    }
    // At the limit every figure still prints: a weight and claim of 10^12 on the largest table.
    let indicator = #"{"name": "次数", "weight": 1000000000000, "target": ">=5次", "actual": "4次", "claimedScore": 1000000000000}"#
    let big = try score(
      "{\"name\": \"大表\", \"claimedTotal\": 1000000000000, \"indicators\": ["
        + Array(repeating: indicator, count: Limits.maximumIndicators).joined(separator: ",") + "]}")
    #expect(!keys(big).contains { $0.hasPrefix("number.out-of-range") })
    #expect(big.recomputedTotal == Hundredths(hundredths: 80_000_000_000_000 * Int64(Limits.maximumIndicators)))
    guard case .object(let output) = try JSONParser.parse(Array(ResultJSON.encode(big).utf8)) else {
      Issue.record("the result is a JSON object")
      return
    }
    for key in ["claimedTotal", "recomputedTotal", "unverifiedPoints", "weightsOffScale"] {
      #expect(output[key] != nil && output[key] != .null, "\(key)")
    }
    // Its weights add up to far more than 100: its total is not compared with the claim (docs/rules.md).
    #expect(output["overClaimed"] == .null)
  }

  @Test func theLimitKeepsEveryTableFigureRepresentable() {
    let items = Int64(Limits.maximumIndicators + 1)
    let (largestTotal, overflow) = items.multipliedReportingOverflow(by: Int64(Limits.maximumMagnitude) * 100)
    #expect(!overflow && largestTotal <= Int64.max / 2, "a total and a difference of two totals fit in hundredths")
  }

  // MARK: Sums that cannot be held exactly

  /// Each sum once dropped the addend it could not hold (`(try? sum + weight) ?? sum`).
  @Test func aSumThatCannotBeHeldIsAFindingNotADroppedAddend() throws {
    let tiny = "0.0000000000000000000000000001"
    let large = "999999999999.3"
    let weights = try score(
      projectJSON(
        #"{"name": "甲", "weight": "\#(tiny)", "target": ">=5次", "actual": "5次"}"#,
        #"{"name": "乙", "weight": "\#(large)", "target": ">=5次", "actual": "5次"}"#))
    #expect(keys(weights).contains("number.out-of-range") && !keys(weights).contains("weights.sum"), "\(keys(weights))")

    let gap = try score(
      projectJSON(
        #"{"name": "甲", "weight": 10, "target": ">=5次", "actual": "5次", "claimedScore": "\#(tiny)"}"#,
        #"{"name": "乙", "weight": 80, "target": ">=5次", "actual": "5次", "claimedScore": "\#(large)"}"#,
        funds: #"{"annualBudget": "100", "executed": "10", "weight": 10}"#))
    #expect(
      gap.findings.contains { $0.code == .numberOutOfRange && $0.message.contains("钱没花出去") }, "\(gap.findings.map(\.message))")

    let totals = try score(
      projectJSON(
        #"{"name": "甲", "weight": 10, "target": ">=5次", "actual": "5次", "claimedScore": "\#(tiny)"}"#,
        #"{"name": "乙", "weight": 90, "target": ">=5次", "actual": "5次", "claimedScore": "\#(large)"}"#,
        extra: #""claimedTotal": 100"#))
    #expect(totals.findings.contains { $0.code == .numberOutOfRange && $0.message.contains("总分算术") })

    let sources = try score(
      projectJSON(
        #"{"name": "甲", "weight": 90, "target": ">=5次", "actual": "5次"}"#,
        funds:
          #"{"annualBudget": "100", "executed": "100", "weight": 10, "sources": [{"annualBudget": "\#(tiny)"}, {"annualBudget": "\#(large)"}]}"#
      ))
    #expect(
      sources.findings.contains { $0.code == .numberOutOfRange && $0.location == .funds }, "\(sources.findings.map(\.message))")
    #expect(!keys(sources).contains("funds.sources-mismatch@funds"))

    // Inside a rule and the budget execution: the item is unverified, with the same code.
    let rule = try score(
      projectJSON(
        #"{"name": "甲", "weight": 10, "target": ">=\#(tiny)次", "actual": "99999999999999999次", "claimedScore": 10}"#,
        funds: #"{"annualBudget": "\#(tiny)", "executed": "\#(large)", "weight": 10, "claimedScore": 10}"#))
    #expect(itemKeys(rule) == ["number.out-of-range@funds", "number.out-of-range@1"].sorted(), "\(keys(rule))")
    #expect(!rule.indicators[0].verified && rule.funds?.verified == false && rule.unverifiedPoints == "20.00")

    let review = try table(
      projectJSON(
        #"{"name": "甲", "weight": "\#(tiny)", "target": "有效"}"#, #"{"name": "乙", "weight": "\#(large)", "target": ">=5次"}"#))
    let reviewed = Scorer(profile: defaultProfile, mode: .reviewTargets).score(review)
    #expect(reviewed.findings.contains { $0.code == .numberOutOfRange && $0.message.contains("定性目标占比") })
  }

  /// The suffixes the plain number reader compares as constants are each kind's `fastSuffix`, and nothing else.
  @Test func fastSuffixConstantsAreTheSuffixes() {
    for kind in [NumberKind.points, .amount, .rate, .decimal] {
      for suffix in ["分", "万元", "%", "元", "", "分分", "亿元"] {
        var bytes = suffix
        let isSuffix = bytes.withUTF8 { PrintedNumber.isFastSuffix($0, of: kind) }
        let expected = PrintedNumber.suffixes(of: kind).first.map { $0.0 == suffix } ?? false
        #expect(isSuffix == expected, "\(suffix) \(kind)")
        // The printed number ends in the suffix, byte for byte.
        var printed = "12" + suffix
        let endsInIt =
          PrintedNumber.suffixes(of: kind).first.map { Array(printed.utf8).reversed().starts(with: Array($0.0.utf8).reversed()) }
          ?? false
        #expect(printed.withUTF8 { PrintedNumber.hasFastSuffix($0, of: kind) } == endsInIt, "12\(suffix) \(kind)")
      }
    }
  }

  /// A plain decimal's value (`Rational(decimalText:)`, which the byte readers share) against the arithmetic
  /// definition: its digits over the power of ten of its decimals, reduced by `Rational(_:over:)`.
  @Test func aDecimalIsItsDigitsOverItsPowerOfTen() throws {
    var generator = SplitMix(seed: 47)
    let alphabet = Array("0000123456789.")
    for _ in 0..<20_000 {
      let sign = ["", "-", "+"][Int(generator.next() % 3)]
      let length = 1 + Int(generator.next() % 22)
      let body = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
      let text = sign + body
      let parts = body.split(separator: ".", omittingEmptySubsequences: false)
      let digits = parts.joined()
      let decimals = parts.count == 2 ? parts[1].count : 0
      let significant = digits.drop { $0 == "0" }.count
      let expected: Rational? =
        parts.count > 2 || digits.isEmpty || significant > 18 || decimals > 30
        ? nil : try Rational(Int128(digits)! * (sign == "-" ? -1 : 1), over: Rational.powerOfTen(decimals))
      #expect(Rational(decimalText: Substring(text)) == expected, "\(text)")
    }
  }

  /// A significand holds at most 18 significant digits, leading zeros aside, and 30 decimals
  /// (`DecimalAccumulator.take`, which checks the significand against 10^18).
  @Test func aDecimalHoldsEighteenSignificantDigits() {
    let eighteen = String(repeating: "9", count: 18)
    let accepted = [
      eighteen, "000000" + eighteen, "0." + eighteen, "1" + String(repeating: "0", count: 17),
      "0." + String(repeating: "0", count: 29) + "1",
    ]
    let refused = [
      "1" + eighteen, "00" + eighteen + "0", "1" + String(repeating: "0", count: 18),
      "0." + String(repeating: "0", count: 30) + "1",
    ]
    for text in accepted { #expect(Rational(decimalText: Substring(text)) != nil, "\(text)") }
    for text in refused { #expect(Rational(decimalText: Substring(text)) == nil, "\(text)") }
    #expect(UInt64(Rational.powerOfTen(Rational.maximumSignificantDigits)) == DecimalAccumulator.significandLimit)
  }

  /// `jsonDecimal`, the one-pass reading of a JSON number literal, is `read(jsonNumber:as:)` of its text whenever
  /// it reads one, for every kind (a rate is a percent); it reads every plain literal within the limit.
  @Test func jsonDecimalsAreTheirLiteralsReadings() {
    var generator = SplitMix(seed: 1231)
    var literals = [
      "0", "-0", "10", "-0.5", "100", "2024", "1e3", "1E-2", "1000000000000", "1000000000001", "-1000000000000", "0.000",
    ]
    for _ in 0..<5_000 {
      let digits = String((0..<(1 + Int(generator.next() % 20))).map { _ in "0123456789".randomElement(using: &generator)! })
      let integer = digits.first == "0" && digits.count > 1 ? "0" : digits
      let fraction = generator.next() % 2 == 0 ? "" : "." + String(digits.reversed())
      let exponent = generator.next() % 8 == 0 ? "e" + String(Int(generator.next() % 7) - 3) : ""
      literals.append((generator.next() % 4 == 0 ? "-" : "") + integer + fraction + exponent)
    }
    var read = 0
    for literal in literals {
      for kind in [NumberKind.points, .amount, .rate, .decimal] {
        var bytes = literal
        let fast = bytes.withUTF8 { PrintedNumber.jsonDecimal($0, as: kind) }
        let reading = PrintedNumber.read(jsonNumber: literal, as: kind)
        if let fast {
          #expect(reading == .value(fast), "\(literal) \(kind)")
          read += 1
        } else if !literal.contains(where: { $0 == "e" || $0 == "E" }), literal.filter(\.isNumber).count <= 12 {
          Issue.record("\(literal) is a plain literal within the limit, not read in one pass")
        }
        #expect(bytes.withUTF8 { PrintedNumber.read(jsonNumber: $0, as: kind) } == reading, "\(literal) \(kind)")
      }
    }
    #expect(read > 5_000)
  }

  /// The 64-bit reduction of a plain decimal (`DecimalAccumulator.value`) against its definition
  /// (`definitionValue`, reduced by `Rational(significand:scale:)`), with and without a percent's two extra
  /// places, on random digits: leading and trailing zeros, 18 significant digits, up to 29 decimals.
  @Test func aDecimalReducedInSixtyFourBitsIsItsDefinition() {
    var generator = SplitMix(seed: 1919)
    let alphabet = Array("00001234556789.")
    var compared = 0
    for round in 0..<20_000 {
      let length = 1 + Int(generator.next() % (round % 2 == 0 ? 8 : 32))
      let body = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
      var decimal = DecimalAccumulator()
      guard body.utf8.allSatisfy({ decimal.take($0) }) else { continue }
      for negative in [false, true] {
        for extraScale in [0, 2] {
          #expect(
            decimal.value(negative: negative, extraScale: extraScale)
              == decimal.definitionValue(negative: negative, extraScale: extraScale),
            "\(negative ? "-" : "")\(body) +\(extraScale)")
        }
      }
      compared += 1
    }
    #expect(compared > 5_000)
  }

  /// `plainDecimal` tells a whole number with two zero decimals at once (`wholeWithZeroCents`): every text of one
  /// or two digits, a point and two digits (and the shapes around it), with and without the kind's suffix, reads
  /// as the decimal it prints.
  @Test func wholeNumbersWithZeroCentsAreTheirDecimals() {
    var texts: [String] = []
    for whole in 0..<100 {
      for cents in ["00", "01", "10", "50", "0", "000"] {
        texts.append("\(whole).\(cents)")
        if whole < 10 { texts.append("0\(whole).\(cents)") }
      }
    }
    texts += ["100.00", ".00", "1.", "1.0", "a.00", "1a.00", "1.00a", "-1.00", "1,0.00", "1.0.0"]
    for text in texts {
      for (kind, suffix) in [(NumberKind.decimal, "%"), (.rate, "%"), (.amount, "万元"), (.points, "分")] {
        for printed in [text, text + suffix] {
          var decimal = DecimalAccumulator()
          let number = printed.hasSuffix(suffix) && kind != .decimal ? String(printed.dropLast(suffix.count)) : printed
          let isDecimal = !number.isEmpty && number.utf8.allSatisfy { decimal.take($0) } && decimal.hasDigits
          let expected = isDecimal ? decimal.definitionValue(negative: false, extraScale: kind == .rate ? 2 : 0) : nil
          #expect(PrintedNumber.plainDecimal(printed, as: kind) == expected, "\(printed) \(kind)")
        }
      }
    }
  }

  /// `plainDecimal` reads a short figure, whole or with two decimals, by its digits (`shortFigure`): against its
  /// definition, `plainDecimalByAccumulator`, on random figures of one to twelve digits before the point and the
  /// shapes around them (one or three decimals, a bare point, signs, separators, spaces, full-width digits), with
  /// each kind's suffix and others.
  @Test func shortFiguresAreTheirDecimals() {
    var generator = SplitMix(seed: 1730)
    var texts = [
      "0", "0.00", "0.01", "0.50", "00.25", "100", "9999999999", "99999999999", "9999999999.99", "0000000000.99",
      "99999999999.99", "10000000000.00", "999999999999.99", "1000000000000.00", "1.2", "1.234", ".25", "1.", "-1.25",
      "+1.25", "1.2.5", "1,730.79", "1730.79 ", " 1730.79", "1730.7９", "１730.79", "1730,79", "1730.7a", "a1730.79",
      "", ".", "..00",
    ]
    for _ in 0..<20_000 {
      let digits = String((0..<(1 + Int(generator.next() % 12))).map { _ in "0123456789".randomElement(using: &generator)! })
      let decimals = String(
        (0..<[2, 2, 2, 0, 1, 3][Int(generator.next() % 6)]).map { _ in "0123456789".randomElement(using: &generator)! })
      texts.append(digits + (decimals.isEmpty && generator.next() % 2 == 0 ? "" : ".") + decimals)
    }
    let suffixes = ["", "分", "万元", "%", "元", " 分", "分分", "万", "\u{5206}x"]
    var fast = (whole: 0, cents: 0)
    for text in texts {
      for kind in [NumberKind.points, .amount, .rate, .decimal] {
        for suffix in suffixes {
          let bytes = Array((text + suffix).utf8)
          let (expected, figure) = bytes.withUnsafeBufferPointer {
            (PrintedNumber.plainDecimalByAccumulator($0, as: kind), PrintedNumber.shortFigure($0, as: kind))
          }
          #expect(PrintedNumber.plainDecimal(text + suffix, as: kind) == expected, "\(text)\(suffix) \(kind)")
          if figure?.hasCents == true { fast.cents += 1 } else if figure != nil { fast.whole += 1 }
        }
      }
    }
    // Both shapes are read by the fast path, many times.
    #expect(fast.whole > 5_000 && fast.cents > 20_000)
  }

  /// `plainDecimal` (which tells a number within the limit from its digits) against the reading it stands for:
  /// the decimal's value, refused out of range, a percent for a rate; around the limit and with suffixes.
  @Test func plainDecimalsAreTheirValuesInRange() {
    var generator = SplitMix(seed: 2019)
    var texts = ["999999999999.99", "1000000000000", "1000000000000.0", "1000000000000.01", "1000000000001", "0.00", "0.005"]
    for _ in 0..<5_000 {
      let digits = String((0..<(1 + Int(generator.next() % 16))).map { _ in "0123456789".randomElement(using: &generator)! })
      let point = Int(generator.next() % UInt64(digits.count + 1))
      texts.append(String(digits.prefix(point)) + (generator.next() % 3 == 0 ? "" : ".") + String(digits.dropFirst(point)))
    }
    for text in texts {
      var decimal = DecimalAccumulator()
      guard text.utf8.allSatisfy({ decimal.take($0) }) else { continue }
      for (kind, suffix) in [(NumberKind.decimal, "%"), (.rate, "%"), (.amount, "万元"), (.points, "分")] {
        let value = decimal.definitionValue(negative: false)
        let expected =
          value.map { PrintedNumber.isInRange($0) } ?? false
          ? (kind == .rate ? decimal.definitionValue(negative: false, extraScale: 2) : value) : nil
        #expect(PrintedNumber.plainDecimal(text, as: kind) == expected, "\(text) \(kind)")
        #expect(PrintedNumber.plainDecimal(text + suffix, as: kind) == (kind == .decimal ? nil : expected), "\(text)\(suffix)")
      }
    }
  }
}
