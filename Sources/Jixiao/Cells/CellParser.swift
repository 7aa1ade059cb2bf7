import Foundation

extension Cell {
  /// Reads a printed target or actual cell (spec §2). Pure: the same text always gives the same cell.
  public init(parsing printed: String) {
    self = CellGrammar.parse(printed)
  }
}

/// The cell grammar of spec §2, written as a small hand-rolled scanner over characters.
enum CellGrammar {
  static let emptyMarks: Set<String> = ["", "-", "—", "——", "/", "–"]

  /// `emptyMarks.contains(text)`, on bytes: cells are checked far more often than they are blank.
  static func isEmptyMark(_ text: String) -> Bool {
    guard let first = text.utf8.first else { return true }
    // Every mark starts with '-', '/' or 0xE2 (the dashes): anything else is not blank.
    guard text.utf8.count <= 6, first == UInt8(ascii: "-") || first == UInt8(ascii: "/") || first == 0xE2 else { return false }
    return emptyMarks.contains(text)
  }

  /// Symbol operators, longest first so that `>=` wins over `>`.
  static let symbolOperators: [(String, Comparison)] = [
    (">=", .atLeast), ("≥", .atLeast), ("≧", .atLeast), ("＞=", .atLeast), ("＞＝", .atLeast), (">＝", .atLeast),
    ("<=", .atMost), ("≤", .atMost), ("≦", .atMost), ("＜=", .atMost), ("＜＝", .atMost), ("<＝", .atMost),
    (">", .greaterThan), ("＞", .greaterThan), ("<", .lessThan), ("＜", .lessThan),
    ("==", .equal), ("=", .equal), ("＝", .equal), ("﹦", .equal), ("═", .equal),
  ]

  /// Word operators, longest first (大于等于 before 大于).
  static let wordOperators: [(String, Comparison)] = [
    ("大于等于", .atLeast), ("大于或等于", .atLeast), ("不低于", .atLeast), ("不少于", .atLeast), ("不小于", .atLeast),
    ("小于等于", .atMost), ("小于或等于", .atMost), ("不高于", .atMost), ("不超过", .atMost), ("不大于", .atMost),
    ("不多于", .atMost), ("控制在", .atMost),
    ("大于", .greaterThan), ("高于", .greaterThan), ("超过", .greaterThan),
    ("小于", .lessThan), ("低于", .lessThan), ("等于", .equal), ("达到", .atLeast),
  ]

  static let trailingOperators: [(String, Comparison)] = [("以上", .atLeast), ("以内", .atMost), ("以下", .atMost)]

  /// A unit longer than this is prose that happens to start with a number.
  static let maximumUnitLength = 8

  static func parse(_ printed: String) -> Cell {
    if let plain = PlainCell.parse(printed) ?? nil { return plain }
    return parseGeneral(printed)
  }

  /// The whole grammar, for any text (`PlainCell` reads the common cells faster, to the same result).
  static func parseGeneral(_ printed: String) -> Cell {
    let text = normalize(printed)
    if isEmptyMark(text) { return .empty }

    var rest = Substring(text)
    let comparison = takeOperator(&rest)
    rest = rest.drop(while: { $0.isWhitespace })

    if rest.utf8.containsSequence(monthMark), let deadline = DateGrammar.parse(Substring(rest.filter { !$0.isWhitespace })) {
      switch deadline {
      case .success(let date): return .deadline(date)
      case .failure(let reason): return .unreadable(reason: reason)
      }
    }
    if let quantity = parseQuantity(rest, comparison: comparison) {
      return quantity
    }
    if comparison != nil, rest.isEmpty || rest.first.map(isNumberStart) == true || rest.allSatisfy(isUnitLike) {
      return .unreadable(reason: rest.isEmpty ? "比较符后缺少数值" : "无法读出数值")
    }
    return .text(TableText(text))
  }

  /// 月, in UTF-8: a cell without it is not a date.
  static let monthMark: [UInt8] = Array("月".utf8)

  /// Folds full-width digits and punctuation that converted PDFs print, and trims spaces.
  static func normalize(_ printed: String) -> String {
    // Fast path: nothing to fold (no full-width form, ideographic or no-break space, tab or newline).
    let needsFolding =
      printed.utf8.withContiguousStorageIfAvailable { bytes in
        bytes.contains { $0 == 0xEF || $0 == 0xE3 || $0 == 0xC2 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
      } ?? true
    if !needsFolding {
      return printed.trimmingSpaces()
    }
    var result = ""
    result.reserveCapacity(printed.utf8.count)
    for scalar in printed.unicodeScalars {
      switch scalar.value {
      case 0xFF10...0xFF19: result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
      case 0xFF0E: result.append(".")  // ．
      case 0xFF0C: result.append(",")  // ，
      case 0xFF05: result.append("%")  // ％
      case 0xFF0D: result.append("-")  // －
      case 0x3000, 0x00A0, 0x0009, 0x000A, 0x000D: result.append(" ")
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result.trimmingSpaces()
  }

  static func takeOperator(_ rest: inout Substring) -> Comparison? {
    guard let first = rest.utf8.first else { return nil }
    // Operators start with an ASCII sign, or with a multi-byte character; a digit never starts one.
    if first >= 0x30, first <= 0x39 { return nil }
    for (symbol, comparison) in symbolOperators where rest.utf8.starts(with: symbol.utf8) {
      rest = rest[rest.utf8.index(rest.startIndex, offsetBy: symbol.utf8.count)...]
      return comparison
    }
    guard first >= 0x80 else { return nil }
    for (word, comparison) in wordOperators where rest.utf8.starts(with: word.utf8) {
      rest = rest[rest.utf8.index(rest.startIndex, offsetBy: word.utf8.count)...]
      return comparison
    }
    return nil
  }

  static func isNumberStart(_ character: Character) -> Bool {
    character.isASCII && (character.isNumber || character == "-" || character == "+" || character == ".")
  }

  static func isUnitLike(_ character: Character) -> Bool {
    character == "%" || character == "/" || character == "‰"
  }

  /// `[-]digits[,digits][.digits][多|余] unit [以上|以下|以内]`.
  static func parseQuantity(_ text: Substring, comparison: Comparison?) -> Cell? {
    // The number is ASCII: scan it on bytes, and leave Characters to the short unit after it.
    let bytes = text.utf8
    var index = bytes.startIndex
    var digits: [UInt8] = []
    if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
      digits.append(bytes[index])
      index = bytes.index(after: index)
    }
    let numberStart = index
    var sawDigit = false
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte >= 0x30, byte <= 0x39 {
        digits.append(byte)
        sawDigit = true
      } else if byte == UInt8(ascii: ".") {
        digits.append(byte)
      } else if byte == UInt8(ascii: ","), sawDigit, isThousandsGroup(after: bytes.index(after: index), in: bytes) {
        // thousands separator: dropped
      } else {
        break
      }
      index = bytes.index(after: index)
    }
    guard sawDigit, index > numberStart else { return nil }
    let digitText = String(decoding: digits, as: UTF8.self)
    guard let value = Rational(decimalText: Substring(digitText)) else {
      return .unreadable(reason: "数值 \(digitText) 无法读出（最多 \(Rational.maximumSignificantDigits) 位有效数字）")
    }
    var unitText = text[index...].drop(while: { $0.isWhitespace })
    var isApproximate = false
    if let first = unitText.first, first == "多" || first == "余" {
      isApproximate = true
      unitText = unitText.dropFirst()
    }
    var effective = comparison
    for (word, trailing) in trailingOperators where unitText.hasSuffix(word) {
      unitText = unitText.dropLast(word.count)
      if effective == nil || effective == .equal { effective = trailing }
      break
    }
    let trimmed = unitText.trimmingSpaces()
    guard trimmed.count <= maximumUnitLength, !trimmed.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else {
      return nil
    }
    return .quantity(Quantity(comparison: effective, value: value, unit: Unit(trimmed), isApproximate: isApproximate))
  }

  private static func isThousandsGroup(after index: Substring.UTF8View.Index, in bytes: Substring.UTF8View) -> Bool {
    var count = 0
    var cursor = index
    while cursor < bytes.endIndex, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
      count += 1
      cursor = bytes.index(after: cursor)
    }
    return count == 3
  }
}

extension String {
  /// `trimmingSpaces` for a `String`: the usual cell has nothing to trim and is returned as it is,
  /// sharing its storage.
  func trimmingSpaces() -> String {
    if utf8.withContiguousStorageIfAvailable(Self.hasNothingToTrim) ?? Self.hasNothingToTrim(utf8) { return self }
    return Substring(self).trimmingSpaces()
  }

  /// Printable ASCII but space, or the lead byte of a CJK ideograph (E4…E9): a text's first byte that
  /// trimming and normalizing leave as it is.
  static func isPlainLead(_ byte: UInt8) -> Bool {
    (byte > 0x20 && byte < 0x7F) || (byte >= 0xE4 && byte <= 0xE9)
  }

  /// True when the text starts and ends with printable ASCII or a CJK ideograph (lead byte E4…E9), or starts
  /// with a symbol of U+2080…U+2FFF (bytes E2 82…BF: `≥`, `≤`, none of them a space, and a character is a
  /// space by its first scalar): neither end is then a space. Anything else is left to the character-level trim.
  // Inlined: asked of every CSV row's level cell and every text a claim quotes, a call cost a third of it.
  @inline(__always)
  static func hasNothingToTrim<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bool {
    guard let first = bytes.first, let last = bytes.last else { return false }
    let firstIsPlain =
      isPlainLead(first) || (first == 0xE2 && bytes.count >= 3 && bytes[bytes.index(after: bytes.startIndex)] >= 0x82)
    if last > 0x20, last < 0x7F { return firstIsPlain }
    guard last >= 0x80, bytes.count >= 3 else { return false }
    let lead = bytes[bytes.index(bytes.endIndex, offsetBy: -3)]
    return firstIsPlain && lead >= 0xE4 && lead <= 0xE9
  }
}

extension StringProtocol {
  /// Substring search on UTF-8 bytes: exact, and without Foundation's locale-aware machinery.
  func containsText(_ other: String) -> Bool {
    let found = utf8.withContiguousStorageIfAvailable { haystack in
      other.utf8.withContiguousStorageIfAvailable { needle in haystack.containsSequence(needle) }
    }
    return found.flatMap { $0 } ?? Substring(self).utf8.containsSequence(Array(other.utf8))
  }

  /// Equal byte for byte (which implies equal as strings; the converse needs Unicode normalization).
  func hasSameBytes(as other: some StringProtocol) -> Bool {
    other.utf8.withContiguousStorageIfAvailable { hasSameBytes(as: $0) } ?? utf8.elementsEqual(other.utf8)
  }

  /// Its UTF-8 is exactly these bytes.
  func hasSameBytes(as bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    utf8.withContiguousStorageIfAvailable { own in
      own.count == bytes.count && (own.isEmpty || memcmp(own.baseAddress!, bytes.baseAddress!, own.count) == 0)
    } ?? utf8.elementsEqual(bytes)
  }

  func trimmingSpaces() -> String {
    var view = Substring(self)
    // Fast path on bytes: nothing to trim at either end (the usual cell).
    if String.hasNothingToTrim(view.utf8) { return String(view) }
    while let first = view.first, first.isWhitespace { view = view.dropFirst() }
    while let last = view.last, last.isWhitespace { view = view.dropLast() }
    return String(view)
  }
}
