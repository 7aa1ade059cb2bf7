/// How the reader by position joins the pieces of a line and a cell's wrapped lines: CJK wraps and touches
/// its neighbour without a space.
enum WrappedText {
  /// Whether a scalar is CJK (a character that wraps or touches its neighbour without a space): ideographs,
  /// CJK punctuation and the full-width forms.
  static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3134F: true
    default: false
    }
  }

  /// Whether two pieces of one line meet at CJK on either side, where a small gap is no space.
  static func meetsAtCJK(_ before: String, _ after: String) -> Bool {
    (before.unicodeScalars.last.map(isCJK) ?? false) || (after.unicodeScalars.first.map(isCJK) ?? false)
  }

  /// A wrapped cell's lines joined: with a space between Latin letters, without one where either side is
  /// CJK or no letter (a number broken at the line's end).
  static func joiningWrapped(_ upper: String, _ lower: String) -> String {
    guard let last = upper.unicodeScalars.last, let first = lower.unicodeScalars.first else { return upper + lower }
    let letters = last.properties.isAlphabetic && !isCJK(last) && first.properties.isAlphabetic && !isCJK(first)
    return letters ? upper + " " + lower : upper + lower
  }
}
