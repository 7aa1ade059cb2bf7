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
    guard var next = bytes.baseAddress else { return }
    var left = bytes.count
    while left > 0 {
      let written = Foundation.write(descriptor, next, left)
      if written > 0 {
        next += written
        left -= written
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
