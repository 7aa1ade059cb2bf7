import Testing

@testable import Jixiao

/// `LevelKeys.keys(of:memo:)` takes a name's key from the worker's memo (`TextMemoTests`); its
/// definition is the keys folded afresh for every row. A level name's key folded on bytes (`LevelNameFolding.fastFolding`)
/// is its definition's (`FoldedKey(levelByDefinition:folding:)`).
@Suite struct LevelKeysTests {
  @Test func rememberedKeysAreTheFreshOnes() {
    let folding = defaultProfile.levelFolding
    let level1s: [TableText?] = [
      nil, "", "产出指标", "产出 指标", "产出指標", "效益指标", "满意度指标", "满意度", "成本指标", "其他一", "其他二", "其他三", "其他四", "其他五",
      "其他六", " 产出指标",
    ]
    let level2s: [TableText?] = [nil, "", "数量指标", "数量 指标", "质量指标", "时效指标", "经济成本指标", "社会效益指标", "服务对象满意度指标", "甲", "乙", "丙", "丁"]
    let memo = Scorer.Memo(profile: defaultProfile).levelKeys
    var random = SplitMix(seed: 11)
    for _ in 0..<40 {
      let indicators = (1...60).map { index in
        Indicator(
          index: index, level1: level1s.randomElement(using: &random)!, level2: level2s.randomElement(using: &random)!,
          name: "指标\(index)", weight: Rational(5), target: ">=1次", actual: "1次", location: SourceLocation(file: "t.json"))
      }
      #expect(LevelKeys.keys(of: indicators, memo: memo) == indicators.map { LevelKeys($0, folding: folding) })
    }
  }

  /// A worker hands out one copy of each key, whichever printing it reads it from, so that checks tell a row's
  /// keys from the row before's by identity (`FoldedKey.isIdentical`); different keys are never one copy.
  @Test func aWorkerHandsOutOneCopyOfEachKey() {
    let memo = Scorer.Memo(profile: defaultProfile).levelKeys
    let printings: [TableText] = ["产出指标", "产出 指标", "产出指標", "产出", " 产出指标", "產出指標"]
    let keys = printings.map { memo.reading(of: $0) }
    for key in keys { #expect(key.isIdentical(to: keys[0]) && key.text == "产出") }
    let others = ["效益指标", "成本指标", "数量指标", "质量指标", "产出指标二"].map { memo.reading(of: TableText($0)) }
    for (position, other) in others.enumerated() {
      #expect(!other.isIdentical(to: keys[0]))
      for earlier in others[..<position] { #expect(!other.isIdentical(to: earlier)) }
    }
  }

  /// The keys of a table's rows, taken from a memo kept from table to table, are the keys folded afresh on random
  /// labels: Chinese with and without 指标, traditional forms, full-width brackets and digits, ASCII and
  /// Unicode spaces (NBSP, U+3000), combining marks, and more distinct names than are remembered.
  @Test func memoisedKeysAreTheFreshOnesOnRandomLabels() {
    let folding = defaultProfile.levelFolding
    let pieces = [
      "产出", "指标", "效益", "指標", "满意度", "數量", "质量", " ", "\u{00A0}", "\u{3000}", "（", "）", "１０", "10", "e", "\u{0301}",
      "é", "A", "分", "\t",
    ]
    let memo = Scorer.Memo(profile: defaultProfile).levelKeys
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
      #expect(LevelKeys.keys(of: indicators, memo: memo) == indicators.map { LevelKeys($0, folding: folding) })
    }
  }

  /// Pieces of random level names: Chinese with and without 指标, the default profile's traditional forms,
  /// ASCII and Unicode spaces (U+3000, NBSP, tabs, line ends), CJK punctuation and full-width forms (which the
  /// byte walk folds), and what it leaves to the definition: combining marks and a tone mark that join their
  /// neighbour, decomposed letters and Hangul, compatibility ideographs and Hangul syllables that normal
  /// form C changes or builds, an ideograph of CJK Extension A below U+4000, a soft hyphen, a control.
  static let levelPieces: [String] =
    [
      "产出", "效益", "满意度", "数量", "质量", "时效", "经济成本", "社会", "指标", "指标", "指", "标", "指標", "產出", "滿意度", "數量", "質量",
      "時效", "經濟", " ", " ", "\u{3000}", "\u{00A0}", "\t", "\n", "\r\n", "\u{2003}", "、", "。", "《", "》", "（", "）", "１０", "％",
      "Ａ", "10", "A", "e", "\"", "\\", "-", "\u{0301}", "\u{302A}", "e\u{0301}", "é", "\u{1100}\u{1161}", "가", "\u{11A8}",
      "\u{F900}", "\u{2F800}", "\u{3400}", "\u{00AD}", "\u{0007}", "\u{3099}", "か",
    ] + defaultProfile.traditionalForms.keys.map { String($0) }

  static func randomLevel(using random: inout SplitMix) -> String {
    let label = (0..<Int.random(in: 0...6, using: &random)).map { _ in levelPieces.randomElement(using: &random)! }.joined()
    return Bool.random(using: &random) ? label + "指标" : label
  }

  /// On random labels, the key folded on bytes (sharing the name's bytes, a prefix of them, or written
  /// once) has the bytes of the definition's key, and is plain JSON exactly when they are. Enough of the
  /// labels take each byte path for the comparison to bite.
  @Test func bytesFoldingIsTheDefinitionOnRandomLabels() {
    let folding = defaultProfile.levelFolding
    var random = SplitMix(seed: 23)
    var paths: [LevelNameFolding.BytesFolding?: Int] = [:]
    for _ in 0..<20_000 {
      let label = Self.randomLevel(using: &random)
      // A label inside a record's bytes, as the JSON Lines decoder holds it, and in its own copy.
      let record = TableText("{\(label)}")
      let inRecord = record.withUTF8 { TableText(record.storage, 1..<$0.count - 1, plain: record.isPlainJSON) }
      let definition = FoldedKey(levelByDefinition: label, folding: folding)
      for printed in [TableText(label), inRecord] {
        let key = FoldedKey(level: printed, folding: folding)
        #expect(key.key.string.utf8.elementsEqual(definition.text.utf8), "\(label.debugDescription)")
        #expect(key.key.isPlainJSON == TableText(key.text).isPlainJSON, "\(label.debugDescription)")
      }
      paths[TableText(label).withUTF8 { folding.fastFolding($0) }, default: 0] += 1
    }
    for path in [.unchanged, .prefix(0), .folded, nil] as [LevelNameFolding.BytesFolding?] {
      let taken = paths.filter { entry in
        if case .prefix? = entry.key, case .prefix? = path { return true }
        return entry.key == path
      }
      #expect(taken.values.reduce(0, +) > 500, "\(String(describing: path))")
    }
  }

  /// Names made only of what the byte walk reads: every one takes it, and its key is the definition's.
  @Test func bytesFoldingReadsChineseNamesWithSpacesAndTraditionalForms() {
    let folding = defaultProfile.levelFolding
    let names = [
      "产出指标", "产出 指标", "产出\u{3000}指标", "產出指標", " 產出指標 ", "指标", "指標", " 指标", "指标指标", "满意度（％）", "经济成本指標",
      "满意度。", "A指标", "a b", "",
    ]
    for name in names {
      #expect(TableText(name).withUTF8 { folding.fastFolding($0) } != nil, "\(name)")
      #expect(
        FoldedKey(level: TableText(name), folding: folding) == FoldedKey(levelByDefinition: name, folding: folding), "\(name)")
    }
    #expect(FoldedKey(level: "產出 指標", folding: folding).text == "产出")
    #expect(FoldedKey(level: "指標", folding: folding).text == "指标")
  }

  /// A profile whose map has a pair other than one ideograph for another leaves every name to the
  /// definition, which maps it.
  @Test func aMapOfOtherFormsIsLeftToTheDefinition() {
    let folding = LevelNameFolding(["（": "(", "）": ")", "產": "产"])
    #expect(TableText("产出（一）").withUTF8 { folding.fastFolding($0) } == nil)
    #expect(FoldedKey(level: "產出（一）指标", folding: folding).text == "产出(一)")
    var random = SplitMix(seed: 29)
    for _ in 0..<2_000 {
      let label = Self.randomLevel(using: &random)
      #expect(FoldedKey(level: TableText(label), folding: folding) == FoldedKey(levelByDefinition: label, folding: folding))
    }
  }
}
