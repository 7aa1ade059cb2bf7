import Testing

@testable import Jixiao

/// `Unit.relation(ofActual:)` reads plain units on bytes; its definition is `relationByCharacters`.
@Suite struct UnitRelationTests {
  /// Money at every scale with and without suffixes, other units, none, and units the byte reading leaves to
  /// the definition: a combining mark after a money prefix (not a prefix of characters), canonically
  /// equivalent spellings, other scripts.
  static let units = [
    "", "%", "元", "万元", "千元", "亿元", "亿元/家", "万元/家", "元/家", "元/人", "万元/年", "万元/人", "人次", "万人次", "辆", "千米",
    "亿人次", "元\u{301}", "万元\u{301}", "万元/家\u{301}", "万\u{301}元", "é", "e\u{301}", "万元/é", "万元/e\u{301}", "元 ", "元\u{3000}",
    "元元", "万", "亿", "元/", "km", "元km", "万元%", "€",
  ].map { Unit(plain: $0) }

  @Test func theRelationOfEveryPairIsItsDefinition() {
    var converted = 0
    for target in Self.units {
      for actual in Self.units {
        let relation = target.relation(ofActual: actual)
        #expect(relation == target.relationByCharacters(ofActual: actual), "\(target) ← \(actual)")
        if case .converted = relation { converted += 1 }
      }
    }
    #expect(converted > 20)
  }

  /// A money prefix followed by a combining mark is not money by characters: the bytes must not say it is.
  @Test func aMarkAfterAMoneyPrefixIsNoMoney() {
    #expect(Unit(plain: "元\u{301}").relation(ofActual: Unit(plain: "万元")) == .incompatible)
    let perTenThousand = try! Rational(1, over: 10_000)
    #expect(Unit(plain: "万元/e\u{301}").relation(ofActual: Unit(plain: "元/é")) == .converted(factor: perTenThousand))
  }
}
