import Foundation
import Jixiao

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

  static func write(_ line: String) {
    write(raw: line + "\n")
  }

  /// Text as it is, without a line end (the progress line rewrites itself with `\r`).
  static func write(raw text: String) {
    do throws(OutputError) { try writer.write(text) } catch { Termination.outputFailed(error) }
  }
}
