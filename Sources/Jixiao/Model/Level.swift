/// An indicator's level 1 and level 2 as compared (`LevelName` keys; empty when not printed),
/// computed once per indicator.
struct LevelKeys {
  var level1: String
  var level2: String

  init(_ indicator: Indicator, profile: Profile) {
    level1 = indicator.level1.map(profile.levelName) ?? ""
    level2 = indicator.level2.map(profile.levelName) ?? ""
  }
}

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
