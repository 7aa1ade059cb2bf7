/// The fast path of the cell grammar, for the cells nearly every table prints: text made only of
/// printable ASCII, CJK ideographs, ≥ and ≤. In such text a scalar is a character, nothing is a
/// space and nothing needs folding, so the grammar can be read on bytes. Anything else returns
/// `nil` and is read by `CellGrammar.parseGeneral`, whose result this path must equal (`PlainCellTests`
/// on every fixture cell and on generated ones; the differential `Fuzz/FuzzCell.swift`).
enum PlainCell {
  static func parse(_ printed: String) -> Cell?? {
    printed.utf8.withContiguousStorageIfAvailable { bytes in parse(bytes) { printed } }
  }

  /// The plain reading of a table text's bytes, or nil when the general path must read it.
  static func parse(bytes: UnsafeBufferPointer<UInt8>, _ text: TableText) -> Cell? {
    parse(bytes) { text.string }
  }

  /// Printable ASCII but space, three-byte CJK (U+4000…U+9FFF), ≤ (E2 89 A4) and ≥ (E2 89 A5).
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        guard lead > 0x20, lead < 0x7F else { return false }
        index += 1
      } else if lead >= 0xE4, lead <= 0xE9 {
        index += 3
      } else if lead == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x89, bytes[index + 2] & 0xFE == 0xA4 {
        index += 3
      } else {
        return false
      }
    }
    return true
  }

  private static let symbolOperators: [([UInt8], Comparison)] = CellGrammar.symbolOperators.map { (Array($0.0.utf8), $0.1) }
  private static let wordOperators: [([UInt8], Comparison)] = CellGrammar.wordOperators.map { (Array($0.0.utf8), $0.1) }
  private static let trailingOperators: [([UInt8], Comparison)] = CellGrammar.trailingOperators.map {
    (Array($0.0.utf8), $0.1)
  }
  private static let approximateMarks: [[UInt8]] = [Array("多".utf8), Array("余".utf8)]

  private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, printed: () -> String) -> Cell? {
    guard isPlain(bytes) else { return nil }
    if bytes.isEmpty { return .empty }
    if bytes.count == 1, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "/") { return .empty }

    var start = 0
    var comparison: Comparison?
    let first = bytes[0]
    if first < 0x30 || first > 0x39 {
      for (symbol, found) in first < 0x80 || first == 0xE2 ? symbolOperators : wordOperators
      where bytes.hasBytes(symbol, at: 0) {
        comparison = found
        start = symbol.count
        break
      }
    }
    let rest = UnsafeBufferPointer(rebasing: bytes[start...])
    if CellGrammar.monthMark.withUnsafeBufferPointer(rest.containsSequence) {
      switch DateGrammar.parse(bytes: rest) {
      case .success(let date): return .deadline(date)
      case .failure(let reason): return .unreadable(reason: reason)
      // Text with 月 that is no date is read by the general path.
      case nil: return nil
      }
    }

    var index = 0
    if index < rest.count, rest[index] == UInt8(ascii: "-") || rest[index] == UInt8(ascii: "+") { index += 1 }
    let numberStart = index
    var sawDigit = false
    var hasSeparator = false
    while index < rest.count {
      let byte = rest[index]
      if byte >= 0x30, byte <= 0x39 {
        sawDigit = true
      } else if byte == UInt8(ascii: ",") {
        hasSeparator = true
      } else if byte != UInt8(ascii: ".") {
        break
      }
      index += 1
    }
    guard sawDigit, index > numberStart, !hasSeparator else {
      // No number: text, unless an operator promised one (then the general path words the reason).
      guard comparison == nil, !sawDigit, index == numberStart else { return nil }
      return .text(printed())
    }
    guard let value = Rational(decimalBytes: rest[..<index]) else { return nil }

    var unitStart = index
    var unitEnd = rest.count
    var isApproximate = false
    for mark in approximateMarks where rest.hasBytes(mark, at: unitStart) {
      isApproximate = true
      unitStart += mark.count
      break
    }
    var effective = comparison
    for (word, trailing) in trailingOperators
    where unitEnd - unitStart >= word.count && rest.hasBytes(word, at: unitEnd - word.count) {
      unitEnd -= word.count
      if effective == nil || effective == .equal { effective = trailing }
      break
    }
    var characters = 0
    for offset in unitStart..<unitEnd {
      let byte = rest[offset]
      if byte >= 0x30, byte <= 0x39 { return comparison == nil ? .text(printed()) : nil }
      if byte & 0xC0 != 0x80 { characters += 1 }
    }
    guard characters <= CellGrammar.maximumUnitLength else { return comparison == nil ? .text(printed()) : nil }
    let unitText = String(decoding: UnsafeBufferPointer(rebasing: rest[unitStart..<unitEnd]), as: UTF8.self)
    return .quantity(Quantity(comparison: effective, value: value, unit: Unit(plain: unitText), isApproximate: isApproximate))
  }
}
