import Foundation
import Testing

@testable import Jixiao

/// The table checks' fast paths against their definitions: the registry's direct calls against its list
/// run in turn, differences and sums counted in hundredths against `Rational`, and the in-place duplicate and
/// structure checks against the row-by-row definitions.
@Suite struct CheckFastPathTests {
  /// The context the scorer makes for `table`, with the evaluations its result shows; the rows' level keys
  /// folded afresh, or taken from a worker's memo (one copy of each key, as a batch's worker has them).
  static func context(_ table: Table, profile: Profile = defaultProfile, memo: Scorer.Memo? = nil) -> CheckContext {
    let result = Scorer(profile: profile).score(table)
    let verdicts = result.indicators.map { item -> Evaluation.Verdict? in
      guard item.weight != nil, let weight = item.indicator.weight else { return nil }
      return Evaluation(
        rule: item.rule, score: item.verified ? item.score.rational : nil, completion: item.completion, band: item.band,
        whatIf: item.whatIfScore?.rational
      ).verdict(weight: weight)
    }
    let levelWeightKeys = table.levelWeights.map {
      LevelKeys(level1: TableText($0.level1), level2: $0.level2.map { TableText($0) }, folding: profile.levelFolding)
    }
    return CheckContext(
      table: table, result: ScoredTable(result), verdicts: verdicts,
      levels: memo.map { LevelKeys.keys(of: table.indicators, memo: $0.levelKeys) }
        ?? table.indicators.map { LevelKeys($0, folding: profile.levelFolding) }, levelWeightKeys: levelWeightKeys,
      weights: WeightsTotal(table, profile: profile), profile: profile)
  }

  /// Every table of the catalogue's examples that reads as one, scored and as a target table.
  static var exampleTables: [Table] {
    FindingCatalogue.all.flatMap { $0.triggering + $0.clean }.compactMap { example in
      let records = TableReader.read(example.bytes, file: "example.\(example.format.rawValue)", format: example.format)
      guard records.count == 1, case .table(let table) = records[0] else { return nil }
      return table
    }
  }

  @Test func theRegistryRunsItsListInTurn() {
    let tables = Self.exampleTables
    #expect(tables.count > 100)
    var found = 0
    for table in tables {
      var target = table
      target.isTargetTable = true
      for table in [table, target] {
        let context = Self.context(table)
        var direct: [Finding] = []
        TableChecks.rescore(context, into: &direct)
        var inTurn: [Finding] = []
        TableChecks.rescoreInTurn(context, into: &inTurn)
        #expect(direct == inTurn, "\(table.name)")
        found += direct.count
      }
    }
    #expect(found > 100)
  }

  /// `rescore` calls its checks by name, beside the registry's list (`all`): the two, and the checks the Checks
  /// folder declares, must be the same checks in the same order. A check added to one list only, or declared
  /// and added to neither, fails here, with or without a catalogue example that would show it.
  @Test func rescoreCallsTheRegistrysChecksInItsOrder() throws {
    let folder = repositoryRoot.appendingPathComponent("Sources/Jixiao/Checks")
    let registry = try String(contentsOf: folder.appendingPathComponent("TableCheck.swift"), encoding: .utf8)
    let start = try #require(registry.range(of: "static func rescore("))
    let end = try #require(registry.range(of: "\n  }\n", range: start.upperBound..<registry.endIndex))
    let called = registry[start.upperBound..<end.lowerBound].matches(of: /(\w+)\(\)\.run\(context, into: &findings\)/)
      .map { String($0.output.1) }
    let listed = TableChecks.all.map { String(describing: type(of: $0)) }
    #expect(called == listed)
    #expect(listed.count == 14)

    var declared: Set<String> = []
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      declared.formUnion(text.matches(of: /struct (\w+): TableCheck/).map { String($0.output.1) })
    }
    let reviewOnly = TableChecks.review.map { String(describing: type(of: $0)) }.filter { !listed.contains($0) }
    #expect(declared == Set(listed + reviewOnly))
    #expect(reviewOnly.count == 4)
  }

  /// What the scorer keeps of an evaluation for `ExplanationCheck`: nothing for an unverified row; met by the
  /// 达成 band for a graded row, whatever its score, and else by a score of the whole weight; over-achieved
  /// when a what-if score was computed.
  @Test func aVerdictIsWhatTheExplanationCheckReadsOfAnEvaluation() throws {
    let weight = Rational(5)
    let below = try Rational(49, over: 10)
    let cases: [(Evaluation, Evaluation.Verdict?)] = [
      (Evaluation(rule: .proportional, score: nil), nil),
      (Evaluation(rule: .graded, score: nil, band: .achieved), nil),
      (Evaluation(rule: .proportional, score: weight), .init(isMet: true, isOverAchieved: false)),
      (Evaluation(rule: .proportional, score: below), .init(isMet: false, isOverAchieved: false)),
      (Evaluation(rule: .proportional, score: Rational(6)), .init(isMet: true, isOverAchieved: false)),
      (Evaluation(rule: .proportional, score: below, whatIf: below), .init(isMet: false, isOverAchieved: true)),
      (Evaluation(rule: .proportional, score: weight, whatIf: .zero), .init(isMet: true, isOverAchieved: true)),
      (Evaluation(rule: .graded, score: below, band: .achieved), .init(isMet: true, isOverAchieved: false)),
      (Evaluation(rule: .graded, score: weight, band: .partlyAchieved), .init(isMet: false, isOverAchieved: false)),
      (Evaluation(rule: .graded, score: weight, band: .notAchieved), .init(isMet: false, isOverAchieved: false)),
    ]
    for (evaluation, verdict) in cases {
      #expect(evaluation.verdict(weight: weight) == verdict, "\(evaluation)")
    }
  }

  @Test func aDifferenceInHundredthsExceedsTheToleranceAsItsRationalDoes() {
    var generator = SplitMix(seed: 23)
    var exceeded = 0
    for _ in 0..<5_000 {
      let tolerance = ScoringFastPathTests.rational(&generator)
      let difference: Int64
      switch generator.next() % 4 {
      case 0: difference = Int64(bitPattern: generator.next())
      case 1: difference = .min + Int64(generator.next() % 3)
      default: difference = Int64(generator.next() % 2_001) - 1_000
      }
      for tolerance in [tolerance, tolerance.magnitude, Rational(Int(generator.next() % 300)), try! Rational(1, over: 100)] {
        let fast = HundredthsTolerance(tolerance).isExceeded(byHundredths: difference)
        #expect(fast == HundredthsTolerance.isExceeded(tolerance, byHundredths: difference), "\(tolerance) \(difference)")
        if fast { exceeded += 1 }
      }
    }
    #expect(exceeded > 1_000 && exceeded < 19_000)
  }

  @Test func aClaimsDifferenceInHundredthsIsItsSubtraction() throws {
    var generator = SplitMix(seed: 43)
    var counted = 0
    for _ in 0..<5_000 {
      let claimed = ScoringFastPathTests.rational(&generator)
      let score = Hundredths(hundredths: Int64(bitPattern: generator.next()) >> Int(generator.next() % 64))
      guard let hundredths = HundredthsTolerance.difference(claimed, score) else {
        #expect(claimed.exactHundredths == nil || (try? claimed.subtracting(score))?.exactHundredths == nil)
        continue
      }
      #expect((try Rational(Int128(hundredths), over: 100)) == (try claimed.subtracting(score)), "\(claimed) − \(score)")
      counted += 1
    }
    #expect(counted > 1_000)
  }

  @Test func sumsInHundredthsAreTheRationalSums() throws {
    var generator = SplitMix(seed: 29)
    var fitted = 0
    for _ in 0..<3_000 {
      let values: [Rational?] = (0..<Int(generator.next() % 12)).map { _ in
        generator.next() % 5 == 0 ? nil : ScoringFastPathTests.rational(&generator)
      }
      let present = values.compactMap { $0 }
      let general = try? Rational.sum(present)
      guard let fast = HundredthsTolerance.sum(values.count, { values[$0] }) else {
        // Left to the general sum only when a value is no whole number of hundredths, or the sum overflows.
        #expect(present.contains { $0.exactHundredths == nil } || general.map { $0.exactHundredths == nil } ?? true)
        continue
      }
      #expect(general == (try Rational(Int128(fast), over: 100)), "\(values)")
      fitted += 1
    }
    #expect(fitted > 500)
  }

  /// Claims of a few decimals (some with more than two, some missing), with and without a funds claim.
  static func claimsTable(_ generator: inout SplitMix) throws -> Table {
    func claim(_ generator: inout SplitMix) -> String {
      switch generator.next() % 8 {
      case 0: return ""
      case 1: return #","claimedScore":"\#(generator.next() % 100).\#(generator.next() % 1_000)""#
      default: return #","claimedScore":\#(generator.next() % 100).\#(generator.next() % 100)"#
      }
    }
    let rows = (0..<Int(1 + generator.next() % 8)).map { position in
      #"{"level1":"产出指标","level2":"数量指标","name":"指标\#(position)""#
        + (generator.next() % 4 == 0 ? "" : #","weight":10"#)
        + #","target":">=10人","actual":"=\#(generator.next() % 20)人""# + claim(&generator) + "}"
    }
    let funds =
      generator.next() % 2 == 0 ? nil : #"{"annualBudget":100,"executed":\#(generator.next() % 120)"# + claim(&generator) + "}"
    return try table(projectJSON(rows.joined(separator: ","), funds: funds, extra: #""claimedTotal": 90"#))
  }

  @Test func claimedItemsAndSpendingSumsInHundredthsAreTheGeneralOnes() throws {
    var generator = SplitMix(seed: 31)
    var (items, spending) = (0, 0)
    for _ in 0..<400 {
      let table = try Self.claimsTable(&generator)
      let general = try TotalsCheck.claimedItemSum(table)
      if let fast = TotalsCheck.claimedItemHundredths(table) {
        #expect(general == (try Rational(Int128(fast), over: 100)))
        items += 1
      } else {
        // Some item has no claim, or one more than two decimals (the sum may still have two).
        let claims = [table.funds?.claimedScore].compactMap { $0 } + table.indicators.map(\.claimedScore).compactMap { $0 }
        #expect(general == nil || claims.contains { $0.exactHundredths == nil })
      }
      let weighted = table.indicators.filter { $0.weight != nil }
      let definition = (
        try Rational.sum(weighted.map { $0.claimedScore ?? .zero }), try Rational.sum(weighted.compactMap(\.weight))
      )
      let sums = try SpendingGapCheck.sums(table.indicators)
      #expect(sums.claimed == definition.0 && sums.weights == definition.1)
      if definition.0.exactHundredths != nil { spending += 1 }
    }
    #expect(items > 50 && spending > 50)
  }

  /// Names from a few that share their length and ends (their prints collide), some blank.
  @Test func theDuplicateCheckInPlaceFindsTheFirstEarlierEqualName() throws {
    var generator = SplitMix(seed: 37)
    var found = 0
    for _ in 0..<150 {
      let names = ScoringFastPathTests.names(&generator, count: Int(2 + generator.next() % 63)).map {
        generator.next() % 9 == 0 ? "" : $0
      }
      let rows = names.map { #"{"level1":"产出指标","level2":"数量指标","name":"\#($0)","weight":5,"target":">=1人","actual":"1人"}"# }
      let table = try table(projectJSON(rows.joined(separator: ",")))
      let findings = DuplicateIndicatorCheck().findings(in: Self.context(table))
      let keys = table.indicators.map(\.nameKey)
      let definition = keys.indices.compactMap { position -> Finding? in
        guard !table.indicators[position].name.isEmpty, let match = keys[..<position].firstIndex(of: keys[position]) else {
          return nil
        }
        return Finding(
          .duplicateIndicator(first: table.indicators[match].index),
          at: .indicator(index: table.indicators[position].index, name: table.indicators[position].displayText))
      }
      #expect(findings == definition, "\(names)")
      found += findings.count
    }
    #expect(found > 100)
  }

  /// Level names listed, unlisted, blank and folded (`指标` dropped, spaces), in runs and not; the rows'
  /// keys folded afresh (equal keys held apart) and from a worker's memo (one copy of each key).
  @Test func theStructureCheckJudgesEachRowAsOnItsOwn() throws {
    var generator = SplitMix(seed: 41)
    let level1s = ["产出指标", "效益", "成本指标", "满意度指标", "其他", "", "产 出", "产出", "效益指標"]
    let level2s = ["数量指标", "质量", "经济效益", "社会效益指标", "", "成本", "满意度", "时 效", "数量", "质量 指标"]
    let memo = Scorer.Memo(profile: defaultProfile)
    let hierarchy = defaultProfile.hierarchy[.project] ?? [:]
    let required = defaultProfile.requiredLevel1[.project] ?? []
    var misplaced = 0
    var missingTables = 0
    for _ in 0..<200 {
      let rows = Self.rowsInRuns(&generator, level1s: level1s, level2s: level2s) { level1, level2, position, _ in
        #"{"level1":"\#(level1)","level2":"\#(level2)","name":"指标\#(position)","weight":5,"target":">=1人","actual":"1人"}"#
      }
      let table = try table(projectJSON(rows.joined(separator: ",")))
      let context = Self.context(table)
      let findings = StructureCheck().findings(in: context)
      #expect(StructureCheck().findings(in: Self.context(table, memo: memo)) == findings, "\(rows)")
      var definition = context.levels.indices.compactMap { row -> Finding? in
        let indicator = table.indicators[row]
        guard let allowed = StructureCheck.misplacedFrom(context.levels[row], in: hierarchy),
          let level1 = indicator.level1, let level2 = indicator.level2
        else { return nil }
        return Finding(
          .misplacedLevel2(level1: level1.string, level2: level2.string, allowed: allowed), at: context.location(indicator))
      }
      // A required level 1 is missing when no row's level 1 is its name, byte for byte.
      let missing = required.filter { name in !context.levels.contains { $0.level1.matches(name) } }
      if !missing.isEmpty { definition.append(Finding(.missingLevel1(levels: missing), at: .table)) }
      #expect(findings == definition, "\(rows)")
      misplaced += findings.filter { $0.code == .misplacedLevel2 }.count
      missingTables += missing.isEmpty ? 0 : 1
    }
    #expect(misplaced > 50 && missingTables > 20 && missingTables < 190)
  }

  /// Level names that are 成本 or not, in runs and not, with targets that raise, lower or neither: each row
  /// judged as on its own (`DirectionCheck.isCost` of its keys folded afresh), whether the rows' keys are held
  /// apart or are a worker's one copy of each.
  @Test func theDirectionCheckJudgesEachRowAsOnItsOwn() throws {
    var generator = SplitMix(seed: 43)
    let level1s = ["产出指标", "成本指标", "成本", "成本 指标", "成本指標", "效益", ""]
    let level2s = ["数量指标", "经济成本指标", "社会成本", "经济成本", "数量", "质量", "", "数 量"]
    let targets = [">=10人", "≥5次", ">3", "<=2天", "<1", "=4", "≤8元", "按时"]
    let memo = Scorer.Memo(profile: defaultProfile)
    var (raises, lowers) = (0, 0)
    for _ in 0..<200 {
      let rows = Self.rowsInRuns(&generator, level1s: level1s, level2s: level2s) { level1, level2, position, generator in
        let target = targets[Int(generator.next() % UInt64(targets.count))]
        return
          #"{"level1":"\#(level1)","level2":"\#(level2)","name":"指标\#(position)","weight":5,"target":"\#(target)","actual":"1"}"#
      }
      let table = try table(projectJSON(rows.joined(separator: ",")))
      let definition = table.indicators.compactMap { indicator -> Finding? in
        guard let comparison = indicator.target.quantityComparison else { return nil }
        let keys = LevelKeys(indicator, folding: defaultProfile.levelFolding)
        let target = indicator.targetText?.string ?? ""
        let location = FindingLocation.indicator(index: indicator.index, name: indicator.displayText)
        if comparison.isHigherBetter, DirectionCheck.isCost(keys) {
          return Finding(.costTargetRaises(target: target, comparison: comparison), at: location)
        }
        if comparison.isLowerBetter, keys.level2.matches("数量") {
          return Finding(.quantityTargetLowers(target: target, comparison: comparison), at: location)
        }
        return nil
      }
      #expect(DirectionCheck().findings(in: Self.context(table)) == definition, "\(rows)")
      #expect(DirectionCheck().findings(in: Self.context(table, memo: memo)) == definition, "\(rows)")
      raises += definition.filter { $0.message.hasPrefix("成本") }.count
      lowers += definition.filter { $0.message.hasPrefix("数量") }.count
    }
    #expect(raises > 50 && lowers > 20)
  }

  /// One to twelve rows whose level names come in runs (most rows keep the names of the row before), each
  /// written by `row` from its level names, its position and the generator.
  static func rowsInRuns(
    _ generator: inout SplitMix, level1s: [String], level2s: [String],
    row: (String, String, Int, inout SplitMix) -> String
  ) -> [String] {
    var level1 = level1s[0]
    var level2 = level2s[0]
    return (0..<Int(1 + generator.next() % 12)).map { position in
      if generator.next() % 3 == 0 { level1 = level1s[Int(generator.next() % UInt64(level1s.count))] }
      if generator.next() % 2 == 0 { level2 = level2s[Int(generator.next() % UInt64(level2s.count))] }
      return row(level1, level2, position, &generator)
    }
  }

  /// The check reads the profile's lists as keys made with the profile (`LevelLists`): a profile whose lists
  /// are changed after it is made is judged by its new lists, and its content hash is that of its settings.
  @Test func theStructureCheckFollowsAChangedProfile() throws {
    let rows = [
      #"{"level1":"产出指标","level2":"数量指标","name":"甲","weight":5,"target":">=1人","actual":"1人"}"#,
      #"{"level1":"效益指标","level2":"社会效益指标","name":"乙","weight":5,"target":">=1人","actual":"1人"}"#,
    ]
    let table = try table(projectJSON(rows.joined(separator: ",")))
    let before = StructureCheck().findings(in: Self.context(table))
    #expect(!before.contains { $0.code == .misplacedLevel2 })
    #expect(before.contains { $0.code == .missingLevel1 }, "no 满意度")

    let name = defaultProfile.levelName
    var changed = defaultProfile
    changed.hierarchy[.project]?[name("产出")] = [name("质量")]
    changed.requiredLevel1[.project] = [name("产出"), name("效益")]
    let after = StructureCheck().findings(in: Self.context(table, profile: changed))
    #expect(after.map(\.code) == [.misplacedLevel2], "数量 is no longer listed under 产出, and 满意度 no longer required")

    // A name listed twice is printed twice over.
    var twice = defaultProfile
    twice.requiredLevel1[.project] = [name("产出"), name("产出指标"), name("效益")]
    #expect(StructureCheck().findings(in: Self.context(table, profile: twice)).isEmpty)

    // The lists a profile derives are no setting: a profile made again from the same settings has the same hash.
    var restored = changed
    restored.hierarchy = defaultProfile.hierarchy
    restored.requiredLevel1 = defaultProfile.requiredLevel1
    #expect(restored.contentHash == defaultProfile.contentHash && restored == defaultProfile)
    #expect(StructureCheck().findings(in: Self.context(table, profile: restored)) == before)
  }
}
