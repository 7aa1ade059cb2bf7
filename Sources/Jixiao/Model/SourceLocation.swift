/// Where something was read: the file, the line (for JSON Lines and CSV, the record's line), and the
/// field path inside the record (`indicators[3].weight`).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible, Codable {
  public var file: String
  public var line: Int?
  public var field: String?

  public init(file: String, line: Int? = nil, field: String? = nil) {
    self.file = file
    self.line = line
    self.field = field
  }

  public func field(_ path: String) -> SourceLocation {
    var copy = self
    copy.field = field.map { "\($0).\(path)" } ?? path
    return copy
  }

  public func line(_ line: Int) -> SourceLocation {
    var copy = self
    copy.line = line
    return copy
  }

  public var description: String {
    var text = file
    if let line {
      text += ":"
      text += String(line)
    }
    if let field {
      text += ": "
      text += field
    }
    return text
  }
}
