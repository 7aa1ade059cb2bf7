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
    var problems: [String] = []
    var findings: [Finding] = []
    for (field, total, path) in columns {
      guard let total, funds.sources.contains(where: { $0[keyPath: path] != nil }),
        !funds.sources.indices.contains(where: { context.table.unreadable(field, at: .source($0 + 1)) != nil })
      else { continue }
      do {
        let sum = try Rational.sum(funds.sources.map { $0[keyPath: path] ?? .zero })
        if context.profile.sourcesTolerance < (try sum - total).magnitude {
          problems.append("\(field.label)：来源合计 \(sum.pointsText)，总额 \(total.pointsText)")
        }
      } catch {
        findings.append(.notComputable("资金来源的\(field.label)合计", at: .funds, skipping: "未核对该列"))
      }
    }
    if !problems.isEmpty {
      findings.append(Finding(.fundsSourcesMismatch, at: .funds, "资金来源相加与总额不符（" + problems.joined(separator: "；") + "）"))
    }
    return findings
  }
}
