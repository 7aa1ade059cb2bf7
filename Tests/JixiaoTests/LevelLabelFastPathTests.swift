import Testing

@testable import Jixiao

/// `LevelLabel.holdsNoDigit` only turns away texts the points grammar would not read as a number.
@Suite struct LevelLabelFastPathTests {
  static let characters: [String] = [
    "万", "元", "分", "十", "二", "百", "指", "标", "a", "Z", "%", "(", ")", "（", "）", " ", "　", ".", "-", "+", "*",
    "0", "5", "9", "０", "５", "①", "²", "〇", "零", "ⅷ", "𝟓", "٣", "兆", "\u{F96B}", "、", ":", "：",
  ]

  @Test func aTextWithoutDigitsIsNeverAPointsValue() {
    var random = SplitMix(seed: 19)
    var turnedAway = 0
    for _ in 0..<20_000 {
      let text = (0..<Int.random(in: 0...5, using: &random)).map { _ in Self.characters.randomElement(using: &random)! }
        .joined()
      guard LevelLabel.holdsNoDigit(Substring(text)) else { continue }
      turnedAway += 1
      if case .value(let points) = PrintedNumber.read(text, as: .points) {
        Issue.record("\(text) reads as \(points) but was turned away")
      }
    }
    #expect(turnedAway > 1_000)
    #expect(LevelLabel.holdsNoDigit("万元"))
    #expect(!LevelLabel.holdsNoDigit("２０分"))
    #expect(!LevelLabel.holdsNoDigit("①"))
    #expect(LevelLabel.split("项目资金（万元）") == nil)
    #expect(LevelLabel.split("产出指标（50分）")?.points == Rational(50))
    #expect(LevelLabel.split("产出指标（５０分）")?.points == Rational(50))
  }
}
