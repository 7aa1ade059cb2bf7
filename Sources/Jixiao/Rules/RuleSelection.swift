/// Chooses an indicator's rule (spec §3): from its 赋分规则 text by the profile's keywords; when blank,
/// a satisfaction level 1 → satisfaction, a qualitative target → graded, else proportional.
enum RuleSelection {
  /// The rule the printed text names, if any.
  static func printedRule(_ indicator: Indicator, profile: Profile) -> RuleKind? {
    guard let text = indicator.ruleText, !text.trimmingSpaces().isEmpty else { return nil }
    return profile.ruleKeywords.first(where: { text.containsText($0.keyword) })?.rule
  }

  static func defaultRule(_ indicator: Indicator, level1: String, profile: Profile) -> RuleKind {
    if profile.satisfactionLevel1.contains(level1) {
      return .satisfaction
    }
    if case .text = indicator.target { return .graded }
    return .proportional
  }
}
