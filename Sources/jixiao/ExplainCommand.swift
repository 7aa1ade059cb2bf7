import Jixiao

enum ExplainCommand {
  static let help = """
    USAGE: jixiao explain [CODE]

    Without CODE, lists every finding code with its severity and meaning.
    With CODE, explains it and shows its examples: tables that raise it and tables that do not,
    with the message jixiao prints for each.

    EXAMPLE
      jixiao explain score.over-claimed
    """

  static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
    if arguments.contains("--help") || arguments.contains("-h") {
      StandardOutput.write(help)
      return ExitStatus.success
    }
    let parsed = try Arguments(arguments, valued: [], flagged: [], command: "explain")
    guard let code = parsed.positionals.first else {
      for descriptor in FindingCatalogue.all {
        let padded = descriptor.code.rawValue.padding(toLength: 30, withPad: " ", startingAt: 0)
        StandardOutput.write(
          "\(padded) \(descriptor.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(descriptor.title)")
      }
      return ExitStatus.success
    }
    guard parsed.positionals.count == 1 else {
      throw UsageError("explain takes one code", hint: "jixiao explain \(code)")
    }
    guard let descriptor = FindingCatalogue.descriptor(for: FindingCode(code)) else {
      let known = FindingCatalogue.all.map(\.code.rawValue)
      throw UsageError(
        "unknown finding code '\(code)'",
        hint: closest(to: code, in: known).map { "did you mean 'jixiao explain \($0)'?" }
          ?? "run 'jixiao explain' to list the codes")
    }
    StandardOutput.write(ExampleReport.render(descriptor))
    return ExitStatus.success
  }
}
