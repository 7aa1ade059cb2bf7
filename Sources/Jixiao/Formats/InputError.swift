/// Input that could not be read: where (file, line, field) and what was expected instead, in English and
/// Chinese (`Message`). The location prefix is the same in both languages.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: Message

  public init(_ location: SourceLocation, _ message: Message) {
    self.location = location
    self.message = message
  }

  /// English only: every error site gives both texts.
  @available(*, unavailable, message: "give both texts: InputError(location, Message(en: \"…\", zh: \"…\"))")
  public init(_ location: SourceLocation, _ message: String) { fatalError("unavailable") }

  /// `file:line: field: message` in `language`.
  public func text(_ language: Language) -> String { "\(location): \(message.text(language))" }

  /// The whole line in both languages, for a caller that passes it on as its own message.
  public var located: Message { Message(verbatim: "\(location): ") + message }

  public var description: String { text(.english) }
}
