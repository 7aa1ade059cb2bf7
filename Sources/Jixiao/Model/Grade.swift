/// 优/良/中/差, ordered from best to worst; the lines that separate them are the profile's.
public enum Grade: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
  case excellent = "优"
  case good = "良"
  case fair = "中"
  case poor = "差"

  public init?(printed: String) {
    let text = printed.trimmingSpaces()
    guard let first = text.first, let grade = Grade(rawValue: String(first)) else { return nil }
    self = grade
  }

  /// Position from the best grade (0) to the worst: the order of `allCases`, without searching it.
  var rank: Int {
    switch self {
    case .excellent: 0
    case .good: 1
    case .fair: 2
    case .poor: 3
    }
  }

  /// `a < b` when `a` is the worse grade.
  public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rank > rhs.rank }
}
