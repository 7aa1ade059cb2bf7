import Foundation

/// Output that could not be written (or read back): what was being done, where, and the system's reason.
public struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What was being done when the system refused.
  public enum Action: Sendable, Hashable {
    case write
    case open
    case createTemporaryFileBeside
    case createTemporaryFileIn
    case moveOutputInto
    case readBack
  }

  public var action: Action
  /// `standard output`, a path, or a description of a temporary file.
  public var destination: Message
  /// The `errno` value the system gave.
  public var code: Int32

  public init(_ action: Action, _ destination: Message, code: Int32) {
    self.action = action
    self.destination = destination
    self.code = code
  }

  /// The system's reason: strerror(3) in English; in Chinese for the errors a run meets in practice (a full
  /// disk, a closed pipe, a file over the size limit, no permission), else strerror's text.
  public var reason: Message {
    let system = String(cString: strerror(code))
    let chinese: String? =
      switch code {
      case ENOSPC: "设备上没有剩余空间"
      case EPIPE: "管道已关闭"
      case EFBIG: "文件过大"
      case EACCES, EPERM: "没有权限"
      case ENOENT: "文件或文件夹不存在"
      case EROFS: "文件系统只读"
      case EDQUOT: "超出磁盘配额"
      case EIO: "输入/输出错误"
      case EISDIR: "这是文件夹"
      default: nil
      }
    return Message(en: system, zh: chinese.map { "\($0)（\(system)）" } ?? system)
  }

  public var message: Message {
    let (place, reason) = (destination, self.reason)
    // A path is set off by spaces in Chinese text, but not before the full-width colon.
    let placeBeforeColon = place.chinese.hasSuffix(" ") ? String(place.chinese.dropLast()) : place.chinese
    switch action {
    case .write:
      return Message(en: "cannot write \(place.english): \(reason.english)", zh: "无法写入\(placeBeforeColon)：\(reason.chinese)")
    case .open:
      return Message(en: "cannot open \(place.english): \(reason.english)", zh: "无法打开\(placeBeforeColon)：\(reason.chinese)")
    case .createTemporaryFileBeside:
      return Message(
        en: "cannot create a temporary file beside \(place.english): \(reason.english)",
        zh: "无法在\(place.chinese)旁创建临时文件：\(reason.chinese)")
    case .createTemporaryFileIn:
      return Message(
        en: "cannot create a temporary file in \(place.english): \(reason.english)",
        zh: "无法在\(place.chinese)中创建临时文件：\(reason.chinese)")
    case .moveOutputInto:
      return Message(
        en: "cannot move the output into \(place.english): \(reason.english)",
        zh: "无法将输出移到\(placeBeforeColon)：\(reason.chinese)")
    case .readBack:
      return Message(en: "cannot read back \(place.english): \(reason.english)", zh: "无法读回\(placeBeforeColon)：\(reason.chinese)")
    }
  }

  public var description: String { message.english }
}

extension Message {
  /// A path as a message names it: the same in both languages, set off by spaces in Chinese text.
  public static func path(_ path: String) -> Message { Message(en: path, zh: " \(path) ") }
  public static let standardOutput = Message(en: "standard output", zh: "标准输出")
  public static let standardError = Message(en: "standard error", zh: "标准错误")
}

/// Writes to a file descriptor with POSIX `write(2)`, never `FileHandle.write`, which traps on a full
/// disk or a closed pipe. Every byte is written or the error is thrown: a partial write continues where
/// it stopped, `EINTR` is retried, and a descriptor left non-blocking by the parent is waited on.
public struct DescriptorWriter: Sendable {
  public let descriptor: Int32
  /// Names the destination in an error (`standard output`, the path given to `-o`).
  public let destination: Message

  public init(descriptor: Int32, destination: Message) {
    self.descriptor = descriptor
    self.destination = destination
  }

  public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    var vectors = [iovec(iov_base: UnsafeMutableRawPointer(mutating: base), iov_len: bytes.count)]
    try write(vectors: &vectors)
  }

  public func write(_ bytes: [UInt8]) throws(OutputError) {
    var failure: OutputError?
    bytes.withUnsafeBytes { buffer in
      do throws(OutputError) { try write(buffer) } catch { failure = error }
    }
    if let failure { throw failure }
  }

  public func write(_ text: String) throws(OutputError) {
    try write(Array(text.utf8))
  }

  private func waitUntilWritable() {
    var request = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
    _ = poll(&request, 1, -1)
  }
}

extension DescriptorWriter {
  /// Writes the bytes `vectors` point to, in order, with `writev(2)`: a partial write continues where it
  /// stopped (`vectors` are advanced past what was written), `EINTR` is retried, and a descriptor left
  /// non-blocking is waited on. Every write of this type comes here.
  func write(vectors: inout [iovec]) throws(OutputError) {
    var first = 0
    while first < vectors.count {
      if vectors[first].iov_len == 0 {
        first += 1
        continue
      }
      let batch = Int32(min(vectors.count - first, Self.maximumVectors))
      let written = vectors.withUnsafeBufferPointer { writev(descriptor, $0.baseAddress! + first, batch) }
      if written > 0 {
        var left = written
        while left > 0 {
          let length = vectors[first].iov_len
          if left >= length {
            left -= length
            first += 1
          } else {
            vectors[first].iov_base = vectors[first].iov_base.map { $0 + left }
            vectors[first].iov_len -= left
            left = 0
          }
        }
        continue
      }
      let code = written == 0 ? EIO : errno
      switch code {
      case EINTR: continue
      case EAGAIN, EWOULDBLOCK: waitUntilWritable()
      default: throw OutputError(.write, destination, code: code)
      }
    }
  }

  /// The vectors one `writev(2)` takes (POSIX's IOV_MAX on Linux and macOS).
  static let maximumVectors = 1_024
}

/// Output waiting to be written by one `writev(2)`: rendered outcomes are kept as the arrays they are (copying
/// them into one buffer copied every byte of a batch's output once more), the small texts between them
/// gathered in a buffer. Bytes leave in the order they were appended.
public struct GatheredOutput {
  private enum Piece {
    case kept([UInt8])
    case gathered(Range<Int>)
  }

  private var pieces: [Piece] = []
  private var gathered: [UInt8] = []
  /// The bytes waiting.
  public private(set) var count = 0

  /// Arrays at least this long are kept; shorter ones are copied into the gathering buffer.
  static let keptLength = 1_024

  public init() {}

  /// A megabyte waits, or as many pieces as are worth one system call: time to `write`.
  public var isFull: Bool { count >= 1 << 20 || pieces.count >= 256 }

  public mutating func append(_ bytes: [UInt8]) {
    guard bytes.count >= Self.keptLength else { return append(contentsOf: bytes) }
    pieces.append(.kept(bytes))
    count += bytes.count
  }

  public mutating func append(contentsOf bytes: some Collection<UInt8>) {
    guard !bytes.isEmpty else { return }
    let start = gathered.count
    gathered.append(contentsOf: bytes)
    if case .gathered(let range) = pieces.last, range.upperBound == start {
      pieces[pieces.count - 1] = .gathered(range.lowerBound..<gathered.count)
    } else {
      pieces.append(.gathered(start..<gathered.count))
    }
    count += gathered.count - start
  }

  /// Writes everything waiting to `writer`, in order, and empties (keeping the gathering buffer's capacity).
  public mutating func write(to writer: DescriptorWriter) throws(OutputError) {
    defer {
      pieces.removeAll(keepingCapacity: true)
      gathered.removeAll(keepingCapacity: true)
      count = 0
    }
    guard count > 0 else { return }
    var vectors: [iovec] = []
    vectors.reserveCapacity(pieces.count)
    let failure = gathered.withUnsafeBytes { gathered in
      Self.pinning(pieces[...], gathered, &vectors) { (vectors: inout [iovec]) -> OutputError? in
        do throws(OutputError) { try writer.write(vectors: &vectors) } catch { return error }
        return nil
      }
    }
    if let failure { throw failure }
  }

  /// Calls `body` with a vector for each piece, every kept array's storage pinned during the call.
  private static func pinning(
    _ pieces: ArraySlice<Piece>, _ gathered: UnsafeRawBufferPointer, _ vectors: inout [iovec],
    _ body: (inout [iovec]) -> OutputError?
  ) -> OutputError? {
    var rest = pieces
    while let piece = rest.first {
      rest = rest.dropFirst()
      switch piece {
      case .gathered(let range):
        vectors.append(
          iovec(iov_base: UnsafeMutableRawPointer(mutating: gathered.baseAddress! + range.lowerBound), iov_len: range.count))
      case .kept(let bytes):
        return bytes.withUnsafeBytes { kept in
          vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: kept.baseAddress!), iov_len: kept.count))
          return pinning(rest, gathered, &vectors, body)
        }
      }
    }
    return body(&vectors)
  }
}
