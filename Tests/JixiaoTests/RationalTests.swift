import Foundation
import Testing

@testable import Jixiao

@Suite struct RationalTests {
  /// The hand-written formatting agrees with plain arithmetic on every sign and width.
  @Test func hundredthsAreWrittenWithTwoPlaces() {
    var generator = SplitMix(seed: 5)
    var values: [Int64] = [0, 1, -1, 5, -5, 99, -99, 100, -100, 12_345, Int64.max, Int64.min + 1]
    for _ in 0..<2_000 { values.append(Int64(bitPattern: generator.next()) >> Int64(generator.next() % 60)) }
    for value in values {
      let magnitude = value.magnitude
      let fraction = magnitude % 100
      let expected = (value < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
      #expect(Hundredths(hundredths: value).description == expected)
      #expect(Hundredths(hundredths: value).rational.pointsText == expected)
    }
  }

  @Test(arguments: [
    ("4.815", "4.82"), ("4.814", "4.81"), ("2.675", "2.68"), ("0.005", "0.01"), ("-4.815", "-4.82"),
    ("18.181818", "18.18"), ("0", "0.00"), ("99.995", "100.00"),
  ])
  func roundsHalfUpToTwoPlaces(input: String, expected: String) throws {
    let value = try #require(Rational(decimalText: Substring(input)))
    #expect(try value.rounded().description == expected)
  }

  @Test func divisionIsExactUntilRounded() throws {
    // 20 × 1 / 1.1 = 18.1818…: one fraction, rounded once.
    let score = try Rational(20) * (Rational.one / #require(Rational(decimalText: "1.1")))
    #expect(score == (try Rational(200, over: 11)))
    #expect(try score.rounded() == "18.18")
  }

  @Test func parsesPlainDecimalsOnly() {
    #expect(Rational(decimalText: "1,000") == nil)
    #expect(Rational(decimalText: "1.2.3") == nil)
    #expect(Rational(decimalText: "") == nil)
    #expect(Rational(decimalText: "-") == nil)
    #expect(Rational(decimalText: ".25") == (try? Rational(1, over: 4)))
    #expect(Rational(decimalText: "1234567890123456789") == nil, "19 significant digits are refused")
  }

  @Test func overflowThrowsInsteadOfTrapping() throws {
    let huge = try #require(Rational(decimalText: "999999999999999999"))
    #expect(throws: ArithmeticOverflow.self) {
      try huge * huge * huge
    }
  }

  /// Products and quotients come out reduced, with a positive denominator, and equal to the
  /// fraction reduced from the plain cross products.
  @Test func productsAndQuotientsAreReduced() throws {
    var generator = SplitMix(seed: 47)
    func draw() throws -> Rational {
      // One draw in ten is zero, whose only form is 0/1.
      guard Int.random(in: 0..<10, using: &generator) > 0 else { return .zero }
      let numerator = Int128(Int.random(in: -5_000...5_000, using: &generator))
      return try Rational(numerator, over: Int128(Int.random(in: 1...720, using: &generator)))
    }
    func gcd(_ a: Int128, _ b: Int128) -> Int128 { b == 0 ? abs(a) : gcd(b, a % b) }
    for _ in 0..<5_000 {
      let (a, b) = (try draw(), try draw())
      let product = try a * b
      #expect(product == (try Rational(a.numerator * b.numerator, over: a.denominator * b.denominator)))
      #expect(product.denominator > 0 && gcd(product.numerator, product.denominator) == 1, "\(a) × \(b)")
      guard !b.isZero else { continue }
      let quotient = try a / b
      #expect(quotient == (try Rational(a.numerator * b.denominator, over: a.denominator * b.numerator)))
      #expect(quotient.denominator > 0 && gcd(quotient.numerator, quotient.denominator) == 1, "\(a) ÷ \(b)")
    }
  }

  /// The exact type against Foundation's `Decimal` on generated values: a × b / c rounded half up.
  @Test func agreesWithFoundationDecimal() throws {
    var generator = SplitMix(seed: 42)
    for _ in 0..<2_000 {
      let a = generator.decimalText(maxInteger: 100, places: 2)
      let b = generator.decimalText(maxInteger: 100_000, places: 3)
      let c = generator.decimalText(maxInteger: 100_000, places: 3)
      guard let c0 = Rational(decimalText: Substring(c)), !c0.isZero else { continue }
      let exact = try (try #require(Rational(decimalText: Substring(a))) * #require(Rational(decimalText: Substring(b)))) / c0
      let mine = try exact.rounded().description

      var product = Decimal(string: a)! * Decimal(string: b)! / Decimal(string: c)!
      var rounded = Decimal()
      NSDecimalRound(&rounded, &product, 2, .plain)
      let theirs = String(format: "%.2f", NSDecimalNumber(decimal: rounded).doubleValue)
      #expect(mine == theirs, "\(a) × \(b) / \(c)")
    }
  }
}

/// A small deterministic generator for property tests (no packages).
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func decimalText(maxInteger: Int, places: Int) -> String {
    let integer = Int.random(in: 0...maxInteger, using: &self)
    guard places > 0 else { return "\(integer)" }
    let fraction = Int.random(in: 0..<Int(pow(10, Double(places))), using: &self)
    let digits = String(fraction)
    return "\(integer)." + String(repeating: "0", count: places - digits.count) + digits
  }
}
