/// How a text actual reads against its target (spec §3, graded): the engine cannot measure prose,
/// so it only decides which band of the weight the claim must stay inside.
public enum Achievement: String, Sendable, Hashable, CaseIterable, Codable {
  case achieved
  case partlyAchieved = "partly"
  case notAchieved = "not"

  public var label: String {
    switch self {
    case .achieved: "达成"
    case .partlyAchieved: "部分达成"
    case .notAchieved: "未达成"
    }
  }
}

/// The word lists come from the profile so that a region can extend them without a patch.
public struct QualitativeVocabulary: Sendable, Hashable, Codable {
  public var achieved: [String]
  public var partly: [String]
  public var negations: [String]
  /// Phrases that contain a negation word but are not negations (不断提高).
  public var notNegations: [String]

  public init(achieved: [String], partly: [String], negations: [String], notNegations: [String]) {
    self.achieved = achieved
    self.partly = partly
    self.negations = negations
    self.notNegations = notNegations
  }

  /// `nil` when the actual reads as none of the three bands.
  public func read(actual: String, target: String?) -> Achievement? {
    let actualText = CellGrammar.normalize(actual)
    let targetText = target.map(CellGrammar.normalize) ?? ""
    if !targetText.isEmpty, actualText == targetText { return .achieved }
    var scrubbed = actualText
    for phrase in notNegations where scrubbed.containsText(phrase) { scrubbed = scrubbed.replacing(phrase, with: "") }
    if negations.contains(where: { scrubbed.containsText($0) }) { return .notAchieved }
    if partly.contains(where: { actualText.containsText($0) }) { return .partlyAchieved }
    if achieved.contains(where: { actualText.containsText($0) }) { return .achieved }
    if !targetText.isEmpty, actualText.containsText(targetText) || targetText.containsText(actualText) { return .achieved }
    return nil
  }
}
