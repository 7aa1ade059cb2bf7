/// A number as a worksheet stores it (`<v>1782.65</v>`, `1.2E-3`, `-0.30000000000000004`), held as
/// decimal digits so that nothing passes through binary floating point: rounded to the 15 significant
/// digits Excel keeps, scaled for percent, rounded to a format's decimals and printed exactly.
struct SheetNumber: Hashable {
  /// Excel's precision: it shows and computes with at most 15 significant digits.
  static let significantDigits = 15
  /// Decimal exponents beyond this are refused (a form's numbers are far inside it).
  static let exponentLimit = 40

  var isNegative: Bool
  /// Significant digits, without leading or trailing zeros; empty for zero.
  private(set) var digits: [UInt8]
  /// The value is `digits × 10^exponent`.
  private(set) var exponent: Int

  init(isNegative: Bool, digits: [UInt8], exponent: Int) {
    var digits = digits
    var exponent = exponent
    let leading = digits.prefix { $0 == 0 }.count
    digits.removeFirst(leading)
    while let last = digits.last, last == 0 {
      digits.removeLast()
      exponent += 1
    }
    self.isNegative = isNegative && !digits.isEmpty
    self.digits = digits
    self.exponent = digits.isEmpty ? 0 : exponent
  }

  /// Parses the XML Schema double lexical form Excel and LibreOffice write; nil for anything else
  /// (including INF and NaN) and for exponents past `exponentLimit`. Rounded to 15 significant digits.
  init?(_ text: some StringProtocol) {
    var negative = false
    var digits: [UInt8] = []
    var exponent = 0
    var seenPoint = false
    var seenDigit = false
    var bytes = text.utf8.makeIterator()
    var byte = bytes.next()
    if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
      negative = byte == UInt8(ascii: "-")
      byte = bytes.next()
    }
    while let current = byte {
      if current >= UInt8(ascii: "0") && current <= UInt8(ascii: "9") {
        seenDigit = true
        let digit = current - UInt8(ascii: "0")
        if digits.isEmpty && digit == 0 {
          if seenPoint { exponent -= 1 }
        } else if digits.count < 40 {
          digits.append(digit)
          if seenPoint { exponent -= 1 }
        } else if !seenPoint {
          // Digits past the 16th only matter for rounding, which the 16th settles (half away from zero).
          exponent += 1
        }
      } else if current == UInt8(ascii: ".") && !seenPoint {
        seenPoint = true
      } else {
        break
      }
      byte = bytes.next()
    }
    guard seenDigit else { return nil }
    if let marker = byte {
      guard marker == UInt8(ascii: "E") || marker == UInt8(ascii: "e") else { return nil }
      var exponentNegative = false
      var next = bytes.next()
      if next == UInt8(ascii: "-") || next == UInt8(ascii: "+") {
        exponentNegative = next == UInt8(ascii: "-")
        next = bytes.next()
      }
      var written = 0
      var exponentDigits = 0
      while let current = next, current >= UInt8(ascii: "0") && current <= UInt8(ascii: "9") {
        guard written < 10_000 else { return nil }
        written = written * 10 + Int(current - UInt8(ascii: "0"))
        exponentDigits += 1
        next = bytes.next()
      }
      guard exponentDigits > 0, next == nil else { return nil }
      exponent += exponentNegative ? -written : written
    }
    self.init(isNegative: negative, digits: digits, exponent: exponent)
    self = rounded(significantDigits: Self.significantDigits)
    guard self.digits.isEmpty || abs(self.exponent + self.digits.count) <= Self.exponentLimit else { return nil }
  }

  var isZero: Bool { digits.isEmpty }

  /// Whether `text` is already its own `plainText` (as most stored numbers are: `520`, `1782.65`,
  /// `-0.5`): no sign but a minus on a number that is not zero, no leading or trailing zero, at most 15
  /// significant digits, at most 20 bytes. The sheet reader then keeps the text and skips the digits.
  static func isPlainText(_ text: String) -> Bool {
    // Every number cell of a sheet is asked: on its contiguous bytes, not through the string's view.
    text.utf8.withContiguousStorageIfAvailable { isPlainText(utf8: $0[...]) } ?? isPlainText(utf8: Array(text.utf8)[...])
  }

  private static func isPlainText<Bytes: BidirectionalCollection<UInt8>>(utf8 bytes: Bytes) -> Bool
  where Bytes.SubSequence == Bytes {
    var utf8 = bytes
    guard utf8.count <= 20 else { return false }
    let negative = utf8.first == UInt8(ascii: "-")
    if negative { utf8 = utf8.dropFirst() }
    let integer = utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    guard !integer.isEmpty, integer.count == 1 || integer.first != UInt8(ascii: "0") else { return false }
    var rest = utf8.dropFirst(integer.count)
    var significant = integer.first == UInt8(ascii: "0") ? 0 : integer.count
    var fractionIsZero = true
    if let point = rest.first {
      guard point == UInt8(ascii: "."), let last = rest.last, last != UInt8(ascii: "0"), rest.count > 1 else { return false }
      rest = rest.dropFirst()
      for byte in rest {
        guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return false }
        if byte != UInt8(ascii: "0") { fractionIsZero = false }
        if significant > 0 || byte != UInt8(ascii: "0") { significant += 1 }
      }
    }
    guard significant <= Self.significantDigits else { return false }
    // `-0` prints as `0`.
    return !negative || integer.first != UInt8(ascii: "0") || !fractionIsZero
  }

  /// The value times 10^power.
  func scaled(byPowerOfTen power: Int) -> SheetNumber {
    SheetNumber(isNegative: isNegative, digits: digits, exponent: exponent + power)
  }

  /// Rounded half away from zero (as Excel displays) to `places` decimals (negative: tens, hundreds).
  func rounded(places: Int) -> SheetNumber {
    let keep = digits.count + exponent + places
    return rounded(keeping: keep)
  }

  func rounded(significantDigits: Int) -> SheetNumber { rounded(keeping: significantDigits) }

  /// Keeps the first `keep` digits, rounding on the next.
  private func rounded(keeping keep: Int) -> SheetNumber {
    guard keep < digits.count else { return self }
    guard keep >= 0 else { return SheetNumber(isNegative: false, digits: [], exponent: 0) }
    var kept = Array(digits[..<keep])
    let dropped = digits.count - keep
    if digits[keep] >= 5 {
      var index = kept.count - 1
      while index >= 0 && kept[index] == 9 {
        kept[index] = 0
        index -= 1
      }
      if index >= 0 { kept[index] += 1 } else { kept.insert(1, at: 0) }
    }
    return SheetNumber(isNegative: isNegative, digits: kept, exponent: exponent + dropped)
  }

  /// Plain decimal notation with exactly `minimumDecimals`…`maximumDecimals` places (after rounding to
  /// `maximumDecimals`), at least `minimumIntegerDigits` integer digits, thousands separated by `,`
  /// when `grouped`. The sign is printed when `signed`.
  func formatted(
    minimumDecimals: Int = 0, maximumDecimals: Int = .max, minimumIntegerDigits: Int = 1, grouped: Bool = false,
    signed: Bool = true
  ) -> String {
    let number = maximumDecimals == .max ? self : rounded(places: maximumDecimals)
    let digits = number.digits
    let pointPosition = digits.count + number.exponent  // digits before the decimal point
    let integerCount = max(pointPosition, minimumIntegerDigits, 0)
    let fractionCount = max(digits.count - pointPosition, minimumDecimals, 0)
    /// The digit `offset` places right of the first integer digit printed: a zero outside the significant ones.
    func digit(_ offset: Int) -> UInt8 {
      let index = pointPosition - integerCount + offset
      return UInt8(ascii: "0") + (digits.indices.contains(index) ? digits[index] : 0)
    }
    // Written as bytes and made a string once: a string grown by a scalar a digit cost ~4 K instructions a
    // percent cell.
    var text: [UInt8] = []
    text.reserveCapacity(2 + integerCount + integerCount / 3 + fractionCount)
    if signed && number.isNegative { text.append(UInt8(ascii: "-")) }
    for offset in 0..<integerCount {
      if grouped && offset > 0 && (integerCount - offset) % 3 == 0 { text.append(UInt8(ascii: ",")) }
      text.append(digit(offset))
    }
    if fractionCount > 0 {
      text.append(UInt8(ascii: "."))
      for offset in integerCount..<(integerCount + fractionCount) { text.append(digit(offset)) }
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// The plain decimal, shortest: `1782.65`, `-0.003`, `45292`, `0`.
  var plainText: String { formatted() }

  /// The integer part and the fraction of a number that is not negative (a date serial); nil when it is
  /// negative or its integer part passes `limit`.
  func splitIntegerAndFraction(limit: Int) -> (integer: Int, fraction: SheetNumber)? {
    guard !isNegative else { return nil }
    let pointPosition = digits.count + exponent
    guard pointPosition <= 12 else { return nil }
    var integer = 0
    for index in 0..<max(0, pointPosition) { integer = integer * 10 + Int(index < digits.count ? digits[index] : 0) }
    guard integer <= limit else { return nil }
    let fractionDigits = pointPosition < digits.count ? Array(digits[max(0, pointPosition)...]) : []
    return (integer, SheetNumber(isNegative: false, digits: fractionDigits, exponent: exponent))
  }
}
