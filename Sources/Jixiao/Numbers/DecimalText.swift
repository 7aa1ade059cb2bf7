extension Rational {
  /// The most significant digits a printed number may have; more is refused, not truncated.
  public static let maximumSignificantDigits = 18

  /// Parses a plain decimal as printed: `12`, `-0.5`, `+3.`, `.25`, ASCII digits only (the cell
  /// grammar folds full-width digits and thousands separators before calling this).
  public init?(decimalText text: Substring) {
    self.init(decimalBytes: text.utf8)
  }

  /// `init(decimalText:)` on the UTF-8 bytes of the text: a short number in contiguous bytes (nearly every
  /// one) by `shortDecimal`, any other by the definition (`RationalFastPathTests` holds the two equal).
  init?(decimalBytes text: some Collection<UInt8>) {
    if case .some(.some(let reading)) = text.withContiguousStorageIfAvailable(Self.shortDecimal) {
      guard let reading else { return nil }
      self = reading
      return
    }
    self.init(decimalBytesByDefinition: text)
  }

  /// The number of at most 18 bytes after its sign (so of at most 18 digits, which the definition would
  /// count), or nil inside when the bytes are no number; nil outside when longer.
  private static func shortDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Rational?? {
    var index = 0
    var negative = false
    if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
      negative = sign == UInt8(ascii: "-")
      index = 1
    }
    guard bytes.count - index <= maximumSignificantDigits else { return .none }
    var significand: UInt64 = 0
    var scale = 0
    var digits = 0
    var seenPoint = false
    while index < bytes.count {
      let byte = bytes[index]
      let digit = byte &- UInt8(ascii: "0")
      if digit < 10 {
        significand = significand &* 10 &+ UInt64(digit)
        digits += 1
        if seenPoint { scale += 1 }
      } else if byte == UInt8(ascii: "."), !seenPoint {
        seenPoint = true
      } else {
        return .some(nil)
      }
      index += 1
    }
    guard digits > 0 else { return .some(nil) }
    let signed = Int128(significand)
    return .some(try? Rational(significand: negative ? -signed : signed, scale: scale))
  }

  /// `init(decimalBytes:)`'s definition, byte by byte, counting significant digits.
  init?(decimalBytesByDefinition text: some Collection<UInt8>) {
    var negative = false
    var rest = text[...]
    if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
      negative = sign == UInt8(ascii: "-")
      rest = rest.dropFirst()
    }
    // At most 18 significant digits (checked before each one is added): below 10^18, so 64 bits hold it.
    var significand: UInt64 = 0
    var scale = 0
    var digits = 0
    var significantDigits = 0
    var seenPoint = false
    for character in rest {
      switch character {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        digits += 1
        if significand != 0 || character != UInt8(ascii: "0") { significantDigits += 1 }
        guard significantDigits <= Self.maximumSignificantDigits, scale < 30 else { return nil }
        significand = significand &* 10 &+ UInt64(character &- UInt8(ascii: "0"))
        if seenPoint { scale += 1 }
      case UInt8(ascii: "."):
        guard !seenPoint else { return nil }
        seenPoint = true
      default:
        return nil
      }
    }
    let signed = Int128(significand)
    guard digits > 0, let value = try? Rational(significand: negative ? -signed : signed, scale: scale)
    else { return nil }
    self = value
  }
}
