import Foundation
import Testing

@testable import Jixiao

/// The batch's direct decoder must build exactly the table the general path builds, or give up.
@Suite struct DirectTableDecoderTests {
  /// The general path of a JSON Lines record: parse to a `JSONValue` tree, then `TableDecoder`.
  static func general(_ bytes: [UInt8], location: Jixiao.SourceLocation) -> TableReader.Record {
    switch TableReader.object(ofLine: bytes[...], at: location) {
    case .failure(let error): return .rejected(error)
    case .success(let object):
      do {
        return .table(try TableDecoder.decode(object, at: location, defaultID: "default"))
      } catch {
        return .rejected(error)
      }
    }
  }

  static func direct(_ bytes: [UInt8], location: Jixiao.SourceLocation) -> Table? {
    bytes.withUnsafeBufferPointer { DirectTableDecoder.decode($0, at: location, defaultID: "default") }
  }

  /// Whether the direct decoder agrees: the same table, the same rejection, or it gave up. Returns what
  /// the direct decoder did.
  @discardableResult
  static func agrees(
    _ bytes: [UInt8], expectDirect: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> TableReader.Record? {
    let location = Jixiao.SourceLocation(file: "t.jsonl", line: 3)
    let direct = bytes.withUnsafeBufferPointer { DirectTableDecoder.read($0, at: location, defaultID: "default") }
    let general = general(bytes, location: location)
    switch (direct, general) {
    case (nil, _):
      if expectDirect {
        Issue.record(
          "direct gave up on a plain record: \(String(decoding: bytes, as: UTF8.self).prefix(200))",
          sourceLocation: sourceLocation)
      }
    case (.table(let direct)?, .table(let table)): #expect(direct == table, sourceLocation: sourceLocation)
    case (.rejected(let direct)?, .rejected(let error)): #expect(direct == error, sourceLocation: sourceLocation)
    case (let direct?, _):
      Issue.record(
        "direct and general disagree on \(String(decoding: bytes, as: UTF8.self).prefix(200).debugDescription): \(direct) against \(general)",
        sourceLocation: sourceLocation)
    }
    return direct
  }

  /// A record with a JSON syntax error is rejected by the direct decoder itself, with the general parser's
  /// words and column (issue 19 item 3): it is not parsed a second time.
  @Test(arguments: [
    #"{"name":"a","indicators":[{"name":"i","weight":5}]"#,
    #"{"name":"a" "indicators":[]}"#,
    #"{"name":"a","indicators":[{"name":"i","weight":1.}]}"#,
    #"{"name":"a","indicators":[{"name":"i","weight":5,}]}"#,
    #"{"name":"a","name":"b","indicators":[]}"#,
    #"{"name":"a","indicators":[{"name":"i","name":"j"}]}"#,
    #"{"name":"a","indicators":[],"x":1,"x":2}"#,
    #"{"name":"a","indicators":[]} x"#,
    #"{"name":"a","indicators":[{"name":"i","explanation":nul}]}"#,
    #"{"name":"a","indicators":[{"name":"i","target":"5次]}"#,
    #"{"name":"a","indicators":[{"name":"i","weight":+5}]}"#,
    #"{"name":"a","indicators":[{"name":"i"}],"remark":[1,]}"#,
    #"{"name":"a","indicators":[{"name":"i"}] "claimedGrade":null}"#,
    "{\"name\":\"a\tb\",\"indicators\":[]}",
    "{\"name\":\"a\",\"indicators\":[{\"name\":\"\u{1}\"}]}",
  ])
  func syntaxErrorsAreRejectedDirectly(_ json: String) {
    guard case .rejected(let error)? = Self.agrees(Array(json.utf8)) else {
      Issue.record("the direct decoder left a syntax error to the general path: \(json)")
      return
    }
    #expect(error.message.english.contains("(column "))
  }

  /// Valid JSON with escapes in its texts (as `json.dumps` writes Chinese by default) is read by the direct
  /// decoder itself, with the general parser's string reader: the same table, no second parse (issue 19 item 3).
  @Test(arguments: [
    #"{"name":"a\"b","indicators":[{"name":"\u4e2d\u6587","target":">=5\u6b21","actual":"=6\u6b21","weight":"1\u0030"}]}"#,
    #"{"name":"\u5408\u6210","indicators":[{"name":"i","explanation":"line\nbreak\t\/","level1":"\u4ea7\u51fa\u6307\u6807"}],"remark":"\ud83d\ude00"}"#,
    #"{"name":"a","funds":{"annualBudget":"1\u0030","sources":[{"name":"\u5f53\u5e74"}]},"indicators":[{"name":"i"}]}"#,
  ])
  func escapedTextsAreDecodedDirectly(_ json: String) {
    guard case .table = Self.agrees(Array(json.utf8), expectDirect: true) else {
      Issue.record("not decoded directly: \(json)")
      return
    }
  }

  /// A bad escape is the general parser's error, from the direct decoder.
  @Test(arguments: [
    #"{"name":"a\x","indicators":[]}"#, #"{"name":"a\u12","indicators":[]}"#, #"{"name":"a\ud800x","indicators":[]}"#,
    #"{"name":"a","indicators":[{"name":"\udc00"}]}"#, #"{"name":"a","indicators":[],"remark":"\q"}"#,
    #"{"name":"a","indicators":[{"name":"b\u0041"#,
  ])
  func badEscapesAreRejectedDirectly(_ json: String) {
    guard case .rejected? = Self.agrees(Array(json.utf8)) else {
      Issue.record("not rejected directly: \(json)")
      return
    }
  }

  /// Invalid UTF-8 in a text, a key or a skipped value: the general parser's error, from the direct decoder.
  @Test func invalidUTF8IsRejectedDirectly() {
    for json in [
      #"{"name":"a\#u{FF}b","indicators":[]}"#, #"{"\#u{FF}":1,"name":"a","indicators":[]}"#,
      #"{"name":"a","indicators":[],"remark":"\#u{FF}"}"#,
    ] {
      var bytes = Array(json.utf8)
      // The marker's UTF-8 (C3 BF) becomes one stray byte.
      if let at = bytes.firstIndex(of: 0xC3) { bytes.replaceSubrange(at...at + 1, with: [0xFF]) }
      guard case .rejected(let error)? = Self.agrees(bytes) else {
        Issue.record("not rejected directly: \(json)")
        continue
      }
      #expect(error.message.english.hasPrefix("the string is not valid UTF-8"))
    }
  }

  /// A member name outside the schema that is not ASCII could repeat another by canonical equivalence, which
  /// only the general parser sees: such records are left to it.
  @Test func nonASCIIUnknownMembersAreLeftToTheGeneralPath() {
    let json = #"{"e\#u{301}":1,"é":2,"name":"a","indicators":[]}"#
    #expect(Self.agrees(Array(json.utf8)) == nil)
    #expect(Self.agrees(Array((json.dropLast(1) + " x").utf8)) == nil)
  }

  static var fixtureFiles: [URL] {
    let directory = repositoryRoot.appendingPathComponent("Fixtures")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.sorted().map { directory.appendingPathComponent($0).appendingPathComponent("table.json") }
      .filter { FileManager.default.fileExists(atPath: $0.path) }
  }

  @Test func everyFixtureDecodesDirectlyToTheSameTable() throws {
    #expect(Self.fixtureFiles.count >= 30)
    for file in Self.fixtureFiles {
      // Pretty-printed (line numbers of indicators count) and as one JSON Lines line.
      Self.agrees(Array(try Data(contentsOf: file)), expectDirect: true)
    }
    let lines = try String(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl"), encoding: .utf8)
    for line in lines.split(separator: "\n") { Self.agrees(Array(line.utf8), expectDirect: true) }
  }

  @Test func everyMalformedCaseIsDecodedAlikeOrLeftToTheGeneralPath() throws {
    let directory = repositoryRoot.appendingPathComponent("Tests/Malformed")
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path)
    where name.hasSuffix(".json") || name.hasSuffix(".jsonl") {
      let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(name)))
      if bytes.count > 1 << 20 { continue }
      Self.agrees(bytes)
      for line in bytes.split(separator: UInt8(ascii: "\n")) { Self.agrees(Array(line)) }
    }
  }

  /// Every one-byte deletion and a set of substitutions of a real record: the direct decoder never
  /// accepts what the general path refuses, and never decodes differently.
  /// Each byte of `positions` deleted, and each replaced by one of `substitutes`: every record agrees.
  static func agreesAfterEachDeletionAndSubstitution(
    of record: [UInt8], at positions: Range<Int>, substitutes: [UInt8], seed: UInt64
  ) {
    var generator = SplitMix(seed: seed)
    for position in positions {
      var deleted = record
      deleted.remove(at: position)
      agrees(deleted)
      var substituted = record
      substituted[position] = substitutes[Int(generator.next() % UInt64(substitutes.count))]
      agrees(substituted)
    }
  }

  /// An indicator's number literal, read whole where it is a small whole number (`smallWholeNumber`) and by
  /// the parser's scan otherwise: every literal around that shape, in a points field and in a rate, as the last
  /// member or followed by whitespace, decodes as the general path reads it (or is its syntax error).
  @Test func indicatorNumberLiteralsAgree() {
    let literals = [
      "0", "5", "10", "99", "100", "1000", "01", "00", "09", "0.5", "1.", "1.5", "10.0", "1e2", "1E2", "10e1", "1e", "-1", "-0",
      "-12", "+1", "1-", "7a",
    ]
    let valid = ["0", "5", "10", "99", "100", "1000", "0.5", "1.5", "10.0", "1e2", "1E2", "10e1", "-1", "-0", "-12"]
    for literal in literals {
      for field in ["weight", "claimedScore", "claimedCompletion"] {
        for record in [
          #"{"name":"a","indicators":[{"name":"i","\#(field)":\#(literal),"target":"5次"}]}"#,
          #"{"name":"a","indicators":[{"name":"i","\#(field)":\#(literal)}]}"#,
          #"{"name":"a","indicators":[{"name":"i","\#(field)":\#(literal) ,"actual":"6次"}]}"#,
          #"{"name":"a","indicators":[{"name":"i","\#(field)":\#(literal)"#,
        ] {
          Self.agrees(Array(record.utf8))
        }
        let plain = #"{"name":"a","indicators":[{"name":"i","\#(field)":\#(literal),"target":"5次"}]}"#
        if valid.contains(literal) { Self.agrees(Array(plain.utf8), expectDirect: true) }
      }
    }
  }

  @Test func mutatedRecordsAgree() throws {
    let lines = try String(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl"), encoding: .utf8)
    let record = Array(lines.split(separator: "\n").min(by: { $0.utf8.count < $1.utf8.count })!.utf8)
    let substitutes: [UInt8] = Array(#"{}[]",:\0 n1-.e"#.utf8) + [0x0A, 0x09, 0xFF, 0xE4]
    Self.agreesAfterEachDeletionAndSubstitution(of: record, at: record.indices, substitutes: substitutes, seed: 23)
  }

  @Test(arguments: [
    #"{"name":"a","name":"b","indicators":[]}"#,
    #"{"name":"a","indicators":[],"x":1,"x":2}"#,
    #"{"name":"a\u0062","indicators":[]}"#,
    #"{"name":"a","indicators":[{"name":"i","weight":"10分"}],"claimedGrade":"优秀"}"#,
    #"{"name":"a","indicators":[{"name":"i","weight":01}]}"#,
    #"{"name":"a","indicators":null,"kind":"unit-target","year":"2023年度"}"#,
    #"{"name":" ","indicators":[]}"#,
    #"{"name":"a","indicators":[],"goals":{"a":[1,2,{"b":null}],"c":true}}"#,
    #"{"name":"a","indicators":[],"goals":{"a":1,"a":2}}"#,
    #"{"name":"a","indicators":[{"name":"i","target":">=5次","actual":6,"claimedCompletion":"100"}],"funds":{"sources":[{"annualBudget":1},{"name":"x"}]}}"#,
    #"{"name":"a","indicators":[]} x"#,
    "\u{FEFF}{\"name\":\"a\",\"indicators\":[]}",
    // Issue 17: defects the builder keeps as notes, read alike by both paths.
    #"{"indicators":[{"name":"i","weight":5}]}"#,
    #"{"name":"a","indicators":[{"weight":5},{},{"name":" ","evidence":null},{"name":"j","level1":"产出指标（50分）","level2":"数量指标(20)"}]}"#,
    #"{"name":"a","kind":"programme","year":"明年","claimedGrade":"甲等","indicators":[{"name":"i","weight":"10（分）"}]}"#,
    #"{"name":"a","indicators":[{"name":"i","target":"\#(String(repeating: "有", count: 4097))"}]}"#,
    #"{"name":"a","indicators":[{},{"evidence":null}]}"#,
  ])
  func cornerCasesAgree(_ json: String) {
    Self.agrees(Array(json.utf8))
  }

  /// A record with cells the builder notes (no name, a refused weight, an unknown kind, a level's points) is
  /// decoded directly, through the same builder, to the general path's table: before issue 17 such records
  /// were rejections and the direct decoder gave up on them.
  @Test(arguments: [
    #"{"indicators":[{"name":"i","weight":5}]}"#,
    #"{"name":"a","indicators":[{"weight":5},{},{"name":" ","evidence":null},{"name":"j","level1":"产出指标（50分）"}]}"#,
    #"{"name":"a","kind":"programme","year":"明年","claimedGrade":"甲等","indicators":[{"name":"i","weight":"10（分）"}]}"#,
  ])
  func recordsWithNotesAreDecodedDirectly(_ json: String) throws {
    Self.agrees(Array(json.utf8), expectDirect: true)
    let table = try #require(Self.direct(Array(json.utf8), location: Jixiao.SourceLocation(file: "t.jsonl", line: 1)))
    #expect(!table.notes.isEmpty || !table.unreadableNumbers.isEmpty)
  }

  /// The goals block (`goals`, evaluation-format.md) is read by both paths into the same table: texts,
  /// escapes, numbers, nulls, a member the schema does not know; goals that are no object are left to the
  /// general path, which notes them on the table and still scores it.
  @Test func goalsAreDecodedAlike() throws {
    let direct = [
      #"{"name":"a","goals":{"expected":"培训 100 人次","actual":"完成培训\n100 人次"},"indicators":[{"name":"i"}]}"#,
      #"{"name":"a","indicators":[{"name":"i"}],"goals":{"expected":"\u57f9\u8bad","actual":null,"remark":[1,{"b":2}]}}"#,
      #"{"name":"a","indicators":[{"name":"i"}],"goals":{"expected":2023}}"#,
      #"{"name":"a","indicators":[{"name":"i"}],"goals":{}}"#,
      #"{"name":"a","indicators":[{"name":"i"}],"goals":null}"#,
    ]
    for json in direct { Self.agrees(Array(json.utf8), expectDirect: true) }
    let location = Jixiao.SourceLocation(file: "t.jsonl", line: 1)
    let first = try #require(Self.direct(Array(direct[0].utf8), location: location))
    #expect(first.goals == Goals(expected: "培训 100 人次", actual: "完成培训\n100 人次"))
    #expect(try #require(Self.direct(Array(direct[2].utf8), location: location)).goals == Goals(expected: "2023"))
    #expect(try #require(Self.direct(Array(direct[4].utf8), location: location)).goals == nil)
    for json in [
      #"{"name":"a","indicators":[{"name":"i"}],"goals":"培训"}"#, #"{"name":"a","indicators":[{"name":"i"}],"goals":[1]}"#,
      #"{"name":"a","indicators":[{"name":"i"}],"goals":{"expected":{"x":1}}}"#,
    ] {
      Self.agrees(Array(json.utf8))
      guard case .table(let table) = Self.general(Array(json.utf8), location: location) else {
        Issue.record("goals of another shape cost the table: \(json)")
        continue
      }
      #expect(table.notes.contains { $0.field == .goalsExpected }, "\(json)")
    }
    Self.agrees(Array(#"{"name":"a","indicators":[{"name":"i"}],"goals":[1,]}"#.utf8))
  }

  /// Every number field with every kind of value, read and refused: the direct decoder hands each to the
  /// builder as the general path does, so a refused cell is the same note in the same table; only a value
  /// of another JSON type (an object, an array, a boolean) is left to the general path.
  @Test func numberCellsAgreeInEveryField() {
    let plain = [#""10""#, "10", "0.5", "null", "1e3", "1000000000000", #""1000000000000""#]
    let other = [
      #""10.00分""#, #""265.00万元""#, #""86.24%""#,
      #""10,0""#, #""1 0""#, #""10％""#, #""10%""#, #""1,0000""#, #""1,782.65""#, #""5000元""#, #""1e3""#, #""abc""#, #""—""#,
      #""""#, #""１０""#, #""10.00 分""#, "1e30", "1e17", "9e15", "1e400", "1e-31", "123456789012345678901234567890",
      "1000000000001", #""1000000000001""#, "true", "{}", "[1]", #"{"a":[1]}"#, #""NaN""#, "-0", "1E2",
    ]
    func records(_ value: String) -> [String] {
      let one = #"[{"name":"i","weight":5}]"#
      return [
        #"{"name":"a","indicators":[{"name":"i","weight":\#(value)}]}"#,
        #"{"name":"a","indicators":[{"name":"i","weight":5,"claimedScore":\#(value)}]}"#,
        #"{"name":"a","indicators":[{"name":"i","claimedCompletion":\#(value)}]}"#,
        #"{"name":"a","indicators":\#(one),"claimedTotal":\#(value)}"#,
        #"{"name":"a","indicators":\#(one),"funds":{"annualBudget":\#(value),"executed":\#(value),"weight":\#(value)}}"#,
        #"{"name":"a","indicators":\#(one),"funds":{"initialBudget":\#(value),"claimedRate":\#(value),"claimedScore":\#(value)}}"#,
        #"{"name":"a","indicators":\#(one),"funds":{"sources":[{"name":"s","initialBudget":\#(value),"annualBudget":\#(value),"executed":\#(value)}]}}"#,
      ]
    }
    for value in plain {
      for record in records(value) { Self.agrees(Array(record.utf8), expectDirect: true) }
    }
    var refused = 0
    let otherTypes: Set<String> = ["true", "{}", "[1]", #"{"a":[1]}"#]
    for value in other {
      for record in records(value) {
        let bytes = Array(record.utf8)
        Self.agrees(bytes, expectDirect: !otherTypes.contains(value))
        let location = Jixiao.SourceLocation(file: "t.jsonl", line: 3)
        if case .table(let table) = Self.general(bytes, location: location), !table.unreadableNumbers.isEmpty {
          refused += 1
          if otherTypes.contains(value) { #expect(Self.direct(bytes, location: location) == nil, "\(record)") }
        }
      }
    }
    #expect(refused > 100, "the refused values reach the unreadable cells of both paths")
  }

  /// A JSON number in every member of an indicator, text or number, negative or not: the member loop reads a
  /// number field's literal itself and leaves a text field's to `value(_:ofIndicatorInto:)`, which keeps it as
  /// text, as the general path does.
  @Test func numbersInEveryIndicatorMemberAgree() {
    let members = [
      "level1", "level2", "name", "weight", "target", "actual", "claimedCompletion", "claimedScore", "rule", "basis",
      "lastYear", "evidence", "explanation",
    ]
    for member in members {
      for literal in ["-5", "5", "-0.5", "0", "-0", "1e3", "-1E2", "12.50"] {
        let name = member == "name" ? "" : #""name":"i","#
        let record = #"{"name":"a","indicators":[{\#(name)"\#(member)":\#(literal)},{"name":"j","\#(member)":\#(literal)}]}"#
        Self.agrees(Array(record.utf8), expectDirect: true)
      }
    }
  }

  /// Later indicators' member names are matched against the order of the ones before (`MemberOrder`):
  /// a record whose indicators break that order in any way decodes as the general path reads it.
  @Test func predictedMemberNamesAreCheckedByteForByte() {
    let row = #"{"level1":"产出指标","level2":"数量指标","name":"N","weight":5,"target":">=5次","actual":"6次","claimedScore":"5"}"#
    func record(_ rows: [String]) -> [UInt8] {
      Array((#"{"name":"表","indicators":["# + rows.joined(separator: ",") + "]}").utf8)
    }
    let plain = record((1...3).map { row.replacingOccurrences(of: #""N""#, with: "\"指标\($0)\"") })
    Self.agrees(plain, expectDirect: true)
    let variants = [
      row.replacingOccurrences(of: #""level2":"#, with: #""level2" :"#),
      row.replacingOccurrences(of: #""weight":5,"#, with: ""),
      row.replacingOccurrences(of: #""weight":5,"#, with: #""weight":5,"weight":6,"#),
      row.replacingOccurrences(of: #""weight":5,"#, with: #""weights":5,"#),
      row.replacingOccurrences(of: #""weight":5,"#, with: #""weigh":5,"#),
      row.replacingOccurrences(of: #""weight":5,"#, with: #""x":1,"weight":5,"#),
      row.replacingOccurrences(of: #""weight":5,"#, with: #""weight":5,"#),
      row.replacingOccurrences(of: #""level1":"产出指标","level2":"数量指标","#, with: #""level2":"数量指标","level1":"产出指标","#),
      row.replacingOccurrences(of: #""name":"N","#, with: #""name":"N","name":"M","#),
    ]
    for variant in variants {
      Self.agrees(record([row, row.replacingOccurrences(of: #""N""#, with: #""O""#), variant]))
    }
    // Every deletion and substitution in the last indicator, whose names are all predicted.
    let last = plain.lastIndex(of: UInt8(ascii: "{"))!
    let substitutes: [UInt8] = Array(#"{}[]",:\ 1"#.utf8) + [0x0A, 0xFF]
    Self.agreesAfterEachDeletionAndSubstitution(of: plain, at: last..<plain.count, substitutes: substitutes, seed: 29)
  }

  /// Rows that print an optional member (`claimedCompletion`) among rows that do not: the member that
  /// followed the one before last time and the time before are both tried (`MemberOrder.alternative`),
  /// and a record that breaks either order decodes as the general path reads it.
  @Test func alternatingMemberOrdersAgree() {
    let without = #"{"name":"N","target":">=5次","actual":"6次","claimedScore":"5","rule":"按照完成比例赋分"}"#
    let with = without.replacingOccurrences(of: #""claimedScore""#, with: #""claimedCompletion":"100%","claimedScore""#)
    func record(_ rows: [String]) -> [UInt8] {
      Array((#"{"name":"表","indicators":["# + rows.joined(separator: ",") + "]}").utf8)
    }
    let alternating = record([with, without, with, without, with, without, with])
    #expect(Self.agrees(alternating, expectDirect: true) != nil)
    let variants = [
      with.replacingOccurrences(
        of: #""claimedCompletion":"100%","#, with: #""claimedCompletion":"100%","claimedCompletion":"90%","#),
      with.replacingOccurrences(of: #""claimedScore":"5","#, with: #""claimedScore":"5","claimedCompletion":"90%","#),
      without.replacingOccurrences(of: #""actual":"6次","#, with: #""actual":"6次","actual":"7次","#),
      without.replacingOccurrences(of: #""claimedScore":"5","#, with: #""claimedScore":"5","claimedScore":"6","#),
      // The alternative stands where it was already read: the general parser's repeated member.
      with.replacingOccurrences(
        of: #""actual":"6次","claimedCompletion":"100%","#,
        with: #""claimedCompletion":"100%","actual":"6次","claimedCompletion":"90%","#),
      with.replacingOccurrences(of: #""claimedCompletion""#, with: #""claimedCompletions""#),
      with.replacingOccurrences(of: #""claimedCompletion":"100%","#, with: #""claimedCompletion" :"100%","#),
    ]
    for variant in variants {
      Self.agrees(record([with, without, with, without, variant]))
      Self.agrees(record([with, without, without, with, variant]))
    }
    let last = alternating.lastIndex(of: UInt8(ascii: "{"))!
    let substitutes: [UInt8] = Array(#"{}[]",:\ 1"#.utf8) + [0x0A, 0xFF]
    Self.agreesAfterEachDeletionAndSubstitution(of: alternating, at: last..<alternating.count, substitutes: substitutes, seed: 31)
  }

  /// A record's first objects are predicted in the schema's order (`MemberOrder`, seeded per place): walking
  /// each place's declared members, each is the one predicted after the one before; a member of another place
  /// predicts nothing of this one.
  @Test func theSchemaOrderIsPredicted() {
    let table = DirectTableDecoder.MemberTable.shared
    let order = table.schemaOrder
    func member(_ name: String) -> DirectTableDecoder.Member {
      Array(name.utf8).withUnsafeBufferPointer { table.member($0[...]) }
    }
    let containers: [FieldPlace: [String]] = [.table: ["funds", "goals", "indicators"], .funds: ["sources"]]
    for place in FieldPlace.allCases {
      let names = TableSchema.declarations.filter { $0.place == place }.map(\.member) + (containers[place] ?? [])
      var previous = DirectTableDecoder.MemberOrder.start(of: place)
      for name in names {
        #expect(order.predicted(after: previous) == member(name), "\(name) in \(place)")
        previous = DirectTableDecoder.MemberOrder.slot(member(name), in: previous)
      }
      // Nothing after the last member of a place, but the table's, which the format's example closes with the claimed
      // total (`leftOutMembersAndTheFormatsOrderAreAlternatives`).
      let last = place == .table ? member("claimedTotal") : .unknown
      #expect(order.predicted(after: previous) == last, "after the last member of \(place)")
    }
    // `name` is a member of the table, a source and an indicator: each place predicts its own next member.
    let afterName = { (place: FieldPlace) in
      order.predicted(
        after: DirectTableDecoder.MemberOrder.slot(member("name"), in: DirectTableDecoder.MemberOrder.start(of: place)))
    }
    #expect(afterName(.table) == member("department"))
    #expect(afterName(.source) == member("initialBudget"))
    #expect(afterName(.indicator) == member("weight"))
    #expect(order.predicted(after: DirectTableDecoder.MemberOrder.start(of: nil)) == .unknown)
  }

  /// Where a record leaves the schema's order, the alternative is seeded too: the member after the next, for
  /// an optional member left out (`goals`, the funds block's `unit`, a row's `claimedCompletion`), and the order
  /// of the format's example (evaluation-format.md), which prints the claimed total and grade after the
  /// indicators. Such a record is then read without looking a name up, and as the general path reads it.
  @Test func leftOutMembersAndTheFormatsOrderAreAlternatives() {
    let table = DirectTableDecoder.MemberTable.shared
    let order = table.schemaOrder
    func member(_ name: String) -> DirectTableDecoder.Member {
      Array(name.utf8).withUnsafeBufferPointer { table.member($0[...]) }
    }
    func after(_ names: [String], in place: FieldPlace) -> (DirectTableDecoder.Member, DirectTableDecoder.Member) {
      let slot = names.reduce(DirectTableDecoder.MemberOrder.start(of: place)) {
        DirectTableDecoder.MemberOrder.slot(member($1), in: $0)
      }
      return (order.predicted(after: slot), order.alternative(after: slot))
    }
    #expect(after(["actual"], in: .indicator) == (member("claimedCompletion"), member("claimedScore")))
    #expect(after(["level2"], in: .indicator) == (member("name"), member("weight")))
    #expect(after(["claimedScore"], in: .funds) == (member("unit"), member("sources")))
    #expect(after(["implementer"], in: .table) == (member("claimedTotal"), member("funds")))
    #expect(after(["funds"], in: .table) == (member("goals"), member("indicators")))
    #expect(after(["indicators"], in: .table).0 == member("claimedTotal"))
    #expect(after([], in: .table) == (member("id"), member("kind")))

    let row = #"{"level1":"产出指标","level2":"数量指标","name":"N","weight":5,"target":">=5次","actual":"6次","claimedScore":"5"}"#
    let record =
      #"{"id":"a","kind":"project","year":2023,"name":"表","department":"局","implementer":"局","funds":{"#
      + #""initialBudget":"1","annualBudget":"1","executed":"1","weight":10,"claimedRate":"100%","claimedScore":"10","#
      + #""sources":[{"name":"当年财政拨款","initialBudget":"1","annualBudget":"1","executed":"1"}]},"indicators":["#
      + [row, row.replacingOccurrences(of: #""claimedScore""#, with: #""claimedCompletion":"100%","claimedScore""#), row]
      .joined(separator: ",") + #"],"claimedTotal":"90分","claimedGrade":null}"#
    #expect(Self.agrees(Array(record.utf8), expectDirect: true) != nil)
  }

  /// Every member name of the schema is read as itself; a name one byte away from it (changed, cut or
  /// lengthened) is an unknown member. The names are the schema's: each field's member in its place. The
  /// number fields are the schema's too.
  @Test func memberNamesAreReadExactly() {
    let table = DirectTableDecoder.MemberTable.shared
    func member(_ name: [UInt8]) -> DirectTableDecoder.Member {
      name.withUnsafeBufferPointer { table.member($0[...]) }
    }
    let names = Set(table.names)
    for declaration in TableSchema.declarations {
      #expect(
        table.field(member(Array(declaration.member.utf8)), in: declaration.place) == declaration.field, "\(declaration.field)")
    }
    for container in TableSchema.Container.allCases {
      #expect(table.names.contains(Array(container.member.utf8)))
    }
    // What each name is in each place is the schema's look-up by `String` (`TableSchema.field`), nil included.
    for place in FieldPlace.allCases {
      for name in table.names {
        let field = TableSchema.field(member: String(decoding: name, as: UTF8.self), in: place)
        #expect(table.field(member(name), in: place) == field, "\(String(decoding: name, as: UTF8.self)) in \(place)")
      }
    }
    for name in table.names {
      #expect(member(name) != .unknown)
      #expect(member(Array(name.dropLast())) == .unknown || names.contains(Array(name.dropLast())))
      #expect(member(name + [UInt8(ascii: "s")]) == .unknown || names.contains(name + [UInt8(ascii: "s")]))
      for position in name.indices {
        var changed = name
        changed[position] ^= 0x20
        #expect(names.contains(changed) || member(changed) == .unknown, "\(String(decoding: changed, as: UTF8.self))")
      }
    }
    #expect(member([]) == .unknown)
    for field in TableField.allCases {
      guard case .number = field.value else {
        #expect(!table.isNumber(field), "\(field)")
        continue
      }
      #expect(table.isNumber(field), "\(field)")
    }
    // A member of one place is no field of another: `sources` is the funds block's, `level1` an indicator's.
    #expect(table.field(member(Array("sources".utf8)), in: .table) == nil)
    #expect(table.field(member(Array("level1".utf8)), in: .funds) == nil)
  }
}

@Suite struct UTF8ValidationTests {
  /// Agrees with the standard library on every short sequence around the boundaries of Table 3-7.
  @Test func agreesWithTheStandardLibrary() {
    let interesting: [UInt8] = [
      0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0,
      0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
    ]
    var checked = 0
    for a in interesting {
      for b in interesting {
        for c in interesting {
          for tail in [[], [UInt8(0x80)], [UInt8(0xBF)], [UInt8(0x41)]] {
            let bytes = [a, b, c] + tail
            let expected = String(validating: bytes, as: UTF8.self) != nil
            bytes.withUnsafeBufferPointer {
              #expect(UTF8Validation.isValid($0) == expected, "\(bytes)")
              #expect((UTF8Validation.string($0) != nil) == expected, "\(bytes)")
            }
            checked += 1
          }
        }
      }
    }
    #expect(checked == 62_500)
    Array("绩效自评表 ≥98%".utf8).withUnsafeBufferPointer { #expect(UTF8Validation.string($0) == "绩效自评表 ≥98%") }
  }

  /// The fast paths (ASCII eight bytes at a time, a three-byte form in one test) agree with the standard
  /// library on long texts: runs of ASCII of every length around eight, CJK, and a bad byte anywhere.
  @Test func longTextsAgreeWithTheStandardLibrary() {
    var random = SplitMix(seed: 19)
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("abcdefg".utf8), Array("abcdefgh".utf8), Array("abcdefghijklmnopq".utf8), Array("满意度".utf8),
      Array("（".utf8), Array("≥".utf8), Array("é".utf8), Array("😀".utf8), [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
      [0xE4, 0xB8], [0x80], [0xFF], [0xE1, 0x41, 0x80], [0xEF, 0xBF, 0xBF], [0xE0, 0x9F, 0x80],
    ]
    for _ in 0..<20_000 {
      let bytes = (0..<Int.random(in: 0...8, using: &random)).flatMap { _ in pieces.randomElement(using: &random)! }
      let expected = String(validating: bytes, as: UTF8.self) != nil
      bytes.withUnsafeBufferPointer { #expect(UTF8Validation.isValid($0) == expected, "\(bytes)") }
    }
  }
}

/// The direct decoder's one-pass string scan (`JSONStringScan.scan`, and the same inlined, `inlinedScan`) against
/// its definition (`reference`: the first stop byte found byte by byte, then `UTF8Validation.isValid` on what
/// comes before), and that definition's validity against the standard library.
@Suite struct JSONStringScanTests {
  static func expectAgreement(_ bytes: [UInt8], from start: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    bytes.withUnsafeBufferPointer { buffer in
      let scan = JSONStringScan.scan(buffer, from: start)
      let reference = JSONStringScan.reference(buffer, from: start)
      #expect(scan == reference, "\(bytes) from \(start)", sourceLocation: sourceLocation)
      let inlined = JSONStringScan.inlinedScan(buffer, from: start)
      #expect(inlined == reference, "\(bytes) from \(start)", sourceLocation: sourceLocation)
      let before = Array(bytes[start..<reference.end])
      #expect(
        reference.isValidUTF8 == (String(validating: before, as: UTF8.self) != nil), "\(before)", sourceLocation: sourceLocation)
    }
  }

  /// Random strings of pieces: ASCII runs of every length around eight, CJK, every stop byte, and the
  /// ill-formed sequences of Table 3-7 (a stray or missing continuation byte, overlong forms, surrogates, above
  /// U+10FFFF, a sequence cut by a quote or by the end), scanned from every start.
  @Test func agreesWithItsDefinitionOnRandomBytes() {
    var random = SplitMix(seed: 2026)
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("abcdefg".utf8), Array("abcdefgh".utf8), Array("abcdefghi".utf8), Array("abcdefghijklmnop".utf8),
      Array("按照完成比例赋分".utf8), Array("（".utf8), Array("≥".utf8), Array("é".utf8), Array("😀".utf8), Array("\u{7F}".utf8),
      [0x22], [0x5C], [0x00], [0x09], [0x0A], [0x1F], [0x20], [0x21], [0x23], [0x5B], [0x5D], [0xA2], [0xDC],
      [0x80], [0xBF], [0xFF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0x80],
      [0xF0, 0x8F, 0xBF, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xED, 0x9F, 0xBF], [0xF4, 0x90, 0x80, 0x80],
      [0xF4, 0x8F, 0xBF, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xE4, 0xB8], [0xE4], [0xE4, 0x22, 0x80], [0xE4, 0xB8, 0x22],
      [0xC2], [0xC2, 0x22], [0xF0, 0x9F, 0x98], [0xE1, 0x41, 0x80], [0xEF, 0xBF, 0xBF], [0xEE, 0x80, 0x80], [0xEC, 0xBF, 0xBF],
    ]
    for _ in 0..<20_000 {
      let bytes = (0..<Int.random(in: 0...10, using: &random)).flatMap { _ in pieces.randomElement(using: &random)! }
      for start in 0...bytes.count { Self.expectAgreement(bytes, from: start) }
    }
  }

  /// Runs of CJK of every length (read four and two characters at a time) ending in each three-byte form
  /// whose lead restricts its continuation (E0, ED) or does not (E1, EC, EE, EF), well- or ill-formed, then a
  /// quote or the end: the restricted ones are found at every alignment.
  @Test func threeByteFormsAreCheckedAtEveryAlignment() {
    let endings: [[UInt8]] = [
      [0xE0, 0xA0, 0x80], [0xE0, 0x9F, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
      [0xE1, 0x80, 0x80], [0xEC, 0xBF, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF], [0xE4, 0xB8, 0x41], [0xE4, 0x41, 0x80],
    ]
    for length in 0...9 {
      let run = Array(String(repeating: "绩", count: length).utf8)
      for ending in endings {
        for after in [[UInt8](), [0x22], Array("效\"abcdefghijklmnop".utf8)] {
          Self.expectAgreement(run + ending + after, from: 0)
          Self.expectAgreement(run + ending + run + after, from: 0)
          Self.expectAgreement(Array("a".utf8) + run + ending + after, from: 0)
        }
      }
    }
  }

  /// Each stop byte at every position of texts of ASCII and CJK (across the eight-byte words), and every
  /// text cut short: the stop is found where it is, whatever precedes it.
  @Test func aStopAtEveryPositionIsFound() {
    let texts = [
      Array("计划标准abcdefghijklmnopqrstuvwxyz".utf8), Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8),
      Array("=157场 ≥98% 油电混动电车节能高效".utf8),
    ]
    for text in texts {
      for position in 0...text.count {
        for stop: UInt8 in [0x22, 0x5C, 0x00, 0x1F, 0x0A] {
          var bytes = text
          bytes.insert(stop, at: position)
          Self.expectAgreement(bytes, from: 0)
          Self.expectAgreement(bytes + [0x22], from: 0)
        }
        Self.expectAgreement(Array(text[..<position]), from: 0)
        var broken = text
        broken[min(position, text.count - 1)] = 0xFF
        Self.expectAgreement(broken + [0x22], from: 0)
      }
    }
  }
}

/// A predicted member name is compared as words (`QuotedName.stands`): the same answer as `hasBytes`, its
/// definition, for every name of the schema at every offset of a record, with a byte changed anywhere.
@Suite struct QuotedNameTests {
  @Test func agreesWithHasBytes() {
    let table = DirectTableDecoder.MemberTable.shared
    for name in table.quotedNames {
      let record = Array(#"{"x":1,"#.utf8) + name.bytes + Array("\"abc\"}".utf8)
      let variants =
        [record, Array(record.prefix(7 + name.count)), Array(record.prefix(7 + name.count - 1))]
        + (0..<record.count).map { position in
          var changed = record
          changed[position] ^= 0x01
          return changed
        }
      for bytes in variants {
        bytes.withUnsafeBufferPointer { buffer in
          for offset in -1...buffer.count {
            #expect(
              name.stands(in: buffer, at: offset) == buffer.hasBytes(name.bytes, at: offset),
              "\(String(decoding: name.bytes, as: UTF8.self)) at \(offset) of \(String(decoding: bytes, as: UTF8.self))")
          }
        }
      }
    }
  }
}
