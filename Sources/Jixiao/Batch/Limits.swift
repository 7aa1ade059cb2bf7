/// Named limits: input beyond them is refused with a clear message, never truncated, never a crash.
public enum Limits {
  /// One JSON Lines record or one CSV table.
  public static let maximumRecordBytes = 8 << 20
  /// A whole `.json` document (which may be an array of tables).
  public static let maximumDocumentBytes = 256 << 20
  /// Indicators in one table (the seeds have at most 20).
  public static let maximumIndicators = 5_000
  /// Characters in one cell or text field.
  public static let maximumCellLength = 4_096
  /// Rejections kept for the summary; more are counted, and each is still reported on stderr.
  public static let maximumListedRejections = 10_000
}
