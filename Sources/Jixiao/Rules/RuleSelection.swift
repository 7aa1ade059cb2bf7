/// Chooses an indicator's rule (spec §3): from its 赋分规则 text by the profile's keywords; when blank,
/// a satisfaction level 1 → satisfaction, a qualitative target → graded, else proportional.
enum RuleSelection {
  /// The rule the printed text names, if any.
  static func printedRule(_ indicator: Indicator, profile: Profile) -> RuleKind? {
    guard let text = indicator.ruleText, !text.isBlank else { return nil }
    return profile.ruleKeywords.first(where: { text.contains($0.keyword) })?.rule
  }

  /// `printedRule` of a row printing `text` (`keywords`: the profile's `ruleKeywords`), searching the text for a
  /// keyword only when the keyword's first character is in it (`QualitativeText.Scalars`): a text is searched
  /// for every keyword of the profile (`RuleChoiceTests`).
  static func printedRuleSearchingOnce(_ text: TableText, keywords: [(keyword: String, rule: RuleKind)]) -> RuleKind? {
    guard !text.isBlank else { return nil }
    return text.withUTF8 { bytes in
      let scalars = QualitativeText.Scalars(bytes)
      return keywords.first { QualitativeText.contains($0.keyword, in: bytes, scalars: scalars) }?.rule
    }
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

  /// Chooses the rules of a table's rows in order. Rows repeat a few 赋分规则 texts and level 1 names: a
  /// text's rule is found in the worker's memo (`printedRules`, read by `printedRuleSearchingOnce`), and a
  /// level 1 repeated in the table (equal bytes, so equal text) reuses the reading of the row that printed it
  /// first.
  struct Chooser {
    let profile: Profile
    private let printedRules: TextMemo<RuleKind?>
    private var levelReadings = RememberedReadings<FoldedKey, Bool>()

    init(profile: Profile, printedRules: TextMemo<RuleKind?>) {
      self.profile = profile
      self.printedRules = printedRules
    }

    mutating func choice(for indicator: Indicator, level1: FoldedKey) -> Choice {
      printedChoice(for: indicator) ?? unprintedChoice(for: indicator, level1: level1)
    }

    /// The choice of a row whose 赋分规则 text names a rule (that rule), nil for a row that names none. A
    /// printed rule is the rule: the level and the target are read only for a row without one, so that a
    /// scorer reads a row's level key only then (`unprintedChoice`).
    func printedChoice(for indicator: Indicator) -> Choice? {
      printedRules.reading(of: indicator.ruleText).map { Choice(printed: $0, rule: $0) }
    }

    /// The choice of a row whose 赋分规则 text names no rule (`printedChoice` is nil): by its level 1 and target.
    mutating func unprintedChoice(for indicator: Indicator, level1: FoldedKey) -> Choice {
      let profile = profile
      let isSatisfactionLevel = levelReadings.reading(of: level1) { level1 in
        profile.satisfactionLevel1.contains { level1.matches($0) }
      }
      return Choice(printed: nil, rule: defaultRule(indicator, isSatisfactionLevel: isSatisfactionLevel))
    }
  }
}
