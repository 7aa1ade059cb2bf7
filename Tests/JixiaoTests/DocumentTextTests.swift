import Foundation
import Testing

@testable import Jixiao

/// The golden test of issue 18: the five seed documents (Fixtures/documents, pdftotext's default output of
/// published 决算) read by `jixiao extract`, table by table against the 30 hand transcriptions
/// (Fixtures/<seed>-<name>/table.json): every cell a transcription holds — name, levels, weight, target,
/// actual, claimed score, funds, total and grade — and each table's recomputed total against its
/// expected.json. Accuracy is printed per seed and asserted at the level reached (docs/extract.md).
@Suite struct DocumentTextGoldenTests {
  /// A hand transcription: its table, its expected result, and the seed lines it was read from.
  struct Transcription {
    var id: String
    var table: Table
    var expected: Expected
    var lines: ClosedRange<Int>
  }

  /// How a seed reads against its transcriptions.
  struct SeedReport {
    var seed: String
    var cells = 0
    var exact = 0
    var tables = 0
    var found = 0
    var totalsEqual = 0
    /// Tables whose findings (codes and places) are the transcription's expected ones.
    var findingsEqual = 0
    var findingDifferences: [String] = []
    /// Every cell read otherwise than transcribed, and every table missed or scored otherwise.
    var mismatches: [String] = []
    /// What the reader reported unread (a table in prose).
    var unread: [String] = []
    /// Per table: its cells exact of all, its recomputed total and the transcription's (docs/extract.md).
    var tableLines: [String] = []

    var accuracy: Double { cells == 0 ? 0 : Double(exact) / Double(cells) }
    var summary: String {
      let percent = (accuracy * 1000).rounded() / 10
      return
        "\(seed): \(exact)/\(cells) cells exact (\(percent) %), \(found)/\(tables) tables found, \(totalsEqual) totals equal, \(findingsEqual) with the transcription's findings"
    }
  }

  static let seeds = [
    "000_cc71e4e15f2e4881", "001_af34bbe88d11c2e3", "002_38207ba7611ec7da", "003_fd70fc65db44e8e0",
    "004_d2dccc9b3468caab",
  ]

  static func transcriptions(of seed: String) throws -> [Transcription] {
    let fixtures = repositoryRoot.appendingPathComponent("Fixtures")
    let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).filter {
      $0.hasPrefix(String(seed.prefix(3)) + "-")
    }
    return try names.sorted().map { name in
      let path = "Fixtures/\(name)/table.json"
      let bytes = try Array(Data(contentsOf: repositoryRoot.appendingPathComponent(path)))
      guard case .object(let root) = try JSONParser.parse(bytes), case .object(let source)? = root["source"],
        case .string(let lines)? = source["lines"], case .table(let table)? = TableReader.read(bytes, file: path).first
      else { throw CancellationError() }
      let bounds = lines.split(separator: "-").compactMap { Int($0) }
      let expected = try Expected(
        bytes: Array(Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/\(name)/expected.json"))))
      return Transcription(id: name, table: table, expected: expected, lines: bounds[0]...bounds[bounds.count - 1])
    }
  }

  /// Reads a seed as `jixiao extract` does and compares it with its transcriptions.
  static func report(_ seed: String) throws -> SeedReport {
    var report = SeedReport(seed: seed)
    let path = repositoryRoot.appendingPathComponent("Fixtures/documents/\(seed).txt").path
    var extracted: [ExtractedTable] = []
    for extraction in TableReader.extract(path: path) {
      switch extraction {
      case .table(let table): extracted.append(table)
      case .rejected(let error): report.unread.append(error.description)
      }
    }
    for transcription in try transcriptions(of: seed) {
      report.tables += 1
      let want = transcription.table
      let match = extracted.first { table in table.table.location.line.map { transcription.lines.contains($0) } ?? false }
      let (cellsBefore, exactBefore) = (report.cells, report.exact)
      compare(want, match?.table, id: transcription.id, into: &report)
      let cells = "\(report.exact - exactBefore)/\(report.cells - cellsBefore)"
      guard let table = match?.table else {
        report.mismatches.append("\(transcription.id): not found")
        report.tableLines.append("| `\(transcription.id)` | not read | \(cells) | — | \(transcription.expected.total) |")
        continue
      }
      report.found += 1
      let result = Scorer(profile: defaultProfile).score(table)
      report.tableLines.append(
        "| `\(transcription.id)` | \(table.location.line.map { "line \($0)" } ?? "") | \(cells) | \(result.recomputedTotal) | \(transcription.expected.total) |"
      )
      let findings = result.findings.map(\.key).sorted()
      if findings == transcription.expected.findings.sorted() {
        report.findingsEqual += 1
      } else {
        let want = transcription.expected.findings
        report.findingDifferences.append(
          "\(transcription.id): findings \(findings.filter { !want.contains($0) }) not transcribed, \(want.filter { !findings.contains($0) }) not raised"
        )
      }
      if result.recomputedTotal.description == transcription.expected.total {
        report.totalsEqual += 1
      } else {
        report.mismatches.append(
          "\(transcription.id): recomputed total \(result.recomputedTotal), transcription's \(transcription.expected.total)")
      }
    }
    return report
  }

  /// Counts the cells a transcription holds (or the reading gives) and those read exactly.
  static func compare(_ want: Table, _ got: Table?, id: String, into report: inout SeedReport) {
    func cell<Value: Equatable>(_ what: String, _ wanted: Value?, _ read: Value?) {
      guard wanted != nil || read != nil else { return }
      report.cells += 1
      if wanted == read {
        report.exact += 1
      } else {
        report.mismatches.append(
          "\(id) \(what): read \(read.map { "\($0)" } ?? "nothing"), transcribed \(wanted.map { "\($0)" } ?? "nothing")")
      }
    }
    func trimmed(_ text: TableText?) -> String? { text.map { $0.string.trimmingCharacters(in: .whitespaces) } }
    cell("name", want.name, got?.name)
    // A goals text the transcriber cut short ends in …: the reading is exact when it starts so.
    for (part, wanted, read) in [
      ("expected", want.goals?.expected?.string, got?.goals?.expected?.string),
      ("actual", want.goals?.actual?.string, got?.goals?.actual?.string),
    ] {
      let cut = wanted.flatMap { $0.hasSuffix("…") ? String($0.dropLast()) : nil }
      cell("goals \(part)", cut.flatMap { read?.hasPrefix($0) == true ? read : nil } ?? wanted, read)
    }
    cell("claimed total", want.claimedTotal, got?.claimedTotal)
    cell("claimed grade", want.claimedGrade, got?.claimedGrade)
    if let funds = want.funds {
      let read = got?.funds
      cell("funds initial budget", funds.initialBudget, read?.initialBudget)
      cell("funds annual budget", funds.annualBudget, read?.annualBudget)
      cell("funds executed", funds.executed, read?.executed)
      cell("funds weight", funds.weight, read?.weight)
      cell("funds claimed rate", funds.claimedRate, read?.claimedRate)
      cell("funds claimed score", funds.claimedScore, read?.claimedScore)
    }
    let readIndicators = got?.indicators ?? []
    for (offset, indicator) in want.indicators.enumerated() {
      let read = readIndicators.indices.contains(offset) ? readIndicators[offset] : nil
      let label = "#\(offset + 1)"
      cell("\(label) name", indicator.name, read?.name)
      cell("\(label) level 1", indicator.level1, read?.level1)
      cell("\(label) level 2", indicator.level2, read?.level2)
      cell("\(label) weight", indicator.weight, read?.weight)
      cell("\(label) target", trimmed(indicator.targetText), trimmed(read?.targetText))
      cell("\(label) actual", trimmed(indicator.actualText), trimmed(read?.actualText))
      cell("\(label) claimed score", indicator.claimedScore, read?.claimedScore)
    }
    for extra in readIndicators.dropFirst(want.indicators.count) {
      report.cells += 1
      report.mismatches.append("\(id) #\(extra.index): read \(extra.name), not transcribed")
    }
  }

  /// The level each seed reaches, as exact cells of all cells (docs/extract.md says why where it is short),
  /// and how many of its tables are found with their transcription's recomputed total.
  static let reached: [String: (accuracy: Double, totalsEqual: Int)] = [
    "000_cc71e4e15f2e4881": (0.989, 4),
    "001_af34bbe88d11c2e3": (0.979, 1),
    "002_38207ba7611ec7da": (0.996, 13),
    "003_fd70fc65db44e8e0": (1, 4),
    "004_d2dccc9b3468caab": (1, 8),
  ]

  @Test(arguments: seeds)
  func readsTheSeedAsTranscribed(seed: String) throws {
    let report = try Self.report(seed)
    print(report.summary)
    for line in report.tableLines { print("  \(line)") }
    for line in report.findingDifferences { print("  \(line)") }
    for line in report.mismatches.prefix(40) { print("  \(line)") }
    let level = Self.reached[seed]!
    #expect(report.accuracy >= level.accuracy, "\(report.summary)\n\(report.mismatches.prefix(40).joined(separator: "\n"))")
    #expect(report.totalsEqual >= level.totalsEqual, "\(report.summary)")
  }

  /// Seed 001 tells its table in sentences: the prose grammar reads it (nothing is reported unread), with
  /// the transcription's findings.
  @Test func theTableInProseIsRead() throws {
    let report = try Self.report("001_af34bbe88d11c2e3")
    #expect(report.found == 1)
    #expect(report.unread.isEmpty, "\(report.unread)")
    #expect(report.findingsEqual == 1, "\(report.findingDifferences)")
  }
}

/// The reader of document text, part by part: pages and page numbers, where a table starts and ends, cells
/// of tab-separated text, cells told apart in flowing text, layout text told apart, prose reported.
@Suite struct DocumentTextReaderTests {
  func text(_ printed: String, file: String = "决算.txt") throws -> DocumentText {
    try DocumentText(bytes: Array(printed.utf8), file: file)
  }

  func tables(_ printed: String) -> [Table] {
    TableReader.read(Array(printed.utf8), file: "决算.txt").compactMap { record in
      if case .table(let table) = record { table } else { nil }
    }
  }

  /// A small project table as pdftotext prints it by default: several cells to a line, some wrapped.
  static let flowing = """
     项目支出绩效自评表
    (2023 年度)
    项目名称 示例项目
    主管部门 工业和信息化局 实施单位 工业和信息化局
    项目资金
    （万元）
    年初预算数 全年预算数 全年执行数 分值 执行率 得分
    年度资金总额 37.07 37.07 31.97 10 86.24% 8.62 分
    其中：当年财政拨
    款
    37.07 37.07 31.97 — — —
    一级
    指标
    二级指
    标
    三级指标 年度指标值 实际完成值 分值 得分
    偏差原因分析
    及改进措施
    年度
    绩效
    指标
    产出
    指标
    数量指
    标
    线路改迁长度 <=600 米 =515 米 15 12.87 项目未完工
    成本
    指标
    经济成
    本指标
    新疆远西电力建设有限
    公司支付标准
    <=31.97 万
    元
    =31.97 万元 10 10
    效益
    指标
    社会效
    益指标
    促进生物医药产业发展 有效 有效 75 75
    总分 100
    97.87
    分

    """

  @Test func pagesFollowFormFeedsAndPageNumbersAreSetApart() throws {
    let document = try text("第一页\n- 1 -\n\u{0C}第二页\n第 2 页\n\u{0C}第三页\n")
    #expect(document.lines.map(\.page) == [1, 1, 2, 2, 3])
    #expect(document.lines.map(\.isPageNumber) == [false, true, false, true, false])
    #expect(document.lines.map(\.startsPage) == [true, false, true, false, true])
    #expect(document.lines.map(\.text) == ["第一页", "- 1 -", "第二页", "第 2 页", "第三页"])
  }

  @Test func withoutFormFeedsALineIndentedByOneSpaceStartsAPage() throws {
    let document = try text("正文\n续\n 新页第一行\n  缩进两格\n\t制表\n")
    #expect(document.lines.map(\.page) == [1, 1, 2, 2, 2])
  }

  @Test func textThatIsNotUTF8IsRefusedNamingItsLine() {
    var bytes = Array("第一行\r\n第二行\n".utf8)
    bytes += [0xB2, 0xE2, 0x0A]
    #expect(throws: InputError.self) { try DocumentText(bytes: bytes, file: "gbk.txt") }
    do {
      _ = try DocumentText(bytes: bytes, file: "gbk.txt")
    } catch {
      #expect(error.location.line == 3)
      #expect(error.message.english.contains("not UTF-8"))
    }
  }

  @Test func aTitleInRunningTextStartsNoTable() throws {
    let document = try text("具体项目自评情况附绩效自评表。\n其他说明\n")
    #expect(TableSegmenter(document).segments().isEmpty)
  }

  /// Seed 004 line 547: the indicator header prints above the title; and the table's first rows on the
  /// page before it (line 454).
  @Test func aTableStartsAtItsHeaderOrPagePrintedAboveItsTitle() throws {
    let document = try text(
      """
      正文
       部门（单位）名称 示例局
      部门资金（万元）
      一级指标 二级指标 三级指标 预期指标值 指标值设定依据 实际完成指标值 分值权重 得分
      部门（单位）整体支出绩效目标自评表
      （2023 年度）
       运行成本
      质量指标 培训费下降率 >=5% 工作计划 0% 8 0
      总分 100 0 分
      后文
      """)
    let segments = TableSegmenter(document).segments()
    #expect(segments.count == 1)
    #expect(segments.first.map { document.lines[$0.lines.lowerBound].number } == 2)
    #expect(segments.first.map { document.lines[$0.lines.upperBound - 1].number } == 9)
  }

  @Test func aTabbedTotalRowIsAlignedToTheHeaderItsLabelSpans() throws {
    let printed = [
      "\t项目支出绩效自评表", "", "\t(2024年度)", "", "\t项目名称", "\t示例项目", "",
      "\t", "\t一级指标", "\t二级指标", "\t三级指标", "\t权重", "\t目标值", "\t业绩值", "\t指标得分", "",
      "\t绩效指标", "\t产出指标", "\t数量指标", "\t[bookmark: _GoBack]次数", "\t100", "\t>=5次", "\t=5次", "\t98", "",
      "\t总分", "\t100", "\t", "\t", "\t98.00分", "",
    ].joined(separator: "\n")
    let table = try #require(tables(printed).first)
    #expect(table.name == "示例项目")
    #expect(table.indicators.map(\.name) == ["次数"])
    #expect(table.indicators.first?.weight == Rational(100))
    #expect(table.claimedTotal == Rational(98))
  }

  @Test func flowingTextIsReadCellByCell() throws {
    let table = try #require(tables(Self.flowing).first)
    #expect(table.name == "示例项目")
    #expect(table.year == 2023)
    #expect(table.department == "工业和信息化局")
    #expect(table.funds?.executed == Rational(decimalText: "31.97"))
    #expect(table.funds?.claimedScore == Rational(decimalText: "8.62"))
    #expect(table.funds?.sources.map(\.name) == ["当年财政拨款"])
    #expect(table.indicators.map(\.name) == ["线路改迁长度", "新疆远西电力建设有限公司支付标准", "促进生物医药产业发展"])
    #expect(table.indicators.map(\.level1) == ["产出指标", "成本指标", "效益指标"])
    #expect(table.indicators.map(\.level2) == ["数量指标", "经济成本指标", "社会效益指标"])
    #expect(table.indicators.map(\.targetText) == ["<=600 米", "<=31.97 万元", "有效"])
    #expect(table.indicators.map(\.actualText) == ["=515 米", "=31.97 万元", "有效"])
    #expect(table.indicators.map(\.claimedScore) == [Rational(decimalText: "12.87"), Rational(10), Rational(75)])
    #expect(table.indicators.map(\.explanation) == ["项目未完工", nil, nil])
    #expect(table.claimedTotal == Rational(decimalText: "97.87"))
    #expect(table.notes.isEmpty, "\(table.notes)")
  }

  /// Seeds 000 and 004: a source row printing fewer values than the block has columns, its numbers then
  /// dashes (`其他资金 0 0 — — —`, `其他资金 0 — — —`): the numbers are its first amounts, every other amount
  /// none, read without doubt. A number after a dash (`0 — 5 — —`) could be any later amount: doubted.
  @Test func aSourceRowOfNumbersThenDashesIsReadWithoutDoubt() throws {
    let block = "37.07 37.07 31.97 — — —\n"
    for (row, amounts) in [("其他资金 0 0 — — —", ["0", "0", nil]), ("其他资金 0 — — —", ["0", nil, nil])] {
      let table = try #require(tables(Self.flowing.replacingOccurrences(of: block, with: block + row + "\n")).first)
      let source = try #require(table.funds?.sources.last)
      #expect(source.name == "其他资金")
      #expect(
        [source.initialBudget, source.annualBudget, source.executed]
          == amounts.map { $0.flatMap { Rational(decimalText: Substring($0)) } })
      #expect(table.uncertainPlaces.isEmpty, "\(row)")
    }
    let doubted = try #require(tables(Self.flowing.replacingOccurrences(of: block, with: block + "其他资金 0 — 5 — —\n")).first)
    #expect(doubted.uncertainPlaces == [.source(2)])
  }

  /// Seed 000 lines 928–940: a target and an actual wrapped, their pieces one after the other.
  @Test func wrappedValuesWhosePiecesInterleaveAreRejoined() throws {
    let printed = Self.flowing.replacingOccurrences(
      of: "<=31.97 万\n元\n=31.97 万元 10 10", with: "<=31.97万\n元\n=31.97万\n元\n10 10")
    let table = try #require(tables(printed).first)
    #expect(table.indicators.map(\.targetText)[1] == "<=31.97万元")
    #expect(table.indicators.map(\.actualText)[1] == "=31.97万元")
    #expect(table.indicators.map(\.weight)[1] == Rational(10))
  }

  /// Seed 004 lines 1439–1475: a row's explanation wrapped below it, then the next row's name and a date
  /// wrapped over lines, no level between: split where the explanation's paragraph ends, the name doubted.
  @Test func anExplanationBelowARowIsToldFromTheNextName() throws {
    let printed = Self.flowing.replacingOccurrences(
      of: "线路改迁长度 <=600 米 =515 米 15 12.87 项目未完工\n",
      with: "线路改迁长度 <=600 米 =515 米 15 12.87\n资金支付正在\n走支付流程，\n支付\n项目完成时间\n2023 年 12 月\n31 日\n=2023 年 12\n月 31 日\n5 5\n")
    let table = try #require(tables(printed).first)
    #expect(table.indicators.map(\.name).prefix(2) == ["线路改迁长度", "项目完成时间"])
    #expect(table.indicators.first?.explanation == "资金支付正在走支付流程，支付")
    #expect(table.indicators.dropFirst().first?.targetText == "2023 年 12 月31 日")
    #expect(table.indicators.dropFirst().first?.actualText == "=2023 年 12月 31 日")
    #expect(table.uncertainPlaces == [.indicator(2)])
  }

  @Test func everyValueKnowsItsPageAndLineAndTheUncertainAreCounted() throws {
    let extracted = TableReader.extract(Array(Self.flowing.utf8), file: "决算.txt")
    guard case .table(let table)? = extracted.first else {
      Issue.record("no table: \(extracted)")
      return
    }
    let json = String(decoding: ExtractJSON.document([table]), as: UTF8.self)
    #expect(json.contains(#""indicators[2].target":"page 1, line 33""#), "\(json)")
    #expect(json.contains(#""uncertain":0"#))
    #expect(json.contains(#""at":"page 1, line 1""#))
    let doubtful = Self.flowing.replacingOccurrences(
      of: "年度资金总额 37.07 37.07 31.97 10 86.24% 8.62 分", with: "年度资金总额 37.07 31.97 10 86.24% 8.62 分")
    guard case .table(let uncertain)? = TableReader.extract(Array(doubtful.utf8), file: "决算.txt").first else {
      Issue.record("no table")
      return
    }
    #expect(uncertain.uncertainCount == 5)
    #expect(uncertain.doubts[.funds]?[.fundsAnnualBudget]?.contains("从左排放") == true)
  }

  /// Found by fuzzing (Fuzz/FuzzText.swift): a header that names no column after 三级指标 has no run of
  /// values to find rows by; it trapped reading the line before the first piece.
  @Test func aHeaderEndingAtTheNameColumnFindsNoRowsAndDoesNotTrap() {
    let printed = " 项目支出绩效自评表\n(2023 年度)\n项目名称 示例项目\n一级指标 二级指标 三级指标\n产出指标 数量指标 次数\n总分 100\n"
    let records = TableReader.read(Array(printed.utf8), file: "cut.txt")
    #expect(records.count == 1)
    guard case .rejected(let error)? = records.first else {
      Issue.record("\(records)")
      return
    }
    #expect(error.message.english.contains("no indicator"))
  }

  /// A line that is both a total row and an indicator header (`总分 一级指标 二级指标 三级指标`) starts a part
  /// that takes no line of its own: the reading still moves on.
  @Test func aPartThatTakesNoLineStillEnds() {
    let printed = " 项目支出绩效自评表\n项目名称 示例项目\n总分 一级指标 二级指标 三级指标\n"
    #expect(TableReader.read(Array(printed.utf8), file: "loop.txt").count == 1)
  }

  @Test func layoutTextIsToldApart() throws {
    let aligned = (1...12).map { "产出指标    数量指标    次数\($0)        >=5次        =5次       10       10" }
    #expect(DocumentTextReader.isLayoutText(try text(aligned.joined(separator: "\n"))))
    for seed in DocumentTextGoldenTests.seeds {
      let bytes = try Array(Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/documents/\(seed).txt")))
      #expect(!DocumentTextReader.isLayoutText(try DocumentText(bytes: bytes, file: seed)), "\(seed)")
    }
  }

  @Test func rescoreReadsADocumentByItsExtension() throws {
    let url = repositoryRoot.appendingPathComponent("Fixtures/documents/002_38207ba7611ec7da.txt")
    let records = TableReader.read(try Array(Data(contentsOf: url)), file: url.path)
    #expect(records.count == 13)
    #expect(TableReader.format(forPath: "决算.TXT") == .text)
  }

  /// A `.txt` holding JSON or JSON Lines was read as such before document text was: it still is.
  @Test func aTextFileHoldingJSONIsStillReadAsJSON() throws {
    let line = #"{"name": "表", "indicators": [{"name": "次数", "weight": 100, "target": ">=5次", "actual": "5次"}]}"#
    let records = TableReader.read(Array("\u{FEFF}\(line)\n\(line)\n".utf8), file: "batch.txt")
    #expect(records.count == 2)
    #expect(records.allSatisfy { if case .table = $0 { true } else { false } })
    #expect(TableReader.resolve(nil, path: "one.txt", firstBlock: Array("  [\(line)]".utf8)) == .json)
    #expect(TableReader.resolve(nil, path: "决算.txt", firstBlock: Array(" 项目支出绩效自评表".utf8)) == .text)
    #expect(TableReader.resolve(.text, path: "batch.txt", firstBlock: Array(line.utf8)) == .text)
  }

  @Test func aValueColumnTakesEveryOperatorTheCellGrammarReads() {
    for (sign, _) in CellGrammar.symbolOperators {
      #expect(TextColumn.value.accepts(sign + "95%"), "\(sign)")
      #expect(TextColumn.startsWithOperator(sign + "95%"), "\(sign)")
    }
    #expect(!TextColumn.value.accepts("完成年度工作任务的95%以上"))
  }
}
