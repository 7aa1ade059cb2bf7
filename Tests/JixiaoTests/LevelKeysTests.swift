import Testing

@testable import Jixiao

/// `LevelKeys.keys(of:folding:)` keeps the keys of the names a table repeats; its definition is the keys
/// folded afresh for every row.
@Suite struct LevelKeysTests {
  @Test func rememberedKeysAreTheFreshOnes() {
    let folding = defaultProfile.levelFolding
    let level1s: [TableText?] = [
      nil, "", "产出指标", "产出 指标", "产出指標", "效益指标", "满意度指标", "满意度", "成本指标", "其他一", "其他二", "其他三", "其他四", "其他五",
      "其他六", " 产出指标",
    ]
    let level2s: [TableText?] = [nil, "", "数量指标", "数量 指标", "质量指标", "时效指标", "经济成本指标", "社会效益指标", "服务对象满意度指标", "甲", "乙", "丙", "丁"]
    var random = SplitMix(seed: 11)
    for _ in 0..<40 {
      let indicators = (1...60).map { index in
        Indicator(
          index: index, level1: level1s.randomElement(using: &random)!, level2: level2s.randomElement(using: &random)!,
          name: "指标\(index)", weight: Rational(5), target: ">=1次", actual: "1次", location: SourceLocation(file: "t.json"))
      }
      #expect(LevelKeys.keys(of: indicators, folding: folding) == indicators.map { LevelKeys($0, folding: folding) })
    }
  }

  /// The keys of a table's rows, memoised by their printed bytes, are the keys folded afresh on random
  /// labels: Chinese with and without 指标, traditional forms, full-width brackets and digits, ASCII and
  /// Unicode spaces (NBSP, U+3000), combining marks, and more distinct names than are remembered.
  @Test func memoisedKeysAreTheFreshOnesOnRandomLabels() {
    let folding = defaultProfile.levelFolding
    let pieces = [
      "产出", "指标", "效益", "指標", "满意度", "數量", "质量", " ", "\u{00A0}", "\u{3000}", "（", "）", "１０", "10", "e", "\u{0301}",
      "é", "A", "分", "\t",
    ]
    var random = SplitMix(seed: 19)
    for _ in 0..<60 {
      let distinct = Int.random(in: 1...24, using: &random)
      let labels: [TableText?] = (0..<distinct).map { _ in
        if Int.random(in: 0..<8, using: &random) == 0 { return nil }
        let count = Int.random(in: 0...5, using: &random)
        return TableText((0..<count).map { _ in pieces.randomElement(using: &random)! }.joined())
      }
      var previous = 0
      let indicators = (1...40).map { index in
        // Rows repeat the previous row's names, as merged cells print them, or take another one.
        if Int.random(in: 0..<3, using: &random) != 0 { previous = Int.random(in: 0..<distinct, using: &random) }
        let level2 = labels[(previous + index) % distinct]
        return Indicator(
          index: index, level1: labels[previous], level2: level2, name: "指标\(index)", weight: Rational(5), target: nil,
          actual: nil, location: SourceLocation(file: "t.json"))
      }
      #expect(LevelKeys.keys(of: indicators, folding: folding) == indicators.map { LevelKeys($0, folding: folding) })
    }
  }
}
