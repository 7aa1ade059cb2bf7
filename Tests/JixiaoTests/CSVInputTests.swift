import Foundation
import Testing

@testable import Jixiao

/// CSV line ends: CRLF, LF and a lone CR (old Mac), alone or mixed, end rows alike; inside a quoted field
/// they stay text and count as lines, so every row keeps its line number.
@Suite struct CSVLineEndTests {
  /// A header, a row whose quoted cell spans two lines, a blank line, a row with a doubled quote. `⏎`
  /// stands for the line end under test.
  static let template = "三级指标,权重,目标值⏎次数,10,\">=1次⏎以上\"⏎⏎天数,5,\"a\"\"b\"⏎"

  static func text(_ ends: [String], finalLineEnd: Bool = true) -> [UInt8] {
    var pieces = template.split(separator: "⏎", omittingEmptySubsequences: false).map(String.init)
    if !finalLineEnd { pieces.removeLast() }
    var text = ""
    for (offset, piece) in pieces.enumerated() {
      text += piece
      if offset < pieces.count - 1 { text += ends[offset % ends.count] }
    }
    return Array(text.utf8)
  }

  static func expected(quotedLineEnd: String) -> [String] {
    [
      CSVParser.Row.fields(["三级指标", "权重", "目标值"], line: 1),
      .fields(["次数", "10", ">=1次\(quotedLineEnd)以上"], line: 2),
      .fields(["天数", "5", "a\"b"], line: 5),
    ].map { "\($0)" }
  }

  static let conventions: [(name: String, ends: [String])] = [
    ("LF", ["\n"]), ("CRLF", ["\r\n"]), ("CR", ["\r"]), ("mixed", ["\r", "\n", "\r\n"]), ("mixed", ["\r\n", "\r", "\n"]),
  ]

  @Test(arguments: 0..<conventions.count)
  func everyConventionReadsTheSameRowsOnTheSameLines(_ convention: Int) {
    let (name, ends) = Self.conventions[convention]
    var generator = SplitMix(seed: UInt64(17 + convention))
    for finalLineEnd in [true, false] {
      let input = Self.text(ends, finalLineEnd: finalLineEnd)
      let expected = Self.expected(quotedLineEnd: ends[1 % ends.count])
      for readsRuns in [true, false] {
        #expect(CSVParserRunTests.rows(input, blocks: [], readsRuns: readsRuns) == expected, "\(name), whole")
        // Split anywhere, a CRLF included: the block ends change nothing.
        for _ in 0..<200 {
          let blocks = (0..<12).map { _ in Int(generator.next() % 6) + 1 }
          #expect(
            CSVParserRunTests.rows(input, blocks: blocks, readsRuns: readsRuns) == expected, "\(name), blocks \(blocks)")
        }
      }
    }
  }

  /// Before: CR was dropped outside quotes, so an old-Mac file was one long row and read as no table.
  @Test func anOldMacFileIsReadAsItsTables() throws {
    let csv = try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/csv/three-tables.csv"))
    func tables(_ bytes: [UInt8]) -> [Table] {
      TableReader.read(bytes, file: "three-tables.csv", format: .csv).compactMap { record in
        if case .table(let table) = record { return table }
        return nil
      }
    }
    // The fixture is saved with CRLF, as Excel writes it; the same file with LF, and with a lone CR.
    let crlf = Array(csv)
    #expect(crlf.contains(0x0D) && crlf.contains(0x0A))
    let windows = tables(crlf)
    #expect(windows.count == 3)
    // The same tables, every indicator on the same line.
    #expect(tables(crlf.filter { $0 != 0x0D }) == windows)
    #expect(tables(crlf.filter { $0 != 0x0A }) == windows)
  }
}
