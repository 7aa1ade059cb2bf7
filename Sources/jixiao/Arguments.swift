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
            throw UsageError("\(name) needs a value", hint: "jixiao \(command) \(name) VALUE …; see jixiao \(command) --help")
          }
          options[name] = arguments[index]
          index += 1
        }
      } else if flagged.contains(name), inlineValue == nil {
        flags.insert(name)
      } else {
        let suggestion = closest(to: name, in: valued + flagged)
        throw UsageError(
          "unknown option '\(argument)' for jixiao \(command)",
          hint: suggestion.map { "did you mean '\($0)'? see jixiao \(command) --help" } ?? "see jixiao \(command) --help")
      }
    }
  }

  func value(_ name: String) -> String? { options[name] }
  func has(_ flag: String) -> Bool { flags.contains(flag) }

  /// The option's value, checked against the allowed ones.
  func choice(_ name: String, from allowed: [String], default fallback: String) throws(UsageError) -> String {
    guard let value = options[name] else { return fallback }
    guard allowed.contains(value) else {
      let suggestion = closest(to: value, in: allowed).map { "did you mean '\(name) \($0)'? " } ?? ""
      throw UsageError(
        "'\(value)' is not a valid value for \(name)",
        hint: "\(suggestion)expected one of: \(allowed.joined(separator: ", "))")
    }
    return value
  }
}
