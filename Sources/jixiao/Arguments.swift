import Jixiao

/// A small argument scanner: `--name value`, `--name=value`, flags, and positionals; `--` ends options.
struct Arguments {
  private(set) var positionals: [String] = []
  private var options: [String: String] = [:]
  private var flags: Set<String> = []

  /// `valued` options take a value; `flagged` ones do not. Anything else is a usage error with a hint.
  init(_ arguments: [String], valued: [String], flagged: [String], command: String) throws(UsageError) {
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      var name = argument
      var inlineValue: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      }
      if valued.contains(name) {
        if let inlineValue {
          options[name] = inlineValue
        } else {
          guard index < arguments.count else {
            throw UsageError(
              Message(en: "\(name) needs a value", zh: "\(name) 需要一个值"),
              hint: Message(en: "jixiao \(command) \(name) VALUE …; ", zh: "jixiao \(command) \(name) 值 …；")
                + Diagnostic.seeHelp(command))
          }
          options[name] = arguments[index]
          index += 1
        }
      } else if flagged.contains(name), inlineValue == nil {
        flags.insert(name)
      } else {
        let suggestion = closest(to: name, in: valued + flagged)
        throw UsageError(
          Message(en: "unknown option '\(argument)' for jixiao \(command)", zh: "jixiao \(command) 没有选项 '\(argument)'"),
          hint: Diagnostic.hint(suggesting: suggestion, Diagnostic.seeHelp(command)))
      }
    }
  }

  func value(_ name: String) -> String? { options[name] }
  func has(_ flag: String) -> Bool { flags.contains(flag) }

  /// The option's value, checked against the allowed ones.
  func choice(_ name: String, from allowed: [String], default fallback: String) throws(UsageError) -> String {
    guard let value = options[name] else { return fallback }
    guard allowed.contains(value) else {
      let suggestion = closest(to: value, in: allowed).map { "\(name) \($0)" }
      let choices = allowed.joined(separator: ", ")
      throw UsageError(
        Message(en: "'\(value)' is not a valid value for \(name)", zh: "'\(value)' 不是 \(name) 的有效值"),
        hint: Diagnostic.hint(suggesting: suggestion, Message(en: "expected one of: \(choices)", zh: "应为以下之一：\(choices)")))

    }
    return value
  }
}
