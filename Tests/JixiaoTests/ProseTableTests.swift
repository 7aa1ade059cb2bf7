import Foundation
import Testing

@testable import Jixiao

/// The reader of tables told in sentences (`ProseTable`, seed 001): each phrasing of the grammar, sentences
/// wrapped and broken by pages, a sentence missing a value, and prose it cannot read, reported.
@Suite struct ProseTableTests {
  /// A unit's table told as seed 001 tells it, in three indicators, each with other phrasings.
  static let told = """
    2.部门机构设置及人员构成

    示范区商务局，属于财政全额拨款行政单位，下设 1 个事业单位。

    三、部门单位整体支出绩效分析

    我单位2024 年全年预算金额为100.00 万元，执行金额为

    90.00 万元，执行率为90%，得 9分。

    （一）指标一：

    培训人次：该指标预期指标值大于等于 200人次，年中监控实际

    完成值为 80人次，本次评价培训人次实际完成值为 210人次，该指标完成率为 105%，该指标权重分值为 30分，自评得分 30分。

    （二）指标二：

    项目成本：该指标预期指标值小于等于 50 万元，本次评价项目成本为

    48万元，该指标完成率为 104%，该指标权重分值为 30分，自评得分 30分。

    （三）指标三：

    群众满意度：该指标预期指标值≥95%，年中监控实际完成值为 90%，本次评价该群众满意度指标完成

    率为 96%，该指标完成率为 101.05%。偏差原因：宣传到位。改进措施：继续保持。该指标权重分值为 30分，自评得分 30分。

    四、评价结论

    2024年度部门整体支出绩效自评综合得分 99分，评价结果为“优”。

    五、存在的主要问题

    """

  func tables(_ printed: String) -> [Table] {
    TableReader.read(Array(printed.utf8), file: "决算.txt").compactMap { record in
      if case .table(let table) = record { table } else { nil }
    }
  }

  func extracted(_ printed: String) -> ExtractedTable? {
    for extraction in TableReader.extract(Array(printed.utf8), file: "决算.txt") {
      if case .table(let table) = extraction { return table }
    }
    return nil
  }

  /// Each line of `told` by its number, to say where a value is printed.
  func line(of word: String, in printed: String = told) -> Int? {
    printed.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(word) }.map { $0 + 1 }
  }

  @Test func theSentencesBecomeTheTable() throws {
    let found = tables(Self.told)
    try #require(found.count == 1)
    let table = found[0]
    #expect(table.kind == .unit)
    #expect(table.year == 2024)
    #expect(table.name == "示范区商务局")
    #expect(table.funds?.annualBudget == Rational(decimalText: "100.00"))
    #expect(table.funds?.executed == Rational(decimalText: "90.00"))
    #expect(table.funds?.claimedRate == Rational(decimalText: "0.9"))
    #expect(table.funds?.claimedScore == Rational(9))
    // Not printed: the profile's default weight applies when the table is scored.
    #expect(table.funds?.weight == nil)
    #expect(table.indicators.map(\.name) == ["培训人次", "项目成本", "群众满意度"])
    #expect(table.indicators.map(\.targetText) == [">=200人次", "<=50万元", ">=95%"])
    // The year's actual is this evaluation's (本次评价), never the mid-year figure (年中监控), whatever the
    // clause calls it (`指标完成率为 96%`).
    #expect(table.indicators.map(\.actualText) == ["210人次", "48万元", "96%"])
    #expect(
      table.indicators.map(\.claimedCompletion) == [
        Rational(decimalText: "1.05"), Rational(decimalText: "1.04"), Rational(decimalText: "1.0105"),
      ])
    #expect(table.indicators.map(\.weight) == [Rational(30), Rational(30), Rational(30)])
    #expect(table.indicators.map(\.claimedScore) == [Rational(30), Rational(30), Rational(30)])
    #expect(table.indicators.map(\.explanation) == [nil, nil, "偏差原因：宣传到位。改进措施：继续保持。"])
    #expect(table.claimedTotal == Rational(99))
    #expect(table.claimedGrade == .excellent)
    let result = Scorer(profile: defaultProfile).score(table)
    #expect(result.indicators.allSatisfy { $0.verified })
    #expect(!result.findings.contains { $0.code == .cellUncertain })
  }

  /// Levels are taken where a heading states them, on the first indicator under it, and filled down as a
  /// merged cell is; without such headings (seed 001) the table has none.
  @Test func levelsAreTakenWhereAHeadingStatesThem() throws {
    let printed = Self.told
      .replacingOccurrences(of: "（一）指标一：\n\n培训人次：", with: "一、产出指标\n\n（一）数量指标\n\n1.培训人次：")
      .replacingOccurrences(of: "（三）指标三：\n\n群众满意度：", with: "二、满意度指标\n\n（一）服务对象满意度指标\n\n1.群众满意度：")
    let table = try #require(tables(printed).first)
    #expect(table.indicators.map(\.name) == ["培训人次", "项目成本", "群众满意度"])
    #expect(table.indicators.map(\.level1) == ["产出指标", "产出指标", "满意度指标"])
    #expect(table.indicators.map(\.level2) == ["数量指标", "数量指标", "服务对象满意度指标"])
    // The level headings are no section of the document: the budget's sentence above them is read.
    #expect(table.funds?.annualBudget == Rational(decimalText: "100.00"))
    #expect(tables(Self.told).first?.indicators.allSatisfy { $0.level1 == nil && $0.level2 == nil } == true)
  }

  /// Sentences that say nothing of 整体 tell a project's table, named by its 项目名称 label.
  @Test func withoutASayOf整体TheTableIsAProjects() throws {
    let printed = Self.told
      .replacingOccurrences(of: "示范区商务局，属于财政全额拨款行政单位，下设 1 个事业单位。", with: "项目名称：示范项目")
      .replacingOccurrences(of: "三、部门单位整体支出绩效分析", with: "三、项目绩效分析")
      .replacingOccurrences(of: "部门整体支出绩效自评综合得分", with: "项目自评综合得分")
    let table = try #require(tables(printed).first)
    #expect(table.kind == .project)
    #expect(table.name == "示范项目")
    #expect(table.indicators.count == 3)
  }

  /// A unit named by a label, sealed or not (`单位名称（盖章）：`).
  @Test func aUnitNamedByItsLabel() throws {
    let printed = Self.told.replacingOccurrences(
      of: "示范区商务局，属于财政全额拨款行政单位，下设 1 个事业单位。", with: "单位名称（盖章）：示范区商务局")
    #expect(tables(printed).first?.name == "示范区商务局")
  }

  /// The target's words as the cell grammar reads them, written as a cell prints them.
  @Test(arguments: [
    ("等于100%", "=100%"), ("大于等于 8%", ">=8%"), ("小于等于 214.76 万元", "<=214.76万元"), ("≥95%", ">=95%"),
    ("为≤5 天", "<=5天"), ("不低于 90 分", ">=90分"), ("为 100 家", "100家"), ("：达到 3 个", ">=3个"),
    ("大于等于 1,200人次", ">=1,200人次"),
  ])
  func eachPhrasingOfTheTargetIsRead(phrasing: String, target: String) throws {
    let printed = Self.told.replacingOccurrences(of: "该指标预期指标值大于等于 200人次", with: "该指标预期指标值\(phrasing)")
    let table = try #require(tables(printed).first)
    #expect(table.indicators.first?.targetText?.string == target)
  }

  /// A sentence wraps anywhere (inside a number, its unit, a word) and a page breaks inside it, its page
  /// number printed between: the values read as if printed on one line, each at the line and page where it
  /// starts.
  @Test func wrapsAndPageBreaksInsideSentencesAreJoined() throws {
    let printed = Self.told
      .replacingOccurrences(of: "小于等于 50 万元", with: "小于等\n于 50.\n5 万\n元")
      .replacingOccurrences(
        of: "48万元，该指标完成率为 104%，该指标权重分值为 30分，自评得分 30分。",
        with: "48万元，该指标完成率为 104%，该指标权\n\n- 3 -\n\u{0C}重分值为 3\n0分，自评得分 30\n分。")
    let found = try #require(extracted(printed))
    let indicator = found.table.indicators[1]
    #expect(indicator.targetText == "<=50.5万元")
    #expect(indicator.weight == Rational(30))
    #expect(indicator.claimedScore == Rational(30))
    let weight = try #require(found.values.first { $0.field == .weight && $0.place == .indicator(2) })
    let lines = printed.split(separator: "\n", omittingEmptySubsequences: false)
    let weightLine = try #require(lines.firstIndex { $0.hasPrefix("\u{0C}重分值为") }) + 1
    #expect(weight.location.line == weightLine)
    #expect(weight.location.field == "page 2, line \(weightLine)")
    #expect(found.uncertainCount == 0)
  }

  /// Every value says where it is printed: the seed's weights and scores on the lines that print them.
  @Test func everyValueKnowsItsLine() throws {
    let url = repositoryRoot.appendingPathComponent("Fixtures/documents/001_af34bbe88d11c2e3.txt")
    let found = try #require(extracted(String(decoding: try Data(contentsOf: url), as: UTF8.self)))
    func line(_ field: TableField, _ place: UnreadableNumber.Place) -> Int? {
      found.values.first { $0.field == field && $0.place == place }?.location.line
    }
    #expect(found.table.location.line == 219)
    #expect(line(.name, .table) == 31)
    #expect(line(.fundsAnnualBudget, .funds) == 221)
    #expect(line(.fundsExecuted, .funds) == 223)
    #expect(line(.target, .indicator(2)) == 237)
    #expect(line(.actual, .indicator(2)) == 241)
    #expect(line(.weight, .indicator(8)) == 329)
    #expect(line(.claimedScore, .indicator(8)) == 331)
    #expect(line(.claimedTotal, .table) == 335)
    #expect(line(.claimedGrade, .table) == 337)
  }

  /// An indicator whose sentences give no weight is read without it: the row is reported and unverified,
  /// the table kept.
  @Test func anIndicatorWithoutItsWeightIsReadAndLeftUnverified() throws {
    let printed = Self.told.replacingOccurrences(of: "48万元，该指标完成率为 104%，该指标权重分值为 30分，", with: "48万元，该指标完成率为 104%，")
    let table = try #require(tables(printed).first)
    #expect(table.indicators.count == 3)
    #expect(table.indicators[1].weight == nil)
    #expect(table.indicators[1].claimedScore == Rational(30))
    let result = Scorer(profile: defaultProfile).score(table)
    #expect(!result.indicators[1].verified)
    #expect(result.indicators[0].verified && result.indicators[2].verified)
    #expect(result.findings.contains { $0.code == .weightsMissing })
  }

  /// Only the mid-year figure given: kept as the actual with doubt, the row unverified, never scored as the
  /// year's.
  @Test func theMidYearFigureAloneIsReadWithDoubt() throws {
    let printed = Self.told.replacingOccurrences(of: "本次评价项目成本为\n\n48万元，", with: "年中监控实际完成值为\n\n20万元，")
    let found = try #require(extracted(printed))
    #expect(found.table.indicators[1].actualText == "20万元")
    #expect(found.doubts[.indicator(2)]?[.actual]?.contains("年中监控") == true)
    let result = Scorer(profile: defaultProfile).score(found.table)
    #expect(!result.indicators[1].verified)
    #expect(result.findings.contains { $0.code == .cellUncertain })
  }

  /// Names printed several ways: after the ordinal's colon, after a number, before 该指标 with a comma.
  @Test func theNameIsTheTextBeforeTheTarget() throws {
    let printed = Self.told
      .replacingOccurrences(of: "（一）指标一：\n\n培训人次：", with: "1.培训人次：")
      .replacingOccurrences(of: "（二）指标二：\n\n项目成本：", with: "(2)项目成本，")
      .replacingOccurrences(of: "（三）指标三：\n\n群众满意度：", with: "三、群众满意度:")
    let table = try #require(tables(printed).first)
    #expect(table.indicators.map(\.name) == ["培训人次", "项目成本", "群众满意度"])
    // A name that starts with a decimal keeps it: `1.5` numbers nothing.
    let decimal = try #require(tables(Self.told.replacingOccurrences(of: "培训人次：", with: "1.5万人次培训：")).first)
    #expect(decimal.indicators.first?.name == "1.5万人次培训")
  }

  /// 得 with a number is a score only when 分 follows it: `获得 3 项表彰` in an explanation is none.
  @Test func aNumberAfter得IsAScoreOnlyInPoints() throws {
    let printed = Self.told.replacingOccurrences(of: "偏差原因：宣传到位。", with: "偏差原因：宣传到位，获得 3 项表彰。")
    let table = try #require(tables(printed).first)
    #expect(table.indicators[2].claimedScore == Rational(30))
    #expect(table.indicators[2].explanation == "偏差原因：宣传到位，获得 3 项表彰。改进措施：继续保持。")
  }

  /// Prose the grammar cannot read — targets with no name before them, a 指标值 with no value after it — is
  /// reported as a table in prose, naming its lines and why, never skipped and never read in part.
  @Test func proseItCannotReadIsReportedNeverSkipped() throws {
    let unnamed = """
      1.该指标预期指标值等于100%，本次评价实际完成值为
      100%，该指标权重分值为 8分，自评
      得分 8分。
      2.该指标预期指标值小于等于 214.76 万元，本次评价实际完成值为 200 万元。该指标权重分值为 12 分，自评得分 12
      分。
      """
    let records = TableReader.read(Array(unnamed.utf8), file: "prose.txt")
    #expect(records.count == 1)
    guard case .rejected(let error)? = records.first else {
      Issue.record("\(records)")
      return
    }
    #expect(error.location.line == 1)
    #expect(error.message.english.hasPrefix("a table in prose, not read: lines 1–4 give 2 indicators"), "\(error.message)")
    #expect(error.message.english.contains("at line 1 the indicator whose target is printed there is named nowhere before it"))

    let noValue = Self.told.replacingOccurrences(of: "该指标预期指标值小于等于 50 万元", with: "该指标预期指标值详见附表")
    let reported = TableReader.read(Array(noValue.utf8), file: "prose.txt")
    #expect(reported.count == 1)
    guard case .rejected(let second)? = reported.first else {
      Issue.record("\(reported)")
      return
    }
    #expect(
      second.message.english.contains("at line \(line(of: "项目成本：")!) its 指标值 is followed by no target"), "\(second.message)")
    // One sentence about a score is no table.
    #expect(TableReader.read(Array("该指标预期指标值等于100%，权重分值为8分，自评得分8分。\n".utf8), file: "one.txt").count == 1)
  }

  /// `pdftotext -layout` text: the prose is read as in default output, and the aligned rows of a printed
  /// table (指标值, 权重 and 得分 in its header) are never taken for prose.
  @Test func layoutTextReadsProseAndTakesNoAlignedTableForIt() throws {
    let layout = try String(
      decoding: Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/pdf/forms/L6-xinjiang-unit.layout.txt")),
      as: UTF8.self)
    let alone = try DocumentTextReader.read(bytes: Array(layout.utf8), file: "决算.txt")
    #expect(alone.unread.isEmpty, "\(alone.unread)")
    let printed = Self.told + "\n" + layout
    #expect(DocumentTextReader.isLayoutText(try DocumentText(bytes: Array(printed.utf8), file: "决算.txt")))
    let reading = try DocumentTextReader.read(bytes: Array(printed.utf8), file: "决算.txt")
    #expect(reading.unread.isEmpty, "\(reading.unread)")
    #expect(reading.grids.last?[0, 0].text == "部门整体支出绩效自评表")
    #expect(reading.grids.last?.name == "表\(reading.grids.count)")
    let read = tables(printed)
    #expect(read.count == tables(layout).count + 1)
    #expect(read.contains { $0.name == "示范区商务局" && $0.indicators.count == 3 })
  }

  /// A table told in prose takes its place among the tables the document prints, numbered in order.
  @Test func aTableInProseIsNumberedInTheDocumentsOrder() throws {
    let printed = Self.told + "\n" + DocumentTextReaderTests.flowing
    let reading = try DocumentTextReader.read(bytes: Array(printed.utf8), file: "决算.txt")
    #expect(reading.grids.map(\.name) == ["表1", "表2"])
    #expect(reading.grids.first?[0, 0].text == "部门整体支出绩效自评表")
    #expect(reading.unread.isEmpty)
    #expect(tables(printed).map(\.name) == ["示范区商务局", "示例项目"])
  }
}
