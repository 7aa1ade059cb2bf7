/// The character a `<w:sym w:font="…" w:char="…"/>` prints. Word's Insert Symbol writes a symbol font's
/// glyph as its code (`F0B3` is byte B3 of the font, which in Symbol is ≥); a forms template puts ≥, ≤,
/// ± and check boxes there. Symbol is mapped whole (Adobe's table, without the pieces of large
/// brackets); from Wingdings and Wingdings 2, the check marks and check boxes; a code outside the
/// symbol area (`2265`) is the character itself. Anything else is U+FFFD, so that a sign the reader
/// cannot know shows as unknown instead of vanishing.
enum SymbolCharacter {
  static let unknown: Character = "\u{FFFD}"

  static func character(font: String?, code: String?) -> Character {
    guard let code, let value = UInt32(code, radix: 16) else { return unknown }
    let isFontByte = (0xF000...0xF0FF).contains(value) || value <= 0xFF
    let byte = Int(value & 0xFF)
    switch font?.lowercased() {
    case "symbol" where isFontByte:
      let table = byte < 0x80 ? symbolLow : symbolHigh
      let index = byte - (byte < 0x80 ? 0x20 : 0xA0)
      guard index >= 0, index < table.count else { return unknown }
      return table[index]
    case "wingdings" where isFontByte:
      return wingdings[byte] ?? unknown
    case "wingdings 2" where isFontByte:
      return wingdings2[byte] ?? unknown
    default:
      // Outside a symbol font the code is a character, unless it is one of the private use area,
      // which only the font could give a meaning.
      guard let scalar = Unicode.Scalar(value), !(0xE000...0xF8FF).contains(value), value >= 0x20 else { return unknown }
      return Character(scalar)
    }
  }

  /// Symbol 0x20–0x7E.
  private static let symbolLow = Array(
    " !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_\u{FFFD}αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼")
  /// Symbol 0xA0–0xFE; the pieces of large brackets and the arrow extenders are U+FFFD.
  private static let symbolHigh = Array(
    "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…\u{FFFD}\u{FFFD}↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑"
      + String(repeating: "\u{FFFD}", count: 11) + "〉∫" + String(repeating: "\u{FFFD}", count: 12))
  private static let wingdings: [Int: Character] = [0xA8: "☐", 0xFB: "✗", 0xFC: "✓", 0xFD: "☒", 0xFE: "☑"]
  private static let wingdings2: [Int: Character] = [0x4F: "✗", 0x50: "✓", 0x52: "☑", 0x54: "☒", 0xA3: "☐"]
}
