import Foundation

/// A path that `-o` must not write: what is wrong, and what to type instead.
public struct OutputRefusal: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: Message
  public var hint: Message

  public init(_ message: Message, hint: Message) {
    self.message = message
    self.hint = hint
  }

  public var description: String { message.english }
}

/// What writing to a path will do, decided before anything is read or opened.
///
/// - A regular file (new or existing) is written as a temporary file beside it and renamed into place at
///   the end, so a failed or interrupted run leaves the old file as it was; an existing file keeps its
///   mode and, where permitted, its owner and group.
/// - Anything else that exists (a device, a FIFO, a socket, `/dev/stdout` on a pipe) is written in place:
///   it is never renamed over.
/// - The regular file standard output already writes (`-o /dev/stdout >> log`) is written through standard
///   output, as the shell opened it: appended to with `>>`, never replaced.
/// - A symbolic link is written through: its target is what is replaced (the link stays a link). A link
///   whose target does not exist is refused, as is a folder, a missing folder, and any file that is also
///   an input (the same device and inode, however the path is spelled).
public struct OutputTarget: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case newFile
    /// `mode` holds the permission bits to keep.
    case replacesFile(mode: mode_t, owner: uid_t, group: gid_t)
    case inPlace
    /// The file is the one standard output is open on.
    case standardOutput
  }

  /// The path as given, for messages.
  public let path: String
  /// The path written or renamed onto: the link's target when `path` is a symbolic link to a regular file.
  public let writtenPath: String
  public let kind: Kind

  /// Checks `path` as `-o` would use it. `inputs` are the input paths (`-` is standard input, compared by
  /// its descriptor when it is a file). Throws when writing there would destroy an input or cannot be done.
  public static func resolve(_ path: String, inputs: [String]) throws(OutputRefusal) -> OutputTarget {
    var linkStatus = stat()
    guard lstat(path, &linkStatus) == 0 else {
      let code = errno
      guard code == ENOENT else {
        let reason = String(cString: strerror(code))
        throw OutputRefusal(
          Message(en: "cannot use \(path) as the output: \(reason)", zh: "无法用 \(path) 作输出：\(reason)"),
          hint: Message(en: "check the path", zh: "请检查路径"))
      }
      let folder = Self.folder(of: path)
      var folderStatus = stat()
      guard stat(folder, &folderStatus) == 0, Self.isFolder(folderStatus) else {
        throw OutputRefusal(
          Message(en: "the folder \(folder) of the output \(path) does not exist", zh: "输出 \(path) 所在的文件夹 \(folder) 不存在"),
          hint: Message(
            en: "create it first (mkdir -p \(folder)), or name another file", zh: "请先创建它（mkdir -p \(folder)），或指定另一个文件"))
      }
      return OutputTarget(path: path, writtenPath: path, kind: .newFile)
    }
    var status = linkStatus
    let isLink = linkStatus.st_mode & S_IFMT == S_IFLNK
    if isLink, stat(path, &status) != 0 {
      throw OutputRefusal(
        Message(
          en: "the output \(path) is a symbolic link to a file that does not exist", zh: "输出 \(path) 是指向不存在文件的符号链接"),
        hint: Message(
          en: "name the file to create instead of the link, or remove the link", zh: "请指定要创建的文件而不是该链接，或删除该链接"))
    }
    if Self.isFolder(status) {
      throw OutputRefusal(
        Message(en: "the output \(path) is a folder", zh: "输出 \(path) 是文件夹"),
        hint: Message(en: "name a file in it, e.g. -o \(path)/report.html", zh: "请指定其中的文件，例如 -o \(path)/report.html"))
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      return OutputTarget(path: path, writtenPath: path, kind: .inPlace)
    }
    if let input = inputs.first(where: { Self.isSameFile(status, as: $0) }) {
      throw OutputRefusal(
        Message(
          en: "the output \(path) is the input \(input == "-" ? "on standard input" : input); writing it would destroy the input",
          zh: "输出 \(path) 就是输入\(input == "-" ? "（标准输入）" : " \(input)")；写入会毁掉输入"),
        hint: Message(
          en: "give -o a file that is not an input, e.g. -o \(Self.renamed(path))",
          zh: "请给 -o 指定一个不是输入的文件，例如 -o \(Self.renamed(path))"))
    }
    if Self.isSameFile(status, asOpenOn: STDOUT_FILENO) {
      return OutputTarget(path: path, writtenPath: path, kind: .standardOutput)
    }
    var writtenPath = path
    if isLink {
      guard let resolved = realpath(path, nil) else {
        throw OutputRefusal(
          Message(en: "cannot follow the symbolic link \(path)", zh: "无法跟随符号链接 \(path)"),
          hint: Message(en: "name the file it points to instead", zh: "请改为指定它所指向的文件"))
      }
      writtenPath = String(cString: resolved)
      free(resolved)
    }
    return OutputTarget(
      path: path, writtenPath: writtenPath,
      kind: .replacesFile(mode: status.st_mode & 0o7777, owner: status.st_uid, group: status.st_gid))
  }

  /// A fresh name for the temporary file beside the written file (nil when it is written in place).
  public func temporaryPath() -> String? {
    switch kind {
    case .newFile, .replacesFile: break
    case .inPlace, .standardOutput: return nil
    }
    let name = (writtenPath as NSString).lastPathComponent
    let random = UInt32.random(in: 0...UInt32.max)
    return Self.folder(of: writtenPath) + "/.\(name).jixiao-\(getpid())-\(String(random, radix: 16)).tmp"
  }

  private static func folder(of path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }

  /// `year.jsonl` → `year.rescored.jsonl`.
  private static func renamed(_ path: String) -> String {
    let suffix = (path as NSString).pathExtension
    let stem = (path as NSString).deletingPathExtension
    return suffix.isEmpty ? stem + ".rescored" : stem + ".rescored." + suffix
  }

  private static func isFolder(_ status: stat) -> Bool { status.st_mode & S_IFMT == S_IFDIR }

  private static func isSameFile(_ status: stat, as input: String) -> Bool {
    guard input != "-" else { return isSameFile(status, asOpenOn: STDIN_FILENO) }
    var other = stat()
    return stat(input, &other) == 0 && other.st_dev == status.st_dev && other.st_ino == status.st_ino
  }

  private static func isSameFile(_ status: stat, asOpenOn descriptor: Int32) -> Bool {
    var other = stat()
    return fstat(descriptor, &other) == 0 && other.st_dev == status.st_dev && other.st_ino == status.st_ino
  }
}

/// An open output file: the temporary file beside the target, renamed into place by `commit`, or the
/// target itself when it is written in place (see `OutputTarget`).
public final class OutputFile {
  public let target: OutputTarget
  /// The temporary file while it exists (nil when written in place, and once committed or abandoned).
  public private(set) var temporaryPath: String?
  public let writer: DescriptorWriter
  private var isOpen = true

  /// Creates `temporaryPath` (from `target.temporaryPath()`; never an existing file), or opens the target
  /// in place when `temporaryPath` is nil.
  public init(_ target: OutputTarget, temporaryPath: String?) throws(OutputError) {
    self.target = target
    let descriptor: Int32
    if let temporaryPath {
      descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      guard descriptor >= 0 else { throw OutputError(.createTemporaryFileBeside, .path(target.path), code: errno) }
      if case .replacesFile(let mode, let owner, let group) = target.kind {
        // Owner before mode: a change of owner clears the set-user-ID bit.
        if fchown(descriptor, owner, group) != 0 { _ = fchown(descriptor, uid_t.max, group) }
        _ = fchmod(descriptor, mode)
      }
    } else if target.kind == .standardOutput {
      descriptor = dup(STDOUT_FILENO)
      guard descriptor >= 0 else { throw OutputError(.open, .path(target.path), code: errno) }
    } else {
      descriptor = open(target.path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
      guard descriptor >= 0 else { throw OutputError(.open, .path(target.path), code: errno) }
    }
    self.temporaryPath = temporaryPath
    writer = DescriptorWriter(descriptor: descriptor, destination: .path(target.path))
  }

  deinit { abandon() }

  /// Makes the output final: flushed to disk and renamed onto the target, or closed when written in place.
  /// On failure the temporary file is still there for `abandon`.
  public func commit() throws(OutputError) {
    guard isOpen else { return }
    if temporaryPath != nil, fsync(writer.descriptor) != 0 { throw OutputError(.write, .path(target.path), code: errno) }
    isOpen = false
    if close(writer.descriptor) != 0, errno != EINTR { throw OutputError(.write, .path(target.path), code: errno) }
    guard let temporaryPath else { return }
    guard rename(temporaryPath, target.writtenPath) == 0 else {
      throw OutputError(.moveOutputInto, .path(target.path), code: errno)

    }
    self.temporaryPath = nil
  }

  /// Closes and removes the temporary file of a run that will not finish; the target is left as it was.
  public func abandon() {
    if isOpen {
      isOpen = false
      close(writer.descriptor)
    }
    if let temporaryPath {
      unlink(temporaryPath)
      self.temporaryPath = nil
    }
  }
}
