import Foundation
import Testing

@testable import Jixiao

/// Properties over generated tables (a small hand-written generator, no packages).
@Suite struct PropertyTests {
  static let operators = [">=", "≥", ">", "<=", "≤", "<", "=", "", "大于等于", "不超过"]
  static let units = ["%", "次", "万元", "亿元", "元", "家", "辆", ""]
  static let texts = ["有效促进", "显著提升", "达到预期指标", "基本完成", "未完成", "详见报告", ""]

  static func generatedTable(_ generator: inout SplitMix, index: Int) -> String {
    var indicators: [String] = []
    for position in 0..<Int.random(in: 1...12, using: &generator) {
      let weight = generator.decimalText(maxInteger: 20, places: Int.random(in: 0...2, using: &generator))
      let unit = units.randomElement(using: &generator)!
      let actualUnit = Bool.random(using: &generator) ? unit : units.randomElement(using: &generator)!
      let target: String
      let actual: String
      switch Int.random(in: 0..<10, using: &generator) {
      case 0...5:
        target = operators.randomElement(using: &generator)! + generator.decimalText(maxInteger: 500, places: 2) + unit
        actual = "=" + generator.decimalText(maxInteger: 800, places: 2) + actualUnit
      case 6:
        target = "2024年\(Int.random(in: 1...12, using: &generator))月\(Int.random(in: 1...28, using: &generator))日前"
        actual = "2024年\(Int.random(in: 1...12, using: &generator))月\(Int.random(in: 1...28, using: &generator))日"
      default:
        target = texts.randomElement(using: &generator)!
        actual = texts.randomElement(using: &generator)!
      }
      let claimed = generator.decimalText(maxInteger: 25, places: 2)
      indicators.append(
        #"{"name": "指标\#(position)", "weight": "\#(weight)", "target": "\#(target)", "actual": "\#(actual)", "claimedScore": "\#(claimed)"}"#
      )
    }
    let budget = generator.decimalText(maxInteger: 1000, places: 2)
    let executed = generator.decimalText(maxInteger: 1200, places: 2)
    return projectJSON(
      indicators.joined(separator: ","), funds: #"{"annualBudget": "\#(budget)", "executed": "\#(executed)", "weight": 10}"#
    )
    .replacingOccurrences(of: "测试项目", with: "生成\(index)")
  }

  @Test func everyVerifiedScoreIsBetweenZeroAndItsWeight() throws {
    var generator = SplitMix(seed: 7)
    for profile in [
      defaultProfile,
      profile {
        $0.lowerIsBetter = .linearExcess
        $0.deductOverAchievement = true
      },
    ] {
      for index in 0..<400 {
        let result = try score(Self.generatedTable(&generator, index: index), profile: profile)
        for item in result.indicators where item.verified {
          let weight = try #require(item.weight)
          #expect(item.score >= .zero && item.score <= weight, "\(result.name) #\(item.index): \(item.score) of \(weight)")
        }
        if let funds = result.funds, funds.verified {
          let weight = try #require(funds.weight, "a verified funds item has a weight")
          #expect(funds.score >= .zero && funds.score <= weight)
        }
        let verifiedWeights = result.indicators.filter(\.verified).compactMap(\.weight).reduce(Hundredths.zero, +)
        let verifiedScores = result.indicators.filter(\.verified).map(\.score).reduce(Hundredths.zero, +)
        #expect(verifiedScores <= verifiedWeights)
      }
    }
  }

  @Test func rescoringIsDeterministic() throws {
    var generator = SplitMix(seed: 11)
    for index in 0..<200 {
      let json = Self.generatedTable(&generator, index: index)
      let first = ResultJSON.encode(try score(json))
      let second = ResultJSON.encode(try score(json))
      #expect(first == second)
    }
  }

  @Test func moneyScaleNeverChangesAScore() throws {
    var generator = SplitMix(seed: 13)
    for _ in 0..<300 {
      let target = generator.decimalText(maxInteger: 900, places: 2)
      let actual = try #require(Rational(decimalText: Substring(generator.decimalText(maxInteger: 900, places: 2))))
      var scores: Set<Hundredths> = []
      for (unit, factor) in [("万元", Rational.one), ("元", Rational(10_000)), ("亿元", try Rational(1, over: 10_000))] {
        let printed = try (actual * factor).formatted(places: 8).trimmedZeros
        let json = projectJSON(#"{"name": "费用", "weight": 10, "target": ">=\#(target)万元", "actual": "\#(printed)\#(unit)"}"#)
        scores.insert(try score(json).indicators[0].score)
      }
      #expect(scores.count == 1, "\(actual) 万元 against >=\(target)万元: \(scores)")
    }
  }

  @Test func totalNeverExceedsTheWeightsWhenEverythingIsVerified() throws {
    var generator = SplitMix(seed: 17)
    for index in 0..<300 {
      let result = try score(Self.generatedTable(&generator, index: index))
      guard result.indicators.allSatisfy(\.verified), result.funds?.verified ?? true else { continue }
      let weights = result.indicators.compactMap(\.weight).reduce(result.funds?.weight ?? .zero, +)
      #expect(result.recomputedTotal <= weights)
    }
  }

  @Test func jsonOutputReadBackGivesTheSameFigures() throws {
    var generator = SplitMix(seed: 19)
    for index in 0..<200 {
      let result = try score(Self.generatedTable(&generator, index: index))
      guard case .object(let object) = try JSONParser.parse(Array(ResultJSON.encode(result).utf8)) else {
        Issue.record("the result is an object")
        continue
      }
      #expect(object["recomputedTotal"] == .string(result.recomputedTotal.description))
      #expect(object["unverifiedPoints"] == .string(result.unverifiedPoints.description))
      #expect(object["recomputedGrade"] == result.recomputedGrade.map { .string($0.rawValue) } ?? .null)
      guard case .array(let items) = object["indicators"], case .array(let findings) = object["findings"] else {
        Issue.record("indicators and findings are arrays")
        continue
      }
      #expect(items.count == result.indicators.count)
      for (item, original) in zip(items, result.indicators) {
        guard case .object(let fields) = item else { continue }
        #expect(fields["score"] == .string(original.score.description))
        #expect(fields["verified"] == .bool(original.verified))
        #expect(fields["completion"] == original.completion.map { .string($0.percentText) } ?? .null)
      }
      let codes = findings.compactMap { finding -> String? in
        guard case .object(let fields) = finding, case .string(let code) = fields["code"] else { return nil }
        return code
      }
      #expect(codes == result.findings.map(\.code.rawValue))
    }
  }
}
