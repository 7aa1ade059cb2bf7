/// Dates in target and actual cells: `2024年10月30日前`, `12月31日之前`, `2024年12月10`, `2024年6月底前`.
/// Read on UTF-8 bytes, after the cell grammar has folded full-width forms and dropped spaces.
enum DateGrammar {
  enum Outcome {
    case success(Deadline)
    case failure(String)
  }

  /// `nil` when the text is not shaped like a date at all; `.failure` for an impossible one (2月30日).
  static func parse(_ text: Substring) -> Outcome? {
    if let outcome = text.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0) }) { return outcome }
    return Array(text.utf8).withUnsafeBufferPointer { parse(bytes: $0) }
  }

  private static let year = Array("年".utf8)
  private static let endOfMonth = Array("底".utf8)
  private static let days = [Array("日".utf8), Array("号".utf8)]
  private static let before = ["之前", "以前", "前"].map { Array($0.utf8) }
  /// Stray characters seen in converted tables: `2024年12月1日前日`, `…前完成`.
  private static let tails = ["日", "完成", "内"].map { Array($0.utf8) }

  static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Outcome? {
    var index = 0
    var year: Int?
    guard let first = readInteger(bytes, &index) else { return nil }
    if take(Self.year, bytes, &index) {
      guard (1900...2999).contains(first) else { return nil }
      year = first
    } else {
      index = 0
    }
    guard let month = readInteger(bytes, &index), take(CellGrammar.monthMark, bytes, &index) else { return nil }
    var day: Int?
    if !take(endOfMonth, bytes, &index), let number = readInteger(bytes, &index) {
      day = number
      for mark in days where take(mark, bytes, &index) { break }
    }
    for suffix in before where take(suffix, bytes, &index) { break }
    for tail in tails where take(tail, bytes, &index) { break }
    guard index == bytes.count else { return nil }
    guard (1...12).contains(month) else { return .failure("月份 \(month) 不存在") }
    let lastDay = daysIn(month: month, year: year)
    let resolvedDay = day ?? lastDay
    guard (1...lastDay).contains(resolvedDay) else { return .failure("\(month)月没有\(resolvedDay)日") }
    return .success(Deadline(year: year, month: month, day: resolvedDay))
  }

  /// One to four ASCII digits.
  private static func readInteger(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Int? {
    var end = index
    var value = 0
    while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") {
      value = value &* 10 &+ Int(bytes[end] - UInt8(ascii: "0"))
      end += 1
    }
    guard end > index, end - index <= 4 else { return nil }
    index = end
    return value
  }

  private static func take(_ word: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Bool {
    guard bytes.hasBytes(word, at: index) else { return false }
    index += word.count
    return true
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
