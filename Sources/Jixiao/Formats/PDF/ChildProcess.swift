import Foundation

/// A helper program run as a child process: found on PATH, given its arguments as an array (no shell, so a
/// file name is never interpolated into a command line), its output read up to a limit, and stopped when
/// it runs too long or writes too much.
struct ChildProcess {
  struct Outcome {
    var status: Int32
    var output: [UInt8]
    var errorOutput: String
  }

  enum Failure: Error, Equatable {
    case notFound(String)
    case couldNotStart(String)
    case timedOut(seconds: Double)
    case outputTooLarge(limit: Int)
  }

  let program: String
  let arguments: [String]
  var timeoutSeconds: Double = 60
  var outputLimit = 256 << 20

  /// The program's path: the first executable file of that name in a PATH directory (relative entries and
  /// an empty one are skipped: a helper never runs from the working directory).
  static func find(_ program: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
    for directory in (path ?? "").split(separator: ":") where directory.hasPrefix("/") {
      let candidate = "\(directory)/\(program)"
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
        FileManager.default.isExecutableFile(atPath: candidate)
      {
        return candidate
      }
    }
    return nil
  }

  func run() throws(Failure) -> Outcome {
    guard let executable = Self.find(program) else { throw .notFound(program) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw .couldNotStart("\(executable): \(error.localizedDescription)")
    }
    let state = State()
    let deadline = DispatchWorkItem { [process] in
      if process.isRunning {
        state.set(timedOut: true)
        process.terminate()
      }
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds, execute: deadline)
    // Standard error is read beside standard output, so a full pipe never stalls the child.
    let errorReader = DispatchGroup()
    let collected = ErrorText()
    errorReader.enter()
    DispatchQueue.global().async {
      collected.read(errors.fileHandleForReading, limit: 64 << 10)
      errorReader.leave()
    }
    var bytes: [UInt8] = []
    var tooLarge = false
    let handle = output.fileHandleForReading
    while true {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      if bytes.count + chunk.count > outputLimit {
        tooLarge = true
        process.terminate()
        break
      }
      bytes += chunk
    }
    process.waitUntilExit()
    deadline.cancel()
    errorReader.wait()
    if state.timedOut { throw .timedOut(seconds: timeoutSeconds) }
    if tooLarge { throw .outputTooLarge(limit: outputLimit) }
    return Outcome(status: process.terminationStatus, output: bytes, errorOutput: collected.text)
  }

  private final class State: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var timedOut: Bool { lock.withLock { value } }
    func set(timedOut: Bool) { lock.withLock { value = timedOut } }
  }

  private final class ErrorText: @unchecked Sendable {
    private(set) var text = ""
    func read(_ handle: FileHandle, limit: Int) {
      var bytes: [UInt8] = []
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        if bytes.count < limit { bytes += chunk.prefix(limit - bytes.count) }
      }
      text = String(decoding: bytes, as: UTF8.self)
    }
  }
}
