/// Dates in target and actual cells: `2024年10月30日前`, `12月31日之前`, `2024年12月10`, `2024年6月底前`.
enum DateGrammar {
  enum Outcome {
    case success(Deadline)
    case failure(String)
  }

  /// `nil` when the text is not shaped like a date at all; `.failure` for an impossible one (2月30日).
  static func parse(_ text: Substring) -> Outcome? {
    var rest = text
    var year: Int?
    guard let first = readInteger(&rest) else { return nil }
    if rest.first == "年" {
      guard (1900...2999).contains(first) else { return nil }
      year = first
      rest = rest.dropFirst()
    } else {
      rest = text
    }
    guard let month = readInteger(&rest), rest.first == "月" else { return nil }
    rest = rest.dropFirst()
    var day: Int?
    if rest.hasPrefix("底") {
      rest = rest.dropFirst()
    } else if let number = readInteger(&rest) {
      day = number
      if rest.first == "日" || rest.first == "号" { rest = rest.dropFirst() }
    }
    for suffix in ["之前", "以前", "前"] where rest.hasPrefix(suffix) {
      rest = rest.dropFirst(suffix.count)
      break
    }
    // Stray characters seen in converted tables: `2024年12月1日前日`, `…前完成`.
    for tail in ["日", "完成", "内"] where rest.hasPrefix(tail) {
      rest = rest.dropFirst(tail.count)
      break
    }
    guard rest.trimmingSpaces().isEmpty else { return nil }
    guard (1...12).contains(month) else { return .failure("月份 \(month) 不存在") }
    let lastDay = daysIn(month: month, year: year)
    let resolvedDay = day ?? lastDay
    guard (1...lastDay).contains(resolvedDay) else { return .failure("\(month)月没有\(resolvedDay)日") }
    return .success(Deadline(year: year, month: month, day: resolvedDay))
  }

  private static func readInteger(_ rest: inout Substring) -> Int? {
    let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
    guard !digits.isEmpty, digits.count <= 4 else { return nil }
    rest = rest.dropFirst(digits.count)
    return Int(digits)
  }

  static func daysIn(month: Int, year: Int?) -> Int {
    switch month {
    case 2:
      // Without a year, 29 is allowed: the table's year may be a leap year.
      guard let year else { return 29 }
      return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
