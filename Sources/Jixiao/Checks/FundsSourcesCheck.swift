/// `funds.sources-mismatch`: the source rows against the total row, column by column (a blank source
/// cell counts 0; a column no source prints, or with a cell that could not be read, is not checked).
struct FundsSourcesCheck: TableCheck {
  func findings(in context: CheckContext) -> [Finding] {
    guard let funds = context.table.funds, !funds.sources.isEmpty else { return [] }
    // Closures, not key paths: a key path is read through the runtime (callgrind: 4 K instructions a table).
    let columns: [(NumberField, Rational?, @Sendable (Funds.Source) -> Rational?)] = [
      (.initialBudget, funds.initialBudget, { $0.initialBudget }),
      (.annualBudget, funds.annualBudget, { $0.annualBudget }),
      (.executed, funds.executed, { $0.executed }),
    ]
    var mismatches: [FindingDetail.SourcesColumnMismatch] = []
    var findings: [Finding] = []
    for (field, total, cell) in columns {
      guard let total, funds.sources.contains(where: { cell($0) != nil }),
        !funds.sources.indices.contains(where: { context.table.unreadable(field, at: .source($0 + 1)) != nil })
      else { continue }
      do {
        let sum = try Rational.sum(funds.sources.map { cell($0) ?? .zero })
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
    return findings
  }
}
