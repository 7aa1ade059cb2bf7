import Foundation
import Testing

@testable import Jixiao

@Suite struct ProfileTests {
  @Test func theDefaultProfileHoldsTheSpecsNumbers() {
    let profile = defaultProfile
    #expect(profile.name == "national-default")
    #expect(profile.overAchievementThreshold == Rational(decimalText: "1.3"))
    #expect(profile.deductOverAchievement == false)
    #expect(profile.scoreTolerance == Rational(decimalText: "0.005"))
    #expect(profile.completionTolerancePoints == Rational(decimalText: "0.5"))
    #expect(profile.defaultFundsWeight == Rational(10))
    #expect(profile.lowerIsBetter == .targetOverActual)
    #expect(profile.latePenalty == .one)
    #expect(profile.gradeLines.map(\.minimum) == [Rational(90), Rational(80), Rational(60), .zero])
    #expect(profile.bands[.achieved]?.lower == Rational(decimalText: "0.8"))
    #expect(profile.bands[.partlyAchieved]?.lower == Rational(decimalText: "0.6"))
    #expect(profile.spendingGapClaimedShare == Rational(decimalText: "0.95"))
    #expect(profile.spendingGapExecutionBelow == Rational(decimalText: "0.6"))
    #expect(profile.hierarchy[.project]?["产出"]?.contains("数量") == true)
    #expect(profile.hierarchy[.unit]?["履职效能"] != nil)
    #expect(profile.contentHash.count == 16)
  }

  @Test func theBundledProfileIsFoundByName() throws {
    #expect(Profile.bundledNames().first == "national-default")
    #expect(try Profile.load("national-default").contentHash == defaultProfile.contentHash)
  }

  @Test func unknownProfileNamesListTheKnownOnes() {
    #expect {
      try Profile.load("natoinal")
    } throws: { error in
      (error as? InputError)?.message.english.contains("national-default") == true
    }
  }

  private func validationError(_ change: (inout String) -> Void) -> InputError? {
    var text = String(
      decoding: try! Data(contentsOf: repositoryRoot.appendingPathComponent("Scoring/national-default.json")), as: UTF8.self)
    change(&text)
    do {
      _ = try Profile.parse(Array(text.utf8), file: "bad.json")
      return nil
    } catch {
      return error
    }
  }

  @Test func validationNamesTheKeyAndWhatIsWrong() throws {
    let formula = try #require(validationError { $0 = $0.replacingOccurrences(of: "\"target-over-actual\"", with: "\"ratio\"") })
    #expect(formula.location.field == "lowerIsBetter")
    #expect(formula.message.english.contains("linear-excess"))

    let threshold = try #require(
      validationError { $0 = $0.replacingOccurrences(of: "\"threshold\": \"1.3\"", with: "\"threshold\": \"0.5\"") })
    #expect(threshold.location.field == "overAchievement.threshold")

    let grades = try #require(
      validationError { $0 = $0.replacingOccurrences(of: "\"minimum\": \"80\"", with: "\"minimum\": \"95\"") })
    #expect(grades.message.english.contains("fall from best to worst"))

    let missing = try #require(
      validationError { $0 = $0.replacingOccurrences(of: "\"deduct\": false", with: "\"deductx\": false") })
    #expect(missing.location.field == "overAchievement.deduct")
  }
}

/// The bundled variants, each on a real fixture, with the arithmetic.
@Suite struct ProfileVariantTests {
  func rescore(_ fixture: String, _ profileName: String) throws -> TableResult {
    let bytes = Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/\(fixture)/table.json")))
    guard case .table(let table) = TableReader.read(bytes, file: "\(fixture).json")[0] else { throw CancellationError() }
    return Scorer(profile: try Profile.load(profileName)).score(table)
  }

  @Test func everyBundledProfileLoadsAndRecordsItsNameAndHash() throws {
    let names = Profile.bundledNames()
    #expect(
      Set(names).isSuperset(of: [
        "national-default", "provincial-80-70-60", "lower-linear", "late-30-percent", "deduct-over-achievement",
        "evidence-required",
      ]))
    var hashes = Set<String>()
    for name in names {
      let result = try rescore("004-unit", name)
      #expect(result.profileName == name)
      hashes.insert(result.profileHash)
    }
    #expect(hashes.count == names.count, "different rules, different hashes")
  }

  @Test func provincialGradeLines() throws {
    // 004-work-team-subsidy: 84.62 is 良 nationally, 优 with 80/70/60; its claim 76.62 is 中 → 良.
    #expect(try rescore("004-work-team-subsidy", "national-default").recomputedGrade == .good)
    let provincial = try rescore("004-work-team-subsidy", "provincial-80-70-60")
    #expect(provincial.recomputedGrade == .excellent)
    #expect(provincial.claimedGrade == .good)
  }

  @Test func linearLowerIsBetter() throws {
    // 001-unit #2 项目预算 <=214.76万元, actual 407.98: 12 × 214.76/407.98 = 6.32 by default;
    // linear: 12 × max(0, 1 − 193.22/214.76) = 12 × 0.100298… = 1.20.
    #expect(try rescore("001-unit", "national-default").indicators[1].score == "6.32")
    #expect(try rescore("001-unit", "lower-linear").indicators[1].score == "1.20")
  }

  @Test func lateDeadlineCostsThirtyPercent() throws {
    // 002-autumn-consumption #5 培训完成时间, weight 6, 41 days late: 0 by default, 6 × 0.7 = 4.20.
    #expect(try rescore("002-autumn-consumption", "national-default").indicators[4].score == "0.00")
    let lenient = try rescore("002-autumn-consumption", "late-30-percent")
    #expect(lenient.indicators[4].score == "4.20")
    #expect(lenient.recomputedTotal == "98.20")
  }

  @Test func overAchievementDeducted() throws {
    // 004-unit #6 新增规模以上工业企业 >=5 家, actual 8: 160 %, 15 × (1 − 0.6) = 6.00; total 57.41 − 9 = 48.41.
    let result = try rescore("004-unit", "deduct-over-achievement")
    #expect(result.indicators[5].score == "6.00")
    #expect(result.recomputedTotal == "48.41")
    #expect(result.indicators[6].score == "10.00", "satisfaction (98.08 % of 95 %) is never deducted")
  }

  @Test func evidenceRequiredOnlyWhereTheColumnIsPrinted() throws {
    // 000 tables print 佐证资料 for every indicator: nothing changes. A table without the column neither.
    #expect(try rescore("000-investment-promotion", "evidence-required").recomputedTotal == "100.00")
    #expect(try rescore("004-unit", "evidence-required").recomputedTotal == "57.41")
  }

  @Test func aProfileThatExtendsNeedsItsOwnName() throws {
    let directory = NSTemporaryDirectory() + "jixiao-profile-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let nameless = directory + "/nameless.json"
    try #"{"schema": 1, "extends": "national-default", "evidenceRequired": true}"#.write(
      toFile: nameless, atomically: true, encoding: .utf8)
    #expect {
      try Profile.read(path: nameless)
    } throws: { error in
      (error as? InputError)?.message.english.contains("its own \"name\"") == true
    }
    let mine = directory + "/mine.json"
    try #"{"schema": 1, "extends": "provincial-80-70-60", "name": "mine", "deadline": {"latePenalty": "0.5"}}"#.write(
      toFile: mine, atomically: true, encoding: .utf8)
    let profile = try Profile.read(path: mine)
    #expect(profile.latePenalty == Rational(decimalText: "0.5"))
    #expect(profile.gradeLines.first?.minimum == Rational(80), "inherited from its parent")
    #expect(profile.overAchievementThreshold == Rational(decimalText: "1.3"), "inherited from the national default")
  }
}
