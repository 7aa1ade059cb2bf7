import Foundation

/// How the form locator compares what a form prints: headers and labels wrap and are spaced out to fill
/// their cells (`一级\n指标`, `分  值`), and brackets and colons come full-width or ASCII.
enum FormText {
  /// L10: a weight printed as a share of 100 (`15%`) is its points. Its definition is `stringIsPercent`.
  static func isPercent(_ text: String) -> Bool {
    // Asked of every weight cell: told by the last bytes where they show the last character, which a
    // `String`'s suffix test finds through Unicode normalization.
    let told = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      let count = bytes.count
      guard let last = bytes.last else { return false }
      // A character ends at an ASCII byte or a CJK ideograph's (led by E4…E9), and what comes before an ASCII byte
      // never joins the character after it.
      func endsCharacter(before index: Int) -> Bool { index == 0 || bytes[index - 1] < 0x80 }
      if last == UInt8(ascii: "%") { return endsCharacter(before: count - 1) ? true : nil }
      if count >= 3, bytes[count - 3] == 0xEF, bytes[count - 2] == 0xBC, last == 0x85 {
        return endsCharacter(before: count - 3) ? true : nil
      }
      if last < 0x80 { return last == 0x20 || (last >= 0x09 && last <= 0x0D) ? nil : false }
      if count >= 3, bytes[count - 3] >= 0xE4, bytes[count - 3] <= 0xE9 { return false }
      return nil
    }
    return (told ?? nil) ?? stringIsPercent(text)
  }

  /// `isPercent`'s definition: trimmed, the text ends in the character `%` or `％`.
  static func stringIsPercent(_ text: String) -> Bool {
    let trimmed = text.trimmingSpaces()
    return trimmed.hasSuffix("%") || trimmed.hasSuffix("％")
  }

  /// The text trimmed, without its trailing `%` or `％`.
  static func droppingPercent(_ text: String) -> String {
    var trimmed = text.trimmingSpaces()
    if isPercent(trimmed) { trimmed.removeLast() }
    return trimmed
  }

  /// A header or label as a message quotes it: on one line, its wraps (`年度预算\n（万元）`) joined as
  /// the printed cell reads, its ends trimmed.
  static func oneLine(_ printed: String) -> String {
    // A label that is its own key holds no whitespace at all, so no line break or space to trim.
    if isPlain(printed) { return printed }
    // A wrapped label (`一级\n指标`) is joined on its bytes where they are its characters.
    if isPlainlyComposed(printed), let joined = printed.utf8.withContiguousStorageIfAvailable(oneLineOfPlainBytes) {
      return joined
    }
    return oneLineByCharacters(printed)
  }

  /// The definition of `oneLine`.
  static func oneLineByCharacters(_ printed: String) -> String {
    printed.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.joined()
  }

  /// `oneLineByCharacters` on the bytes of a text that `isPlainlyComposed`: its line breaks are the bytes
  /// 0A…0D (a CR LF is one break, and splitting it in two leaves an empty line, which adds nothing), and
  /// the only other whitespace a line of it holds is a tab or a space.
  private static func oneLineOfPlainBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { joined in
      func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
      var written = 0
      var lineStart = 0
      while lineStart < bytes.count {
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] < 0x0A || bytes[lineEnd] > 0x0D { lineEnd += 1 }
        var start = lineStart
        var end = lineEnd
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        for index in start..<end {
          joined[written] = bytes[index]
          written += 1
        }
        lineStart = lineEnd + 1
      }
      return written
    }
  }

  /// A header as compared: without spaces and line breaks, full-width brackets and percent signs folded
  /// to ASCII (`年初预算\n数` → `年初预算数`, `指标权重（分）` → `指标权重(分)`). The table schema's header key
  /// (`TableSchema.headerKey`) is this, so a column's key finds its field there.
  static func key(_ printed: String) -> String {
    // Every row of a sheet is classified by its cells' keys: most cells hold nothing to remove or fold
    // and are their own key, told by one pass over their bytes.
    isPlain(printed) ? printed : folded(printed)
  }

  /// Whether a text has none of the bytes that begin whitespace, a byte-order mark or a full-width form
  /// (those `folded` removes or folds): such a text is its own key, and holds no space or line break.
  static func isPlain(_ printed: String) -> Bool {
    printed.utf8.withContiguousStorageIfAvailable { bytes in
      !bytes.contains { byte in byte <= 0x20 || byte == 0x7F || byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3) || byte == 0xEF }
    } ?? false
  }

  static func key(_ printed: Substring) -> String { folded(printed) }

  /// The key of a text that may hold whitespace or full-width forms: every Unicode whitespace, a
  /// byte-order mark, and the bytes `key` let pass (C2 starts U+0085 and U+00A0; E1, E2 and E3 start
  /// U+1680, U+2000…U+205F and U+3000; EF the full-width forms).
  private static func folded(_ printed: some StringProtocol) -> String {
    printed.utf8.withContiguousStorageIfAvailable(foldedBytes) ?? foldedScalars(printed)
  }

  /// `foldedScalars` on the text's UTF-8 bytes, which are valid (they are a string's): the scalars it drops
  /// or folds are each a fixed run of bytes, every other scalar is copied as its bytes. A sheet's labels
  /// wrap and print full-width brackets, so a key of every few rows is made here.
  static func foldedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { key in
      var written = 0
      var index = 0
      let count = bytes.count
      while index < count {
        let lead = bytes[index]
        var length = 1
        var replacement: UInt8?
        var drops = false
        if lead < 0x80 {
          drops = (lead >= 0x09 && lead <= 0x0D) || lead == 0x20
        } else if lead < 0xE0 {
          length = 2
          // U+0085 and U+00A0.
          drops = lead == 0xC2 && (bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0)
        } else if lead < 0xF0 {
          length = 3
          let second = bytes[index + 1]
          let third = bytes[index + 2]
          switch (lead, second) {
          case (0xE1, 0x9A): drops = third == 0x80  // U+1680
          // U+2000…200A, 2028, 2029, 202F.
          case (0xE2, 0x80): drops = third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF
          case (0xE2, 0x81): drops = third == 0x9F  // U+205F
          case (0xE3, 0x80): drops = third == 0x80  // U+3000
          case (0xEF, 0xBB): drops = third == 0xBF  // U+FEFF
          case (0xEF, 0xBC):
            switch third {
            case 0x88: replacement = UInt8(ascii: "(")
            case 0x89: replacement = UInt8(ascii: ")")
            case 0x85: replacement = UInt8(ascii: "%")
            default: break
            }
          default: break
          }
        } else {
          length = 4
        }
        if let replacement {
          key[written] = replacement
          written += 1
        } else if !drops {
          for offset in 0..<length { key[written + offset] = bytes[index + offset] }
          written += length
        }
        index += length
      }
      return written
    }
  }

  /// The definition of a key's folding, scalar by scalar (`foldedBytes` is this on bytes).
  static func foldedScalars(_ printed: some StringProtocol) -> String {
    var key = ""
    key.unicodeScalars.reserveCapacity(printed.unicodeScalars.count)
    for scalar in printed.unicodeScalars where !isWhitespace(scalar) && scalar != "\u{FEFF}" {
      switch scalar {
      case "（": key.unicodeScalars.append("(")
      case "）": key.unicodeScalars.append(")")
      case "％": key.unicodeScalars.append("%")
      default: key.unicodeScalars.append(scalar)
      }
    }
    return key
  }

  /// Unicode's White_Space characters (`Unicode.Scalar.Properties.isWhitespace`), listed: the property
  /// is stable, and a lookup per scalar is most of what making a key costs.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// A label as compared: its key without the colons that end it (`联系电话：` → `联系电话`).
  static func labelKey(_ printed: String) -> String { droppingEndColons(key(printed)) }

  /// A key without the colons that end it: the label key of the text whose key it is.
  static func droppingEndColons(_ key: String) -> String {
    // Most keys end in neither colon (`：` ends in 9A), told by their last byte.
    guard let last = key.utf8.last, last == UInt8(ascii: ":") || last == 0x9A else { return key }
    var bytes = Substring(key).utf8
    let fullWidthColon: [UInt8] = [0xEF, 0xBC, 0x9A]
    while true {
      if bytes.last == UInt8(ascii: ":") {
        bytes = bytes.dropLast()
      } else if bytes.count >= 3, bytes.suffix(3).elementsEqual(fullWidthColon) {
        bytes = bytes.dropLast(3)
      } else {
        break
      }
    }
    return bytes.count == key.utf8.count ? key : String(Substring(bytes))
  }

  /// Whether a label holds a colon (`年度预算总额：`, `其中：财政拨款`): how a one-row block pairs its labels
  /// with values.
  static func hasColon(_ printed: String) -> Bool {
    printed.unicodeScalars.contains { $0 == ":" || $0 == "：" }
  }

  /// Whether a text begins with a word, byte for byte (`★`, `其中：`).
  static func starts(_ printed: String, with word: String) -> Bool {
    // Asked of every row's first cell for each prefix word: compared as contiguous bytes.
    let compared = printed.utf8.withContiguousStorageIfAvailable { text in
      word.utf8.withContiguousStorageIfAvailable { prefix in
        text.count >= prefix.count && (prefix.isEmpty || memcmp(text.baseAddress!, prefix.baseAddress!, prefix.count) == 0)
      }
    }
    return (compared ?? nil) ?? printed.utf8.starts(with: word.utf8)
  }

  /// Whether a text, trimmed (`trimmingSpaces`), begins with a word that ends in no whitespace (`★`,
  /// `其中：`). A first byte that trimming keeps (`String.isPlainLead`) says there is nothing to trim at
  /// the start, and trimming the end takes none of the word's characters: the text is compared as it is.
  static func startsTrimmed(_ printed: String, with word: String) -> Bool {
    if let first = printed.utf8.first, String.isPlainLead(first) {
      // Most rows' first byte is not the word's.
      return word.isEmpty || (first == word.utf8.first && starts(printed, with: word))
    }
    return starts(printed.trimmingSpaces(), with: word)
  }

  /// The year of a cell that is only a year as forms print it under their title: `（2023年度）`,
  /// `(2024年度)`, `2023 年度`, `(2024 年）`, `2023年`. Its definition is `yearByCharacters(ofYearCell:)`.
  static func year(ofYearCell printed: String) -> Int? {
    // Asked of the row under every title and of a title's tail: a key that `isPlainlyComposed` is its
    // characters' bytes, so the brackets and 年度 are found on them.
    let key = key(printed)
    if isPlainlyComposed(key), let told: Int? = key.utf8.withContiguousStorageIfAvailable(yearOfPlainKey) { return told }
    return yearByCharacters(ofKey: key)
  }

  /// `yearByCharacters(ofKey:)` on the bytes of a key that `isPlainlyComposed`: each of its characters is
  /// one scalar (a key holds no line break, so no CR LF), and each scalar its bytes.
  private static func yearOfPlainKey(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var text = bytes[...]
    if text.first == UInt8(ascii: "("), text.last == UInt8(ascii: ")") { text = text.dropFirst().dropLast() }
    /// Whether the text ends in the character of these three bytes (年 is E5 B9 B4, 度 E5 BA A6).
    func endsIn(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
      text.count >= 3 && text[text.endIndex - 3] == first && text[text.endIndex - 2] == second && text[text.endIndex - 1] == third
    }
    if endsIn(0xE5, 0xBA, 0xA6) {
      text = text.dropLast(3)
      guard endsIn(0xE5, 0xB9, 0xB4) else { return nil }
    } else if !endsIn(0xE5, 0xB9, 0xB4) {
      return nil
    }
    text = text.dropLast(3)
    guard text.count == 4, text.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    let year = text.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    return year >= 1900 ? year : nil
  }

  /// The definition of `year(ofYearCell:)`, on characters.
  static func yearByCharacters(ofYearCell printed: String) -> Int? { yearByCharacters(ofKey: key(printed)) }

  private static func yearByCharacters(ofKey whole: String) -> Int? {
    var key = Substring(whole)
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
      while after < scalars.count, isWhitespace(scalars[after]) { after += 1 }
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

/// A key as the locator looks it up: compared and hashed byte for byte, since every row of a sheet is
/// classified by its cells' keys and a `String` hashes through Unicode normalization. Printed forms and
/// the vocabulary alike are in composed form (NFC), as every producer writes them.
struct FormKey: Hashable, Sendable {
  let text: String

  init(_ text: String) { self.text = text }

  /// Byte for byte (`bytesEqual` is the definition), compared as contiguous bytes: every look-up in a
  /// vocabulary's set ends in one.
  static func == (lhs: FormKey, rhs: FormKey) -> Bool {
    let compared = lhs.text.utf8.withContiguousStorageIfAvailable { left in
      rhs.text.utf8.withContiguousStorageIfAvailable { right in
        left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
      }
    }
    return (compared ?? nil) ?? bytesEqual(lhs, rhs)
  }

  /// The definition of equality: the same UTF-8 bytes.
  static func bytesEqual(_ lhs: FormKey, _ rhs: FormKey) -> Bool {
    lhs.text.utf8.count == rhs.text.utf8.count && lhs.text.utf8.elementsEqual(rhs.text.utf8)
  }

  /// The hasher is given one 64-bit digest of the bytes (FNV-1a), not the bytes: a sheet's labels are
  /// looked up a few times a row, and hashing a dozen bytes through the hasher cost most of a lookup.
  func hash(into hasher: inout Hasher) {
    hasher.combine(Self.digest(text))
  }

  static func digest(_ text: String) -> UInt64 {
    func fold(_ bytes: some Sequence<UInt8>) -> UInt64 {
      var digest: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in bytes { digest = (digest ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
      return digest
    }
    return text.utf8.withContiguousStorageIfAvailable { fold($0) } ?? fold(text.utf8)
  }
}

extension Set where Element == FormKey {
  func contains(_ key: String) -> Bool { contains(FormKey(key)) }
}

extension FormText {
  /// Whether every character of a text is ASCII, a CJK ideograph of U+4000…U+9FFF or a full-width form of
  /// U+FF00…U+FF3F (`（`, `）`, `％`, `：`): none of these has a canonical decomposition or combines, so the text
  /// is in composed form (NFC) and equals, as a `String`, exactly the texts of the same bytes that are made of
  /// such characters too. Told on the bytes; false says nothing.
  static func isPlainlyComposed(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { bytes in
      var index = 0
      let count = bytes.count
      while index < count {
        let lead = bytes[index]
        if lead < 0x80 {
          index += 1
        } else if (lead >= 0xE4 && lead <= 0xE9) || (lead == 0xEF && index + 1 < count && bytes[index + 1] == 0xBC) {
          index += 3
        } else {
          return false
        }
      }
      return true
    } ?? false
  }
}

/// A `[String: Value]` of header keys (`TableSchema.headers(of:)`), looked up as it is, but a key that
/// `FormText.isPlainlyComposed` is found by its bytes (`FormKey`), without the Unicode normalization a
/// `String` hashes through: when every key of the dictionary is plainly composed too, equal bytes are what
/// `String` equality means for them. `byString` is the definition (`HeaderLookupTests`).
struct HeaderLookup<Value: Sendable>: Sendable {
  let byString: [String: Value]
  /// Nil when some key of `byString` is not plainly composed: every look-up then goes by the string.
  private let byBytes: [FormKey: Value]?

  init(_ dictionary: [String: Value]) {
    byString = dictionary
    byBytes =
      dictionary.keys.allSatisfy(FormText.isPlainlyComposed)
      ? Dictionary(uniqueKeysWithValues: dictionary.map { (FormKey($0.key), $0.value) }) : nil
  }

  subscript(key: String) -> Value? {
    if let byBytes, FormText.isPlainlyComposed(key) { return byBytes[FormKey(key)] }
    return byString[key]
  }
}
