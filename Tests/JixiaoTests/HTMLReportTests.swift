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

  @Test func textIsEscaped() {
    #expect(HTMLReport.escape("<b>甲&乙</b>") == "&lt;b&gt;甲&amp;乙&lt;/b&gt;")
  }
}
