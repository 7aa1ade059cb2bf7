/// A stable finding code. An open set, like swift-system's `Errno`: new codes are added as static
/// members and never renamed, so a `switch` in a user's code never breaks.
///
/// A code carries its position in `FindingCatalogue.all` (nil for a code the catalogue does not list): looked
/// up once when a code is made from its text, and declared with the catalogue's own codes (FindingCodes.swift,
/// held to the catalogue by `FindingCatalogueTests`). A finding's severity and the batch's count by code are
/// read from it, not looked up by the code's text for every finding.
public struct FindingCode: RawRepresentable, Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let rawValue: String
  /// Follows from `rawValue`: by definition `FindingCatalogue.all.firstIndex { $0.code.rawValue == rawValue }`.
  let cataloguePosition: Int16?

  public init(rawValue: String) {
    self.rawValue = rawValue
    cataloguePosition = FindingCatalogue.lookUpPosition(of: rawValue).map(Int16.init)
  }
  public init(_ rawValue: String) { self.init(rawValue: rawValue) }

  public var description: String { rawValue }
  public static func < (lhs: FindingCode, rhs: FindingCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum Severity: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
  case error, warning, info

  /// By definition the position in `allCases` (`FindingCatalogueTests`), told by a switch: the batch summary compares
  /// every finding's severity, and a search of `allCases` cost a static array and a walk each time.
  var rank: Int {
    switch self {
    case .error: 0
    case .warning: 1
    case .info: 2
    }
  }
  /// `error > warning > info`.
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank > rhs.rank }

  public var label: String {
    switch self {
    case .error: "错误"
    case .warning: "警告"
    case .info: "提示"
    }
  }
}

/// Where in the table a finding points.
public enum FindingLocation: Sendable, Hashable {
  case table
  case funds
  /// The name as reports show it (`Indicator.displayText`), sharing the table's text.
  case indicator(index: Int, name: TableText)

  /// `funds`, `#3 线路改迁长度`, or `table`.
  public var label: String {
    switch self {
    case .table: "整表"
    case .funds: "预算执行"
    case .indicator(let index, let name): "#\(index) \(name)"
    }
  }

  /// The indicator's name as reports show it; nil for the table or the funds item.
  var indicatorName: TableText? {
    guard case .indicator(_, let name) = self else { return nil }
    return name
  }

  /// The compact key used by expected results: `funds`, `3`, or nil for the table.
  public var key: String? {
    switch self {
    case .table: nil
    case .funds: "funds"
    case .indicator(let index, _): String(index)
    }
  }
}

/// What a check found: a value, collected by the scorer, never printed by the check itself. It holds what
/// was found as values (`detail`); the Chinese message is made from them only when a writer asks
/// (`message`).
public struct Finding: Sendable, Hashable {
  /// Follows from `detail`.
  public let code: FindingCode
  /// The catalogue's, for `code`.
  public let severity: Severity
  public var location: FindingLocation
  /// What was found, with its figures and texts.
  public let detail: FindingDetail

  public init(_ detail: FindingDetail, at location: FindingLocation) {
    self.code = detail.code
    self.severity = FindingCatalogue.severity(of: code)
    self.location = location
    self.detail = detail
  }

  /// Chinese, with the numbers: `目标 ≥5%，实际 0.1%，完成率 2.00%，按比例应得 0.50 分，自评 25.00 分，多报 24.50 分`.
  /// Made by `FindingDetail.message` on each call.
  public var message: String { detail.message }

  /// `code`, `code@funds` or `code@N`: how expected results list findings.
  public var key: String {
    location.key.map { "\(code.rawValue)@\($0)" } ?? code.rawValue
  }
}
