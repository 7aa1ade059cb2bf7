/// How a document's text reader tells the pieces of its text: CJK that wraps without a space, and page
/// numbers.
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

  /// A wrapped cell's lines joined: without a space where either side is CJK or the line broke inside a
  /// number or word, with one between Latin words.
  static func joiningWrapped(_ upper: String, _ lower: String) -> String {
    guard let last = upper.unicodeScalars.last, let first = lower.unicodeScalars.first else { return upper + lower }
    let letters = last.properties.isAlphabetic && !isCJK(last) && first.properties.isAlphabetic && !isCJK(first)
    return letters ? upper + " " + lower : upper + lower
  }

  /// A page number as printed alone: `6`, `- 6 -`, `—6—`, `第 6 页`, `第6页 共10页`, `6/10`, `Page 6`.
  static func isPageNumber(_ text: String) -> Bool {
    var rest = Substring(text.filter { !$0.isWhitespace })
    guard !rest.isEmpty, rest.count <= 16 else { return false }
    if rest.hasPrefix("Page") || rest.hasPrefix("page") { rest = rest.dropFirst(4) }
    let digits = rest.filter(\.isASCII).filter(\.isNumber)
    guard !digits.isEmpty else { return false }
    let others = rest.filter { !($0.isASCII && $0.isNumber) }
    return others.allSatisfy { "-—–第页共/".contains($0) }
  }
}
