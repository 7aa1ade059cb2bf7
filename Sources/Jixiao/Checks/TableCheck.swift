/// A check over a scored table: a small type that adds findings to the table's, never prints them. The
/// scorer runs every check of `TableChecks.all`, each appending to one list (a table has a dozen findings
/// from a dozen checks: one list, not one a check).
protocol TableCheck: Sendable {
  /// Target tables (绩效目标表) have no actuals: only structure checks apply to them.
  var appliesToTargetTables: Bool { get }
  /// Appends what the check finds, in the order found.
  func check(_ context: CheckContext, into findings: inout [Finding])
}

extension TableCheck {
  var appliesToTargetTables: Bool { false }

  /// What the check finds on its own.
  func findings(in context: CheckContext) -> [Finding] {
    var findings: [Finding] = []
    check(context, into: &findings)
    return findings
  }
}

struct CheckContext {
  let table: Table
  let result: TableResult
  /// Per indicator, what its rule concluded (nil when it had no weight or the table is a target table).
  let evaluations: [Evaluation?]
  /// Per indicator, its level names as compared.
  let levels: [LevelKeys]
  /// Per level printed with its points (`table.levelWeights`), its names as compared.
  let levelWeightKeys: [LevelKeys]
  /// The sum of the weights, computed once for the scorer and `WeightsCheck`.
  let weights: WeightsTotal
  let profile: Profile

  func location(_ indicator: Indicator) -> FindingLocation {
    .indicator(index: indicator.index, name: indicator.displayText)
  }

  /// Where a reader's note (`UnreadableNumber`, `ReadingNote`) points, and its subject: the field's label,
  /// for a source row's cell with the row's name. Nil for an indicator the table no longer has.
  func location(of place: UnreadableNumber.Place, label: String) -> (location: FindingLocation, subject: FindingSubject)? {
    switch place {
    case .table: return (.table, FindingSubject(label: label))
    case .funds: return (.funds, FindingSubject(label: label))
    case .source(let position):
      let sources = table.funds?.sources ?? []
      let name =
        sources.indices.contains(position - 1) ? sources[position - 1].name.string : TableBuilder.sourceName(position - 1)
      return (.funds, FindingSubject(label: label, source: name))
    case .indicator(let position):
      guard table.indicators.indices.contains(position - 1) else { return nil }
      return (location(table.indicators[position - 1]), FindingSubject(label: label))
    }
  }
}

enum TableChecks {
  static let all: [any TableCheck] = [
    ReadingNoteCheck(),
    UnreadableNumberCheck(),
    ClaimedScoreCheck(),
    CompletionCheck(),
    WeightsCheck(),
    LevelWeightsCheck(),
    DirectionCheck(),
    StructureCheck(),
    DuplicateIndicatorCheck(),
    ExplanationCheck(),
    EvidenceCheck(),
    FundsSourcesCheck(),
    SpendingGapCheck(),
    TotalsCheck(),
  ]

  /// `jixiao review-targets`: the target side of a table, before the year starts.
  static let review: [any TableCheck] =
    all.filter(\.appliesToTargetTables) + [QualitativeShareCheck(), TargetUnitCheck(), CostBudgetCheck(), LastYearCheck()]
}
