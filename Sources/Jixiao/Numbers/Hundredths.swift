/// A value rounded to 2 decimals, as scores, totals and printed amounts are: an integer count of
/// hundredths, so sums are exact and cheap.
public struct Hundredths: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var hundredths: Int64

  public static let zero = Hundredths(hundredths: 0)

  public init(hundredths: Int64) {
    self.hundredths = hundredths
  }

  public init(_ integer: Int) {
    hundredths = Int64(integer) * 100
  }

  /// Parses `"12.87"`, `"-0.5"`, `"100"`: at most 2 decimals (used for profile and expected values).
  public init?(_ text: String) {
    guard let value = Rational(decimalText: Substring(text)), 100 % value.denominator == 0,
      let rounded = try? value.rounded()
    else { return nil }
    self = rounded
  }

  public var rational: Rational {
    // Hundredths always fit; `try!` cannot fail for an Int64 numerator over 100.
    try! Rational(Int128(hundredths), over: 100)
  }

  public static func + (lhs: Hundredths, rhs: Hundredths) -> Hundredths {
    Hundredths(hundredths: lhs.hundredths &+ rhs.hundredths)
  }

  public static func - (lhs: Hundredths, rhs: Hundredths) -> Hundredths {
    Hundredths(hundredths: lhs.hundredths &- rhs.hundredths)
  }

  public static func < (lhs: Hundredths, rhs: Hundredths) -> Bool { lhs.hundredths < rhs.hundredths }

  public var description: String {
    let negative = hundredths < 0
    let magnitude = hundredths.magnitude
    let fraction = magnitude % 100
    return (negative ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
  }
}
