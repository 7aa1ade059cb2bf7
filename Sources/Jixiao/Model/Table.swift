/// A 绩效自评表 (or a 绩效目标表) as typed values, ready to score.
public struct Table: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, Codable {
    case project
    case unit

    public var label: String { self == .project ? "项目支出" : "部门（单位）整体支出" }
  }

  public var id: String
  public var kind: Kind
  /// A 绩效目标表: targets without actuals, structure-checked but not scored.
  public var isTargetTable: Bool
  public var year: Int?
  public var name: String
  public var department: String?
  public var implementer: String?
  public var funds: Funds?
  public var indicators: [Indicator]
  public var claimedTotal: Rational?
  public var claimedGrade: Grade?
  /// Optional columns the printed table has (a table without 佐证资料 is not flagged for it).
  public var columns: Set<Indicator.OptionalColumn>
  public var location: SourceLocation

  public init(
    id: String, kind: Kind = .project, isTargetTable: Bool = false, year: Int? = nil, name: String,
    department: String? = nil, implementer: String? = nil, funds: Funds? = nil, indicators: [Indicator],
    claimedTotal: Rational? = nil, claimedGrade: Grade? = nil, columns: Set<Indicator.OptionalColumn> = [],
    location: SourceLocation
  ) {
    self.id = id
    self.kind = kind
    self.isTargetTable = isTargetTable
    self.year = year
    self.name = name
    self.department = department
    self.implementer = implementer
    self.funds = funds
    self.indicators = indicators
    self.claimedTotal = claimedTotal
    self.claimedGrade = claimedGrade
    self.columns = columns
    self.location = location
  }
}

/// The 项目资金 block: the budget execution item and its source rows.
public struct Funds: Sendable, Hashable {
  public struct Source: Sendable, Hashable {
    public var name: String
    public var initialBudget: Rational?
    public var annualBudget: Rational?
    public var executed: Rational?

    public init(name: String, initialBudget: Rational?, annualBudget: Rational?, executed: Rational?) {
      self.name = name
      self.initialBudget = initialBudget
      self.annualBudget = annualBudget
      self.executed = executed
    }
  }

  public var initialBudget: Rational?
  public var annualBudget: Rational?
  public var executed: Rational?
  /// `nil` when not printed: the profile's default weight applies.
  public var weight: Rational?
  public var claimedRate: Rational?
  public var claimedScore: Rational?
  public var sources: [Source]

  public init(
    initialBudget: Rational? = nil, annualBudget: Rational?, executed: Rational?, weight: Rational? = nil,
    claimedRate: Rational? = nil, claimedScore: Rational? = nil, sources: [Source] = []
  ) {
    self.initialBudget = initialBudget
    self.annualBudget = annualBudget
    self.executed = executed
    self.weight = weight
    self.claimedRate = claimedRate
    self.claimedScore = claimedScore
    self.sources = sources
  }
}

/// One 三级指标 row.
public struct Indicator: Sendable, Hashable {
  public enum OptionalColumn: String, Sendable, Hashable, CaseIterable, Codable {
    case evidence, explanation, claimedCompletion, rule, basis, lastYear
  }

  /// 1-based position in the table.
  public var index: Int
  public var level1: String?
  public var level2: String?
  public var name: String
  public var weight: Rational?
  public var targetText: String?
  public var actualText: String?
  public var target: Cell
  public var actual: Cell
  public var claimedCompletion: Rational?
  public var claimedScore: Rational?
  public var ruleText: String?
  public var basis: String?
  public var lastYear: String?
  public var evidence: String?
  public var explanation: String?
  public var location: SourceLocation

  public init(
    index: Int, level1: String? = nil, level2: String? = nil, name: String, weight: Rational?,
    target: String?, actual: String?, claimedCompletion: Rational? = nil, claimedScore: Rational? = nil,
    ruleText: String? = nil, basis: String? = nil, lastYear: String? = nil, evidence: String? = nil,
    explanation: String? = nil, location: SourceLocation
  ) {
    self.index = index
    self.level1 = level1
    self.level2 = level2
    self.name = name
    self.weight = weight
    self.targetText = target
    self.actualText = actual
    self.target = target.map(Cell.init(parsing:)) ?? .empty
    self.actual = actual.map(Cell.init(parsing:)) ?? .empty
    self.claimedCompletion = claimedCompletion
    self.claimedScore = claimedScore
    self.ruleText = ruleText
    self.basis = basis
    self.lastYear = lastYear
    self.evidence = evidence
    self.explanation = explanation
    self.location = location
  }
}
