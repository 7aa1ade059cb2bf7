/// A target or actual cell, read (spec §2). Parsing is a pure function of the printed text:
/// see `Cell.init(parsing:)`.
public enum Cell: Sendable, Hashable {
  /// Blank, `-`, `—`, `/`.
  case empty
  /// An optional comparison, a number and an optional unit: `>=20次/年`, `=96.67%`, `600多亿`.
  case quantity(Quantity)
  /// A date, with or without a year, usually followed by 前: `2024年10月30日前`.
  case deadline(Deadline)
  /// Anything else: `有效促进`, `达到预期指标`, as printed (normalized: `CellGrammar.normalize`). A table's
  /// cell holds its own text, sharing its storage; equal by bytes (`TableText`).
  case text(TableText)
  /// Text that starts like a quantity or a date but cannot be read (`>=`, `2月30日`, 40 digits).
  case unreadable(reason: String)
}

/// How a target compares an actual with its number.
public enum Comparison: String, Sendable, Hashable, CaseIterable {
  case atLeast = ">="
  case greaterThan = ">"
  case atMost = "<="
  case lessThan = "<"
  case equal = "="

  public var isHigherBetter: Bool { self == .atLeast || self == .greaterThan }
  public var isLowerBetter: Bool { self == .atMost || self == .lessThan }
  public var isStrict: Bool { self == .greaterThan || self == .lessThan }
  public var symbol: String {
    switch self {
    case .atLeast: "≥"
    case .greaterThan: ">"
    case .atMost: "≤"
    case .lessThan: "<"
    case .equal: "="
    }
  }
}

public struct Quantity: Sendable, Hashable {
  /// The comparison as written; `nil` when the cell had none (which a target reads as `=`).
  public var comparison: Comparison?
  public var value: Rational
  public var unit: Unit
  /// `600多亿`, `30余家`: the number is a lower bound, as printed.
  public var isApproximate: Bool

  public init(comparison: Comparison?, value: Rational, unit: Unit, isApproximate: Bool = false) {
    self.comparison = comparison
    self.value = value
    self.unit = unit
    self.isApproximate = isApproximate
  }
}

public struct Deadline: Sendable, Hashable {
  /// `nil` when the cell printed no year: the table's year is meant.
  public var year: Int?
  public var month: Int
  public var day: Int

  public init(year: Int?, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// A sortable day number for a given default year.
  func ordinal(defaultYear: Int) -> Int {
    (year ?? defaultYear) * 10_000 + month * 100 + day
  }

  public func formatted(defaultYear: Int?) -> String {
    if let year = year ?? defaultYear { return "\(year)年\(month)月\(day)日" }
    return "\(month)月\(day)日"
  }
}

extension Cell {
  /// Calls `body` with the quantity this cell reads as, lent in place (not copied); nil for any other cell.
  @inline(__always)
  func readQuantityInPlace<Result, Failure: Error>(_ body: (borrowing Quantity) throws(Failure) -> Result) throws(Failure)
    -> Result?
  {
    guard case .quantity(let quantity) = self else { return nil }
    return try body(quantity)
  }

  /// The quantity a cell reads as, copied out of the cell alone (`readQuantityInPlace`'s definition).
  var quantity: Quantity? {
    guard case .quantity(let quantity) = self else { return nil }
    return quantity
  }

  /// The comparison a quantity cell prints, read without copying its quantity.
  var quantityComparison: Comparison? {
    guard case .quantity(let quantity) = self else { return nil }
    return quantity.comparison
  }
}
