/// Text as OOXML stores it in strings (ECMA-376 Part 1 §22.9.2.19, ST_Xstring): a character XML cannot
/// hold, such as a carriage return or a control character, is written `_x000D_`; a literal `_x` that
/// would be misread is written `_x005F_x`.
enum OOXMLText {
  static func decode(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "_")), text.contains("_x") else { return text }
    var result = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
        let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
        scalars[(index + 2)..<(index + 6)].allSatisfy({ $0.properties.isASCIIHexDigit }),
        let scalar = Unicode.Scalar(value)
      {
        result.append(scalar)
        index += 7
      } else {
        result.append(scalars[index])
        index += 1
      }
    }
    return String(result)
  }
}

extension OOXMLText {
  /// Text as an OOXML string stores it, the inverse of `decode`, by Unicode scalar: the scalars XML 1.0
  /// forbids (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF) and the carriage return
  /// (which an XML parser would fold into a line feed) as `_xHHHH_`; a literal `_xHHHH_` with its
  /// underscore as `_x005F_`, so that it reads back as written. Markup characters are escaped afterwards
  /// (`WorkbookWriter.appendEscaped`).
  static func encode(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0) || $0 == "_" }) else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() {
      if needsEscape(scalar) {
        result.append(contentsOf: "_x\(hex(scalar.value))_".unicodeScalars)
      } else if scalar == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
        scalars[(index + 2)..<(index + 6)].allSatisfy({ $0.properties.isASCIIHexDigit })
      {
        result.append(contentsOf: "_x005F_".unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// A scalar XML 1.0 cannot hold, or a carriage return.
  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return (value < 0x20 && value != 0x09 && value != 0x0A) || value == 0xFFFE || value == 0xFFFF
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
