/// Text from a table (or a message quoting it) as the terminal outputs print it: the text report, the
/// text summary, the Markdown summary and the lines on standard error. A unit types its names, so a
/// name must not be able to move the cursor, recolour or clear the screen (C0 and C1 controls: ESC
/// starts an ANSI sequence, U+009B is a one-scalar CSI), break a line, or reorder the figures printed
/// beside it (bidi controls). Each such scalar is written as a visible escape, `\u{1B}`, found scalar
/// by scalar: a grapheme cluster can hide a control behind a neighbouring mark.
///
/// The escape is reversible: `\u{HEX}` is the scalar HEX, and a backslash that would otherwise be
/// misread (a run of backslashes before `u{` or before an escape) is doubled. Every other backslash is
/// written as it is, so ordinary text, and messages such as "a \u escape needs 4 hexadecimal digits",
/// print unchanged.
public enum TerminalText {
  /// `text` with every escaped scalar (`isEscaped`) written `\u{HEX}`; the text itself, sharing its
  /// storage, when nothing needs escaping (nearly always).
  public static func visible(_ text: String) -> String {
    guard needsEscaping(text) else { return text }
    let scalars = text.unicodeScalars
    var result = String.UnicodeScalarView()
    var index = scalars.startIndex
    while index != scalars.endIndex {
      let scalar = scalars[index]
      if scalar == "\\" {
        var runEnd = index
        var run = 0
        while runEnd != scalars.endIndex, scalars[runEnd] == "\\" {
          run += 1
          runEnd = scalars.index(after: runEnd)
        }
        let doubled = runEnd != scalars.endIndex && (isEscaped(scalars[runEnd]) || startsEscapeLookalike(scalars, at: runEnd))
        result.append(contentsOf: repeatElement("\\", count: doubled ? 2 * run : run))
        index = runEnd
        continue
      }
      if isEscaped(scalar) {
        result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        result.append(scalar)
      }
      index = scalars.index(after: index)
    }
    return String(result)
  }

  /// `text` made visible and cut to at most `limit` columns (`TerminalWidth`), ending with `…` when
  /// cut. Cut on the text, not on its escapes, so an escape is never cut in half.
  public static func fitted(_ text: String, to limit: Int) -> String {
    let shown = visible(text)
    guard TerminalWidth.of(shown) > limit else { return shown }
    var kept = ""
    var used = 0
    for character in text {
      let width = TerminalWidth.of(visible(String(character)))
      if used + width > limit - 2 { break }
      kept.append(character)
      used += width
    }
    // A backslash kept before a cut `u{` may be doubled in context: measure the visible whole.
    while !kept.isEmpty, TerminalWidth.of(visible(kept)) > limit - 2 { kept.removeLast() }
    return visible(kept) + "…"
  }

  /// C0 and C1 controls and DEL; the bidi controls (ALM, LRM, RLM, the embeddings and overrides, the
  /// isolates); the line and paragraph separators, which some viewers break a line at.
  public static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// `u{` at `index`: after a backslash it would read as an escape.
  private static func startsEscapeLookalike(_ scalars: String.UnicodeScalarView, at index: String.Index) -> Bool {
    guard scalars[index] == "u" else { return false }
    let next = scalars.index(after: index)
    return next != scalars.endIndex && scalars[next] == "{"
  }

  /// Whether `visible` changes `text`. First on bytes: no escaped scalar is encoded without a byte
  /// below 0x20, 0x7F, or a lead byte C2 (U+0080…U+009F), D8 (U+061C) or E2 (U+2000…U+2FFF), and no
  /// backslash is doubled without a 0x5C; only text with one of them is looked at scalar by scalar.
  static func needsEscaping(_ text: String) -> Bool {
    let suspect =
      text.utf8.withContiguousStorageIfAvailable { $0.contains(where: mayStartEscape) }
      ?? text.utf8.contains(where: mayStartEscape)
    guard suspect else { return false }
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while index != scalars.endIndex {
      let scalar = scalars[index]
      index = scalars.index(after: index)
      if isEscaped(scalar) { return true }
      if scalar == "\\", index != scalars.endIndex, startsEscapeLookalike(scalars, at: index) { return true }
    }
    return false
  }

  @inline(__always) private static func mayStartEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == 0x7F || byte == 0x5C || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
  }
}
