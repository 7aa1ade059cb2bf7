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
  init(limit: Int?) {
    sections = SpoolFile()
    index = SpoolFile()
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

/// A temporary file in TMPDIR that text waits in. Its name is removed as soon as it is open (registered
/// with `Cleanup` until then), so nothing is left behind however the run ends, even by SIGKILL.
final class SpoolFile {
  private let writer: DescriptorWriter

  /// A file that cannot be created or written ends the run (`Termination`), as any failed write does.
  init() {
    let folder = NSTemporaryDirectory()
    let path = (folder as NSString).appendingPathComponent("jixiao-spool-\(getpid())-\(UUID().uuidString)")
    let slot = Cleanup.register(path)
    let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      Termination.outputFailed(
        OutputError(.createTemporaryFileIn, .path(folder), code: errno),
        Message(en: "set TMPDIR to a writable folder", zh: "请将 TMPDIR 设为可写的文件夹"))
    }
    unlink(path)
    Cleanup.unregister(slot)
    writer = DescriptorWriter(
      descriptor: descriptor, destination: Message(en: "a temporary file in \(folder)", zh: " \(folder) 中的临时文件"))
  }

  deinit { close(writer.descriptor) }

  func write(_ text: String) {
    do throws(OutputError) { try writer.write(text) } catch { Termination.outputFailed(error) }
  }

  func write(bytes: [UInt8]) {
    do throws(OutputError) { try writer.write(bytes) } catch { Termination.outputFailed(error) }
  }

  /// Everything written so far, in blocks, from the start.
  func copy(into sink: OutputSink) {
    var block = [UInt8](repeating: 0, count: 1 << 20)
    var offset: off_t = 0
    while true {
      let count = block.withUnsafeMutableBytes { pread(writer.descriptor, $0.baseAddress, $0.count, offset) }
      if count == 0 { return }
      if count < 0 {
        if errno == EINTR { continue }
        Termination.outputFailed(OutputError(.readBack, writer.destination, code: errno))
      }
      offset += off_t(count)
      sink.write(bytes: block[..<count])
    }
  }
}

/// Where results go: standard output, or the `-o` file (`OutputFile`: a temporary file beside the target,
/// renamed into place at the end, or a device or FIFO written in place). Buffered (`GatheredOutput`: rendered
/// results are written from their own arrays). A failed write ends the run (`Termination`): the temporary
/// file is removed and the target is left as it was.
final class OutputSink {
  private let writer: DescriptorWriter
  private let file: OutputFile?
  private let cleanupSlot: Int?
  /// What a failed write leaves, for the message: an `-o` file unchanged or not created.
  private let consequence: Message?
  private var pending = GatheredOutput()

  /// `target`: the checked `-o` path, or nil for standard output.
  init(target: OutputTarget?) {
    guard let target else {
      writer = StandardOutput.writer
      file = nil
      cleanupSlot = nil
      consequence = nil
      return
    }
    switch target.kind {
    case .newFile: consequence = Message(en: "\(target.path) was not created", zh: "未创建 \(target.path)")
    case .replacesFile: consequence = Message(en: "\(target.path) is unchanged", zh: "\(target.path) 保持不变")

    case .inPlace, .standardOutput: consequence = nil
    }
    let temporaryPath = target.temporaryPath()
    cleanupSlot = temporaryPath.flatMap(Cleanup.register)
    do throws(OutputError) {
      let file = try OutputFile(target, temporaryPath: temporaryPath)
      self.file = file
      writer = file.writer
    } catch {
      Termination.outputFailed(error, consequence)
    }
  }

  func write(_ text: String) {
    pending.append(contentsOf: text.utf8)
    if pending.isFull { flush() }
  }

  /// An array is kept, not copied, until it is written.
  func write(bytes: [UInt8]) {
    pending.append(bytes)
    if pending.isFull { flush() }
  }

  func write(bytes: some Collection<UInt8>) {
    pending.append(contentsOf: bytes)
    if pending.isFull { flush() }
  }

  func flush() {
    do throws(OutputError) { try pending.write(to: writer) } catch { Termination.outputFailed(error, consequence) }
  }

  /// Flushes, and moves the temporary file into place.
  func finish() {
    flush()
    do throws(OutputError) { try file?.commit() } catch { Termination.outputFailed(error, consequence) }
    Cleanup.unregister(cleanupSlot)
  }
}
