/// `structure.duplicate-indicator`: the same 三级指标 again, reported where it repeats.
struct DuplicateIndicatorCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func findings(in context: CheckContext) -> [Finding] {
    let indicators = context.table.indicators
    let keys = indicators.map(\.nameKey)
    // Keys are compared as bytes: pairwise for a table's usual few names (cheaper than hashing), hashed for
    // long tables. Both compare the same keys, so they find the same pairs.
    let earlier = keys.count <= 64 ? Self.pairwiseMatches(keys) : Self.hashedMatches(keys)
    var findings: [Finding] = []
    for (indicator, match) in zip(indicators, earlier) {
      // Rows without a name (`name.missing`) are not the same indicator.
      guard let match, !indicator.name.isEmpty else { continue }
      findings.append(
        Finding(.duplicateIndicator(first: indicators[match].index), at: context.location(indicator)))
    }
    return findings
  }

  /// For each name, the position of the first earlier one with the same key.
  static func pairwiseMatches(_ keys: [FoldedKey]) -> [Int?] {
    keys.indices.map { position in keys[..<position].firstIndex(of: keys[position]) }
  }

  static func hashedMatches(_ keys: [FoldedKey]) -> [Int?] {
    var first: [FoldedKey: Int] = [:]
    return keys.indices.map { position in
      if let earlier = first[keys[position]] { return earlier }
      first[keys[position]] = position
      return nil
    }
  }
}
