/// `funds.sources-mismatch`: the source rows against the total row, column by column (a blank source
/// cell counts 0; a column no source prints, or with a cell that could not be read, is not checked).
struct FundsSourcesCheck: TableCheck {
  func findings(in context: CheckContext) -> [Finding] {
    guard let funds = context.table.funds, !funds.sources.isEmpty else { return [] }
    let columns: [(NumberField, Rational?, KeyPath<Funds.Source, Rational?>)] = [
      (.initialBudget, funds.initialBudget, \.initialBudget),
      (.annualBudget, funds.annualBudget, \.annualBudget),
      (.executed, funds.executed, \.executed),
    ]
    var mismatches: [FindingDetail.SourcesColumnMismatch] = []
    var findings: [Finding] = []
    for (field, total, path) in columns {
      guard let total, funds.sources.contains(where: { $0[keyPath: path] != nil }),
        !funds.sources.indices.contains(where: { context.table.unreadable(field, at: .source($0 + 1)) != nil })
      else { continue }
      do {
        let sum = try Rational.sum(funds.sources.map { $0[keyPath: path] ?? .zero })
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
