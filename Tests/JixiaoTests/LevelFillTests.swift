import Foundation
import Testing

@testable import Jixiao

/// A flat CSV saved from a sheet whose 一级指标 and 二级指标 are merged cells leaves them blank below their
/// first row: they are filled down within the table (docs/rules.md, "Levels left blank under a merged cell").
@Suite struct LevelFillTests {
  /// The rows of a CSV text, as the reader parses them.
  static func rows(_ text: String) -> [[String]] {
    var parser = CSVParser()
    var rows: [[String]] = []
    let collect = { (row: CSVParser.Row) in if case .fields(let fields, _) = row { rows.append(fields) } }
    parser.feed(Array(text.utf8), collect)
    parser.finish(collect)
    return rows
  }

  /// Rows as CSV text, every cell quoted.
  static func csv(_ rows: [[String]]) -> String {
    rows.map { row in row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }
      .joined(separator: "\n") + "\n"
  }

  static let fixture: [[String]] = {
    let text =
      (try? String(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/csv/three-tables.csv"), encoding: .utf8)) ?? ""
    return rows(String(text.drop(while: { $0 == "\u{FEFF}" })))
  }()

  /// The fixture as a sheet with merged level cells saves it: a level equal to the one on the indicator row
  /// above, in the same table, is blank (a 二级指标 only under the same 一级指标).
  static func merged(_ rows: [[String]]) -> [[String]] {
    let header = rows[0]
    let (id, level1, level2) = (header.firstIndex(of: "表编号")!, header.firstIndex(of: "一级指标")!, header.firstIndex(of: "二级指标")!)
    var result = [header]
    var above: [String]?
    for row in rows.dropFirst() {
      var blanked = row
      let isIndicator = row[level1] != FlatCSVTable.fundsLevel1
      if isIndicator, let above, above[id] == row[id] {
        if row[level1] == above[level1] {
          blanked[level1] = ""
          if row[level2] == above[level2] { blanked[level2] = "" }
        }
      }
      above = isIndicator ? row : nil
      result.append(blanked)
    }
    return result
  }

  static func tables(_ text: String) -> [Table] {
    TableReader.read(Array(text.utf8), file: "t.csv", format: .csv).compactMap {
      if case .table(let table) = $0 { table } else { nil }
    }
  }

  /// The fixture with its level cells merged reads as the fixture: every table equal, levels and their
  /// points included; extract places each filled level on the row that prints it.
  @Test func mergedLevelsReadAsPrintedOnEveryRow() throws {
    let blanked = Self.merged(Self.fixture)
    let blankCount = zip(blanked, Self.fixture).map { zip($0, $1).filter { $0 != $1 }.count }.reduce(0, +)
    #expect(blankCount >= 15, "the test blanks level cells")
    let want = Self.tables(Self.csv(Self.fixture))
    let got = Self.tables(Self.csv(blanked))
    #expect(want.count == 3 && got == want)
    let extracted = TableReader.extract(Array(Self.csv(blanked).utf8), file: "t.csv")
    guard case .table(let first) = extracted.first else { throw ExtractTests.JSONParseFailure() }
    let level1s = first.values.filter { $0.field == .level1 }.map(\.location.line)
    // 产出指标 on line 3 is merged over lines 3 to 5, 成本指标 on line 6 over lines 6 to 8.
    #expect(level1s == [3, 3, 3, 6, 6, 6, 9, 10])
  }

  /// Filling never crosses a table, a structural row or a new 一级指标, and never fills 三级指标.
  @Test func fillsWithinOneTableOnly() {
    let csv = """
      表编号,项目名称,一级指标,二级指标,三级指标,权重
      a,甲,产出指标,数量指标,培训人次,40
      a,甲,,,,30
      a,甲,效益指标,,满意度,30
      b,乙,,,覆盖率,50
      b,乙,满意度指标,满意度指标,满意度,50
      b,乙,总分,,,100
      b,乙,,,补记,0

      """
    let tables = Self.tables(csv)
    #expect(tables.count == 2)
    let first = tables.first?.indicators ?? []
    #expect(first.map(\.level1) == ["产出指标", "产出指标", "效益指标"])
    #expect(first.map(\.level2) == ["数量指标", "数量指标", nil], "a new 一级指标 starts without a 二级指标")
    #expect(first.map(\.name) == ["培训人次", "", "满意度"], "a blank 三级指标 stays blank")
    let second = tables.last?.indicators ?? []
    #expect(second.map(\.level1) == [nil, "满意度指标", nil], "nothing above the table's first row, nor past its total row")
  }

  /// A row that prints nothing of its own besides blank levels is no indicator; one that prints only its
  /// levels keeps them and carries them down.
  @Test func aRowOfLevelsOnlyCarriesThemDown() {
    let csv = """
      项目名称,一级指标,二级指标,三级指标,权重,备注
      甲,产出指标,,,,
      甲,,数量指标,培训人次,50,
      甲,,,,,只有备注
      甲,,,合格率,50,

      """
    let indicators = Self.tables(csv).first?.indicators ?? []
    #expect(indicators.map(\.name) == ["", "培训人次", "合格率"])
    #expect(indicators.map(\.level1) == ["产出指标", "产出指标", "产出指标"])
    #expect(indicators.map(\.level2) == [nil, "数量指标", "数量指标"])
  }
}
