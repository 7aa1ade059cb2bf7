import Testing

@testable import Jixiao

/// The qualitative reading of a row's texts on their bytes is the reading of their strings (its definition,
/// `read(actual:target:)` on the trimmed strings, as the graded rule read them before), whatever the texts:
/// plain ones read on bytes, any other by the definition.
@Suite struct QualitativeReadingTests {
  /// Pieces of actuals and targets: the profile's words and phrases, spaces of every kind, full-width forms
  /// that normalizing folds, and scalars that leave the byte path (a combining mark, a tone mark, a CJK
  /// compatibility ideograph, a decomposed letter, an emoji, a control character).
  static let pieces = [
    "达到预期", "完成", "基本", "部分", "未", "没有", "不", "无", "不断提高", "不断", "提高", "有效", "显著", "促进", "长期推动", "详见报告",
    "服务", "质量", "满意", " ", "\u{3000}", "\t", "\n", "\r\n", "\u{00A0}", "\u{2003}", "１２", "％", "．", "，", "－", "5", "%", "。", "、",
    "（", "）", "e\u{0301}", "é", "\u{302A}", "\u{F900}", "\u{8C48}", "😀", "\u{0001}", "abc", "-", "/",
  ]

  static func text(_ generator: inout SplitMix) -> String {
    let count = Int.random(in: 0...5, using: &generator)
    return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
  }

  @Test func readingTheBytesIsReadingTheStrings() {
    var generator = SplitMix(seed: 19)
    let profiles = [
      defaultProfile.vocabulary,
      // Words that are not plain themselves, or empty: the byte path must still agree.
      QualitativeVocabulary(
        achieved: ["\u{F900}", "e\u{0301}", "完成"], partly: ["", "基本"], negations: ["未", "é"], notNegations: ["", "未来", "不断"]),
    ]
    for vocabulary in profiles {
      let phrases = QualitativePhrases(vocabulary)
      for _ in 0..<4000 {
        let actual = Self.text(&generator)
        let target = Self.text(&generator)
        let fromBytes = phrases.read(actual: TableText(actual), target: TableText(target))
        let definition = vocabulary.read(actual: actual.trimmingSpaces(), target: target.trimmingSpaces())
        #expect(fromBytes == definition, "actual \(actual.debugDescription), target \(target.debugDescription)")
        #expect(
          phrases.read(actual: TableText(actual), target: nil) == vocabulary.read(actual: actual.trimmingSpaces(), target: ""))
      }
      #expect(phrases.read(actual: nil, target: nil) == vocabulary.read(actual: "", target: ""))
    }
  }

  /// A phrase the scalar bits rule out never occurs: the bits skip searches, never matches.
  @Test func phrasesRuledOutByTheScalarsDoNotOccur() {
    var generator = SplitMix(seed: 3)
    let phrases = Self.pieces + ["达到", "预期", "不断提", "到预", "a", "bc", "５", "%完成"]
    var ruledOut = 0
    for _ in 0..<4000 {
      let text = Self.text(&generator)
      guard let normalized = QualitativeText.withNormalized(TableText(text), { Array($0) }) else { continue }
      normalized.withUnsafeBufferPointer { haystack in
        let scalars = QualitativeText.Scalars(haystack)
        for phrase in phrases {
          Array(phrase.utf8).withUnsafeBufferPointer { needle in
            if haystack.containsSequence(needle) {
              #expect(scalars.mayContain(needle), "\(text.debugDescription) contains \(phrase.debugDescription)")
            } else if !scalars.mayContain(needle) {
              ruledOut += 1
            }
          }
        }
      }
    }
    #expect(ruledOut > 10_000, "the bits rule out most absent phrases")
  }

  @Test func plainTextsAreReadOnTheirBytesAndOthersAreNot() {
    let plain = ["有效促进", " １２％，完成\u{3000}", "\t达到预期。\r\n", "abc（5%）"]
    for text in plain {
      #expect(TableText(text).withUTF8(QualitativeText.scan) != nil, "\(text.debugDescription)")
    }
    for text in ["e\u{0301}", "\u{F900}", "调\u{302A}", "😀", "a\u{0001}", "\u{2003}有效"] {
      #expect(TableText(text).withUTF8(QualitativeText.scan) == nil, "\(text.debugDescription)")
    }
  }
}
