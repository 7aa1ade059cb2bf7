import Jixiao

/// The language of a run, decided once before anything is printed: `--lang zh|en` anywhere before `--`
/// wins; else the environment by POSIX precedence (LC_ALL, then LC_MESSAGES, then LANG; a value starting
/// with `zh` is Chinese; `Language(environment:)`); else English. `--lang` is taken off the command line, so
/// every command accepts it without declaring it. A `--lang` without a value or with another value is a
/// usage error, printed in both languages since the one wanted is unknown.
struct LanguageChoice {
  let language: Language
  /// The command line without `--lang` and its value.
  let arguments: [String]
  let error: UsageError?

  init(arguments: [String], environment: [String: String]) {
    var rest: [String] = []
    var given: String??
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if optionsEnded {
        rest.append(argument)
      } else if argument == "--lang" {
        given = index < arguments.count ? arguments[index] : .some(nil)
        index += 1
      } else if argument.hasPrefix("--lang=") {
        given = String(argument.dropFirst("--lang=".count))
      } else {
        if argument == "--" { optionsEnded = true }
        rest.append(argument)
      }
    }
    self.arguments = rest
    let fromEnvironment = Language(environment: environment)
    switch given {
    case .none:
      language = fromEnvironment
      error = nil
    case .some(let value):
      if let chosen = value.flatMap(Self.language(named:)) {
        language = chosen
        error = nil
      } else {
        language = fromEnvironment
        var refusal = UsageError(
          value.map { Message(en: "unknown language '\($0)' for --lang", zh: "--lang 不支持语言 '\($0)'") }
            ?? Message(en: "--lang needs a value", zh: "--lang 需要一个值"),
          hint: Message(en: "type --lang zh for Chinese or --lang en for English", zh: "中文请输入 --lang zh，英文请输入 --lang en"))
        refusal.bilingual = true
        error = refusal
      }
    }
  }

  /// `zh`, `en`, or a locale-like spelling of them (`zh-CN`, `zh_CN`, `en-US`), in any case.
  private static func language(named value: String) -> Language? {
    let lowered = value.lowercased()
    for language in Language.allCases {
      let code = language.rawValue
      if lowered == code || lowered.hasPrefix(code + "-") || lowered.hasPrefix(code + "_") { return language }
    }
    return nil
  }
}
