/// A number format code (ECMA-376 Part 1 §18.8.31) as forms use it: how a stored number is printed.
///
/// Read: up to four sections (positive; negative; zero; text), quoted and escaped literals, `_x`
/// spacing and `*x` fill, `[Red]` and other colours, `[$¥-804]` currency and locale tags, `0 # ?`
/// placeholders with decimals, thousands grouping and scaling commas, `%`, `General`, `@`, and date and
/// time codes (`yyyy yy m mm mmm mmmm d dd ddd dddd h hh m mm s ss`, `AM/PM`, `上午/下午`, elapsed `[h]`).
/// A section with a condition (`[>=100]`), a fraction (`# ?/?`) or an exponent (`0.00E+00`) prints the
/// number as General does, which keeps its value readable. `[DBNum1]` (Chinese numerals) prints Arabic
/// digits.
struct NumberFormat: Sendable, Hashable {
  enum Token: Sendable, Hashable {
    case literal(String)
    /// `0`, `#` or `?`.
    case digit(Character)
    case point
    case comma
    case percent
    case general
    case text
    /// A run of one date or time letter (`yyyy`, `m`, `dd`, `h`, `ss`), lower-cased.
    case dateCode(Character, Int)
    /// `[h]`, `[mm]`, `[ss]`: time elapsed, not time of day.
    case elapsed(Character)
    /// `AM/PM` (`"AM"`), `A/P` (`"A"`) or `上午/下午` (`"上午"`).
    case meridiem(String)
    /// Something this reader prints as General: a condition, a fraction bar, an exponent.
    case unsupported
    /// `[$-F800]` and `[$-F400]`: the system's long date or time replaces the whole section.
    case systemFormat([Token])
  }

  struct Section: Sendable, Hashable {
    var tokens: [Token] = []

    var isDate: Bool {
      var hasDigits = false
      var hasDateCode = false
      for token in tokens {
        switch token {
        case .digit: hasDigits = true
        case .dateCode(let letter, _): if letter != "m" { hasDateCode = true } else { hasDateCode = hasDateCode || !hasDigits }
        case .elapsed, .meridiem: hasDateCode = true
        default: break
        }
      }
      return hasDateCode && !hasDigits
    }
  }

  let code: String
  let sections: [Section]
  /// Whether the format is General alone, which prints a number as its plain decimal.
  let isGeneral: Bool

  init(code: String) {
    self.code = code
    var sections: [Section] = []
    var section = Section()
    var characters = Array(code)[...]
    func appendLiteral(_ text: String) {
      if case .literal(let previous) = section.tokens.last {
        section.tokens[section.tokens.count - 1] = .literal(previous + text)
      } else {
        section.tokens.append(.literal(text))
      }
    }
    while let character = characters.popFirst() {
      switch character {
      case ";":
        sections.append(Self.finished(section))
        section = Section()
      case "\"":
        var literal = ""
        while let next = characters.popFirst(), next != "\"" { literal.append(next) }
        appendLiteral(literal)
      case "\\":
        if let next = characters.popFirst() { appendLiteral(String(next)) }
      case "_":
        _ = characters.popFirst()
        appendLiteral(" ")
      case "*":
        _ = characters.popFirst()
      case "[":
        var content = ""
        while let next = characters.popFirst(), next != "]" { content.append(next) }
        section.tokens += Self.bracketTokens(content)
      case "0", "#", "?":
        section.tokens.append(.digit(character))
      case ".":
        section.tokens.append(.point)
      case ",":
        section.tokens.append(.comma)
      case "%":
        section.tokens.append(.percent)
      case "@":
        section.tokens.append(.text)
      case "/":
        // A fraction bar between digit placeholders; elsewhere (dates) a literal.
        if case .digit = section.tokens.last { section.tokens.append(.unsupported) } else { appendLiteral("/") }
      case _ where "Ee".contains(character) && (characters.first == "+" || characters.first == "-"):
        _ = characters.popFirst()
        section.tokens.append(.unsupported)
      case _ where "Gg".contains(character) && String(characters.prefix(6)).lowercased() == "eneral":
        characters.removeFirst(6)
        section.tokens.append(.general)
      case _ where "Aa".contains(character) && String(characters.prefix(4)).uppercased() == "M/PM":
        characters.removeFirst(4)
        section.tokens.append(.meridiem("AM"))
      case _ where "Aa".contains(character) && String(characters.prefix(2)).uppercased() == "/P":
        characters.removeFirst(2)
        section.tokens.append(.meridiem("A"))
      case "上" where String(characters.prefix(4)) == "午/下午":
        characters.removeFirst(4)
        section.tokens.append(.meridiem("上午"))
      case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S":
        let letter = Character(character.lowercased())
        var count = 1
        while let next = characters.first, next.lowercased() == String(letter) {
          characters.removeFirst()
          count += 1
        }
        section.tokens.append(.dateCode(letter, count))
      default:
        appendLiteral(String(character))
      }
    }
    sections.append(Self.finished(section))
    self.sections = sections
    isGeneral = sections.count == 1 && sections[0].tokens == [.general]
  }

  /// A section as printed: a system format replaces what is written around it.
  private static func finished(_ section: Section) -> Section {
    for token in section.tokens {
      if case .systemFormat(let tokens) = token { return Section(tokens: tokens) }
    }
    return section
  }

  /// `[Red]`, `[Color10]`, `[DBNum1]` print nothing; `[$¥-804]` prints `¥`; `[h]` is elapsed time; a
  /// condition is unsupported; `[$-F800]` is the system's long date and `[$-F400]` its time.
  private static func bracketTokens(_ content: String) -> [Token] {
    let lower = content.lowercased()
    if lower.hasPrefix("$") {
      if lower.hasSuffix("-f800") {
        return [
          .systemFormat([.dateCode("y", 4), .literal("年"), .dateCode("m", 1), .literal("月"), .dateCode("d", 1), .literal("日")])
        ]
      }
      if lower.hasSuffix("-f400") {
        return [.systemFormat([.dateCode("h", 1), .literal(":"), .dateCode("m", 2), .literal(":"), .dateCode("s", 2)])]
      }
      let symbol = content.dropFirst().prefix { $0 != "-" }
      return symbol.isEmpty ? [] : [.literal(String(symbol))]
    }
    if let first = lower.first, "hms".contains(first), lower.allSatisfy({ $0 == first }) { return [.elapsed(first)] }
    if let first = lower.first, "<>=".contains(first) { return [.unsupported] }
    return []
  }

  var isDate: Bool { sections.first?.isDate ?? false }

  /// Whether the first section prints a time of day or an elapsed time.
  var showsTime: Bool {
    sections.first?.tokens.contains {
      switch $0 {
      case .dateCode("h", _), .dateCode("s", _), .elapsed, .meridiem: true
      default: false
      }
    } ?? false
  }

  /// The codes ECMA-376 §18.8.30 defines by id, with the ids a Chinese Excel gives its own date and time
  /// formats (27–36, 50–58) and the short date (14) as zh-CN shows it.
  static func builtIn(_ id: Int) -> String? {
    switch id {
    case 0: "General"
    case 1: "0"
    case 2: "0.00"
    case 3: "#,##0"
    case 4: "#,##0.00"
    case 5: "¥#,##0;¥-#,##0"
    case 6: "¥#,##0;[Red]¥-#,##0"
    case 7: "¥#,##0.00;¥-#,##0.00"
    case 8: "¥#,##0.00;[Red]¥-#,##0.00"
    case 9: "0%"
    case 10: "0.00%"
    case 11: "0.00E+00"
    case 12: "# ?/?"
    case 13: "# ??/??"
    case 14: "yyyy/m/d"
    case 15: "d-mmm-yy"
    case 16: "d-mmm"
    case 17: "mmm-yy"
    case 18: "h:mm AM/PM"
    case 19: "h:mm:ss AM/PM"
    case 20: "h:mm"
    case 21: "h:mm:ss"
    case 22: "yyyy/m/d h:mm"
    case 27, 36, 50, 52, 57: "yyyy\"年\"m\"月\""
    case 28, 29, 51, 53, 54, 58: "m\"月\"d\"日\""
    case 30: "m-d-yy"
    case 31: "yyyy\"年\"m\"月\"d\"日\""
    case 32: "h\"时\"mm\"分\""
    case 33: "h\"时\"mm\"分\"ss\"秒\""
    case 34, 55: "上午/下午h\"时\"mm\"分\""
    case 35, 56: "上午/下午h\"时\"mm\"分\"ss\"秒\""
    case 37: "#,##0 ;(#,##0)"
    case 38: "#,##0 ;[Red](#,##0)"
    case 39: "#,##0.00;(#,##0.00)"
    case 40: "#,##0.00;[Red](#,##0.00)"
    case 45: "mm:ss"
    case 46: "[h]:mm:ss"
    case 47: "mm:ss.0"
    case 48: "##0.0E+0"
    case 49: "@"
    default: nil
    }
  }

  static let general = NumberFormat(code: "General")

  // MARK: - Printing

  /// The number as this format prints it, and whether it printed as a date (nil when the format is
  /// a date format and the number is no date: negative, or past 9999-12-31).
  func print(_ number: SheetNumber, uses1904: Bool) -> (text: String, date: SerialDate?)? {
    let section: Section
    var signed = false
    switch (sections.count, number.isNegative, number.isZero) {
    case (1, _, _):
      section = sections[0]
      signed = true
    case (2, true, _), (3..., true, _):
      section = sections[1]
    case (3..., false, true):
      section = sections[2]
    default:
      section = sections[0]
    }
    if section.isDate {
      guard let date = SerialDate(serial: number, uses1904: uses1904) else { return nil }
      return (Self.printDate(section, date), date)
    }
    let magnitude = signed ? number : SheetNumber(isNegative: false, digits: number.digits, exponent: number.exponent)
    return (Self.printNumber(section, magnitude), nil)
  }

  private static func printNumber(_ section: Section, _ number: SheetNumber) -> String {
    let tokens = section.tokens
    guard !tokens.isEmpty else { return "" }
    let placeholders = tokens.indices.filter { if case .digit = tokens[$0] { true } else { false } }
    let unsupported = tokens.contains(.unsupported)
    // A fraction, an exponent or a condition: the number as General prints it, its value intact.
    if unsupported { return number.plainText }
    if placeholders.isEmpty || tokens.contains(.general) {
      // General, alone or with literals around it (`General"元"`); a section of literals only (`"零"` for
      // zero) prints them alone.
      var text = ""
      for token in tokens {
        switch token {
        case .literal(let literal): text += literal
        case .percent: text += "%"
        // A number in a text format (`@`) prints as General.
        case .general, .text: text += number.plainText
        default: break
        }
      }
      return text
    }
    let first = placeholders.first!
    let last = placeholders.last!
    let point = tokens.firstIndex(of: .point)
    let integerEnd = point ?? last + 1
    var minimumIntegerDigits = 0
    var minimumDecimals = 0
    var maximumDecimals = 0
    var grouped = false
    var scalingCommas = 0
    var percents = 0
    for (index, token) in tokens.enumerated() {
      switch token {
      case .digit(let kind):
        if index < integerEnd {
          if kind == "0" { minimumIntegerDigits += 1 }
        } else {
          maximumDecimals += 1
          if kind == "0" { minimumDecimals = maximumDecimals }
        }
      case .comma where index > first && (point == nil || index < point!):
        // A comma between integer placeholders groups thousands; commas after the last one scale.
        if tokens[(index + 1)..<max(index + 1, point ?? tokens.count)].contains(where: {
          if case .digit = $0 { true } else { false }
        }) {
          grouped = true
        } else {
          scalingCommas += 1
        }
      case .percent:
        percents += 1
      default: break
      }
    }
    let scaled = number.scaled(byPowerOfTen: 2 * percents - 3 * scalingCommas)
    let digits = scaled.formatted(
      minimumDecimals: minimumDecimals, maximumDecimals: maximumDecimals, minimumIntegerDigits: minimumIntegerDigits,
      grouped: grouped)
    var text = ""
    for (index, token) in tokens.enumerated() {
      switch token {
      case .literal(let literal): text += literal
      case .percent: text += "%"
      case .text: break
      default:
        if index == first { text += digits }
      }
    }
    return text
  }

  private static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]
  private static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

  private static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  private static func printDate(_ section: Section, _ date: SerialDate) -> String {
    let tokens = section.tokens
    let twelveHour = tokens.contains { if case .meridiem = $0 { true } else { false } }
    // `m` is minutes right after an hour or right before seconds, months otherwise.
    func isMinute(_ index: Int) -> Bool {
      for previous in tokens[..<index].reversed() {
        if case .dateCode(let letter, _) = previous { if letter == "h" { return true } else { break } }
        if case .elapsed(let letter) = previous { if letter == "h" { return true } else { break } }
      }
      for next in tokens[(index + 1)...] {
        if case .dateCode(let letter, _) = next { return letter == "s" }
        if case .elapsed(let letter) = next { return letter == "s" }
      }
      return false
    }
    var text = ""
    for (index, token) in tokens.enumerated() {
      switch token {
      case .literal(let literal): text += literal
      case .dateCode("y", let count): text += count <= 2 ? padded(date.year % 100, 2) : padded(date.year, 4)
      case .dateCode("m", let count) where isMinute(index): text += count == 1 ? String(date.minute) : padded(date.minute, 2)
      case .dateCode("m", let count):
        switch count {
        case 1: text += String(date.month)
        case 2: text += padded(date.month, 2)
        case 3: text += String(monthNames[date.month - 1].prefix(3))
        case 5: text += String(monthNames[date.month - 1].prefix(1))
        default: text += monthNames[date.month - 1]
        }
      case .dateCode("d", let count):
        switch count {
        case 1: text += String(date.day)
        case 2: text += padded(date.day, 2)
        case 3: text += String(dayNames[date.weekday].prefix(3))
        default: text += dayNames[date.weekday]
        }
      case .dateCode("h", let count):
        let hour = twelveHour ? (date.hour % 12 == 0 ? 12 : date.hour % 12) : date.hour
        text += count == 1 ? String(hour) : padded(hour, 2)
      case .dateCode("s", let count): text += count == 1 ? String(date.second) : padded(date.second, 2)
      case .elapsed("h"): text += String(date.elapsedSeconds / 3_600)
      case .elapsed("m"): text += String(date.elapsedSeconds / 60)
      case .elapsed: text += String(date.elapsedSeconds)
      case .meridiem(let style):
        let morning = date.hour < 12
        switch style {
        case "上午": text += morning ? "上午" : "下午"
        case "A": text += morning ? "A" : "P"
        default: text += morning ? "AM" : "PM"
        }
      case .point: text += "."
      case .comma: text += ","
      case .percent: text += "%"
      case .digit: text += "0"
      default: break
      }
    }
    return text
  }
}
