extension Rational {
  /// The exact sum, or `ArithmeticOverflow` when it cannot be held: an addend is never dropped.
  static func sum(_ values: some Sequence<Rational>) throws(ArithmeticOverflow) -> Rational {
    var total = Rational.zero
    for value in values { total = try total + value }
    return total
  }
}
