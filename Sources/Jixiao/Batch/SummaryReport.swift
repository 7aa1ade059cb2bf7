/// The batch summary as text (after the reports; table text through `TerminalText`) and as a JSON object.
public enum SummaryReport {
  public static func text(_ summary: BatchSummary) -> String {
    var lines = ["━━ 批量复核汇总", ""]
    lines.append(
      "   读取 \(summary.tablesRead) 张表：复核 \(summary.tablesScored) 张，目标表 \(summary.targetTables) 张，无法读取 \(summary.rejectedCount) 张"
        + (summary.countsAddUp ? "（合计相符）" : "（合计不符！）"))
    if summary.tablesWithClaimedTotal > 0 {
      let over = summary.claimedPoints - summary.recomputedPoints
      lines.append(
        "   填有总分的 \(summary.tablesWithClaimedTotal) 张表：自评合计 \(summary.claimedPoints) 分，复核合计 \(summary.recomputedPoints) 分，差额 \(over) 分"
      )
    }
    if !summary.findingsByCode.isEmpty {
      lines += ["", "   发现（按代码）"]
      for (code, count) in sortedFindings(summary) {
        let title = FindingCatalogue.descriptor(for: code)?.title ?? ""
        lines.append(
          "     " + TerminalWidth.pad(code.rawValue, to: 32) + TerminalWidth.pad("\(count)", to: 7, right: true) + "  \(title)")
      }
    }
    if !summary.transitions.isEmpty {
      lines += ["", "   等级变化（自评 → 复核）"]
      lines += matrix(summary.transitions).map { "     " + $0 }
      let byDepartment = summary.transitionsByDepartment
      for department in byDepartment.keys.sorted() where byDepartment.count > 1 {
        lines += ["", "   \(TerminalText.visible(department))"]
        lines += matrix(byDepartment[department]!).map { "     " + $0 }
      }
    }
    if !summary.largestOverClaims.isEmpty {
      lines += ["", "   多报最多的表"]
      for (rank, claim) in summary.largestOverClaims.prefix(10).enumerated() {
        lines.append(
          "     \(rank + 1). \(TerminalText.visible(claim.name))（\(claim.department.map(TerminalText.visible) ?? "—")，\(TerminalText.visible(claim.id))）"
            + "：自评 \(claim.claimed)，复核 \(claim.recomputed)，多报 \(claim.over) 分"
        )
      }
    }
    if summary.rejectedCount > 0 {
      lines += ["", "   无法读取"]
      for error in summary.rejections { lines.append("     " + TerminalText.visible(error.text(.chinese))) }
      if summary.rejectedCount > summary.rejections.count {
        lines.append("     ……另有 \(summary.rejectedCount - summary.rejections.count) 条（均已在标准错误输出中列出）")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func sortedFindings(_ summary: BatchSummary) -> [(FindingCode, Int)] {
    summary.findingsByCode.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
  }

  /// Rows: claimed grade (and 未填); columns: recomputed grade.
  static func matrix(_ counts: [BatchSummary.Transition: Int]) -> [String] {
    let grades = Grade.allCases
    let claimedRows: [Grade?] = grades + (counts.keys.contains { $0.claimed == nil } ? [nil] : [])
    var lines = ["自评＼复核" + grades.map { TerminalWidth.pad($0.rawValue, to: 8, right: true) }.joined()]
    for claimed in claimedRows {
      let cells = grades.map { recomputed in
        TerminalWidth.pad("\(counts[.init(claimed: claimed, recomputed: recomputed)] ?? 0)", to: 8, right: true)
      }
      lines.append(TerminalWidth.pad(claimed?.rawValue ?? "未填", to: 10) + cells.joined())
    }
    return lines
  }

  public static func json(_ summary: BatchSummary) -> String {
    JSONWriter.text { write(summary, into: &$0) }
  }

  static func write(_ summary: BatchSummary, into writer: inout JSONWriter) {
    writer.beginObject()
    writer.int("tablesRead", summary.tablesRead)
    writer.int("tablesScored", summary.tablesScored)
    writer.int("targetTables", summary.targetTables)
    writer.int("tablesRejected", summary.rejectedCount)
    writer.bool("countsAddUp", summary.countsAddUp)
    writer.beginArray("rejected")
    for error in summary.rejections { ResultDocument.writeRejection(error, into: &writer) }
    writer.endArray()
    writer.beginObject("findingsByCode")
    for (code, count) in sortedFindings(summary) { writer.int(JSONKey(text: code.rawValue), count) }
    writer.endObject()
    writer.int("tablesWithClaimedTotal", summary.tablesWithClaimedTotal)
    writer.string("claimedPoints", summary.claimedPoints.description)
    writer.string("recomputedPoints", summary.recomputedPoints.description)
    writer.string("overClaimedPoints", (summary.claimedPoints - summary.recomputedPoints).description)
    writeTransitions("gradeTransitions", summary.transitions, into: &writer)
    writer.beginObject("gradeTransitionsByDepartment")
    let byDepartment = summary.transitionsByDepartment
    for department in byDepartment.keys.sorted() {
      writeTransitions(JSONKey(text: department), byDepartment[department]!, into: &writer)
    }
    writer.endObject()
    writer.beginObject("overClaimedByDepartment")
    for (department, points) in summary.overClaimedByDepartment.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
      writer.string(JSONKey(text: department), points.description)
    }
    writer.endObject()
    writer.beginArray("largestOverClaims")
    for claim in summary.largestOverClaims.prefix(10) {
      writer.beginObject()
      writer.string("id", claim.id)
      writer.string("name", claim.name)
      writer.string("department", claim.department)
      writer.string("claimedTotal", claim.claimed.description)
      writer.string("recomputedTotal", claim.recomputed.description)
      writer.string("overClaimed", claim.over.description)
      writer.endObject()
    }
    writer.endArray()
    writer.endObject()
  }

  private static func writeTransitions(_ key: JSONKey, _ counts: [BatchSummary.Transition: Int], into writer: inout JSONWriter) {
    writer.beginArray(key)
    for (transition, count) in counts.sorted(by: { $0.key < $1.key }) {
      writer.beginObject()
      writer.string("claimed", transition.claimed?.rawValue)
      writer.string("recomputed", transition.recomputed.rawValue)
      writer.int("tables", count)
      writer.endObject()
    }
    writer.endArray()
  }
}
