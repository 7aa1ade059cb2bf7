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
        "the number \(text) cannot be held exactly; expected a magnitude of at most \(Limits.maximumMagnitude), at most \(Rational.maximumSignificantDigits) significant digits and an exponent within ±30"
      )
    case .refused(.form, let text):
      throw InputError(location(of: key), "expected a decimal such as 0.5 or \"0.005\", found \(text)")
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
