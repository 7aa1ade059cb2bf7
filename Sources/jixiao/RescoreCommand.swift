import Foundation
import Jixiao

enum RescoreCommand {
  static let help = """
    USAGE: jixiao rescore [FILE…|-] [OPTIONS]

    Re-scores each table by the rules of a profile and reports what was over-claimed.
    FILE is a .json file (one table, or an array of tables) or a .jsonl file (one table a line);
    '-' or no FILE reads standard input.

    OPTIONS
      --format text|json|jsonl|markdown
                                 Output: a report to read (default), one JSON document, one result a line,
                                 or a Markdown summary table (one row per table).
      --profile NAME|PATH        Rule profile: a name from Scoring/ (default: national-default) or a .json file.
      --fail-on error|warning|never
                                 Exit 1 when a finding of this severity or worse exists (default: never).
      -h, --help                 Show this help.

    EXIT STATUS
      0 scored; 1 a finding at the --fail-on severity; 2 usage error; 3 some input could not be read
      (the rest is still scored and reported).

    EXAMPLE
      jixiao rescore Fixtures/004-unit/table.json
    """

  static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
    if arguments.contains("--help") || arguments.contains("-h") {
      print(help)
      return ExitStatus.success
    }
    let parsed = try Arguments(arguments, valued: ["--format", "--profile", "--fail-on"], flagged: [], command: "rescore")
    let format = try parsed.choice("--format", from: ["text", "json", "jsonl", "markdown"], default: "text", command: "rescore")
    let failOn = try parsed.choice("--fail-on", from: ["error", "warning", "never"], default: "never", command: "rescore")
    let profile: Profile
    do {
      profile = try Profile.load(parsed.value("--profile") ?? Profile.defaultName)
    } catch {
      throw UsageError("\(error)", hint: "jixiao rescore FILE --profile national-default, or --profile path/to/profile.json")
    }
    var inputs = parsed.positionals
    if inputs.isEmpty {
      guard isatty(STDIN_FILENO) == 0 else {
        throw UsageError(
          "no input given", hint: "jixiao rescore Fixtures/004-unit/table.json, or pipe tables in with 'jixiao rescore -'")
      }
      inputs = ["-"]
    }

    let scorer = Scorer(profile: profile)
    var results: [TableResult] = []
    var rejected: [InputError] = []
    for input in inputs {
      for record in read(input) {
        switch record {
        case .table(let table): results.append(scorer.score(table))
        case .rejected(let error): rejected.append(error)
        }
      }
    }
    for error in rejected { StandardError.write("jixiao: cannot read \(error)") }

    switch format {
    case "json": print(ResultDocument.json(results: results, rejected: rejected))
    case "markdown": print(MarkdownSummary.render(results: results, rejected: rejected), terminator: "")
    case "jsonl":
      for result in results { print(ResultJSON.encode(result)) }
      for error in rejected { print(ResultDocument.rejectionJSON(error)) }
    default:
      for result in results { print(TextReport.render(result)) }
      if inputs.count > 1 || results.count + rejected.count > 1 {
        print("共 \(results.count + rejected.count) 张表：复核 \(results.count) 张，无法读取 \(rejected.count) 张")
      }
    }

    if !rejected.isEmpty { return ExitStatus.unreadableInput }
    if let threshold = Severity(rawValue: failOn),
      results.contains(where: { $0.findings.contains { !($0.severity < threshold) } })
    {
      return ExitStatus.findings
    }
    return ExitStatus.success
  }

  private static func read(_ input: String) -> [TableReader.Record] {
    if input == "-" {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      return TableReader.read(Array(data), file: "<stdin>")
    }
    guard let data = FileManager.default.contents(atPath: input) else {
      let reason = FileManager.default.fileExists(atPath: input) ? "the file cannot be read" : "no such file"
      return [.rejected(InputError(SourceLocation(file: input), "\(reason); check the path"))]
    }
    return TableReader.read(Array(data), file: input)
  }
}
