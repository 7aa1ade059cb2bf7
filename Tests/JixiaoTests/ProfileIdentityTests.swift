import Foundation
import Testing

@testable import Jixiao

/// A profile is equal to another, and has its content hash, by every one of its settings: results name
/// the rules they were scored by (issue 16, item 9).
@Suite struct ProfileIdentityTests {
  /// One change for each setting, by the name of its stored property.
  static let changes: [String: @Sendable (inout Profile) -> Void] = [
    "name": { $0.name = "other" },
    "version": { $0.version = "9" },
    "description": { $0.description = "另一套规则" },
    "scoreTolerance": { $0.scoreTolerance = Rational(1) },
    "completionTolerancePoints": { $0.completionTolerancePoints = Rational(7) },
    "fundsRateTolerance": { $0.fundsRateTolerance = Rational(1) },
    "sourcesTolerance": { $0.sourcesTolerance = Rational(3) },
    "defaultFundsWeight": { $0.defaultFundsWeight = Rational(20) },
    "overAchievementThreshold": { $0.overAchievementThreshold = Rational(2) },
    "deductOverAchievement": { $0.deductOverAchievement.toggle() },
    "lowerIsBetter": { $0.lowerIsBetter = .linearExcess },
    "latePenalty": { $0.latePenalty = try! Rational(3, over: 10) },
    "bands": { $0.bands[.achieved] = Profile.Band(lower: try! Rational(9, over: 10), upper: .one) },
    "gradeLines": { $0.gradeLines[0].minimum = Rational(85) },
    "spendingGapClaimedShare": { $0.spendingGapClaimedShare = .one },
    "spendingGapExecutionBelow": { $0.spendingGapExecutionBelow = try! Rational(1, over: 2) },
    "evidenceRequired": { $0.evidenceRequired.toggle() },
    "qualitativeShareMax": { $0.qualitativeShareMax = try! Rational(1, over: 2) },
    "budgetUnit": { $0.budgetUnit = Unit("元") },
    "vocabulary": { $0.vocabulary.achieved.append("优秀") },
    "ruleKeywords": { $0.ruleKeywords.append((keyword: "打分", rule: .graded)) },
    "hierarchy": { $0.hierarchy[.project]?["产出"]?.insert("新增") },
    "requiredLevel1": { $0.requiredLevel1[.unit] = ["履职效能"] },
    "satisfactionLevel1": { $0.satisfactionLevel1.insert("满意") },
    "levelFolding": { $0.levelFolding = LevelNameFolding($0.traditionalForms.merging(["體": "体"]) { kept, _ in kept }) },
  ]

  @Test func everySettingTakesPartInEqualityAndTheContentHash() {
    let settings = Set(Mirror(reflecting: defaultProfile.fields).children.compactMap(\.label))
    #expect(settings == Set(Self.changes.keys), "each setting needs a change here, or it is not proven to count")
    for (setting, change) in Self.changes {
      let changed = profile(change)
      #expect(changed != defaultProfile, "\(setting)")
      #expect(changed.contentHash != defaultProfile.contentHash, "\(setting)")
      #expect(changed.hashValue != defaultProfile.hashValue, "\(setting)")
    }
    #expect(Set(Self.changes.values.map { profile($0).contentHash }).count == Self.changes.count)
  }

  /// The canonical text names the integer types a profile holds (`CanonicalText.of`); its definition asks every
  /// value whether it is an integer of any type. They agree on every setting, changed or not, and on integers
  /// of other types, alone, optional, and inside collections and tuples.
  @Test func theCanonicalTextIsItsDefinition() {
    #expect(CanonicalText.of(defaultProfile.fields) == CanonicalText.definition(defaultProfile.fields))
    for (setting, change) in Self.changes {
      let fields = profile(change).fields
      #expect(CanonicalText.of(fields) == CanonicalText.definition(fields), "\(setting)")
    }
    let values: [Any] = [
      Int8(-3), Int16(7), UInt(9), Int128.min, Optional(Int32(5)) as Any, Int?.none as Any, Optional(UInt8(2)) as Any,
      [Int16(1), 2], (UInt16(4), "a"), ["k": Int64(-1)], Set([Int32(3), 4]), Rational(7),
    ]
    for value in values { #expect(CanonicalText.of(value) == CanonicalText.definition(value), "\(value)") }
  }

  @Test func aSettingChangedBackIsTheSameProfileAgain() {
    var changed = profile { $0.latePenalty = try! Rational(3, over: 10) }
    changed.latePenalty = defaultProfile.latePenalty
    #expect(changed == defaultProfile)
    #expect(changed.contentHash == defaultProfile.contentHash && changed.hashValue == defaultProfile.hashValue)
  }

  /// The hash is of the settings, not of the file's bytes: a file laid out differently is the same rules,
  /// and every value of the file, changed, is other rules.
  @Test func theHashIsOfTheSettingsReadFromTheFile() throws {
    let path = repositoryRoot.appendingPathComponent("Scoring/national-default.json").path
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let compact = try JSONParser.parse(bytes).serialized(pretty: false)
    #expect(try Profile.parse(Array(compact.utf8), file: path) == defaultProfile)
    #expect(try Profile.parse(Array(compact.utf8), file: path).contentHash == defaultProfile.contentHash)

    let extending = #"{"extends": "national-default", "name": "national-default", "deadline": {"latePenalty": "0.3"}}"#
    let late = try Profile.parse(Array(extending.utf8), file: path)
    #expect(late.latePenalty == (try Rational(3, over: 10)))
    #expect(late != defaultProfile && late.contentHash != defaultProfile.contentHash)
    #expect(late == profile { $0.latePenalty = try! Rational(3, over: 10) }, "the same settings, however they were written")
  }
}
