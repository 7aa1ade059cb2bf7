/// A language jixiao speaks to its user: help, usage errors and the errors of input and output.
public enum Language: String, Sendable, Hashable, CaseIterable {
  case english = "en"
  case chinese = "zh"

  /// The language of a locale value (`zh_CN.UTF-8`, `zh_TW`, `en_US`, `C`): Chinese when it starts with
  /// `zh`, English otherwise.
  public init(locale: String) {
    self = locale.hasPrefix("zh") ? .chinese : .english
  }

  /// The language the environment asks for, by POSIX precedence: the first of LC_ALL, LC_MESSAGES and
  /// LANG that is set and not empty decides (so `LC_ALL=C` means English whatever LANG says); none set
  /// means English.
  public init(environment: [String: String]) {
    let decisive = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    self = decisive.map(Language.init(locale:)) ?? .english
  }
}

/// A message in both languages, written side by side where the error is raised, so the two cannot drift
/// apart and no site can be English only: `InputError(location, Message(en: "…", zh: "…"))`. The library
/// never chooses between them (it holds no language setting); whoever prints the message renders it with
/// `text(_:)` in the language the user chose. `description` is the English text, for logs and debugging.
///
/// Both texts say the same thing, including what to type instead. A value quoted from the input (a file
/// name, a cell) appears in both unchanged; so do field names, options and commands (`--format csv`).
public struct Message: Sendable, Hashable, CustomStringConvertible {
  public var english: String
  public var chinese: String

  public init(en english: String, zh chinese: String) {
    self.english = english
    self.chinese = chinese
  }

  /// Text that is the same in every language: a path, a value quoted from the input, a number.
  public init(verbatim text: String) {
    self.english = text
    self.chinese = text
  }

  public func text(_ language: Language) -> String {
    switch language {
    case .english: english
    case .chinese: chinese
    }
  }

  public var description: String { english }

  /// The two messages one after the other, each language with its own.
  public static func + (first: Message, second: Message) -> Message {
    Message(en: first.english + second.english, zh: first.chinese + second.chinese)
  }

  public static func += (first: inout Message, second: Message) {
    first = first + second
  }

  /// Messages joined by a separator given in both languages (`"; "` and `"；"`).
  public static func joined(_ parts: [Message], separator: Message) -> Message {
    Message(
      en: parts.map(\.english).joined(separator: separator.english),
      zh: parts.map(\.chinese).joined(separator: separator.chinese))
  }
}
