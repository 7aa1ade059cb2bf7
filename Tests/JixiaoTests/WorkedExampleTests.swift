import Testing

@testable import Jixiao

/// Spec §5, one test per worked example, plus the scoring rules of §3 on small tables.
@Suite struct WorkedExampleTests {
  @Test func industrialGrowthIsOverClaimedBy24_50() throws {
    let result = try score(
      projectJSON(#"{"name": "规模以上工业增加值增长率", "weight": 25, "target": ">=5%", "actual": "0.1%", "claimedScore": 25}"#))
    #expect(result.indicators[0].score == "0.50")
    #expect(result.indicators[0].completion == (try Rational(1, over: 50)))
    let finding = try #require(result.findings.first { $0.code == .scoreOverClaimed })
    #expect(finding.message == "目标 >=5%，实际 0.1%，完成率 2.00%，按比例应得 0.50 分，自评 25.00 分，多报 24.50 分")
  }

  @Test func perCapitaStandardLowerIsBetter() throws {
    let result = try score(
      projectJSON(#"{"name": "人均发放标准", "weight": 20, "target": "<=1万元/月", "actual": "=1.1万元/月", "claimedScore": 18.18}"#))
    #expect(result.indicators[0].score == "18.18")
    #expect(!keys(result).contains("score.over-claimed@1") && !keys(result).contains("score.under-claimed@1"))
  }

  @Test func lineRelocationIsMetAndDirectionSuspect() throws {
    let result = try score(
      projectJSON(
        #"{"level1": "产出指标", "level2": "数量指标", "name": "线路改迁长度", "weight": 15, "target": "<=600米", "actual": "=515米", "claimedScore": 12.87}"#
      ))
    #expect(result.indicators[0].score == "15.00")
    #expect(keys(result).contains("score.under-claimed@1"))
    #expect(keys(result).contains("target.direction-suspect@1"))
    #expect(result.findings.contains { $0.message.contains("少报 2.13 分") })
  }

  @Test func trainingDeadlineMissedBySixWeeks() throws {
    let result = try score(
      projectJSON(
        #"{"name": "培训完成时间", "weight": 6, "target": "2024年10月30日前", "actual": "2024年12月10", "rule": "直接赋分", "claimedScore": 6}"#))
    #expect(result.indicators[0].score == "0.00")
    #expect(keys(result).contains("deadline.missed@1"))
    #expect(result.findings.contains { $0.code == .scoreOverClaimed && $0.message.contains("多报 6.00 分") })
    #expect(result.findings.contains { $0.message.contains("逾期 41 天") })
  }

  @Test func newEnergyCarAgainstPercentIsUnverified() throws {
    let result = try score(
      projectJSON(#"{"name": "租赁新能源车", "weight": 15, "target": "≥1辆", "actual": "=1%", "claimedScore": 15}"#))
    #expect(!result.indicators[0].verified)
    #expect(result.indicators[0].score == "15.00", "keeps its claim")
    #expect(result.unverifiedPoints == "15.00")
    #expect(itemKeys(result) == ["unit.incompatible@1"])
  }

  @Test func unitBudgetProseExample() throws {
    let result = try score(
      projectJSON(#"{"name": "项目预算", "weight": 12, "target": "<=214.76万元", "actual": "407.98万元", "claimedScore": 12}"#))
    #expect(result.indicators[0].score == "6.32")
  }

  @Test func scrapLinesTooLowAndProfitRuleMismatch() throws {
    let result = try score(
      projectJSON(
        #"{"name": "新增拆解线", "weight": 10, "target": ">=3条", "actual": "=12条"}"#,
        #"{"name": "回收企业利润", "weight": 10, "target": "显著增加", "actual": "显著增加", "rule": "按照完成比例赋分"}"#))
    #expect(result.indicators[0].completion == Rational(4))
    #expect(result.indicators[0].score == "10.00", "the default profile flags and does not deduct")
    #expect(result.indicators[0].whatIfScore == "0.00")
    #expect(keys(result).contains("target.too-low@1"))
    #expect(keys(result).contains("rule.mismatch@2"))
    #expect(result.indicators[1].rule == .graded)
  }
}

@Suite struct ScoringRuleTests {
  /// An indicator beside a funds block under test (a table is read from its indicators).
  static let metInFull = #"{"name": "次数", "weight": 90, "target": ">=1次", "actual": "1次"}"#

  @Test func budgetExecutionIsCappedAtTheWeight() throws {
    let result = try score(
      projectJSON(Self.metInFull, funds: #"{"annualBudget": "100", "executed": "120", "weight": 10, "claimedScore": 10}"#))
    #expect(result.funds?.score == "10.00")
    #expect(keys(result).contains("funds.over-executed@funds"))
  }

  @Test func budgetExecutionWithoutBudgetKeepsItsClaim() throws {
    let result = try score(projectJSON(Self.metInFull, funds: #"{"annualBudget": null, "executed": "5", "claimedScore": "9.5"}"#))
    #expect(result.funds?.verified == false)
    #expect(result.funds?.score == "9.50")
    #expect(result.unverifiedPoints == "9.50")
  }

  @Test func equalToZeroIsMetOnlyByZero() throws {
    let met = try score(projectJSON(#"{"name": "事故发生率", "weight": 5, "target": "=0%", "actual": "0%"}"#))
    let missed = try score(projectJSON(#"{"name": "事故发生率", "weight": 5, "target": "=0%", "actual": "1%"}"#))
    #expect(met.indicators[0].score == "5.00")
    #expect(missed.indicators[0].score == "0.00")
  }

  @Test func targetOfZeroHigherIsBetterIsMetByAnyNonNegativeActual() throws {
    let result = try score(projectJSON(#"{"name": "新增", "weight": 5, "target": ">=0个", "actual": "0个"}"#))
    #expect(result.indicators[0].score == "5.00")
  }

  @Test func negativeActualCountsAsZero() throws {
    let result = try score(projectJSON(#"{"name": "增长率", "weight": 10, "target": ">=5%", "actual": "-3%"}"#))
    #expect(result.indicators[0].score == "0.00")
  }

  @Test func lowerIsBetterLinearFormulaFromTheProfile() throws {
    let linear = profile { $0.lowerIsBetter = .linearExcess }
    let json = projectJSON(#"{"name": "人均发放标准", "weight": 20, "target": "<=1万元/月", "actual": "=1.1万元/月"}"#)
    #expect(try score(json, profile: linear).indicators[0].score == "18.00", "20 × (1 − 0.1) = 18")
    let doubled = projectJSON(#"{"name": "费用", "weight": 20, "target": "<=1万元", "actual": "=2.5万元"}"#)
    #expect(try score(doubled, profile: linear).indicators[0].score == "0.00", "0 beyond twice the target")
  }

  @Test func overAchievementDeductionWhenTheProfileSaysSo() throws {
    let deducting = profile { $0.deductOverAchievement = true }
    let json = projectJSON(
      #"{"name": "次数", "weight": 10, "target": ">=10次", "actual": "15次"}"#,
      #"{"level1": "满意度指标", "name": "满意度", "weight": 10, "target": ">=60%", "actual": "99%"}"#)
    let result = try score(json, profile: deducting)
    #expect(result.indicators[0].score == "5.00", "10 × (1 − 0.5)")
    #expect(result.indicators[1].score == "10.00", "satisfaction is never deducted")
    #expect(result.indicators[1].rule == .satisfaction)
  }

  @Test func lateDeadlinePenaltyFromTheProfile() throws {
    let lenient = profile { $0.latePenalty = Rational(decimalText: "0.3")! }
    let json = projectJSON(#"{"name": "完成时间", "weight": 10, "target": "10月30日前", "actual": "11月5日"}"#)
    #expect(try score(json, profile: lenient).indicators[0].score == "7.00")
    #expect(try score(json).indicators[0].score == "0.00")
  }

  @Test func everyRuleAgreesOnWhatMetMeans() throws {
    // One definition: `=0` is met only by 0 or less; any other `=` is higher-is-better (a negative
    // target included), whether the rule is proportional or pass/fail.
    for rule in ["按照完成比例赋分", "直接赋分"] {
      let negative = projectJSON(#"{"name": "降幅", "weight": 10, "target": "=-5%", "actual": "-3%", "rule": "\#(rule)"}"#)
      #expect(try score(negative).indicators[0].score == "10.00", "\(rule)")
      let below = projectJSON(#"{"name": "降幅", "weight": 10, "target": "=-5%", "actual": "-7%", "rule": "\#(rule)"}"#)
      #expect(try score(below).indicators[0].score == "0.00", "\(rule)")
      let zero = projectJSON(#"{"name": "事故率", "weight": 10, "target": "=0%", "actual": "1%", "rule": "\#(rule)"}"#)
      #expect(try score(zero).indicators[0].score == "0.00", "\(rule)")
    }
  }

  @Test func consecutiveRowsChooseTheirOwnRules() throws {
    // Rule choices carry over from the row before only where the text they read repeats.
    let json = projectJSON(
      #"{"level1": "效益指标", "name": "一", "weight": 10, "target": ">=5次", "actual": "5次"}"#,
      #"{"level1": "效益指标", "name": "二", "weight": 10, "target": "有效促进", "actual": "有效促进"}"#,
      #"{"level1": "满意度指标", "name": "三", "weight": 10, "target": ">=90%", "actual": "95%"}"#,
      #"{"level1": "满意度指标", "name": "四", "weight": 10, "target": ">=90%", "actual": "95%", "rule": "直接赋分"}"#,
      #"{"level1": "满意度指标", "name": "五", "weight": 10, "target": "有效促进", "actual": "有效促进", "rule": "直接赋分"}"#)
    #expect(try score(json).indicators.map(\.rule) == [.proportional, .graded, .satisfaction, .passFail, .passFail])
  }

  @Test func passFailScoresAllOrNothing() throws {
    let json = projectJSON(#"{"name": "验收", "weight": 10, "target": "=100%", "actual": "95%", "rule": "直接赋分"}"#)
    #expect(try score(json).indicators[0].score == "0.00")
  }

  @Test func gradedHoldsTheClaimInsideItsBand() throws {
    let json = projectJSON(
      #"{"name": "甲", "weight": 20, "target": "显著提升", "actual": "基本达到", "claimedScore": 20}"#,
      #"{"name": "乙", "weight": 20, "target": "显著提升", "actual": "未达到预期", "claimedScore": 20}"#,
      #"{"name": "丙", "weight": 20, "target": "显著提升", "actual": "有效提升", "claimedScore": 10}"#,
      #"{"name": "丁", "weight": 20, "target": "显著提升", "actual": "有效提升"}"#)
    let result = try score(json)
    #expect(result.indicators.map(\.score) == ["16.00", "12.00", "16.00", "20.00"])
    #expect(result.indicators.map(\.band) == [.partlyAchieved, .notAchieved, .achieved, .achieved])
  }

  @Test func strictTargetMetOnlyByEqualityKeepsFullMarks() throws {
    let result = try score(projectJSON(#"{"name": "个数", "weight": 4, "target": ">100个", "actual": "=100个"}"#))
    #expect(result.indicators[0].score == "4.00")
    #expect(itemKeys(result) == ["target.strict-boundary@1"])
  }

  @Test func moneyScalesConvertBeforeComparing() throws {
    let result = try score(projectJSON(#"{"name": "销售额", "weight": 10, "target": ">=5亿元", "actual": "40000万元"}"#))
    #expect(result.indicators[0].score == "8.00")
    #expect(itemKeys(result) == ["unit.scale-converted@1"])
  }

  @Test func totalIsTheSumOfRoundedItemsAndGradesFollowTheProfile() throws {
    let json = projectJSON(
      #"{"name": "甲", "weight": 45, "target": ">=3", "actual": "2.9"}"#,
      #"{"name": "乙", "weight": 45, "target": ">=3", "actual": "2.9"}"#,
      funds: #"{"annualBudget": "3", "executed": "2.9", "weight": 10}"#)
    let result = try score(json)
    // 45 × 2.9/3 = 43.5; 10 × 2.9/3 = 9.666… → 9.67; 43.50 + 43.50 + 9.67 = 96.67
    #expect(result.recomputedTotal == "96.67")
    #expect(result.recomputedGrade == .excellent)
    let provincial = profile {
      $0.gradeLines = [
        .init(grade: .excellent, minimum: Rational(97)), .init(grade: .good, minimum: Rational(80)),
        .init(grade: .fair, minimum: Rational(60)), .init(grade: .poor, minimum: .zero),
      ]
    }
    #expect(try score(json, profile: provincial).recomputedGrade == .good)
  }

  @Test func gradeBoundariesAreInclusive() {
    #expect(defaultProfile.grade(for: "90.00") == .excellent)
    #expect(defaultProfile.grade(for: "89.99") == .good)
    #expect(defaultProfile.grade(for: "80.00") == .good)
    #expect(defaultProfile.grade(for: "60.00") == .fair)
    #expect(defaultProfile.grade(for: "59.99") == .poor)
  }

  @Test func evidenceRequiredScoresZero() throws {
    let strict = profile { $0.evidenceRequired = true }
    let json = projectJSON(#"{"name": "次数", "weight": 10, "target": ">=5次", "actual": "5次", "evidence": ""}"#)
    #expect(try score(json, profile: strict).indicators[0].score == "0.00")
    #expect(try score(json).indicators[0].score == "10.00")
  }

  @Test func targetTablesAreStructureCheckedNotScored() throws {
    let json = #"""
      {"name": "目标表", "kind": "project-target", "indicators": [
        {"level1": "产出指标", "level2": "数量指标", "name": "甲", "weight": 40, "target": "<=5次"},
        {"level1": "效益指标", "level2": "社会效益指标", "name": "乙", "weight": 50, "target": "有效"}]}
      """#
    let result = try score(json)
    #expect(result.recomputedGrade == nil)
    #expect(result.indicators.allSatisfy { !$0.verified })
    #expect(keys(result) == ["structure.missing-level1", "target.direction-suspect@1"])
  }
}
