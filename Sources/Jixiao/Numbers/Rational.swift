/// An exact rational number: every amount, weight, ratio and score is computed with it, so a score is
/// rounded once, at the end, and never carries a binary-floating-point error.
///
/// The numerator and denominator are kept reduced, with a positive denominator. Arithmetic that would
/// not fit in `Int128` throws `ArithmeticOverflow` instead of trapping: hostile input must never crash.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let numerator: Int128
  public let denominator: Int128

  // Made where used, not stored: a stored static is reached through a one-time initialisation check at
  // every use (every comparison of a rule with 0 or 1).
  public static var zero: Rational { Rational(reduced: 0, 1) }
  public static var one: Rational { Rational(reduced: 1, 1) }
  public static var hundred: Rational { Rational(reduced: 100, 1) }

  public init(_ integer: Int) {
    numerator = Int128(integer)
    denominator = 1
  }

  /// `numerator / denominator`, reduced. The denominator must not be 0.
  public init(_ numerator: Int128, over denominator: Int128) throws(ArithmeticOverflow) {
    precondition(denominator != 0, "a Rational's denominator is never 0")
    // An integer is reduced already (`Int128.min` is refused below: it has no negation).
    if denominator == 1, numerator != .min {
      self.numerator = numerator
      self.denominator = 1
      return
    }
    // Nearly every real amount fits in 64 bits, where division is a machine instruction.
    if let n64 = Int64(exactly: numerator), let d64 = Int64(exactly: denominator), n64 != .min, d64 != .min {
      let divisor = Int64(Self.gcd64(n64.magnitude, d64.magnitude))
      if d64 > 0 {
        self.numerator = Int128(n64 / divisor)
        self.denominator = Int128(d64 / divisor)
        return
      }
      let sign: Int64 = d64 < 0 ? -1 : 1
      self.numerator = Int128(n64 / divisor * sign)
      self.denominator = Int128(d64 / divisor * sign)
      return
    }
    guard numerator != .min, denominator != .min else { throw ArithmeticOverflow() }
    let divisor = Self.gcd(numerator.magnitude, denominator.magnitude)
    var n = numerator / Int128(divisor)
    var d = denominator / Int128(divisor)
    if d < 0 {
      n = -n
      d = -d
    }
    self.numerator = n
    self.denominator = d
  }

  /// `hundredths / 100`, reduced: the gcd of a count and 100 is 2^a × 5^b (a, b ≤ 2), found by two shifts
  /// and two divisions at most. By definition `Rational(hundredths, over: 100)` (`RationalFastPathTests`).
  init(hundredths: Int64) {
    guard hundredths != 0, hundredths != .min else {
      self = try! Rational(Int128(hundredths), over: 100)
      return
    }
    var numerator = hundredths
    var denominator: Int64 = 100
    for _ in 0..<2 where numerator & 1 == 0 {
      numerator >>= 1
      denominator >>= 1
    }
    for _ in 0..<2 where numerator % 5 == 0 {
      numerator /= 5
      denominator /= 5
    }
    self.init(reduced: Int128(numerator), Int128(denominator))
  }

  /// A fraction already in lowest terms with a positive denominator (the caller's promise: nothing checks it).
  init(reduced numerator: Int128, _ denominator: Int128) {
    self.numerator = numerator
    self.denominator = denominator
  }

  /// `significand × 10^-scale`, as a decimal literal is written.
  public init(significand: Int128, scale: Int) throws(ArithmeticOverflow) {
    guard scale >= 0, scale <= 30 else { throw ArithmeticOverflow() }
    // The gcd of a number and 10^k is 2^a × 5^b (a, b ≤ k): the twos are the trailing zero bits, the fives
    // rarely more than one division. `init(_:over:)` is the definition.
    if scale < Self.smallPowersOfTen.count, let n = Int64(exactly: significand), n != 0, n != .min {
      let twos = Swift.min(n.trailingZeroBitCount, scale)
      var reduced = n >> twos
      var fives = scale
      while fives > 0, reduced % 5 == 0 {
        reduced /= 5
        fives -= 1
      }
      self.init(reduced: Int128(reduced), Int128(Self.smallPowersOfFive[fives] << (scale - twos)))
      return
    }
    try self.init(significand, over: Self.powerOfTen(scale))
  }

  static func powerOfTen(_ exponent: Int) -> Int128 {
    if exponent < smallPowersOfTen.count { return Int128(smallPowersOfTen[exponent]) }
    var result: Int128 = 1
    for _ in 0..<exponent { result *= 10 }
    return result
  }

  /// 10^0 … 10^18: the scales of nearly every printed number.
  private static let smallPowersOfTen: [Int64] = (0...18).map { exponent in
    (0..<exponent).reduce(1) { power, _ in power * 10 }
  }

  /// 5^0 … 5^18, for the denominators of those scales.
  private static let smallPowersOfFive: [Int64] = (0...18).map { exponent in
    (0..<exponent).reduce(1) { power, _ in power * 5 }
  }

  /// Binary GCD (shifts and subtractions, no division); gcd(0, 0) is taken as 1.
  static func gcd64(_ a: UInt64, _ b: UInt64) -> UInt64 {
    if a == 0 { return b == 0 ? 1 : b }
    if b == 0 { return a }
    let shift = (a | b).trailingZeroBitCount
    var a = a >> a.trailingZeroBitCount
    var b = b
    repeat {
      b >>= b.trailingZeroBitCount
      if a > b { swap(&a, &b) }
      b -= a
    } while b != 0
    return a << shift
  }

  private static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a == 0 ? 1 : a
  }

  public var isZero: Bool { numerator == 0 }
  public var isNegative: Bool { numerator < 0 }
  public var isInteger: Bool { denominator == 1 }

  // MARK: Arithmetic

  public static func + (lhs: Rational, rhs: Rational) throws(ArithmeticOverflow) -> Rational {
    if lhs.denominator == rhs.denominator {
      return try Rational(checked(lhs.numerator.addingReportingOverflow(rhs.numerator)), over: lhs.denominator)
    }
    let left = try product(lhs.numerator, rhs.denominator)
    let right = try product(rhs.numerator, lhs.denominator)
    let denominator = try product(lhs.denominator, rhs.denominator)
    return try Rational(checked(left.addingReportingOverflow(right)), over: denominator)
  }

  public static prefix func - (value: Rational) -> Rational {
    Rational(reduced: -value.numerator, value.denominator)
  }

  public static func - (lhs: Rational, rhs: Rational) throws(ArithmeticOverflow) -> Rational {
    try lhs + (-rhs)
  }

  public static func * (lhs: Rational, rhs: Rational) throws(ArithmeticOverflow) -> Rational {
    // Four figures of 64 bits (nearly every product: a weight by a completion or a band): the general path
    // below in machine words, each side cross-reduced by the binary gcd, whose products cannot overflow
    // (|a × b| < 2^126) nor be `Int128.min`. The general path is the definition (`RationalFastPathTests`).
    if let ln = Int64(exactly: lhs.numerator), let ld = Int64(exactly: lhs.denominator),
      let rn = Int64(exactly: rhs.numerator), let rd = Int64(exactly: rhs.denominator), ln != .min, rn != .min
    {
      // A denominator of 1 (an integer weight or count) shares no factor with the other side: no gcd to find.
      let left = rd == 1 ? 1 : Int64(gcd64(ln.magnitude, rd.magnitude))
      let right = ld == 1 ? 1 : Int64(gcd64(rn.magnitude, ld.magnitude))
      return Rational(reduced: Int128(ln / left) &* Int128(rn / right), Int128(ld / right) &* Int128(rd / left))
    }
    return try multipliedByDefinition(lhs, rhs)
  }

  /// `lhs × rhs` as defined: each numerator reduced against the other side's denominator, then multiplied.
  static func multipliedByDefinition(_ lhs: Rational, _ rhs: Rational) throws(ArithmeticOverflow) -> Rational {
    // Cross-reduce first so that products of already reduced fractions stay small.
    let a = try Rational(lhs.numerator, over: rhs.denominator)
    let b = try Rational(rhs.numerator, over: lhs.denominator)
    let numerator = try product(a.numerator, b.numerator)
    let denominator = try product(a.denominator, b.denominator)
    // Already reduced: each numerator factor divides a side coprime to both denominator factors,
    // and both denominators are positive (a zero side is 0/1 and cancels the other denominator).
    // `Int128.min` is refused as `init(_:over:)` refuses it: it has no negation.
    guard numerator != .min else { throw ArithmeticOverflow() }
    return Rational(reduced: numerator, denominator)
  }

  /// `lhs / rhs`; the caller guarantees `rhs` is not zero.
  public static func / (lhs: Rational, rhs: Rational) throws(ArithmeticOverflow) -> Rational {
    precondition(!rhs.isZero, "division by zero is decided by the rule, not by Rational")
    // Two integers (most counts and amounts): their quotient, reduced once. The same as the product with the
    // reciprocal below, whose cross-reduction is then this one reduction (`RationalFastPathTests`).
    if lhs.denominator == 1, rhs.denominator == 1 { return try Rational(lhs.numerator, over: rhs.numerator) }
    // The reciprocal of a reduced fraction is reduced; only the sign moves to the numerator.
    guard rhs.numerator != .min else { throw ArithmeticOverflow() }
    let reciprocal =
      rhs.numerator < 0
      ? Rational(reduced: -rhs.denominator, -rhs.numerator) : Rational(reduced: rhs.denominator, rhs.numerator)
    return try lhs * reciprocal
  }

  private static func checked(_ result: (partialValue: Int128, overflow: Bool)) throws(ArithmeticOverflow) -> Int128 {
    guard !result.overflow else { throw ArithmeticOverflow() }
    return result.partialValue
  }

  /// `lhs × rhs`, exactly, or `ArithmeticOverflow` past `Int128`.
  @inline(__always)
  static func product(_ lhs: Int128, _ rhs: Int128) throws(ArithmeticOverflow) -> Int128 {
    if let product = smallProduct(lhs, rhs) { return product }
    return try checked(lhs.multipliedReportingOverflow(by: rhs))
  }

  /// `lhs × rhs` when both fit in 64 bits: one machine multiplication, whose 128-bit product cannot
  /// overflow (|a × b| ≤ 2^126). Nil otherwise: the caller takes the checked 128-bit product, whose
  /// generic full-width multiplication costs some forty instructions more.
  @inline(__always)
  static func smallProduct(_ lhs: Int128, _ rhs: Int128) -> Int128? {
    guard let left = Int64(exactly: lhs), let right = Int64(exactly: rhs) else { return nil }
    return Int128(left) &* Int128(right)
  }

  /// Inlined: most comparisons are with 0 or 1, or between integers or amounts of a common denominator,
  /// where the numerators decide.
  @inline(__always)
  public static func < (lhs: Rational, rhs: Rational) -> Bool {
    if lhs.denominator == rhs.denominator { return lhs.numerator < rhs.numerator }
    return isLessByProducts(lhs, rhs)
  }

  /// `lhs < rhs` with different denominators: the cross products compared. Four figures of 64 bits (nearly
  /// every comparison) multiply as such, one machine multiplication a product; the full-width products of
  /// `isLessByWideProducts` are the definition (`RationalFastPathTests`).
  private static func isLessByProducts(_ lhs: Rational, _ rhs: Rational) -> Bool {
    guard let ln = Int64(exactly: lhs.numerator), let ld = Int64(exactly: lhs.denominator),
      let rn = Int64(exactly: rhs.numerator), let rd = Int64(exactly: rhs.denominator)
    else { return isLessByWideProducts(lhs, rhs) }
    return Int128(ln) &* Int128(rd) < Int128(rn) &* Int128(ld)
  }

  /// `lhs < rhs` by full-width products of its figures: comparison never overflows. Out of line, so that the
  /// usual comparison above keeps to a few registers.
  @inline(never)
  static func isLessByWideProducts(_ lhs: Rational, _ rhs: Rational) -> Bool {
    let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
    let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
    return (left.high, left.low) < (right.high, right.low)
  }

  public static func min(_ a: Rational, _ b: Rational) -> Rational { a < b ? a : b }

  // MARK: Hundredths

  /// `self × 100` when it is an integer that fits in 64 bits: a figure printed with at most two decimals
  /// (nearly every score, weight and claim). By definition `self * 100` when that is an integer
  /// (`RationalFastPathTests`).
  ///
  /// Inlined: a whole figure (most weights and claims) is a hundred to the unit, told in a few instructions where
  /// it is read; a fraction is left to `fractionHundredths`.
  @inline(__always)
  var exactHundredths: Int64? {
    if denominator == 1, let numerator = Int64(exactly: numerator) {
      let (value, overflow) = numerator.multipliedReportingOverflow(by: 100)
      return overflow ? nil : value
    }
    return fractionHundredths
  }

  /// `exactHundredths` of a value that is not a 64-bit integer.
  @inline(never)
  private var fractionHundredths: Int64? {
    guard let denominator = Int64(exactly: denominator), denominator <= 100, 100 % denominator == 0,
      let numerator = Int64(exactly: numerator)
    else { return nil }
    let (value, overflow) = numerator.multipliedReportingOverflow(by: 100 / denominator)
    return overflow ? nil : value
  }

  /// `self - hundredths.rational` (its definition): in 64-bit hundredths when `self` has an exact count of
  /// them, the usual claim against a rounded score; by the general arithmetic otherwise.
  func subtracting(_ hundredths: Hundredths) throws(ArithmeticOverflow) -> Rational {
    if let own = exactHundredths {
      let (difference, overflow) = own.subtractingReportingOverflow(hundredths.hundredths)
      if !overflow { return Rational(hundredths: difference) }
    }
    return try self - hundredths.rational
  }

  /// The exact sum, or `ArithmeticOverflow` when it cannot be held: an addend is never dropped. Figures with
  /// at most two decimals (weights, claims, amounts) are added as 64-bit hundredths; any other list by
  /// `generalSum`, the definition (`RationalFastPathTests`).
  static func sum(_ values: some Collection<Rational>) throws(ArithmeticOverflow) -> Rational {
    if let total = hundredthsSum(values) { return Rational(hundredths: total) }
    return try generalSum(values)
  }

  /// The sum, one exact addition after another.
  static func generalSum(_ values: some Sequence<Rational>) throws(ArithmeticOverflow) -> Rational {
    var total = Rational.zero
    for value in values { total = try total + value }
    return total
  }

  /// The sum in hundredths when every value has an exact count of them and the total fits in 64 bits.
  private static func hundredthsSum(_ values: some Collection<Rational>) -> Int64? {
    var total: Int64 = 0
    for value in values {
      guard let hundredths = value.exactHundredths else { return nil }
      let (sum, overflow) = total.addingReportingOverflow(hundredths)
      guard !overflow else { return nil }
      total = sum
    }
    return total
  }
  public static func max(_ a: Rational, _ b: Rational) -> Rational { a < b ? b : a }

  // MARK: Rounding

  /// Rounds half away from zero (the spec's "half up": 4.815 → 4.82) to `places` decimals. Inlined: a
  /// scorer rounds every row's weight, claim and score, nearly all of them exact hundredths already.
  @inline(__always)
  public func rounded(places: Int = 2) throws(ArithmeticOverflow) -> Hundredths {
    precondition(places == 2, "jixiao rounds to 2 places")
    guard let hundredths = hundredths(scaledBy: 100) else { throw ArithmeticOverflow() }
    return hundredths
  }

  /// `self × scale`, rounded half up, as a count of hundredths (scale 100: the value; 10,000: the
  /// value as a percent); nil when it does not fit.
  func hundredths(scaledBy scale: Int128) -> Hundredths? {
    // A value with an exact count of hundredths (nearly every weight and claim) is that count: nothing to round.
    if scale == 100, let exact = exactHundredths { return Hundredths(hundredths: exact) }
    return roundedHundredths(scaledBy: scale)
  }

  /// `hundredths(scaledBy:)` of a value to round. Never inlined: inlined, it made `hundredths(scaledBy:)` too
  /// large to be inlined itself, and each exact count (most calls) then cost a call.
  @inline(never)
  private func roundedHundredths(scaledBy scale: Int128) -> Hundredths? {
    // A 64-bit value and scale whose product fits (nearly every completion percentage and score): one machine
    // multiplication and one division, as `hundredthsByDefinition` rounds on 128 bits (`RationalFastPathTests`).
    if let numerator = Int64(exactly: numerator), let denominator = Int64(exactly: denominator),
      let scale = Int64(exactly: scale)
    {
      let (scaled, overflow) = numerator.multipliedReportingOverflow(by: scale)
      if !overflow, scaled != .min {
        // The denominator is positive, so |remainder| < denominator ≤ Int64.max and twice it fits in UInt64;
        // a rounded quotient only moves when the denominator is at least 2, so it cannot overflow either.
        let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: denominator)
        guard remainder.magnitude &* 2 >= denominator.magnitude else { return Hundredths(hundredths: quotient) }
        return Hundredths(hundredths: scaled < 0 ? quotient - 1 : quotient + 1)
      }
    }
    return hundredthsByDefinition(scaledBy: scale)
  }

  /// `hundredths(scaledBy:)` as defined: the 128-bit product rounded half up, when it fits in 64 bits.
  func hundredthsByDefinition(scaledBy scale: Int128) -> Hundredths? {
    roundedHalfUp(scaledBy: scale).flatMap { Int64(exactly: $0) }.map { Hundredths(hundredths: $0) }
  }

  /// `self × scale` rounded half away from zero: every rounding of the engine is this one. Nil when
  /// the product does not fit.
  private func roundedHalfUp(scaledBy scale: Int128) -> Int128? {
    guard let scaled = try? Self.product(numerator, scale) else { return nil }
    // Nearly every value fits in 64 bits, where division is a machine instruction.
    if let scaled64 = Int64(exactly: scaled), let denominator64 = Int64(exactly: denominator) {
      let (quotient, remainder) = scaled64.quotientAndRemainder(dividingBy: denominator64)
      guard remainder.magnitude * 2 >= denominator64.magnitude else { return Int128(quotient) }
      return Int128(quotient + (scaled64 < 0 ? -1 : 1))
    }
    var quotient = scaled / denominator
    if (scaled % denominator).magnitude * 2 >= denominator.magnitude { quotient += numerator < 0 ? -1 : 1 }
    return quotient
  }

  public var description: String {
    denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
  }

  /// The value as a decimal string with exactly `places` decimals, rounded half up.
  public func formatted(places: Int) -> String {
    guard let quotient = roundedHalfUp(scaledBy: Self.powerOfTen(places)) else { return description }
    let negative = quotient < 0
    let digits = String(quotient.magnitude)
    guard places > 0 else { return (negative ? "-" : "") + digits }
    let padded = String(repeating: "0", count: Swift.max(0, places + 1 - digits.count)) + digits
    let split = padded.index(padded.endIndex, offsetBy: -places)
    return (negative ? "-" : "") + padded[..<split] + "." + padded[split...]
  }
}

/// Thrown when exact arithmetic would not fit: the cell or item is then reported as unreadable.
public struct ArithmeticOverflow: Error, Sendable, Equatable {
  public init() {}
}
