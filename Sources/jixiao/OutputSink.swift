import Foundation
import Jixiao

/// HTML table sections arrive before the overview that must precede them: they wait in a temporary
/// file (not in memory), then are copied after the overview.
final class HTMLSections {
  private let sections: SpoolFile
  private let index: SpoolFile
  private let limit: Int?
  private var written = 0
  private var indexed = 0

  /// `limit`: full sections for the first so many tables, one index row for the others (nil: no limit).
  init(limit: Int?) throws(UsageError) {
    sections = try SpoolFile()
    index = try SpoolFile()
    self.limit = limit
  }

  /// `section`: the table's rendered section in UTF-8 (empty when the report leaves it out).
  func add(_ result: TableResult, section: [UInt8]) {
    guard !section.isEmpty else { return }
    if let limit, written >= limit {
      index.write(HTMLReport.indexRow(result))
      indexed += 1
    } else {
      sections.write(bytes: section)
      written += 1
    }
  }

  func copy(into sink: OutputSink) {
    sections.copy(into: sink)
    guard indexed > 0 else { return }
    sink.write(HTMLReport.indexHeader)
    index.copy(into: sink)
    sink.write(HTMLReport.indexFooter)
  }
}

/// A temporary file that text waits in, removed when done.
final class SpoolFile {
  private let path = NSTemporaryDirectory() + "jixiao-spool-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
  private let handle: FileHandle

  init() throws(UsageError) {
    guard FileManager.default.createFile(atPath: path, contents: nil), let opened = FileHandle(forWritingAtPath: path) else {
      throw UsageError("cannot create a temporary file in \(NSTemporaryDirectory())", hint: "set TMPDIR to a writable folder")
    }
    handle = opened
  }

  deinit {
    try? handle.close()
    try? FileManager.default.removeItem(atPath: path)
  }

  func write(_ text: String) {
    handle.write(Data(text.utf8))
  }

  func write(bytes: [UInt8]) {
    handle.write(Data(bytes))
  }

  func copy(into sink: OutputSink) {
    try? handle.synchronize()
    guard let reader = FileHandle(forReadingAtPath: path) else { return }
    defer { try? reader.close() }
    while let data = try? reader.read(upToCount: 1 << 20), !data.isEmpty {
      sink.write(bytes: data)
    }
  }
}

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

  func write(bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 20 { flush() }
  }

  /// Raw bytes (a copied file), never split into text: a UTF-8 sequence may straddle two chunks.
  func write(bytes: Data) {
    flush()
    handle.write(bytes)
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
