/// pdftotext's `-layout` text (columns aligned with spaces, pages parted by form feeds).
public enum LayoutTextReader {
  public static func isLayoutText(_ bytes: [UInt8]) -> Bool { false }
  public static func grids(bytes: [UInt8], file: String) -> [Grid] { [] }
}
