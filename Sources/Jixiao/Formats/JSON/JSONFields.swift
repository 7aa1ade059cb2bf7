/// Typed access to the members of a JSON object, every failure located (file, line, field path) and
/// phrased as what was expected.
struct JSONFields {
  let object: JSONObject
  let location: SourceLocation

  init(_ object: JSONObject, at location: SourceLocation) {
    self.object = object
    self.location = location
  }

  func location(of key: String) -> SourceLocation {
    var result = location.field(key)
    if let line = object.member(key)?.line { result.line = line }
    return result
  }

  func has(_ key: String) -> Bool { object.has(key) }

  /// A scalar as printed: strings as they are, numbers as their literal; `nil` for absent or null.
  func text(_ key: String) throws(InputError) -> String? {
    guard let value = object[key] else { return nil }
    switch value {
    case .null: return nil
    case .string(let text):
      // Characters are never more than bytes: counting characters is needed only for long texts.
      let bytes = text.utf8.count
      guard bytes <= Limits.maximumCellLength || (bytes <= Limits.maximumCellLength * 4 && text.count <= Limits.maximumCellLength)
      else {
        throw InputError(
          location(of: key), "the text is \(text.count) characters long; at most \(Limits.maximumCellLength) are read")
      }
      return text
    case .number(let literal): return literal
    case .bool, .array, .object:
      throw InputError(location(of: key), "expected text or a number, found \(value.typeName)")
    }
  }

  func requiredText(_ key: String) throws(InputError) -> String {
    guard object.has(key) else {
      throw InputError(location.field(key), "the required field \"\(key)\" is missing; add it, e.g. \"\(key)\": \"…\"")
    }
    guard let text = try text(key), !text.trimmingSpaces().isEmpty else {
      throw InputError(location(of: key), "the required field \"\(key)\" is empty; expected text")
    }
    return text
  }

  /// A number field: a JSON number or a printed string (`"10.00分"`, `"100.00%"`, `"1,782.65"`).
  /// Blank marks (`—`, `-`, `/`, empty) read as absent.
  func number(_ key: String, percent: Bool = false) throws(InputError) -> Rational? {
    guard let value = object[key] else { return nil }
    switch value {
    case .null: return nil
    case .number(let literal):
      guard let number = Rational(jsonNumber: literal) else {
        throw InputError(
          location(of: key),
          "the number \(literal) cannot be held exactly; expected at most \(Rational.maximumSignificantDigits) significant digits and an exponent within ±30"
        )
      }
      return number
    case .string(let printed):
      return try PrintedNumber.parse(printed, percent: percent, at: location(of: key))
    case .bool, .array, .object:
      throw InputError(location(of: key), "expected a number such as 10 or \"10.00分\", found \(value.typeName)")
    }
  }

  func object(_ key: String) throws(InputError) -> JSONFields? {
    guard let value = object[key] else { return nil }
    switch value {
    case .null: return nil
    case .object(let nested): return JSONFields(nested, at: location(of: key))
    default: throw InputError(location(of: key), "expected an object, found \(value.typeName)")
    }
  }

  func array(_ key: String) throws(InputError) -> [JSONValue]? {
    guard let value = object[key] else { return nil }
    switch value {
    case .null: return nil
    case .array(let elements): return elements
    default: throw InputError(location(of: key), "expected an array, found \(value.typeName)")
    }
  }

  func objects(_ key: String) throws(InputError) -> [JSONFields]? {
    guard let elements = try array(key) else { return nil }
    var result: [JSONFields] = []
    result.reserveCapacity(elements.count)
    for (offset, element) in elements.enumerated() {
      let path = "\(key)[\(offset + 1)]"
      guard case .object(let nested) = element else {
        var elementLocation = location.field(path)
        elementLocation.line = object.member(key)?.line
        throw InputError(elementLocation, "expected an object, found \(element.typeName)")
      }
      var nestedLocation = location.field(path)
      nestedLocation.line = nested.line
      result.append(JSONFields(nested, at: nestedLocation))
    }
    return result
  }

  func bool(_ key: String) throws(InputError) -> Bool? {
    guard let value = object[key] else { return nil }
    switch value {
    case .null: return nil
    case .bool(let flag): return flag
    default: throw InputError(location(of: key), "expected true or false, found \(value.typeName)")
    }
  }

  func strings(_ key: String) throws(InputError) -> [String]? {
    guard let elements = try array(key) else { return nil }
    var result: [String] = []
    for element in elements {
      guard case .string(let text) = element else {
        throw InputError(location(of: key), "expected an array of strings, found \(element.typeName) in it")
      }
      result.append(text)
    }
    return result
  }
}

/// Number fields as tables print them.
enum PrintedNumber {
  /// Strips thousands separators, a trailing 分 / 万元 / 元 and spaces. A `%` divides by 100, and so
  /// does `percent` (a rate: rates are fractions inside the engine, and tables print 100 for 100%).
  /// `location` is made only for an error: building a field path for every number costs more than reading it.
  static func parse(_ printed: String, percent: Bool, at location: @autoclosure () -> SourceLocation) throws(InputError)
    -> Rational?
  {
    // Fast path: a plain decimal, perhaps with a trailing % ("12.87", "100%").
    if let value = plainDecimal(printed, percent: percent) { return value }
    let text = CellGrammar.normalize(printed)
    if CellGrammar.isEmptyMark(text) { return nil }
    var body = Substring(text)
    var isPercent = false
    if body.hasSuffix("%") {
      isPercent = true
      body = body.dropLast()
    }
    for suffix in suffixes where body.hasSuffix(suffix) {
      body = body.dropLast(suffix.count)
      break
    }
    let digits = String(body.filter { $0 != "," && !$0.isWhitespace })
    guard let value = Rational(decimalText: Substring(digits)) else {
      throw InputError(
        location(), "expected a number such as 10, \"10.00分\", \"86.24%\" or \"1,782.65\", found \"\(printed)\"")
    }
    if isPercent || percent {
      // A rate printed without % ("100") is a percent too: tables print completion as 100.
      return try? value / Rational.hundred
    }
    return value
  }
}

extension PrintedNumber {
  /// What a printed number may end with; the first that matches is stripped.
  static let suffixes = ["分", "万元", "元"]
  static let moneyAndPointSuffixes: [[UInt8]] = suffixes.map { Array($0.utf8) }

  /// `parse` for ASCII digits and points with at most a trailing `%`; `nil` for anything else.
  static func plainDecimal(_ printed: String, percent: Bool) -> Rational? {
    printed.utf8.withContiguousStorageIfAvailable { plainDecimal($0, percent: percent) } ?? nil
  }

  static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>, percent: Bool) -> Rational? {
    var end = bytes.count
    let isPercent = end > 0 && bytes[end - 1] == UInt8(ascii: "%")
    if isPercent { end -= 1 }
    for suffix in moneyAndPointSuffixes where end > suffix.count && bytes.hasBytes(suffix, at: end - suffix.count) {
      end -= suffix.count
      break
    }
    for index in 0..<end where !((bytes[index] >= 0x30 && bytes[index] <= 0x39) || bytes[index] == 0x2E) { return nil }
    guard let value = Rational(decimalBytes: bytes[..<end]) else { return nil }
    guard isPercent || percent else { return value }
    let (scaled, overflow) = value.denominator.multipliedReportingOverflow(by: 100)
    return overflow ? nil : try? Rational(value.numerator, over: scaled)
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
