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

  private var rank: Int { Grade.allCases.firstIndex(of: self)! }

  /// `a < b` when `a` is the worse grade.
  public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rank > rhs.rank }
}
