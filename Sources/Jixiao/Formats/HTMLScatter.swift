extension HTMLReport {
  /// Every table's claimed total (up) against its recomputed total (across), with the diagonal where the
  /// two agree: over-claimers lie above it, in the shaded half. Each point links to its table's entry when
  /// the report has one; past `ClaimScatter.pointLimit` tables the tables are counted by whole points
  /// instead. The figures are also a table under the chart, for readers who cannot see it. Table text
  /// (names, ids) is only in that table, each in a `<bdi>`: inside SVG it could not be isolated.
  static func claimScatter(_ scatter: ClaimScatter, includedAll: Bool) -> String {
    guard scatter.count > 0 else { return "" }
    let plot = 360.0
    let left = 52.0
    let top = 14.0
    let bottom = 42.0
    let axis = max(100, (Int(scatter.largest.hundredths + 999) / 1000) * 10)
    let scale = plot / Double(axis)
    func x(_ value: Hundredths) -> Double { left + Double(ClaimScatter.clamped(value).hundredths) / 100 * scale }
    func y(_ value: Hundredths) -> Double { top + plot - Double(ClaimScatter.clamped(value).hundredths) / 100 * scale }
    let width = Int(left + plot + 16)
    let height = Int(top + plot + bottom)
    let summary =
      "\(scatter.count) 张表：自评高于复核（对角线上方）\(scatter.overClaimed) 张，相符 \(scatter.equal) 张，低于复核 \(scatter.underClaimed) 张"
      + (scatter.beyondAxis > 0 ? "；\(scatter.beyondAxis) 张的分数超出 0–\(ClaimScatter.axisLimit) 分，画在边上" : "")

    var svg =
      "<figure><svg role=\"img\" aria-labelledby=\"scatter-title scatter-desc\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
    svg += "<title id=\"scatter-title\">自评总分（纵轴）对复核总分（横轴）</title>\n"
    svg += "<desc id=\"scatter-desc\">\(escape(summary))</desc>\n"
    let origin = (x: left, y: top + plot)
    let corner = (x: left + plot, y: top)
    svg +=
      "<polygon points=\"\(rounded(origin.x)),\(rounded(origin.y)) \(rounded(corner.x)),\(rounded(corner.y)) \(rounded(origin.x)),\(rounded(corner.y))\" fill=\"#fbeceb\"/>\n"
    for tick in stride(from: 0, through: axis, by: axis > 100 ? 25 : 10) {
      let position = Double(tick) * scale
      svg +=
        "<line x1=\"\(rounded(left))\" y1=\"\(rounded(origin.y - position))\" x2=\"\(rounded(corner.x))\" y2=\"\(rounded(origin.y - position))\" stroke=\"#e4e8ee\"/>"
      svg +=
        "<line x1=\"\(rounded(left + position))\" y1=\"\(rounded(top))\" x2=\"\(rounded(left + position))\" y2=\"\(rounded(origin.y))\" stroke=\"#e4e8ee\"/>\n"
      svg +=
        "<text x=\"\(rounded(left - 6))\" y=\"\(rounded(origin.y - position + 4))\" text-anchor=\"end\" font-size=\"11\">\(tick)</text>"
      svg +=
        "<text x=\"\(rounded(left + position))\" y=\"\(rounded(origin.y + 15))\" text-anchor=\"middle\" font-size=\"11\">\(tick)</text>\n"
    }
    svg +=
      "<line x1=\"\(rounded(origin.x))\" y1=\"\(rounded(origin.y))\" x2=\"\(rounded(corner.x))\" y2=\"\(rounded(corner.y))\" stroke=\"#5b6775\" stroke-dasharray=\"4 3\"/>\n"
    svg += "<text x=\"\(rounded(left + 8))\" y=\"\(rounded(top + 16))\" font-size=\"12\" fill=\"#b3261e\">多报（自评高于复核）</text>\n"
    svg +=
      "<text x=\"\(rounded(left + plot / 2))\" y=\"\(rounded(origin.y + 34))\" text-anchor=\"middle\" font-size=\"12.5\">复核总分</text>\n"
    svg +=
      "<text transform=\"translate(14 \(rounded(top + plot / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"12.5\">自评总分</text>\n"

    if scatter.drawsPoints {
      for point in scatter.points {
        let colour = point.claimed > point.recomputed ? "#b3261e" : point.claimed == point.recomputed ? "#5b6775" : "#1f6f43"
        let circle =
          "<circle cx=\"\(rounded(x(point.recomputed)))\" cy=\"\(rounded(y(point.claimed)))\" r=\"3.5\" fill=\"\(colour)\" fill-opacity=\"0.75\">"
          + "<title>自评 \(point.claimed)，复核 \(point.recomputed)</title></circle>"
        svg += includedAll || point.isFlagged ? "<a href=\"#\(anchor(point.id))\">\(circle)</a>\n" : circle + "\n"
      }
    } else {
      let maximum = max(1, scatter.cells.values.max() ?? 1)
      for (cell, count) in scatter.cells.sorted(by: { $0.key < $1.key }) {
        let opacity = 0.2 + 0.8 * Double(count) / Double(maximum)
        let colour = cell.claimed > cell.recomputed ? "179,38,30" : cell.claimed == cell.recomputed ? "91,103,117" : "31,111,67"
        let low = Hundredths(cell.recomputed)
        let high = Hundredths(cell.claimed + 1)
        svg +=
          "<rect x=\"\(rounded(x(low)))\" y=\"\(rounded(y(high)))\" width=\"\(rounded(max(1.5, scale)))\" height=\"\(rounded(max(1.5, scale)))\" fill=\"rgba(\(colour),\(rounded(opacity)))\">"
          + "<title>自评 \(cell.claimed)–\(cell.claimed + 1) 分、复核 \(cell.recomputed)–\(cell.recomputed + 1) 分：\(count) 张</title></rect>\n"
      }
    }
    svg += "</svg>\n"
    svg +=
      scatter.drawsPoints
      ? "<figcaption>每点一张表；对角线上方（浅红）为自评高于复核。点击有发现的点跳到该表。\(escape(summary))。</figcaption>\n"
      : "<figcaption>表数超过 \(ClaimScatter.pointLimit) 张，按整分计数，颜色越深表越多；对角线上方（浅红）为自评高于复核。\(escape(summary))。</figcaption>\n"
    svg += scatterData(scatter)
    return svg + "</figure>\n"
  }

  /// The chart's figures as a table: each table, or each whole-point cell with its count.
  static func scatterData(_ scatter: ClaimScatter) -> String {
    var html = "<details class=\"data-table\"><summary>自评对复核数据</summary><table><thead><tr>"
    guard scatter.drawsPoints else {
      html += "<th scope=\"col\">自评总分</th><th scope=\"col\">复核总分</th><th scope=\"col\" class=\"num\">表数</th></tr></thead><tbody>"
      for (cell, count) in scatter.cells.sorted(by: { $0.key < $1.key }) {
        html +=
          "<tr><td class=\"num\">\(cell.claimed)–\(cell.claimed + 1)</td><td class=\"num\">\(cell.recomputed)–\(cell.recomputed + 1)</td><td class=\"num\">\(count)</td></tr>"
      }
      return html + "</tbody></table></details>\n"
    }
    html += "<th scope=\"col\">编号</th><th scope=\"col\">项目</th><th scope=\"col\" class=\"num\">自评总分</th>"
    html += "<th scope=\"col\" class=\"num\">复核总分</th><th scope=\"col\" class=\"num\">差额</th></tr></thead><tbody>"
    for point in scatter.points {
      html += "<tr><td><code>\(isolated(point.id))</code></td><td>\(isolated(point.name))</td>"
      html += "<td class=\"num\">\(point.claimed)</td><td class=\"num\">\(point.recomputed)</td>"
      html += "<td class=\"num\">\(point.claimed - point.recomputed)</td></tr>"
    }
    return html + "</tbody></table></details>\n"
  }
}
