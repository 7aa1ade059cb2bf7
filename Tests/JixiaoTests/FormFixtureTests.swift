import Foundation
import Testing

@testable import Jixiao

/// Every printed form of Fixtures/forms/MANIFEST.json, read as `jixiao rescore` reads it (by its extension,
/// through `TableReader`), gives each of its tables exactly the expected result: the table JSON it holds
/// (a fixture's table.json, or the JSON beside the form) as read from JSON, and that table's hand-checked
/// expected.json.
@Suite struct FormFixtureTests {
  struct FormFile: CustomTestStringConvertible, Sendable {
    var path: String
    /// Each table's JSON, its expected result, and the findings its reading adds for what the form prints
    /// that no field holds (`readingFindings`).
    var tables: [(tableJSON: String, expectedResult: String, readingFindings: [String])]
    var testDescription: String { path }
  }

  static let manifest = files(in: "Fixtures/forms/MANIFEST.json")

  /// The files of a manifest (Fixtures/forms/MANIFEST.json, or one of Fixtures/pdf/ of the same shape), each
  /// with its tables' expected JSON and expected result.
  static func files(in manifest: String) -> [FormFile] {
    let url = repositoryRoot.appendingPathComponent(manifest)
    guard let data = try? Data(contentsOf: url), case .object(let root)? = try? JSONParser.parse(Array(data)),
      case .array(let files)? = root["files"]
    else { return [] }
    return files.compactMap { file -> FormFile? in
      guard case .object(let file) = file, case .string(let path)? = file["path"], case .array(let tables)? = file["tables"]
      else { return nil }
      return FormFile(
        path: path,
        tables: tables.compactMap { table in
          guard case .object(let table) = table, case .string(let expected)? = table["expected"],
            case .string(let result)? = table["expectedResult"]
          else { return nil }
          var reading: [String] = []
          if case .array(let keys)? = table["readingFindings"] {
            reading = keys.compactMap { if case .string(let key) = $0 { key } else { nil } }
          }
          return (expected.contains("/") ? expected : "Fixtures/\(expected)/table.json", result, reading)
        })
    }
  }

  @Test func theManifestListsTheForms() {
    #expect(Self.manifest.count >= 28)
    #expect(Set(Self.manifest.map { ($0.path as NSString).pathExtension }) == ["xlsx", "docx", "csv"])
    #expect(Self.manifest.allSatisfy { !$0.tables.isEmpty })
  }

  @Test(arguments: manifest)
  func readsEveryTableAsExpected(file: FormFile) throws {
    let mismatches = try Self.mismatches(file)
    #expect(mismatches.isEmpty, "\(file.path):\n\(mismatches.joined(separator: "\n"))")
  }

  /// Everything the form's reading gets other than expected, as lines to read.
  /// `goals`: how the goals' texts are compared — exactly, or, read from a print, as `readsAsPrinted` allows.
  static func mismatches(
    _ file: FormFile, goals: GoalsComparison = .exact,
    read: ([UInt8], String) -> [TableReader.Record] = { TableReader.read($0, file: $1) }
  ) throws -> [String] {
    let bytes = try Array(Data(contentsOf: repositoryRoot.appendingPathComponent(file.path)))
    let records = read(bytes, file.path)
    var found: [String] = []
    if records.count != file.tables.count { found.append("\(records.count) records, expected \(file.tables.count) tables") }
    for (record, want) in zip(records, file.tables) {
      guard case .table(let table) = record else {
        found.append("\(want.tableJSON): rejected: \(record)")
        continue
      }
      let jsonBytes = try Array(Data(contentsOf: repositoryRoot.appendingPathComponent(want.tableJSON)))
      guard case .table(let json)? = TableReader.read(jsonBytes, file: want.tableJSON).first else {
        found.append("\(want.tableJSON) does not read")
        continue
      }
      let result = Scorer(profile: defaultProfile).score(table)
      var expected = try Expected(bytes: Array(Data(contentsOf: repositoryRoot.appendingPathComponent(want.expectedResult))))
      expected.findings += want.readingFindings
      found += figures(of: table, result, json, expected, goals: goals).map { "\(want.tableJSON): \($0)" }
    }
    return found
  }

  enum GoalsComparison { case exact, asPrinted }

  /// Whether a text read from a print is the text typed (docs/rules.md, "A wrapped text read back"): equal,
  /// but for whitespace the print cannot show. A run of whitespace typed (spaces, a line break in the cell)
  /// prints as one gap, and at the end of a wrapped line as none: it may be read as one space or as none.
  /// Nothing else may differ: no space read where none was typed, no character lost or added.
  static func readsAsPrinted(_ read: String?, _ typed: String?) -> Bool {
    guard let read, let typed else { return read == nil && typed == nil }
    func collapsed(_ text: String) -> [Character] {
      var characters: [Character] = []
      for character in text.trimmingCharacters(in: .whitespacesAndNewlines) {
        if character.isWhitespace {
          if characters.last != " " { characters.append(" ") }
        } else {
          characters.append(character)
        }
      }
      return characters
    }
    let (got, want) = (collapsed(read), collapsed(typed))
    var index = 0
    for character in want {
      if index < got.count, got[index] == character {
        index += 1
      } else if character != " " {
        return false
      }
    }
    return index == got.count
  }

  /// The figures of a form's table and result that differ from the JSON table's and the expected result's.
  static func figures(
    of table: Table, _ result: TableResult, _ json: Table, _ expected: Expected, goals: GoalsComparison = .exact
  ) -> [String] {
    var found: [String] = []
    func check<Value: Equatable>(_ what: String, _ got: Value, _ want: Value) {
      if got != want { found.append("\(what): \(got), expected \(want)") }
    }
    check("kind", "\(table.kind) \(table.isTargetTable)", "\(json.kind) \(json.isTargetTable)")
    check("year", table.year, json.year)
    check("claimed total", table.claimedTotal, json.claimedTotal)
    // A form may print the grade its total gives where the JSON table holds none (make-forms.py).
    if json.claimedGrade != nil { check("claimed grade", table.claimedGrade, json.claimedGrade) }
    check("claimed grade of the result", result.claimedGrade?.rawValue, expected.claimedGrade ?? result.claimedGrade?.rawValue)
    check("recomputed total", result.recomputedTotal.description, expected.total)
    check("unverified points", result.unverifiedPoints.description, expected.unverified)
    check("recomputed grade", result.recomputedGrade?.rawValue, expected.grade)
    // The goals block (年度总体目标) a form prints, as its JSON table gives them (a print's texts as
    // `readsAsPrinted` allows).
    for (part, read, typed) in [
      ("expected", table.goals?.expected?.string, json.goals?.expected?.string),
      ("actual", table.goals?.actual?.string, json.goals?.actual?.string),
    ] {
      let same = goals == .exact ? read == typed : readsAsPrinted(read, typed)
      if !same { found.append("goals \(part): \(read ?? "nil"), expected \(typed ?? "nil")") }
    }
    check("funds initial budget", table.funds?.initialBudget, json.funds?.initialBudget)
    check("funds annual budget", table.funds?.annualBudget, json.funds?.annualBudget)
    check("funds executed", table.funds?.executed, json.funds?.executed)
    check("funds weight", table.funds?.weight, json.funds?.weight)
    check("funds claimed rate", table.funds?.claimedRate, json.funds?.claimedRate)
    check("funds claimed score", table.funds?.claimedScore, json.funds?.claimedScore)
    check("funds score", result.funds?.score.description, expected.funds?.score)
    check("funds verified", result.funds?.verified, expected.funds?.verified)
    check("indicator count", table.indicators.count, json.indicators.count)
    for (got, want) in zip(table.indicators, json.indicators) {
      check("#\(want.index) name", got.name, want.name)
      check("#\(want.index) weight", got.weight, want.weight)
      check("#\(want.index) claimed score", got.claimedScore, want.claimedScore)
      check("#\(want.index) level 1", got.level1, want.level1)
      check("#\(want.index) level 2", got.level2, want.level2)
    }
    check("result indicator count", result.indicators.count, expected.indicators.count)
    for (item, want) in zip(result.indicators, expected.indicators) {
      check("#\(want.index) score", "\(item.name) \(item.score) \(item.verified)", "\(want.name) \(want.score) \(want.verified)")
    }
    check("findings", result.findings.map(\.key).sorted(), expected.findings.sorted())
    return found
  }
}
