/// Level names as reviewers compare them: spaces and a trailing 指标 trimmed, traditional forms mapped
/// to simplified ones (the map is the profile's).
public struct LevelName: Sendable, Hashable, CustomStringConvertible {
  public let key: String

  public init(_ printed: String, traditionalForms: [Character: Character] = [:]) {
    var text = String(
      printed.compactMap { character -> Character? in
        character.isWhitespace ? nil : (traditionalForms[character] ?? character)
      })
    if text.hasSuffix("指标"), text.count > 2 { text.removeLast(2) }
    key = text
  }

  public var description: String { key }
}
