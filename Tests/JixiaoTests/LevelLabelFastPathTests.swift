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

  /// Labels as forms print them, and random ones of the pieces that matter: brackets of both widths,
  /// points in every notation, spaces of every kind, a combining mark after a bracket, controls.
  static let labels: [String] = {
    var labels = [
      "产出指标（50分）", "效益指标(30分)", "满意度指标（10）", "成本指标（万元）", "得分（20分*执行率）", "预算执行情况（20分）",
      " 产出指标（50分） ", "产出指标 （５０分）", "（50分）", "产出指标（50分）\u{0301}", "产出指标（50\u{0301}分）", "产出指标\t(5)",
      "产出指标（一0分）", "a(1)", "a (1) ", "(1)(2)", "x（1)", "产出指标（50分）\u{3000}", "",
      "项目资金\n（万元）", "预算执行\r\n情况（20分）", "\t产出指标（5分）\n", "产出指标\n（\n5分\r\n）\r\n", "\n（5分）", "产出\u{000B}（5）\u{000C}",
    ]
    var random = SplitMix(seed: 23)
    let pieces = [
      "产出", "指标", "分", "万元", "（", "）", "(", ")", " ", "\u{3000}", "\t", "\n", "5", "0", "５", ".", "*", "%", "\u{0301}",
      "\u{0600}", "①", "é", "a", "\r\n", "\r", "\u{001F}", "\u{0085}",
    ]
    let points = ["5", "0", "５", "分", " ", ".", "万元", "\u{0301}"]
    func some(_ count: ClosedRange<Int>, of pieces: [String] = pieces) -> String {
      (0..<Int.random(in: count, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }
    // Mostly shaped as a label: a name, a bracket, its contents, a bracket, what may follow.
    labels += (0..<5_000).map { _ in
      some(0...3) + ["（", "("].randomElement(using: &random)! + some(0...3, of: points) + ["）", ")"].randomElement(
        using: &random)!
        + some(0...1)
    }
    return labels
  }()

  /// A label split on its bytes gives what its definition, by characters, gives: the same name and points,
  /// or none; a table's text, the same again.
  @Test func aLabelSplitsAsDefined() {
    var splitOnBytes = 0
    for label in Self.labels {
      let definition = LevelLabel.splitByCharacters(label)
      let split = LevelLabel.split(label)
      #expect(split?.name == definition?.name && split?.points == definition?.points, "\(label.debugDescription)")
      let text = LevelLabel.split(TableText(label))
      #expect(text?.name.string == definition?.name && text?.points == definition?.points, "\(label.debugDescription)")
      var bytes = label
      if case .split = bytes.withUTF8(LevelLabel.splitOnBytes) { splitOnBytes += 1 }
    }
    #expect(splitOnBytes > 100)
  }
}
