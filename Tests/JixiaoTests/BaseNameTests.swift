import Testing

@testable import Jixiao

/// `TableReader.baseName` on bytes gives what its definition gives, on any path.
@Suite struct BaseNameTests {
  static let pieces = [
    "a", "B", "/", "//", ".", "json", "JSONL", "Json", "jsonl", "XLSX", "docx", "ndjson", "Pdf", "TXT", "csv", "表", "é", " ",
    "x", "..", "\u{301}", "K",
  ]

  @Test func pathsNameAsByTheirCharacters() {
    var random = SplitMix(seed: 23)
    for _ in 0..<20_000 {
      let path = (0..<Int.random(in: 0...7, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
      #expect(TableReader.baseName(path) == TableReader.baseNameByCharacters(path), "\(path)")
    }
    for path in [
      "", "/", "///", "year.jsonl", "dir/year.JSONL", "dir/year.json/", "a/b.XLSX", "a/.pdf", ".txt", "a/表.xlsx", "x.csv",
    ] {
      #expect(TableReader.baseName(path) == TableReader.baseNameByCharacters(path), "\(path)")
    }
    #expect(TableReader.baseName("/tmp/dir/Year.XLSX") == "Year")
    // docs/input.md: an id defaults to the file name without its extension, a CSV's too.
    #expect(TableReader.baseName("/tmp/dir/2024年.csv") == "2024年")
    #expect(TableReader.baseName("three-tables.CSV") == "three-tables")
  }
}
