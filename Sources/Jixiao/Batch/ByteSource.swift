import Foundation

/// Reads a file or standard input in large blocks, never the whole file at once: memory stays flat
/// however long the input is.
final class ByteSource {
  static let blockSize = 1 << 20

  private let handle: FileHandle
  private let closesHandle: Bool
  private(set) var bytesRead = 0

  init(path: String) throws(InputError) {
    if path == "-" {
      handle = FileHandle.standardInput
      closesHandle = false
      return
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputError(SourceLocation(file: path), Message(en: "no such file; check the path", zh: "文件不存在；请检查路径"))
    }
    guard !isDirectory.boolValue else {
      throw InputError(
        SourceLocation(file: path),
        Message(
          en: "this is a folder; give the table files in it, e.g. \(path)/*.json", zh: "这是文件夹；请给出其中的表格文件，例如 \(path)/*.json"))
    }
    guard let opened = FileHandle(forReadingAtPath: path) else {
      throw InputError(
        SourceLocation(file: path),
        Message(en: "the file cannot be opened for reading; check its permissions", zh: "无法打开文件读取；请检查其权限"))
    }
    handle = opened
    closesHandle = true
  }

  deinit {
    if closesHandle { try? handle.close() }
  }

  /// The next block (full, unless the input ends), or nil at the end. Read straight into the array: a
  /// `Data` would be copied into it once more.
  func nextBlock() -> [UInt8]? {
    let descriptor = handle.fileDescriptor
    let block = [UInt8](unsafeUninitializedCapacity: Self.blockSize) { buffer, filled in
      filled = 0
      while filled < buffer.count {
        let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
        if count > 0 {
          filled += count
        } else if count < 0, errno == EINTR {
          continue
        } else {
          // The end of the input, or an error, which ends it as `FileHandle.read` did.
          break
        }
      }
    }
    guard !block.isEmpty else { return nil }
    bytesRead += block.count
    return block
  }

  /// `start` (the blocks read so far) and everything that is left, or nil when together they exceed `limit`
  /// bytes (for a single JSON document). Appended to `start`, never copied into a second whole.
  func readAll(after start: [UInt8], limit: Int) -> [UInt8]? {
    var bytes = start
    while let block = nextBlock() {
      bytes += block
      if bytes.count > limit { return nil }
    }
    return bytes
  }
}

/// Splits a byte stream into lines, keeping the partial last line for the next block. A line longer
/// than `Limits.maximumRecordBytes` is skipped and reported, not buffered.
struct LineSplitter {
  enum Line {
    case complete(ArraySlice<UInt8>, number: Int)
    case oversized(number: Int)
  }

  static let oversizedMessage = Message(
    en: "the line is longer than \(Limits.maximumRecordBytes >> 20) MiB; one table a line is expected",
    zh: "该行超过 \(Limits.maximumRecordBytes >> 20) MiB；应为每行一张表")

  private var pending: [UInt8] = []
  private var oversized = false
  private(set) var lineNumber = 0
  private var sawFirstBytes = false

  /// Calls `body` for every complete line of `block`; a nil block flushes the last line.
  mutating func feed(_ block: [UInt8]?, _ body: (Line) -> Void) {
    guard var bytes = block else {
      if !pending.isEmpty || oversized {
        lineNumber += 1
        body(oversized ? .oversized(number: lineNumber) : .complete(trimmed(pending[...]), number: lineNumber))
      }
      pending = []
      oversized = false
      return
    }
    if !sawFirstBytes {
      sawFirstBytes = true
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    }
    var start = 0
    while let newline = Self.newline(in: bytes, from: start) {
      lineNumber += 1
      if oversized || pending.count + (newline - start) > Limits.maximumRecordBytes {
        body(.oversized(number: lineNumber))
      } else if pending.isEmpty {
        body(.complete(trimmed(bytes[start..<newline]), number: lineNumber))
      } else {
        pending += bytes[start..<newline]
        body(.complete(trimmed(pending[...]), number: lineNumber))
      }
      pending = []
      oversized = false
      start = newline + 1
    }
    if oversized || pending.count + (bytes.count - start) > Limits.maximumRecordBytes {
      oversized = true
      pending = []
    } else {
      pending += bytes[start...]
    }
  }

  /// The next `\n` at or after `start`, found with `memchr` (a batch is mostly long lines).
  private static func newline(in bytes: [UInt8], from start: Int) -> Int? {
    bytes.withUnsafeBufferPointer { buffer in
      guard start < buffer.count, let base = buffer.baseAddress,
        let found = memchr(base + start, 0x0A, buffer.count - start)
      else { return nil }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
  }

  private func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    line.last == 0x0D ? line.dropLast() : line
  }
}
