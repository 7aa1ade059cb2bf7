import Foundation
import Testing

@testable import Jixiao

/// The form reader's shortcuts on label text against their definitions: a label on one line, the funds
/// and note prefixes told by a fingerprint first, a funds label's unit among the common ones.
@Suite struct FormTextFastPathTests {
  /// Texts as forms print them, and random ones of the pieces that matter (whitespace of every kind,
  /// line breaks, full-width forms, a byte-order mark, short texts).
  static let texts: [String] = {
    var texts = [
      "", " ", "\n", "项目资金（万元）", "项目资金(元)", "年度预算（元）", "其中：财政拨款", "其他需要说明事项", "备注", "备 注", "说明", "a", "ab",
      "abc", "年度\n资金总额", "一级\r\n指标", "预算执行情况（20分）", "资金情况", "\u{FEFF}项目资金", "项目资金\u{2028}（万元）",
      " 项目资金", "项目资金 ", "（万元）", "(亿元)", "项目资金（千元）", "项目资金（万元", "项目资金（美元）", "年初预算数\u{3000}",
    ]
    var random = SplitMix(seed: 29)
    let pieces = [
      "项目", "资金", "预算", "其他", "需要", "说明", "备注", "执行", "（", "）", "(", ")", "万元", "元", " ", "\n", "\r", "\t", "\u{3000}",
      "\u{00A0}", "\u{0085}", "\u{2028}", "\u{FEFF}", "％", "：", "a", "1",
    ]
    texts += (0..<3_000).map { _ in
      (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }
    return texts
  }()

  @Test func oneLineReadsAsDefined() {
    for text in Self.texts {
      let definition = text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.joined()
      #expect(FormText.oneLine(text) == definition, "\(text.debugDescription)")
    }
  }

  @Test func prefixesAreToldAsDefined() {
    let vocabulary = FormVocabulary.standard
    let short = FormVocabulary(
      titleWords: ["自评表"], headerLabels: [], fundsLabelPrefixes: ["(", "项目资金"], fundsTotalLabels: [], goalsLabels: [],
      nameHeaders: ["三级指标"],
      level1Headers: [], level2Headers: [], projectNameHeaders: [], weightHeaders: [], scoreHeaders: [], rotatedLabelWords: [],
      totalLabels: [], noteLabelPrefixes: ["备"], grades: [])
    for text in Self.texts + vocabulary.fundsLabelPrefixes + vocabulary.noteLabelPrefixes {
      for words in [vocabulary, short] {
        let key = FormText.labelKey(text)
        #expect(
          words.isFundsLabel(key) == words.fundsLabelPrefixes.contains { FormText.starts(key, with: $0) },
          "\(text.debugDescription)")
        #expect(
          words.isNote(key) == words.noteLabelPrefixes.contains { FormText.starts(key, with: $0) }, "\(text.debugDescription)")
      }
    }
  }

  /// A row's first cell begins with ★ or 其中： as its trimmed text does, whether or not it is trimmed first.
  @Test func aTrimmedPrefixIsToldAsDefined() {
    var random = SplitMix(seed: 31)
    let pieces = ["★", "其中", "：", ":", " ", "\u{3000}", "\t", "\n", "\u{0301}", "指标", "a", "\u{FEFF}", "\u{00A0}"]
    let texts =
      Self.texts + ["★指标", " ★指标", "其中：指标", "\u{3000}其中:a", "★\u{0301}", "其中：\u{0301}", "★ ", "其中"]
      + (0..<3_000).map { _ in
        (0..<Int.random(in: 0...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
      }
    var starting = 0
    for text in texts {
      for word in ["★", "其中", "其中：", "其中:"] {
        let definition = FormText.starts(text.trimmingSpaces(), with: word)
        #expect(FormText.startsTrimmed(text, with: word) == definition, "\(text.debugDescription) \(word)")
        if definition { starting += 1 }
      }
    }
    #expect(starting > 200)
  }

  @Test func aLabelsUnitReadsAsDefined() {
    // Labels whose brackets hold points, or a unit spelt without 元 (亿 alone is 亿元), or a word the
    // byte test cannot vouch for.
    let labels = [
      "预算执行情况（20分）", "项目资金（10分）", "项目资金（亿）", "项目资金(亿/年)", "资金（ 元 ）", "资金（单位:元）", "资金（元/人）",
      "资金（万 元）", "资金（\u{2F00}）", "资金（元\u{0301}）", "资金（％）", "资金（千元", "资金（人）",
      "项目资金\n（万元）", "项目资金\r\n(元)", "项目\t资金（亿元）\n", "资金（万元）（元）", "资金（万元)x", "资金（", "资金（）", "（元",
    ]
    var random = SplitMix(seed: 37)
    let pieces = ["（", "）", "(", ")", "元", "亿", "万", "分", "10", " ", ":", "单位", "/", "人", "\u{3000}", "：", "é", "\n", "\r\n"]
    let randomLabels = (0..<2_000).map { _ in
      (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }
    var toldByBytes = 0
    for text in Self.texts + labels + randomLabels + PrintedFormTable.commonLabelUnits.map({ "项目资金（\($0)）" }) {
      var bytes = text
      if bytes.withUTF8(PrintedFormTable.holdsNoMoneyWord) { toldByBytes += 1 }
      let definition: String? = text.lastIndex { $0 == "（" || $0 == "(" }.flatMap { open in
        let inner = String(text[text.index(after: open)...].prefix { $0 != "）" && $0 != ")" })
        return TableBuilder.amountUnit(inner) != nil ? inner : nil
      }
      #expect(PrintedFormTable.labelUnit(text) == definition, "\(text.debugDescription)")
    }
    #expect(toldByBytes > 500)
    #expect(PrintedFormTable.commonLabelUnits.count == 4, "every common unit is a money unit")
  }
}

/// `ZipArchive.Entry.isSafeName` on an ASCII name's bytes against the definition on characters.
@Suite struct EntryNameFastPathTests {
  @Test func asciiNamesAreJudgedAsDefined() {
    var names = [
      "", "/", "//", "a", "a/", "a//b", "./a", "a/./b", "a/../b", "..", ".", "...", "a/.", "a/..", ".a/b..", "C:", "C:/a", "a/C:",
      "xl/worksheets/sheet1.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "a\\b", "a\u{1}b", "a\u{7F}", "é/a",
      "a/\u{301}", "/\u{301}a", "a\r\nb", "xl/media/图1.png",
    ]
    var random = SplitMix(seed: 31)
    let pieces = ["a", "b", "/", "/", ".", ".", ":", "\\", "\u{1}", "\u{7F}", "é", "\u{301}", "x.xml", " "]
    names += (0..<5_000).map { _ in
      (0..<Int.random(in: 0...7, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }
    for name in names {
      #expect(ZipArchive.Entry.isSafeName(name) == ZipArchive.Entry.isSafeNameByCharacters(name), "\(name.debugDescription)")
    }
  }
}

/// A table's kind by its title, searched on bytes first, against the search on the text alone.
@Suite struct TitleKindFastPathTests {
  @Test func aTitlesKindIsReadAsDefined() {
    var random = SplitMix(seed: 37)
    let pieces = [
      "整体", "整", "体", "目标表", "目标", "表", "自评表", "部门（单位）", "\u{301}", "\u{FE00}", "（2023年度）", " ", "\n", "a", "目\u{301}标表",
    ]
    var titles = ["项目支出绩效自评表", "部门（单位）整体支出绩效自评表", "项目支出绩效目标表", "部门整体支出绩效目标表", "", "整体\u{301}", "目标表\u{301}"]
    titles += (0..<3_000).map { _ in
      (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }
    for title in titles {
      let key = FormText.key(title)
      let definition = (key.contains("整体") ? "unit" : "project") + (key.contains("目标表") ? "-target" : "")
      #expect(PrintedFormTable.kind(ofTitleKey: key) == definition, "\(title.debugDescription)")
    }
  }
}

/// `FormKey` hashes a digest of its bytes: the vocabulary's sets find exactly the keys equal byte for byte.
@Suite struct FormKeyHashTests {
  @Test func setsFindTheKeysEqualByteForByte() {
    let vocabulary = FormVocabulary.standard
    let sets = [
      vocabulary.headerLabels, vocabulary.nameHeaders, vocabulary.totalLabels, vocabulary.goalsLabels, vocabulary.weightHeaders,
      vocabulary.scoreHeaders, vocabulary.grades, vocabulary.signOffLabels, vocabulary.fundsTotalLabels,
    ]
    var keys = sets.flatMap { $0.map(\.text) }
    keys +=
      keys.map { $0 + "：" } + keys.map { String($0.dropLast()) } + keys.map { "\u{FEFF}" + $0 } + FormTextFastPathTests.texts
    keys += ["e\u{301}", "\u{E9}", "指标", "分值 ", ""]
    for key in keys {
      for set in sets {
        #expect(set.contains(key) == set.contains { $0.text.utf8.elementsEqual(key.utf8) }, "\(key.debugDescription)")
      }
      #expect(FormKey(key).hashValue == FormKey(String(decoding: Array(key.utf8), as: UTF8.self)).hashValue)
    }
  }
}

/// `TableBuilder.amountUnit` takes the common units from a table made once: the same as reading them.
@Suite struct AmountUnitFastPathTests {
  @Test func commonUnitsReadAsDefined() {
    let texts =
      TableBuilder.commonAmountUnits.map(\.text) + ["万元 ", "（万元）", "金额单位：元", "美元", "萬元", "元\u{301}", ""]
      + FormTextFastPathTests.texts
    for text in texts {
      #expect(TableBuilder.amountUnit(text) == TableBuilder.readAmountUnit(text), "\(text.debugDescription)")
    }
    #expect(TableBuilder.commonAmountUnits.allSatisfy { $0.unit != nil })
  }
}
