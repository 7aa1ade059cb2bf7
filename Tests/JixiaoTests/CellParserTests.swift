import Testing

@testable import Jixiao

@Suite struct CellParserTests {
  private func quantity(_ text: String) -> Quantity? {
    if case .quantity(let quantity) = Cell(parsing: text) { return quantity }
    return nil
  }

  private func value(_ text: String) -> Rational { Rational(decimalText: Substring(text))! }

  @Test(arguments: [
    (">=20次/年", Comparison.atLeast), ("≥1辆", .atLeast), ("≧5家", .atLeast), ("＞=90%", .atLeast),
    ("＞＝90%", .atLeast), (">90%", .greaterThan), ("＞90%", .greaterThan), ("<=600 米", .atMost),
    ("≤3.50万元", .atMost), ("≦10天", .atMost), ("＜=5%", .atMost), ("＜＝5%", .atMost), ("<1%", .lessThan),
    ("＜1%", .lessThan), ("=100%", .equal), ("＝100%", .equal), ("﹦100%", .equal), ("═100%", .equal),
  ])
  func readsSymbolOperators(text: String, comparison: Comparison) {
    #expect(quantity(text)?.comparison == comparison, "\(text)")
  }

  @Test(arguments: [
    ("大于等于95%", Comparison.atLeast), ("不低于95%", .atLeast), ("不少于3次", .atLeast), ("不小于3次", .atLeast),
    ("大于95%", .greaterThan), ("高于95%", .greaterThan), ("超过95%", .greaterThan), ("小于等于10万元", .atMost),
    ("不高于10万元", .atMost), ("不超过10万元", .atMost), ("不大于10万元", .atMost), ("控制在10万元", .atMost),
    ("小于5%", .lessThan), ("低于5%", .lessThan), ("等于100%", .equal), ("5家以上", .atLeast), ("10天以内", .atMost),
    ("3%以下", .atMost),
  ])
  func readsWordOperators(text: String, comparison: Comparison) {
    #expect(quantity(text)?.comparison == comparison, "\(text)")
  }

  @Test func noOperatorIsRecordedAsNone() {
    #expect(quantity("515米")?.comparison == nil)
    #expect(quantity("515米")?.value == value("515"))
  }

  @Test func thousandsSeparatorsAndDecimals() {
    #expect(quantity("1,782.65万元")?.value == value("1782.65"))
    #expect(quantity(">=1，000人")?.value == value("1000"))
    #expect(quantity("４,３００.００")?.value == value("4300"), "full-width digits and comma")
  }

  @Test func approximateMarks() {
    let many = quantity(">=600多亿")
    #expect(many?.value == value("600"))
    #expect(many?.isApproximate == true)
    #expect(many?.unit == Unit("亿元"), "亿 alone is 亿元")
    #expect(quantity("30余家")?.isApproximate == true)
  }

  @Test func unitsSimpleAndCompound() {
    #expect(quantity(">=20次/年")?.unit.text == "次/年")
    #expect(quantity("<=1万元/月")?.unit.text == "万元/月")
    #expect(quantity("=1200人次")?.unit.text == "人次")
    #expect(quantity("<=15工作日")?.unit.text == "工作日")
    #expect(quantity("=96.67％")?.unit.text == "%", "full-width percent")
    #expect(quantity(">=5 家")?.unit.text == "家", "space before the unit")
  }

  @Test func moneyScaleConversion() {
    #expect(Unit("亿元").relation(ofActual: Unit("万元")) == .converted(factor: try! Rational(1, over: 10_000)))
    #expect(Unit("万元").relation(ofActual: Unit("元")) == .converted(factor: try! Rational(1, over: 10_000)))
    #expect(Unit("万元/家").relation(ofActual: Unit("亿元/家")) == .converted(factor: Rational(10_000)))
    #expect(Unit("万元/家").relation(ofActual: Unit("万元")) == .incompatible, "different suffix")
    #expect(Unit("辆").relation(ofActual: Unit("%")) == .incompatible)
    #expect(Unit("%").relation(ofActual: Unit("")) == .same, "one side without a unit")
  }

  @Test func deadlines() {
    #expect(Cell(parsing: "2024年10月30日前") == .deadline(Deadline(year: 2024, month: 10, day: 30)))
    #expect(Cell(parsing: "12月31日之前") == .deadline(Deadline(year: nil, month: 12, day: 31)), "no year")
    #expect(Cell(parsing: "2024年12月10") == .deadline(Deadline(year: 2024, month: 12, day: 10)), "日 missing")
    #expect(Cell(parsing: "=2024年12月1日前日") == .deadline(Deadline(year: 2024, month: 12, day: 1)))
    #expect(Cell(parsing: "2023 年 12 月31 日") == .deadline(Deadline(year: 2023, month: 12, day: 31)), "spaces")
    #expect(Cell(parsing: "2024年6月底前") == .deadline(Deadline(year: 2024, month: 6, day: 30)))
    #expect(Cell(parsing: "2024年2月底") == .deadline(Deadline(year: 2024, month: 2, day: 29)), "leap year")
  }

  @Test func impossibleDatesAreUnreadable() {
    guard case .unreadable = Cell(parsing: "2023年2月30日前") else {
      Issue.record("2月30日 must be unreadable")
      return
    }
    guard case .unreadable = Cell(parsing: "2024年13月1日") else {
      Issue.record("13月 must be unreadable")
      return
    }
  }

  @Test func textAndEmpty() {
    #expect(Cell(parsing: "有效促进") == .text("有效促进"))
    #expect(Cell(parsing: "达到预期指标") == .text("达到预期指标"))
    for blank in ["", "  ", "-", "—", "/", "——"] { #expect(Cell(parsing: blank) == .empty, "'\(blank)'") }
  }

  @Test func malformedQuantitiesAreUnreadable() {
    for text in [">=", "≥%", "<=/", ">=.%"] {
      guard case .unreadable = Cell(parsing: text) else {
        Issue.record("'\(text)' must be unreadable, got \(Cell(parsing: text))")
        continue
      }
    }
    guard case .unreadable = Cell(parsing: ">=1234567890123456789012345次") else {
      Issue.record("30 digits must be unreadable")
      return
    }
  }

  @Test func negativeTargets() {
    #expect(quantity("≥-5%")?.value == value("-5"))
  }

  @Test func proseStartingWithANumberIsText() {
    #expect(Cell(parsing: "1个月内完成全部验收和结算工作") == .text("1个月内完成全部验收和结算工作"))
  }

  @Test func qualitativeReading() {
    let vocabulary = defaultProfile.vocabulary
    #expect(vocabulary.read(actual: "有效促进", target: "有效促进") == .achieved)
    #expect(vocabulary.read(actual: "长期推动", target: "长期推动") == .achieved, "repeats the target")
    #expect(vocabulary.read(actual: "达到预期指标", target: "显著") == .achieved)
    #expect(vocabulary.read(actual: "基本达到预期", target: "显著") == .partlyAchieved, "partial wins over achieved")
    #expect(vocabulary.read(actual: "未达到预期", target: "显著") == .notAchieved, "negation wins")
    #expect(vocabulary.read(actual: "不断提高", target: "提高") == .achieved, "不断 is not a negation")
    #expect(vocabulary.read(actual: "详见报告", target: "长期推动") == nil)
  }
}

@Suite struct TrimmingTests {
  /// The byte-level shortcut leaves every kind of space to the character-level trim.
  @Test(arguments: [
    ("产出", "产出"), (" 产出 ", "产出"), ("\u{3000}产出\u{3000}", "产出"), ("\u{2003}abc\u{2003}", "abc"),
    ("\u{00A0}5%\u{00A0}", "5%"), ("\u{0085}x\u{2028}", "x"), ("\u{205F}≥5\u{202F}", "≥5"), ("a\t", "a"), ("", ""),
    ("‰", "‰"), ("\u{1680}数量", "数量"),
  ])
  func trimsEverySpace(text: String, expected: String) {
    #expect(text.trimmingSpaces() == expected)
    #expect(Substring(text).trimmingSpaces() == expected)
  }
}

@Suite struct BlankCellTests {
  /// `isBlank`'s first-byte shortcut agrees with its definition (normalize, then an empty mark) for
  /// every mark, padded mark, full-width or spaced look-alike, and every first scalar of each byte length.
  @Test func shortcutAgreesWithTheDefinition() {
    var texts: [String?] = [nil, "", " ", "\u{3000}", "\t", "\u{00A0}", "\u{2003}", "\u{1680}", "\u{0085}"]
    for mark in CellGrammar.emptyMarks {
      texts += [mark, " \(mark) ", "\u{3000}\(mark)", "\t\(mark)\n", "\(mark)x", "x\(mark)"]
    }
    texts += ["－", " －", "／", "工作资料", "a", "—资料", "/资料", "-1", "０", "１份", "﹣"]
    let firstScalars =
      (0x01...0x7F).map { Unicode.Scalar($0)! }
      + [
        0x85, 0xA0, 0xFF, 0x100, 0x7FF, 0x800, 0x1680, 0x2000, 0x2014, 0x2212, 0x3000,
        0x3400, 0x4E00, 0x9FFF, 0xA000, 0xF900, 0xFF0D, 0xFF0F, 0xFFFD, 0x10000, 0x20000,
      ].map { Unicode.Scalar($0)! }
    for scalar in firstScalars { texts += [String(scalar), String(scalar) + "资料", String(scalar) + "-", String(scalar) + " "] }
    for text in texts {
      let definition = text.map { CellGrammar.isEmptyMark(CellGrammar.normalize($0)) } ?? true
      #expect((text.map { TableText($0).isBlankOrMark } ?? true) == definition, "\(String(describing: text).debugDescription)")
    }
  }
}

@Suite struct SameTextTests {
  /// Keys are equal exactly when the folded texts are `==`: byte equality never decides against canonical
  /// equivalence (the keys are in normal form C).
  @Test func keysAgreeWithStringEquality() {
    let texts = [
      "", "成本", "成本指标", "数量", "数量 ", "产出", "abc", "ABC", "\u{8C48}", "\u{F900}", "成\u{F900}", "成\u{8C48}",
      "e\u{0301}", "\u{00E9}", "\u{212B}", "\u{00C5}", "A\u{030A}", "\u{4000}", "\u{9FFF}", "\u{A000}", "\u{3400}\u{0301}",
      "满意度", "满意度\u{0301}", "１", "1", "≤", "≥", "≤\u{0338}", "\u{2270}", "a ≥5", "≥ 5",
    ]
    let folding = defaultProfile.levelFolding
    for left in texts {
      for right in texts {
        let names = FoldedKeyTests.oldKey(left) == FoldedKeyTests.oldKey(right)
        #expect(
          (FoldedKey(name: left) == FoldedKey(name: right)) == names, "\(left.debugDescription) vs \(right.debugDescription)")
        let levels = LevelName(left, folding: folding).key == LevelName(right, folding: folding).key
        #expect(
          (FoldedKey(level: left, folding: folding) == FoldedKey(level: right, folding: folding)) == levels,
          "\(left.debugDescription) vs \(right.debugDescription)")
      }
    }
    #expect(
      FoldedKey(name: "\u{F900}") == FoldedKey(name: "\u{8C48}"), "a compatibility ideograph is canonically its unified form")
  }
}
