import Testing

@testable import Jixiao

/// `Rational`'s 64-bit paths (an integer taken without a gcd, products of operands that fit in 64 bits
/// in one machine multiplication, comparison by those products) against the general arithmetic, written
/// here with 128-bit checked operations only, on random values with many near the 64- and 128-bit limits.
@Suite struct RationalFastPathTests {
  /// The general arithmetic, as `Rational` defines it; nil where it throws.
  enum General {
    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
      var (a, b) = (a, b)
      while b != 0 { (a, b) = (b, a % b) }
      return a == 0 ? 1 : a
    }

    static func reduced(_ numerator: Int128, _ denominator: Int128) -> (Int128, Int128)? {
      guard numerator != .min, denominator != .min else { return nil }
      let divisor = Int128(gcd(numerator.magnitude, denominator.magnitude))
      let (n, d) = (numerator / divisor, denominator / divisor)
      return d < 0 ? (-n, -d) : (n, d)
    }

    static func product(_ a: Int128, _ b: Int128) -> Int128? {
      let (value, overflow) = a.multipliedReportingOverflow(by: b)
      return overflow ? nil : value
    }

    static func sum(_ a: Rational, _ b: Rational) -> (Int128, Int128)? {
      if a.denominator == b.denominator {
        let (value, overflow) = a.numerator.addingReportingOverflow(b.numerator)
        return overflow ? nil : reduced(value, a.denominator)
      }
      guard let left = product(a.numerator, b.denominator), let right = product(b.numerator, a.denominator),
        let denominator = product(a.denominator, b.denominator)
      else { return nil }
      let (value, overflow) = left.addingReportingOverflow(right)
      return overflow ? nil : reduced(value, denominator)
    }

    static func times(_ a: Rational, _ b: Rational) -> (Int128, Int128)? {
      guard let (an, bd) = reduced(a.numerator, b.denominator), let (bn, ad) = reduced(b.numerator, a.denominator),
        let numerator = product(an, bn), let denominator = product(bd, ad), numerator != .min
      else { return nil }
      return (numerator, denominator)
    }

    static func less(_ a: Rational, _ b: Rational) -> Bool {
      let left = a.numerator.multipliedFullWidth(by: b.denominator)
      let right = b.numerator.multipliedFullWidth(by: a.denominator)
      return (left.high, left.low) < (right.high, right.low)
    }

    /// `roundedHalfUp(scaledBy:)` on 128 bits.
    static func hundredths(_ a: Rational, scaledBy scale: Int128) -> Int64? {
      guard let scaled = product(a.numerator, scale) else { return nil }
      var quotient = scaled / a.denominator
      if (scaled % a.denominator).magnitude * 2 >= a.denominator.magnitude { quotient += a.numerator < 0 ? -1 : 1 }
      return Int64(exactly: quotient)
    }
  }

  /// Magnitudes from every range the paths tell apart: small, printed amounts, both sides of 2^63 and
  /// 2^64, the 128-bit products' edge (about 2^63.5 squared) and `Int128`'s own limits.
  static func draw(_ generator: inout SplitMix, denominator: Bool) -> Int128 {
    let bits = generator.next()
    let value: Int128
    switch generator.next() % 9 {
    case 0: value = Int128(bits % 1_000)
    case 1: value = Rational.powerOfTen(Int(bits % 31))
    case 2: value = Int128(Int64.max) - Int128(bits % 4)
    case 3: value = Int128(Int64.max) + 1 + Int128(bits % 4)
    case 4: value = Int128(UInt64.max) - Int128(bits % 4) + Int128(bits >> 62)
    case 5: value = Int128(bits) | (Int128(generator.next() % 4) << 64)
    case 6: value = Int128.max - Int128(bits % 8)
    case 7: value = Int128(bits)
    default: value = Int128(bits % 100_000_000) * Rational.powerOfTen(Int(generator.next() % 12))
    }
    let signed = generator.next() % 3 == 0 ? -value : value
    if denominator { return signed == 0 ? 1 : signed }
    return generator.next() % 50 == 0 ? .min : signed
  }

  static func rational(_ numerator: Int128, _ denominator: Int128) -> (Int128, Int128)? {
    guard let value = try? Rational(numerator, over: denominator) else { return nil }
    return (value.numerator, value.denominator)
  }

  static func result(_ operation: () throws(ArithmeticOverflow) -> Rational) -> (Int128, Int128)? {
    guard let value = try? operation() else { return nil }
    return (value.numerator, value.denominator)
  }

  /// A count of hundredths over 100, reduced by its twos and fives, is the general quotient.
  @Test func hundredthsAreReducedAsTheGeneralQuotient() throws {
    var generator = SplitMix(seed: 100)
    let edges: [Int64] = [0, 1, -1, 2, 4, 5, 25, 50, 100, -100, 250, 10_000, Int64.max, Int64.min, Int64.min + 1, Int64.max - 99]
    for step in 0..<20_000 {
      let value: Int64
      switch step % 4 {
      case 0: value = edges[Int(generator.next() % UInt64(edges.count))]
      case 1: value = Int64(generator.next() % 100_000) - 50_000
      case 2: value = Int64(bitPattern: generator.next()) >> (generator.next() % 64)
      default: value = Int64(generator.next() % 10_000) * [1, 2, 4, 5, 10, 20, 25, 50, 100][Int(generator.next() % 9)]
      }
      let general = try Rational(Int128(value), over: 100)
      #expect(Rational(hundredths: value) == general, "\(value)")
      #expect(Hundredths(hundredths: value).rational == general)
    }
  }

  /// The binary gcd is Euclid's (`General.gcd`).
  @Test func theBinaryGcdIsEuclids() {
    var generator = SplitMix(seed: 64)
    let edges: [UInt64] = [0, 1, 2, 3, 5, 10, 100, 10_000, 1 << 63, UInt64.max, UInt64.max - 1, UInt64(Int64.max)]
    for _ in 0..<20_000 {
      let a: UInt64
      switch generator.next() % 4 {
      case 0: a = edges[Int(generator.next() % UInt64(edges.count))]
      case 1: a = generator.next() % 1_000
      case 2: a = generator.next() >> (generator.next() % 64)
      default: a = generator.next()
      }
      // Often a multiple of `a` (the shortcut), else any value.
      let factor = generator.next() % 20
      let b =
        generator.next() % 2 == 0
        ? a.multipliedReportingOverflow(by: factor).partialValue : generator.next() >> (generator.next() % 64)
      let expected = UInt64(General.gcd(UInt128(a), UInt128(b)))
      #expect(Rational.gcd64(a, b) == expected, "gcd(\(a), \(b))")
      #expect(Rational.gcd64(b, a) == expected, "gcd(\(b), \(a))")
    }
  }

  @Test func theFastPathsComputeWhatTheGeneralArithmeticDoes() throws {
    var generator = SplitMix(seed: 2026)
    var values: [Rational] = []
    var refused = 0
    for _ in 0..<4_000 {
      let numerator = Self.draw(&generator, denominator: false)
      let denominator = generator.next() % 4 == 0 ? 1 : Self.draw(&generator, denominator: true)
      let general = General.reduced(numerator, denominator)
      let fast = Self.rational(numerator, denominator)
      #expect(fast?.0 == general?.0 && fast?.1 == general?.1, "\(numerator)/\(denominator)")
      if let fast { values.append(try Rational(fast.0, over: fast.1)) } else { refused += 1 }
    }
    var overflows = (sum: 0, product: 0)
    var fits = (sum: 0, product: 0)
    for index in values.indices {
      let (a, b) = (values[index], values[(index * 7 + 3) % values.count])
      let sum = Self.result { () throws(ArithmeticOverflow) in try a + b }
      let general = General.sum(a, b)
      #expect(sum?.0 == general?.0 && sum?.1 == general?.1, "\(a) + \(b)")
      if sum == nil { overflows.sum += 1 } else { fits.sum += 1 }
      let product = Self.result { () throws(ArithmeticOverflow) in try a * b }
      let generalProduct = General.times(a, b)
      #expect(product?.0 == generalProduct?.0 && product?.1 == generalProduct?.1, "\(a) × \(b)")
      let defined = Self.result { () throws(ArithmeticOverflow) in try Rational.multipliedByDefinition(a, b) }
      #expect(product?.0 == defined?.0 && product?.1 == defined?.1, "\(a) × \(b) by definition")
      if product == nil { overflows.product += 1 } else { fits.product += 1 }
      #expect((a < b) == General.less(a, b), "\(a) < \(b)")
      for scale: Int128 in [100, 10_000] {
        #expect(a.hundredths(scaledBy: scale)?.hundredths == General.hundredths(a, scaledBy: scale), "\(a) × \(scale)")
      }
    }
    // Every outcome is tried: refusals, overflows and exact results on both sides of the 64-bit paths.
    #expect(refused > 20 && overflows.sum > 100 && overflows.product > 100 && fits.sum > 100 && fits.product > 100)
  }

  /// `*` of figures within 64 bits (its machine-word path) is the general product and `multipliedByDefinition`'s,
  /// with signs, zeros, common factors and figures at the 64-bit edge (`Int64.min`, which the path leaves to
  /// the definition, among them).
  @Test func productsWithin64BitsAreTheGeneralProducts() throws {
    var generator = SplitMix(seed: 1964)
    var figures: [Int64] = []
    for _ in 0..<8_000 {
      switch generator.next() % 5 {
      case 0: figures.append(Int64(generator.next() % 1_000))
      case 1: figures.append(Int64(generator.next() % 1_000_000_000) * [1, 2, 5, 10, 100][Int(generator.next() % 5)])
      case 2: figures.append(Int64.max - Int64(generator.next() % 4))
      case 3: figures.append(Int64.min + Int64(generator.next() % 2))
      default: figures.append(Int64(bitPattern: generator.next()) >> (generator.next() % 64))
      }
    }
    var compared = 0
    for index in stride(from: 0, to: figures.count - 3, by: 4) {
      guard let a = try? Rational(Int128(figures[index]), over: Int128(figures[index + 1] == 0 ? 1 : figures[index + 1])),
        let b = try? Rational(Int128(figures[index + 2]), over: Int128(figures[index + 3] == 0 ? 1 : figures[index + 3]))
      else { continue }
      let product = Self.result { () throws(ArithmeticOverflow) in try a * b }
      let general = General.times(a, b)
      let defined = Self.result { () throws(ArithmeticOverflow) in try Rational.multipliedByDefinition(a, b) }
      #expect(product?.0 == general?.0 && product?.1 == general?.1, "\(a) × \(b)")
      #expect(product?.0 == defined?.0 && product?.1 == defined?.1, "\(a) × \(b) by definition")
      // An integer side (a denominator of 1, whose gcd the path skips), on either side.
      let integer = Rational(reduced: Int128(figures[index]), 1)
      for (left, right) in [(integer, b), (b, integer), (integer, a), (a, integer)] {
        let product = Self.result { () throws(ArithmeticOverflow) in try left * right }
        let general = General.times(left, right)
        #expect(product?.0 == general?.0 && product?.1 == general?.1, "\(left) × \(right)")
      }
      // Comparison by the products of the same figures.
      #expect((a < b) == General.less(a, b) && (b < a) == General.less(b, a), "\(a) < \(b)")
      #expect((a < b) == Rational.isLessByWideProducts(a, b) && (integer < a) == Rational.isLessByWideProducts(integer, a))
      compared += 1
    }
    #expect(compared > 1_900)
  }

  /// `hundredths(scaledBy:)`'s 64-bit path is `hundredthsByDefinition` (and the 128-bit rounding written
  /// here): values within 64 bits over small and large denominators, halves of both signs, products at
  /// and one step past `Int64`'s limits (`Int64.min` among them), and scales past 64 bits.
  @Test func roundingWithin64BitsIsTheDefinition() throws {
    var generator = SplitMix(seed: 19)
    var values: [Rational] = []
    for numerator: Int64 in [0, 1, -1, 5, -5, 15, -15, 25, -25, 49, -49, 50, -50, 51, -51, 1_000_000_007] {
      for denominator: Int64 in [1, 2, 3, 4, 6, 7, 8, 200, 400, 1_000, 30_000, 20_001] {
        values.append(try Rational(Int128(numerator), over: Int128(denominator)))
      }
    }
    for _ in 0..<4_000 {
      let numerator: Int64
      switch generator.next() % 4 {
      case 0: numerator = Int64(generator.next() % 2_000_000) - 1_000_000
      case 1: numerator = (Int64.max / 10_000) + Int64(generator.next() % 5) - 2
      case 2: numerator = (Int64.min / 10_000) + Int64(generator.next() % 5) - 2
      default: numerator = Int64(bitPattern: generator.next()) >> (generator.next() % 64)
      }
      let denominator = Int64(
        generator.next() % 3 == 0 ? generator.next() % 1_000 : generator.next() >> (generator.next() % 64 + 1))
      values.append(try Rational(Int128(numerator), over: Int128(Swift.max(denominator, 1))))
    }
    values.append(try Rational(Int128(Int64.min), over: 1))
    values.append(try Rational(Int128(Int64.min) / 100, over: 1))
    var rounded = 0
    for value in values {
      for scale: Int128 in [1, 100, 10_000, Int128(Int64.max), Int128(Int64.max) + 1] {
        let fast = value.hundredths(scaledBy: scale)?.hundredths
        #expect(fast == value.hundredthsByDefinition(scaledBy: scale)?.hundredths, "\(value) × \(scale)")
        #expect(fast == General.hundredths(value, scaledBy: scale), "\(value) × \(scale) on 128 bits")
        if fast != nil { rounded += 1 }
      }
    }
    // Both outcomes are tried: a rounded count and one that does not fit.
    #expect(rounded > 5_000 && rounded < values.count * 5)
  }

  /// A decimal `significand × 10^-scale` is reduced as `init(_:over:)` reduces it, whatever factors of 2
  /// and 5 the significand has.
  @Test func aDecimalIsReducedAsTheGeneralQuotient() throws {
    var generator = SplitMix(seed: 10)
    var significands: [Int128] = [0, 1, -1, 5, -5, 125, 1_024, Int128(Int64.max), Int128(Int64.min), Int128(Int64.min) + 1]
    for _ in 0..<3_000 {
      let base = Int128(generator.next() % 1_000_000)
      let factor = Rational.powerOfTen(Int(generator.next() % 19)) * (generator.next() % 2 == 0 ? 1 : 4)
      let value = Self.draw(&generator, denominator: false)
      significands.append(generator.next() % 3 == 0 ? value : (generator.next() % 2 == 0 ? base * factor : -base * factor))
    }
    for significand in significands {
      for scale in [0, 1, 2, 3, 4, 6, 12, 18, 19, 30] {
        let general = General.reduced(significand, Rational.powerOfTen(scale))
        let fast = try? Rational(significand: significand, scale: scale)
        #expect(fast?.numerator == general?.0 && fast?.denominator == general?.1, "\(significand) × 10^-\(scale)")
      }
    }
  }

  /// The edges exactly: products at ±2^126 and one step past `Int128`, an integer `Int128.min`.
  @Test func theLimitsAreKept() throws {
    let big = Int128(Int64.min)
    #expect(try Rational(big, over: 1) * Rational(big, over: 1) == Rational(big * big, over: 1))
    #expect(try Rational(Int128(Int64.max), over: 1) * Rational(big, over: 1) == Rational(Int128(Int64.max) * big, over: 1))
    #expect(throws: ArithmeticOverflow.self) { try Rational(.min, over: 1) }
    #expect(throws: ArithmeticOverflow.self) { try Rational(.max, over: 1) * Rational(2) }
    #expect(throws: ArithmeticOverflow.self) { try Rational(.max, over: 1) + Rational(1) }
    #expect(try Rational(.max, over: 1) + Rational(-1) == Rational(.max - 1, over: 1))
    #expect(try Rational(Int128(Int64.min), over: 3) < Rational(Int128(Int64.max), over: 7))
  }
}
