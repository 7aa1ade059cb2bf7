/// `structure.duplicate-indicator`: the same 三级指标 again, reported where it repeats.
struct DuplicateIndicatorCheck: TableCheck {
  var appliesToTargetTables: Bool { true }

  // Kept out of line so that bench/ can measure it on its own (issue 19 item 2: the same cost on Chinese names
  // as on ASCII ones); one call a table.
  @inline(never)
  func check(_ context: CheckContext, into findings: inout [Finding]) {
    let indicators = context.table.indicators
    guard indicators.count > 1 else { return }
    // Keys are compared as bytes, whatever the script: found by their prints for a table's usual few names,
    // hashed for long tables. Both compare the same keys, so they find the same pairs.
    guard indicators.count <= Self.longestInPlace else {
      report(Self.hashedMatches(indicators.map(\.nameKey)), in: context, into: &findings)
      return
    }
    // The rows' keys read in place, their prints and the table of first rows kept on the stack: no list is
    // made for a table.
    indicators.withUnsafeBufferPointer { rows in
      withUnsafeTemporaryAllocation(of: UInt64.self, capacity: rows.count) { prints in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.slotCount) { slots in
          slots.initialize(repeating: 0)
          for position in rows.indices {
            prints[position] = rows[position].nameKey.key.print
            guard
              let match = Self.firstEarlier(
                position, prints: UnsafeBufferPointer(prints), firstRows: slots,
                sameKey: { rows[$0].nameKey == rows[$1].nameKey }),
              !rows[position].name.isEmpty
            else { continue }
            findings.append(
              Finding(.duplicateIndicator(first: rows[match].index), at: context.location(rows[position])))
          }
        }
      }
    }
  }

  /// The most rows checked in place (`firstEarlier`): at most half the slots are filled, and a slot holds a
  /// row's position + 1 in a byte.
  static var longestInPlace: Int { 64 }
  static var slotCount: Int { 128 }

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
  /// `keys[..<position].firstIndex(of: keys[position])`. `firstRows` is a table of
  /// the first row of each key before `position`, by open addressing on their prints (`TableText.print`),
  /// probing linearly: a slot is 0 or a row's position + 1. The keys' bytes (`sameKey`) are compared only
  /// when the prints agree. `position` is entered when no row before has its key: called for each row in
  /// turn, from the first, with never more than half the slots filled.
  @inline(__always)
  static func firstEarlier(
    _ position: Int, prints: UnsafeBufferPointer<UInt64>, firstRows: UnsafeMutableBufferPointer<UInt8>,
    sameKey: (Int, Int) -> Bool
  ) -> Int? {
    let own = prints[position]
    var slot = Int(truncatingIfNeeded: (own &* 0x9E37_79B9_7F4A_7C15) >> 57) & (firstRows.count - 1)
    while firstRows[slot] != 0 {
      let earlier = Int(firstRows[slot]) - 1
      if prints[earlier] == own, sameKey(earlier, position) { return earlier }
      slot = (slot + 1) & (firstRows.count - 1)
    }
    firstRows[slot] = UInt8(truncatingIfNeeded: position + 1)
    return nil
  }

  /// For each of at most `longestInPlace` names, the position of the first earlier one with the same key:
  /// the check's way (`firstEarlier` of each in turn), on a list.
  static func matchesByPrints(_ keys: [FoldedKey]) -> [Int?] {
    precondition(keys.count <= longestInPlace)
    let prints = keys.map(\.key.print)
    return prints.withUnsafeBufferPointer { prints in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: slotCount) { slots in
        slots.initialize(repeating: 0)
        return keys.indices.map { firstEarlier($0, prints: prints, firstRows: slots, sameKey: { keys[$0] == keys[$1] }) }
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
