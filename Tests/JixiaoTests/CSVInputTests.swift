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

/// A quote left open runs to the end of the file: the row it opens on, and the table that row belongs to,
/// are refused, naming the line the quote opened on. A table is never scored from part of its rows.
@Suite struct CSVUnclosedQuoteTests {
  static let header = "项目名称,主管部门,年度,一级指标,二级指标,三级指标,权重,目标值,业绩值,指标得分\n"
  static func row(_ name: String, _ indicator: String = "次数", score: String = "10") -> String {
    "\(name),局,2024,产出指标,数量指标,\(indicator),10,>=1次,1次,\(score)\n"
  }

  static func read(_ text: String) -> (tables: [Table], rejections: [InputError]) {
    var tables: [Table] = []
    var rejections: [InputError] = []
    for record in TableReader.read(Array(text.utf8), file: "t.csv", format: .csv) {
      switch record {
      case .table(let table): tables.append(table)
      case .rejected(let error): rejections.append(error)
      }
    }
    return (tables, rejections)
  }

  @Test func theParserReportsTheLineTheQuoteOpenedOnAndOnlyTheCellsBeforeIt() {
    for end in ["\n", "\r\n", "\r"] {
      let input = Array("a,b\(end)1,\"x\(end)y\(end)\"z\"\(end)2,\"never\(end)closed\(end)3,4\(end)".utf8)
      let rows = CSVParserRunTests.rows(input, blocks: [], readsRuns: true)
      #expect(rows.count == 3, "\(rows)")
      #expect(rows.last?.hasPrefix(#"malformed(["2"], line: 5, reason: "#) == true, "\(rows)")
      #expect(rows.last?.contains("a quoted field opened on this line is never closed") == true, "\(rows)")

    }
  }

  /// Before: the bad row started a table of its own, so 甲 was scored from its first two rows: 20 of the 30
  /// points, a false total.over-claimed and grade.inflated.
  @Test func aQuoteOpenedAtTheStartOfARowRefusesTheTableAboveIt() {
    let text =
      Self.header + Self.row("甲") + Self.row("甲", "天数") + "\"甲,局,2024,产出指标,数量指标,人数,10,>=1人,1人,10\n"
      + Self.row("甲", "户数") + Self.row("乙")
    let (tables, rejections) = Self.read(text)
    #expect(tables.isEmpty)
    #expect(rejections.count == 1)
    #expect(rejections.first?.location.line == 4)
    #expect(rejections.first?.message.english.contains("never closed") == true)
  }

  /// The quote opens after the key cells: the row belongs to 乙, and 甲 above it is whole.
  @Test func aQuoteOpenedAfterTheKeyRefusesItsOwnTableOnly() {
    let text = Self.header + Self.row("甲") + Self.row("乙") + "乙,局,2024,产出指标,数量指标,\"天数,10\n" + Self.row("丙")
    let (tables, rejections) = Self.read(text)
    #expect(tables.map(\.name) == ["甲"])
    #expect(rejections.map(\.location.line) == [4])
  }

  /// A row too short to tell its table (its key cells are missing) refuses the tables on both sides of it.
  @Test func aRowWhoseTableCannotBeToldRefusesItsNeighbours() {
    let (tables, rejections) = Self.read(
      Self.header + Self.row("甲") + "甲,局\n" + Self.row("乙") + Self.row("乙", "天数") + Self.row("丙"))
    #expect(tables.map(\.name) == ["丙"])
    #expect(rejections.map(\.location.line) == [3, 3])
    // Between rows of one table, it refuses that table once.
    let (inside, insideRejections) = Self.read(Self.header + Self.row("甲") + "甲\n" + Self.row("甲", "天数") + Self.row("乙"))
    #expect(inside.map(\.name) == ["乙"])
    #expect(insideRejections.map(\.location.line) == [3])
  }
}

/// The header: two columns for one field are refused with both names; a header that cannot be read
/// refuses the file once, not row by row.
@Suite struct CSVHeaderTests {
  @Test func twoColumnsForOneFieldAreRefusedWithBothNames() {
    let text =
      "项目名称,年度,三级指标,权重,目标值,业绩值,年度指标值\n" + "甲,2024,次数,100,>=1次,1次,>=5次\n" + "乙,2024,次数,100,>=1次,1次,>=5次\n"
    let (tables, rejections) = CSVUnclosedQuoteTests.read(text)
    #expect(tables.isEmpty, "before: 目标值 silently won")
    #expect(rejections.count == 1)
    let error = rejections.first
    #expect(error?.location.line == 1)
    #expect(
      error?.message.english.contains("目标值 (column E) and 年度指标值 (column G) both give the 目标值") == true,
      "\(String(describing: error))")
    #expect(error?.message.english.contains("keep one") == true)
    // The same name twice, too.
    let twice = CSVUnclosedQuoteTests.read("项目名称,三级指标,权重,权重\n甲,次数,10,20\n")
    #expect(twice.tables.isEmpty)
    #expect(twice.rejections.first?.message.english.contains("权重 (column C) and 权重 (column D)") == true)
  }

  @Test func columnsAreNamedAsASpreadsheetNamesThem() {
    #expect(
      [0, 1, 25, 26, 27, 51, 52, 701, 702].map(CSVTableAssembler.columnLetters) == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
      ])
  }

  @Test func anUnreadableHeaderRefusesTheFileOnce() {
    let rows = String(repeating: CSVUnclosedQuoteTests.row("甲"), count: 5)
    for header in [Array("项目名称,\0三级指标\n".utf8), Array("\"项目名称\"x,三级指标\n".utf8)] {
      var records = TableReader.read(header + Array(rows.utf8), file: "t.csv", format: .csv)
      #expect(records.count == 1, "before: one rejection a row")
      guard case .rejected(let error) = records.removeFirst() else {
        Issue.record("the file is refused")
        continue
      }
      #expect(error.location.line == 1)
      #expect(error.message.english.hasPrefix("the header row cannot be read"))
    }
  }
}

/// Rows are grouped by the exact text of their key: the table id, or else the name and the year.
@Suite struct CSVGroupingTests {
  @Test func theEmittedKeysAreTheKeysThemselves() {
    var parser = CSVParser()
    var assembler = CSVTableAssembler(file: "t.csv")
    let text = "表编号,项目名称,年度,三级指标\n甲,甲项目,2024,次数\n,乙项目,2024,次数\n"
    var outputs = 0
    parser.feedFields(Array(text.utf8)) { row in assembler.add(row) { _ in outputs += 1 } }
    parser.finishFields { row in assembler.add(row) { _ in outputs += 1 } }
    assembler.finish { _ in outputs += 1 }
    #expect(outputs == 2)
    #expect(assembler.emittedKeys == [.id("甲"), .nameAndYear("乙项目", "2024")])
  }

  /// Before, the key was the id, or the name and year joined by U+001F: an id that spelled that joint took a
  /// different table's rows for its own. (The second row names another table, so it does not go on with the
  /// first, as a row with blank key cells would.)
  @Test func anIdIsNeverTakenForANameAndYear() {
    let text = "表编号,项目名称,年度,三级指标,权重\n甲\u{1F}2024,丙,2023,次数,100\n,甲,2024,天数,100\n"
    let (tables, rejections) = CSVUnclosedQuoteTests.read(text)
    #expect(rejections.isEmpty)
    #expect(tables.map(\.indicators.count) == [1, 1])
  }
}

/// A CSV file saved as GB18030 (Excel on Chinese Windows) or UTF-16 (with its byte-order mark) is
/// transcoded and scores exactly as the UTF-8 file; the result says it was transcoded. A file in none of
/// them is refused once, naming the fix.
@Suite struct CSVEncodingTests {
  static let fixtures = repositoryRoot.appendingPathComponent("Fixtures/csv")

  static func results(_ name: String) -> (results: [TableResult], rejections: [InputError]) {
    var results: [TableResult] = []
    var rejections: [InputError] = []
    _ = BatchRunner(scorer: Scorer(profile: defaultProfile), jobs: 2).run(inputs: [fixtures.appendingPathComponent(name).path]) {
      switch $0 {
      case .result(let result, _): results.append(result)
      case .rejected(let error, _): rejections.append(error)
      }
    }
    return (results, rejections)
  }

  /// The same results but for the file they came from and its encoding.
  static func sameButForTheFile(_ lhs: [TableResult], _ rhs: [TableResult]) -> Bool {
    func plain(_ result: TableResult) -> TableResult {
      var copy = result
      copy.location.file = ""
      copy.sourceEncoding = .utf8
      return copy
    }
    return lhs.map(plain) == rhs.map(plain)
  }

  @Test(arguments: [("three-tables.gb18030.csv", SourceEncoding.gb18030), ("three-tables.utf16le.csv", .utf16LittleEndian)])
  func aTranscodedFileScoresExactlyAsTheUTF8File(_ name: String, _ encoding: SourceEncoding) throws {
    let utf8 = Self.results("three-tables.csv")
    #expect(utf8.results.count == 3 && utf8.rejections.isEmpty)
    #expect(utf8.results.allSatisfy { $0.sourceEncoding == .utf8 })
    let other = Self.results(name)
    #expect(other.rejections.isEmpty, "before: one error a line")
    #expect(Self.sameButForTheFile(other.results, utf8.results))
    #expect(other.results.allSatisfy { $0.sourceEncoding == encoding })
    // The reports say so; a UTF-8 file's do not.
    let result = try #require(other.results.first)
    #expect(ResultJSON.encode(result).contains(#""sourceEncoding":"\#(encoding.rawValue)""#))
    #expect(TextReport.render(result).contains("原文件为 \(encoding.rawValue) 编码，已转为 UTF-8 读入"))
    #expect(HTMLReport.section(result).contains("已转为 UTF-8 读入"))
    #expect(!ResultJSON.encode(utf8.results[0]).contains("sourceEncoding"))
    #expect(!TextReport.render(utf8.results[0]).contains("已转为"))
  }

  static func tables(_ bytes: [UInt8], blocks: [Int] = []) -> [TableReader.Record] {
    var records: [TableReader.Record] = []
    var start = 0
    var sizes = blocks.makeIterator()
    let next = { () -> [UInt8]? in
      guard start < bytes.count else { return nil }
      let end = min(bytes.count, start + (sizes.next() ?? bytes.count))
      defer { start = end }
      return Array(bytes[start..<end])
    }
    RecordReader.split(.csv, file: "t.csv", next: next) { records += $0.decode() }
    return records
  }

  static func utf8Text() throws -> String {
    var text = try String(contentsOf: fixtures.appendingPathComponent("three-tables.csv"), encoding: .utf8)
    text.removeFirst()  // The byte-order mark.
    // A character beyond the BMP: four bytes in GB18030, a surrogate pair in UTF-16.
    return text.replacing("产业链基地项目迁移费", with: "产业链基地项目迁移费𠀀")
  }

  static func encoded(_ text: String, _ encoding: SourceEncoding) -> [UInt8] {
    switch encoding {
    case .utf8: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)  // With Excel's byte-order mark.
    case .gb18030: return Array(text.data(using: CSVTextDecoder.gb18030)!)
    case .utf16LittleEndian: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    case .utf16BigEndian: return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
  }

  static func tableList(_ records: [TableReader.Record]) -> [Table] {
    records.compactMap { if case .table(let table) = $0 { table } else { nil } }
  }

  /// Blocks cut anywhere, inside a character too: the same tables as the UTF-8 text read whole.
  @Test(arguments: SourceEncoding.allCases)
  func everyEncodingReadsAlikeInAnyBlocks(_ encoding: SourceEncoding) throws {
    let text = try Self.utf8Text()
    var expected = Self.tableList(Self.tables(Array(text.utf8)))
    #expect(expected.count == 3)
    #expect(expected[0].name.string.hasSuffix("𠀀"))
    for index in expected.indices { expected[index].sourceEncoding = encoding }
    let bytes = Self.encoded(text, encoding)
    var generator = SplitMix(seed: 5)
    for round in 0..<40 {
      let blocks = round == 0 ? [] : (0..<(bytes.count / 2)).map { _ in Int(generator.next() % 9) + 1 }
      let records = Self.tables(bytes, blocks: blocks)
      #expect(records.count == 3)
      #expect(Self.tableList(records) == expected, "\(encoding), round \(round)")
    }
  }

  /// Not UTF-8 and not GB18030 (here Latin-1 text): one rejection for the file, naming the line and the fix.
  /// The table being read when the bad line came is refused with it; the one before is whole.
  @Test func aFileInNeitherEncodingIsRefusedOnce() {
    let header = "id,name,indicator,weight,target,actual\n"
    let text =
      Array((header + "t1,a,x,100,>=1,1\nt2,b,x,50,>=1,1\n").utf8) + Array("t2,b,caf".utf8) + [0xE9] + Array(",50,>=1,1\n".utf8)
    let more = String(repeating: "t3,c,x,100,>=1,1\n", count: 50)
    let records = Self.tables(text + Array(more.utf8))
    #expect(records.count == 2, "before: t3 scored after the refusal, or one error a line")
    #expect(Self.tableList(records).map(\.id) == ["t1"])
    guard case .rejected(let error) = records.last else {
      Issue.record("the file is refused")
      return
    }
    #expect(error.location.line == 4)
    #expect(error.message.english.contains("neither UTF-8 nor GB18030"))
    #expect(error.message.english.contains("save it as CSV UTF-8"))
  }

  /// A GBK file as Excel writes it (its header is Chinese) gave one error a line; now it is its tables.
  @Test func aGBKHeaderDecidesTheFile() {
    let text = "项目名称,年度,三级指标,权重,目标值,业绩值\n甲,2024,次数,100,>=1次,1次\n乙,2024,次数,100,>=1次,1次\n"
    let records = Self.tables(Self.encoded(text, .gb18030))
    #expect(Self.tableList(records).map(\.name) == ["甲", "乙"])
    #expect(Self.tableList(records).allSatisfy { $0.sourceEncoding == .gb18030 })
  }

  /// A byte that is no GB18030 character in a file decided GB18030 refuses its row's table only.
  @Test func aBadCharacterInAGB18030FileRefusesItsTable() {
    let header = Self.encoded("项目名称,年度,三级指标,权重,目标值,业绩值\n", .gb18030)
    let rows =
      Self.encoded("甲,2024,次数,100,>=1次,1次\n", .gb18030) + Self.encoded("乙,2024,次", .gb18030) + [0xFF]
      + Self.encoded("数,100,>=1次,1次\n丙,2024,次数,100,>=1次,1次\n", .gb18030)
    let records = Self.tables(header + rows)
    #expect(Self.tableList(records).map(\.name) == ["甲", "丙"])
    let rejections = records.compactMap { if case .rejected(let error) = $0 { error } else { nil } }
    #expect(rejections.map(\.location.line) == [3])
    #expect(rejections.first?.message.english.contains("a cell is not valid GB18030; save the file as CSV UTF-8") == true)
  }

  /// A lone surrogate, and an odd last byte, in a UTF-16 file refuse their rows' tables.
  @Test func aBrokenUTF16UnitRefusesItsTable() throws {
    let text = "项目名称,年度,三级指标,权重,目标值,业绩值\n甲,2024,次数,100,>=1次,1次\n乙,2024,次X数,100,>=1次,1次\n"
    var bytes = Self.encoded(text, .utf16LittleEndian)
    let x = try #require(bytes.firstRange(of: [UInt8(ascii: "X"), 0]))
    bytes.replaceSubrange(x, with: [0x00, 0xDC])  // U+DC00, a low surrogate alone
    var records = Self.tables(bytes)
    #expect(Self.tableList(records).map(\.name) == ["甲"])
    records = Self.tables(
      Self.encoded(text.replacing("X", with: ""), .utf16LittleEndian)
        + Self.encoded("丙,2024,次数,100,>=1次,1次", .utf16LittleEndian).dropFirst(2) + [0x31])
    #expect(Self.tableList(records).map(\.name) == ["甲", "乙"])
    #expect(records.count == 3)
  }
}
