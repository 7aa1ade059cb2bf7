/// A profile's tolerance, held to compare with differences counted in hundredths (a claim against a
/// rounded score, sums of figures printed with two decimals): nearly every difference a check meets is
/// told within the tolerance by comparing two integers, and only one beyond it, or one not counted in
/// hundredths, is made a `Rational`.
struct HundredthsTolerance {
  let tolerance: Rational
  /// The tolerance's numerator × 100 and its denominator, when both fit in 64 bits (a profile's 0.005 is
  /// 1 × 100 over 200): a difference is then compared by two products that cannot overflow.
  private let scaledNumerator: Int128?
  private let denominator: Int64

  init(_ tolerance: Rational) {
    self.tolerance = tolerance
    let denominator = Int64(exactly: tolerance.denominator)
    scaledNumerator = Int64(exactly: tolerance.numerator) != nil && denominator != nil ? tolerance.numerator * 100 : nil
    self.denominator = denominator ?? 1
  }

  /// Whether `difference` hundredths, either way, lie beyond the tolerance: by definition
  /// `tolerance < Rational(difference, over: 100).magnitude` (`CheckFastPathTests`).
  func isExceeded(byHundredths difference: Int64) -> Bool {
    // n/d < |h|/100 exactly when 100n < |h|d (0 < d < 2^63, |h| ≤ 2^63): each side is below 2^127, so the
    // product needs no overflow check.
    if let scaledNumerator { return scaledNumerator < Int128(difference.magnitude) &* Int128(denominator) }
    return Self.isExceeded(tolerance, byHundredths: difference)
  }

  /// The definition.
  static func isExceeded(_ tolerance: Rational, byHundredths difference: Int64) -> Bool {
    // An `Int64` over 100 is always a `Rational`.
    tolerance < (try! Rational(Int128(difference), over: 100)).magnitude
  }

  /// `claimed − hundredths` counted in hundredths, when `claimed` is a whole number of them and the
  /// difference fits: by definition `claimed.subtracting(hundredths)` × 100.
  static func difference(_ claimed: Rational, _ hundredths: Hundredths) -> Int64? {
    guard let own = claimed.exactHundredths else { return nil }
    let (difference, overflow) = own.subtractingReportingOverflow(hundredths.hundredths)
    return overflow ? nil : difference
  }

  /// The sum × 100 of `count` values (`value(position)`, nil ones left out) when each is a whole number of
  /// hundredths and the sum fits in 64 bits: by definition `Rational.sum` of them × 100 (`CheckFastPathTests`).
  @inline(__always)
  static func sum(_ count: Int, _ value: (Int) -> Rational?) -> Int64? {
    var total: Int64 = 0
    for position in 0..<count {
      guard let value = value(position) else { continue }
      guard let hundredths = value.exactHundredths else { return nil }
      let (sum, overflow) = total.addingReportingOverflow(hundredths)
      guard !overflow else { return nil }
      total = sum
    }
    return total
  }
}
