/// What a batch adds to its results: counts that prove nothing was lost, findings by code, points
/// claimed against recomputed, grade transitions overall and per department, the largest over-claims.
public struct BatchSummary: Sendable {
  public struct Transition: Sendable, Hashable, Comparable {
    /// nil when the table printed no grade and no total.
    public var claimed: Grade?
    public var recomputed: Grade

    public static func < (lhs: Transition, rhs: Transition) -> Bool {
      (lhs.claimed.map { Grade.allCases.firstIndex(of: $0)! } ?? 9, Grade.allCases.firstIndex(of: lhs.recomputed)!)
        < (rhs.claimed.map { Grade.allCases.firstIndex(of: $0)! } ?? 9, Grade.allCases.firstIndex(of: rhs.recomputed)!)
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
  public private(set) var transitions: [Transition: Int] = [:]
  public private(set) var transitionsByDepartment: [String: [Transition: Int]] = [:]
  /// Per department, the points its tables over-claimed (tables that under-claimed count 0).
  public private(set) var overClaimedByDepartment: [String: Hundredths] = [:]
  /// Largest first.
  public private(set) var largestOverClaims: [OverClaim] = []
  /// Each graded table with a claimed total: claimed against recomputed.
  public private(set) var scatter = ClaimScatter()
  public var bytesRead = 0

  public init() {}

  public mutating func add(_ result: TableResult) {
    tablesRead += 1
    if result.isTargetTable {
      targetTables += 1
    } else {
      tablesScored += 1
    }
    // By index: a loop over the findings copied each one's location and detail to read its code.
    for index in result.findings.indices {
      let code = result.findings[index].code
      if let position = FindingCatalogue.position(of: code) {
        countsByCatalogue[position] += 1
      } else {
        uncataloguedCounts[code, default: 0] += 1
      }
    }
    guard let recomputedGrade = result.recomputedGrade else { return }
    let transition = Transition(claimed: result.claimedGrade, recomputed: recomputedGrade)
    transitions[transition, default: 0] += 1
    let printedDepartment = result.department?.string
    let department = printedDepartment ?? "（未填主管部门）"
    transitionsByDepartment[department, default: [:]][transition, default: 0] += 1
    guard let claimed = result.claimedTotal else { return }
    overClaimedByDepartment[department, default: .zero] += max(.zero, claimed - result.recomputedTotal)
    tablesWithClaimedTotal += 1
    claimedPoints = claimedPoints + claimed
    recomputedPoints = recomputedPoints + result.recomputedTotal
    let name = result.name.string
    scatter.add(id: result.id, name: name, claimed: claimed, recomputed: result.recomputedTotal, isFlagged: result.isFlagged)
    let candidate = OverClaim(
      id: result.id, name: name, department: printedDepartment, claimed: claimed, recomputed: result.recomputedTotal)
    guard candidate.over > .zero else { return }
    if largestOverClaims.count < Self.largestCount || candidate.over > largestOverClaims[largestOverClaims.count - 1].over {
      // Ties keep input order: the earlier table stays ahead.
      let position = largestOverClaims.firstIndex { $0.over < candidate.over } ?? largestOverClaims.count
      largestOverClaims.insert(candidate, at: position)
      if largestOverClaims.count > Self.largestCount { largestOverClaims.removeLast() }
    }
  }

  public mutating func add(_ rejection: InputError) {
    tablesRead += 1
    rejectedCount += 1
    if rejections.count < Limits.maximumListedRejections { rejections.append(rejection) }
  }

  /// Read = scored + target tables + rejected: the proof that no record was lost.
  public var countsAddUp: Bool { tablesRead == tablesScored + targetTables + rejectedCount }
}
