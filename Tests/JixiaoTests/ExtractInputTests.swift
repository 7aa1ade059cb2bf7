import Foundation
import Testing

@testable import Jixiao

/// `jixiao extract` of what is read as written — JSON documents, JSON Lines, flat CSV: each value as the
/// input gave it, with its line and column, and the JSON rescores as the input does.
@Suite struct ExtractInputTests {
  /// Every input of the differential test: the fixtures' tables, the corpus, the flat CSV in three encodings.
  static let inputs: [String] = {
    let fixtures = repositoryRoot.appendingPathComponent("Fixtures")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
    let tables = names.sorted().filter { FileManager.default.fileExists(atPath: fixtures.path + "/\($0)/table.json") }
    let csv = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path + "/csv")) ?? []).filter {
      $0.hasSuffix(".csv")
    }
    return tables.map { "Fixtures/\($0)/table.json" } + ["Fixtures/corpus.jsonl"] + csv.sorted().map { "Fixtures/csv/\($0)" }
  }()

  /// A table as compared across inputs: where it and its rows were read from, and the encoding it was
  /// saved in, set aside (the JSON is another file, in UTF-8).
  static func placeless(_ table: Table) -> Table {
    var copy = table
    copy.location = SourceLocation(file: "")
    copy.sourceEncoding = .utf8
    for index in copy.indicators.indices { copy.indicators[index].location = SourceLocation(file: "") }
    return copy
  }

  static func placeless(_ result: TableResult) -> TableResult {
    var copy = result
    copy.location = SourceLocation(file: "")
    copy.sourceEncoding = .utf8
    return copy
  }

  static func tables(_ extractions: [TableReader.Extraction]) -> [ExtractedTable] {
    extractions.compactMap { if case .table(let table) = $0 { table } else { nil } }
  }

  /// The JSON extract writes, read back, gives the same tables and the same results as the input,
  /// record for record; the records the input rejects, extract rejects too.
  @Test(arguments: inputs)
  func theJSONScoresAsTheInput(path: String) throws {
    let bytes = try Array(Data(contentsOf: repositoryRoot.appendingPathComponent(path)))
    let original = TableReader.read(bytes, file: path)
    let extractions = TableReader.extract(bytes, file: path)
    #expect(extractions.count == original.count && !original.isEmpty)
    for (record, extraction) in zip(original, extractions) {
      switch (record, extraction) {
      case (.rejected(let want), .rejected(let got)): #expect(got == want)
      case (.table, .table): continue
      default: Issue.record("\(path): \(record) / \(extraction)")
      }
    }
    let json = ExtractJSON.document(Self.tables(extractions))
    let reread = TableReader.read(json, file: "extracted.json")
    let originalTables = original.compactMap { if case .table(let table) = $0 { table } else { nil } }
    #expect(reread.count == originalTables.count)
    let scorer = Scorer(profile: defaultProfile)
    for (want, record) in zip(originalTables, reread) {
      guard case .table(let got) = record else {
        Issue.record("\(path): \(record)")
        continue
      }
      #expect(Self.placeless(got) == Self.placeless(want), "\(path) \(want.id)")
      #expect(Self.placeless(scorer.score(got)) == Self.placeless(scorer.score(want)), "\(path) \(want.id)")
    }
  }

  /// The first table of `text` extracted as `file`, and its JSON object as written.
  static func extracted(_ text: String, file: String) throws -> (
    table: ExtractedTable, object: JSONObject, cells: [String: String]
  ) {
    let table = try #require(tables(TableReader.extract(Array(text.utf8), file: file)).first)
    guard case .array(let written) = try JSONParser.parse(ExtractJSON.document([table])),
      case .object(let object)? = written.first
    else { throw ExtractTests.JSONParseFailure() }
    return (table, object, ExtractTests.cells(object))
  }

  static func indicators(_ object: JSONObject) -> [JSONObject] {
    guard case .array(let elements)? = object["indicators"] else { return [] }
    return elements.compactMap { if case .object(let indicator) = $0 { indicator } else { nil } }
  }

  /// A JSON value is written as the input wrote it: a number as its literal (not as a string), a string
  /// as a string even when it holds a number, a value of another type as its JSON; and each value's
  /// place is its member's line and column (in bytes, as the parser's messages count: 培训人次 is 12).
  @Test func writesJSONValuesAsWrittenWithTheirLineAndColumn() throws {
    let document = """
      {
        "id": "t1", "name": "测试项目", "year": 2023, "claimedTotal": 9.50e1,
        "remark": ["ignored"],
        "indicators": [
          {"name": "培训人次", "weight": 10.00, "target": ">=100 人次", "actual": "120 人次", "claimedScore": "10"},
          {"name": "满意度", "weight": "90", "target": true, "actual": [1, {"a": "b"}], "evidence": null}
        ]
      }
      """
    let (table, object, cells) = try Self.extracted(document, file: "t.json")
    #expect(object["year"] == .number("2023") && object["claimedTotal"] == .number("9.50e1"))
    #expect(object["remark"] == nil)
    let indicators = Self.indicators(object)
    #expect(indicators.count == 2)
    #expect(indicators[0]["weight"] == .number("10.00") && indicators[0]["claimedScore"] == .string("10"))
    #expect(indicators[1]["weight"] == .string("90") && indicators[1]["target"] == .bool(true))
    #expect(
      indicators[1]["actual"]
        == .array([.number("1"), .object(JSONObject(members: [.init(key: "a", value: .string("b"), line: 1)], line: 1))]))
    #expect(indicators[1]["evidence"] == .null && indicators[0]["evidence"] == .null)
    #expect(cells["id"] == "line 2, column 3" && cells["year"] == "line 2, column 39")
    #expect(cells["indicators[1].weight"] == "line 5, column 30")
    #expect(cells["indicators[2].actual"] == "line 6, column 59")
    #expect(table.unreadableCount == 2, "the boolean target and the array actual are refused, and again when rescored")
  }

  /// The goals block is written back with each text's place; goals of another shape are written back as
  /// the expected goals, refused again when rescored (a note, never the table).
  @Test func writesTheGoalsWithTheirPlaces() throws {
    let document = """
      {"name": "测试项目", "goals": {"expected": "培训 100 人次", "actual": null},
       "indicators": [{"name": "培训人次", "weight": 100}]}
      """
    let (_, object, cells) = try Self.extracted(document, file: "t.json")
    guard case .object(let goals)? = object["goals"] else {
      Issue.record("no goals written: \(object)")
      return
    }
    #expect(goals["expected"] == .string("培训 100 人次") && goals["actual"] == .null)
    #expect(cells["goals.expected"] == "line 1, column 36" && cells["goals.actual"] == "line 1, column 69")

    let odd = #"{"name": "测试项目", "goals": ["甲"], "indicators": [{"name": "培训人次", "weight": 100}]}"#
    let (table, written, _) = try Self.extracted(odd, file: "t.json")
    #expect(table.unreadableCount == 1)
    guard case .object(let oddGoals)? = written["goals"] else {
      Issue.record("no goals written: \(written)")
      return
    }
    #expect(oddGoals["expected"] == .array([.string("甲")]))
  }

  /// A JSON Lines record's values are placed on its line, by column.
  @Test func placesJSONLinesValuesByColumn() throws {
    let lines = """

      {"id":"a","name":"甲","indicators":[{"name":"x","weight":10}]}
      {"id":"b","name":"乙","indicators":[{"name":"y","weight":20}]}

      """
    let extractions = TableReader.extract(Array(lines.utf8), file: "t.jsonl")
    let tables = Self.tables(extractions)
    #expect(tables.map(\.table.id) == ["a", "b"])
    let written = try JSONParser.parse(ExtractJSON.document(tables))
    guard case .array(let objects) = written, case .object(let second)? = objects.last else {
      throw ExtractTests.JSONParseFailure()
    }
    let cells = ExtractTests.cells(second)
    #expect(cells["name"] == "line 3, column 11" && cells["indicators[1].weight"] == "line 3, column 50")
    guard case .object(let source)? = second["source"] else { throw ExtractTests.JSONParseFailure() }
    #expect(source["at"] == .string("line 3") && source["file"] == .string("t.jsonl"))
  }

  /// A flat CSV's value is placed by its line, column and header; a table's value by the row that gives it.
  @Test func placesFlatCSVValuesByLineColumnAndHeader() throws {
    let csv = """
      项目名称,一级指标,二级指标,三级指标,权重,目标值,业绩值,得分,等级
      甲项目,产出指标,数量指标,培训人次,10,>=100 人次,=120 人次,10,
      甲项目,产出指标,质量指标,合格率,"90",=100%,=100%,90,
      甲项目,总分,,,100,,,100,优

      """
    let (_, object, cells) = try Self.extracted(csv, file: "t.csv")
    #expect(cells["name"] == "line 2, column A (项目名称)")
    #expect(cells["indicators[2].weight"] == "line 3, column E (权重)")
    #expect(cells["claimedTotal"] == "line 4, column H (得分)")
    #expect(cells["claimedGrade"] == "line 4, column I (等级)", "the grade on the total row is a value too")
    #expect(object["claimedGrade"] == .string("优"))
    #expect(Self.indicators(object).map { $0["weight"] } == [.string("10"), .string("90")])
  }

  /// An indicator object that gives nothing is no indicator, and its blank values are not the next one's:
  /// the next indicator is written without them.
  @Test func aRowThatIsNoIndicatorLendsNoValue() throws {
    let document = #"{"name":"x","indicators":[{"level1":"","level2":" "},{"name":"y","weight":10}]}"#
    let (_, object, cells) = try Self.extracted(document, file: "t.json")
    let indicators = Self.indicators(object)
    #expect(indicators.count == 1 && indicators[0]["level1"] == nil && indicators[0]["level2"] == nil)
    #expect(cells["indicators[1].level1"] == nil)
  }

  /// A record that cannot be read is a rejection naming its line; the tables around it are extracted.
  @Test func rejectsABadRecordAndKeepsTheOthers() throws {
    let lines = """
      {"id":"a","name":"甲","indicators":[{"name":"x","weight":10}]}
      {"id":"b","name":"乙","indicators":[{"name":"y","weight":20}
      {"id":"c","name":"丙"}
      {"id":"d","name":"丁","indicators":[{"name":"z","weight":30}]}
      """
    let extractions = TableReader.extract(Array(lines.utf8), file: "t.jsonl")
    #expect(Self.tables(extractions).map(\.table.id) == ["a", "d"])
    let rejected = extractions.compactMap { if case .rejected(let error) = $0 { error } else { nil } }
    #expect(rejected.map(\.location.line) == [2, 3])
    #expect(rejected.last?.message.english.contains("\"indicators\" is missing") == true)
  }

  /// A member without its column, as every document's members were before extract asked for it.
  struct MemberWithoutColumn {
    var key: String
    var value: JSONValue
    var line: Int
  }

  /// The column costs a parsed document no memory: a member is as large as one without it.
  @Test func aMemberKeepsItsColumnInNoMoreSpace() {
    #expect(MemoryLayout<JSONObject.Member>.stride == MemoryLayout<MemberWithoutColumn>.stride)
    let member = JSONObject.Member(key: "a", value: .null, line: 3, column: 70_000)
    #expect(member.line == 3 && member.column == 70_000)
  }
}
