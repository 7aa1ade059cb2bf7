/// One indicator row as printed, before the builder's rules: a reader sets its values one by one on a
/// `TableBuilder`, which keeps the row here. The rules of a row's texts (a blank name, a level's points,
/// whether anything was printed) are the builder's, applied when the row is finished. Made through its
/// memberwise initializer, `IndicatorCells(location:)`: with an initializer of its own, the row was built aside,
/// copied whole into place and the original destroyed.
struct IndicatorCells {
  /// Nil once moved out for the row's indicator (`takeLocation`), until the next row (`reset`).
  var location: SourceLocation?
  var level1: TableText?
  var level2: TableText?
  var name: TableText?
  var nameFound: ReadingNote.Problem?
  var weight: Rational?
  var target: TableText?
  var actual: TableText?
  var claimedCompletion: Rational?
  var claimedScore: Rational?
  var rule: TableText?
  var basis: TableText?
  var lastYear: TableText?
  var evidence: TableText?
  var explanation: TableText?
  /// A number of the row was printed, or a value refused: a row with no value printed (a blank CSV row,
  /// `{}`) is no indicator. Its texts are looked at when it is finished.
  var printed = false

  /// The next row, `IndicatorCells(location:)`, made in place: a new row assigned would copy and destroy
  /// the whole row for each indicator. A finished row's texts have moved to its indicator (`take`): only
  /// a text still here is released (clearing one already absent cost a call to release nothing).
  mutating func reset(at location: consuming SourceLocation) {
    // Stored over the nothing `takeLocation` left: no release is called (a placeholder location cost two).
    if self.location == nil { self.location = location } else { self.location = location }
    if level1 != nil { level1 = nil }
    if level2 != nil { level2 = nil }
    if name != nil { name = nil }
    if nameFound != nil { nameFound = nil }
    weight = nil
    if target != nil { target = nil }
    if actual != nil { actual = nil }
    claimedCompletion = nil
    claimedScore = nil
    if rule != nil { rule = nil }
    if basis != nil { basis = nil }
    if lastYear != nil { lastYear = nil }
    if evidence != nil { evidence = nil }
    if explanation != nil { explanation = nil }
    printed = false
  }

  /// The row's location, moved out for its indicator: the draft holds none until the next row (`reset`) gives
  /// it its own.
  mutating func takeLocation() -> SourceLocation {
    // A row is finished once, after `init` or `reset` gave it its location.
    location.take()!
  }

  /// Some text of the row is not blank (the first one, nearly always). Asked of the draft in place (asked of the
  /// builder, the draft was copied for it: the row open before the first one, once a table).
  var hasPrintedText: Bool {
    func printed(_ text: TableText?) -> Bool { text.map { !$0.isBlank } ?? false }
    return printed(level1) || printed(level2) || printed(name) || printed(target) || printed(actual) || printed(rule)
      || printed(basis) || printed(lastYear) || printed(evidence) || printed(explanation)
  }

  /// An indicator text as printed.
  @inline(__always) mutating func setText(_ field: TableField, _ text: consuming TableText) {
    switch field {
    case .level1: Self.put(text, into: &level1)
    case .level2: Self.put(text, into: &level2)
    case .indicatorName: Self.put(text, into: &name)
    case .target: Self.put(text, into: &target)
    case .actual: Self.put(text, into: &actual)
    case .rule: Self.put(text, into: &rule)
    case .basis: Self.put(text, into: &basis)
    case .lastYear: Self.put(text, into: &lastYear)
    case .evidence: Self.put(text, into: &evidence)
    case .explanation: Self.put(text, into: &explanation)
    default: break
    }
  }

  /// `slot = text`. A row prints each text once, so the slot is nearly always empty: stored over nothing
  /// known to be nothing, no release is called for the old value.
  @inline(__always) private static func put(_ text: consuming TableText, into slot: inout TableText?) {
    if slot == nil { slot = text } else { slot = text }
  }

  /// An indicator number as read: present or refused (`nil` with `refused`).
  @inline(__always) mutating func setNumber(_ field: TableField, _ value: Rational?, refused: Bool = false) {
    if value != nil || refused { printed = true }
    switch field {
    case .weight: weight = value
    case .claimedCompletion: claimedCompletion = value
    case .claimedScore: claimedScore = value
    default: break
    }
  }
}
