/// The sum of a scored table's weights: its indicators' plus the funds item's (the printed weight, or the
/// profile's default when none is printed). One computation for `weights.sum` and for the scorer, which
/// compares totals and grades only on the 100-point scale (docs/rules.md, "Weights that do not add up").
enum WeightsTotal {
  /// Some weight is missing or unreadable, or there is no indicator: the sum is unknown.
  case unknown
  /// The sum, with the funds item's points or not, cannot be held exactly (`number.out-of-range`).
  case notComputable(withFunds: Bool)
  case known(indicators: Rational, funds: Rational?, sum: Rational)

  init(_ table: Table, profile: Profile) {
    guard !table.indicators.isEmpty, !table.indicators.contains(where: { $0.weight == nil }) else {
      self = .unknown
      return
    }
    let indicators: Rational
    do {
      indicators = try Rational.sum(table.indicators.lazy.map { $0.weight ?? .zero })
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
    let funds = table.funds.map { $0.weight ?? profile.defaultFundsWeight }
    do {
      let sum = try funds.map { (weight) throws(ArithmeticOverflow) in try indicators + weight } ?? indicators
      self = .known(indicators: indicators, funds: funds, sum: sum)
    } catch {
      self = .notComputable(withFunds: true)
    }
  }

  /// The sum of a scored table when it is known and is not 100: its total is then not on the 100-point
  /// scale that grades and the claimed total are.
  var offScale: Rational? {
    guard case .known(_, _, let sum) = self, sum != .hundred else { return nil }
    return sum
  }
}
