import Testing

@testable import Jixiao

/// The chooser remembers the readings of the texts and level names a table repeats; its definition is the
/// choice made afresh for each row (`printedRule`, then `defaultRule` with the profile's satisfaction levels).
@Suite struct RuleChoiceTests {
  @Test func rememberedChoicesAreTheFreshOnes() {
    let profile = defaultProfile
    let ruleTexts: [TableText?] = [
      nil, "", "  ", "按照完成比例赋分", "直接赋分", "按完成比例计分", "达成目标得满分，未达成不得分", "定性评价", "满意度 ≥90% 得满分",
      "其他", "按照完成比例赋分 ", "评分规则十", "评分规则十一",
    ]
    let levels: [TableText?] = [nil, "产出指标", "效益指标", "满意度指标", "满意度", "成本指标", "其他一", "其他二", "其他三", "其他四", "其他五"]
    let targets: [TableText?] = [">=10次", "有效提升", "2024年12月31日前", nil, "≤5%"]
    var random = SplitMix(seed: 6)
    // One worker's memo for every table, as a batch keeps it.
    let memo = Scorer.Memo(profile: profile)
    for _ in 0..<40 {
      var chooser = RuleSelection.Chooser(profile: profile, printedRules: memo.printedRules)
      for index in 1...60 {
        let indicator = Indicator(
          index: index, level1: levels.randomElement(using: &random)!, name: "指标\(index)", weight: Rational(5),
          target: targets.randomElement(using: &random)!, actual: nil, ruleText: ruleTexts.randomElement(using: &random)!,
          location: SourceLocation(file: "t.json"))
        let level1 = LevelKeys(indicator, folding: profile.levelFolding).level1
        let choice = chooser.choice(for: indicator, level1: level1)
        let printed = RuleSelection.printedRule(indicator, profile: profile)
        let isSatisfaction = profile.satisfactionLevel1.contains { level1.matches($0) }
        #expect(choice.printed == printed)
        #expect(choice.rule == printed ?? RuleSelection.defaultRule(indicator, isSatisfactionLevel: isSatisfaction))
      }
    }
  }

  /// The keyword search that skips keywords whose first character the text lacks finds what searching for
  /// every keyword finds (`printedRule`), on texts of every kind of scalar, and so does a worker's memo of it
  /// kept over all the texts (more than it holds).
  @Test func skippingAbsentKeywordsFindsTheSameRule() {
    let profile = defaultProfile
    let memo = Scorer.Memo(profile: profile)
    let pieces = [
      "满意", "满", "意度", "直接", "等级", "比例", "按照", "完成", "赋分", " ", "\u{3000}", "e\u{0301}", "😀", "é", "abc", "≥90%", "比",
    ]
    var random = SplitMix(seed: 61)
    for index in 0..<3000 {
      let text = (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
      let indicator = Indicator(
        index: index + 1, name: "指标", weight: Rational(5), target: nil, actual: nil, ruleText: TableText(text),
        location: SourceLocation(file: "t.json"))
      #expect(
        indicator.ruleText.flatMap { RuleSelection.printedRuleSearchingOnce($0, keywords: profile.ruleKeywords) }
          == RuleSelection.printedRule(indicator, profile: profile),
        "\(text.debugDescription)")
      #expect(
        memo.printedRules.reading(of: indicator.ruleText) == RuleSelection.printedRule(indicator, profile: profile),
        "\(text.debugDescription)")
    }
  }
}
