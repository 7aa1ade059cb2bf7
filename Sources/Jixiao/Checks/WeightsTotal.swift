/// The sum of a scored table's weights: its indicators' plus the funds item's (the printed weight, or the
/// profile's default when none is printed). One computation for `weights.sum` and for the scorer, which
/// compares totals and grades only on the 100-point scale (docs/rules.md, "Weights that do not add up").
enum WeightsTotal {
  /// Some weight is missing or unreadable, or there is no indicator: the sum is unknown.
  case unknown
  /// The sum, with the funds item's points or not, cannot be held exactly (`number.out-of-range`).
  case notComputable(withFunds: Bool)
  case known(indicators: Rational, funds: Rational?, sum: Rational)

  init(_ table: borrowing Table, profile: borrowing Profile) {
    // Borrowed, and the rows read in place: a copy of the table, or of a row, is its references counted.
    let indicators: Rational
    do {
      guard let sum = try Self.weightsSum(table.indicators) else {
        self = .unknown
        return
      }
      indicators = sum
    } catch {
      self = .notComputable(withFunds: false)
      return
    }
    guard !table.isTargetTable else {
      self = .known(indicators: indicators, funds: nil, sum: indicators)
      return
    }
    guard table.unreadable(.weight, at: .funds) == nil else {
      self = .unknown
      return
    }
    // The block told present by its tag and its weight read through it: `!= nil` copied the block.
    let funds: Rational?
    if case .none = table.funds {
      funds = nil
    } else {
      funds = table.funds?.weight ?? profile.defaultFundsWeight
    }
    do {
      let sum = try funds.map { (weight) throws(ArithmeticOverflow) in try indicators + weight } ?? indicators
      self = .known(indicators: indicators, funds: funds, sum: sum)
    } catch {
      self = .notComputable(withFunds: true)
    }
  }

  /// The sum of the rows' weights; nil when there is no row or some row has no weight.
  private static func weightsSum(_ rows: [Indicator]) throws(ArithmeticOverflow) -> Rational? {
    guard !rows.isEmpty else { return nil }
    for position in rows.indices where rows[position].weight == nil { return nil }
    // Weights with two decimals (nearly all) are added in hundredths; others by `Rational.sum`, the definition.
    if let hundredths = HundredthsTolerance.sum(rows.count, { rows[$0].weight }) {
      return Rational(hundredths: hundredths)
    }
    return try Rational.sum(rows.map { $0.weight ?? .zero })
  }

  /// The sum of a scored table when it is known and is not 100: its total is then not on the 100-point
  /// scale that grades and the claimed total are.
  var offScale: Rational? {
    guard case .known(_, _, let sum) = self, sum != .hundred else { return nil }
    return sum
  }
}
