/// `structure.duplicate-indicator`: the same 三级指标 again, reported where it repeats.
struct DuplicateIndicatorCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  // Kept out of line so that bench/ can measure it on its own (issue 19 item 2: the same cost on Chinese names
  // as on ASCII ones); one call a table.
  @inline(never)
  func check(_ context: CheckContext, into findings: inout [Finding]) {
    let indicators = context.table.indicators
    guard indicators.count > 1 else { return }
    // Keys are compared as bytes, whatever the script: pairwise for a table's usual few names (cheaper than
    // hashing), hashed for long tables. Both compare the same keys, so they find the same pairs.
    guard indicators.count <= 64 else {
      report(Self.hashedMatches(indicators.map(\.nameKey)), in: context, into: &findings)
      return
    }
    // The rows' keys read in place and their prints kept on the stack: no list is made for a table.
    indicators.withUnsafeBufferPointer { rows in
      withUnsafeTemporaryAllocation(of: UInt64.self, capacity: rows.count) { prints in
        for position in rows.indices { prints[position] = rows[position].nameKey.key.print }
        for position in rows.indices.dropFirst() {
          guard
            let match = Self.firstEarlier(
              position, prints: UnsafeBufferPointer(prints), sameKey: { rows[$0].nameKey == rows[$1].nameKey }),
            !rows[position].name.isEmpty
          else { continue }
          findings.append(
            Finding(.duplicateIndicator(first: rows[match].index), at: context.location(rows[position])))
        }
      }
    }
  }

  private func report(_ earlier: [Int?], in context: CheckContext, into findings: inout [Finding]) {
    let indicators = context.table.indicators
    for (position, match) in earlier.enumerated() {
      // Rows without a name (`name.missing`) are not the same indicator.
      guard let match, !indicators[position].name.isEmpty else { continue }
      findings.append(
        Finding(.duplicateIndicator(first: indicators[match].index), at: context.location(indicators[position])))
    }
  }

  /// The position of the first name before `position` with the same key, by definition
  /// `keys[..<position].firstIndex(of: keys[position])`. Keys' prints (`TableText.Print`) are compared first,
  /// their bytes (`sameKey`) only when the prints agree.
  @inline(__always)
  static func firstEarlier(_ position: Int, prints: UnsafeBufferPointer<UInt64>, sameKey: (Int, Int) -> Bool) -> Int? {
    let own = prints[position]
    var earlier = 0
    while earlier < position {
      if prints[earlier] == own, sameKey(earlier, position) { return earlier }
      earlier += 1
    }
    return nil
  }

  /// For each name, the position of the first earlier one with the same key (`firstEarlier` of each).
  static func pairwiseMatches(_ keys: [FoldedKey]) -> [Int?] {
    let prints = keys.map(\.key.print)
    return prints.withUnsafeBufferPointer { prints in
      keys.indices.map { position in firstEarlier(position, prints: prints, sameKey: { keys[$0] == keys[$1] }) }
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
