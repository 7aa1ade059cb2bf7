import Foundation
import Testing

@testable import Jixiao

/// The schema declares each field once, and its declarations agree with every reader's use of them.
@Suite struct TableSchemaTests {
  @Test func everyFieldIsDeclaredOnceInItsOrder() {
    #expect(TableSchema.declarations.map(\.field) == TableField.allCases)
    for place in FieldPlace.allCases {
      let members = TableSchema.declarations.filter { $0.place == place }.map(\.member)
      #expect(members.count == Set(members).count, "\(place): a member names one field")
      for declaration in TableSchema.declarations where declaration.place == place {
        #expect(TableSchema.field(member: declaration.member, in: place) == declaration.field)
      }
    }
  }

  /// A header of the flat CSV means one field: no synonym is shared by two of the fields a flat CSV reads.
  @Test func flatCSVHeadersNameOneFieldEach() {
    var seen: [String: TableField] = [:]
    for field in FlatCSVHeader.readable {
      for header in field.declaration.headers {
        let key = TableSchema.headerKey(header)
        #expect(seen[key] == nil || seen[key] == field, "\(header): \(String(describing: seen[key])) and \(field)")
        seen[key] = field
      }
    }
    #expect(FlatCSVHeader.fieldsByHeader.count == seen.count)
    // forms.md's synonyms are among them.
    for (header, field) in [
      ("年度指标值", TableField.target), ("全年实际值", .actual), ("分值权重", .weight), ("指标权重(分)", .weight),
      ("单项得分", .claimedScore), ("未完成原因分析", .explanation), ("指标赋分规则", .rule), ("上年完成值", .lastYear),
    ] {
      #expect(FlatCSVHeader.fieldsByHeader[TableSchema.headerKey(header)] == field, "\(header)")
    }
  }

  /// docs/input.md lists every header the flat CSV reads.
  @Test func theDocumentedHeadersAreTheSchemas() throws {
    let documentation = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/input.md"), encoding: .utf8)
    for field in FlatCSVHeader.readable {
      for header in field.declaration.headers { #expect(documentation.contains(header), "\(field): \(header)") }
    }
  }

  /// Headers are compared without spaces and line breaks, and with full-width brackets folded (forms.md).
  @Test func headersMatchAsFormsPrintThem() {
    #expect(TableSchema.headerKey("指标权重（分）") == TableSchema.headerKey("指标权重(分)"))
    #expect(TableSchema.headerKey("实际完成\n值") == "实际完成值")
    #expect(TableSchema.headerKey(" 分　值 ") == "分值")
    let header = FlatCSVHeader(["项目名称", "三级\n指标", "分 值", "指标权重（分）"])
    #expect(header.fields == [.name, .indicatorName, .weight, .weight])
  }

  /// A member of several places (`weight` of the funds block and of an indicator) has one kind and one
  /// label, which `NumberField` reports.
  @Test func aNumberMemberHasOneKindAndLabelEverywhere() {
    for field in NumberField.allCases {
      let declarations = TableSchema.declarations.filter { $0.member == field.rawValue }
      #expect(!declarations.isEmpty)
      for declaration in declarations {
        #expect(declaration.value == .number(field.kind), "\(declaration.field)")
        #expect(declaration.label == field.label, "\(declaration.field)")
      }
    }
  }

  /// Each optional column is the indicator field of its name; each has its own bit.
  @Test func optionalColumnsAreTheirFields() {
    for column in Indicator.OptionalColumn.allCases {
      let field = TableSchema.field(member: column.rawValue, in: .indicator)
      #expect(field.flatMap(Indicator.OptionalColumn.init) == column)
    }
    #expect(Set(Indicator.OptionalColumn.allCases.map(\.bit)).count == Indicator.OptionalColumn.allCases.count)
    #expect(TableField.allCases.compactMap(Indicator.OptionalColumn.init).count == Indicator.OptionalColumn.allCases.count)
  }

  /// A container's member is its case's name, as the format documents it.
  @Test func containerMembersAreTheirCaseNames() {
    for container in TableSchema.Container.allCases { #expect(container.member == "\(container)") }
  }

  @Test func totalRowLabels() {
    for label in ["总分", "合计", " 得分合计 ", "总 计"] { #expect(TableSchema.isTotalRowLabel(label), "\(label)") }
    for label in ["总体满意度", "产出指标", "", "合格率"] { #expect(!TableSchema.isTotalRowLabel(label), "\(label)") }
  }
}

/// Every reader builds through one `TableBuilder`: the same table read from JSON, from JSON Lines (the direct
/// decoder) and from a flat CSV is the same table, defects included.
@Suite struct TableBuilderTests {
  static let json = """
    {"id": "t", "name": "甲项目", "year": 2024, "claimedTotal": 100, "claimedGrade": "优",
     "funds": {"initialBudget": "100", "annualBudget": "100", "executed": "90", "weight": 10, "claimedRate": "90%", "claimedScore": 9},
     "indicators": [
      {"level1": "产出指标（50分）", "level2": "数量指标", "name": "次数", "weight": "10（分）", "target": ">=5次", "actual": "5次", "claimedScore": 10, "evidence": "资料"},
      {"level1": "产出指标（50分）", "level2": "质量指标", "weight": 40, "target": "=100%", "actual": "100%", "claimedScore": 40, "evidence": "资料"},
      {"level1": "效益指标", "level2": "社会效益指标", "name": "影响", "weight": 40, "target": "有效", "actual": "有效", "claimedScore": 41, "evidence": "资料"}
     ]}
    """

  static let csv = """
    表编号,项目名称,年度,一级指标,二级指标,三级指标,权重,目标值,业绩值,完成率,指标得分,佐证资料,年初预算数,等级
    t,甲项目,2024,预算执行率,,,10,100,90,90%,9,,100,
    t,甲项目,2024,产出指标（50分）,数量指标,次数,10（分）,>=5次,5次,,10,资料,,
    t,,2024,产出指标（50分）,质量指标,,40,=100%,100%,,40,资料,,
    t,甲项目,2024,效益指标,社会效益指标,影响,40,有效,有效,,41,资料,,
    t,甲项目,2024,总分,,,100,,,,100,,,优

    """

  static func tables(_ text: String, format: InputFormat) -> [Table] {
    TableReader.read(Array(text.utf8), file: "t.\(format.rawValue)", format: format).compactMap {
      if case .table(let table) = $0 { return table }
      return nil
    }
  }

  /// What a table says, apart from where it was read.
  static func content(_ table: Table) -> String {
    let indicators = table.indicators.map { item in
      [
        "\(item.index)", item.level1?.string ?? "-", item.level2?.string ?? "-", item.displayName,
        "\(String(describing: item.weight))", item.targetText?.string ?? "-", item.actualText?.string ?? "-",
        "\(String(describing: item.claimedScore))", item.evidence?.string ?? "-",
      ].joined(separator: "|")
    }
    return
      ([
        table.id, table.name.string, "\(String(describing: table.year))", "\(String(describing: table.claimedTotal))",
        "\(String(describing: table.claimedGrade))", "\(String(describing: table.funds))", "\(table.unreadableNumbers)",
        "\(table.notes)", "\(table.levelWeights)",
      ] + indicators).joined(separator: "\n")
  }

  @Test func everyReaderBuildsTheSameTable() throws {
    let fromJSON = try #require(Self.tables(Self.json, format: .json).first)
    let line = Self.json.replacingOccurrences(of: "\n", with: " ")
    let direct = try #require(
      Array(line.utf8).withUnsafeBufferPointer {
        DirectTableDecoder.decode($0, at: SourceLocation(file: "t.jsonl", line: 1), defaultID: "d")
      })
    let fromCSV = try #require(Self.tables(Self.csv, format: .csv).first)
    #expect(Self.content(direct) == Self.content(fromJSON))
    #expect(Self.content(fromCSV) == Self.content(fromJSON))
    // What the builder made of the defects: a refused weight, an unnamed row, a level's points.
    #expect(fromJSON.unreadableNumbers == [UnreadableNumber(place: .indicator(1), field: .weight, text: "10（分）", refusal: .form)])
    #expect(fromJSON.notes == [ReadingNote(place: .indicator(2), field: .indicatorName, problem: .missingName(found: nil))])
    #expect(fromJSON.levelWeights == [LevelWeight(level1: "产出指标", level2: nil, points: Rational(50))])
    #expect(fromJSON.indicators.map(\.level1) == ["产出指标", "产出指标", "效益指标"])
  }

  /// Before, a blank 三级指标 or a weight `10（分）` rejected the table (issue 17, item 5); now each costs its
  /// row: a finding there, the row unverified with its claim, the rest scored.
  @Test func aBadRowCostsTheRowNotTheTable() throws {
    for table in [Self.tables(Self.json, format: .json)[0], Self.tables(Self.csv, format: .csv)[0]] {
      let result = Scorer(profile: defaultProfile).score(table)
      #expect(keys(result).contains("cell.unparseable@1"))
      #expect(keys(result).contains("name.missing@2"))
      #expect(result.indicators.map(\.verified) == [false, false, true])
      #expect(result.indicators[1].name == "（未填指标名称）")
      #expect(result.indicators[1].score == "40.00", "keeps its claim")
      #expect(result.unverifiedPoints == "50.00")
      #expect(result.findings.first { $0.code == .nameMissing }?.message.contains("保留自评得分 40.00 分") == true)
      // 产出指标（50分） is 产出: the structure check sees it, and its points are checked.
      #expect(result.findings.first { $0.code == .missingLevel1 }?.message == "项目表缺少一级指标：满意度指标", "产出 is there")
      #expect(!keys(result).contains("weights.level-sum"), "产出 prints 50; one of its weights is unreadable: not checked")
    }
  }

  /// The 总分 row of a flat CSV is the claimed total and grade, not an indicator (before: a rejection).
  @Test func aTotalRowIsTheClaimedTotal() throws {
    let table = try #require(Self.tables(Self.csv, format: .csv).first)
    #expect(table.claimedTotal == Rational(100))
    #expect(table.claimedGrade == .excellent)
    #expect(table.indicators.count == 3)
    let text = "项目名称,三级指标,权重,目标值,业绩值,指标得分,偏差原因分析及改进措施\n甲,次数,100,>=1次,1次,100,\n甲,合计,100,,,95,良\n甲,得分合计,,,,,见附件\n"
    let other = try #require(Self.tables(text, format: .csv).first)
    #expect(other.claimedTotal == Rational(95) && other.claimedGrade == .good && other.indicators.count == 1)
    #expect(
      other.notes == [
        ReadingNote(place: .table, field: nil, problem: .ignoredCell(row: .total, header: "偏差原因分析及改进措施", text: "见附件"))
      ])
  }

  /// Issue 17: 项目名称 left blank below its first row (a merged cell saved as CSV) made the budget row a table
  /// of its own, "自评 94.00 分 → 复核 9.91 分（差）".
  @Test func rowsWithABlankNameGoOnWithTheTableAbove() throws {
    let text = """
      项目名称,年度,一级指标,二级指标,三级指标,权重,目标值,业绩值,指标得分
      甲,2024,预算执行率,,,10,100,99.1,9.91
      ,2024,产出指标,数量指标,次数,90,>=1次,1次,90
      ,2024,总分,,,100,,,99.91
      乙,2024,产出指标,数量指标,次数,100,>=1次,1次,100

      """
    let tables = Self.tables(text, format: .csv)
    #expect(tables.map(\.name) == ["甲", "乙"])
    let result = Scorer(profile: defaultProfile).score(tables[0])
    #expect(result.recomputedTotal == "99.91")
    #expect(result.claimedTotal == "99.91")
    // A table of only a funds row is no table: refused, never scored as 9.91（差）.
    let fundsOnly = TableReader.read(Array("项目名称,一级指标,三级指标,权重,目标值,业绩值\n丙,预算执行率,,10,100,99\n".utf8), file: "t.csv", format: .csv)
    guard case .rejected(let error) = fundsOnly.first else {
      Issue.record("expected a rejection: \(fundsOnly)")
      return
    }
    #expect(error.message.english.contains("no indicator"))
  }

  /// A column jixiao does not read is said once for each table that fills it, with its header and letter.
  @Test func unknownColumnsAreReportedForTheTablesThatFillThem() throws {
    let text = "项目名称,三级指标,权重,指标性质,指标值,度量单位,业绩值,备注\n甲,次数,100,≧,735,人次,800人次,\n甲,天数,0,≦,5,天,4天,\n乙,次数,100,,>=1次,,1次,\n"
    let tables = Self.tables(text, format: .csv)
    #expect(tables.count == 2)
    let findings = Scorer(profile: defaultProfile).score(tables[0]).findings.filter { $0.code == .columnIgnored }
    #expect(findings.count == 2)
    #expect(findings.map(\.message).allSatisfy { $0.contains("未读入") })
    #expect(findings.first?.message.contains("“指标性质”列（第 D 列）") == true)
    #expect(findings.last?.message.contains("“度量单位”列（第 F 列）") == true)
    #expect(!keys(Scorer(profile: defaultProfile).score(tables[1])).contains("column.ignored"), "乙 fills neither, nor 备注")
  }

  /// Issue 17, item 6: "a table without a 佐证资料 column got seven evidence.missing findings because another
  /// table in the same file has the column". In a CSV a column is a table's when one of its rows fills it.
  @Test func optionalColumnsBelongToEachTable() throws {
    let text = """
      项目名称,三级指标,权重,目标值,业绩值,佐证资料
      甲,次数,50,>=1次,1次,工作资料
      甲,天数,50,>=1天,1天,
      乙,次数,50,>=1次,1次,
      乙,天数,50,>=1天,1天,

      """
    let tables = Self.tables(text, format: .csv)
    #expect(tables.map { $0.columns.contains(.evidence) } == [true, false])
    #expect(keys(Scorer(profile: defaultProfile).score(tables[0])).contains("evidence.missing@2"))
    #expect(!keys(Scorer(profile: defaultProfile).score(tables[1])).contains { $0.hasPrefix("evidence.missing") })
    // JSON says it with the key, even null.
    let json = try table(projectJSON(#"{"name": "次数", "weight": 100, "target": ">=1次", "actual": "1次", "evidence": null}"#))
    #expect(json.columns.contains(.evidence))
  }

  /// Values arrive with where they came from; a builder asked to keeps it.
  @Test func provenanceIsKeptWhenAsked() throws {
    var builder = TableBuilder(location: SourceLocation(file: "表.xlsx"), defaultID: "x", recordingProvenance: true)
    builder.beginIndicator(at: SourceLocation(file: "表.xlsx", line: 7))
    builder.set(.indicatorName, .text("次数"), at: SourceLocation(file: "表.xlsx", line: 7, field: "Sheet1!C7"))
    builder.set(.weight, .text("10"), at: SourceLocation(file: "表.xlsx", line: 7, field: "Sheet1!D7"))
    #expect(builder.provenance?.map(\.location.field) == ["Sheet1!C7", "Sheet1!D7"])
    #expect(builder.provenance?.map(\.place) == [.indicator(1), .indicator(1)])
    #expect(builder.provenance?.map(\.value) == [.text("次数"), .text("10")], "the value as given, for jixiao extract")
    let table = try builder.build().get()
    #expect(table.indicators.first?.weight == Rational(10))
    var quiet = TableBuilder(location: SourceLocation(file: "t"), defaultID: "x")
    quiet.set(.name, .text("甲"), at: SourceLocation(file: "t", line: 1))
    #expect(quiet.provenance == nil)
  }

  /// `set(_:indicatorText:)` (a workbook's shared strings, kept without a copy) is `set(_:_:)` with the text's
  /// string: every field of an indicator's row, texts blank, spaced, long and over the limit, builds the same table.
  @Test func anIndicatorTextSetAsTableTextIsSetAsItsString() throws {
    let long = String(repeating: "有", count: Limits.maximumCellLength + 1)
    let texts = ["次数", "", "  ", " 甲\n", "10", "10%", "定性", "优", "≥1次", "—", long, String(long.dropFirst())]
    let fields = TableField.allCases.filter { $0.declaration.place == .indicator }
    #expect(fields.contains(.indicatorName) && fields.contains(.weight))
    for field in fields {
      for text in texts {
        func built(_ set: (inout TableBuilder) -> Void) -> Result<Table, InputError> {
          var builder = TableBuilder(location: SourceLocation(file: "t"), defaultID: "x")
          builder.beginIndicator(at: SourceLocation(file: "t", line: 1))
          if field != .indicatorName { builder.set(.indicatorName, .text("甲")) }
          set(&builder)
          return builder.build()
        }
        let expected = built { $0.set(field, .text(text)) }
        let found = built { $0.set(field, indicatorText: TableText(text)) }
        #expect(found == expected, "\(field) \(text.prefix(8))")
      }
    }
  }

  /// A text longer than the cell limit is refused for its cell, never cut, and never costs the table.
  @Test func aLongTextIsRefusedForItsCell() throws {
    let long = String(repeating: "有", count: Limits.maximumCellLength + 1)
    let table = try table(projectJSON(#"{"name": "次数", "weight": 100, "target": "\#(long)", "actual": "1次"}"#))
    #expect(table.indicators[0].targetText == nil)
    #expect(table.notes == [ReadingNote(place: .indicator(1), field: .target, problem: .tooLong(characters: 4097))])
  }
}

/// Issue 17, item 7: weights adding up to 110 gave the headline "复核 110.00 分（优） 少报 10.00 分".
@Suite struct WeightsOffScaleTests {
  static let table = projectJSON(
    #"{"level1": "产出指标", "level2": "数量指标", "name": "甲", "weight": 60, "target": ">=1次", "actual": "1次", "claimedScore": 60}"#,
    #"{"level1": "效益指标", "level2": "社会效益指标", "name": "乙", "weight": 40, "target": ">=1次", "actual": "1次", "claimedScore": 40}"#,
    funds: #"{"annualBudget": "100", "executed": "100", "weight": 10, "claimedScore": 10}"#,
    extra: #""claimedTotal": 100, "claimedGrade": "优""#)

  @Test func aTotalOverAHundredIsNeitherGradedNorCompared() throws {
    let result = try score(Self.table)
    #expect(result.recomputedTotal == "110.00")
    #expect(result.weightsOffScale == Rational(110))
    #expect(result.recomputedGrade == nil)
    #expect(result.overClaimed == nil)
    #expect(keys(result).contains("weights.sum"))
    #expect(!keys(result).contains("total.over-claimed") && !keys(result).contains("grade.inflated"))
    let headline = TextReport.summaryLine(result)
    #expect(headline.contains("权重合计 110.00 分，不是 100"), "\(headline)")
    #expect(!headline.contains("少报") && !headline.contains("多报") && !headline.contains("复核 110.00 分（"))
    #expect(ResultJSON.encode(result).contains(#""weightsOffScale":"110.00""#))
    #expect(ResultJSON.encode(result).contains(#""overClaimed":null"#))
  }

  /// The HTML section and the Markdown row say why there is no grade and no 多报/少报, as the text does.
  @Test func everyWriterSaysWhyThereIsNoGrade() throws {
    let result = try score(Self.table)
    let note = "权重合计 110.00 分，不是 100：不评等级，不比总分"
    let section = HTMLReport.section(result)
    let summary = try #require(section.range(of: "</summary>").map { section[..<$0.lowerBound] })
    #expect(summary.contains("（\(note)）"), "\(summary)")
    #expect(MarkdownSummary.row(result).contains("110.00（\(note)）"))
    let onScale = try score(Self.table.replacingOccurrences(of: #""weight": 40"#, with: #""weight": 30"#))
    #expect(!HTMLReport.section(onScale).contains("权重合计") && !MarkdownSummary.row(onScale).contains("权重合计"))
  }

  @Test func aTableOnTheHundredScaleIsComparedAsBefore() throws {
    let result = try score(Self.table.replacingOccurrences(of: #""weight": 40"#, with: #""weight": 30"#))
    #expect(result.weightsOffScale == nil)
    #expect(result.recomputedGrade == .excellent)
    #expect(result.overClaimed == "0.00")
    #expect(!TextReport.summaryLine(result).contains("权重合计"))
    #expect(!ResultJSON.encode(result).contains("weightsOffScale"))
  }

  /// A weight that is not known leaves the sum unknown: the total is compared as before, with its
  /// unverified points.
  @Test func anUnknownWeightLeavesTheComparison() throws {
    let result = try score(Self.table.replacingOccurrences(of: #""weight": 40, "#, with: ""))
    #expect(result.weightsOffScale == nil)
    #expect(result.recomputedGrade != nil)
  }

  /// The year read on bytes agrees with its definition on characters, and a kind is found by its name.
  /// A source row's default name, made once for the first rows, is `sourceName` of its position for every row.
  @Test func defaultSourceNamesAreTheirDefinition() {
    for offset in 0..<20 {
      #expect(TableBuilder.defaultSourceName(offset) == TableText(TableBuilder.sourceName(offset)), "\(offset)")
    }
    var builder = TableBuilder(location: SourceLocation(file: "t"), defaultID: "t")
    builder.beginIndicator(at: SourceLocation(file: "t"))
    builder.set(.indicatorName, .text("i"))
    for _ in 0..<10 { builder.beginSource() }
    guard case .success(let table) = builder.build() else {
      Issue.record("no table")
      return
    }
    #expect(table.funds?.sources.map(\.name.string) == (1...10).map { "资金来源\($0)" })
  }

  @Test func aYearReadsAsItsDefinition() {
    var texts = ["2023", "2023年度", "２０２３", "0000", "999", "20234", " 2023", "2023 ", "二〇二三", "", "12a4", "1e3"]
    let alphabet = Array("0123456789２年度 -a") as [Character]
    var generator = SplitMix(seed: 43)
    for _ in 0..<5_000 {
      let length = Int(generator.next() % 7)
      texts.append(String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
    }
    for text in texts { #expect(TableBuilder.year(text) == TableBuilder.yearByCharacters(text), "\(text)") }
    #expect(TableBuilder.year("2024") == 2024)
    for (name, kind) in TableBuilder.kinds { #expect(TableBuilder.kind(name).map { $0 == kind } == true, "\(name)") }
    for other in ["Project", "units", "", "project-targets"] { #expect(TableBuilder.kind(other) == nil, "\(other)") }
  }

  /// Each row keeps the location it began at: the builder moves a row's location into its indicator, and
  /// the next row (or a row that is no indicator) never shows the one moved out.
  @Test func eachIndicatorKeepsItsRowsLocation() throws {
    var builder = TableBuilder(location: SourceLocation(file: "t.json"), defaultID: "x")
    for (line, name) in [(3, "甲"), (4, ""), (5, "乙"), (6, "丙")] {
      builder.beginIndicator(at: SourceLocation(file: "t.json", line: line, field: "indicators[\(line)]"))
      if !name.isEmpty { builder.set(.indicatorName, .text(name)) }
    }
    // A text set again on the same row replaces the first (the draft stores over a text already there).
    builder.set(.indicatorName, .text("丁"))
    builder.set(.target, .text(">=1次"))
    builder.set(.target, .text(">=2次"))
    let table = try builder.build().get()
    #expect(table.indicators.map(\.name) == ["甲", "乙", "丁"] && table.indicators[2].targetText == ">=2次")
    #expect(table.indicators.map(\.location.line) == [3, 5, 6])
    #expect(table.indicators.map(\.location.field) == ["indicators[3]", "indicators[5]", "indicators[6]"])
    #expect(table.indicators.allSatisfy { $0.location.file == "t.json" })
  }

  /// A row's level names lose their points as `LevelLabel.splitByCharacters` (the definition) splits them, and
  /// the points become the table's level weights: the builder tells most names have none in place, on their
  /// last bytes, before it splits a copy. Held on generated texts (spaces, brackets, marks and scripts the byte
  /// paths and the characters read differently) and on labels as forms print them.
  @Test func aRowsLevelNamesAreSplitAsTheirDefinition() throws {
    let labels = [
      "产出指标（50分）", "效益指标(30分)", " 满意度指标（10） ", "成本指标（万元）", "产出指标", "产出指标\u{3000}", "质量指标（5分)",
      "数量指标 (20)", "（20分）", "效益指标（30分）\n", "时效指标)", "产出指标（五十分）", "",
    ]
    let texts =
      labels + TableTextTests.generated(count: 1500, seed: 10).map { $0 + ["", "（10分）", "(5)", ")", "）"][$0.utf8.count % 5] }
    for (level1, level2) in zip(texts, texts.reversed()) {
      var builder = TableBuilder(location: SourceLocation(file: "t.json"), defaultID: "x")
      builder.beginIndicator(at: SourceLocation(file: "t.json", line: 1))
      builder.set(.level1, .text(level1))
      builder.set(.level2, .text(level2))
      builder.set(.indicatorName, .text("甲"))
      let table = try builder.build().get()
      let split1 = LevelLabel.splitByCharacters(level1)
      let split2 = LevelLabel.splitByCharacters(level2)
      let name1 = split1?.name ?? level1
      let shown = "\(level1.debugDescription) \(level2.debugDescription)"
      #expect(table.indicators[0].level1?.string == name1, "\(shown)")
      #expect(table.indicators[0].level2?.string == split2?.name ?? level2, "\(shown)")
      var weights: [LevelWeight] = []
      if let split1 { weights.append(LevelWeight(level1: name1, level2: nil, points: split1.points)) }
      if let split2 { weights.append(LevelWeight(level1: name1, level2: split2.name, points: split2.points)) }
      #expect(table.levelWeights == weights, "\(shown)")
    }
  }

  /// A table's optional columns come from sets made once per combination of their bits: each is the set of
  /// the columns whose bit it has (its definition), and every column has its own bit, within the six the
  /// sets cover.
  @Test func columnSetsAreTheColumnsOfTheirBits() {
    let all = Indicator.OptionalColumn.allCases
    #expect(Set(all.map(\.bit)).count == all.count && all.allSatisfy { $0.bit.nonzeroBitCount == 1 && $0.bit < 64 })
    #expect(TableBuilder.columnSets.count == 64)
    for bits in 0..<64 {
      #expect(TableBuilder.columnSets[bits] == Set(all.filter { Int($0.bit) & bits != 0 }), "\(bits)")
    }
    var builder = TableBuilder(location: SourceLocation(file: "t.json"), defaultID: "x")
    builder.beginIndicator(at: SourceLocation(file: "t.json", line: 1))
    builder.set(.indicatorName, .text("甲"))
    builder.set(.evidence, .text("清单"))
    builder.set(.lastYear, .null)
    #expect((try? builder.build().get())?.columns == [.evidence, .lastYear])
  }
}
