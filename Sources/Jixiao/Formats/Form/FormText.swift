/// How the form locator compares what a form prints: headers and labels wrap and are spaced out to fill
/// their cells (`一级\n指标`, `分  值`), and brackets and colons come full-width or ASCII.
enum FormText {
  /// A header as compared: without spaces and line breaks, full-width brackets and percent signs folded
  /// to ASCII (`年初预算\n数` → `年初预算数`, `指标权重（分）` → `指标权重(分)`). The same definition as the
  /// table schema's header key, so a column's key finds its field there.
  static func key(_ printed: some StringProtocol) -> String {
    var key = ""
    key.unicodeScalars.reserveCapacity(printed.unicodeScalars.count)
    for scalar in printed.unicodeScalars where !scalar.properties.isWhitespace && scalar != "\u{FEFF}" {
      switch scalar {
      case "（": key.unicodeScalars.append("(")
      case "）": key.unicodeScalars.append(")")
      case "％": key.unicodeScalars.append("%")
      default: key.unicodeScalars.append(scalar)
      }
    }
    return key
  }

  /// A label as compared: its key without the colons that end it (`联系电话：` → `联系电话`).
  static func labelKey(_ printed: some StringProtocol) -> String {
    var key = key(printed)
    while key.last == ":" || key.last == "：" { key.removeLast() }
    return key
  }

  /// Whether a label holds a colon (`年度预算总额：`, `其中：财政拨款`): how a one-row block pairs its labels
  /// with values.
  static func hasColon(_ printed: String) -> Bool {
    printed.unicodeScalars.contains { $0 == ":" || $0 == "：" }
  }

  /// A label and the points printed in its brackets: `产出指标（50分）` is 产出指标 with 50 points,
  /// `预算执行情况（20分）` the funds block with 20. The points are read by the points grammar; brackets
  /// holding anything else (`成本指标（万元）`, `得分（20分*执行率）`) are part of the name.
  static func splitPoints(_ printed: String) -> (name: String, points: Rational)? {
    let text = printed.trimmingSpaces()
    guard let close = text.last, close == ")" || close == "）",
      let open = text.lastIndex(where: { $0 == "(" || $0 == "（" })
    else { return nil }
    let name = text[..<open].trimmingSpaces()
    let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
    guard !name.isEmpty, case .value(let points) = PrintedNumber.read(String(inside), as: .points) else { return nil }
    return (String(name), points)
  }

  /// The year of a cell that is only a year as forms print it under their title: `（2023年度）`,
  /// `(2024年度)`, `2023 年度`, `(2024 年）`, `2023年`.
  static func year(ofYearCell printed: String) -> Int? {
    var key = Substring(key(printed))
    if key.first == "(" && key.last == ")" { key = key.dropFirst().dropLast() }
    if key.hasSuffix("年度") {
      key = key.dropLast(2)
    } else if key.hasSuffix("年") {
      key = key.dropLast()
    } else {
      return nil
    }
    return fourDigitYear(key)
  }

  /// The first year printed inside a text (a title that holds its year, `项目支出绩效自评表\n（2023年度）`):
  /// four digits followed, after optional spaces, by 年.
  static func year(inText printed: String) -> Int? {
    let scalars = Array(printed.unicodeScalars)
    var index = 0
    while index + 4 <= scalars.count {
      let digits = scalars[index..<index + 4]
      guard digits.allSatisfy({ ("0"..."9").contains($0) }),
        index == 0 || !("0"..."9").contains(scalars[index - 1])
      else {
        index += 1
        continue
      }
      var after = index + 4
      while after < scalars.count, scalars[after].properties.isWhitespace { after += 1 }
      if after < scalars.count, scalars[after] == "年", let year = fourDigitYear(String(String.UnicodeScalarView(digits))[...]) {
        return year
      }
      index += 1
    }
    return nil
  }

  private static func fourDigitYear(_ text: Substring) -> Int? {
    guard text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let year = Int(text), year >= 1900
    else { return nil }
    return year
  }
}
