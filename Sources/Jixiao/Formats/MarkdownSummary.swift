/// `--format markdown`: one row per table (department, project, claimed and recomputed total and grade,
/// points over-claimed, finding codes), for a README or a review memo.
public enum MarkdownSummary {
  public static func render(results: [TableResult], rejected: [InputError]) -> String {
    var lines = [
      "# 复核汇总",
      "",
      "由 `jixiao rescore … --format markdown` 生成。多报 = 自评总分 − 复核总分；发现按代码计数，"
        + "`jixiao explain CODE` 说明每个代码。",
      "",
      "| 表 | 主管部门 | 项目 | 自评 | 复核 | 多报 | 发现 |",
      "|---|---|---|---:|---:|---:|---|",
    ]
    var claimedSum = Hundredths.zero
    var recomputedSum = Hundredths.zero
    var overSum = Hundredths.zero
    for result in results {
      let over = result.overClaimed
      if let claimed = result.claimedTotal {
        claimedSum = claimedSum + claimed
        recomputedSum = recomputedSum + result.recomputedTotal
      }
      if let over, over > .zero { overSum = overSum + over }
      let cells = [
        "`\(result.id)`", result.department ?? "—", result.name,
        total(result.claimedTotal, result.claimedGrade),
        result.isTargetTable ? "目标表" : total(result.recomputedTotal, result.recomputedGrade),
        over.map { $0 == .zero ? "0.00" : ($0 > .zero ? "**\($0)**" : "\($0)") } ?? "—", codes(result.findings),
      ]
      lines.append("| " + cells.map(escape).joined(separator: " | ") + " |")
    }
    lines.append("")
    let scored = results.filter { !$0.isTargetTable }.count
    lines.append(
      "共 \(results.count + rejected.count) 张表：复核 \(scored) 张，目标表 \(results.count - scored) 张，无法读取 \(rejected.count) 张。"
        + "填有总分的表自评合计 \(claimedSum) 分，复核合计 \(recomputedSum) 分，多报合计 \(overSum) 分。")
    for error in rejected { lines.append("- 无法读取 `\(error.location)`：\(error.message)") }
    return lines.joined(separator: "\n") + "\n"
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

  private static func escape(_ cell: String) -> String {
    cell.replacing("|", with: "\\|").replacing("\n", with: " ")
  }
}
