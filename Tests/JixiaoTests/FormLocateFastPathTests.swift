import Testing

@testable import Jixiao

/// The locator's shortcuts on a form's text against their definitions on characters: the year under a
/// title, a label's points, a funds row's units; and the vocabulary's box, equal and hashed by its words.
@Suite struct FormLocateFastPathTests {
  /// Random texts of `pieces`, after `fixed`.
  static func texts(_ fixed: [String], pieces: [String], seed: UInt64) -> [String] {
    var random = SplitMix(seed: seed)
    return fixed
      + (0..<4_000).map { _ in
        (0..<Int.random(in: 0...7, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
      }
  }

  /// U+F98E is a compatibility ideograph equal to 年 (U+5E74) as a `String`, though not byte for byte: the
  /// bytes cannot tell it, so a text holding it is read by characters. U+0301 combines with what it follows.
  @Test func aYearCellReadsAsDefined() {
    let texts = Self.texts(
      [
        "（2023年度）", "(2024年度)", "2023 年度", "(2024 年）", "2023年", "2023\u{F98E}", "（2023\u{F98E}度）", "1899年", "20231年", "()",
        "(", ")", "年度", "(2023年度", "2023年度)", "（２０２３年度）", "2023年\u{301}", "\u{FEFF}2023年",
      ],
      pieces: [
        "(", ")", "（", "）", "2", "0", "1", "9", "2023", "(2023", "2023年", "年", "度", "年度）", " ", "\n", "\u{F98E}", "\u{301}", "a",
        "２",
        "\u{3000}",
      ],
      seed: 71)
    var read = 0
    for text in texts {
      let year = FormText.year(ofYearCell: text)
      #expect(year == FormText.yearByCharacters(ofYearCell: text), "\(text.debugDescription)")
      if year != nil { read += 1 }
    }
    #expect(read > 20, "some random texts are years")
    #expect(FormText.year(ofYearCell: "（2023\u{F98E}度）") == 2023)
    #expect(FormText.year(ofYearCell: "(2024 年）") == 2024)
  }

  /// The name and points of labels as forms print them, and of random ones: brackets of both widths, with
  /// and without digits, whitespace at either end (a vertical tab, which `LevelLabel.split` does not trim
  /// before looking for brackets), a combining mark, a full-width digit.
  @Test func aPointsLabelReadsAsDefined() {
    let texts = Self.texts(
      [
        "项目资金\n（万元）", "项目资金(万元)", "预算执行情况（20分）", "产出指标（40分）", "产出指标", " 产出指标 ", "（万元）", "(20分)", "产出指标（20分）\u{0B}",
        "产出指标（２０分）", "产出指标（万元）\u{301}", "成本指标(（10分）", "质量指标）", "\r\n", "",
      ],
      pieces: [
        "项目", "资金", "指标", "（", "）", "(", ")", "万元", "20", "分", " ", "\n", "\r", "\t", "\u{0B}", "\u{3000}", "\u{301}", "５", "a",
        "：",
      ],
      seed: 73)
    var toldOnBytes = 0
    for text in texts {
      let cell = GridCell(kind: .text, text: text, reference: CellReference(row: 0, column: 0))
      #expect(PointsLabel(cell) == PointsLabel(byCharacters: cell), "\(text.debugDescription)")
      if PointsLabel.nameWithoutPoints(text) != nil { toldOnBytes += 1 }
    }
    #expect(toldOnBytes > 1_000, "most labels are told on their bytes")
    #expect(PointsLabel.nameWithoutPoints("项目资金\n（万元）") == "项目资金\n（万元）")
    #expect(PointsLabel.nameWithoutPoints("产出指标（20分）") == nil, "points are read by the definition")
  }

  /// A points label keeps its fields in one box: a change to a copy never shows through the original, every
  /// field counts in equality, and labels equal by value from different boxes are equal and hash alike.
  @Test func aPointsLabelIsAValue() {
    let cell = GridCell(kind: .text, text: "产出指标（50分）", reference: CellReference(row: 11, column: 1))
    let original = PointsLabel(cell)
    #expect(original.name == "产出指标" && original.points == Rational(50) && original.cell == cell)
    var copy = original
    copy.name = "效益指标"
    #expect(original.name == "产出指标" && copy.name == "效益指标" && copy != original)
    copy.name = "产出指标"
    #expect(copy == original && copy.hashValue == original.hashValue)
    copy.points = nil
    #expect(copy != original && original.points == Rational(50))
    copy.points = Rational(50)
    copy.cell.reference = CellReference(row: 12, column: 1)
    #expect(copy != original && original.cell == cell && copy.cell.reference.row == 12)
    copy.cell.reference = cell.reference
    #expect(copy == original && copy.hashValue == original.hashValue)
    #expect(PointsLabel(cell) == original && PointsLabel(cell).hashValue == original.hashValue)
  }

  @Test func aFundsRowsUnitsDropAsDefined() {
    let texts = Self.texts(
      ["合计(元)(万元)", "合计(万元)(元)", "年度资金总额(万元)", "(元)", "合计(元)\u{301}", "合计(元\u{F98E})", "总计"],
      pieces: ["合计", "总计", "(", ")", "万元", "元", "(万元)", "(元)", "\u{301}", "a", "\u{F98E}"],
      seed: 79)
    let vocabulary = FormVocabulary.standard
    for text in texts {
      let key = FormText.labelKey(text)
      #expect(
        FormVocabulary.droppingFundsUnits(key) == FormVocabulary.droppingFundsUnitsByCharacters(key), "\(text.debugDescription)")
      #expect(
        vocabulary.isFundsTotal(text)
          == vocabulary.fundsTotalLabels.contains(FormVocabulary.droppingFundsUnitsByCharacters(key)), "\(text.debugDescription)")
    }
    #expect(vocabulary.isFundsTotal("合计（元）（万元）"))
  }

  /// A wrapped label joined on its bytes, as `oneLineByCharacters` joins it (`FormTextFastPathTests` holds
  /// the two together on random texts).
  @Test func aWrappedLabelJoinsOnItsBytes() {
    for text in ["一级\r\n 指标\t", "年度\n总体\n目标", " 项目资金\u{0B}（万元）\u{0C}", "\r\n", "a\n\n b", "偏差原因分析及改\n进措施"] {
      #expect(FormText.isPlainlyComposed(text), "\(text.debugDescription) is joined on its bytes")
      #expect(FormText.oneLine(text) == FormText.oneLineByCharacters(text), "\(text.debugDescription)")
    }
    #expect(FormText.oneLine("一级\r\n 指标\t") == "一级指标")
  }

  /// The fingerprints read on contiguous bytes are those of the bytes as a string iterates them.
  @Test func fingerprintsAreOfTheTextsBytes() {
    let texts = Self.texts(["", "a", "ab", "abc", "项", "项目资金"], pieces: ["项目", "a", "（", "\u{301}", "1", " "], seed: 83)
    for text in texts {
      let bytes = Array(text.utf8)
      let lead: UInt64? =
        bytes.count < 3 ? nil : 1 << UInt64((Int(bytes[0]) &* 31 &+ Int(bytes[1]) &* 7 &+ Int(bytes[2])) & 63)
      #expect(FormVocabulary.leadFingerprint(text) == lead, "\(text.debugDescription)")
      let key: UInt64 = 1 << UInt64((bytes.count &* 7 &+ Int(bytes.last ?? 0)) & 63)
      #expect(FormVocabulary.keyFingerprint(text) == key, "\(text.debugDescription)")
    }
  }

  /// The words as `FormVocabulary.init` takes them, the `changed`th replaced by another (none for nil).
  static func vocabulary(changing changed: Int?) -> FormVocabulary {
    func words(_ index: Int, _ words: Set<String>) -> Set<String> { index == changed ? words.union(["另一个词"]) : words }
    func list(_ index: Int, _ words: [String]) -> [String] { index == changed ? words + ["另一个词"] : words }
    return FormVocabulary(
      titleWords: list(0, ["自评表"]), headerLabels: words(1, ["项目名称"]), fundsLabelPrefixes: list(2, ["项目资金"]),
      fundsTotalLabels: words(3, ["合计"]), goalsLabels: words(4, ["年度总体目标"]), nameHeaders: words(5, ["三级指标"]),
      level1Headers: words(6, ["一级指标"]), level2Headers: words(7, ["二级指标"]), projectNameHeaders: words(8, ["项目名称"]),
      weightHeaders: words(9, ["分值"]), scoreHeaders: words(10, ["得分"]), rotatedLabelWords: list(11, ["指标"]),
      totalLabels: words(12, ["总分"]), noteLabelPrefixes: list(13, ["备注"]), grades: words(14, ["优"]),
      signOffLabels: words(15, ["填报人"]))
  }

  /// Two vocabularies built apart of the same words are equal and hash alike, though their boxes differ;
  /// one word more in any of them makes another vocabulary.
  @Test func vocabulariesAreEqualByTheirWords() {
    let words = Self.vocabulary(changing: nil)
    let again = Self.vocabulary(changing: nil)
    #expect(words == again)
    #expect(words.hashValue == again.hashValue)
    #expect(Set([words, again]).count == 1)
    for changed in 0..<16 {
      let other = Self.vocabulary(changing: changed)
      #expect(other != words, "word list \(changed)")
      #expect(Set([words, other]).count == 2, "word list \(changed)")
    }
    #expect(FormVocabulary.standard != words)
  }
}
