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
          location(of: key),
          Message(
            en: "the text is \(text.count) characters long; at most \(Limits.maximumCellLength) are read",
            zh: "文字长 \(text.count) 个字符；最多读取 \(Limits.maximumCellLength) 个"))
      }
      return text
    case .number(let literal): return literal
    case .bool, .array, .object:
      throw InputError(location(of: key), value.expected(Message(en: "text or a number", zh: "文字或数值")))
    }
  }

  func requiredText(_ key: String) throws(InputError) -> String {
    guard object.has(key) else {
      throw InputError(
        location.field(key),
        Message(
          en: "the required field \"\(key)\" is missing; add it, e.g. \"\(key)\": \"…\"",
          zh: "缺少必填字段 \"\(key)\"；请补上，例如 \"\(key)\": \"…\""))
    }
    guard let text = try text(key), !text.trimmingSpaces().isEmpty else {
      throw InputError(
        location(of: key),
        Message(en: "the required field \"\(key)\" is empty; expected text", zh: "必填字段 \"\(key)\" 为空；应为文字"))
    }
    return text
  }

  /// A number field (a weight, score, total or amount): a JSON number or a printed string read by
  /// `PrintedNumber`'s grammar. Never throws: a value it cannot take is a refusal the table keeps, so
  /// that a bad cell costs a finding on its row, not the table.
  func number(_ key: String, as kind: NumberKind) -> NumberReading {
    guard let value = object[key] else { return .absent }
    switch value {
    case .number(let literal): return PrintedNumber.read(jsonNumber: literal, as: kind)
    case .string(let printed): return PrintedNumber.read(printed, as: kind)
    default: return PrintedNumber.read(value)
    }
  }

  /// A required-to-be-valid decimal (profile values): absent, or a bare decimal; anything else is an error.
  func decimal(_ key: String) throws(InputError) -> Rational? {
    switch number(key, as: .decimal) {
    case .absent: return nil
    case .value(let value): return value
    case .refused(.outOfRange, let text):
      throw InputError(
        location(of: key),
        Message(
          en:
            "the number \(text) cannot be held exactly; expected a magnitude of at most \(Limits.maximumMagnitude), at most \(Rational.maximumSignificantDigits) significant digits and an exponent within ±30",
          zh:
            "数值 \(text) 无法精确表示；绝对值应不超过 \(Limits.maximumMagnitude)，有效数字不超过 \(Rational.maximumSignificantDigits) 位，指数在 ±30 以内"
        ))
    case .refused(.form, let text):
      throw InputError(
        location(of: key),
        Message(en: "expected a decimal such as 0.5 or \"0.005\", found \(text)", zh: "应为小数，例如 0.5 或 \"0.005\"，实为 \(text)"))
    }
  }

  func object(_ key: String) throws(InputError) -> JSONFields? {
    guard let value = object[key] else { return nil }
    switch value {
    case .null: return nil
    case .object(let nested): return JSONFields(nested, at: location(of: key))
    default: throw InputError(location(of: key), value.expected(Message(en: "an object", zh: "对象")))
    }
  }

  func array(_ key: String) throws(InputError) -> [JSONValue]? {
    guard let value = object[key] else { return nil }
    switch value {
    case .null: return nil
    case .array(let elements): return elements
    default: throw InputError(location(of: key), value.expected(Message(en: "an array", zh: "数组")))
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
        throw InputError(elementLocation, element.expected(Message(en: "an object", zh: "对象")))
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
    default: throw InputError(location(of: key), value.expected(Message(en: "true or false", zh: "true 或 false")))
    }
  }

  func strings(_ key: String) throws(InputError) -> [String]? {
    guard let elements = try array(key) else { return nil }
    var result: [String] = []
    for element in elements {
      guard case .string(let text) = element else {
        throw InputError(
          location(of: key),
          Message(
            en: "expected an array of strings, found \(element.typeName.english) in it",
            zh: "应为字符串数组，其中有\(element.typeName.chinese)"))

      }
      result.append(text)
    }
    return result
  }
}
