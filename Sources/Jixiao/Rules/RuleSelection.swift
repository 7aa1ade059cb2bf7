/// Chooses an indicator's rule (spec §3): from its 赋分规则 text by the profile's keywords; when blank,
/// a satisfaction level 1 → satisfaction, a qualitative target → graded, else proportional.
enum RuleSelection {
  /// The rule the printed text names, if any.
  static func printedRule(_ indicator: Indicator, profile: Profile) -> RuleKind? {
    guard let text = indicator.ruleText, !text.isBlank else { return nil }
    return profile.ruleKeywords.first(where: { text.contains($0.keyword) })?.rule
  }

  static func defaultRule(_ indicator: Indicator, isSatisfactionLevel: Bool) -> RuleKind {
    if isSatisfactionLevel { return .satisfaction }
    if case .text = indicator.target { return .graded }
    return .proportional
  }

  /// The rule chosen for an indicator, and the one its 赋分规则 text names (if any).
  struct Choice {
    let printed: RuleKind?
    let rule: RuleKind
  }

  /// Chooses the rules of a table's rows in order. Rows repeat a few 赋分规则 texts and level 1 names;
  /// a repeat (equal bytes, so equal text) reuses the reading of the row that printed it first.
  struct Chooser {
    let profile: Profile
    /// The readings of the first few distinct texts and names, newest last: a table prints a handful, and
    /// a longer list would cost more to search than it saves.
    private var ruleReadings: [(ruleText: TableText?, printed: RuleKind?)] = []
    private var levelReadings: [(level1: FoldedKey, isSatisfactionLevel: Bool)] = []
    private static let remembered = 8

    init(profile: Profile) {
      self.profile = profile
    }

    mutating func choice(for indicator: Indicator, level1: FoldedKey) -> Choice {
      let ruleText = indicator.ruleText
      let printed: RuleKind?
      if let known = ruleReadings.lastIndex(where: { ruleText == $0.ruleText }) {
        printed = ruleReadings[known].printed
      } else {
        printed = printedRule(indicator, profile: profile)
        if ruleReadings.count < Self.remembered { ruleReadings.append((ruleText, printed)) }
      }
      let isSatisfactionLevel: Bool
      if let known = levelReadings.lastIndex(where: { $0.level1 == level1 }) {
        isSatisfactionLevel = levelReadings[known].isSatisfactionLevel
      } else {
        isSatisfactionLevel = profile.satisfactionLevel1.contains { level1.matches($0) }
        if levelReadings.count < Self.remembered { levelReadings.append((level1, isSatisfactionLevel)) }
      }
      return Choice(printed: printed, rule: printed ?? defaultRule(indicator, isSatisfactionLevel: isSatisfactionLevel))
    }
  }
}
