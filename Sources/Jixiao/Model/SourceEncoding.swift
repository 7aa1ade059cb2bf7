/// The text encoding a table's file was saved in. Everything but UTF-8 was transcoded to UTF-8 as it was
/// read, and a result says so: an auditor should know the text was converted.
public enum SourceEncoding: String, Sendable, Hashable, CaseIterable, Codable {
  case utf8 = "UTF-8"
  /// What Excel on Chinese Windows saves as "CSV" (GBK is a subset).
  case gb18030 = "GB18030"
  /// Excel's "Unicode text".
  case utf16LittleEndian = "UTF-16LE"
  case utf16BigEndian = "UTF-16BE"

  public var wasTranscoded: Bool { self != .utf8 }
}
