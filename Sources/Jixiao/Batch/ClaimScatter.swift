/// Every scored table's claimed total against its recomputed total: the picture auditors look for first.
/// A year can hold a million tables, so the points themselves are kept only while there are few
/// (`pointLimit`); counts by whole points (`cells`) are kept for any number, in bounded memory.
public struct ClaimScatter: Sendable, Hashable {
  public struct Point: Sendable, Hashable {
    public var id: String
    public var name: String
    public var claimed: Hundredths
    public var recomputed: Hundredths
    /// The table has a finding at warning or above: the report has an entry for it to link to.
    public var isFlagged: Bool
  }

  /// One whole point of claimed total by one of recomputed total (`claimed` 87 holds 87.00 to 87.99).
  public struct Cell: Sendable, Hashable, Comparable {
    public var claimed: Int
    public var recomputed: Int

    public static func < (lhs: Cell, rhs: Cell) -> Bool {
      (lhs.claimed, lhs.recomputed) < (rhs.claimed, rhs.recomputed)
    }
  }

  /// Up to this many tables the report draws each one, linked to its entry; beyond, a density.
  public static let pointLimit = 2_000
  /// Totals are drawn on 0…`axisLimit` points; one beyond (a claim of 950 typed for 95) is drawn on the
  /// edge and counted in `beyondAxis`. Also what keeps `cells` bounded.
  public static let axisLimit = 150

  /// Claimed more than recomputed: above the diagonal.
  public private(set) var overClaimed = 0
  public private(set) var equal = 0
  public private(set) var underClaimed = 0
  /// Totals outside 0…`axisLimit`, drawn on the edge.
  public private(set) var beyondAxis = 0
  /// The largest total drawn (after the edge), for the axis.
  public private(set) var largest = Hundredths.zero
  /// The first `pointLimit` tables, in input order.
  public private(set) var points: [Point] = []
  /// The tables of each cell that holds any (`cellCounts`, by cell).
  public var cells: [Cell: Int] {
    var cells: [Cell: Int] = [:]
    for (position, count) in cellCounts.enumerated() where count > 0 {
      cells[Cell(claimed: position / Self.side, recomputed: position % Self.side)] = count
    }
    return cells
  }
  /// The tables of each cell, at `claimed * side + recomputed`; empty until the first table. A table is
  /// counted at an index: a dictionary of cells hashed two integers a table, and its first table scanned
  /// the binary's conformances for `Cell: Hashable` (0.36 M instructions).
  private var cellCounts: [Int] = []
  /// Cells a side: whole points 0…`axisLimit`.
  private static let side = axisLimit + 1

  public init() {}

  /// Tables with both a claimed and a recomputed total.
  public var count: Int { overClaimed + equal + underClaimed }

  /// Whether every table is a point of its own; otherwise the report draws `cells`.
  public var drawsPoints: Bool { count <= Self.pointLimit }

  /// `name` is made only for a table drawn as a point of its own (the first `pointLimit`).
  public mutating func add(
    id: String, name: @autoclosure () -> String, claimed: Hundredths, recomputed: Hundredths, isFlagged: Bool
  ) {
    if claimed > recomputed {
      overClaimed += 1
    } else if claimed == recomputed {
      equal += 1
    } else {
      underClaimed += 1
    }
    let limit = Hundredths(Self.axisLimit)
    if claimed < .zero || claimed > limit || recomputed < .zero || recomputed > limit { beyondAxis += 1 }
    let drawnClaimed = Self.clamped(claimed)
    let drawnRecomputed = Self.clamped(recomputed)
    largest = max(largest, drawnClaimed, drawnRecomputed)
    if points.count < Self.pointLimit {
      points.append(Point(id: id, name: name(), claimed: claimed, recomputed: recomputed, isFlagged: isFlagged))
    }
    if cellCounts.isEmpty { cellCounts = Array(repeating: 0, count: Self.side * Self.side) }
    cellCounts[Self.wholePoints(drawnClaimed) * Self.side + Self.wholePoints(drawnRecomputed)] += 1
  }

  /// A total as drawn: within 0…`axisLimit`.
  public static func clamped(_ value: Hundredths) -> Hundredths {
    min(max(value, .zero), Hundredths(axisLimit))
  }

  static func wholePoints(_ value: Hundredths) -> Int {
    Int(value.hundredths / 100)
  }

  /// The cell a table is counted in (the definition `add` counts by index).
  static func cell(claimed: Hundredths, recomputed: Hundredths) -> Cell {
    Cell(claimed: wholePoints(clamped(claimed)), recomputed: wholePoints(clamped(recomputed)))
  }
}
