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
