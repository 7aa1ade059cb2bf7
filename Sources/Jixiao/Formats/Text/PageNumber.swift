/// The page numbers documents print, told apart from a table's text by both readers of a document's text:
/// the reader of pdftotext's default output (`DocumentText`) and the reader by position (PDF words and
/// layout text, `PositionedTextAssembler`).
enum PageNumber {
  /// A page number as documents print them on a line of their own: `- 6 -`, `—6—`, `– 6 –`, `第 6 页`,
  /// spaces anywhere. A bare `6` is not one: text without positions is asked this of every line, and a
  /// line holding only a number is a weight or score wrapped below its row as often as a page number.
  static func isPrinted(onAnyLine text: String) -> Bool {
    let key = FormText.key(text)
    guard !key.isEmpty, key.utf8.count <= 24 else { return false }
    var scalars = Substring(key).unicodeScalars[...]
    let dashes: Set<Unicode.Scalar> = ["-", "—", "–", "－", "―"]
    if let first = scalars.first, dashes.contains(first), let last = scalars.last, dashes.contains(last), scalars.count >= 3 {
      scalars = scalars.dropFirst().dropLast()
      while let first = scalars.first, dashes.contains(first) { scalars = scalars.dropFirst() }
      while let last = scalars.last, dashes.contains(last) { scalars = scalars.dropLast() }
    } else if scalars.first == "第", scalars.last == "页", scalars.count >= 3 {
      scalars = scalars.dropFirst().dropLast()
    } else {
      return false
    }
    return !scalars.isEmpty && scalars.count <= 4 && scalars.allSatisfy { ("0"..."9").contains($0) }
  }

  /// A page number alone on a page's first or last line, where its place already says what it is: also a
  /// bare `6`, `6/10`, `第6页 共10页` and `Page 6`.
  static func isPrinted(atPageEdge text: String) -> Bool {
    var rest = Substring(text.filter { !$0.isWhitespace })
    guard !rest.isEmpty, rest.count <= 16 else { return false }
    if rest.hasPrefix("Page") || rest.hasPrefix("page") { rest = rest.dropFirst(4) }
    let digits = rest.filter(\.isASCII).filter(\.isNumber)
    guard !digits.isEmpty else { return false }
    let others = rest.filter { !($0.isASCII && $0.isNumber) }
    return others.allSatisfy { "-—–第页共/".contains($0) }
  }
}
