/// `structure.duplicate-indicator`: the same 三级指标 again, reported where it repeats.
struct DuplicateIndicatorCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  func check(_ context: CheckContext, into findings: inout [Finding]) {
    let indicators = context.table.indicators
    guard indicators.count > 1 else { return }
    let keys = indicators.map(\.nameKey)
    // Keys are compared as bytes, whatever the script: pairwise for a table's usual few names (cheaper than
    // hashing), hashed for long tables. Both compare the same keys, so they find the same pairs.
    let earlier = keys.count <= 64 ? Self.pairwiseMatches(keys) : Self.hashedMatches(keys)
    for (position, match) in earlier.enumerated() {
      // Rows without a name (`name.missing`) are not the same indicator.
      guard let match, !indicators[position].name.isEmpty else { continue }
      findings.append(
        Finding(.duplicateIndicator(first: indicators[match].index), at: context.location(indicators[position])))
    }
  }

  /// For each name, the position of the first earlier one with the same key: by definition
  /// `keys[..<position].firstIndex(of: keys[position])`. Keys' prints (`TableText.Print`) are compared first,
  /// their bytes only when the prints agree.
  static func pairwiseMatches(_ keys: [FoldedKey]) -> [Int?] {
    let prints = keys.map(\.key.print)
    return prints.withUnsafeBufferPointer { prints in
      keys.indices.map { position in
        var earlier = 0
        while earlier < position {
          if prints[earlier] == prints[position], keys[earlier] == keys[position] { return earlier }
          earlier += 1
        }
        return nil
      }
    }
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
