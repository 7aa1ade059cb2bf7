/// The readings of the first few distinct values a table's rows print (its level 1 names),
/// found again by equality: a table prints a handful of them on many rows, and searching a handful costs less
/// than reading again. A value past the first few is read each time it comes, so a reading is always the one
/// `read` gives (`RuleChoiceTests`).
struct RememberedReadings<Printed: Equatable, Reading> {
  private var known: [(printed: Printed, reading: Reading)] = []
  private static var capacity: Int { 8 }

  mutating func reading(of printed: Printed, _ read: (Printed) -> Reading) -> Reading {
    if let hit = known.lastIndex(where: { $0.printed == printed }) { return known[hit].reading }
    let reading = read(printed)
    if known.isEmpty {
      // One allocation a table, not four as the list grows to its capacity.
      known.reserveCapacity(Self.capacity)
    }
    if known.count < Self.capacity { known.append((printed, reading)) }
    return reading
  }
}
