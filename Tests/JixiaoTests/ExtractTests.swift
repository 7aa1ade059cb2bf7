import Foundation
import Testing

@testable import Jixiao

/// `jixiao extract`: the tables of printed forms as JSON in the input schema, each value with its cell;
/// the JSON, read back, scores as the form does.
@Suite struct ExtractTests {
  /// The extracted tables of a file and the JSON written of them, parsed.
  static func extracted(_ path: String) throws -> (tables: [ExtractedTable], json: [UInt8], parsed: [JSONObject]) {
    let bytes = try Array(Data(contentsOf: repositoryRoot.appendingPathComponent(path)))
    let tables = TableReader.extract(bytes, file: path).compactMap { extraction -> ExtractedTable? in
      if case .table(let table) = extraction { return table }
      Issue.record("\(path): \(extraction)")
      return nil
    }
    let json = ExtractJSON.document(tables)
    guard case .array(let elements) = try JSONParser.parse(json) else { throw JSONParseFailure() }
    return (tables, json, elements.compactMap { if case .object(let object) = $0 { object } else { nil } })
  }

  struct JSONParseFailure: Error {}

  /// A form CSV whose cells need escaping in JSON (a quote, a backslash, a control, a bidi override) and
  /// whose first weight cannot be read.
  static let awkwardForm = """
    项目支出绩效自评表
    项目名称,"测试""项目\\"
    一级指标,二级指标,三级指标,分值,得分
    产出指标,数量指标,培训人次,十分,40
    产出指标,数量指标,"完成率\u{7}\u{202E}",50,50
    总分,,,100,90

    """

  static let inlineForms = ["inline form CSV": FormReadingTests.form, "awkward form CSV": awkwardForm]

  static func cells(_ table: JSONObject) -> [String: String] {
    guard case .object(let source)? = table["source"], case .object(let cells)? = source["cells"] else { return [:] }
    var found: [String: String] = [:]
    for member in cells.members { if case .string(let place) = member.value { found[member.key] = place } }
    return found
  }

  /// Each form's claimed total is named at the manifest's anchor (sheet and cell for a workbook, the cell of
  /// the grid for a document table or a CSV), and the first indicator's weight on its first indicator row.
  @Test(arguments: FormFixtureTests.manifest.map(\.path))
  func namesTheCellOfEachValue(path: String) throws {
    let (tables, _, parsed) = try Self.extracted(path)
    let anchors = try Self.anchors(path)
    #expect(parsed.count == tables.count && tables.count == anchors.count)
    for (table, anchor) in zip(parsed, anchors) {
      let cells = Self.cells(table)
      if let total = anchor.claimedTotal, cells["claimedTotal"] != nil {
        let want = anchor.sheet.map { "\($0)!\(total)" } ?? total
        let got = cells["claimedTotal"] ?? ""
        #expect(got == want || got.hasSuffix("!\(want)"), "\(path): claimedTotal at \(got), expected \(want)")
      }
      // The first indicator's weight is on its name's row, within the indicator rows (star-and-qizhong's
      // first row is a parent ★ row, not an indicator).
      if let first = anchor.firstIndicatorRow, let last = anchor.lastIndicatorRow, let weight = cells["indicators[1].weight"] {
        let row = Self.row(weight)
        #expect(row.map { (first...last).contains($0) } == true, "\(path): indicators[1].weight at \(weight)")
        #expect(row == cells["indicators[1].name"].flatMap(Self.row), "\(path): indicators[1].weight at \(weight)")
      }
    }
  }

  struct Anchor {
    var sheet: String?
    var claimedTotal: String?
    var firstIndicatorRow: Int?
    var lastIndicatorRow: Int?
  }

  /// The row of a cell named as `自评表1!G13` or `G13`.
  static func row(_ cell: String) -> Int? {
    cell.split(separator: "!").last.flatMap { Int($0.drop(while: \.isLetter)) }
  }

  static func anchors(_ path: String) throws -> [Anchor] {
    let url = repositoryRoot.appendingPathComponent("Fixtures/forms/MANIFEST.json")
    guard case .object(let root) = try JSONParser.parse(Array(Data(contentsOf: url))), case .array(let files)? = root["files"]
    else { return [] }
    for case .object(let file) in files {
      guard case .string(path)? = file["path"], case .array(let tables)? = file["tables"] else { continue }
      return tables.compactMap { table in
        guard case .object(let table) = table else { return nil }
        var anchor = Anchor()
        if case .string(let sheet)? = table["sheet"] { anchor.sheet = sheet }
        if case .object(let anchors)? = table["anchors"] {
          if case .string(let total)? = anchors["claimedTotal"] { anchor.claimedTotal = total }
          if case .number(let row)? = anchors["firstIndicatorRow"] { anchor.firstIndicatorRow = Int(row) }
          if case .number(let row)? = anchors["lastIndicatorRow"] { anchor.lastIndicatorRow = Int(row) }
        }
        return anchor
      }
    }
    return []
  }

  /// Every table of every form of the manifest, extracted and read back from the JSON, scores as the form
  /// does: the same ids, totals, grades and finding codes, but for what the form prints that no field
  /// holds (a `column.ignored` or `cell.unparseable` per entry of `ignored`), which the JSON lists apart.
  @Test(arguments: FormFixtureTests.manifest.map(\.path) + inlineForms.keys.sorted())
  func theJSONScoresAsTheForm(path: String) throws {
    let (bytes, file) =
      if let form = Self.inlineForms[path] {
        (Array(form.utf8), "form.csv")
      } else {
        (try Array(Data(contentsOf: repositoryRoot.appendingPathComponent(path))), path)
      }
    let original = TableReader.read(bytes, file: file)
    let extracted = TableReader.extract(bytes, file: file).compactMap { if case .table(let table) = $0 { table } else { nil } }
    let json = ExtractJSON.document(extracted)
    let reread = TableReader.read(json, file: "extracted.json")
    #expect(reread.count == original.count && extracted.count == original.count)
    let scorer = Scorer(profile: defaultProfile)
    for ((form, fromJSON), table) in zip(zip(original, reread), extracted) {
      guard case .table(let formTable) = form, case .table(let jsonTable) = fromJSON else {
        Issue.record("\(path): \(form) / \(fromJSON)")
        continue
      }
      let want = scorer.score(formTable)
      let got = scorer.score(jsonTable)
      #expect(got.id == want.id)
      #expect(got.claimedTotal == want.claimedTotal && got.recomputedTotal == want.recomputedTotal, "\(path) \(want.id)")
      #expect(got.claimedGrade == want.claimedGrade && got.recomputedGrade == want.recomputedGrade, "\(path) \(want.id)")
      #expect(got.indicators.map(\.score) == want.indicators.map(\.score), "\(path) \(want.id)")
      var expectedCodes = want.findings.map(\.code.rawValue)
      for note in table.ignoredNotes {
        let code: FindingCode =
          switch note.problem {
          case .ignoredColumn: .columnIgnored
          case .hiddenSheet: .sheetHidden
          case .sheetWithoutForm: .sheetNoForm
          default: .cellUnparseable
          }
        expectedCodes.remove(at: try #require(expectedCodes.firstIndex(of: code.rawValue)))
      }
      #expect(got.findings.map(\.code.rawValue).sorted() == expectedCodes.sorted(), "\(path) \(want.id)")
    }
  }

  /// The first table a form CSV gives, extracted, and its JSON object with its `source` object.
  static func firstTable(_ form: String) throws -> (table: ExtractedTable, object: JSONObject, source: JSONObject) {
    let extractions = TableReader.extract(Array(form.utf8), file: "form.csv")
    let table = try #require(extractions.first.flatMap { if case .table(let table) = $0 { table } else { nil } })
    guard case .array(let tables) = try JSONParser.parse(ExtractJSON.document([table])), case .object(let object)? = tables.first,
      case .object(let source)? = object["source"]
    else { throw JSONParseFailure() }
    return (table, object, source)
  }

  /// What the form prints that no field holds is listed, and the counts say how much was read.
  @Test func listsWhatNoFieldHolds() throws {
    let (table, object, source) = try Self.firstTable(FormReadingTests.form)
    guard case .array(let ignored)? = source["ignored"] else { throw JSONParseFailure() }
    let texts = ignored.compactMap { if case .string(let text) = $0 { text } else { nil } }
    #expect(texts.contains { $0.contains("备用列") } && texts.contains { $0.contains("杂项") })
    #expect(source["values"] == .number("\(table.values.count)") && table.values.count == 8)
    #expect(source["unreadable"] == .number("0") && table.ignoredNotes.count == 3)
    #expect(Self.cells(object)["indicators[1].weight"] == "D4")
    #expect(Self.cells(object)["name"] == "B2")
  }

  /// Text is written byte for byte escaped: the JSON parses back to the cells' text, and an unreadable
  /// value keeps its text (and is counted), so rescoring reports it again.
  @Test func writesEveryTextSoItReadsBack() throws {
    let (table, object, source) = try Self.firstTable(Self.awkwardForm)
    guard case .array(let indicators)? = object["indicators"], case .object(let second)? = indicators.last,
      case .object(let first)? = indicators.first
    else { throw JSONParseFailure() }
    #expect(object["name"] == .string("测试\"项目\\"))
    #expect(second["name"] == .string("完成率\u{7}\u{202E}"))
    #expect(first["weight"] == .string("十分"))
    #expect(source["unreadable"] == .number("\(table.unreadableCount)") && table.unreadableCount >= 1)
  }

  /// A JSON table is extracted as any other input (`ExtractInputTests`); what the reader rejects, extract
  /// rejects with the reader's message, naming the file.
  @Test func rejectsWhatTheReaderRejects() {
    let bytes = Array(#"{"name":"x","indicators":[]}"#.utf8)
    let extractions = TableReader.extract(bytes, file: "t.json")
    guard extractions.count == 1, case .rejected(let error) = extractions[0],
      case .rejected(let read) = TableReader.read(bytes, file: "t.json").first
    else {
      Issue.record("\(extractions)")
      return
    }
    #expect(error == read && error.location.file == "t.json")
  }
}
