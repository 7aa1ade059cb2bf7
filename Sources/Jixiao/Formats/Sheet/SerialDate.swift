/// A date and time from a spreadsheet serial: days since the workbook's epoch, the fraction the time of
/// day. The 1900 system counts 1900-01-01 as day 1 and, as Lotus 1-2-3 did, a 29 February 1900 that
/// never was (day 60); the 1904 system (old Mac workbooks, `date1904`) counts 1904-01-01 as day 0.
struct SerialDate: Hashable {
  var year: Int
  var month: Int
  var day: Int
  var hour: Int
  var minute: Int
  var second: Int
  /// Whether the serial had a day part (a pure time, below 1 in the 1900 system, has none).
  var hasDate: Bool
  /// Seconds since midnight (for elapsed-time formats: the whole serial in seconds).
  var elapsedSeconds: Int

  /// Day 2,958,465 is 9999-12-31, the last day Excel shows.
  static let lastSerial = 2_958_465

  init?(serial: SheetNumber, uses1904: Bool) {
    guard let (days, fraction) = serial.splitIntegerAndFraction(limit: Self.lastSerial) else { return nil }
    // The fraction, at most 15 digits, times 86,400 seconds, rounded half up to whole seconds.
    // (A fraction below 10^-15 is no second at all, and 10^30 keeps the product inside Int128.)
    var seconds = 0
    if !fraction.isZero && -fraction.exponent <= 30 {
      let scale = Int128(Rational.powerOfTen(-fraction.exponent))
      var numerator: Int128 = 0
      for digit in fraction.digits { numerator = numerator * 10 + Int128(digit) }
      seconds = Int((numerator * 86_400 + scale / 2) / scale)
    }
    var dayNumber = days
    if seconds >= 86_400 {
      seconds -= 86_400
      dayNumber += 1
    }
    elapsedSeconds = dayNumber * 86_400 + seconds
    hour = seconds / 3_600
    minute = seconds / 60 % 60
    second = seconds % 60
    if uses1904 {
      hasDate = true
      (year, month, day) = Self.civil(daysSince1970: dayNumber - 24_107)
    } else if dayNumber == 0 {
      hasDate = false
      (year, month, day) = (1900, 1, 0)
    } else if dayNumber == 60 {
      hasDate = true
      (year, month, day) = (1900, 2, 29)
    } else {
      hasDate = true
      // 1899-12-31 is day 0 before the phantom leap day, 1899-12-30 after it.
      (year, month, day) = Self.civil(daysSince1970: dayNumber - (dayNumber < 60 ? 25_568 : 25_569))
    }
  }

  /// The proleptic Gregorian date of a day count (Howard Hinnant's `civil_from_days`).
  static func civil(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Days since 1970-01-01 of a date, for the weekday.
  var weekday: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    // 1970-01-01 was a Thursday (4, counting Sunday as 0).
    return ((days % 7) + 11) % 7
  }

  private static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// ISO 8601: `2024-03-01`, `2024-03-01T08:30:00`, or `08:30:00` for a pure time.
  func isoText(withTime: Bool) -> String {
    let time = "\(Self.padded(hour, 2)):\(Self.padded(minute, 2)):\(Self.padded(second, 2))"
    guard hasDate else { return time }
    let date = "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
    return withTime ? "\(date)T\(time)" : date
  }
}
