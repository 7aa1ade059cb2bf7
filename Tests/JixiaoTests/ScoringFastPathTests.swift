import Testing

@testable import Jixiao

/// The scoring stage's fast paths against their definitions: findings put in order by counting against the
/// stable sort, sums and differences in 64-bit hundredths against the general arithmetic, the duplicate-name
/// check's prints against `firstIndex(of:)`; and the result holding its row, read and compared by value.
@Suite struct ScoringFastPathTests {
  static func location(_ generator: inout SplitMix) -> FindingLocation {
    switch generator.next() % 8 {
    case 0: return .funds
    case 1: return .table
    // Now and then a position no table has (0, negative, far past its rows): the general sort's.
    case 2 where generator.next() % 10 == 0: return .indicator(index: Int(generator.next() % 20_000) - 10, name: "甲")
    default: return .indicator(index: Int(1 + generator.next() % 30), name: "指标")
    }
  }

  @Test func findingsOrderedByCountingAreTheStableSort() {
    var generator = SplitMix(seed: 19)
    for round in 0..<600 {
      let count = Int(generator.next() % 40)
      // The detail numbers each finding, so that equal lists mean the same order of discovery.
      let findings = (0..<count).map { position in
        Finding(.duplicateIndicator(first: round * 100 + position), at: Self.location(&generator))
      }
      #expect(Scorer.ordered(findings) == Scorer.orderedBySorting(findings))
    }
  }

  static func rational(_ generator: inout SplitMix) -> Rational {
    let numerator: Int128
    switch generator.next() % 6 {
    case 0: numerator = Int128(Int64.max) - Int128(generator.next() % 1_000)
    case 1: numerator = -Int128(Int64.max / 50) - Int128(generator.next() % 1_000)
    case 2: numerator = Int128(generator.next()) << 40
    default: numerator = Int128(generator.next() % 2_000_001) - 1_000_000
    }
    let denominators: [Int128] = [1, 2, 4, 5, 10, 20, 25, 50, 100, 3, 7, 200, 1_000, 300, Int128(Int64.max) + 7]
    let denominator = denominators[Int(generator.next() % UInt64(denominators.count))]
    return (try? Rational(numerator, over: denominator)) ?? Rational(Int(generator.next() % 1_000))
  }

  @Test func aBandReadByCaseIsTheProfilesBand() throws {
    var profiles = try Profile.bundledNames().map { try Profile.load($0) }
    // Each band changed, and each removed: the bands by case are made anew with every change.
    for achievement in Achievement.allCases {
      var changed = defaultProfile
      changed.bands[achievement] = Profile.Band(lower: try Rational(1, over: 7), upper: try Rational(6, over: 7))
      profiles.append(changed)
      var removed = defaultProfile
      removed.bands[achievement] = nil
      profiles.append(removed)
    }
    for profile in profiles {
      for achievement in Achievement.allCases {
        #expect(profile.band(for: achievement) == profile.bands[achievement], "\(profile.name) \(achievement)")
      }
    }
  }

  @Test func exactHundredthsAreTheValueTimesAHundredWhenWhole() throws {
    var generator = SplitMix(seed: 7)
    var whole = 0
    for _ in 0..<5_000 {
      let value = Self.rational(&generator)
      let definition = (try? value * .hundred).flatMap { $0.isInteger ? Int64(exactly: $0.numerator) : nil }
      #expect(value.exactHundredths == definition, "\(value)")
      // Rounding such a value is taking its count.
      #expect(value.hundredths(scaledBy: 100)?.hundredths == RationalFastPathTests.General.hundredths(value, scaledBy: 100))
      if definition != nil { whole += 1 }
    }
    #expect(whole > 1_000)
  }

  @Test func sumsAndDifferencesInHundredthsAreTheGeneralOnes() {
    var generator = SplitMix(seed: 11)
    var fitted = 0
    for _ in 0..<3_000 {
      let values = (0..<Int(generator.next() % 25)).map { _ in Self.rational(&generator) }
      let fast = try? Rational.sum(values)
      let general = try? Rational.generalSum(values)
      #expect(fast == general, "\(values)")
      if fast != nil { fitted += 1 }
      let value = Self.rational(&generator)
      let hundredths = Hundredths(hundredths: Int64(bitPattern: generator.next()) >> Int(generator.next() % 64))
      let difference = try? value.subtracting(hundredths)
      #expect(difference == (try? value - hundredths.rational), "\(value) − \(hundredths)")
    }
    #expect(fitted > 1_000)
  }

  /// Two integers are divided by one reduction; the definition is the product with the reciprocal.
  @Test func aQuotientOfIntegersIsTheProductWithTheReciprocal() {
    var generator = SplitMix(seed: 13)
    var divided = 0
    for _ in 0..<5_000 {
      let (a, b) = (Self.rational(&generator), Self.rational(&generator))
      let integers = [a, b, Rational(Int(Int64(bitPattern: generator.next()) >> Int(generator.next() % 64)))]
      for dividend in integers {
        for divisor in integers where !divisor.isZero {
          let reciprocal = try? Rational(divisor.denominator, over: divisor.numerator)
          let definition = reciprocal.flatMap { try? dividend * $0 }
          #expect((try? dividend / divisor) == definition, "\(dividend) / \(divisor)")
          if dividend.isInteger, divisor.isInteger { divided += 1 }
        }
      }
    }
    #expect(divided > 5_000)
  }

  /// Names that share their length and their first and last bytes, so that prints collide and bytes decide.
  static func names(_ generator: inout SplitMix, count: Int) -> [String] {
    let middles = ["", "a", "甲", "乙", "ab", "甲乙", "乙甲", "x y", "１２"]
    let ends = [("培训", "人次"), ("abcdefgh", "ijklmnop"), ("受益群众", "满意度"), ("", "")]
    return (0..<count).map { _ in
      let (head, tail) = ends[Int(generator.next() % UInt64(ends.count))]
      return head + middles[Int(generator.next() % UInt64(middles.count))] + tail
    }
  }

  @Test func equalTextsHaveEqualPrintsWhateverTheirStorage() {
    var generator = SplitMix(seed: 3)
    let names = Self.names(&generator, count: 400)
    // The same bytes as a range of a longer record.
    let record = names.joined()
    let bytes = Array(record.utf8)
    let storage = bytes.withUnsafeBufferPointer { RecordBytes.copying($0) }
    var start = 0
    for (position, name) in names.enumerated() {
      let own = TableText(name)
      let inRecord = TableText(storage, start..<start + name.utf8.count, plain: true)
      start += name.utf8.count
      #expect(own == inRecord)
      #expect(own.print == inRecord.print, "\(name)")
      let other = TableText(names[(position * 13 + 5) % names.count])
      if own == other { #expect(own.print == other.print) }
      if own.print != other.print { #expect(own != other) }
    }
  }

  @Test func matchesByPrintsAreTheFirstEarlierEqualKey() {
    var generator = SplitMix(seed: 5)
    for _ in 0..<200 {
      let keys = Self.names(&generator, count: Int(generator.next() % 65)).map { FoldedKey(name: $0) }
      let definition = keys.indices.map { keys[..<$0].firstIndex(of: keys[$0]) }
      #expect(DuplicateIndicatorCheck.matchesByPrints(keys) == definition)
      #expect(DuplicateIndicatorCheck.hashedMatches(keys) == definition)
    }
  }

  /// Rules append their findings to the table's as they find them; an item whose arithmetic overflows takes
  /// back what its rule found before (here the rule text's mismatch and the unit conversion) and keeps only
  /// `number.out-of-range`, as when a rule returned its findings with its evaluation.
  @Test func anOverflowingItemKeepsOnlyItsOutOfRangeFinding() throws {
    let result = try score(
      projectJSON(
        #"{"level1":"产出指标","level2":"数量指标","name":"金额","weight":90,"target":">=0.000000000000000007元","actual":"999999999999999999万元","rule":"评判等级","claimedScore":90}"#
      ))
    let itemFindings = result.findings.filter { $0.location.key == "1" }
    #expect(itemFindings.map(\.code) == [FindingCode("number.out-of-range")])
    #expect(result.indicators.first?.verified == false)
  }

  /// A result reads its texts through its row, and compares and hashes by every field of it.
  @Test func anIndicatorResultIsItsRowAndItsScore() throws {
    let result = try score(
      projectJSON(
        #"{"level1":"产出指标","level2":"数量指标","name":"培训人次","weight":20,"target":">=100人次","actual":"90人次","claimedScore":20,"basis":"台账"}"#
      ))
    let item = try #require(result.indicators.first)
    #expect(item.name == "培训人次" && item.level1 == "产出指标" && item.level2 == "数量指标")
    #expect(item.target == ">=100人次" && item.actual == "90人次" && item.basis == "台账")
    #expect(item.score == Hundredths("18.00"))
    var renamed = item
    renamed.name = "培训人数"
    #expect(renamed.name == "培训人数" && renamed.indicator.name == "培训人数" && item.name == "培训人次")
    #expect(renamed != item)
    // Every field a result shows is compared and hashed, texts and figures alike.
    var reread = item
    reread.basis = "台账2"
    #expect(reread != item)
    reread.basis = "台账"
    reread.claimedCompletion = Rational(1)
    #expect(reread != item)
    var rescored = item
    rescored.score = Hundredths(hundredths: 1_799)
    #expect(rescored != item)
    // Where the row was read from is not one of them (a table's place is `TableResult.location`).
    var moved = item
    moved.indicator.location = SourceLocation(file: "other.json")
    #expect(moved == item && moved.hashValue == item.hashValue)
    var same = item
    same.name = "培训人次"
    #expect(same == item && same.hashValue == item.hashValue)
    var unnamed = item
    unnamed.name = ""
    #expect(unnamed.name.string == Indicator.unnamed)
  }
}
