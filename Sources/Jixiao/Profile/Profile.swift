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

  /// Every value lives in one shared, copy-on-write box: a profile is handed to every rule of every
  /// indicator, and a copy is then one reference count instead of thirty.
  struct Fields: Sendable {
    var name: String
    var version: String
    var description: String
    var scoreTolerance: Rational
    var completionTolerancePoints: Rational
    var fundsRateTolerance: Rational
    var sourcesTolerance: Rational
    var defaultFundsWeight: Rational
    var overAchievementThreshold: Rational
    var deductOverAchievement: Bool
    var lowerIsBetter: LowerIsBetterFormula
    var latePenalty: Rational
    var bands: [Achievement: Band]
    var gradeLines: [GradeLine]
    var spendingGapClaimedShare: Rational
    var spendingGapExecutionBelow: Rational
    var evidenceRequired: Bool
    var qualitativeShareMax: Rational
    var budgetUnit: Unit
    var vocabulary: QualitativeVocabulary
    var ruleKeywords: [(keyword: String, rule: RuleKind)]
    var hierarchy: [Table.Kind: [String: Set<String>]]
    var requiredLevel1: [Table.Kind: [String]]
    var satisfactionLevel1: Set<String>
    var levelFolding: LevelNameFolding
  }

  /// The settings and what identifies them, kept together so that they never disagree.
  struct Identified: Sendable {
    var fields: Fields
    /// Every setting as one canonical text (`CanonicalText`): equal profiles are equal texts.
    private(set) var canonical: String
    /// The first 16 hex digits of the FNV-1a hash of `canonical`.
    private(set) var contentHash: String
    /// `hierarchy` and `requiredLevel1` as the keys checks compare: derived, so outside `fields`.
    private(set) var levelLists: LevelListsByKind
    /// `bands` by case, derived likewise: read for every graded row, where the dictionary would hash.
    private(set) var bandsByCase: BandsByAchievement

    init(_ fields: Fields) {
      self.fields = fields
      canonical = CanonicalText.of(fields)
      contentHash = fingerprint(Array(canonical.utf8))
      levelLists = LevelListsByKind(hierarchy: fields.hierarchy, required: fields.requiredLevel1)
      bandsByCase = BandsByAchievement(fields.bands)
    }

    mutating func change(_ body: (inout Fields) -> Void) {
      body(&fields)
      self = Identified(fields)
    }
  }

  private var storage: CopyOnWriteBox<Identified>

  private mutating func change(_ body: (inout Fields) -> Void) {
    storage.update { $0.change(body) }
  }

  /// Every setting (internal: `ProfileIdentityTests` enumerates them).
  var fields: Fields { storage.fields.fields }

  init(
    name: String, version: String, description: String, scoreTolerance: Rational,
    completionTolerancePoints: Rational, fundsRateTolerance: Rational, sourcesTolerance: Rational, defaultFundsWeight: Rational,
    overAchievementThreshold: Rational, deductOverAchievement: Bool, lowerIsBetter: LowerIsBetterFormula, latePenalty: Rational,
    bands: [Achievement: Band], gradeLines: [GradeLine], spendingGapClaimedShare: Rational, spendingGapExecutionBelow: Rational,
    evidenceRequired: Bool, qualitativeShareMax: Rational, budgetUnit: Unit, vocabulary: QualitativeVocabulary,
    ruleKeywords: [(keyword: String, rule: RuleKind)], hierarchy: [Table.Kind: [String: Set<String>]],
    requiredLevel1: [Table.Kind: [String]], satisfactionLevel1: Set<String>, levelFolding: LevelNameFolding
  ) {
    storage = CopyOnWriteBox(
      Identified(
        Fields(
          name: name, version: version, description: description, scoreTolerance: scoreTolerance,
          completionTolerancePoints: completionTolerancePoints, fundsRateTolerance: fundsRateTolerance,
          sourcesTolerance: sourcesTolerance, defaultFundsWeight: defaultFundsWeight,
          overAchievementThreshold: overAchievementThreshold, deductOverAchievement: deductOverAchievement,
          lowerIsBetter: lowerIsBetter, latePenalty: latePenalty, bands: bands, gradeLines: gradeLines,
          spendingGapClaimedShare: spendingGapClaimedShare, spendingGapExecutionBelow: spendingGapExecutionBelow,
          evidenceRequired: evidenceRequired, qualitativeShareMax: qualitativeShareMax, budgetUnit: budgetUnit,
          vocabulary: vocabulary, ruleKeywords: ruleKeywords, hierarchy: hierarchy, requiredLevel1: requiredLevel1,
          satisfactionLevel1: satisfactionLevel1, levelFolding: levelFolding)))
  }

  public var name: String {
    get { fields.name }
    set { change { $0.name = newValue } }
  }
  public var version: String {
    get { fields.version }
    set { change { $0.version = newValue } }
  }
  public var description: String {
    get { fields.description }
    set { change { $0.description = newValue } }
  }
  /// First 16 hex digits of the FNV-1a hash of every setting (name, version and description included)
  /// as one canonical text: results name the exact rules used. Changing any setting changes it; the
  /// layout of the file does not.
  public var contentHash: String { storage.fields.contentHash }
  public var scoreTolerance: Rational {
    get { fields.scoreTolerance }
    set { change { $0.scoreTolerance = newValue } }
  }
  public var completionTolerancePoints: Rational {
    get { fields.completionTolerancePoints }
    set { change { $0.completionTolerancePoints = newValue } }
  }
  public var fundsRateTolerance: Rational {
    get { fields.fundsRateTolerance }
    set { change { $0.fundsRateTolerance = newValue } }
  }
  public var sourcesTolerance: Rational {
    get { fields.sourcesTolerance }
    set { change { $0.sourcesTolerance = newValue } }
  }
  public var defaultFundsWeight: Rational {
    get { fields.defaultFundsWeight }
    set { change { $0.defaultFundsWeight = newValue } }
  }
  public var overAchievementThreshold: Rational {
    get { fields.overAchievementThreshold }
    set { change { $0.overAchievementThreshold = newValue } }
  }
  public var deductOverAchievement: Bool {
    get { fields.deductOverAchievement }
    set { change { $0.deductOverAchievement = newValue } }
  }
  public var lowerIsBetter: LowerIsBetterFormula {
    get { fields.lowerIsBetter }
    set { change { $0.lowerIsBetter = newValue } }
  }
  /// Share of the weight a late deadline loses (1 = all of it).
  public var latePenalty: Rational {
    get { fields.latePenalty }
    set { change { $0.latePenalty = newValue } }
  }
  // The lists the rules consult for every row are read in place (`_read`), not copied.
  public var bands: [Achievement: Band] {
    _read { yield storage.fields.fields.bands }
    set { change { $0.bands = newValue } }
  }
  /// `bands[achievement]`, read by case (`ScoringFastPathTests`).
  func band(for achievement: Achievement) -> Band? { storage.fields.bandsByCase[achievement] }

  /// The profile's bands held by case, not by key.
  struct BandsByAchievement: Sendable {
    private let achieved: Band?
    private let partlyAchieved: Band?
    private let notAchieved: Band?

    init(_ bands: [Achievement: Band]) {
      achieved = bands[.achieved]
      partlyAchieved = bands[.partlyAchieved]
      notAchieved = bands[.notAchieved]
    }

    subscript(achievement: Achievement) -> Band? {
      switch achievement {
      case .achieved: achieved
      case .partlyAchieved: partlyAchieved
      case .notAchieved: notAchieved
      }
    }
  }

  /// Best grade first.
  public var gradeLines: [GradeLine] {
    _read { yield storage.fields.fields.gradeLines }
    set { change { $0.gradeLines = newValue } }
  }
  public var spendingGapClaimedShare: Rational {
    get { fields.spendingGapClaimedShare }
    set { change { $0.spendingGapClaimedShare = newValue } }
  }
  public var spendingGapExecutionBelow: Rational {
    get { fields.spendingGapExecutionBelow }
    set { change { $0.spendingGapExecutionBelow = newValue } }
  }
  public var evidenceRequired: Bool {
    get { fields.evidenceRequired }
    set { change { $0.evidenceRequired = newValue } }
  }
  /// Target review: the largest share of the weights that may sit on qualitative targets.
  public var qualitativeShareMax: Rational {
    get { fields.qualitativeShareMax }
    set { change { $0.qualitativeShareMax = newValue } }
  }
  /// The unit funds amounts are printed in (项目资金（万元）), for `target.cost-over-budget`.
  public var budgetUnit: Unit {
    get { fields.budgetUnit }
    set { change { $0.budgetUnit = newValue } }
  }
  public var vocabulary: QualitativeVocabulary {
    _read { yield storage.fields.fields.vocabulary }
    set { change { $0.vocabulary = newValue } }
  }
  /// 赋分规则 text → rule, first match wins.
  public var ruleKeywords: [(keyword: String, rule: RuleKind)] {
    _read { yield storage.fields.fields.ruleKeywords }
    set { change { $0.ruleKeywords = newValue } }
  }
  /// Level 1 → the level 2 names it accepts, per table kind (names folded as `levelName` folds them).
  public var hierarchy: [Table.Kind: [String: Set<String>]] {
    get { fields.hierarchy }
    set { change { $0.hierarchy = newValue } }
  }
  public var requiredLevel1: [Table.Kind: [String]] {
    get { fields.requiredLevel1 }
    set { change { $0.requiredLevel1 = newValue } }
  }
  public var satisfactionLevel1: Set<String> {
    _read { yield storage.fields.fields.satisfactionLevel1 }
    set { change { $0.satisfactionLevel1 = newValue } }
  }
  /// `hierarchy` and `requiredLevel1` of a kind of table as folded keys, made with the profile.
  func levelLists(for kind: Table.Kind) -> LevelLists { storage.fields.levelLists[kind] }
  public var levelFolding: LevelNameFolding {
    get { fields.levelFolding }
    set { change { $0.levelFolding = newValue } }
  }
  public var traditionalForms: [Character: Character] { levelFolding.traditionalForms }

  public func grade(for total: Hundredths) -> Grade {
    let value = total.rational
    for line in gradeLines where !(value < line.minimum) { return line.grade }
    return gradeLines.last?.grade ?? .poor
  }

  /// A level name as the profile's lists hold it and checks compare it (`FoldedKey(level:folding:)`).
  public func levelName(_ printed: String) -> String {
    FoldedKey(level: printed, folding: levelFolding).text
  }

  /// Equal when every setting is (`ProfileIdentityTests` changes each one).
  public static func == (lhs: Profile, rhs: Profile) -> Bool {
    lhs.storage.isIdentical(to: rhs.storage) || lhs.storage.fields.canonical == rhs.storage.fields.canonical
  }
  public func hash(into hasher: inout Hasher) { hasher.combine(contentHash) }
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

  public var label: String { labelText.description }

  /// The rule's name as a literal: claim messages write it with no `String` made.
  var labelText: StaticString {
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
