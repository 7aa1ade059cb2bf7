import Foundation
import Jixiao

/// Files to remove when the run ends early: killed by SIGINT, SIGTERM or SIGHUP, or stopped by a failed
/// write. A signal handler may do only async-signal-safe work, so the paths wait as C strings in a fixed
/// table registered before the files exist; the handler unlinks them, restores the default action and
/// raises the signal again, so the exit status still says which signal ended the run.
enum Cleanup {
  private static let capacity = 16
  /// Never freed: a handler running on another thread may be reading a path that was just unregistered.
  nonisolated(unsafe) private static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
    let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    table.initialize(repeating: nil, count: capacity)
    return table
  }()

  private static let signals = [SIGINT, SIGTERM, SIGHUP]

  /// Installs the handlers, and ignores SIGPIPE and SIGXFSZ: a closed pipe and a file over the size limit
  /// become write errors (EPIPE, EFBIG) that end the run with a message, not a silent death. A signal the
  /// parent ignores (SIGINT for a job started with `&`) stays ignored.
  static func install() {
    _ = paths
    signal(SIGPIPE, SIG_IGN)
    signal(SIGXFSZ, SIG_IGN)
    for number in signals {
      let previous = signal(number, removeAndReraise)
      if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { signal(number, SIG_IGN) }
    }
  }

  /// Registers `path` for removal; returns its slot for `unregister`. Call before the file is created.
  static func register(_ path: String) -> Int? {
    withSignalsBlocked {
      guard let slot = (0..<capacity).first(where: { paths[$0] == nil }) else { return nil }
      paths[slot] = strdup(path)
      return slot
    }
  }

  /// Forgets a path once its file is gone (renamed into place or removed).
  static func unregister(_ slot: Int?) {
    guard let slot else { return }
    withSignalsBlocked { paths[slot] = nil }
  }

  /// Removes every registered file: the failed-write path, where no handler runs.
  static func removeAll() {
    withSignalsBlocked {
      for slot in 0..<capacity {
        if let path = paths[slot] { unlink(path) }
        paths[slot] = nil
      }
    }
  }

  private static let removeAndReraise: @convention(c) (Int32) -> Void = { number in
    for slot in 0..<Cleanup.capacity {
      if let path = Cleanup.paths[slot] { unlink(path) }
    }
    signal(number, SIG_DFL)
    raise(number)
  }

  private static func withSignalsBlocked<Result>(_ body: () -> Result) -> Result {
    var blocked = sigset_t()
    var previous = sigset_t()
    sigemptyset(&blocked)
    for number in signals { sigaddset(&blocked, number) }
    pthread_sigmask(SIG_BLOCK, &blocked, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    return body()
  }
}

/// The end of a run whose output cannot be written: temporary files removed, one line on standard error
/// (if standard error is not what failed), exit status 4. Nothing more is written, so a closed pipe or a
/// full disk costs one message, not one per chunk.
enum Termination {
  static func outputFailed(_ error: OutputError, _ consequence: Message? = nil) -> Never {
    Cleanup.removeAll()
    let language = Main.language
    let said = consequence.map { Message(en: "; ", zh: "；") + $0 }.map { $0.text(language) } ?? ""
    let line = TerminalText.visible(Diagnostic.error.text(language) + error.message.text(language) + said) + "\n"
    try? DescriptorWriter(descriptor: STDERR_FILENO, destination: .standardError).write(line)

    _exit(ExitStatus.outputFailed)
  }
}
