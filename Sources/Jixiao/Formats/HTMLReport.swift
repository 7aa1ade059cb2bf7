/// `--format html`: one self-contained report an auditor can read and print. Inline CSS and SVG drawn
/// here, no network, no framework; a few lines of plain script open every section before printing.
/// Streams: table sections are rendered on the workers as results arrive, the overview is written last
/// from the summary and placed first.
public enum HTMLReport {
  /// Whether a table gets a details section: findings at warning or above, or every table when asked.
  public static func includes(_ result: TableResult, all: Bool) -> Bool {
    all || result.isFlagged || result.isOverridden
  }

  /// Without `--report-all`, flagged tables past this many get a one-line entry in an index instead of
  /// a full section, so that a year's report still opens in a browser within seconds.
  public static let maximumSections = 500

  /// The index entry of a flagged table beyond `maximumSections`: one row, the anchor links still land.
  public static func indexRow(_ result: TableResult) -> String {
    let codes = Array(Set(result.findings.filter { $0.severity != .info }.map(\.code.rawValue))).sorted().joined(separator: ", ")
    return "<tr id=\"\(anchor(result.id))\"><td><code>\(isolated(result.id))</code></td><td>\(isolated(result.name.string))</td>"
      + "<td>\(result.department.map { isolated($0.string) } ?? "—")</td><td class=\"num\">\(result.claimedTotal?.description ?? "—")</td>"
      + "<td class=\"num\">\(result.recomputedTotal)</td><td>\(escape(codes))</td></tr>\n"
  }

  public static let indexHeader =
    "<h3>其余有警告或错误的表</h3>\n<p class=\"note\">超过 \(maximumSections) 张的部分只列一行；用 <code>--report-all</code> 得到每张表的明细。</p>\n"
    + "<table><thead><tr><th scope=\"col\">编号</th><th scope=\"col\">项目</th><th scope=\"col\">主管部门</th>"
    + "<th scope=\"col\" class=\"num\">自评</th><th scope=\"col\" class=\"num\">复核</th><th scope=\"col\">发现</th></tr></thead><tbody>\n"

  public static let indexFooter = "</tbody></table>\n"

  public static func anchor(_ id: String) -> String {
    "t-"
      + String(
        id.unicodeScalars.map { scalar in
          scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" ? Character(scalar) : "_"
        })
  }

  // MARK: The document

  /// Everything before the table sections: head, overview, and the opening of the sections.
  public static func prefix(summary: BatchSummary, profile: Profile, includedAll: Bool) -> String {
    var html = head
    html += "<body>\n<header class=\"report-header\"><h1>绩效自评复核报告</h1>"
    html += "<p>规则方案：\(escape(profile.name)) \(escape(profile.version))（\(profile.contentHash)）· 由 jixiao 生成</p></header>\n"
    html += "<main>\n"
    html += overview(summary, includedAll: includedAll)
    html += "<section class=\"tables\" aria-labelledby=\"tables-heading\">\n<h2 id=\"tables-heading\">逐表复核</h2>\n"
    html +=
      includedAll
      ? "<p class=\"note\">全部表格的明细（点击展开）。</p>\n"
      : "<p class=\"note\">只列出有“警告”或“错误”发现的表（点击展开）；用 <code>--report-all</code> 列出全部。</p>\n"
    return html
  }

  /// Everything after the table sections.
  public static let suffix = "</section>\n</main>\n" + script + "</body>\n</html>\n"

  /// The whole document for sections already in memory.
  public static func document(summary: BatchSummary, profile: Profile, sections: String, includedAll: Bool) -> String {
    prefix(summary: summary, profile: profile, includedAll: includedAll) + sections + suffix
  }

  static let head = """
    <!DOCTYPE html>
    <html lang="zh-CN">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>绩效自评复核报告</title>
    <style>
    :root { --ink: #1d2733; --muted: #5b6775; --line: #d5dbe2; --over: #b3261e; --under: #1f6f43; --bar: #3d6fb6; --soft: #f4f6f9; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: #fff; }
    header.report-header { padding: 20px 32px; border-bottom: 3px solid var(--ink); }
    header.report-header h1 { margin: 0 0 4px; font-size: 24px; }
    header.report-header p, .note { margin: 0; color: var(--muted); font-size: 13px; }
    main { padding: 16px 32px 48px; max-width: 1280px; }
    h2 { font-size: 19px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
    h3 { font-size: 16px; margin: 20px 0 8px; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px; min-width: 150px; background: var(--soft); }
    .card b { display: block; font-size: 22px; }
    .card span { color: var(--muted); font-size: 13px; }
    .charts { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
    figure { margin: 0; }
    figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }
    table { border-collapse: collapse; margin: 8px 0; font-size: 13.5px; }
    th, td { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; text-align: left; }
    th { background: var(--soft); font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    table.items td:nth-child(1), table.items td:nth-child(5), table.items td:nth-child(8), table.items td:nth-child(9),
    table.items td:nth-child(10) { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .bars { display: inline-block; width: 104px; height: 14px; background: var(--soft); padding: 2px; vertical-align: middle; }
    .bars i { display: block; height: 4px; background: #8895a4; margin-bottom: 2px; }
    .bars i + i { background: var(--bar); margin-bottom: 0; }
    .over { color: var(--over); font-weight: 600; }
    .under { color: var(--under); }
    details.table-detail { border: 1px solid var(--line); border-radius: 6px; margin: 10px 0; padding: 0 12px; content-visibility: auto; contain-intrinsic-size: auto 42px; }
    details.table-detail > summary { cursor: pointer; padding: 8px 0; font-weight: 600; }
    details.table-detail[open] > summary { border-bottom: 1px solid var(--line); margin-bottom: 8px; }
    .sev { display: inline-block; min-width: 3.2em; padding: 0 4px; border-radius: 3px; font-size: 12px; text-align: center; border: 1px solid currentColor; }
    .sev-error { color: var(--over); }
    .sev-warning { color: #8a5a00; }
    .sev-info { color: var(--muted); }
    ul.findings { padding-left: 0; list-style: none; }
    ul.findings li { margin: 4px 0; }
    code { font-size: 12.5px; background: var(--soft); padding: 0 3px; border-radius: 3px; }
    .data-table summary { font-size: 13px; color: var(--muted); cursor: pointer; }
    @media print {
      @page { size: A4; margin: 14mm 12mm; }
      body { font-size: 10.5pt; }
      main { padding: 0; max-width: none; }
      header.report-header { padding: 0 0 6pt; }
      details.table-detail { break-before: page; border: none; padding: 0; }
      details.table-detail > summary { list-style: none; font-size: 13pt; }
      details.table-detail > summary::-webkit-details-marker { display: none; }
      table { width: 100%; table-layout: auto; font-size: 9pt; page-break-inside: auto; }
      tr { break-inside: avoid; }
      th, td { padding: 2pt 4pt; word-break: break-all; }
      svg { max-width: 100%; height: auto; }
      .charts { display: block; }
      figure { break-inside: avoid; margin-bottom: 10pt; }
      .no-print { display: none; }
      .bars, .bars i { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    </style>
    </head>

    """

  static let script = """
    <script>
    // Print every section, not only the open ones.
    window.addEventListener('beforeprint', function () {
      document.querySelectorAll('details').forEach(function (d) { d.setAttribute('open', ''); });
    });
    </script>

    """

  // MARK: Overview

  static func overview(_ summary: BatchSummary, includedAll: Bool) -> String {
    var html = "<section aria-labelledby=\"overview-heading\">\n<h2 id=\"overview-heading\">总览</h2>\n<div class=\"cards\">\n"
    let over = summary.claimedPoints - summary.recomputedPoints
    let cards: [(String, String)] = [
      ("\(summary.tablesRead)", "读取的表"), ("\(summary.tablesScored)", "复核的表"), ("\(summary.targetTables)", "目标表（不计分）"),
      ("\(summary.rejectedCount)", "无法读取"), ("\(summary.claimedPoints)", "自评合计（分）"),
      ("\(summary.recomputedPoints)", "复核合计（分）"), ("\(over)", "差额（分）"),
    ]
    for (value, label) in cards { html += "<div class=\"card\"><b>\(escape(value))</b><span>\(label)</span></div>\n" }
    html += "</div>\n"
    html += "<p class=\"note\">自评与复核合计只计填有总分的 \(summary.tablesWithClaimedTotal) 张表；读取 = 复核 + 目标表 + 无法读取"
    html += summary.countsAddUp ? "，合计相符。</p>\n" : "，合计不符！</p>\n"
    html += "<div class=\"charts\">\n"
    html += heatMap(summary.transitions)
    html += findingsChart(summary)
    html += claimScatter(summary.scatter, includedAll: includedAll)
    html += "</div>\n"
    html += departments(summary)
    html += largestOverClaims(summary, includedAll: includedAll)
    html += rejections(summary)
    return html + "</section>\n"
  }

  static func rejections(_ summary: BatchSummary) -> String {
    guard summary.rejectedCount > 0 else { return "" }
    var html = "<h3>无法读取的记录</h3>\n<table><thead><tr><th scope=\"col\">位置</th><th scope=\"col\">原因</th></tr></thead><tbody>\n"
    for error in summary.rejections {
      html +=
        "<tr><td><code>\(isolated(error.location.description))</code></td><td>\(isolated(error.message.chinese))</td></tr>\n"
    }
    return html + "</tbody></table>\n"
  }

  /// 自评等级 → 复核等级 as a heat map: each cell prints its count, so the colour only repeats it.
  static func heatMap(_ counts: [BatchSummary.Transition: Int]) -> String {
    let grades = Grade.allCases
    let rows: [Grade?] = grades + (counts.keys.contains { $0.claimed == nil } ? [nil] : [])
    let cell = 56
    let left = 64
    let top = 44
    let width = left + cell * grades.count + 8
    let height = top + cell * rows.count + 8
    let maximum = max(1, counts.values.max() ?? 1)
    var svg =
      "<figure><svg role=\"img\" aria-labelledby=\"heat-title heat-desc\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
    svg += "<title id=\"heat-title\">等级变化：自评等级（行）→ 复核等级（列）</title>\n"
    var description: [String] = []
    svg += "<text x=\"\(left + cell * grades.count / 2)\" y=\"14\" text-anchor=\"middle\" font-size=\"13\">复核等级</text>\n"
    for (column, grade) in grades.enumerated() {
      svg +=
        "<text x=\"\(left + column * cell + cell / 2)\" y=\"\(top - 8)\" text-anchor=\"middle\" font-size=\"14\">\(grade.rawValue)</text>\n"
    }
    for (row, claimed) in rows.enumerated() {
      let label = claimed?.rawValue ?? "未填"
      svg +=
        "<text x=\"\(left - 10)\" y=\"\(top + row * cell + cell / 2 + 5)\" text-anchor=\"end\" font-size=\"14\">自评\(label)</text>\n"
      for (column, recomputed) in grades.enumerated() {
        let count = counts[.init(claimed: claimed, recomputed: recomputed)] ?? 0
        let intensity = count == 0 ? 0 : 0.15 + 0.85 * Double(count) / Double(maximum)
        let worse = claimed.map { recomputed < $0 } ?? false
        let fill =
          count == 0 ? "#f4f6f9" : worse ? "rgba(179,38,30,\(rounded(intensity)))" : "rgba(61,111,182,\(rounded(intensity)))"
        let textColour = intensity > 0.55 ? "#fff" : "#1d2733"
        svg +=
          "<rect x=\"\(left + column * cell)\" y=\"\(top + row * cell)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" fill=\"\(fill)\" stroke=\"#d5dbe2\"/>\n"
        svg +=
          "<text x=\"\(left + column * cell + cell / 2 - 1)\" y=\"\(top + row * cell + cell / 2 + 5)\" text-anchor=\"middle\" font-size=\"15\" fill=\"\(textColour)\">\(count)\(worse && count > 0 ? "↓" : "")</text>\n"
        if count > 0 { description.append("自评\(label)→复核\(recomputed.rawValue) \(count) 张") }
      }
    }
    svg += "<desc id=\"heat-desc\">\(escape(description.joined(separator: "；")))</desc>\n</svg>\n"
    svg += "<figcaption>等级变化（自评 → 复核）。格中数字为表数，“↓”为复核后降级（红色）。</figcaption>\n"
    svg += dataTable(
      caption: "等级变化数据", headers: ["自评等级"] + grades.map { "复核\($0.rawValue)" },
      rows: rows.map { claimed in
        [claimed.map { $0.rawValue } ?? "未填"] + grades.map { "\(counts[.init(claimed: claimed, recomputed: $0)] ?? 0)" }
      })
    return svg + "</figure>\n"
  }

  /// Findings by code as horizontal bars, the count and the severity written beside each bar.
  static func findingsChart(_ summary: BatchSummary) -> String {
    let entries = SummaryReport.sortedFindings(summary)
    guard !entries.isEmpty else { return "<figure><p>没有发现。</p></figure>\n" }
    let barArea = 260
    let left = 330
    let rowHeight = 24
    let width = left + barArea + 60
    let height = rowHeight * entries.count + 10
    let maximum = max(1, entries.map(\.1).max() ?? 1)
    var svg =
      "<figure><svg role=\"img\" aria-labelledby=\"findings-title\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
    svg +=
      "<title id=\"findings-title\">发现（按代码）：" + escape(entries.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: "，"))
      + "</title>\n"
    for (row, (code, count)) in entries.enumerated() {
      let descriptor = FindingCatalogue.descriptor(for: code)
      let y = row * rowHeight + 4
      let length = max(2, barArea * count / maximum)
      let severity = descriptor?.severity ?? .warning
      let colour = severity == .error ? "#b3261e" : severity == .warning ? "#c98a00" : "#8895a4"
      let label = "[\(severity.label)] \(descriptor?.title ?? code.rawValue)"
      svg += "<text x=\"\(left - 8)\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"12.5\">\(escape(label))</text>\n"
      svg += "<rect x=\"\(left)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"16\" fill=\"\(colour)\"/>\n"
      svg += "<text x=\"\(left + length + 6)\" y=\"\(y + 15)\" font-size=\"12.5\">\(count)</text>\n"
    }
    svg += "</svg>\n<figcaption>发现（按代码），条后数字为次数，方括号内为严重程度。</figcaption>\n"
    svg += dataTable(
      caption: "发现数据", headers: ["代码", "严重程度", "说明", "次数"],
      rows: entries.map { code, count in
        let descriptor = FindingCatalogue.descriptor(for: code)
        return [code.rawValue, descriptor?.severity.label ?? "", descriptor?.title ?? "", "\(count)"]
      })
    return svg + "</figure>\n"
  }

  static func departments(_ summary: BatchSummary) -> String {
    let ranked = summary.overClaimedByDepartment.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
    guard !ranked.isEmpty else { return "" }
    var html = "<h3>各主管部门多报分数</h3>\n<table><thead><tr><th scope=\"col\">排名</th><th scope=\"col\">主管部门</th>"
    html += "<th scope=\"col\" class=\"num\">多报合计（分）</th><th scope=\"col\">等级变化</th></tr></thead><tbody>\n"
    let byDepartment = summary.transitionsByDepartment
    for (rank, (department, points)) in ranked.enumerated() {
      let transitions = (byDepartment[department] ?? [:]).sorted { $0.key < $1.key }.filter {
        $0.key.claimed != $0.key.recomputed
      }.map { "\($0.key.claimed?.rawValue ?? "未填")→\($0.key.recomputed.rawValue) ×\($0.value)" }
      html += "<tr><td class=\"num\">\(rank + 1)</td><td>\(isolated(department))</td>"
      html +=
        "<td class=\"num\(points > .zero ? " over" : "")\">\(points)</td><td>\(escape(transitions.joined(separator: "，")))</td></tr>\n"
    }
    return html + "</tbody></table>\n"
  }

  static func largestOverClaims(_ summary: BatchSummary, includedAll: Bool) -> String {
    guard !summary.largestOverClaims.isEmpty else { return "" }
    var html = "<h3>多报最多的 \(summary.largestOverClaims.count) 张表</h3>\n<table><thead><tr><th scope=\"col\">排名</th>"
    html += "<th scope=\"col\">项目</th><th scope=\"col\">主管部门</th><th scope=\"col\" class=\"num\">自评</th>"
    html += "<th scope=\"col\" class=\"num\">复核</th><th scope=\"col\" class=\"num\">多报</th></tr></thead><tbody>\n"
    for (rank, claim) in summary.largestOverClaims.enumerated() {
      html += "<tr><td class=\"num\">\(rank + 1)</td><td><a href=\"#\(anchor(claim.id))\">\(isolated(claim.name))</a></td>"
      html +=
        "<td>\(claim.department.map(isolated) ?? "—")</td><td class=\"num\">\(claim.claimed)</td><td class=\"num\">\(claim.recomputed)</td>"
      html += "<td class=\"num over\">+\(claim.over)</td></tr>\n"
    }
    return html + "</tbody></table>\n"
  }

  // MARK: One table

  /// The collapsible section of one table (rendered on a worker).
  public static func section(_ result: TableResult) -> String {
    var html = "<details class=\"table-detail\" id=\"\(anchor(result.id))\">\n<summary>\(isolated(result.name.string))"
    if result.isTargetTable {
      html += " — 目标表"
    } else {
      html += " — 自评 \(result.claimedTotal?.description ?? "—")\(result.claimedGrade.map { "（\($0.rawValue)）" } ?? "")"
      html += " → 复核 \(result.recomputedTotal)\(result.recomputedGrade.map { "（\($0.rawValue)）" } ?? "")"
      if let over = result.overClaimed, over > .zero { html += " <span class=\"over\">多报 \(over)</span>" }
      if let note = TextReport.offScaleNote(result) { html += " <span class=\"note\">（\(note)）</span>" }
      if let note = TextReport.overrideNote(result) { html += " <span class=\"note\">（\(note)）</span>" }
    }
    html += "</summary>\n"
    html +=
      "<p>主管部门：\(result.department.map { isolated($0.string) } ?? "—") · 年度：\(result.year.map(String.init) ?? "—") · 编号：<code>\(isolated(result.id))</code>"
    html += " · 来源：<code>\(isolated(result.location.description))</code>"
    if let note = TextReport.transcodingNote(result) { html += "（\(note)）" }
    html += "</p>\n"
    if let funds = result.funds {
      html += "<p>项目资金：全年预算 \(funds.annualBudget?.pointsText ?? "—")，执行 \(funds.executed?.pointsText ?? "—")，"
      html +=
        "执行率 \(funds.rate?.percentText ?? "—")，分值 \(funds.weight?.description ?? "—")，自评 \(funds.claimedScore?.description ?? "—")，"
      html += "复核 \(TextReport.scoreText(funds.score, verified: funds.verified, review: funds.review))</p>\n"
    }
    html += "<table class=\"items\"><caption class=\"note\">指标：自评得分与复核得分并列；条形图中上条为自评、下条为复核，满格为权重。</caption>\n<thead><tr>"
    for header in ["序号", "一级指标", "二级指标", "三级指标", "权重", "目标值", "实际值", "完成率", "自评得分", "复核得分", "对比"] {
      html += "<th scope=\"col\">\(header)</th>"
    }
    html += "</tr></thead><tbody>\n"
    for item in result.indicators {
      let difference = item.claimedScore.map { $0 - item.score } ?? .zero
      let marker = !item.verified ? "" : difference > .zero ? " class=\"over\"" : difference < .zero ? " class=\"under\"" : ""
      let sign = marker.isEmpty ? "" : difference > .zero ? " ↓" : " ↑"
      html +=
        "<tr><td>\(item.index)</td><td>\(isolated(item.level1?.string ?? ""))</td><td>\(isolated(item.level2?.string ?? ""))</td>"
      html += "<th scope=\"row\">\(isolated(item.name.string))</th><td>\(item.weight?.description ?? "—")</td>"
      html +=
        "<td>\(item.target.map { isolated($0.string) } ?? "—")</td><td>\(item.actual.map { isolated($0.string) } ?? "—")</td>"
      html +=
        "<td>\(item.completion?.percentText ?? item.band?.label ?? "—")</td><td>\(item.claimedScore?.description ?? "—")</td>"
      let score = TextReport.scoreText(item.score, verified: item.verified, review: item.review)
      html += "<td\(marker)>\(result.isTargetTable ? "—" : score)\(sign)</td>"
      html +=
        "<td>\(bars(claimed: item.claimedScore, recomputed: item.verified ? item.score : nil, weight: item.weight))</td></tr>\n"
    }
    html += "</tbody></table>\n"
    if result.findings.isEmpty {
      html += "<p>未发现问题。</p>\n"
    } else {
      html += "<h4>发现</h4>\n<ul class=\"findings\">\n"
      for finding in result.findings {
        let title = FindingCatalogue.descriptor(for: finding.code)?.title ?? ""
        html += "<li><span class=\"sev sev-\(finding.severity.rawValue)\">\(finding.severity.label)</span> "
        html += "<b>\(isolated(finding.location.label))</b>：\(isolated(finding.message)) "
        html += "<span class=\"note\">（规则 <code>\(finding.code.rawValue)</code>：\(escape(title))）</span></li>\n"
      }
      html += "</ul>\n"
    }
    html += "<p class=\"note\">规则方案：\(escape(result.profileName))（\(result.profileHash)）</p>\n"
    return html + "</details>\n"
  }

  /// Two thin bars (claimed above, recomputed below) on the weight's scale, drawn by CSS to keep a
  /// 10,000-table report small; the numbers are in the row beside them.
  static func bars(claimed: Hundredths?, recomputed: Hundredths?, weight: Hundredths?) -> String {
    guard let weight, weight > .zero else { return "" }
    func length(_ value: Hundredths?) -> Int64 {
      guard let value else { return 0 }
      return max(0, min(100, value.hundredths * 100 / max(1, weight.hundredths)))
    }
    return
      "<span class=\"bars\" aria-hidden=\"true\"><i style=\"width:\(length(claimed))%\"></i><i style=\"width:\(length(recomputed))%\"></i></span>"
  }

  // MARK: Helpers

  static func dataTable(caption: String, headers: [String], rows: [[String]]) -> String {
    var html = "<details class=\"data-table\"><summary>\(escape(caption))</summary><table><thead><tr>"
    for header in headers { html += "<th scope=\"col\">\(escape(header))</th>" }
    html += "</tr></thead><tbody>"
    for row in rows {
      html +=
        "<tr>" + row.enumerated().map { $0 == 0 ? "<th scope=\"row\">\(escape($1))</th>" : "<td>\(escape($1))</td>" }.joined()
        + "</tr>"
    }
    return html + "</tbody></table></details>\n"
  }

  static func rounded(_ value: Double) -> String {
    String(Double(Int(value * 100)) / 100)
  }

  /// Text from a table (or a message or file name that may quote one) in the report: escaped, and
  /// isolated in a `<bdi>` so that bidi controls in it (U+202E) cannot reorder the figures jixiao prints
  /// beside it. Empty text is left out.
  static func isolated(_ text: String) -> String {
    text.isEmpty ? "" : "<bdi>" + escape(text) + "</bdi>"
  }

  /// `& < > " '` as references, found byte by byte: in UTF-8 these bytes never occur inside another
  /// scalar, whereas a `Character` can hide one behind a neighbouring mark (U+0600 before `<`, a combining
  /// mark after `"`). Safe in text and in quoted attribute values; the text itself when none occurs.
  public static func escape(_ text: String) -> String {
    guard text.utf8.contains(where: isMarkup) else { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"): bytes += "&amp;".utf8
      case UInt8(ascii: "<"): bytes += "&lt;".utf8
      case UInt8(ascii: ">"): bytes += "&gt;".utf8
      case UInt8(ascii: "\""): bytes += "&quot;".utf8
      case UInt8(ascii: "'"): bytes += "&#39;".utf8
      default: bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func isMarkup(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
      || byte == UInt8(ascii: "'")
  }
}
