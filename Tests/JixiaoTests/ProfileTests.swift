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
      (error as? InputError)?.message.contains("national-default") == true
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
    #expect(formula.message.contains("linear-excess"))

    let threshold = try #require(
      validationError { $0 = $0.replacingOccurrences(of: "\"threshold\": \"1.3\"", with: "\"threshold\": \"0.5\"") })
    #expect(threshold.location.field == "overAchievement.threshold")

    let grades = try #require(
      validationError { $0 = $0.replacingOccurrences(of: "\"minimum\": \"80\"", with: "\"minimum\": \"95\"") })
    #expect(grades.message.contains("fall from best to worst"))

    let missing = try #require(
      validationError { $0 = $0.replacingOccurrences(of: "\"deduct\": false", with: "\"deductx\": false") })
    #expect(missing.location.field == "overAchievement.deduct")
  }
}
