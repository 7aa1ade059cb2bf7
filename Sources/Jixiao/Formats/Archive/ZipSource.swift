import Foundation

/// Where a ZIP archive's bytes are: an array in memory, or a file on disk read a range at a time
/// (`pread`), so that a workbook of thousands of sheets is never held whole: the archive reads its end
/// records and directory, and each entry's compressed bytes when the entry is read.
///
/// Immutable once made; a file's ranges are read with `pread`, which keeps no position, so several workers
/// may read entries of one file at once.
public struct ZipSource: Sendable {
  private enum Storage: Sendable {
    case bytes([UInt8])
    case file(OpenFile)
  }

  private let storage: Storage
  /// The archive's length in bytes.
  public let count: Int

  public init(bytes: [UInt8]) {
    storage = .bytes(bytes)
    count = bytes.count
  }

  /// The regular file at `path`, named `file` in errors; its length is taken when it is opened. A pipe
  /// or a device cannot be read a range at a time: refused (opened without waiting for a writer).
  public init(path: String, file: String) throws(InputError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      throw InputError(
        SourceLocation(file: file),
        Message(en: "the file cannot be opened for reading; check its permissions", zh: "无法打开文件读取；请检查其权限"))
    }
    let opened = OpenFile(descriptor: descriptor, file: file)
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw opened.unreadable }
    guard status.st_mode & S_IFMT == S_IFREG else {
      throw InputError(
        SourceLocation(file: file),
        Message(
          en: "the file is not a regular file (a pipe or a device): it cannot be read a range at a time",
          zh: "该文件不是普通文件（而是管道或设备）：无法按范围读取"))
    }
    let length = lseek(descriptor, 0, SEEK_END)
    guard length >= 0 else { throw opened.unreadable }
    storage = .file(opened)
    count = Int(length)
  }

  /// A copy of the bytes in `range` (within `0..<count`).
  func bytes(in range: Range<Int>) throws(InputError) -> [UInt8] {
    switch storage {
    case .bytes(let bytes): return Array(bytes[range])
    case .file(let file): return try file.read(range)
    }
  }

  /// Calls `body` with the bytes in `range` (within `0..<count`), valid only during the call: the array's
  /// own, or a buffer read from the file for this call.
  func withBytes<Result>(
    in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws(InputError) -> Result
  ) throws(InputError) -> Result {
    switch storage {
    case .bytes(let bytes):
      return try bytes.withUnsafeBufferPointer { buffer throws(InputError) in
        try body(UnsafeBufferPointer(rebasing: buffer[range]))
      }
    case .file(let file):
      let read = try file.read(range)
      return try read.withUnsafeBufferPointer { buffer throws(InputError) in try body(buffer) }
    }
  }

  /// An open file descriptor, closed when the last source that shares it is gone. `pread` keeps no
  /// position, hence reads from several threads at once are safe.
  private final class OpenFile: @unchecked Sendable {
    let descriptor: Int32
    let file: String

    init(descriptor: Int32, file: String) {
      self.descriptor = descriptor
      self.file = file
    }

    deinit { close(descriptor) }

    var unreadable: InputError {
      InputError(
        SourceLocation(file: file),
        Message(
          en: "the file cannot be read: \(String(cString: strerror(errno)))", zh: "无法读取文件：\(String(cString: strerror(errno)))"))
    }

    func read(_ range: Range<Int>) throws(InputError) -> [UInt8] {
      var failure: InputError?
      let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, filled in
        filled = 0
        while filled < buffer.count {
          let count = pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(range.lowerBound + filled))
          if count > 0 {
            filled += count
          } else if count < 0, errno == EINTR {
            continue
          } else {
            failure =
              count < 0
              ? unreadable
              : InputError(
                SourceLocation(file: file),
                Message(
                  en: "the file was cut short while it was read: save or copy it again", zh: "读取时文件被截短：请重新保存或复制"))
            return
          }
        }
      }
      if let failure { throw failure }
      return bytes
    }
  }
}
