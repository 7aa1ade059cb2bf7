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

  @Test func missingRequiredFieldsNameTheFieldAndLine() throws {
    let missingName = try #require(error(read("{\n  \"indicators\": []\n}")[0]))
    #expect(missingName.location.field == "name")
    #expect(missingName.message.contains("\"name\" is missing"))

    let indicatorWithoutName = try #require(error(read("{\"name\": \"x\",\n \"indicators\": [\n {\"weight\": 5}]}")[0]))
    #expect(indicatorWithoutName.location.field == "indicators[1].name")
    #expect(indicatorWithoutName.location.line == 3)

    let noIndicators = try #require(error(read(#"{"name": "x"}"#)[0]))
    #expect(noIndicators.location.field == "indicators")
  }

  @Test func illTypedValuesSayWhatWasExpected() throws {
    let department = try #require(error(read(#"{"name": "x", "department": {}, "indicators": [{"name": "a"}]}"#)[0]))
    #expect(department.location.field == "department")
    #expect(department.message.contains("found an object"))
    let kind = try #require(error(read(#"{"name": "x", "kind": "programme", "indicators": []}"#)[0]))
    #expect(kind.message.contains("expected one of: project, unit"))
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
        UnreadableNumber(place: .indicator(1), field: .claimedCompletion, text: "true", refusal: .form),
        UnreadableNumber(place: .indicator(1), field: .claimedScore, text: "{…}", refusal: .form),
      ])
  }

  @Test func jsonLinesNumberEveryRecordAndSkipBlankLines() throws {
    let text = """
      {"name": "a", "indicators": []}

      {"name": "b", "indicators": [}
      not json
      {"indicators": []}
      {"name": "c", "indicators": []}
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
    #expect(duplicate.message.contains("appears twice"))
    let empty = try #require(error(read("")[0]))
    #expect(empty.message.contains("empty"))
  }

  @Test func numbersKeepTheirExactText() throws {
    let table = try readTable(#"{"name": "x", "claimedTotal": 0.1, "indicators": [{"name": "a", "weight": 1e1}]}"#)
    #expect(table.claimedTotal == (try Rational(1, over: 10)))
    #expect(table.indicators[0].weight == Rational(10))
  }

  @Test func aByteOrderMarkIsSkipped() throws {
    let records = TableReader.read([0xEF, 0xBB, 0xBF] + Array(#"{"name": "x", "indicators": []}"#.utf8), file: "bom.json")
    guard case .table = records[0] else {
      Issue.record("a BOM must not stop the read")
      return
    }
  }

  /// Standard input has no file name to tell its format: a BOM before two JSON Lines must not make them
  /// one document (only the second line would start with `{`).
  @Test func aByteOrderMarkBeforeJSONLinesIsSkippedWhenSniffing() {
    let lines = #"{"name": "a", "indicators": []}"# + "\n" + #"{"name": "b", "indicators": []}"# + "\n"
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
