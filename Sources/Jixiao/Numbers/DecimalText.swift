extension Rational {
  /// The most significant digits a printed number may have; more is refused, not truncated.
  public static let maximumSignificantDigits = 18

  /// Parses a plain decimal as printed: `12`, `-0.5`, `+3.`, `.25`, ASCII digits only (the cell
  /// grammar folds full-width digits and thousands separators before calling this).
  public init?(decimalText text: Substring) {
    self.init(decimalBytes: text.utf8)
  }

  /// `init(decimalText:)` on the UTF-8 bytes of the text.
  init?(decimalBytes text: some Collection<UInt8>) {
    var rest = text[...]
    var negative = false
    if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
      negative = sign == UInt8(ascii: "-")
      rest = rest.dropFirst()
    }
    var decimal = DecimalAccumulator()
    for byte in rest {
      guard decimal.take(byte) else { return nil }
    }
    guard let value = decimal.value(negative: negative) else { return nil }
    self = value
  }
}

/// The digits and point of a plain decimal, taken one byte at a time as a scanner meets them: the one
/// reading of `Rational(decimalBytes:)`, which the byte-level cell and number readers share by taking
/// bytes into it during their own pass over a text.
struct DecimalAccumulator {
  // At most 18 significant digits (checked as each one is added): below 10^18, so 64 bits hold it.
  private var significand: UInt64 = 0
  private var scale = 0
  /// Some digit was taken.
  private(set) var hasDigits = false
  private var seenPoint = false
  /// The zeros ending the decimals taken so far (`6.00` has two): dropped before the value is made, so that
  /// a whole number printed with decimals is made as the integer it is.
  private var trailingZeros = 0

  /// Takes a digit or the point; false for any other byte, a second point, a 19th significant digit or a
  /// 31st decimal: the text is then no decimal `Rational` holds.
  @inline(__always) mutating func take(_ byte: UInt8) -> Bool {
    let digit = byte &- UInt8(ascii: "0")
    if digit < 10 {
      // The significand's digits are the significant ones (leading zeros add none): at most 18 while it stays
      // below 10^18. It is below that before, so the product does not overflow.
      let next = significand &* 10 &+ UInt64(digit)
      guard next < Self.significandLimit else { return false }
      if seenPoint {
        guard scale < 30 else { return false }
        scale &+= 1
        trailingZeros = digit == 0 ? trailingZeros &+ 1 : 0
      }
      hasDigits = true
      significand = next
      return true
    }
    guard byte == UInt8(ascii: "."), !seenPoint else { return false }
    seenPoint = true
    return true
  }

  /// 10^`Rational.maximumSignificantDigits`: every significand is below it.
  static var significandLimit: UInt64 { 1_000_000_000_000_000_000 }

  /// The decimal taken, nil without a digit; `extraScale` more decimal places (a percent is 2).
  /// `definitionValue` is the definition; this reduces in 64 bits: a decimal is `significand / 10^scale`, and
  /// the gcd of a number and 10^k is 2^a × 5^b, so the reduction strips twos (a shift) and fives.
  @inline(__always) func value(negative: Bool, extraScale: Int = 0) -> Rational? {
    // A whole number, printed without decimals or with zeros for decimals (nearly every count, weight and year,
    // and scores such as `6.00`), is its significand without those zeros: told in a few instructions where the
    // caller reads it, the rest out of line. (A significand is below 10^18: more zeros than 18 are of 0.)
    if scale == trailingZeros, extraScale == 0, hasDigits {
      var whole = significand
      if scale > 0 { whole = scale > 18 ? 0 : significand / Self.powerOfTen(scale) }
      return Rational(Int(negative ? -Int64(whole) : Int64(whole)))
    }
    return reducedValue(negative: negative, extraScale: extraScale)
  }

  /// 10^`exponent`, for an exponent of at most 19 (10^19 is below 2^64).
  @inline(__always) private static func powerOfTen(_ exponent: Int) -> UInt64 {
    var power: UInt64 = 1
    for _ in 0..<exponent { power &*= 10 }
    return power
  }

  /// `value` of a decimal with decimals, or scaled.
  @inline(never) private func reducedValue(negative: Bool, extraScale: Int) -> Rational? {
    guard hasDigits else { return nil }
    var significand = significand
    var zeros = trailingZeros
    while zeros > 0 {
      significand /= 10
      zeros -= 1
    }
    let scale = scale - trailingZeros + extraScale
    // Below 10^18 and at most 18 places: 2^a × 5^b ≤ 10^18 fits a signed 64-bit denominator.
    guard scale <= 18 else { return definitionValue(negative: negative, extraScale: extraScale) }
    let sign: Int64 = negative ? -1 : 1
    if scale == 0 || significand == 0 { return Rational(Int(sign * Int64(significand))) }
    let twos = Swift.min(significand.trailingZeroBitCount, scale)
    var reduced = significand >> UInt64(twos)
    var fives = scale
    while fives > 0, reduced % 5 == 0 {
      reduced /= 5
      fives -= 1
    }
    var denominator: UInt64 = 1
    for _ in 0..<fives { denominator &*= 5 }
    return Rational(reduced: Int128(sign * Int64(reduced)), Int128(denominator << UInt64(scale - twos)))
  }

  /// `value`'s definition: the significand over its power of ten, reduced by `Rational(significand:scale:)`.
  @inline(never) func definitionValue(negative: Bool, extraScale: Int = 0) -> Rational? {
    guard hasDigits else { return nil }
    // The same number without its trailing zeros: an integer needs no reduction.
    var significand = significand
    for _ in 0..<trailingZeros { significand /= 10 }
    let scale = scale - trailingZeros + extraScale
    let signed = Int128(significand)
    if scale == 0 { return Rational(Int(truncatingIfNeeded: negative ? -signed : signed)) }
    return try? Rational(significand: negative ? -signed : signed, scale: scale)
  }

  /// The decimal is at most `bound` in magnitude, told from its digits: the value is the significand
  /// divided by a power of ten.
  func isAtMost(_ bound: UInt64) -> Bool { significand <= bound }
}
