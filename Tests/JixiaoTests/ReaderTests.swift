import Testing

@testable import Jixiao

@Suite struct ReaderTests {
  private func read(_ text: String, file: String = "t.json") -> [TableReader.Record] {
    TableReader.read(Array(text.utf8), file: file)
  }

  private func error(_ record: TableReader.Record) -> InputError? {
    if case .rejected(let error) = record { return error }
    return nil
  }

  @Test func numberFieldsAcceptNumbersAndPrintedStrings() throws {
    let table = try readTable(
      #"{"name": "x", "claimedTotal": "100.00分", "funds": {"annualBudget": "1,782.65", "executed": 1782.65, "weight": "10", "claimedRate": "100.00%", "claimedScore": "10.00分"}, "indicators": [{"name": "a", "weight": "7", "claimedScore": 7, "claimedCompletion": "100"}]}"#
    )
    #expect(table.claimedTotal == Rational(100))
    #expect(table.funds?.annualBudget == Rational(decimalText: "1782.65"))
    #expect(table.funds?.executed == Rational(decimalText: "1782.65"))
    #expect(table.funds?.claimedRate == .one)
    #expect(table.indicators[0].claimedCompletion == .one, "a completion printed without % is a percent")
  }

  @Test func unknownFieldsAreIgnoredAndDefaultsApply() throws {
    let table = try readTable(
      #"{"name": "x", "source": {"file": "s"}, "extra": [1, 2], "indicators": [{"name": "a", "colour": "red"}]}"#)
    #expect(table.kind == .project)
    #expect(table.id == "test", "the file name without extension")
  }

  /// Before, a table or an indicator without a name rejected the record; now a name is a cell like any
  /// other: the table is read and the note becomes `name.missing` on its row (issue 17, item 5).
  @Test func aMissingNameCostsItsRowNotTheTable() throws {
    let unnamed = try readTable("{\n  \"indicators\": [{\"name\": \"a\", \"weight\": 5}]\n}")
    #expect(unnamed.name == "" && unnamed.displayName == "（未填项目名称）")
    #expect(unnamed.notes == [ReadingNote(place: .table, field: .name, problem: .missingName(found: nil))])

    let row = try readTable("{\"name\": \"x\",\n \"indicators\": [{\"name\": \"a\"},\n {\"weight\": 5}]}")
    #expect(row.indicators.map(\.displayName) == ["a", "（未填指标名称）"])
    #expect(row.indicators[1].location.field == "indicators[2]" && row.indicators[1].location.line == 3)
    #expect(row.notes == [ReadingNote(place: .indicator(2), field: .indicatorName, problem: .missingName(found: nil))])

    let objectName = try readTable(#"{"name": "x", "indicators": [{"name": {"zh": "a"}, "weight": 5}]}"#)
    #expect(
      objectName.notes == [
        ReadingNote(place: .indicator(1), field: .indicatorName, problem: .missingName(found: .unreadable(text: "{…}")))
      ])
  }

  /// What still rejects a record: no indicators at all, or none with anything in it.
  @Test func aTableWithoutIndicatorsIsRefused() throws {
    let noIndicators = try #require(error(read(#"{"name": "x"}"#)[0]))
    #expect(noIndicators.location.field == "indicators")
    for empty in [#"{"name": "x", "indicators": []}"#, #"{"name": "x", "indicators": [{}, {"evidence": null}]}"#] {
      let refused = try #require(error(read(empty)[0]))
      #expect(refused.location.field == "indicators")
      #expect(refused.message.english.contains("no indicator"))
    }
  }

  /// A text field of the wrong type, or a kind, year or grade that is none, is a note: the field is absent.
  @Test func illTypedTextsAreKeptAsNotes() throws {
    let table = try readTable(
      #"{"name": "x", "department": {}, "kind": "programme", "year": "明年", "claimedGrade": "甲等", "indicators": [{"name": "a", "level1": [1]}]}"#
    )
    #expect(table.department == nil && table.kind == .project && table.year == nil && table.claimedGrade == nil)
    #expect(table.indicators[0].level1 == nil)
    #expect(
      table.notes == [
        ReadingNote(place: .table, field: .department, problem: .unreadable(text: "{…}")),
        ReadingNote(place: .table, field: .kind, problem: .unreadable(text: "programme")),
        ReadingNote(place: .table, field: .year, problem: .unreadable(text: "明年")),
        ReadingNote(place: .table, field: .claimedGrade, problem: .unreadable(text: "甲等")),
        ReadingNote(place: .indicator(1), field: .level1, problem: .unreadable(text: "[…]")),
      ])
  }

  /// A number cell of the wrong type or form is no error of the record: the table keeps it, to be
  /// reported on its row (`NumberGrammarTests` has what the scorer makes of it).
  @Test func illTypedNumbersAreKeptAsUnreadableCells() throws {
    let table = try readTable(
      #"{"name": "x", "indicators": [{"name": "a", "weight": "abc", "claimedScore": {}, "claimedCompletion": true}]}"#)
    #expect(table.indicators[0].weight == nil && table.indicators[0].claimedScore == nil)
    #expect(
      table.unreadableNumbers == [
        UnreadableNumber(place: .indicator(1), field: .weight, text: "abc", refusal: .form),
        UnreadableNumber(place: .indicator(1), field: .claimedScore, text: "{…}", refusal: .form),
        UnreadableNumber(place: .indicator(1), field: .claimedCompletion, text: "true", refusal: .form),
      ], "in reading order")
  }

  @Test func jsonLinesNumberEveryRecordAndSkipBlankLines() throws {
    let text = """
      {"name": "a", "indicators": [{"name": "i"}]}

      {"name": "b", "indicators": [}
      not json
      {"name": "d"}
      {"name": "c", "indicators": [{"name": "i"}]}
      """
    let records = read(text, file: "year.jsonl")
    #expect(records.count == 5)
    #expect(error(records[1])?.location.line == 3)
    #expect(error(records[2])?.location.line == 4)
    #expect(error(records[3])?.location.line == 5)
    guard case .table(let last) = records[4] else {
      Issue.record("the good record after bad ones is still read")
      return
    }
    #expect(last.id == "year:6")
  }

  @Test func jsonErrorsAreLocated() throws {
    let truncated = try #require(error(read("{\n\"name\": \"x\",\n\"indicators\": [")[0]))
    #expect(truncated.location.line == 3)
    let duplicate = try #require(error(read(#"{"name": "x", "name": "y", "indicators": []}"#)[0]))
    #expect(duplicate.message.english.contains("appears twice"))
    let empty = try #require(error(read("")[0]))
    #expect(empty.message.english.contains("empty"))
  }

  @Test func numbersKeepTheirExactText() throws {
    let table = try readTable(#"{"name": "x", "claimedTotal": 0.1, "indicators": [{"name": "a", "weight": 1e1}]}"#)
    #expect(table.claimedTotal == (try Rational(1, over: 10)))
    #expect(table.indicators[0].weight == Rational(10))
  }

  @Test func aByteOrderMarkIsSkipped() throws {
    let records = TableReader.read(
      [0xEF, 0xBB, 0xBF] + Array(#"{"name": "x", "indicators": [{"name": "i"}]}"#.utf8), file: "bom.json")
    guard case .table = records[0] else {
      Issue.record("a BOM must not stop the read")
      return
    }
  }

  /// Standard input has no file name to tell its format: a BOM before two JSON Lines must not make them
  /// one document (only the second line would start with `{`).
  @Test func aByteOrderMarkBeforeJSONLinesIsSkippedWhenSniffing() {
    let lines = #"{"name": "a", "indicators": [{"name": "i"}]}"# + "\n" + #"{"name": "b", "indicators": [{"name": "i"}]}"# + "\n"
    let records = TableReader.read([0xEF, 0xBB, 0xBF] + Array(lines.utf8), file: "<stdin>")
    #expect(records.count == 2)
    #expect(records.allSatisfy { error($0) == nil })
    #expect(TableReader.sniff([0xEF, 0xBB, 0xBF] + Array(lines.utf8)) == .jsonl)
    #expect(TableReader.sniff([0xEF, 0xBB, 0xBF] + Array(#"{"name": "a", "indicators": []}"#.utf8)) == .json)
  }

  @Test func aJSONArrayHoldsSeveralTables() {
    let records = read(#"[{"name": "a", "indicators": []}, 5, {"name": "c", "indicators": []}]"#)
    #expect(records.count == 3)
    #expect(error(records[1])?.location.field == "[2]")
  }

  @Test func resultJSONHasTheFieldsOfTheFormat() throws {
    let result = try score(
      projectJSON(
        #"{"name": "甲", "weight": 25, "target": ">=5%", "actual": "0.1%", "claimedScore": 25}"#, extra: #""claimedTotal": 25"#))
    let json = ResultJSON.encode(result)
    guard case .object(let object) = try JSONParser.parse(Array(json.utf8)) else {
      Issue.record("the result is a JSON object")
      return
    }
    for key in [
      "id", "recomputedTotal", "unverifiedPoints", "claimedGrade", "recomputedGrade", "funds", "indicators", "findings",
      "profile",
    ] {
      #expect(object.has(key), "\(key)")
    }
    #expect(object["recomputedTotal"] == .string("0.50"))
    #expect(json.contains(#""code":"score.over-claimed","severity":"error","where":"1""#))
  }
}

private func readTable(_ json: String) throws -> Table { try table(json) }
