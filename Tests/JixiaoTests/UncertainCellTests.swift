import Foundation
import Testing

@testable import Jixiao

/// A reader of document text may put a piece of text in a cell without being sure it belongs there
/// (`GridCell.doubt`). Such a value is kept and shown, its row is unverified with `cell.uncertain`, and
/// `extract` names it; a cell that knows where the document printed it (`GridCell.origin`) is located there.
@Suite struct UncertainCellTests {
  static let form = """
    项目支出绩效自评表
    项目名称,测试项目
    项目资金,年初预算数,全年预算数,全年执行数,分值,执行率,得分
    年度资金总额,100,100,90,10,90%,9
    一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分
    产出指标,数量指标,培训人次,>=100人次,80人次,50,50
    效益指标,社会效益指标,服务对象满意度,>=90%,95%,40,40
    总分,,,,,100,99

    """

  /// The grid of `form`, with the doubts and origins given by cell (`F6` is 培训人次's weight).
  static func grid(doubts: [String: String] = [:], origins: [String: Jixiao.SourceLocation] = [:]) throws -> Grid {
    var grid = try CSVGridReader.read(bytes: Array(form.utf8), file: "决算.txt")
    for (reference, doubt) in doubts {
      let place = try #require(CellReference(reference))
      grid[place].doubt = doubt
    }
    for (reference, origin) in origins {
      let place = try #require(CellReference(reference))
      grid[place].origin = origin
    }
    return grid
  }

  static func score(_ grid: Grid) throws -> (Table, TableResult) {
    let form = try #require(FormLocator().forms(in: grid).first)
    let table = try PrintedFormTable(form: form, number: 1).build().get()
    return (table, Scorer(profile: defaultProfile).score(table))
  }

  @Test func aCertainGridScoresEveryRow() throws {
    let (_, result) = try Self.score(Self.grid())
    #expect(result.indicators.allSatisfy { $0.verified })
    #expect(result.funds?.verified == true)
    #expect(!result.findings.contains { $0.code == .cellUncertain })
    // 80 of ≥100 人次 earns 40 of 50: the over-claim is found.
    #expect(result.findings.contains { $0.code == .scoreOverClaimed })
  }

  @Test func anUncertainCellLeavesItsRowUnverifiedWithAFinding() throws {
    let (table, result) = try Self.score(Self.grid(doubts: ["E6": "续行文字按位置归入此栏"]))
    #expect(table.indicators[0].actualText == "80人次", "the value is kept as read")
    let first = result.indicators[0]
    #expect(!first.verified)
    #expect(first.score == Hundredths(50), "the claim is kept")
    #expect(result.indicators[1].verified)
    let uncertain = result.findings.filter { $0.code == .cellUncertain }
    #expect(uncertain.count == 1)
    #expect(uncertain.first?.location == .indicator(index: 1, name: "培训人次"))
    #expect(uncertain.first?.message.contains("续行文字按位置归入此栏") == true)
    #expect(uncertain.first?.severity == .warning)
    // No over-claim is reported from a value the reader is not sure of.
    #expect(!result.findings.contains { $0.code == .scoreOverClaimed })
    #expect(result.unverifiedPoints == Hundredths(50))
  }

  @Test func anUncertainFundsCellLeavesTheFundsRowUnverified() throws {
    let (_, result) = try Self.score(Self.grid(doubts: ["D4": "页末与下页拼接"]))
    #expect(result.funds?.verified == false)
    #expect(result.funds?.score == Hundredths(9))
    #expect(result.findings.contains { $0.code == .cellUncertain && $0.location == .funds })
  }

  @Test func aCellsOriginIsWhereItIsLocated() throws {
    let printed = Jixiao.SourceLocation(file: "决算.txt", line: 931, field: "第 6 页")
    let grid = try Self.grid(origins: ["E6": printed])
    let e6 = try #require(CellReference("E6"))
    #expect(grid.location(of: e6) == printed)
    let form = try #require(FormLocator().forms(in: grid).first)
    var builder = PrintedFormTable(form: form, number: 1).makeBuilder(recordingProvenance: true)
    PrintedFormTable(form: form, number: 1).fill(&builder)
    let actual = try #require(builder.provenance?.first { $0.field == .actual })
    #expect(actual.location == printed)
  }

  @Test func extractCountsAndNamesUncertainValues() throws {
    let grid = try Self.grid(doubts: ["E6": "续行文字按位置归入此栏"])
    let form = try #require(FormLocator().forms(in: grid).first)
    let reader = PrintedFormTable(form: form, number: 1)
    var builder = reader.makeBuilder(recordingProvenance: true)
    reader.fill(&builder)
    let values = builder.provenance ?? []
    let extracted = ExtractedTable(table: try builder.build().get(), values: values)
    #expect(extracted.uncertainCount == 1)
    #expect(extracted.unreadableCount == 0)
    let json = String(decoding: ExtractJSON.document([extracted]), as: UTF8.self)
    #expect(json.contains(#""uncertain":1"#))
    #expect(json.contains(#""uncertainCells":{"indicators[1].actual":"续行文字按位置归入此栏"}"#))
  }
}
