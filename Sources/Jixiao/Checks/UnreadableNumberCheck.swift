/// `cell.unparseable` and `number.out-of-range` for the number cells the reader refused (a weight, score,
/// completion, total or amount): each is named with its text and what it costs (docs/rules.md).
struct UnreadableNumberCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func check(_ context: CheckContext, into findings: inout [Finding]) {
    let table = context.table
    guard !table.unreadableNumbers.isEmpty else { return }
    for cell in table.currentUnreadableNumbers {
      guard let (location, subject) = context.location(of: cell.place, label: cell.field.label) else { continue }
      findings.append(Finding(.unreadableNumber(cell, subject: subject, keptClaim: keptClaim(of: cell, in: table)), at: location))
    }
  }

  /// The claim an item left unverified by the cell keeps: an indicator's for its weight, the funds item's
  /// for its weight or amounts.
  private func keptClaim(of cell: UnreadableNumber, in table: Table) -> Rational? {
    switch (cell.place, cell.field) {
    case (.indicator(let position), .weight): table.indicators[position - 1].claimedScore
    case (.funds, .weight), (.funds, .annualBudget), (.funds, .executed): table.funds?.claimedScore
    default: nil
    }
  }
}
