import Jixiao

enum ProfileCommand {
  static let help = """
    USAGE: jixiao profile list
           jixiao profile show NAME|PATH
           jixiao profile check PATH

    Rule profiles are the policy numbers of scoring (thresholds, bands, grade lines, penalties) as data
    files in Scoring/. 'list' names the bundled ones, 'show' prints one as the engine reads it (after
    'extends'), 'check' validates a file of your own and names the key of any error.

    EXAMPLES
      jixiao profile show provincial-80-70-60
      jixiao rescore Fixtures/004-unit/table.json --profile my-region.json
    """

  static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
    if arguments.isEmpty || arguments.contains("--help") || arguments.contains("-h") {
      StandardOutput.write(help)
      return arguments.isEmpty ? ExitStatus.usage : ExitStatus.success
    }
    let parsed = try Arguments(arguments, valued: [], flagged: [], command: "profile")
    let action = parsed.positionals[0]
    let target = parsed.positionals.dropFirst().first
    switch action {
    case "list":
      for name in Profile.bundledNames() {
        do {
          let profile = try Profile.load(name)
          StandardOutput.write(
            "\(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(profile.version.padding(toLength: 8, withPad: " ", startingAt: 0)) \(profile.contentHash)  \(profile.description)"
          )
        } catch {
          StandardOutput.write("\(name.padding(toLength: 26, withPad: " ", startingAt: 0)) invalid: \(error)")
        }
      }
      return ExitStatus.success
    case "show", "check":
      guard let target else {
        throw UsageError("'profile \(action)' needs a profile name or path", hint: "jixiao profile \(action) national-default")
      }
      do {
        let profile = try Profile.load(target)
        if action == "show" {
          StandardOutput.write("# \(profile.name) \(profile.version) (\(profile.contentHash))")
          StandardOutput.write(try Profile.effectiveDocument(target))
        } else {
          StandardOutput.write("\(target): valid profile \(profile.name) \(profile.version) (\(profile.contentHash))")
        }
        return ExitStatus.success
      } catch {
        StandardError.write("jixiao: invalid profile: \(error)")
        return ExitStatus.unreadableInput
      }
    default:
      throw UsageError(
        "unknown profile action '\(action)'",
        hint: closest(to: action, in: ["list", "show", "check"]).map { "did you mean 'jixiao profile \($0)'?" }
          ?? "jixiao profile list")
    }
  }
}
