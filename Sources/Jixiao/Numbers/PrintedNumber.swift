/// What a number field holds, which decides the one suffix it may carry (docs/input.md, "Numbers").
public enum NumberKind: Sendable, Hashable {
  /// A weight, score or total: an optional trailing 分.
  case points
  /// A funds amount, in 万元 (the template's 项目资金（万元）): an optional trailing 万元, or 元, which
  /// is converted to 万元.
  case amount
  /// A rate or completion, a percent: an optional trailing `%`; `100` is 100% (rates are fractions
  /// inside the engine).
  case rate
  /// A profile value: a bare decimal.
  case decimal
}

/// Why a printed number was not taken.
public enum NumberRefusal: Sendable, Hashable {
  /// Not written in a form docs/input.md lists: `10,0`, `1 0`, `10%` on a weight, `abc`, a JSON object.
  case form
  /// Written well, but beyond what is computed exactly: a magnitude above `Limits.maximumMagnitude`,
  /// more than `Rational.maximumSignificantDigits` significant digits, or a JSON exponent beyond ±30.
  case outOfRange
}

/// A number field as read: absent (blank), a value, or refused with the text it had.
enum NumberReading: Sendable, Hashable {
  case absent
  case value(Rational)
  case refused(NumberRefusal, text: String)
}

/// Number fields as tables print them. A number is read in exactly one way or refused: `10,0` is never
/// taken for 100, nor `1 0` for 10, nor `10%` for a tenth of a weight.
enum PrintedNumber {
  /// The grammar of docs/input.md on a printed string: after full-width forms are folded and the ends
  /// trimmed, a blank mark, or `[+|-] integer [. digits] [spaces suffix]`, the integer plain digits or
  /// groups of three behind a first group of one to three (`1,782.65`), the suffix the one `kind` allows.
  static func read(_ printed: String, as kind: NumberKind) -> NumberReading {
    reading(printed, as: kind).reading
  }

  /// `read(_:as:)`, and whether the text carried a suffix of its kind: an amount printed in a unit of its own
  /// (`50万元`, `500000元`), which the reading has scaled to 万元.
  static func reading(_ printed: String, as kind: NumberKind) -> (reading: NumberReading, hasSuffix: Bool) {
    if let value = plainDecimal(printed, as: kind) {
      return (.value(value), printed.utf8.withContiguousStorageIfAvailable { hasFastSuffix($0, of: kind) } ?? false)
    }
    let text = CellGrammar.normalize(printed)
    if CellGrammar.isEmptyMark(text) { return (.absent, false) }
    var body = Substring(text)
    var scale = kind == .rate ? percent : .one
    var hasSuffix = false
    for (suffix, factor) in suffixes(of: kind) where body.hasSuffix(suffix) {
      body = body.dropLast(suffix.count)
      while body.last == " " { body = body.dropLast() }
      scale = factor
      hasSuffix = true
      break
    }
    guard let digits = decimalDigits(body.utf8) else { return (.refused(.form, text: printed), hasSuffix) }
    guard let value = Rational(decimalBytes: digits) else { return (.refused(.outOfRange, text: printed), hasSuffix) }
    return (finish(value, scaledBy: scale, printed: printed), hasSuffix)
  }

  /// A JSON number literal (its syntax already checked by the parser): in range, and a percent for a rate.
  static func read(jsonNumber literal: String, as kind: NumberKind) -> NumberReading {
    guard let value = Rational(jsonNumber: literal) else { return .refused(.outOfRange, text: literal) }
    return finish(value, scaledBy: kind == .rate ? percent : .one, printed: literal)
  }

  /// `read(jsonNumber:as:)` on a literal's bytes: the usual literal (`jsonDecimal`) without making a string.
  static func read(jsonNumber bytes: UnsafeBufferPointer<UInt8>, as kind: NumberKind) -> NumberReading {
    if let value = jsonDecimal(bytes, as: kind) { return .value(value) }
    return read(jsonNumber: String(decoding: bytes, as: UTF8.self), as: kind)
  }

  /// The value `read(jsonNumber:as:)` reads from a literal (its syntax checked by the parser) without an
  /// exponent whose digits are within the limit (nearly every weight, score and year), in one pass over its
  /// bytes; nil for any other literal, which `read` decides. Without an exponent a JSON number is a plain
  /// decimal, within the limit when its digits are (`DecimalAccumulator.isAtMost`), a percent for a rate.
  static func jsonDecimal(_ bytes: UnsafeBufferPointer<UInt8>, as kind: NumberKind) -> Rational? {
    let negative = bytes.first == UInt8(ascii: "-")
    var decimal = DecimalAccumulator()
    var index = negative ? 1 : 0
    while index < bytes.count, decimal.take(bytes[index]) { index += 1 }
    guard index == bytes.count, decimal.isAtMost(UInt64(Limits.maximumMagnitude)) else { return nil }
    return decimal.value(negative: negative, extraScale: kind == .rate ? 2 : 0)
  }

  /// A JSON value of another type in a number field, as a finding shows it.
  static func read(_ value: JSONValue) -> NumberReading {
    switch value {
    case .null: .absent
    case .number(let literal): .refused(.form, text: literal)
    case .string(let text): .refused(.form, text: text)
    case .bool(let flag): .refused(.form, text: flag ? "true" : "false")
    case .array: .refused(.form, text: "[…]")
    case .object: .refused(.form, text: "{…}")
    }
  }

  /// The value scaled (percent, 元 to 万元), or refused when its magnitude is out of range. The range is
  /// on the number as printed, before scaling.
  private static func finish(_ value: Rational, scaledBy scale: Rational, printed: String) -> NumberReading {
    guard isInRange(value), let scaled = try? value * scale else { return .refused(.outOfRange, text: printed) }
    return .value(scaled)
  }

  static func isInRange(_ value: Rational) -> Bool {
    // A numerator within the limit (nearly every number) says so without comparing fractions.
    value.numerator.magnitude <= UInt128(Limits.maximumMagnitude) || !(maximumMagnitude < value.magnitude)
  }

  static let maximumMagnitude = Rational(Limits.maximumMagnitude)
  static let percent = try! Rational(1, over: 100)
  static let yuanInWan = try! Rational(1, over: 10_000)

  /// The suffixes a kind allows, longest first, with the scale each gives the number (a rate is a
  /// percent with or without its `%`).
  static func suffixes(of kind: NumberKind) -> [(String, Rational)] {
    switch kind {
    case .points: [("分", .one)]
    case .amount: [("万元", .one), ("元", yuanInWan)]
    case .rate: [("%", percent)]
    case .decimal: []
    }
  }

  /// The digits and point of `[+|-] integer [. digits]`, thousands separators removed; nil when the text
  /// is anything else. Separators must group the integer part in threes (`1,782`, `12,345,678`).
  static func decimalDigits(_ text: Substring.UTF8View) -> [UInt8]? {
    var result: [UInt8] = []
    result.reserveCapacity(text.count)
    var rest = text[...]
    if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
      result.append(sign)
      rest = rest.dropFirst()
    }
    let point = rest.firstIndex(of: UInt8(ascii: "."))
    let integer = rest[..<(point ?? rest.endIndex)]
    let fraction = point.map { rest[rest.index(after: $0)...] } ?? rest[rest.endIndex...]
    guard !(integer.isEmpty && fraction.isEmpty), fraction.allSatisfy(isDigit) else { return nil }
    let groups = integer.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
    if groups.count > 1 {
      guard let first = groups.first, (1...3).contains(first.count), first.first != UInt8(ascii: "0"),
        groups.dropFirst().allSatisfy({ $0.count == 3 })
      else { return nil }
    }
    for group in groups {
      guard group.allSatisfy(isDigit) else { return nil }
      result.append(contentsOf: group)
    }
    if point != nil {
      result.append(UInt8(ascii: "."))
      result.append(contentsOf: fraction)
    }
    return result
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

extension PrintedNumber {
  /// `read` for ASCII digits and a point, perhaps with the kind's suffix (`12.87`, `100%`, `5.00分`),
  /// in range; `nil` for anything else, which `read` then decides.
  static func plainDecimal(_ printed: String, as kind: NumberKind) -> Rational? {
    printed.utf8.withContiguousStorageIfAvailable { plainDecimal($0, as: kind) } ?? nil
  }

  /// The bytes end in the one suffix `plainDecimal` takes for `kind` (`万元` for an amount, `isFastSuffix`), after a number.
  static func hasFastSuffix(_ bytes: UnsafeBufferPointer<UInt8>, of kind: NumberKind) -> Bool {
    let length = kind == .amount ? 6 : kind == .points ? 3 : 1
    return kind != .decimal && bytes.count > length
      && isFastSuffix(UnsafeBufferPointer(rebasing: bytes[(bytes.count - length)...]), of: kind)
  }

  static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>, as kind: NumberKind) -> Rational? {
    // A whole number printed with two zero decimals (`6.00`, `10.00`: nearly every claimed score), told at once:
    // the decimal is the integer (a rate's is a percent, read below).
    if kind != .rate, let whole = wholeWithZeroCents(bytes) { return Rational(whole) }
    // Any other short figure, whole or with two decimals (amounts such as `1730.79`, scores such as `3.60`,
    // percents such as `100%`): its digits over the power of ten they stand for, reduced in 64 bits.
    if let figure = shortFigure(bytes, as: kind) {
      switch (figure.hasCents, kind == .rate) {
      case (false, false): return Rational(Int(figure.digits))
      case (false, true), (true, false): return Rational(hundredths: figure.digits)
      case (true, true): if let value = try? Rational(significand: Int128(figure.digits), scale: 4) { return value }
      }
    }
    return plainDecimalByAccumulator(bytes, as: kind)
  }

  /// `plainDecimal` as defined: the bytes taken into a `DecimalAccumulator`, then the kind's suffix, in range.
  static func plainDecimalByAccumulator(_ bytes: UnsafeBufferPointer<UInt8>, as kind: NumberKind) -> Rational? {
    // One pass: digits and points into the decimal, then nothing but the kind's suffix.
    var decimal = DecimalAccumulator()
    var index = 0
    while index < bytes.count, decimal.take(bytes[index]) { index += 1 }
    if index < bytes.count {
      guard index > 0, isFastSuffix(UnsafeBufferPointer(rebasing: bytes[index...]), of: kind) else { return nil }
    }
    // Digits within the limit are a value within it (nearly every number): no value is made to check.
    if decimal.isAtMost(UInt64(Limits.maximumMagnitude)) {
      return decimal.value(negative: false, extraScale: kind == .rate ? 2 : 0)
    }
    guard let value = decimal.value(negative: false), isInRange(value) else { return nil }
    return kind == .rate ? decimal.value(negative: false, extraScale: 2) : value
  }

  /// One or two digits, a point and two zeros (`6.00`, `10.00`): the whole number they print; nil for any other
  /// bytes. (`plainDecimal` reads them as this integer: `NumberGrammarTests.wholeNumbersWithZeroCentsAreTheirDecimals`.)
  @inline(__always) static func wholeWithZeroCents(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = bytes.count
    guard count == 4 || count == 5, bytes[count - 3] == UInt8(ascii: "."), bytes[count - 2] == UInt8(ascii: "0"),
      bytes[count - 1] == UInt8(ascii: "0")
    else { return nil }
    let first = bytes[0] &- UInt8(ascii: "0")
    guard first < 10 else { return nil }
    if count == 4 { return Int(first) }
    let second = bytes[1] &- UInt8(ascii: "0")
    guard second < 10 else { return nil }
    return Int(first) * 10 + Int(second)
  }

  /// One to ten digits, perhaps a point and two more, perhaps the kind's suffix (`1730.79`, `3.60`, `12.50分`,
  /// `100%`): the digits as one number (below 10^12, so in range) and whether the last two are decimals; nil for
  /// any other bytes. By definition `plainDecimalByAccumulator` (`NumberGrammarTests.shortFiguresAreTheirDecimals`).
  @inline(__always) static func shortFigure(_ bytes: UnsafeBufferPointer<UInt8>, as kind: NumberKind) -> (
    digits: Int64, hasCents: Bool
  )? {
    var index = 0
    var digits: Int64 = 0
    while index < bytes.count, index <= 10 {
      let digit = bytes[index] &- UInt8(ascii: "0")
      guard digit < 10 else { break }
      digits = digits &* 10 &+ Int64(digit)
      index &+= 1
    }
    guard index > 0, index <= 10 else { return nil }
    var hasCents = false
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      guard bytes.count - index >= 3 else { return nil }
      let tenths = bytes[index &+ 1] &- UInt8(ascii: "0")
      let cents = bytes[index &+ 2] &- UInt8(ascii: "0")
      guard tenths < 10, cents < 10 else { return nil }
      digits = digits &* 100 &+ Int64(tenths) &* 10 &+ Int64(cents)
      hasCents = true
      index &+= 3
    }
    if index < bytes.count {
      guard isFastSuffix(UnsafeBufferPointer(rebasing: bytes[index...]), of: kind) else { return nil }
    }
    return (digits, hasCents)
  }

  /// The bytes are the one suffix `plainDecimal` takes for `kind`, the first of `suffixes(of:)` (the one that
  /// leaves the number as it is), compared with constants: 分 is E5 88 86, 万元 E4 B8 87 E5 85 83
  /// (`NumberGrammarTests.fastSuffixConstantsAreTheSuffixes`).
  @inline(__always) static func isFastSuffix(_ bytes: UnsafeBufferPointer<UInt8>, of kind: NumberKind) -> Bool {
    switch kind {
    case .points: bytes.count == 3 && bytes[0] == 0xE5 && bytes[1] == 0x88 && bytes[2] == 0x86
    case .amount:
      bytes.count == 6 && bytes[0] == 0xE4 && bytes[1] == 0xB8 && bytes[2] == 0x87 && bytes[3] == 0xE5 && bytes[4] == 0x85
        && bytes[5] == 0x83
    case .rate: bytes.count == 1 && bytes[0] == UInt8(ascii: "%")
    case .decimal: false
    }
  }
}

extension Rational {
  /// A JSON number literal, exponent included (`1e3`); `nil` when it cannot be held exactly.
  init?(jsonNumber literal: String) {
    var mantissa = Substring(literal)
    var exponent = 0
    if let e = literal.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let value = Int(literal[literal.index(after: e)...].replacing("+", with: "")), abs(value) <= 30
      else { return nil }
      exponent = value
      mantissa = literal[..<e]
    }
    guard let base = Rational(decimalText: mantissa) else { return nil }
    let power = try? Rational(Rational.powerOfTen(abs(exponent)), over: 1)
    guard let power, let scaled = try? (exponent >= 0 ? base * power : base / power) else { return nil }
    self = scaled
  }
}
