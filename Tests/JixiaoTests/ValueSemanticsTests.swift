import Testing

@testable import Jixiao

/// Indicators and profiles keep their fields in a shared copy-on-write box: a change to a copy never
/// shows through another copy, on any thread.
@Suite struct ValueSemanticsTests {
  @Test func changingACopiedIndicatorLeavesTheOriginal() {
    let original = Indicator(
      index: 1, name: "宣传报道", weight: Rational(5), target: ">=20次", actual: "=18次",
      location: SourceLocation(file: "t.json"))
    var copy = original
    #expect(copy == original)
    copy.name = "完成检查"
    copy.weight = Rational(3)
    #expect(original.name == "宣传报道" && original.weight == Rational(5))
    #expect(copy.name == "完成检查" && copy.weight == Rational(3))
    #expect(copy != original)
    copy.name = "宣传报道"
    copy.weight = Rational(5)
    // Equal by value though no longer the same box, and hashed alike.
    #expect(copy == original && copy.hashValue == original.hashValue)
  }

  /// A funds block keeps its fields in one box: each setter changes its own field of a copy and nothing of the
  /// original, every field counts in equality, and blocks equal by value from different boxes hash alike.
  @Test func changingACopiedFundsBlockLeavesTheOriginal() {
    let original = Funds(
      initialBudget: Rational(120), annualBudget: Rational(100), executed: Rational(90), weight: Rational(10),
      claimedRate: Rational(hundredths: 90), claimedScore: Rational(9),
      sources: [Funds.Source(name: "财政拨款", initialBudget: nil, annualBudget: Rational(100), executed: Rational(90))],
      unit: Unit("万元"))
    let changes: [(inout Funds) -> Void] = [
      { $0.initialBudget = nil }, { $0.annualBudget = Rational(101) }, { $0.executed = nil }, { $0.weight = Rational(5) },
      { $0.claimedRate = Rational(1) }, { $0.claimedScore = nil }, { $0.sources[0].executed = Rational(91) },
      { $0.sources = [] }, { $0.unit = Unit("元") },
    ]
    for change in changes {
      var copy = original
      change(&copy)
      #expect(copy != original)
      #expect(original.annualBudget == Rational(100) && original.sources.first?.executed == Rational(90))
      #expect(original.unit == Unit("万元") && original.claimedScore == Rational(9))
    }
    let rebuilt = Funds(
      initialBudget: original.initialBudget, annualBudget: original.annualBudget, executed: original.executed,
      weight: original.weight, claimedRate: original.claimedRate, claimedScore: original.claimedScore,
      sources: original.sources, unit: original.unit)
    #expect(rebuilt == original && rebuilt.hashValue == original.hashValue)
    var undone = original
    undone.weight = nil
    undone.weight = Rational(10)
    #expect(undone == original && undone.hashValue == original.hashValue)
  }

  /// `target` and `actual` are the readings of their texts: setting a text parses it again, and there
  /// is no setter by which a cell could disagree with its text (issue 16, item 9).
  @Test func anIndicatorsCellsFollowTheirText() {
    var indicator = Indicator(
      index: 1, name: "宣传报道", weight: Rational(5), target: ">=20次", actual: "=18次", location: SourceLocation(file: "t.json"))
    indicator.targetText = "<=3天"
    indicator.actualText = "2024年5月1日"
    let fresh = Indicator(
      index: 1, name: "宣传报道", weight: Rational(5), target: "<=3天", actual: "2024年5月1日", location: SourceLocation(file: "t.json"))
    #expect(indicator.target == fresh.target && indicator.actual == fresh.actual)
    #expect(indicator == fresh && indicator.hashValue == fresh.hashValue)
    indicator.targetText = nil
    #expect(indicator.target == .empty)
  }

  /// Table kinds, optional columns and achievements are hashed by case (not by their raw texts): equal values
  /// hash alike and distinct ones are told apart, in a set and as dictionary keys.
  @Test func enumsHashedByCaseAreSetsAndKeys() {
    let columns = Indicator.OptionalColumn.allCases
    #expect(Set(columns).count == columns.count)
    #expect(Set(columns.map(\.bit)).count == columns.count)
    for column in columns {
      #expect(Set(columns).contains(column))
      #expect(Indicator.OptionalColumn(rawValue: column.rawValue)?.hashValue == column.hashValue)
    }
    let kinds: [Table.Kind] = [.project, .unit]
    let byKind = Dictionary(uniqueKeysWithValues: kinds.map { ($0, $0.rawValue) })
    for kind in kinds { #expect(byKind[kind] == kind.rawValue) }
    #expect(Set(Achievement.allCases).count == Achievement.allCases.count)
    #expect(defaultProfile.requiredLevel1[.project] != defaultProfile.requiredLevel1[.unit])
  }

  /// `readInPlace` lends the row itself: what its getters read there is what they read on the row, before
  /// and after a change (which makes new storage: the fields are constants, so that they can be lent), and
  /// a copy made before the change still reads its own. `withDisplayText` lends `displayText`.
  @Test func aRowReadInPlaceReadsAsItself() {
    func expectReadInPlace(_ indicator: Indicator) {
      indicator.readInPlace { row in
        #expect(row == indicator && row.hashValue == indicator.hashValue)
        #expect(row.index == indicator.index && row.name == indicator.name && row.nameKey == indicator.nameKey)
        #expect(row.level1 == indicator.level1 && row.level2 == indicator.level2 && row.weight == indicator.weight)
        #expect(row.targetText == indicator.targetText && row.actualText == indicator.actualText)
        #expect(row.target == indicator.target && row.actual == indicator.actual)
        #expect(row.claimedCompletion == indicator.claimedCompletion && row.claimedScore == indicator.claimedScore)
        #expect(row.ruleText == indicator.ruleText && row.basis == indicator.basis && row.lastYear == indicator.lastYear)
        #expect(row.evidence == indicator.evidence && row.explanation == indicator.explanation)
        #expect(row.location == indicator.location)
        row.withDisplayText { #expect($0 == indicator.displayText) }
      }
    }
    var indicator = Indicator(
      index: 2, level1: "产出指标", level2: "数量指标", name: "宣传报道", weight: Rational(5), target: ">=20次",
      actual: "=18次", claimedCompletion: Rational(1), claimedScore: Rational(4), ruleText: "正向",
      basis: "计划", lastYear: "15次", evidence: "报道清单", explanation: "天气", location: SourceLocation(file: "t.json", line: 3))
    let original = indicator
    expectReadInPlace(indicator)
    indicator.name = ""
    indicator.level1 = nil
    indicator.targetText = "<=3天"
    indicator.evidence = nil
    expectReadInPlace(indicator)
    expectReadInPlace(original)
    #expect(indicator.withDisplayText { $0 == TableText(Indicator.unnamed) } && indicator.displayName == Indicator.unnamed)
    #expect(original.readInPlace { $0.name == "宣传报道" && $0.level1 == "产出指标" && $0.evidence == "报道清单" })
    #expect(indicator.readInPlace { $0.target } != original.readInPlace { $0.target })
  }

  /// `Cell.readQuantityInPlace` lends what `Cell.quantity` copies, and nothing for a cell of another kind; a
  /// thrown error passes through it as thrown.
  @Test func aQuantityReadInPlaceIsTheQuantity() {
    struct Stop: Error, Equatable {}
    let cells = [">=20次/年", "=96.67%", "600多亿", "<=3天", "2024年10月30日前", "有效促进", "", ">="].map { TableText($0).cell }
    #expect(cells.contains { $0.quantity != nil } && cells.contains { $0.quantity == nil })
    for cell in cells {
      #expect(cell.readQuantityInPlace { copy $0 } == cell.quantity)
      #expect(
        cell.readQuantityInPlace { $0.unit == cell.quantity?.unit && $0.value == cell.quantity?.value }
          == (cell.quantity != nil ? true : nil))
      var threw = false
      do throws(Stop) { _ = try cell.readQuantityInPlace { (_) throws(Stop) in throw Stop() } } catch { threw = true }
      #expect(threw == (cell.quantity != nil))
    }
  }

  @Test func changingACopiedProfileLeavesTheOriginal() {
    let changed = profile { $0.latePenalty = Rational(7) }
    #expect(changed.latePenalty == Rational(7))
    #expect(defaultProfile.latePenalty != Rational(7))
  }

  @Test func copiesChangedOnManyThreadsStayApart() async {
    let original = Indicator(
      index: 1, name: "原名", weight: Rational(5), target: ">=20次", actual: "=18次", location: SourceLocation(file: "t.json"))
    let names = await withTaskGroup(of: String.self) { group in
      for worker in 0..<8 {
        group.addTask {
          var copy = original
          copy.name = "副本\(worker)"
          return copy.name.string
        }
      }
      return await group.reduce(into: Set<String>()) { $0.insert($1) }
    }
    #expect(names == Set((0..<8).map { "副本\($0)" }))
    #expect(original.name == "原名")
  }

  /// A built table's indicators share one storage, a slot each: a change to one, in the table or in a
  /// copy, shows in no other indicator and in no other copy of the table, and equality and hashes stay by
  /// value.
  @Test func indicatorsSharingTheirTablesStorageStayApart() throws {
    var builder = TableBuilder(location: SourceLocation(file: "t.json"), defaultID: "x")
    for (name, weight) in [("甲", "10"), ("乙", "20"), ("丙", "30")] {
      builder.beginIndicator(at: SourceLocation(file: "t.json", line: 1))
      builder.set(.indicatorName, .text(name))
      builder.set(.weight, .text(weight))
      builder.set(.target, .text(">=20次"))
    }
    let table = try builder.build().get()
    var changed = table
    changed.indicators[1].name = "丁"
    changed.indicators[1].weight = Rational(5)
    var copied = table.indicators[2]
    copied.targetText = "<=3天"
    #expect(table.indicators.map(\.name) == ["甲", "乙", "丙"])
    #expect(table.indicators.map(\.weight) == [Rational(10), Rational(20), Rational(30)])
    #expect(changed.indicators.map(\.name) == ["甲", "丁", "丙"])
    #expect(changed.indicators[1].nameKey == FoldedKey(name: "丁") && changed.indicators[1].weight == Rational(5))
    #expect(copied.target != table.indicators[2].target && table.indicators[2].targetText == ">=20次")
    #expect(changed.indicators[0] == table.indicators[0] && changed.indicators[2] == table.indicators[2])
    #expect(changed != table)
    changed.indicators[1].name = "乙"
    changed.indicators[1].weight = Rational(20)
    #expect(changed == table && changed.hashValue == table.hashValue)
    // Made alone, with the same values, an indicator equals its table's.
    let alone = Indicator(
      index: 1, name: "甲", weight: Rational(10), target: ">=20次", actual: nil, location: table.indicators[0].location)
    #expect(alone == table.indicators[0] && alone.hashValue == table.indicators[0].hashValue)
  }
}
