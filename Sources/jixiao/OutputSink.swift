import Foundation

/// Where results go: standard output, or a file written atomically (a temporary file beside it, renamed
/// into place at the end), so an interrupted run never leaves a half-written file. Buffered.
final class OutputSink {
  private let handle: FileHandle
  private let temporaryPath: String?
  private let finalPath: String?
  private var buffer: [UInt8] = []

  init(path: String?) throws(UsageError) {
    guard let path, path != "-" else {
      handle = FileHandle.standardOutput
      temporaryPath = nil
      finalPath = nil
      return
    }
    let directory = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).jixiao-\(ProcessInfo.processInfo.processIdentifier).tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: nil), let opened = FileHandle(forWritingAtPath: temporary)
    else {
      throw UsageError(
        "cannot write \(path)", hint: "check that the folder \(directory.isEmpty ? "." : directory) exists and is writable")
    }
    handle = opened
    temporaryPath = temporary
    finalPath = path
  }

  func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 20 { flush() }
  }

  func flush() {
    guard !buffer.isEmpty else { return }
    handle.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes, and moves the temporary file into place.
  func finish() throws(UsageError) {
    flush()
    guard let temporaryPath, let finalPath else { return }
    try? handle.synchronize()
    try? handle.close()
    if rename(temporaryPath, finalPath) != 0 {
      try? FileManager.default.removeItem(atPath: temporaryPath)
      throw UsageError("cannot move the output into \(finalPath)", hint: "check that the path is writable")
    }
  }

  /// Removes the temporary file of an abandoned run.
  func abandon() {
    guard let temporaryPath else { return }
    try? handle.close()
    try? FileManager.default.removeItem(atPath: temporaryPath)
  }
}
