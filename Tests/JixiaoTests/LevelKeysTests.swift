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
}
