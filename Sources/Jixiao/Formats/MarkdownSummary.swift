/// `--format markdown`: one row per table (department, project, claimed and recomputed total and grade,
/// points over-claimed, finding codes), for a README or a review memo. Streams: header, rows, footer.
/// Text from a table is data in it, never Markdown (`text`, `code`).
public enum MarkdownSummary {
  public static let header = """
    # 复核汇总

    由 `jixiao rescore … --format markdown` 生成。多报 = 自评总分 − 复核总分；发现按代码计数，`jixiao explain CODE` 说明每个代码。

    | 表 | 主管部门 | 项目 | 自评 | 复核 | 多报 | 发现 |
    |---|---|---|---:|---:|---:|---|

    """

  public static func row(_ result: TableResult) -> String {
    let over = result.overClaimed.map { $0 > .zero ? "**\($0)**" : "\($0)" } ?? "—"
    let cells = [
      code(result.id), result.department.map { text($0.string) } ?? "—", text(result.name.string),
      total(result.claimedTotal, result.claimedGrade),
      result.isTargetTable
        ? "目标表"
        : total(result.recomputedTotal, result.recomputedGrade) + (TextReport.offScaleNote(result).map { "（\($0)）" } ?? "")
          + (TextReport.overrideNote(result).map { "（\($0)）" } ?? ""),
      over, codes(result.findings),
    ]
    return "| " + cells.joined(separator: " | ") + " |\n"
  }

  public static func footer(_ summary: BatchSummary) -> String {
    var text =
      "\n共 \(summary.tablesRead) 张表：复核 \(summary.tablesScored) 张，目标表 \(summary.targetTables) 张，无法读取 \(summary.rejectedCount) 张。"
      + "填有总分的 \(summary.tablesWithClaimedTotal) 张表自评合计 \(summary.claimedPoints) 分，复核合计 \(summary.recomputedPoints) 分，"
      + "差额 \(summary.claimedPoints - summary.recomputedPoints) 分。\n"
    for error in summary.rejections { text += "- 无法读取 \(code(error.location.description))：\(Self.text(error.message.chinese))\n" }
    return text
  }

  /// The whole document for results already in memory.
  public static func render(results: [TableResult], rejected: [InputError]) -> String {
    var summary = BatchSummary()
    var text = header
    for result in results {
      summary.add(result)
      text += row(result)
    }
    for error in rejected { summary.add(error) }
    return text + footer(summary)
  }

  private static func total(_ value: Hundredths?, _ grade: Grade?) -> String {
    guard let value else { return "—" }
    return grade.map { "\(value)（\($0.rawValue)）" } ?? value.description
  }

  /// `score.over-claimed ×3, total.over-claimed`, in first-seen order.
  private static func codes(_ findings: [Finding]) -> String {
    var order: [FindingCode] = []
    var counts: [FindingCode: Int] = [:]
    for finding in findings {
      if counts[finding.code] == nil { order.append(finding.code) }
      counts[finding.code, default: 0] += 1
    }
    guard !order.isEmpty else { return "—" }
    return order.map { counts[$0]! > 1 ? "\($0.rawValue) ×\(counts[$0]!)" : $0.rawValue }.joined(separator: ", ")
  }

  /// Table text as inert Markdown on one line: controls made visible (`TerminalText`), then every ASCII
  /// punctuation character backslash-escaped, scalar by scalar. CommonMark reads an escaped punctuation
  /// character as itself, so no emphasis, link, image, autolink, raw HTML, entity, code span, math,
  /// mention or table pipe can come from the text, and the reader still sees the text unchanged.
  static func text(_ cell: String) -> String {
    backslashed(TerminalText.visible(cell), before: isASCIIPunctuation)
  }

  /// An identifier (a table id, a source location) as a code span, as jixiao has always printed it, when
  /// the span holds it exactly: no backtick in it, and no space at its ends (which a code span drops);
  /// a pipe in it is escaped, as a table cell needs even inside a code span. Otherwise as `text`.
  static func code(_ identifier: String) -> String {
    let shown = TerminalText.visible(identifier)
    guard let first = shown.unicodeScalars.first, let last = shown.unicodeScalars.last, first != " ", last != " ",
      !shown.utf8.contains(UInt8(ascii: "`"))
    else { return text(identifier) }
    return "`" + backslashed(shown, before: { $0 == UInt8(ascii: "|") }) + "`"
  }

  /// `text` with a backslash before each ASCII scalar `special` picks; the text itself when there is none.
  private static func backslashed(_ text: String, before special: (UInt8) -> Bool) -> String {
    guard text.utf8.contains(where: special) else { return text }
    var escaped = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar.isASCII, special(UInt8(scalar.value)) { escaped.append("\\") }
      escaped.append(scalar)
    }
    return String(escaped)
  }

  private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
    (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
  }
}
