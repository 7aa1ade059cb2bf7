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
    Rational(hundredths: hundredths)
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
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maximumTextLength) { buffer in
      let length = writeText(to: buffer.baseAddress!)
      return body(UnsafeBufferPointer(start: buffer.baseAddress, count: length))
    }
  }

  /// The longest text: a sign, the 17 integer digits of `Int64.min`'s hundredths, a point and two decimals.
  static let maximumTextLength = 21

  /// The bytes of the text: a sign, at least one integer digit, a point and two decimals.
  @inline(__always) var textLength: Int {
    (hundredths < 0 ? 1 : 0) + Self.digitCount(hundredths.magnitude / 100) + 3
  }

  /// Writes the text (at most `maximumTextLength` bytes) from `start` and returns its length: the one
  /// definition of the text, for `description` and for the JSON writer, which writes it in place. Digits
  /// go two at a time, from a table: a score is written for every cell of a result.
  ///
  /// A magnitude under 1,000 (nearly every score, weight and percent written) has its few digits placed
  /// here without counting them first, in 32-bit arithmetic that cannot overflow; a longer one is written by
  /// a call of its own, so that this path saves no register.
  @discardableResult
  func writeText(to start: UnsafeMutablePointer<UInt8>) -> Int {
    guard hundredths.magnitude < 100_000 else { return writeLongText(to: start) }
    let magnitude = UInt32(truncatingIfNeeded: hundredths.magnitude)
    let integer = magnitude / 100
    var end = 0
    if hundredths < 0 {
      start[0] = UInt8(ascii: "-")
      end = 1
    }
    if integer >= 100 {
      let hundreds = integer / 100
      start[end] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: hundreds)
      Self.writePair(integer &- hundreds &* 100, to: start + end + 1)
      end &+= 3
    } else if integer >= 10 {
      Self.writePair(integer, to: start + end)
      end &+= 2
    } else {
      start[end] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: integer)
      end &+= 1
    }
    start[end] = UInt8(ascii: ".")
    Self.writePair(magnitude &- integer &* 100, to: start + end + 1)
    return end &+ 3
  }

  /// `writeText` for a magnitude of 1,000 or more: its digits counted first, then written from the last pair.
  @inline(never) private func writeLongText(to start: UnsafeMutablePointer<UInt8>) -> Int {
    let magnitude = hundredths.magnitude
    var integer = magnitude / 100
    let length = textLength
    if hundredths < 0 { start[0] = UInt8(ascii: "-") }
    Self.writePair(UInt32(magnitude % 100), to: start + length - 2)
    start[length - 3] = UInt8(ascii: ".")
    var end = length - 3
    while integer >= 100 {
      end -= 2
      Self.writePair(UInt32(integer % 100), to: start + end)
      integer /= 100
    }
    if integer >= 10 {
      Self.writePair(UInt32(integer), to: start + end - 2)
    } else {
      start[end - 1] = UInt8(ascii: "0") + UInt8(integer)
    }
    return length
  }

  /// The decimal digits of `value` (1 for 0).
  @inline(__always) private static func digitCount(_ value: UInt64) -> Int {
    var digits = 1
    var rest = value
    while rest >= 10_000 {
      digits += 4
      rest /= 10_000
    }
    return digits + (rest >= 10 ? 1 : 0) + (rest >= 100 ? 1 : 0) + (rest >= 1_000 ? 1 : 0)
  }

  /// `00`, `01` … `99`: a pair of digits is two bytes at twice its value.
  private static let digitPairs: StaticString =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

  /// The two digits of `value` (0 to 99) at `destination`.
  @inline(__always) private static func writePair(_ value: UInt32, to destination: UnsafeMutablePointer<UInt8>) {
    let pair = UnsafeRawPointer(digitPairs.utf8Start + Int(truncatingIfNeeded: value &* 2)).loadUnaligned(as: UInt16.self)
    UnsafeMutableRawPointer(destination).storeBytes(of: pair, as: UInt16.self)
  }
}
