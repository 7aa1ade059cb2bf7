/// A 绩效自评表 (or a 绩效目标表) as typed values, ready to score.
public struct Table: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, Codable {
    case project
    case unit

    public var label: String { self == .project ? "项目支出" : "部门（单位）整体支出" }

    /// By case, as `==` compares: the standard library would hash a raw-valued enum by its raw text, a `String`
    /// hashed for every profile lookup by kind.
    public func hash(into hasher: inout Hasher) { hasher.combine(self == .project) }
  }

  public var id: String
  public var kind: Kind
  /// A 绩效目标表: targets without actuals, structure-checked but not scored.
  public var isTargetTable: Bool
  public var year: Int?
  public var name: TableText
  public var department: TableText?
  public var implementer: TableText?
  public var funds: Funds?
  /// 年度总体目标, as printed: no score depends on it; it is kept for the evaluator to read.
  public var goals: Goals?
  public var indicators: [Indicator]
  public var claimedTotal: Rational?
  public var claimedGrade: Grade?
  /// Optional columns the printed table has (a table without 佐证资料 is not flagged for it).
  public var columns: Set<Indicator.OptionalColumn>
  /// Number cells the reader refused; each one's value is absent. A value set afterwards wins: the
  /// note is then stale and ignored (`unreadable(_:at:)`).
  public var unreadableNumbers: [UnreadableNumber]
  /// Other values the reader could not take as printed (a missing name, an unreadable text, a column it
  /// does not know); each becomes a finding on its row (`ReadingNoteCheck`).
  public var notes: [ReadingNote]
  /// The points printed beside level names (`产出指标（50分）`), checked against their indicators' weights.
  public var levelWeights: [LevelWeight]
  public var location: SourceLocation
  /// What the file was saved in (a CSV file may be GB18030 or UTF-16, transcoded as it was read).
  public var sourceEncoding: SourceEncoding
  /// The reviewer's decisions, when the table was read back from a 复核 workbook (`ReviewWorkbookReader`);
  /// the scorer checks and applies them.
  public var overrides: [ScoreOverride] = []

  /// The parts (indicators, the funds block) with a value read from a cell the reader is not sure of
  /// (`ReadingNote.Problem.uncertain`): the scorer leaves them unverified.
  public var uncertainPlaces: Set<UnreadableNumber.Place> {
    guard !notes.isEmpty else { return [] }
    var places: Set<UnreadableNumber.Place> = []
    for note in notes {
      if case .uncertain = note.problem { places.insert(note.place) }
    }
    return places
  }

  /// The name as reports show it: the printed one, or a mark that none was printed (`name.missing`; the
  /// builder keeps a blank name as empty).
  public var displayName: String { name.isEmpty ? Self.unnamed : name.string }

  /// `displayName` as a table text: the name itself, sharing its storage, when one is printed.
  public var displayText: TableText { name.isEmpty ? TableText(Self.unnamed) : name }

  /// How reports name a table that prints no 项目名称.
  public static let unnamed = "（未填项目名称）"

  /// The value of a number field, nil when absent or when the place does not exist.
  public func value(of field: NumberField, at place: UnreadableNumber.Place) -> Rational? {
    switch place {
    case .table:
      return field == .claimedTotal ? claimedTotal : nil
    case .funds:
      guard let funds else { return nil }
      switch field {
      case .weight: return funds.weight
      case .claimedScore: return funds.claimedScore
      case .claimedRate: return funds.claimedRate
      case .initialBudget: return funds.initialBudget
      case .annualBudget: return funds.annualBudget
      case .executed: return funds.executed
      case .claimedCompletion, .claimedTotal: return nil
      }
    case .source(let position):
      guard let sources = funds?.sources, sources.indices.contains(position - 1) else { return nil }
      let source = sources[position - 1]
      switch field {
      case .initialBudget: return source.initialBudget
      case .annualBudget: return source.annualBudget
      case .executed: return source.executed
      default: return nil
      }
    case .indicator(let position):
      guard indicators.indices.contains(position - 1) else { return nil }
      let indicator = indicators[position - 1]
      switch field {
      case .weight: return indicator.weight
      case .claimedScore: return indicator.claimedScore
      case .claimedCompletion: return indicator.claimedCompletion
      default: return nil
      }
    }
  }

  /// The refused cell of this field and place, while its value is still absent.
  public func unreadable(_ field: NumberField, at place: UnreadableNumber.Place) -> UnreadableNumber? {
    guard !unreadableNumbers.isEmpty else { return nil }
    return unreadableNumbers.first { $0.field == field && $0.place == place && value(of: field, at: place) == nil }
  }

  /// Every refused cell whose value is still absent, in reading order.
  public var currentUnreadableNumbers: [UnreadableNumber] {
    unreadableNumbers.filter { value(of: $0.field, at: $0.place) == nil }
  }
}

// The public initializer lives in an extension so that the struct keeps its memberwise one: a table made
// field by field was built aside, copied whole into place and the original destroyed (0.8 K instructions a
// table); made through the memberwise initializer it is built in place.
extension Table {
  public init(
    id: String, kind: Kind = .project, isTargetTable: Bool = false, year: Int? = nil, name: TableText,
    department: TableText? = nil, implementer: TableText? = nil, funds: Funds? = nil, goals: Goals? = nil,
    indicators: [Indicator],
    claimedTotal: Rational? = nil, claimedGrade: Grade? = nil, columns: Set<Indicator.OptionalColumn> = [],
    unreadableNumbers: [UnreadableNumber] = [], notes: [ReadingNote] = [], levelWeights: [LevelWeight] = [],
    location: SourceLocation, sourceEncoding: SourceEncoding = .utf8
  ) {
    self.init(
      id: id, kind: kind, isTargetTable: isTargetTable, year: year, name: name, department: department,
      implementer: implementer, funds: funds, goals: goals, indicators: indicators, claimedTotal: claimedTotal,
      claimedGrade: claimedGrade, columns: columns, unreadableNumbers: unreadableNumbers, notes: notes,
      levelWeights: levelWeights, location: location, sourceEncoding: sourceEncoding, overrides: [])
  }
}

/// The 年度总体目标 block: the goals set for the year (预期目标) and what was achieved (实际完成情况), each as
/// printed; a target table (绩效目标表) states only the expected.
public struct Goals: Sendable, Hashable {
  public var expected: TableText?
  public var actual: TableText?

  public init(expected: TableText? = nil, actual: TableText? = nil) {
    self.expected = expected
    self.actual = actual
  }
}

/// The 项目资金 block: the budget execution item and its source rows. Its fields live in one shared,
/// copy-on-write box, as an indicator's do: a table is moved and copied whole from the reader through the
/// scorer and its checks, and the block's six amounts inline made each move and copy 300 bytes longer (and
/// a copy of the block, two references retained).
public struct Funds: Sendable, Hashable {
  public struct Source: Sendable, Hashable {
    public var name: TableText
    public var initialBudget: Rational?
    public var annualBudget: Rational?
    public var executed: Rational?

    public init(name: TableText, initialBudget: Rational?, annualBudget: Rational?, executed: Rational?) {
      self.name = name
      self.initialBudget = initialBudget
      self.annualBudget = annualBudget
      self.executed = executed
    }
  }

  /// The block's values, which a builder fills in place and boxes once (`init(_:)`).
  struct Fields: Sendable, Hashable {
    var initialBudget: Rational?
    var annualBudget: Rational?
    var executed: Rational?
    var weight: Rational?
    var claimedRate: Rational?
    var claimedScore: Rational?
    var sources: [Source] = []
    var unit: Unit?
  }

  private var box: CopyOnWriteBox<Fields>

  public init(
    initialBudget: Rational? = nil, annualBudget: Rational?, executed: Rational?, weight: Rational? = nil,
    claimedRate: Rational? = nil, claimedScore: Rational? = nil, sources: [Source] = [], unit: Unit? = nil
  ) {
    self.init(
      Fields(
        initialBudget: initialBudget, annualBudget: annualBudget, executed: executed, weight: weight,
        claimedRate: claimedRate, claimedScore: claimedScore, sources: sources, unit: unit))
  }

  init(_ fields: Fields) { box = CopyOnWriteBox(fields) }

  public static func == (lhs: Funds, rhs: Funds) -> Bool {
    lhs.box.isIdentical(to: rhs.box) || lhs.box.fields == rhs.box.fields
  }
  public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

  public var initialBudget: Rational? {
    _read { yield box.fields.initialBudget }
    set { box.update { $0.initialBudget = newValue } }
  }
  public var annualBudget: Rational? {
    _read { yield box.fields.annualBudget }
    set { box.update { $0.annualBudget = newValue } }
  }
  public var executed: Rational? {
    _read { yield box.fields.executed }
    set { box.update { $0.executed = newValue } }
  }
  /// `nil` when not printed: the profile's default weight applies.
  public var weight: Rational? {
    _read { yield box.fields.weight }
    set { box.update { $0.weight = newValue } }
  }
  public var claimedRate: Rational? {
    _read { yield box.fields.claimedRate }
    set { box.update { $0.claimedRate = newValue } }
  }
  public var claimedScore: Rational? {
    _read { yield box.fields.claimedScore }
    set { box.update { $0.claimedScore = newValue } }
  }
  public var sources: [Source] {
    _read { yield box.fields.sources }
    set { box.update { $0.sources = newValue } }
  }
  /// The unit the amounts are printed in (`金额单位：元`), where the table says one; nil: the profile's
  /// budget unit (万元). The amounts stay as printed: a check that meets them with another unit scales them.
  public var unit: Unit? {
    _read { yield box.fields.unit }
    set { box.update { $0.unit = newValue } }
  }
}

/// One 三级指标 row. Its fields live in one shared, copy-on-write box: an indicator is handed to every
/// rule and check, and a copy is then one reference count instead of seventeen.
public struct Indicator: Sendable, Hashable {
  public enum OptionalColumn: String, Sendable, Hashable, CaseIterable, Codable {
    case evidence, explanation, claimedCompletion, rule, basis, lastYear

    /// By case (`bit`), as `==` compares: the standard library would hash a raw-valued enum by its raw text, a
    /// `String` hashed for every column of every table's set.
    public func hash(into hasher: inout Hasher) { hasher.combine(bit) }
  }

  struct Fields: Sendable, Hashable {
    var index: Int
    var level1: TableText?
    var level2: TableText?
    var name: TableText
    /// `name` folded (`FoldedKey`): derived, kept with the name by its setter.
    var nameKey: FoldedKey
    var weight: Rational?
    var targetText: TableText?
    var actualText: TableText?
    var target: Cell
    var actual: Cell
    var claimedCompletion: Rational?
    var claimedScore: Rational?
    var ruleText: TableText?
    var basis: TableText?
    var lastYear: TableText?
    var evidence: TableText?
    var explanation: TableText?
    var location: SourceLocation
  }

  private var box: CopyOnWriteBox<Fields>

  public init(
    index: Int, level1: TableText? = nil, level2: TableText? = nil, name: TableText, weight: Rational?,
    target: TableText?, actual: TableText?, claimedCompletion: Rational? = nil, claimedScore: Rational? = nil,
    ruleText: TableText? = nil, basis: TableText? = nil, lastYear: TableText? = nil, evidence: TableText? = nil,
    explanation: TableText? = nil, location: SourceLocation
  ) {
    box = CopyOnWriteBox(
      Fields(
        index: index, level1: level1, level2: level2, name: name, nameKey: FoldedKey(name: name), weight: weight,
        targetText: target, actualText: actual,
        target: Self.cell(target), actual: Self.cell(actual),
        claimedCompletion: claimedCompletion, claimedScore: claimedScore, ruleText: ruleText, basis: basis,
        lastYear: lastYear, evidence: evidence, explanation: explanation, location: location))
  }

  public static func == (lhs: Indicator, rhs: Indicator) -> Bool {
    lhs.box.isIdentical(to: rhs.box) || lhs.box.fields == rhs.box.fields
  }
  public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

  /// Calls `body` with this row, borrowed: its texts and cells are then read in place, neither copied nor
  /// retained. Read through an array's element or a pointer's `pointee`, each getter's value is a copy (a
  /// retain and a release for each text); lent here, the row costs one retain, whatever `body` reads. For
  /// a reader of several fields of each row (a writer, a check). (Lending the fields themselves, not the
  /// row, costs more: a large argument is passed by address, and the compiler retains each text read
  /// from it around any call.)
  @inline(__always)
  func readInPlace<Result, Failure: Error>(_ body: (borrowing Indicator) throws(Failure) -> Result) throws(Failure) -> Result {
    try body(self)
  }

  /// 1-based position in the table.
  public var index: Int {
    _read { yield box.fields.index }
    set { box.update { $0.index = newValue } }
  }
  public var level1: TableText? {
    _read { yield box.fields.level1 }
    set { box.update { $0.level1 = newValue } }
  }
  public var level2: TableText? {
    _read { yield box.fields.level2 }
    set { box.update { $0.level2 = newValue } }
  }
  /// Setting the name folds it again: `nameKey` is always the key of `name`.
  public var name: TableText {
    _read { yield box.fields.name }
    set {
      box.update {
        $0.name = newValue
        $0.nameKey = FoldedKey(name: newValue)
      }
    }
  }
  /// The name as names are compared (`FoldedKey`); set `name` to change it.
  public var nameKey: FoldedKey { _read { yield box.fields.nameKey } }
  public var weight: Rational? {
    _read { yield box.fields.weight }
    set { box.update { $0.weight = newValue } }
  }
  /// Setting the text parses it again: `target` is always the reading of `targetText`.
  public var targetText: TableText? {
    _read { yield box.fields.targetText }
    set {
      box.update {
        $0.targetText = newValue
        $0.target = Self.cell(newValue)
      }
    }
  }
  /// Setting the text parses it again: `actual` is always the reading of `actualText`.
  public var actualText: TableText? {
    _read { yield box.fields.actualText }
    set {
      box.update {
        $0.actualText = newValue
        $0.actual = Self.cell(newValue)
      }
    }
  }
  /// The reading of `targetText`; set the text to change it.
  public var target: Cell { _read { yield box.fields.target } }
  /// The reading of `actualText`; set the text to change it.
  public var actual: Cell { _read { yield box.fields.actual } }

  private static func cell(_ text: TableText?) -> Cell { text?.cell ?? .empty }
  public var claimedCompletion: Rational? {
    _read { yield box.fields.claimedCompletion }
    set { box.update { $0.claimedCompletion = newValue } }
  }
  public var claimedScore: Rational? {
    _read { yield box.fields.claimedScore }
    set { box.update { $0.claimedScore = newValue } }
  }
  public var ruleText: TableText? {
    _read { yield box.fields.ruleText }
    set { box.update { $0.ruleText = newValue } }
  }
  public var basis: TableText? {
    _read { yield box.fields.basis }
    set { box.update { $0.basis = newValue } }
  }
  public var lastYear: TableText? {
    _read { yield box.fields.lastYear }
    set { box.update { $0.lastYear = newValue } }
  }
  public var evidence: TableText? {
    _read { yield box.fields.evidence }
    set { box.update { $0.evidence = newValue } }
  }
  public var explanation: TableText? {
    _read { yield box.fields.explanation }
    set { box.update { $0.explanation = newValue } }
  }
  public var location: SourceLocation {
    _read { yield box.fields.location }
    set { box.update { $0.location = newValue } }
  }

  /// The name as findings and reports show it: `#3 （未填指标名称）` for a row without one (the builder keeps
  /// a blank name as empty).
  public var displayName: String { name.isEmpty ? Self.unnamed : name.string }

  /// `displayName` as a table text: the name itself, sharing its storage, when one is printed.
  public var displayText: TableText { name.isEmpty ? Self.unnamedText : name }

  /// Calls `body` with `displayText`, lent: the name itself is not retained (`readInPlace`).
  @inline(__always)
  func withDisplayText<Result>(_ body: (borrowing TableText) throws -> Result) rethrows -> Result {
    name.isEmpty ? try body(Self.unnamedText) : try body(name)
  }

  /// How findings and reports name a row that prints no 三级指标 (`name.missing`).
  public static let unnamed = "（未填指标名称）"

  /// `unnamed` as a table text, made once.
  static let unnamedText = TableText(unnamed)
}

extension String {
  /// Empty, or only spaces: nothing printed.
  var isBlankText: Bool {
    if isEmpty { return true }
    let first = utf8.withContiguousStorageIfAvailable { $0[0] } ?? utf8.first!
    if String.isPlainLead(first) { return false }
    return trimmingSpaces().isEmpty
  }
}
