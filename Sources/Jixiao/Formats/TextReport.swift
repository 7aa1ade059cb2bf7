/// The report a reviewer reads in a terminal: one table of items with Chinese column labels, aligned
/// for CJK width, then the findings grouped by severity. Every text from the table, and every message
/// quoting it, goes through `TerminalText` before it is measured and printed.
public enum TextReport {
  static let nameWidth = 28
  static let cellWidth = 16

  public static func render(_ result: TableResult) -> String {
    var lines: [String] = []
    let header = [
      result.department.map { TerminalText.visible($0.string) }, result.year.map { "\($0)年度" },
      result.kind.label + (result.isTargetTable ? "绩效目标表" : "绩效自评表"),
    ]
    .compactMap { $0 }.joined(separator: " · ")
    lines.append("━━ \(TerminalText.visible(result.name.string))")
    lines.append("   \(header)   [\(TerminalText.visible(result.id))]")
    if let note = transcodingNote(result) { lines.append("   \(note)") }
    if result.isTargetTable {
      lines.append("   目标审查：只检查目标与结构，不计分")
    } else {
      lines.append("   " + summaryLine(result))
    }
    lines.append("")
    lines.append(contentsOf: itemTable(result))
    lines.append("")
    lines.append(contentsOf: findingsSection(result))
    lines.append("   规则方案：\(TerminalText.visible(result.profileName))（\(result.profileHash)）")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Said of a table whose file was not UTF-8: its text was converted, and a reviewer should know.
  static func transcodingNote(_ result: TableResult) -> String? {
    result.sourceEncoding.wasTranscoded ? "原文件为 \(result.sourceEncoding.rawValue) 编码，已转为 UTF-8 读入" : nil
  }

  /// Why a table has no recomputed grade and no 多报/少报: its weights do not add up to 100 (docs/rules.md,
  /// "Weights that do not add up"). Every writer that shows the total says it in these words.
  static func offScaleNote(_ result: TableResult) -> String? {
    result.weightsOffScale.map { "权重合计 \($0.pointsText) 分，不是 100：不评等级，不比总分" }
  }

  /// Said of a table whose reviewer replaced some scores (`ScoreOverride`): the total and grade shown are
  /// the reviewer's; the engine's are these. Every writer that shows the total says it in these words.
  static func overrideNote(_ result: TableResult) -> String? {
    result.engineTotal.map { "含复核调整：调整前复核总分 \($0)" + (result.engineGrade.map { "（\($0.rawValue)）" } ?? "") }
  }

  /// An item's recomputed score as the reports show it: the engine's, and the reviewer's after an arrow.
  static func scoreText(_ score: Hundredths, verified: Bool, review: ReviewerScore?) -> String {
    let engine = verified ? score.description : "未核实"
    return review.map { "\(engine)→\($0.score)" } ?? engine
  }

  static func summaryLine(_ result: TableResult) -> String {
    let claimed = result.claimedTotal.map { "自评 \($0) 分" } ?? "自评总分未填"
    let claimedGrade = result.claimedGrade.map { "（\($0.rawValue)）" } ?? ""
    let recomputedGrade = result.recomputedGrade.map { "（\($0.rawValue)）" } ?? ""
    var text = "\(claimed)\(claimedGrade) → 复核 \(result.recomputedTotal) 分\(recomputedGrade)"
    if let over = result.overClaimed, over != .zero {
      text += over > .zero ? "   多报 \(over) 分" : "   少报 \(Hundredths.zero - over) 分"
    }
    if let note = offScaleNote(result) { text += "   " + note }
    if let note = overrideNote(result) { text += "   " + note }
    if result.unverifiedPoints != .zero { text += "   未核实 \(result.unverifiedPoints) 分" }
    return text
  }

  static func itemTable(_ result: TableResult) -> [String] {
    result.isTargetTable ? targetTable(result) : scoredTable(result)
  }

  /// A target table has no actuals and no scores: levels, weights and targets only.
  static func targetTable(_ result: TableResult) -> [String] {
    let headers = ["指标", "一级指标", "二级指标", "权重", "目标值", "说明"]
    let rows = result.indicators.map { item in
      [
        TerminalText.fitted("\(item.index). \(item.name)", to: nameWidth),
        item.level1.map { TerminalText.visible($0.string) } ?? "—",
        item.level2.map { TerminalText.visible($0.string) } ?? "—", item.weight?.description ?? "—",
        TerminalText.fitted(item.target?.trimmingSpaces().string ?? "—", to: cellWidth),
        notes(result, .indicator(index: item.index, name: item.name)),
      ]
    }
    return align(headers: headers, rows: rows, numeric: [3], totalRow: false)
  }

  static func scoredTable(_ result: TableResult) -> [String] {
    let headers = ["指标", "权重", "目标值", "实际值", "完成率", "自评得分", "复核得分", "差额", "说明"]
    var rows: [[String]] = []
    if let funds = result.funds {
      rows.append([
        "预算执行", funds.weight?.description ?? "—", funds.annualBudget.map { "预算 \($0.pointsText)" } ?? "—",
        funds.executed.map { "执行 \($0.pointsText)" } ?? "—", funds.rate?.percentText ?? "—",
        funds.claimedScore?.description ?? "—", scoreText(funds.score, verified: funds.verified, review: funds.review),
        difference(funds.claimedScore, funds.finalScore, verified: funds.verified || funds.review != nil), notes(result, .funds),
      ])
    }
    for item in result.indicators {
      rows.append([
        TerminalText.fitted("\(item.index). \(item.name)", to: nameWidth), item.weight?.description ?? "—",
        TerminalText.fitted(item.target?.trimmingSpaces().string ?? "—", to: cellWidth),
        TerminalText.fitted(item.actual?.trimmingSpaces().string ?? "—", to: cellWidth),
        item.completion?.percentText ?? item.band?.label ?? "—", item.claimedScore?.description ?? "—",
        scoreText(item.score, verified: item.verified, review: item.review),
        difference(item.claimedScore, item.finalScore, verified: item.verified || item.review != nil),
        notes(result, .indicator(index: item.index, name: item.name)),
      ])
    }
    rows.append([
      "总分", "", "", "", "", result.claimedTotal?.description ?? "—", result.recomputedTotal.description,
      difference(result.claimedTotal, result.recomputedTotal, verified: true), notes(result, .table),
    ])
    return align(headers: headers, rows: rows, numeric: [1, 4, 5, 6, 7], totalRow: true)
  }

  /// Columns padded to the widest cell (CJK characters count two), numbers right-aligned, the last
  /// column left ragged; a rule under the header and, for scored tables, above the total.
  static func align(headers: [String], rows: [[String]], numeric: Set<Int>, totalRow: Bool) -> [String] {
    var widths = headers.map { TerminalWidth.of($0) }
    for row in rows {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], TerminalWidth.of(cell)) }
    }
    func format(_ row: [String]) -> String {
      let cells = row.enumerated().map { column, cell in
        column == row.count - 1 ? cell : TerminalWidth.pad(cell, to: widths[column], right: numeric.contains(column))
      }
      return ("   " + cells.joined(separator: "  ")).trimmingTrailingSpaces()
    }
    var lines = [format(headers)]
    lines.append("   " + String(repeating: "─", count: widths.dropLast().reduce(0, +) + 2 * (widths.count - 1) + 4))
    for (offset, row) in rows.enumerated() {
      if totalRow, offset == rows.count - 1 {
        lines.append("   " + String(repeating: "─", count: widths.dropLast().reduce(0, +) + 2 * (widths.count - 1) + 4))
      }
      lines.append(format(row))
    }
    return lines
  }

  static func difference(_ claimed: Hundredths?, _ recomputed: Hundredths, verified: Bool) -> String {
    guard verified, let claimed, claimed != recomputed else { return "" }
    let delta = claimed - recomputed
    return delta > .zero ? "+\(delta)" : "\(delta)"
  }

  static func notes(_ result: TableResult, _ location: FindingLocation) -> String {
    let matching = result.findings.filter { $0.location == location && $0.severity != .info }
    return matching.map { FindingCatalogue.descriptor(for: $0.code)?.tag ?? $0.code.rawValue }.joined(separator: "；")
  }

  static func findingsSection(_ result: TableResult) -> [String] {
    guard !result.findings.isEmpty else { return ["   未发现问题", ""] }
    var lines: [String] = []
    for severity in Severity.allCases {
      let group = result.findings.filter { $0.severity == severity }
      guard !group.isEmpty else { continue }
      lines.append("   \(severity.label)（\(group.count)）")
      for finding in group {
        lines.append("     \(finding.code.rawValue)  \(TerminalText.visible(finding.location.label))")
        lines.append("       \(TerminalText.visible(finding.message))")
      }
      lines.append("")
    }
    return lines
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
