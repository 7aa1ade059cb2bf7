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
