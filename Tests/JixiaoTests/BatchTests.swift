import Foundation
import Testing

@testable import Jixiao

@Suite struct CSVReaderTests {
  static let header = "项目名称,主管部门,年度,一级指标,二级指标,三级指标,权重,目标值,业绩值,指标得分,总分\n"

  func read(_ text: String, bom: Bool = false) -> [TableReader.Record] {
    TableReader.read((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8), file: "year.csv")
  }

  func tables(_ records: [TableReader.Record]) -> [Table] {
    records.compactMap { if case .table(let table) = $0 { table } else { nil } }
  }

  func rejections(_ records: [TableReader.Record]) -> [InputError] {
    records.compactMap { if case .rejected(let error) = $0 { error } else { nil } }
  }

  @Test func chineseHeadersGroupRowsIntoTablesWithTheirFundsRow() throws {
    let csv =
      Self.header + """
        产业链基地项目迁移费,工业和信息化局,2023,预算执行率,,,10,37.07,31.97,8.62,84.99
        产业链基地项目迁移费,工业和信息化局,2023,产出指标,数量指标,线路改迁长度,15,<=600 米,=515 米,12.87,
        产业链基地项目迁移费,工业和信息化局,2023,产出指标,质量指标,项目验收合格率,10,=100%,=0%,0,
        雇员经费,工业和信息化局,2023,产出指标,数量指标,人均发放标准,20,<=1万元/月,=1.1万元/月,18.18,
        """
    let records = read(csv, bom: true)
    let all = tables(records)
    #expect(all.count == 2)
    let first = try #require(all.first)
    #expect(first.name == "产业链基地项目迁移费")
    #expect(first.indicators.map(\.name) == ["线路改迁长度", "项目验收合格率"])
    #expect(first.funds?.annualBudget == Rational(decimalText: "37.07"))
    #expect(first.funds?.executed == Rational(decimalText: "31.97"))
    #expect(first.claimedTotal == Rational(decimalText: "84.99"))
    #expect(first.location.line == 2)
    #expect(all[1].location.line == 5)
    let result = Scorer(profile: defaultProfile).score(first)
    #expect(result.funds?.score == "8.62")
    #expect(result.indicators[0].score == "15.00")
  }

  @Test func fieldNameHeadersQuotingAndEmbeddedNewlines() throws {
    let csv = [
      "id,name,level1,indicator,weight,target,actual,claimedScore,explanation\r\n",
      #"t1,"项目, 带逗号",产出指标,"名称"#, "\n",
      #"跨行",10,">=5次",=5次,10,"他说""完成""""#, "\r\n",
    ].joined()
    let all = tables(read(csv))
    let table = try #require(all.first)
    #expect(table.id == "t1")
    #expect(table.name == "项目, 带逗号")
    #expect(table.indicators[0].name == "名称\n跨行")
    #expect(table.indicators[0].explanation == "他说\"完成\"")
  }

  @Test func badRowsRejectTheirTableWithLineAndReason() throws {
    let csv =
      Self.header + """
        甲,局,2023,产出指标,数量指标,次数,10,>=1次,1次,10,
        乙,局,2023,产出指标,数量指标,次数,10,>=1次
        丙,局,2023,产出指标,数量指标,次数,10,>=1次,1次,10,
        """
    let records = read(csv)
    #expect(tables(records).map(\.name) == ["甲", "丙"], "the good tables around a bad row are still read")
    let error = try #require(rejections(records).first)
    #expect(error.location.line == 3)
    #expect(error.message.english.contains("8 cells, the header has 11"))
  }

  @Test func unbalancedQuotesAreLocated() throws {
    let records = read(Self.header + "甲,局,2023,产出指标,数量指标,\"次数,10,>=1次,1次,10,\n")
    let error = try #require(rejections(records).first)
    #expect(error.location.line == 2)
    #expect(error.message.english.contains("never closed"))
  }

  @Test func aHeaderWithoutIndicatorColumnIsRejected() throws {
    let error = try #require(rejections(read("甲,乙,丙\n1,2,3\n")).first)
    #expect(error.message.english.contains("三级指标"))
    #expect(tables(read(Self.header)).isEmpty, "a header only is no table and no error")
    #expect(rejections(read(Self.header)).isEmpty)
  }

  @Test func tablesWhoseRowsAreApartAreRefusedNotSplit() throws {
    let csv =
      Self.header + """
        甲,局,2023,产出指标,数量指标,次数,10,>=1次,1次,10,
        乙,局,2023,产出指标,数量指标,次数,10,>=1次,1次,10,
        甲,局,2023,产出指标,数量指标,天数,10,>=1天,1天,10,
        """
    let records = read(csv)
    #expect(tables(records).map(\.name) == ["甲", "乙"])
    #expect(rejections(records).first?.message.english.contains("not together") == true)
  }
}

@Suite struct BatchRunnerTests {
  /// A temporary JSONL file of the corpus with bad lines mixed in.
  static func mixedInput() throws -> String {
    let corpus = String(
      decoding: try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl")), as: UTF8.self)
    var lines = corpus.split(separator: "\n").map(String.init)
    lines.insert("{not json", at: 3)
    lines.insert(#"{"indicators": []}"#, at: 10)
    lines.insert("", at: 12)
    let path = NSTemporaryDirectory() + "jixiao-batch-\(UUID().uuidString).jsonl"
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func run(_ path: String, jobs: Int, chunkSize: Int) -> (String, BatchSummary) {
    var output = ""
    let runner = BatchRunner(
      scorer: Scorer(profile: defaultProfile), jobs: jobs, chunkSize: chunkSize,
      renderResult: { ResultJSON.line($0) }, renderRejection: { ResultDocument.rejectionLine($0) })
    let summary = runner.run(inputs: [path]) { outcome in
      switch outcome {
      case .result(_, let bytes), .rejected(_, let bytes): output += String(decoding: bytes, as: UTF8.self)
      }
    }
    return (output, summary)
  }

  @Test func outputIsByteIdenticalForAnyJobsAndChunkSize() throws {
    let path = try Self.mixedInput()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (reference, _) = run(path, jobs: 1, chunkSize: 1024)
    for (jobs, chunk) in [(1, 3), (2, 1024), (2, 3), (4, 1), (3, 7)] {
      #expect(run(path, jobs: jobs, chunkSize: chunk).0 == reference, "jobs \(jobs), chunk \(chunk)")
    }
  }

  @Test func everyRecordEndsAsOneResultOrOneRejection() throws {
    let path = try Self.mixedInput()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (_, summary) = run(path, jobs: 2, chunkSize: 4)
    #expect(summary.tablesRead == 32)
    #expect(summary.rejectedCount == 2)
    #expect(summary.rejections.map(\.location.line) == [4, 11])
    #expect(summary.countsAddUp)
    #expect(summary.tablesScored == 26)
    #expect(summary.targetTables == 4)
  }

  @Test func summaryFiguresAreTheCorpusFigures() throws {
    let (_, summary) = run(repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl").path, jobs: 2, chunkSize: 5)
    #expect(summary.largestOverClaims.first?.id == "001-unit")
    #expect(summary.largestOverClaims.first?.over == "20.75")
    #expect(summary.largestOverClaims.map(\.id).prefix(3) == ["001-unit", "004-unit", "002-autumn-consumption"])
    #expect(summary.transitions[.init(claimed: .fair, recomputed: .poor)] == 1, "004-unit: 中 → 差")
    #expect(summary.transitionsByDepartment["工业和信息化局"]?[.init(claimed: .fair, recomputed: .good)] == 2)
    #expect(summary.findingsByCode[.totalOverClaimed] == 3)
    let json = SummaryReport.json(summary)
    #expect(json.contains(#""countsAddUp":true"#))
    #expect(json.contains(#""overClaimed":"20.75""#))
  }

  /// The summary counts codes by their place in the catalogue; its definition is a count of every
  /// result's findings by code.
  @Test func findingsByCodeCountsEveryFindingOfEveryResult() throws {
    let path = repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl").path
    var expected: [FindingCode: Int] = [:]
    var summary = BatchSummary()
    _ = BatchRunner(scorer: Scorer(profile: defaultProfile), jobs: 1).run(inputs: [path]) { outcome in
      guard case .result(let result, _) = outcome else { return }
      for finding in result.findings { expected[finding.code, default: 0] += 1 }
      summary.add(result)
    }
    #expect(expected.count > 3)
    #expect(summary.findingsByCode == expected)
  }

  @Test func aMissingFileIsARejectionAndTheOthersAreScored() throws {
    let (_, summary) = run("/nonexistent/year.jsonl", jobs: 1, chunkSize: 4)
    #expect(summary.rejectedCount == 1)
    #expect(summary.rejections.first?.message.english.contains("no such file") == true)
  }
}

@Suite struct WorksheetTests {
  @Test func formulaStartsAreNeutralised() {
    for dangerous in ["=20次/年", "+1", "-5%", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"] {
      let cell = Worksheet.field(dangerous)
      #expect(cell.hasPrefix("'") || cell.hasPrefix("\"'"), "\(dangerous) → \(cell)")
    }
    #expect(Worksheet.field("有效促进") == "有效促进")
    #expect(Worksheet.field("12.87") == "12.87")
    #expect(Worksheet.field("甲,乙") == "\"甲,乙\"")
  }

  @Test func oneRowPerIndicatorPlusFundsAndTotal() throws {
    let records = TableReader.read(
      Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/004-unit/table.json"))), file: "004-unit.json")
    guard case .table(let table) = records[0] else {
      Issue.record("the fixture reads")
      return
    }
    let result = Scorer(profile: defaultProfile).score(table)
    let rows = Worksheet.rows(result).components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(rows.count == 1 + 7 + 1)
    #expect(rows[0].contains("预算执行率") && rows[0].contains("5.10") && rows[0].contains("0.01"))
    #expect(rows[5].contains("规模以上工业增加值增长率") && rows[5].contains(",0.50,24.50,"))
    #expect(rows[8].hasPrefix("004-unit,2023,工业和信息化局,工业和信息化局,总分") && rows[8].contains("57.41,18.64"))
    #expect(Worksheet.header.hasPrefix("\u{FEFF}表编号,年度,项目名称,主管部门,一级指标"))
  }
}

/// `CSVParser` reads runs of plain field text at once; byte by byte (`readsRuns` off) is the definition.
@Suite struct CSVParserRunTests {
  static func rows(_ bytes: [UInt8], blocks: [Int], readsRuns: Bool) -> [String] {
    var parser = CSVParser()
    parser.readsRuns = readsRuns
    var rows: [String] = []
    var start = 0
    for size in blocks + [bytes.count] where start < bytes.count {
      let end = min(bytes.count, start + max(1, size))
      parser.feed(Array(bytes[start..<end])) { (row: CSVParser.Row) in rows.append("\(row)") }
      start = end
    }
    parser.finish { (row: CSVParser.Row) in rows.append("\(row)") }
    return rows
  }

  /// A byte-order mark is skipped however the first blocks split it; bytes that only begin one are text.
  @Test func aSplitByteOrderMarkIsSkipped() {
    let text = Array("三级指标,权重\n产出,5\n".utf8)
    let expected = Self.rows(text, blocks: [], readsRuns: false)
    for blocks in [[1], [2], [1, 1], [1, 2], [3], [4]] {
      #expect(Self.rows([0xEF, 0xBB, 0xBF] + text, blocks: blocks, readsRuns: true) == expected, "\(blocks)")
    }
    // Half a mark: two bytes of text (not UTF-8), read as the general path reads them.
    let half = Self.rows([0xEF, 0xBB] + text, blocks: [1], readsRuns: true)
    #expect(half.first?.contains("not valid UTF-8") == true)
    #expect(Self.rows([0xEF], blocks: [], readsRuns: true).first?.contains("not valid UTF-8") == true)
  }

  /// A row past the record limit is refused alike, quoted or not, whether read in runs or byte by byte.
  @Test func anOverlongRowIsRefusedAlike() {
    let long = [UInt8](repeating: UInt8(ascii: "x"), count: Limits.maximumRecordBytes + 10)
    for input in [Array("a,".utf8) + long + [0x0A], Array("a,\"".utf8) + long + Array("\"\n".utf8)] {
      let rows = Self.rows(input, blocks: [], readsRuns: true)
      #expect(rows == Self.rows(input, blocks: [], readsRuns: false))
      #expect(rows.first?.contains("longer than") == true)
    }
  }

  /// A whole row gathers its field ends in batches of `CSVParser.endsBatch`: rows of about one, two and
  /// more batches of fields, the last quoted or not, read as they do byte by byte.
  @Test func aRowOfManyFieldsReadsAsTheBytesDo() {
    let batch = CSVParser.endsBatch
    for fields in [batch - 1, batch, batch + 1, batch + 2, 2 * batch, 2 * batch + 1, 5 * batch + 3] {
      for last in ["末", "\"引,号\"", ""] {
        let row = (0..<fields - 1).map { $0 % 3 == 0 ? "" : "产出\($0)" } + [last]
        let input = Array((row.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\r\n").utf8)
        let expected = Self.rows(input, blocks: [], readsRuns: false)
        #expect(expected.count == 2)
        #expect(Self.rows(input, blocks: [], readsRuns: true) == expected, "\(fields) \(last)")
      }
    }
  }

  /// The rows as bytes, with whether each is plain JSON text.
  static func fieldRows(_ bytes: [UInt8], readsRuns: Bool) -> [String] {
    var parser = CSVParser()
    parser.readsRuns = readsRuns
    var rows: [String] = []
    parser.feedFields(bytes) { rows.append("\($0.row) \($0.isPlainJSON)") }
    parser.finishFields { rows.append("\($0.row) \($0.isPlainJSON)") }
    return rows
  }

  /// A whole row scans only what it does not share with the plain row before it, at its head and its tail:
  /// rows that repeat one another up to a byte changed or added anywhere (inside a character too: a lead, a
  /// continuation, a stray one, a quote, a backslash, a control character), or cut short, read as they do
  /// byte by byte.
  @Test func rowsThatRepeatTheRowBeforeReadAsTheBytesDo() {
    var generator = SplitMix(seed: 19)
    let words = ["产出指标", "bench-0", "财政局", "2024", "≥98%", "", "按照完成比例赋分", "a", "𝟘零"]
    let changes: [UInt8] = [0x80, 0xBF, 0xA8, 0xE4, 0xF0, 0xFF, 0x22, 0x5C, 0x01, 0x09, 0x41, 0x2C, 0xC3]
    for _ in 0..<400 {
      let base = Array((0..<12).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: ",").utf8)
      var input: [UInt8] = []
      for _ in 0..<6 {
        var row = base
        switch generator.next() % 3 {
        case 0: row[Int(generator.next() % UInt64(row.count))] = changes[Int(generator.next() % UInt64(changes.count))]
        case 1: row.removeLast(Int(generator.next() % UInt64(row.count)))
        default: row.insert(changes[Int(generator.next() % UInt64(changes.count))], at: Int(generator.next() % UInt64(row.count)))
        }
        input += (row.first == 0x22 || row.isEmpty ? [UInt8(ascii: "x")] : []) + row + [0x0A]
        if generator.next() % 2 == 0 { input += base + [0x0A] }
      }
      #expect(Self.fieldRows(input, readsRuns: true) == Self.fieldRows(input, readsRuns: false))
    }
    // The head cut back to a character's start: the rows differ in the last byte of 产 (E4 BA A7), and the
    // second is ill-formed.
    let input = Array("产出,1\n".utf8) + [0xE4, 0xBA, 0x41] + Array("出,1\n".utf8)
    let rows = Self.fieldRows(input, readsRuns: true)
    #expect(rows == Self.fieldRows(input, readsRuns: false))
    #expect(rows.last?.contains("not valid UTF-8") == true)
  }

  @Test func runsReadAsTheBytesDo() throws {
    var inputs: [[UInt8]] = try FileManager.default.contentsOfDirectory(
      atPath: repositoryRoot.appendingPathComponent("Tests/Malformed").path
    )
    .filter { $0.hasSuffix(".csv") }.sorted()
    .map { Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/Malformed/\($0)"))) }
    inputs.append(Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/csv/three-tables.csv"))))
    // Each of them again with old-Mac line ends (a lone CR), and with CRLF.
    inputs += inputs.map { $0.map { $0 == 0x0A ? 0x0D : $0 } }
    inputs += inputs.prefix(inputs.count / 2).map { $0.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] } }
    // Random texts over the bytes that matter: quotes, separators, the three line ends, a BOM, UTF-8, bad
    // UTF-8 and NUL.
    var generator = SplitMix(seed: 31)
    let pieces: [[UInt8]] = [
      Array("\"".utf8), Array(",".utf8), [0x0A], [0x0D], [0x0D, 0x0A], Array("a".utf8), Array("产出".utf8),
      Array("\"\"".utf8), [0xEF, 0xBB, 0xBF], [0xFF], Array(" ".utf8), Array("=1".utf8), [0x00],
      // Runs longer than the eight bytes the parser passes at a time, and bytes just above its stops.
      Array("参会人数（人）不少于".utf8), Array("abcdefghijklmnop".utf8), Array("#$%&'()*+-./".utf8),
    ]
    for _ in 0..<2_000 {
      let count = Int(generator.next() % 40)
      inputs.append((0..<count).flatMap { _ in pieces[Int(generator.next() % UInt64(pieces.count))] })
    }
    for input in inputs {
      #expect(Self.rows(input, blocks: [], readsRuns: true) == Self.rows(input, blocks: [], readsRuns: false))
      // Runs end at block ends too, and a block end changes nothing.
      let blocks = (0..<8).map { _ in Int(generator.next() % 7) + 1 }
      #expect(
        Self.rows(input, blocks: blocks, readsRuns: true) == Self.rows(input, blocks: [], readsRuns: false),
        "\(blocks)")
    }
  }
}

/// Fixtures/csv/three-tables.csv holds three seed tables as an auditor's spreadsheet export (one indicator
/// a row, the funds row first). Read as CSV they must score exactly as their JSON fixtures do, findings
/// included, but for one: a CSV column belongs to a table when one of its rows fills it, and 002's
/// 偏差原因 column is blank throughout (its JSON prints the key, null on every row).
@Suite struct CSVFixtureTests {
  @Test func theCSVExportScoresAsTheJSONFixtures() throws {
    let csvPath = repositoryRoot.appendingPathComponent("Fixtures/csv/three-tables.csv").path
    var fromCSV: [TableResult] = []
    _ = BatchRunner(scorer: Scorer(profile: defaultProfile), jobs: 2).run(inputs: [csvPath]) { outcome in
      if case .result(let result, _) = outcome { fromCSV.append(result) }
    }
    #expect(fromCSV.map(\.id) == ["004-industry-chain-relocation", "004-unit", "002-autumn-consumption"])
    // Before issue 17 every table of the file had every column of its header: evidence.missing and
    // explanation.missing differed for all three.
    let onlyInJSON = ["002-autumn-consumption": ["explanation.missing@5"]]
    for csvResult in fromCSV {
      let bytes = Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/\(csvResult.id)/table.json")))
      guard case .table(let table) = TableReader.read(bytes, file: "t.json")[0] else { throw CancellationError() }
      let jsonResult = Scorer(profile: defaultProfile).score(table)
      #expect(csvResult.recomputedTotal == jsonResult.recomputedTotal, "\(csvResult.id)")
      #expect(csvResult.claimedTotal == jsonResult.claimedTotal)
      #expect(csvResult.recomputedGrade == jsonResult.recomputedGrade)
      #expect(csvResult.funds?.score == jsonResult.funds?.score)
      #expect(csvResult.indicators.map(\.score) == jsonResult.indicators.map(\.score))
      let missing = onlyInJSON[csvResult.id] ?? []
      #expect(csvResult.findings.map(\.key) == jsonResult.findings.map(\.key).filter { !missing.contains($0) }, "\(csvResult.id)")
    }
  }
}
