import Testing

@testable import Jixiao

@Suite struct NumberFormatTests {
  private func printed(_ value: String, _ code: String, uses1904: Bool = false) -> String? {
    NumberFormat(code: code).print(SheetNumber(value)!, uses1904: uses1904)?.text
  }

  @Test(arguments: [
    ("1782.65", "1782.65"), ("-0.30000000000000004", "-0.3"), ("0.1", "0.1"), ("1E+3", "1000"), ("1.5e-3", "0.0015"),
    ("123456789012345678", "123456789012346000"), ("0.000000000000000111", "0.000000000000000111"), ("-0", "0"),
    ("00012.5000", "12.5"), ("+7", "7"), (".5", "0.5"), ("5.", "5"), ("9.99999999999999999", "10"),
  ])
  func storedNumbersKeepFifteenDigits(text: String, plain: String) throws {
    #expect(try #require(SheetNumber(text)).plainText == plain)
  }

  @Test func theShortcutForPlainNumbersAgreesWithTheDigits() {
    // Every text the sheet reader keeps as it stands must be what the digits would print; generated
    // from the characters numbers are made of, with the cases at the edges of the shortcut.
    var generator = SplitMix(seed: 17)
    var texts = [
      "0", "-0", "0.0", "-0.5", "1.50", "012", "5.", ".5", "100", "123456789012345", "1234567890123456", "0.000000000000000001",
      "-123456789.012345", "99999999999999.9", "1e5", "1.", "--1", "1.2.3",
    ]
    for _ in 0..<20_000 {
      let length = Int.random(in: 1...22, using: &generator)
      texts.append(String((0..<length).map { _ in "0123456789.-e".randomElement(using: &generator)! }))
    }
    var kept = 0
    for text in texts where SheetNumber.isPlainText(text) {
      kept += 1
      #expect(SheetNumber(text)?.plainText == text, "\(text)")
    }
    #expect(kept > 1_000)
    #expect(!SheetNumber.isPlainText("-0") && !SheetNumber.isPlainText("1.50") && !SheetNumber.isPlainText("1234567890123456"))
    #expect(SheetNumber.isPlainText("-0.5") && SheetNumber.isPlainText("1782.65") && SheetNumber.isPlainText("0"))
  }

  /// `formatted`, which writes its digits into one byte buffer, against its definition: the integer and fraction
  /// digits gathered as lists, padded, and appended to a string one by one. Numbers from zero to 16 digits, far
  /// left and far right of the point, both signs, every option.
  @Test func formattingAgreesWithTheDigitLists() {
    func byDigitLists(
      _ number: SheetNumber, minimumDecimals: Int, maximumDecimals: Int, minimumIntegerDigits: Int, grouped: Bool, signed: Bool
    ) -> String {
      let number = maximumDecimals == .max ? number : number.rounded(places: maximumDecimals)
      let pointPosition = number.digits.count + number.exponent
      var integer: [UInt8] = []
      var fraction: [UInt8] = []
      for (index, digit) in number.digits.enumerated() {
        if index < pointPosition { integer.append(digit) } else { fraction.append(digit) }
      }
      if pointPosition > number.digits.count { integer += Array(repeating: 0, count: pointPosition - number.digits.count) }
      if pointPosition < 0 { fraction = Array(repeating: 0, count: -pointPosition) + fraction }
      while integer.count < minimumIntegerDigits { integer.insert(0, at: 0) }
      while fraction.count < minimumDecimals { fraction.append(0) }
      var text = signed && number.isNegative ? "-" : ""
      for (index, digit) in integer.enumerated() {
        if grouped && index > 0 && (integer.count - index) % 3 == 0 { text += "," }
        text.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "0") + digit))
      }
      if !fraction.isEmpty {
        text += "."
        for digit in fraction { text.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "0") + digit)) }
      }
      return text
    }
    var generator = SplitMix(seed: 1904)
    for _ in 0..<20_000 {
      let digits = (0..<Int.random(in: 0...16, using: &generator)).map { _ in UInt8.random(in: 0...9, using: &generator) }
      let number = SheetNumber(
        isNegative: Bool.random(using: &generator), digits: digits, exponent: Int.random(in: -20...12, using: &generator))
      let minimumDecimals = Int.random(in: 0...4, using: &generator)
      let maximumDecimals = Bool.random(using: &generator) ? Int.max : minimumDecimals + Int.random(in: 0...3, using: &generator)
      let minimumIntegerDigits = Int.random(in: 0...5, using: &generator)
      let grouped = Bool.random(using: &generator)
      let signed = Bool.random(using: &generator)
      #expect(
        number.formatted(
          minimumDecimals: minimumDecimals, maximumDecimals: maximumDecimals, minimumIntegerDigits: minimumIntegerDigits,
          grouped: grouped, signed: signed)
          == byDigitLists(
            number, minimumDecimals: minimumDecimals, maximumDecimals: maximumDecimals,
            minimumIntegerDigits: minimumIntegerDigits, grouped: grouped, signed: signed),
        "\(number) \(minimumDecimals)…\(maximumDecimals), \(minimumIntegerDigits) integer digits, grouped \(grouped)")
    }
  }

  @Test(arguments: ["", "-", ".", "1e", "1e+", "1.2.3", "abc", "INF", "NaN", "1e99", "1e-99", "1,000", " 1", "0x10"])
  func notNumbers(text: String) {
    #expect(SheetNumber(text) == nil)
  }

  @Test(arguments: [
    ("1", "0%", "100%"), ("0.985", "0.00%", "98.50%"), ("0.12345", "0.0%", "12.3%"), ("0.12355", "0.0%", "12.4%"),
    ("1782.65", "#,##0.00", "1,782.65"), ("1782.65", "0", "1783"), ("-2.5", "0", "-3"), ("0.5", "#.00", ".50"),
    ("1234567.891", "#,##0", "1,234,568"), ("12345678", "#,##0,", "12,346"), ("12345678", "0,,", "12"),
    ("-1234.5", "#,##0.00;[Red]-#,##0.00", "-1,234.50"), ("-1234.5", "#,##0.00;(#,##0.00)", "(1,234.50)"),
    ("0", "0.00;-0.00;\"零\"", "零"), ("0", "0.00;-0.00", "0.00"), ("5", "0\"分\"", "5分"), ("5", "General\"元\"", "5元"),
    ("5", "\"¥\"#,##0.00_);[Red]\\(\"¥\"#,##0.00\\)", "¥5.00 "), ("1234", "[$¥-804]#,##0", "¥1,234"),
    ("0.5", "# ?/?", "0.5"), ("12345", "0.00E+00", "12345"), ("150", "[>=100]0;0.0", "150"), ("3", "@", "3"),
    ("2.5", "0.0#", "2.5"), ("2.567", "0.0#", "2.57"), ("7", "00", "07"), ("1", "[DBNum1]General", "1"),
    ("-5", "0;;", ""), ("1234.5", "#,##0.00 \"万元\"", "1,234.50 万元"),
  ])
  func numbersPrintAsTheirFormatSays(value: String, code: String, text: String) {
    #expect(printed(value, code) == text)
  }

  @Test(arguments: [
    ("45292", "yyyy/m/d", "2024/1/1"), ("45292", "yyyy\"年\"m\"月\"d\"日\"", "2024年1月1日"),
    ("45352.5", "yyyy-mm-dd hh:mm:ss", "2024-03-01 12:00:00"),
    ("45352.75", "h:mm AM/PM", "6:00 PM"), ("45352.25", "上午/下午h\"时\"mm\"分\"", "上午6时00分"), ("45292", "d-mmm-yy", "1-Jan-24"),
    ("45292", "dddd, mmmm d", "Monday, January 1"), ("45292", "ddd", "Mon"), ("1.5", "[h]:mm", "36:00"),
    ("0.0006944444", "mm:ss", "01:00"),
    ("60", "yyyy-mm-dd", "1900-02-29"), ("59", "yyyy-mm-dd", "1900-02-28"), ("61", "yyyy-mm-dd", "1900-03-01"),
    ("1", "yyyy-mm-dd", "1900-01-01"),
    ("2958465", "yyyy-mm-dd", "9999-12-31"), ("45292.99999999", "yyyy-mm-dd hh:mm:ss", "2024-01-02 00:00:00"),
    ("45292", "[$-F800]dddd, mmmm dd, yyyy", "2024年1月1日"), ("0.5", "[$-F400]h:mm:ss AM/PM", "12:00:00"),
    ("45292", "yy.m", "24.1"),
  ])
  func datesPrintAsTheirFormatSays(value: String, code: String, text: String) {
    #expect(printed(value, code) == text)
  }

  @Test func theDateSystemsAndDatesThatAreNone() {
    #expect(printed("0", "yyyy-mm-dd", uses1904: true) == "1904-01-01")
    #expect(printed("43830", "yyyy-mm-dd", uses1904: true) == "2024-01-01")
    #expect(printed("45292", "yyyy-mm-dd") == "2024-01-01")
    #expect(printed("-1", "yyyy-mm-dd") == nil, "Excel shows ####")
    #expect(printed("2958466", "yyyy-mm-dd") == nil)
    #expect(SerialDate(serial: SheetNumber("45292.5")!, uses1904: false)?.isoText(withTime: true) == "2024-01-01T12:00:00")
    #expect(SerialDate(serial: SheetNumber("0.25")!, uses1904: false)?.isoText(withTime: true) == "06:00:00")
  }

  @Test func everyDayFromTheEpochIsTheNextDay() {
    // Against a plain day-by-day count from 1900-03-01 (serial 61) over 2,000 years.
    var (year, month, day) = (1900, 3, 1)
    func daysIn(_ month: Int, _ year: Int) -> Int {
      switch month {
      case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
      case 4, 6, 9, 11: 30
      default: 31
      }
    }
    for serial in stride(from: 61, through: 61 + 730_000, by: 1) {
      if serial % 997 == 0 || serial < 1_000 {
        let date = SerialDate(serial: SheetNumber(String(serial))!, uses1904: false)!
        #expect(date.year == year && date.month == month && date.day == day, "serial \(serial)")
      }
      day += 1
      if day > daysIn(month, year) {
        day = 1
        month += 1
        if month > 12 {
          month = 1
          year += 1
        }
      }
    }
  }

  @Test func weekdays() {
    // 2024-01-01 was a Monday, 1900-01-01 a Monday, 2000-02-29 a Tuesday.
    #expect(printed("45292", "dddd") == "Monday")
    #expect(printed("1", "dddd") == "Monday")
    #expect(printed("36585", "dddd") == "Tuesday")
  }

  @Test func referencesAndRanges() {
    #expect(CellReference("A1") == CellReference(row: 0, column: 0))
    #expect(CellReference("$B$7") == CellReference(row: 6, column: 1))
    #expect(CellReference("xfd1048576") == CellReference(row: 1_048_575, column: 16_383))
    for bad in ["", "A", "1", "A0", "A01", "1A", "XFE1", "A1048577", "AAAA1", "A1B", "A-1", "A 1"] {
      #expect(CellReference(bad) == nil, "\(bad)")
    }
    for column in [0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383] {
      let name = CellReference.columnName(column)
      #expect(CellReference(name + "1")?.column == column, "\(name)")
    }
    #expect(CellReference.columnName(27) == "AB")
    #expect(CellRange("C2:A1")?.description == "A1:C2")
    #expect(CellRange("B3")?.description == "B3")
    #expect(CellRange("A1:B2:C3") == nil)
  }

  @Test func gridsGrowToTheirCellsAndKeepMergesApart() {
    var grid = Grid(file: "f.xlsx", name: "表")
    grid[2, 3] = GridCell(kind: .text, text: "x", reference: CellReference(row: 0, column: 0))
    #expect(grid.rowCount == 3 && grid.columnCount == 4)
    #expect(grid[2, 3].reference == CellReference(row: 2, column: 3), "a cell takes the place it is put in")
    #expect(grid[1, 0].isEmpty && grid.rows[1].isEmpty)
    #expect(grid[9, 9].isEmpty && grid[9, 9].reference.description == "J10")
    grid[5, 5] = .empty(CellReference(row: 0, column: 0))
    #expect(grid.rowCount == 3, "an empty cell does not grow the grid")
    let first = grid.merge(CellRange("A1:B2")!)
    let overlapping = grid.merge(CellRange("B2:C3")!)
    let single = grid.merge(CellRange("D4")!)
    #expect(first)
    #expect(!overlapping, "overlapping merges are refused")
    #expect(!single, "a single cell is no merge")
    #expect(grid.merges.count == 1)
    #expect(grid.location(of: CellReference(row: 2, column: 3)).description == "f.xlsx: 表!D3")
  }
}
