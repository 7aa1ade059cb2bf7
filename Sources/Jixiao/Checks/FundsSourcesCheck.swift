/// `funds.sources-mismatch`: the source rows against the total row, column by column (a blank source
/// cell counts 0; a column no source prints, or with a cell that could not be read, is not checked).
struct FundsSourcesCheck: TableCheck {
  /// The columns compared: the field, its total and a source's cell. Closures, not key paths: a key path is
  /// read through the runtime (callgrind: 4 K instructions a table).
  private static let columns: [(NumberField, @Sendable (Funds) -> Rational?, @Sendable (Funds.Source) -> Rational?)] = [
    (.initialBudget, { $0.initialBudget }, { $0.initialBudget }),
    (.annualBudget, { $0.annualBudget }, { $0.annualBudget }),
    (.executed, { $0.executed }, { $0.executed }),
  ]

  func check(_ context: CheckContext, into findings: inout [Finding]) {
    guard let funds = context.table.funds, !funds.sources.isEmpty else { return }
    var mismatches: [FindingDetail.SourcesColumnMismatch] = []
    for (field, column, cell) in Self.columns {
      guard let total = column(funds), funds.sources.contains(where: { cell($0) != nil }),
        !funds.sources.indices.contains(where: { context.table.unreadable(field, at: .source($0 + 1)) != nil })
      else { continue }
      do {
        let sum = try Rational.sum(funds.sources.lazy.map { cell($0) ?? .zero })
        if context.profile.sourcesTolerance < (try sum - total).magnitude {
          mismatches.append(.init(field: field, sum: sum, total: total))
        }
      } catch {
        findings.append(Finding(.notComputable(.sourcesColumn(field)), at: .funds))
      }
    }
    if !mismatches.isEmpty {
      findings.append(Finding(.fundsSourcesMismatch(mismatches), at: .funds))
    }
  }
}
