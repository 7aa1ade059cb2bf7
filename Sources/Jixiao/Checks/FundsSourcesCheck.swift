/// `funds.sources-mismatch`: the source rows against the total row, column by column (a blank source
/// cell counts 0; a column no source prints, or with a cell that could not be read, is not checked).
struct FundsSourcesCheck: TableCheck {
  /// The columns compared, in this order.
  private static let fields: [NumberField] = [.initialBudget, .annualBudget, .executed]

  func check(_ context: CheckContext, into findings: inout [Finding]) {
    guard let funds = context.table.funds, !funds.sources.isEmpty else { return }
    var mismatches: [FindingDetail.SourcesColumnMismatch] = []
    // The rows read in place: a copy of a source row is its name's reference counted.
    funds.sources.withUnsafeBufferPointer { sources in
      for field in Self.fields {
        guard let total = Self.amount(field, of: funds), sources.contains(where: { Self.amount(field, of: $0) != nil }),
          context.table.unreadableNumbers.isEmpty
            || !sources.indices.contains(where: { context.table.unreadable(field, at: .source($0 + 1)) != nil })
        else { continue }
        // Amounts with two decimals (nearly all) are added and compared in hundredths.
        if let sum = HundredthsTolerance.sum(sources.count, { Self.amount(field, of: sources[$0]) }),
          let own = total.exactHundredths
        {
          let (difference, overflow) = sum.subtractingReportingOverflow(own)
          if !overflow, !context.sourcesTolerance.isExceeded(byHundredths: difference) { continue }
        }
        do {
          let sum = try Rational.sum(sources.lazy.map { Self.amount(field, of: $0) ?? .zero })
          if context.profile.sourcesTolerance < (try sum - total).magnitude {
            mismatches.append(.init(field: field, sum: sum, total: total))
          }
        } catch {
          findings.append(Finding(.notComputable(.sourcesColumn(field)), at: .funds))
        }
      }
    }
    if !mismatches.isEmpty {
      findings.append(Finding(.fundsSourcesMismatch(mismatches), at: .funds))
    }
  }

  /// The total row's amount in a column compared (nil for another field). A switch, not a key path: a key path is read through the runtime.
  private static func amount(_ field: NumberField, of funds: Funds) -> Rational? {
    switch field {
    case .initialBudget: funds.initialBudget
    case .annualBudget: funds.annualBudget
    case .executed: funds.executed
    default: nil
    }
  }

  private static func amount(_ field: NumberField, of source: Funds.Source) -> Rational? {
    switch field {
    case .initialBudget: source.initialBudget
    case .annualBudget: source.annualBudget
    case .executed: source.executed
    default: nil
    }
  }
}
