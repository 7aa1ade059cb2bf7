/// `funds.sources-mismatch`: the source rows against the total row, column by column (a blank source
/// cell counts 0; a column no source prints is not checked).
struct FundsSourcesCheck: TableCheck {
  func findings(in context: CheckContext) -> [Finding] {
    guard let funds = context.table.funds, !funds.sources.isEmpty else { return [] }
    let columns: [(String, Rational?, KeyPath<Funds.Source, Rational?>)] = [
      ("年初预算数", funds.initialBudget, \.initialBudget),
      ("全年预算数", funds.annualBudget, \.annualBudget),
      ("全年执行数", funds.executed, \.executed),
    ]
    var problems: [String] = []
    for (label, total, path) in columns {
      guard let total, funds.sources.contains(where: { $0[keyPath: path] != nil }) else { continue }
      var sum = Rational.zero
      for source in funds.sources { sum = (try? sum + (source[keyPath: path] ?? .zero)) ?? sum }
      if let difference = try? sum - total, context.profile.sourcesTolerance < difference.magnitude {
        problems.append("\(label)：来源合计 \(sum.pointsText)，总额 \(total.pointsText)")
      }
    }
    guard !problems.isEmpty else { return [] }
    return [Finding(.fundsSourcesMismatch, at: .funds, "资金来源相加与总额不符（" + problems.joined(separator: "；") + "）")]
  }
}
