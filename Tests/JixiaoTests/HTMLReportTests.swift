import Foundation
import Testing

@testable import Jixiao

/// The HTML report's structure: every table and finding present, nothing loaded from outside,
/// accessible markup and text alternatives for the charts.
@Suite struct HTMLReportTests {
  func corpusReport(all: Bool) throws -> (String, [TableResult], BatchSummary) {
    var results: [TableResult] = []
    var sections = ""
    let summary = BatchRunner(
      scorer: Scorer(profile: defaultProfile), jobs: 2,
      renderResult: { Array((HTMLReport.includes($0, all: all) ? HTMLReport.section($0) : "").utf8) }
    ).run(inputs: [repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl").path]) { outcome in
      if case .result(let result, let html) = outcome {
        results.append(result)
        sections += String(decoding: html, as: UTF8.self)
      }
    }
    return (
      HTMLReport.document(summary: summary, profile: defaultProfile, sections: sections, includedAll: all), results, summary
    )
  }

  @Test func everyTableAndEveryFindingIsInTheFullReport() throws {
    let (html, results, _) = try corpusReport(all: true)
    #expect(results.count == 30)
    for result in results {
      #expect(html.contains("id=\"\(HTMLReport.anchor(result.id))\""), "\(result.id)")
      for finding in result.findings {
        #expect(html.contains(HTMLReport.escape(finding.message)), "\(result.id): \(finding.code)")
      }
    }
  }

  @Test func withoutReportAllOnlyTablesWithWarningsOrErrorsHaveSections() throws {
    let (html, results, _) = try corpusReport(all: false)
    for result in results {
      let flagged = result.findings.contains { $0.severity != .info }
      #expect(html.contains("id=\"\(HTMLReport.anchor(result.id))\"") == flagged, "\(result.id)")
    }
  }

  @Test func nothingIsLoadedFromOutside() throws {
    let (html, _, _) = try corpusReport(all: true)
    for forbidden in ["http://", "https://", "<link", "@import", " src=", "url("] {
      #expect(!html.contains(forbidden), "\(forbidden)")
    }
    #expect(html.contains("<style>") && html.contains("<svg"))
  }

  @Test func overviewChartsCarryTheirNumbersAsText() throws {
    let (html, _, summary) = try corpusReport(all: false)
    #expect(html.contains("role=\"img\""))
    #expect(html.contains("<desc id=\"heat-desc\">") && html.contains("自评中→复核差 1 张"), "the heat map's text alternative")
    #expect(html.contains("<title id=\"findings-title\">发现（按代码）：score.under-claimed 10"))
    #expect(html.contains("<th scope=\"col\">"), "real table headers")
    #expect(html.contains("↓"), "a downgrade is marked by a sign, not only by colour")
    for claim in summary.largestOverClaims { #expect(html.contains("href=\"#\(HTMLReport.anchor(claim.id))\"")) }
    #expect(html.contains("@media print") && html.contains("size: A4"))
    #expect(html.contains("高新区（新市区）商务局") && html.contains("20.75"), "departments ranked by over-claimed points")
  }

  /// Claimed against recomputed: one point a table, over-claimers above the diagonal, each point that has
  /// an entry in the report linked to it, and the same figures as a table.
  @Test func theScatterDrawsEveryTableAgainstTheDiagonal() throws {
    let (html, results, summary) = try corpusReport(all: false)
    let scatter = summary.scatter
    let drawn = results.filter { $0.recomputedGrade != nil && $0.claimedTotal != nil }
    #expect(scatter.count == drawn.count && scatter.drawsPoints)
    #expect(scatter.overClaimed == drawn.count { $0.claimedTotal! > $0.recomputedTotal })
    #expect(scatter.overClaimed + scatter.equal + scatter.underClaimed == scatter.count)
    let figure = try #require(html.range(of: "<title id=\"scatter-title\">").map { String(html[$0.lowerBound...]) })
    let end = try #require(figure.range(of: "</svg>"))
    let svg = String(figure[..<end.lowerBound])
    // Every point is a circle; a point lies above the diagonal (smaller y) exactly when it over-claims.
    let circles = svg.components(separatedBy: "<circle ").dropFirst().map { circle -> (x: Double, y: Double, fill: String) in
      func attribute(_ name: String) -> String {
        let start = circle.range(of: "\(name)=\"")!.upperBound
        return String(circle[start...].prefix { $0 != "\"" })
      }
      return (Double(attribute("cx"))!, Double(attribute("cy"))!, attribute("fill"))
    }
    #expect(circles.count == drawn.count)
    // The plot is 360 wide and high from (52, 374) for 0…100 points: the diagonal is y = 426 − x.
    for circle in circles {
      let aboveDiagonal = circle.y < 426 - circle.x - 0.01
      #expect(aboveDiagonal == (circle.fill == "#b3261e"), "\(circle)")
    }
    #expect(circles.filter { $0.fill == "#b3261e" }.count == scatter.overClaimed)
    for result in drawn {
      let link = "<a href=\"#\(HTMLReport.anchor(result.id))\"><circle"
      #expect(svg.contains(link) == result.isFlagged, "\(result.id): linked only when the report has its entry")
      #expect(html.contains("<td><code><bdi>\(HTMLReport.escape(result.id))</bdi></code></td>"), "\(result.id) in the data table")
    }
    #expect(html.contains("<desc id=\"scatter-desc\">\(scatter.count) 张表：自评高于复核（对角线上方）\(scatter.overClaimed) 张"))
  }

  /// Past `pointLimit` tables the scatter counts tables by whole points: its size no longer grows with
  /// the batch, and totals off the axis are drawn on its edge and said to be.
  @Test func aLargeBatchIsDrawnAsCountsByWholePoints() {
    var scatter = ClaimScatter()
    for number in 0..<(ClaimScatter.pointLimit + 500) {
      let claimed = Hundredths(hundredths: Int64(9_000 + number % 1_000))
      scatter.add(id: "t\(number)", name: "表\(number)", claimed: claimed, recomputed: Hundredths(85), isFlagged: false)
    }
    scatter.add(id: "typo", name: "笔误", claimed: Hundredths(950), recomputed: Hundredths(95), isFlagged: true)
    #expect(!scatter.drawsPoints)
    #expect(scatter.points.count == ClaimScatter.pointLimit)
    #expect(scatter.cells.count == 11, "90…99 claimed against 85, and the typo on the edge at 150")
    #expect(scatter.cells[ClaimScatter.Cell(claimed: 150, recomputed: 95)] == 1)
    #expect(scatter.beyondAxis == 1)
    let html = HTMLReport.claimScatter(scatter, includedAll: false)
    #expect(!html.contains("<circle"))
    #expect(html.components(separatedBy: "<rect ").count - 1 == 11)
    #expect(html.contains("1 张的分数超出 0–150 分，画在边上"))
    #expect(html.contains("<td class=\"num\">150–151</td><td class=\"num\">95–96</td><td class=\"num\">1</td>"))
  }

  /// A table is counted in the cell of its totals as drawn (`ClaimScatter.cell`, the definition the grid of
  /// counts is indexed by): negative totals, totals past the axis, whole points and totals just under one.
  @Test func eachTableIsCountedInTheCellOfItsDrawnTotals() {
    let edges: [Int64] = [-10_001, -1, 0, 1, 99, 100, 101, 8_550, 14_999, 15_000, 15_001, 15_099, 15_100, 95_000]
    var pairs = edges.flatMap { claimed in edges.map { (claimed, $0) } }
    var random = SplitMix(seed: 19)
    for _ in 0..<3_000 {
      pairs.append((Int64.random(in: -500...16_000, using: &random), Int64.random(in: 0...15_100, using: &random)))
    }
    var scatter = ClaimScatter()
    var expected: [ClaimScatter.Cell: Int] = [:]
    for (claimed, recomputed) in pairs {
      let (claimed, recomputed) = (Hundredths(hundredths: claimed), Hundredths(hundredths: recomputed))
      scatter.add(id: "t", name: "表", claimed: claimed, recomputed: recomputed, isFlagged: false)
      expected[ClaimScatter.cell(claimed: claimed, recomputed: recomputed), default: 0] += 1
    }
    #expect(scatter.cells == expected)
    #expect(ClaimScatter().cells.isEmpty)
  }

  @Test func textIsEscaped() {
    #expect(HTMLReport.escape("<b>甲&乙</b>") == "&lt;b&gt;甲&amp;乙&lt;/b&gt;")
  }
}
