/// A reviewer's decision as read from a 复核 workbook's row (`ReviewWorkbookReader`), before it is checked:
/// the 复核调整得分 and 复核意见 cells as they were filled in, and where. The scorer checks it against the
/// item's weight and applies it (`Scorer.apply(_:to:)`, docs/rules.md "Reviewer's overrides").
public struct ScoreOverride: Sendable, Hashable {
  /// The row it was written on: the funds row, the indicator at a 1-based position, or a row that takes no
  /// override (a 资金来源 row, the total row).
  public enum Place: Sendable, Hashable {
    case funds
    /// A 资金来源 row of the funds block (1-based among them), which is not scored.
    case source(position: Int)
    case indicator(position: Int)
    case total
  }

  public var place: Place
  /// The score as the cell shows it (blank when the reviewer wrote only a 复核意见).
  public var scoreText: String
  /// The score when the cell holds a number; nil when blank or not a number.
  public var score: Rational?
  /// The 复核意见, trimmed; empty when none was written.
  public var comment: String
  /// The 复核调整得分 cell, `复核!P5`.
  public var cell: String

  public init(place: Place, scoreText: String, score: Rational?, comment: String, cell: String) {
    self.place = place
    self.scoreText = scoreText
    self.score = score
    self.comment = comment
    self.cell = cell
  }

  /// Whether a score was written at all (a 复核意见 alone is a remark, not an override).
  public var hasScore: Bool { !scoreText.isBlankText }
}
