import Foundation
import Jixiao

/// `jixiao`: thin on purpose. It parses arguments, calls the library, prints, and sets the exit status.
enum Main {
  static let version = "0.1.0"

  static let help = """
    jixiao \(version): re-scores 绩效自评表 (budget performance self-evaluation tables) and says what was over-claimed.

    USAGE
      jixiao rescore [FILE…|-] [--format text|json|jsonl|markdown|csv|xlsx|html] [--profile NAME|PATH] [--fail-on error|warning|never]
      jixiao review-targets [FILE…|-] [same options as rescore]
      jixiao extract FILE… [-o FILE] [--input-format FORMAT]
      jixiao explain [CODE]
      jixiao profile list|show NAME|check PATH
      jixiao --version

    COMMANDS
      rescore   Re-score tables and report findings. Reads JSON, JSON Lines, CSV (flat, or a printed form saved
                from a sheet; UTF-8, GB18030 or UTF-16), .xlsx and .docx forms, PDFs (pdftotext), a 决算's
                text (.txt), or standard input.
      review-targets
                Review 绩效目标表 (or the targets of any table) before the year starts.
      extract   Print the tables of any input as JSON, each value with where it came from (cell, page, line).
      explain   List the finding codes, or explain one with its examples.
      profile   List, show or check rule profiles (Scoring/).

    Run 'jixiao COMMAND --help' for a command's options.
    """

  static func run(_ arguments: [String]) -> Int32 {
    guard let command = arguments.first else {
      StandardOutput.write(help)
      return 0
    }
    do throws(UsageError) {
      switch command {
      case "rescore": return try RescoreCommand.run(Array(arguments.dropFirst()))
      case "explain": return try ExplainCommand.run(Array(arguments.dropFirst()))
      case "profile": return try ProfileCommand.run(Array(arguments.dropFirst()))
      case "review-targets": return try RescoreCommand.run(Array(arguments.dropFirst()), mode: .reviewTargets)
      case "extract": return try ExtractCommand.run(Array(arguments.dropFirst()))
      case "--version", "-V", "version":
        StandardOutput.write("jixiao \(version)")
        return 0
      case "--help", "-h", "help":
        StandardOutput.write(help)
        return 0
      default:
        let suggestion = closest(to: command, in: ["rescore", "review-targets", "extract", "explain", "profile"])
        throw UsageError(
          "unknown command '\(command)'",
          hint: suggestion.map { "did you mean 'jixiao \($0)'?" }
            ?? "expected 'jixiao rescore FILE…' or 'jixiao explain'; see jixiao --help")
      }
    } catch {
      StandardError.write("jixiao: error: \(error.message)")
      if let hint = error.hint { StandardError.write("hint: \(hint)") }
      return ExitStatus.usage
    }
  }
}

enum ExitStatus {
  static let success: Int32 = 0
  static let findings: Int32 = 1
  static let usage: Int32 = 2
  static let unreadableInput: Int32 = 3
  /// The output could not be written (a full disk, a closed pipe); an `-o` file is left as it was.
  static let outputFailed: Int32 = 4
}

/// Lines for standard output outside a batch (help, `explain`, `profile`), written with write(2): a
/// closed pipe or a full disk ends the run with exit status 4 (`Termination`), never a trap.
enum StandardOutput {
  static let writer = DescriptorWriter(descriptor: STDOUT_FILENO, destination: "standard output")

  static func write(_ line: String) {
    do throws(OutputError) { try writer.write(line + "\n") } catch { Termination.outputFailed(error) }
  }
}

/// Messages and the progress line on standard error, written as standard output is.
enum StandardError {
  static let writer = DescriptorWriter(descriptor: STDERR_FILENO, destination: "standard error")

  /// One line; controls and bidi controls in it (a file name, a quoted cell) are shown escaped.
  static func write(_ line: String) {
    write(raw: TerminalText.visible(line) + "\n")
  }

  /// Text as it is, without a line end (the progress line rewrites itself with `\r`).
  static func write(raw text: String) {
    do throws(OutputError) { try writer.write(text) } catch { Termination.outputFailed(error) }
  }
}

Cleanup.install()
exit(Main.run(Array(CommandLine.arguments.dropFirst())))
