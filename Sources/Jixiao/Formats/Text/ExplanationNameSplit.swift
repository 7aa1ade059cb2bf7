/// Whether the split between a row's explanation wrapped below it and the next row's wrapped name
/// (`资金支付正在` / `走支付流程，` / `计划 2024 年` / `支付` / `新疆磐基实业有限公` / `司奖励标准`, seed 004 line
/// 1495) is certain, though the text keeps no position. Two columns of one table print in one font, and a
/// line wraps only where the next character does not fit, so widths bound the columns:
///
/// - a wrapped line of the explanation followed by a line that opens with an ideograph (which may start a
///   line) is narrower than its column by less than that ideograph: the column is narrower than the two
///   together (`资金支付正在` + `走`: 7 ideographs);
/// - the name's first line, when more of the name follows, fills its column.
///
/// The split is certain when the name's first line is at least as wide as the explanation's column bound
/// (it cannot be a line of that column), and every line of the explanation is narrower than a full line of
/// the name by a character or more (none of them can be one of the name's lines). Widths are counted in
/// half ideographs: an ideograph 2; full-width punctuation 1 at least (a typesetter may compress it), 2 at
/// most; a digit, space or ASCII mark 0 at least, 1 at most; any other character 0 at least, 2 at most.
enum ExplanationNameSplit {
  static func isCertain(explanation: ArraySlice<FlowingCells.Piece>, name: ArraySlice<FlowingCells.Piece>) -> Bool {
    let paragraph = lines(of: explanation)
    let names = lines(of: name)
    guard names.count >= 2, let first = names.first else { return false }
    let bounds = zip(paragraph, paragraph.dropFirst()).compactMap { line, next -> Int? in
      guard line.allSatisfy(isIdeograph), let opening = next.first, isIdeograph(opening) else { return nil }
      return line.count * 2 + 2
    }
    guard let bound = bounds.min(), narrowest(first) >= bound else { return false }
    return paragraph.allSatisfy { widest($0) <= narrowest(first) - 2 }
  }

  /// The characters of each line the pieces are printed on, spaces between pieces of one line.
  static func lines(of pieces: ArraySlice<FlowingCells.Piece>) -> [[Unicode.Scalar]] {
    var lines: [[Unicode.Scalar]] = []
    var number: Int?
    for piece in pieces {
      if piece.line.number == number {
        lines[lines.count - 1].append(" ")
      } else {
        lines.append([])
        number = piece.line.number
      }
      lines[lines.count - 1] += piece.text.unicodeScalars
    }
    return lines
  }

  static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
    (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
  }

  static func narrowest(_ line: [Unicode.Scalar]) -> Int {
    line.reduce(0) { $0 + (isIdeograph($1) ? 2 : $1.value >= 0x2E80 ? 1 : 0) }
  }

  static func widest(_ line: [Unicode.Scalar]) -> Int {
    line.reduce(0) {
      $0 + ($1.value >= 0x2E80 ? 2 : $1.isASCII && !(("A"..."Z").contains($1) || ("a"..."z").contains($1)) ? 1 : 2)
    }
  }
}
