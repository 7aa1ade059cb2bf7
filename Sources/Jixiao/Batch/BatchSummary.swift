/// What a batch adds to its results: counts that prove nothing was lost, findings by code, points
/// claimed against recomputed, grade transitions overall and per department, the largest over-claims.
public struct BatchSummary: Sendable {
  public struct Transition: Sendable, Hashable, Comparable {
    /// nil when the table printed no grade and no total.
    public var claimed: Grade?
    public var recomputed: Grade

    public static func < (lhs: Transition, rhs: Transition) -> Bool {
      (lhs.claimed?.rank ?? Grade.allCases.count, lhs.recomputed.rank)
        < (rhs.claimed?.rank ?? Grade.allCases.count, rhs.recomputed.rank)
    }
  }

  public struct OverClaim: Sendable, Hashable {
    public var id: String
    public var name: String
    public var department: String?
    public var claimed: Hundredths
    public var recomputed: Hundredths
    public var over: Hundredths { claimed - recomputed }
  }

  /// Kept for the HTML report's twenty; the text summary shows the first ten.
  public static let largestCount = 20

  /// Records read: every one ends as a result or a rejection.
  public private(set) var tablesRead = 0
  public private(set) var tablesScored = 0
  public private(set) var targetTables = 0
  public private(set) var rejectedCount = 0
  /// The first `Limits.maximumListedRejections` rejections; each one is also reported on stderr.
  public private(set) var rejections: [InputError] = []
  /// How many findings of each code the tables had (codes with none are absent).
  public var findingsByCode: [FindingCode: Int] {
    var counts = uncataloguedCounts
    for (position, count) in countsByCatalogue.enumerated() where count > 0 {
      counts[FindingCatalogue.all[position].code] = count
    }
    return counts
  }
  /// Counted by the code's position in the catalogue: a table's findings are counted without hashing a
  /// `String` each.
  private var countsByCatalogue = [Int](repeating: 0, count: FindingCatalogue.all.count)
  private var uncataloguedCounts: [FindingCode: Int] = [:]
  public private(set) var tablesWithClaimedTotal = 0
  public private(set) var claimedPoints = Hundredths.zero
  public private(set) var recomputedPoints = Hundredths.zero
  public var transitions: [Transition: Int] { transitionCounts.dictionary }
  private var transitionCounts = TransitionCounts()
  /// Made when asked for (a report asks once): each table counts in `departments` by its printed bytes.
  public var transitionsByDepartment: [String: [Transition: Int]] {
    Dictionary(uniqueKeysWithValues: zip(departments.names, departments.figures.lazy.map(\.transitions.dictionary)))
  }
  /// Per department, the points its tables over-claimed (tables that under-claimed count 0).
  public var overClaimedByDepartment: [String: Hundredths] {
    Dictionary(
      uniqueKeysWithValues: zip(departments.names, departments.figures).compactMap { name, figures in
        figures.overClaimed.map { (name, $0) }
      })
  }
  private var departments = Departments()
  /// Largest first.
  public private(set) var largestOverClaims: [OverClaim] = []
  /// Each graded table with a claimed total: claimed against recomputed.
  public private(set) var scatter = ClaimScatter()
  public var bytesRead = 0

  public init() {}

  public mutating func add(_ result: TableResult) {
    add(Entry(result))
  }

  /// Adds a table by the entry its worker took from its result (`Entry`): nothing here hashes a `String` or
  /// makes one, but for the few tables that are drawn or ranked.
  public mutating func add(_ entry: Entry) {
    tablesRead += 1
    if entry.isTargetTable {
      targetTables += 1
    } else {
      tablesScored += 1
    }
    for position in entry.cataloguedFindings { countsByCatalogue[Int(position)] += 1 }
    for code in entry.uncataloguedFindings { uncataloguedCounts[code, default: 0] += 1 }
    guard let recomputedGrade = entry.recomputedGrade else { return }
    let transition = Transition(claimed: entry.claimedGrade, recomputed: recomputedGrade)
    transitionCounts.add(transition)
    let department = departments.index(of: entry.department)
    departments.figures[department].transitions.add(transition)
    guard let claimed = entry.claimedTotal else { return }
    departments.figures[department].overClaimed =
      (departments.figures[department].overClaimed ?? .zero) + max(.zero, claimed - entry.recomputedTotal)
    tablesWithClaimedTotal += 1
    claimedPoints = claimedPoints + claimed
    recomputedPoints = recomputedPoints + entry.recomputedTotal
    scatter.add(
      id: entry.id, name: entry.name.string, claimed: claimed, recomputed: entry.recomputedTotal, isFlagged: entry.isFlagged)
    let over = claimed - entry.recomputedTotal
    guard over > .zero,
      largestOverClaims.count < Self.largestCount || over > largestOverClaims[largestOverClaims.count - 1].over
    else { return }
    let candidate = OverClaim(
      id: entry.id, name: entry.name.string, department: entry.department?.string, claimed: claimed,
      recomputed: entry.recomputedTotal)
    // Ties keep input order: the earlier table stays ahead.
    let position = largestOverClaims.firstIndex { $0.over < candidate.over } ?? largestOverClaims.count
    largestOverClaims.insert(candidate, at: position)
    if largestOverClaims.count > Self.largestCount { largestOverClaims.removeLast() }
  }

  public mutating func add(_ rejection: InputError) {
    tablesRead += 1
    rejectedCount += 1
    if rejections.count < Limits.maximumListedRejections { rejections.append(rejection) }
  }

  /// Read = scored + target tables + rejected: the proof that no record was lost.
  public var countsAddUp: Bool { tablesRead == tablesScored + targetTables + rejectedCount }
}

extension BatchSummary {
  /// What one table adds to the summary, taken from its result on the worker that scored it, so that the
  /// result is destroyed there and only this crosses to the thread that keeps the summary (with the
  /// rendered output). Its texts are ranges of the record the reader copied; a `String` is made from them
  /// only for a table the summary draws or ranks.
  public struct Entry: Sendable {
    public let id: String
    public let name: TableText
    public let department: TableText?
    public let isTargetTable: Bool
    public let claimedGrade: Grade?
    public let recomputedGrade: Grade?
    public let claimedTotal: Hundredths?
    public let recomputedTotal: Hundredths
    /// The most severe of the table's findings (nil: none): what `--fail-on` asks.
    public let mostSevere: Severity?
    /// The positions in `FindingCatalogue.all` of the findings' codes, one a finding.
    let cataloguedFindings: [UInt8]
    /// Codes the catalogue does not list, one a finding (none, in practice).
    let uncataloguedFindings: [FindingCode]

    /// `result` is lent, not copied: a copy of a result counts a reference for each of its parts.
    public init(_ result: borrowing TableResult) {
      id = result.id
      name = result.name
      department = result.department
      isTargetTable = result.isTargetTable
      claimedGrade = result.claimedGrade
      recomputedGrade = result.recomputedGrade
      claimedTotal = result.claimedTotal
      recomputedTotal = result.recomputedTotal
      var mostSevere: Severity?
      var catalogued: [UInt8] = []
      var uncatalogued: [FindingCode] = []
      catalogued.reserveCapacity(result.findings.count)
      // By index: a loop over the findings copied each one's location and detail to read its code.
      for index in result.findings.indices {
        let severity = result.findings[index].severity
        if mostSevere.map({ $0 < severity }) ?? true { mostSevere = severity }
        let code = result.findings[index].code
        // A field of the code (`FindingCode.cataloguePosition`): comparing codes to remember positions cost more.
        let position = FindingCatalogue.position(of: code)
        if let position {
          catalogued.append(UInt8(position))
        } else {
          uncatalogued.append(code)
        }
      }
      self.mostSevere = mostSevere
      cataloguedFindings = catalogued
      uncataloguedFindings = uncatalogued
    }

    /// A finding at warning or above: the report has an entry for the table to link to
    /// (`TableResult.isFlagged`).
    public var isFlagged: Bool { mostSevere.map { $0 != .info } ?? false }

    /// A finding at `severity` or worse (`--fail-on`).
    public func hasFinding(atLeast severity: Severity) -> Bool { mostSevere.map { !($0 < severity) } ?? false }
  }

  /// Counts of grade transitions, by the transition's place in a fixed list (claimed grade or none, by
  /// recomputed grade): a table's transition is counted without hashing.
  struct TransitionCounts: Sendable {
    private static let grades = Grade.allCases
    private var counts = [Int](repeating: 0, count: (grades.count + 1) * grades.count)

    mutating func add(_ transition: Transition) {
      let claimed = transition.claimed.map { Self.grades.firstIndex(of: $0)! } ?? Self.grades.count
      counts[claimed * Self.grades.count + Self.grades.firstIndex(of: transition.recomputed)!] += 1
    }

    /// The transitions counted, each with its count.
    var dictionary: [Transition: Int] {
      var transitions: [Transition: Int] = [:]
      for (position, count) in counts.enumerated() where count > 0 {
        let claimed = position / Self.grades.count
        transitions[
          Transition(
            claimed: claimed < Self.grades.count ? Self.grades[claimed] : nil,
            recomputed: Self.grades[position % Self.grades.count])] = count
      }
      return transitions
    }
  }

  /// What a department's tables add up to.
  struct DepartmentFigures: Sendable {
    var transitions = TransitionCounts()
    /// nil while none of its tables printed a total.
    var overClaimed: Hundredths?
  }

  /// The departments in the order they were first seen, found by their printed bytes (`TableText`: hashing a
  /// Chinese `String` normalises it first, several times dearer). The first time a department's bytes are
  /// seen, it is looked up by its `String` too, so that canonically equivalent spellings stay one
  /// department, as `String` keys kept them.
  struct Departments: Sendable {
    /// The tables that printed none are counted under this name.
    static let unnamed = "（未填主管部门）"
    private static let unnamedText = TableText(unnamed)
    private(set) var names: [String] = []
    var figures: [DepartmentFigures] = []
    private var byBytes: [Key: Int] = [:]
    private var byName: [String: Int] = [:]

    /// The place of `department` (nil: not printed) in `names` and `figures`; added when new.
    mutating func index(of department: TableText?) -> Int {
      let text = department ?? Self.unnamedText
      if let index = byBytes[Key(text: text)] { return index }
      let name = text.string
      let index =
        byName[name]
        ?? {
          names.append(name)
          figures.append(DepartmentFigures())
          byName[name] = names.count - 1
          return names.count - 1
        }()
      // Its own copy of the bytes: a key made of the record's would keep the whole record.
      byBytes[Key(text: TableText(name))] = index
      return index
    }

    /// A department's bytes as a key: hashed by their print (`TableText.print`, a few instructions whatever
    /// the length: hashing every byte cost more than the rest of a table's summary), equal by bytes.
    private struct Key: Hashable, Sendable {
      let text: TableText

      static func == (lhs: Key, rhs: Key) -> Bool { lhs.text == rhs.text }
      func hash(into hasher: inout Hasher) { hasher.combine(text.print) }
    }
  }
}
