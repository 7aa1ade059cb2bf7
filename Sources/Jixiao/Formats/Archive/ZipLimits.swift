extension ZipArchive {
  /// What an archive may hold before it is refused as hostile (a "zip bomb") or absurd for a workbook.
  /// Declared sizes are checked when the archive is opened, before anything is inflated, and an
  /// entry is never inflated past its declared size, so the checks hold even when a directory lies.
  public struct Limits: Sendable, Hashable {
    /// Entries in one archive (a workbook of 1,000 sheets has about 1,020).
    public var maximumEntries = 10_000
    /// Declared inflated size of one entry (the same bound as a whole `.json` document).
    public var maximumEntryBytes = 256 << 20
    /// Declared inflated size of all entries together.
    public var maximumTotalBytes = 1 << 30
    /// Inflated bytes per compressed byte of one entry, for entries above `ratioGraceBytes`. DEFLATE
    /// reaches about 1,030; workbooks' XML stays far below 200 (tens, typically).
    public var maximumCompressionRatio = 200
    /// Entries this small are not held to the ratio: a few kilobytes of repeated markup may compress
    /// very well and cost nothing.
    public var ratioGraceBytes = 1 << 20
    /// Bytes in one entry name.
    public var maximumNameBytes = 1_024

    public init() {}

    public static let standard = Limits()
  }
}
