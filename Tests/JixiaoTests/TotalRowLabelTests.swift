import Testing

@testable import Jixiao

/// `TableSchema.isTotalRowLabel` tells most cells from their first bytes (`startsWithNoTotalWord`); the
/// definition is its character-level rule: the first character that is no space (nor a byte-order mark, which
/// the key drops) is 总, 合 or 得, and the label's key (`headerKey`) is among `totalRowLabels`.
@Suite struct TotalRowLabelTests {
  static func definition(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }),
      "总合得".unicodeScalars.contains(first)
    else { return false }
    return TableSchema.totalRowLabels.contains(TableSchema.headerKey(text))
  }

  @Test func theFirstBytesAnswerAsTheKeyDoes() {
    let pieces = [
      "总", "合", "得", "分", "计", "总分", "合计", "得分合计", "产出指标", "预算执行率", " ", "\u{3000}", "\t", "\u{00A0}", "\n",
      "a", "1", "（", "指標", "總", "\u{200B}", "\u{FEFF}", "é", "😀", "〇", "龥",
    ]
    var generator = SplitMix(seed: 19)
    var texts = pieces + ["", "总 分", " 合计", "\u{3000}总分", "合 计 ", "總分"]
    for _ in 0..<3_000 {
      let count = Int(generator.next() % 4) + 1
      texts.append((0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
    }
    var totals = 0
    for text in texts {
      #expect(TableSchema.isTotalRowLabel(text) == Self.definition(text), "\(text.unicodeScalars.map(\.value))")
      if Self.definition(text) { totals += 1 }
      // True only where the first character is no space and none of 总, 合, 得.
      let quick = Array(text.utf8).withUnsafeBufferPointer(TableSchema.startsWithNoTotalWord)
      if quick, let first = text.unicodeScalars.first {
        #expect(!first.properties.isWhitespace && !"总合得".unicodeScalars.contains(first), "\(text)")
      }
    }
    #expect(totals > 20)
  }

  /// The label and its key agree on what is printed: a byte-order mark, dropped by the key, does not hide a
  /// total row.
  @Test func aByteOrderMarkBeforeATotalLabelIsDroppedAsTheKeyDropsIt() {
    #expect(TableSchema.headerKey("\u{FEFF}合计") == "合计")
    #expect(TableSchema.isTotalRowLabel("\u{FEFF}合计"))
    #expect(TableSchema.isTotalRowLabel("\u{FEFF} 总分"))
    #expect(!TableSchema.isTotalRowLabel("\u{FEFF}产出指标"))
  }
}
