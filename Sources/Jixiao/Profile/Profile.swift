/// A rule profile: every policy number of the scoring rules, read from a data file in `Scoring/`.
/// The engine holds no such number of its own.
public struct Profile: Sendable, Hashable {
  public enum LowerIsBetterFormula: String, Sendable, Hashable, CaseIterable {
    /// weight × target / actual (the seeds' tables).
    case targetOverActual = "target-over-actual"
    /// weight × max(0, 1 − (actual − target) / target): zero at twice the target.
    case linearExcess = "linear-excess"
  }

  public struct GradeLine: Sendable, Hashable {
    public var grade: Grade
    public var minimum: Rational
  }

  public struct Band: Sendable, Hashable {
    public var lower: Rational
    public var upper: Rational
  }

  public var name: String
  public var version: String
  public var description: String
  /// First 16 hex digits of the FNV-1a hash of the file's bytes: results name the exact rules used.
  public var contentHash: String

  public var scoreTolerance: Rational
  public var completionTolerancePoints: Rational
  public var fundsRateTolerance: Rational
  public var sourcesTolerance: Rational
  public var defaultFundsWeight: Rational
  public var overAchievementThreshold: Rational
  public var deductOverAchievement: Bool
  public var lowerIsBetter: LowerIsBetterFormula
  /// Share of the weight a late deadline loses (1 = all of it).
  public var latePenalty: Rational
  public var bands: [Achievement: Band]
  /// Best grade first.
  public var gradeLines: [GradeLine]
  public var spendingGapClaimedShare: Rational
  public var spendingGapExecutionBelow: Rational
  public var evidenceRequired: Bool
  /// Target review: the largest share of the weights that may sit on qualitative targets.
  public var qualitativeShareMax: Rational
  /// The unit funds amounts are printed in (项目资金（万元）), for `target.cost-over-budget`.
  public var budgetUnit: Unit
  public var vocabulary: QualitativeVocabulary
  /// 赋分规则 text → rule, first match wins.
  public var ruleKeywords: [(keyword: String, rule: RuleKind)]
  /// Level 1 → the level 2 names it accepts, per table kind (names compared as `LevelName`).
  public var hierarchy: [Table.Kind: [String: Set<String>]]
  public var requiredLevel1: [Table.Kind: [String]]
  public var satisfactionLevel1: Set<String>
  public var levelFolding: LevelNameFolding
  public var traditionalForms: [Character: Character] { levelFolding.traditionalForms }

  public func grade(for total: Hundredths) -> Grade {
    let value = total.rational
    for line in gradeLines where !(value < line.minimum) { return line.grade }
    return gradeLines.last?.grade ?? .poor
  }

  public func levelName(_ printed: String) -> String {
    LevelName(printed, folding: levelFolding).key
  }

  public static func == (lhs: Profile, rhs: Profile) -> Bool { lhs.contentHash == rhs.contentHash && lhs.name == rhs.name }
  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(contentHash)
  }
}

/// How an indicator is scored (spec §3).
public enum RuleKind: String, Sendable, Hashable, CaseIterable, Codable {
  case proportional
  case lowerIsBetter = "lower-is-better"
  case equalZero = "equal-zero"
  case passFail = "pass-fail"
  case deadline
  case graded
  case satisfaction
  case budgetExecution = "budget-execution"

  public var label: String {
    switch self {
    case .proportional: "比例"
    case .lowerIsBetter: "越低越好"
    case .equalZero: "目标为0"
    case .passFail: "直接赋分"
    case .deadline: "时限"
    case .graded: "评判等级"
    case .satisfaction: "满意度"
    case .budgetExecution: "预算执行"
    }
  }
}
