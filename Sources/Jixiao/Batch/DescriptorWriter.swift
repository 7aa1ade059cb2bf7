import Foundation

/// Output that could not be written (or read back): where, and the system's reason.
public struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What was being done, e.g. `write` or `create a temporary file in`.
  public var action: String
  /// `standard output`, a path, or a description of a temporary file.
  public var destination: String
  /// The `errno` value the system gave.
  public var code: Int32

  public init(_ action: String, _ destination: String, code: Int32) {
    self.action = action
    self.destination = destination
    self.code = code
  }

  public var reason: String { String(cString: strerror(code)) }

  public var description: String { "cannot \(action) \(destination): \(reason)" }
}

/// Writes to a file descriptor with POSIX `write(2)`, never `FileHandle.write`, which traps on a full
/// disk or a closed pipe. Every byte is written or the error is thrown: a partial write continues where
/// it stopped, `EINTR` is retried, and a descriptor left non-blocking by the parent is waited on.
public struct DescriptorWriter: Sendable {
  public let descriptor: Int32
  /// Names the destination in an error (`standard output`, the path given to `-o`).
  public let destination: String

  public init(descriptor: Int32, destination: String) {
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
      default: throw OutputError("write", destination, code: code)
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
