/// Input that could not be read: where (file, line, field) and what was expected instead.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String

  public init(_ location: SourceLocation, _ message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): \(message)" }
}
