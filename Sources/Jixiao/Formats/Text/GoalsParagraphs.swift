/// Where the expected goals end and the actual begin in pdftotext's default output, which prints the two
/// cells of a goals block (预期目标 | 实际完成情况) one after the other, with no position (seed 004 lines
/// 1250–1268). A cell's text wraps at its column's width, so its lines are about as wide as each other but
/// for a paragraph's last, which ends a sentence; the two columns' widths differ, or the texts are one
/// paragraph each. The split is after a line that ends a sentence (。！？…) where both sides are such
/// texts; certain where one line only fits, a guess (the first) where several do, none where none does.
///
/// Widths are display widths (a CJK or full-width character 2, others 1). pdftotext puts spaces beside
/// numbers and a number wraps whole, so a line counts as full when it and the next line's opening number
/// reach within two ideographs of the widest line.
enum GoalsParagraphs {
  static func split(_ lines: [String]) -> (split: Int, certain: Bool)? {
    let fitting = (1..<max(lines.count, 1)).filter { split in
      endsSentence(lines[split - 1]) && isParagraph(lines[..<split]) && isParagraph(lines[split...])
    }
    guard let first = fitting.first else { return nil }
    return (first, fitting.count == 1)
  }

  /// Whether lines are one cell's text: paragraphs wrapped to one width, every line full but a paragraph's
  /// last (it ends a sentence) or a heading (`总体绩效目标：`, seed 004 line 491: it ends in a colon), and the
  /// text's last. The first line may be shorter too.
  static func isParagraph(_ lines: ArraySlice<String>) -> Bool {
    let widths = lines.map(width)
    guard let widest = widths.max() else { return false }
    let full = widest - 4
    for (offset, line) in zip(lines.indices, widths).dropLast() {
      let next = lines[offset + 1]
      let opening = next.prefix { !WrappedText.isCJK($0.unicodeScalars.first!) && $0 != " " }
      let reach = line + (opening.isEmpty ? 0 : width(String(opening)) + 1)
      let endsParagraph = endsSentence(lines[offset]) || lines[offset].hasSuffix("：") || lines[offset].hasSuffix(":")
      if reach < full && offset != lines.startIndex && !endsParagraph { return false }
    }
    return true
  }

  static func endsSentence(_ line: String) -> Bool {
    guard let last = line.last else { return false }
    return "。！？…!?".contains(last)
  }

  static func width(_ line: String) -> Int {
    line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
  }
}
