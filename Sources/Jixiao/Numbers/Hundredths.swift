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

  public static func += (lhs: inout Hundredths, rhs: Hundredths) { lhs = lhs + rhs }

  public static func - (lhs: Hundredths, rhs: Hundredths) -> Hundredths {
    Hundredths(hundredths: lhs.hundredths &- rhs.hundredths)
  }

  public static func < (lhs: Hundredths, rhs: Hundredths) -> Bool { lhs.hundredths < rhs.hundredths }

  public var description: String {
    withText { String(decoding: $0, as: UTF8.self) }
  }

  /// The text (`-12.30`) as UTF-8, in a buffer on the stack: scores are formatted for every cell and
  /// finding, into strings and straight into JSON.
  func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
      let length = textLength
      writeText(to: buffer.baseAddress!)
      return body(UnsafeBufferPointer(start: buffer.baseAddress, count: length))
    }
  }

  /// The bytes of the text: a sign, at least one integer digit, a point and two decimals.
  var textLength: Int {
    var integerDigits = 1
    var rest = hundredths.magnitude / 1000
    while rest != 0 {
      integerDigits += 1
      rest /= 10
    }
    return (hundredths < 0 ? 1 : 0) + integerDigits + 3
  }

  /// Writes the text's `textLength` bytes from `start`, right to left: the one definition of the text,
  /// for `description` and for the JSON writer, which writes it in place.
  func writeText(to start: UnsafeMutablePointer<UInt8>) {
    var magnitude = hundredths.magnitude
    var index = textLength
    func put(_ byte: UInt8) {
      index -= 1
      start[index] = byte
    }
    put(UInt8(ascii: "0") + UInt8(magnitude % 10))
    magnitude /= 10
    put(UInt8(ascii: "0") + UInt8(magnitude % 10))
    magnitude /= 10
    put(UInt8(ascii: "."))
    repeat {
      put(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
    } while magnitude != 0
    if hundredths < 0 { put(UInt8(ascii: "-")) }
  }
}
