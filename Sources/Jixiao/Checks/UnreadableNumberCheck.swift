/// `cell.unparseable` and `number.out-of-range` for the number cells the reader refused (a weight, score,
/// completion, total or amount): each is named with its text and what it costs (docs/rules.md).
struct UnreadableNumberCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func findings(in context: CheckContext) -> [Finding] {
    let table = context.table
    guard !table.unreadableNumbers.isEmpty else { return [] }
    return table.currentUnreadableNumbers.compactMap { cell in
      guard let (location, subject) = context.location(of: cell.place, label: cell.field.label) else { return nil }
      return Finding(.unreadableNumber(cell, subject: subject, keptClaim: keptClaim(of: cell, in: table)), at: location)
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
