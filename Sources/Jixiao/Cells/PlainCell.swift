/// The fast path of the cell grammar, for the cells nearly every table prints: text made only of
/// printable ASCII, CJK ideographs, ≥ and ≤. In such text a scalar is a character, nothing is a
/// space and nothing needs folding, so the grammar can be read on bytes. Anything else returns
/// `nil` and is read by `CellGrammar.parseGeneral`, whose result this path must equal (`PlainCellTests`
/// on every fixture cell and on generated ones; the differential `Fuzz/FuzzCell.swift`).
enum PlainCell {
  /// What the plain path reads a text as: a cell other than text, or text (`Cell.text` of the very text, which
  /// the caller holds: the reading holds no reference, so that lending the bytes costs no reference count).
  enum Reading {
    case cell(Cell)
    case text
  }

  static func parse(_ printed: String) -> Cell?? {
    printed.utf8.withContiguousStorageIfAvailable { bytes in
      switch read(bytes) {
      case .cell(let cell): cell
      case .text: .text(TableText(printed))
      case nil: nil
      }
    }
  }

  /// Printable ASCII but space, three-byte CJK (U+4000…U+9FFF), ≤ (E2 89 A4) and ≥ (E2 89 A5): the text
  /// `parse` reads (it reads none other, `PlainCellTests`).
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var tail = Tail()
    return tail.scan(bytes, from: 0)
  }

  /// What `parse` needs to know of the text after the number (all of it when there is none), found in one
  /// pass over its bytes: whether it is plain (`isPlain`), holds 月 (E6 9C 88, which every date has) or a
  /// digit, and how many characters it has.
  private struct Tail {
    var hasMonth = false
    var hasDigit = false
    var characters = 0

    /// Scans `bytes` from `start`; false when they are not plain.
    @inline(__always) mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
      var index = start
      while index < bytes.count {
        let lead = bytes[index]
        characters += 1
        if lead < 0x80 {
          guard lead > 0x20, lead < 0x7F else { return false }
          if lead &- UInt8(ascii: "0") < 10 { hasDigit = true }
          index += 1
        } else if lead >= 0xE4, lead <= 0xE9 {
          if lead == 0xE6, index + 2 < bytes.count, bytes[index + 1] == 0x9C, bytes[index + 2] == 0x88 { hasMonth = true }
          index += 3
        } else if isComparisonSign(bytes, at: index) {
          index += 3
        } else {
          return false
        }
      }
      return true
    }
  }

  /// ≤ (E2 89 A4) or ≥ (E2 89 A5) at `index`.
  @inline(__always) private static func isComparisonSign(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    bytes[index] == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x89 && bytes[index + 2] & 0xFE == 0xA4
  }

  /// The word operators; a text starting with a character no word starts with (`Packed.isWordOperatorLead`)
  /// has none, told without trying each word.
  private static let wordOperators: [([UInt8], Comparison)] = CellGrammar.wordOperators.map { (Array($0.0.utf8), $0.1) }
  /// The characters the quantity grammar looks for after the number, as `packed` gives them (constants, not
  /// tables: the reader does not look them up); `PlainCellTests.packedCharactersAreTheGrammars` holds them
  /// to `CellGrammar`'s words.
  enum Packed {
    /// 多 and 余 (`600多亿`, `30余家`): an approximate number.
    static let approximate: (UInt32, UInt32) = (0xE5A49A, 0xE4BD99)
    /// 以, which starts 以上, 以内 and 以下 (`CellGrammar.trailingOperators`).
    static let trailingLead: UInt32 = 0xE4BBA5
    /// The second characters of 以上, 以内 and 以下, with their comparisons.
    static let trailing: ((UInt32, Comparison), (UInt32, Comparison), (UInt32, Comparison)) = (
      (0xE4B88A, .atLeast), (0xE58685, .atMost), (0xE4B88B, .atMost)
    )

    /// The characters the word operators start with (`CellGrammar.wordOperators`): 大, 不, 小, 控, 高, 超, 低,
    /// 等 and 达. (A switch on constants: a stored table is reached through a one-time initialisation check. Out
    /// of line: few texts start with a CJK character, and inlined, it kept `comparison` out of `parse`.)
    @inline(never) static func isWordOperatorLead(_ character: UInt32) -> Bool {
      switch character {
      case 0xE5A4A7, 0xE4B88D, 0xE5B08F, 0xE68EA7, 0xE9AB98, 0xE8B685, 0xE4BD8E, 0xE7AD89, 0xE8BEBE: true
      default: false
      }
    }
  }

  @inline(__always) static func packed(_ bytes: some RandomAccessCollection<UInt8>, at offset: Int) -> UInt32 {
    let start = bytes.index(bytes.startIndex, offsetBy: offset)
    return UInt32(bytes[start]) << 16 | UInt32(bytes[bytes.index(after: start)]) << 8
      | UInt32(bytes[bytes.index(start, offsetBy: 2)])
  }

  /// The comparison a plain text starts with, and its length in bytes (`CellGrammar.takeOperator` on text
  /// without full-width forms: `>=`, `≥`, `不少于`…).
  @inline(__always) private static func comparison(_ bytes: UnsafeBufferPointer<UInt8>) -> (Comparison, Int)? {
    let second = bytes.count > 1 ? bytes[1] : 0
    switch bytes[0] {
    case UInt8(ascii: ">"): return second == UInt8(ascii: "=") ? (.atLeast, 2) : (.greaterThan, 1)
    case UInt8(ascii: "<"): return second == UInt8(ascii: "=") ? (.atMost, 2) : (.lessThan, 1)
    case UInt8(ascii: "="): return (.equal, second == UInt8(ascii: "=") ? 2 : 1)
    case 0xE2:
      guard isComparisonSign(bytes, at: 0) else { return nil }
      return (bytes[2] == 0xA5 ? .atLeast : .atMost, 3)
    // A word operator is plain text (`PlainCellTests`).
    case 0xE4...0xE9:
      guard bytes.count >= 6, Packed.isWordOperatorLead(packed(bytes, at: 0)) else { return nil }
      for (word, found) in wordOperators where bytes.hasBytes(word, at: 0) { return (found, word.count) }
      return nil
    default: return nil
    }
  }

  /// The grammar on plain bytes in one pass: the operator, the number, then the rest (`Tail`); a date read
  /// again by `DateGrammar` from after the operator. Text that is not plain is nil.
  static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading? {
    if bytes.isEmpty { return .cell(.empty) }
    if bytes.count == 1, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "/") { return .cell(.empty) }

    let found = comparison(bytes)
    let comparison = found?.0
    let rest = UnsafeBufferPointer(rebasing: bytes[(found?.1 ?? 0)...])

    var index = 0
    var negative = false
    if index < rest.count, rest[index] == UInt8(ascii: "-") || rest[index] == UInt8(ascii: "+") {
      negative = rest[index] == UInt8(ascii: "-")
      index += 1
    }
    let numberStart = index
    var decimal = DecimalAccumulator()
    var isDecimal = true
    var sawDigit = false
    var hasSeparator = false
    while index < rest.count {
      let byte = rest[index]
      if byte &- UInt8(ascii: "0") < 10 {
        sawDigit = true
      } else if byte == UInt8(ascii: ",") {
        hasSeparator = true
      } else if byte != UInt8(ascii: ".") {
        break
      }
      if isDecimal { isDecimal = decimal.take(byte) }
      index += 1
    }
    // The operator and the number are plain: the text is when the rest is.
    var tail = Tail()
    guard tail.scan(rest, from: index) else { return nil }
    if tail.hasMonth {
      switch DateGrammar.parse(bytes: rest) {
      case .success(let date): return .cell(.deadline(date))
      case .failure(let reason): return .cell(.unreadable(reason: reason))
      // Text with 月 that is no date is read by the general path.
      case nil: return nil
      }
    }
    guard sawDigit, index > numberStart, !hasSeparator else {
      guard !sawDigit, index == numberStart else { return nil }
      if comparison == nil { return .text }
      // An operator promised a number (`CellGrammar.parseGeneral`'s reasons: a sign starts one; plain text
      // has no ‰).
      if rest.isEmpty { return .cell(.unreadable(reason: "比较符后缺少数值")) }
      if numberStart > 0 || rest.allSatisfy({ $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "/") }) {
        return .cell(.unreadable(reason: "无法读出数值"))
      }
      return .text
    }
    // Too many digits or two points: the general path words the reason.
    guard isDecimal, let value = decimal.value(negative: negative) else { return nil }
    // A unit with a digit is prose (or a number the grammar does not read).
    if tail.hasDigit { return comparison == nil ? .text : nil }

    var unitStart = index
    var unitEnd = rest.count
    var isApproximate = false
    if unitEnd - unitStart >= 3 {
      let next = packed(rest, at: unitStart)
      if next == Packed.approximate.0 || next == Packed.approximate.1 {
        isApproximate = true
        unitStart += 3
      }
    }
    var effective = comparison
    if unitEnd - unitStart >= 6, packed(rest, at: unitEnd - 6) == Packed.trailingLead {
      let second = packed(rest, at: unitEnd - 3)
      let trailing = Packed.trailing
      let found: Comparison? =
        second == trailing.0.0
        ? trailing.0.1 : second == trailing.1.0 ? trailing.1.1 : second == trailing.2.0 ? trailing.2.1 : nil
      if let found {
        unitEnd -= 6
        if effective == nil || effective == .equal { effective = found }
      }
    }
    // 多, 余 and the trailing operator's two characters are not the unit's.
    let characters = tail.characters - (unitStart - index + rest.count - unitEnd) / 3
    guard characters <= CellGrammar.maximumUnitLength else { return comparison == nil ? .text : nil }
    let unit = UnsafeBufferPointer(rebasing: rest[unitStart..<unitEnd])
    return .cell(
      .quantity(
        Quantity(
          comparison: effective, value: value, unit: Unit.common(unit) ?? Unit(plain: String(decoding: unit, as: UTF8.self)),
          isApproximate: isApproximate)))
  }
}
