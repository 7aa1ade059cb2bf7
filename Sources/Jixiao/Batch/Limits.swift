/// Named limits: input beyond them is refused with a clear message, never truncated, never a crash.
public enum Limits {
  /// One JSON Lines record or one CSV table.
  public static let maximumRecordBytes = 8 << 20
  /// A whole `.json` document (which may be an array of tables).
  public static let maximumDocumentBytes = 256 << 20
  /// Indicators in one table (the seeds have at most 20).
  public static let maximumIndicators = 5_000
  /// The largest magnitude a weight, score, total or amount may be printed with: 10^12 (a trillion;
  /// a budget in 元 of a whole province is below it). Every figure derived from such numbers then fits:
  /// a table's score total, in hundredths, is at most (`maximumIndicators` + 1) × 10^14, far below
  /// `Int64.max` (`LimitsTests`). A larger number is refused for its cell (`number.out-of-range`).
  public static let maximumMagnitude = 1_000_000_000_000
  /// Characters in one cell or text field.
  public static let maximumCellLength = 4_096
  /// Rejections kept for the summary; more are counted, and each is still reported on stderr.
  public static let maximumListedRejections = 10_000
}
