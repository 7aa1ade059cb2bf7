extension Rational {
  /// The exact sum, or `ArithmeticOverflow` when it cannot be held: an addend is never dropped.
  static func sum(_ values: some Sequence<Rational>) throws(ArithmeticOverflow) -> Rational {
    var total = Rational.zero
    for value in values { total = try total + value }
    return total
  }
}

extension Finding {
  /// `number.out-of-range` for a sum or difference of a table's numbers that cannot be computed exactly
  /// (numbers with many decimals beside large ones): what was therefore not checked.
  static func notComputable(_ figure: String, at location: FindingLocation, skipping check: String) -> Finding {
    Finding(.numberOutOfRange, at: location, "\(figure)超出可精确计算的范围（数值过大或小数位过多），\(check)")
  }
}
