import Foundation
import Testing

/// The `jixiao` executable when its output cannot be written or must not be: a full disk, a closed pipe,
/// a file over the size limit, `-o` naming an input, a device, a FIFO or a link, and signals mid-run.
/// Every case runs the built executable as a child process.
@Suite struct OutputSafetyTests {
  struct Ended {
    var status: Int32
    var reason: Process.TerminationReason
    var output: Data
    var errors: String

    var errorLines: [Substring] { errors.split(separator: "\n") }
  }

  static let corpus = repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl").path

  /// The corpus forty times: about 3 MB of text report, several writes of the 1 MiB buffer.
  static func bigInput(in scratch: ScratchFolder) throws -> String {
    let corpus = try Data(contentsOf: URL(fileURLWithPath: Self.corpus))
    let path = scratch.file("big.jsonl")
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    for _ in 0..<40 { try handle.write(contentsOf: corpus) }
    try handle.close()
    return path
  }

  /// Starts jixiao (or `executable`) with the given standard streams; nil streams become pipes.
  static func start(
    _ arguments: [String], executable: String? = nil, directory: String? = nil, environment: [String: String] = [:],
    standardInput: FileHandle? = nil, standardOutput: FileHandle? = nil
  ) throws -> (Process, stdin: Pipe?, stdout: Pipe?, stderr: Pipe) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable ?? CommandLineTests.executable.path)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory ?? NSTemporaryDirectory())
    process.environment = CommandLineTests.environment(environment)
    let input = standardInput == nil ? Pipe() : nil
    let output = standardOutput == nil ? Pipe() : nil
    let errors = Pipe()
    process.standardInput = standardInput ?? input
    process.standardOutput = standardOutput ?? output
    process.standardError = errors
    try process.run()
    return (process, input, output, errors)
  }

  static func run(
    _ arguments: String..., directory: String? = nil, standardInput: FileHandle? = nil, standardOutput: FileHandle? = nil
  ) throws -> Ended {
    try run(arguments, directory: directory, standardInput: standardInput, standardOutput: standardOutput)
  }

  static func run(
    _ arguments: [String], executable: String? = nil, directory: String? = nil, environment: [String: String] = [:],
    standardInput: FileHandle? = nil, standardOutput: FileHandle? = nil
  ) throws -> Ended {
    let (process, stdin, stdout, stderr) = try start(
      arguments, executable: executable, directory: directory, environment: environment, standardInput: standardInput,
      standardOutput: standardOutput)
    try stdin?.fileHandleForWriting.close()
    let output = stdout?.fileHandleForReading.readDataToEndOfFile() ?? Data()
    let errors = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Ended(
      status: process.terminationStatus, reason: process.terminationReason, output: output,
      errors: String(decoding: errors, as: UTF8.self))
  }

  static func mode(_ path: String) -> mode_t {
    var status = stat()
    return lstat(path, &status) == 0 ? status.st_mode : 0
  }

  // MARK: - A failed write

  @Test func aFullDiskOnStandardOutputEndsWithOneLineAndExitFour() throws {
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    for arguments in [["rescore", Self.corpus], ["rescore", Self.corpus, "--format", "html"], ["explain"]] {
      let run = try Self.run(arguments, standardOutput: full)
      #expect(run.reason == .exit && run.status == 4, "\(arguments): \(run.errors)")
      #expect(run.errorLines == ["jixiao: error: cannot write standard output: No space left on device"], "\(arguments)")
    }
  }

  @Test func aFullDeviceNamedByDashOIsWrittenInPlaceAndFailsWithExitFour() throws {
    let run = try Self.run("rescore", Self.corpus, "-o", "/dev/full")
    #expect(run.reason == .exit && run.status == 4, "\(run.errors)")
    #expect(run.errorLines == ["jixiao: error: cannot write /dev/full: No space left on device"])
    #expect(Self.mode("/dev/full") & S_IFMT == S_IFCHR, "the device is still a device")
  }

  /// The reader takes ten bytes and closes the pipe; jixiao, with more than a buffer to write, gets EPIPE
  /// (SIGPIPE is ignored) and stops at the first failed write.
  @Test func aClosedPipeEndsWithOneLineAndExitFour() throws {
    let scratch = try ScratchFolder()
    let input = try Self.bigInput(in: scratch)
    let (process, stdin, stdout, stderr) = try Self.start(["rescore", input])
    try stdin?.fileHandleForWriting.close()
    let reader = try #require(stdout).fileHandleForReading
    let first = try reader.read(upToCount: 10)
    #expect(first?.count == 10)
    try reader.close()
    let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit && process.terminationStatus == 4, "\(errors)")
    #expect(errors == "jixiao: error: cannot write standard output: Broken pipe\n")
  }

  /// A full disk while writing a file, simulated by the shell's file size limit (SIGXFSZ is ignored by
  /// jixiao, so the write fails with EFBIG): one line, exit 4, no temporary file, the old file unchanged.
  @Test func aFileThatCannotGrowEndsWithOneLineAndLeavesNoTemporaryFile() throws {
    let scratch = try ScratchFolder()
    let input = try Self.bigInput(in: scratch)
    let folder = try ScratchFolder()
    let target = folder.file("复核.txt")
    for existing in [false, true] {
      if existing { try Data("old\n".utf8).write(to: URL(fileURLWithPath: target)) }
      let run = try Self.run(
        ["-c", #"ulimit -f 256 && exec "$0" "$@""#, CommandLineTests.executable.path, "rescore", input, "-o", target],
        executable: "/bin/sh")
      #expect(run.reason == .exit && run.status == 4, "\(run.errors)")
      let consequence = existing ? "\(target) is unchanged" : "\(target) was not created"
      #expect(run.errorLines == ["jixiao: error: cannot write \(target): File too large; \(consequence)"])
      #expect(try folder.names() == (existing ? ["复核.txt"] : []), "no temporary file is left")
      if existing { #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n") }
    }
  }

  /// The README's command-line section is `jixiao rescore --help`, which lists exit status 4.
  @Test func helpAndReadmeListTheExitStatusOfAFailedWrite() throws {
    let help = String(decoding: try Self.run("rescore", "--help").output, as: UTF8.self)
    #expect(help.contains("4 the output could not be written"))
    let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let section = try #require(readme.components(separatedBy: "## Command line\n\n```\n").dropFirst().first)
    #expect(section.components(separatedBy: "```\n").first == help)
  }

  // MARK: - What -o may write

  @Test func dashONamingAnInputIsRefusedAndTheInputIsUnchanged() throws {
    let scratch = try ScratchFolder()
    let input = scratch.file("year.jsonl")
    try FileManager.default.copyItem(atPath: Self.corpus, toPath: input)
    let original = try Data(contentsOf: URL(fileURLWithPath: input))
    try FileManager.default.createDirectory(atPath: scratch.file("sub"), withIntermediateDirectories: false)
    try FileManager.default.linkItem(atPath: input, toPath: scratch.file("hard.jsonl"))
    try FileManager.default.createSymbolicLink(atPath: scratch.file("soft.jsonl"), withDestinationPath: "year.jsonl")
    let aliases = ["year.jsonl", "./year.jsonl", "sub/../year.jsonl", input, "hard.jsonl", "soft.jsonl"]
    for alias in aliases {
      let run = try Self.run("rescore", "./year.jsonl", "--format", "jsonl", "-o", alias, directory: scratch.path)
      #expect(run.status == 2, "\(alias): \(run.errors)")
      #expect(run.errors.contains("jixiao: error: the output \(alias) is the input ./year.jsonl"), "\(alias)")
      #expect(run.errors.contains("hint: give -o a file that is not an input"))
      #expect(run.output.isEmpty)
    }
    let stdin = try #require(FileHandle(forReadingAtPath: input))
    let piped = try Self.run("rescore", "-", "-o", "year.jsonl", directory: scratch.path, standardInput: stdin)
    #expect(piped.status == 2, "\(piped.errors)")
    #expect(piped.errors.contains("is the input on standard input"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == original, "the input is unchanged byte for byte")
    #expect(try scratch.names() == ["hard.jsonl", "soft.jsonl", "sub", "year.jsonl"], "nothing was created")
  }

  @Test func anExistingFileKeepsItsModeAndOwner() throws {
    let scratch = try ScratchFolder()
    let target = scratch.file("out.jsonl")
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
    #expect(chmod(target, 0o600) == 0)
    let asRoot = getuid() == 0
    if asRoot { #expect(chown(target, 4321, 4322) == 0) }
    let run = try Self.run("rescore", Self.corpus, "--format", "jsonl", "-o", target)
    #expect(run.status == 0, "\(run.errors)")
    #expect(Self.mode(target) & 0o7777 == 0o600)
    var status = stat()
    #expect(stat(target, &status) == 0)
    if asRoot { #expect(status.st_uid == 4321 && status.st_gid == 4322) }
    #expect(try String(contentsOfFile: target, encoding: .utf8).split(separator: "\n").count == 30)
    #expect(try scratch.names() == ["out.jsonl"])
  }

  /// A FIFO is opened and written, never renamed over; a `cat` process reads it.
  @Test func aFIFOIsWrittenInPlace() throws {
    let scratch = try ScratchFolder()
    let fifo = scratch.file("results.fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    let copy = scratch.file("read.jsonl")
    let reader = try Self.start(["-c", #"cat "$0" > "$1""#, fifo, copy], executable: "/bin/sh")
    try reader.stdin?.fileHandleForWriting.close()
    let run = try Self.run("rescore", Self.corpus, "--format", "jsonl", "-o", fifo)
    #expect(run.status == 0, "\(run.errors)")
    guard Self.mode(fifo) & S_IFMT == S_IFIFO else {
      Issue.record("the FIFO was replaced by another file")
      reader.0.terminate()
      return
    }
    reader.0.waitUntilExit()
    let expected = try Self.run("rescore", Self.corpus, "--format", "jsonl").output
    #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == expected)
    #expect(try scratch.names() == ["read.jsonl", "results.fifo"], "no temporary file beside the FIFO")
  }

  /// As root, a device node: the node stays a device (a rename over it would make it a regular file).
  @Test(.enabled(if: getuid() == 0)) func aDeviceNodeIsWrittenInPlace() throws {
    let scratch = try ScratchFolder()
    let node = scratch.file("null")
    var null = stat()
    #expect(stat("/dev/null", &null) == 0)
    #expect(mknod(node, S_IFCHR | 0o666, null.st_rdev) == 0, "a copy of /dev/null")
    let run = try Self.run("rescore", Self.corpus, "-o", node)
    #expect(run.status == 0, "\(run.errors)")
    #expect(Self.mode(node) & S_IFMT == S_IFCHR)
    #expect(try scratch.names() == ["null"])
  }

  /// A symbolic link is written through: the file it points to is replaced (keeping its mode), the link
  /// stays a link, and the temporary file is made beside the target, not beside the link.
  @Test func aSymbolicLinkIsWrittenThroughToItsTarget() throws {
    let links = try ScratchFolder()
    let files = try ScratchFolder()
    let target = files.file("real.jsonl")
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
    #expect(chmod(target, 0o640) == 0)
    let link = links.file("latest.jsonl")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    let run = try Self.run("rescore", Self.corpus, "--format", "jsonl", "-o", link)
    #expect(run.status == 0, "\(run.errors)")
    #expect(Self.mode(link) & S_IFMT == S_IFLNK, "the link is still a link")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    #expect(Self.mode(target) & 0o7777 == 0o640)
    #expect(try String(contentsOfFile: target, encoding: .utf8).split(separator: "\n").count == 30)
    #expect(try links.names() == ["latest.jsonl"])
    #expect(try files.names() == ["real.jsonl"])

    let dangling = links.file("dangling.jsonl")
    try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: files.file("missing.jsonl"))
    let refused = try Self.run("rescore", Self.corpus, "-o", dangling)
    #expect(refused.status == 2)
    #expect(refused.errors.contains("is a symbolic link to a file that does not exist"))
    #expect(try files.names() == ["real.jsonl"], "nothing is created through a dangling link")
  }

  /// `-o /dev/stdout` with standard output on a file is written through standard output as the shell opened
  /// it: `>>` appends, where replacing the file the link leads to would lose what was there.
  @Test func dashOOnTheFileStandardOutputWritesIsWrittenThroughIt() throws {
    let scratch = try ScratchFolder()
    let log = scratch.file("audit.log")
    try Data("first\n".utf8).write(to: URL(fileURLWithPath: log))
    let run = try Self.run(
      [
        "-c", #"exec "$0" rescore "$1" --format jsonl -o /dev/stdout >> "$2""#, CommandLineTests.executable.path, Self.corpus,
        log,
      ],
      executable: "/bin/sh")
    #expect(run.status == 0, "\(run.errors)")
    let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
    #expect(lines.first == "first" && lines.count == 31, "appended after the line that was there")
    #expect(try scratch.names() == ["audit.log"])
  }

  /// Usage errors and refusals come before the output is opened: nothing appears in the target's folder.
  /// A TMPDIR that cannot hold the HTML spool is a failed write (exit 4), and leaves no temporary file either.
  @Test func nothingIsCreatedWhenTheRunCannotStart() throws {
    let folder = try ScratchFolder()
    let target = folder.file("report.html")
    for (arguments, status) in [
      (["--jobs", "0"], Int32(2)), (["--profile", "nowhere"], 2), (["--fromat", "html"], 2), (["--format", "yaml"], 2),
    ] {
      let run = try Self.run(["rescore", Self.corpus, "-o", target] + arguments)
      #expect(run.status == status, "\(arguments): \(run.errors)")
      #expect(try folder.names().isEmpty, "\(arguments)")
    }
    let spool = try Self.run(
      ["rescore", Self.corpus, "--format", "html", "-o", target], environment: ["TMPDIR": folder.file("missing")])
    #expect(spool.status == 4, "\(spool.errors)")
    #expect(spool.errorLines.count == 1)
    #expect(spool.errors.contains("cannot create a temporary file in \(folder.file("missing"))"))
    #expect(try folder.names().isEmpty)
    for (path, message) in [(folder.path, "is a folder"), (folder.file("no/such/out.txt"), "does not exist")] {
      let run = try Self.run("rescore", Self.corpus, "-o", path)
      #expect(run.status == 2)
      #expect(run.errors.contains(message), "\(path)")
    }
  }

  // MARK: - Signals

  /// A run killed by SIGTERM, SIGINT or SIGHUP while it waits for input leaves nothing: no temporary file
  /// beside the target, no HTML spool file in TMPDIR, the old target as it was; and it still ends by the
  /// signal (the handler removes the files and re-raises).
  @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
  func aSignalMidRunLeavesNoTemporaryOrSpoolFile(signal: Int32) throws {
    let temporary = try ScratchFolder()
    let folder = try ScratchFolder()
    let target = folder.file("report.html")
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
    let child = try SignalledChild(
      [CommandLineTests.executable.path, "rescore", "-", "--input-format", "jsonl", "--format", "html", "-o", target],
      temporaryFolder: temporary.path)
    let firstRecords = try String(contentsOfFile: Self.corpus, encoding: .utf8).split(separator: "\n").prefix(3)
    child.send(firstRecords.joined(separator: "\n") + "\n")
    // The temporary file is created when the output is opened, before the first record is read; the
    // standard input stays open, so the run waits for more.
    var waited = 0
    while try folder.names().count < 2, waited < 60_000 {
      usleep(10_000)
      waited += 10
    }
    #expect(try folder.names().count == 2, "the temporary file appeared")
    #expect(child.endsBy(signal), "the run ends by the signal")
    #expect(try folder.names() == ["report.html"], "no temporary file is left beside the target")
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
    #expect(try temporary.names().isEmpty, "no spool file is left in TMPDIR")
  }

  /// A child started with posix_spawn, its signal mask cleared and SIGINT, SIGTERM and SIGHUP at their
  /// default action: a test thread may block signals, and `Process` would pass that mask on. Its standard
  /// input is a pipe the test writes and keeps open; its output and errors go to /dev/null.
  final class SignalledChild {
    let pid: pid_t
    private let input: Int32

    init(_ arguments: [String], temporaryFolder: String) throws {
      var ends: [Int32] = [0, 0]
      guard pipe(&ends) == 0 else { throw POSIXError(.EIO) }
      for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
      var attributes = posix_spawnattr_t()
      posix_spawnattr_init(&attributes)
      defer { posix_spawnattr_destroy(&attributes) }
      var unmasked = sigset_t()
      sigemptyset(&unmasked)
      posix_spawnattr_setsigmask(&attributes, &unmasked)
      var defaults = sigset_t()
      sigemptyset(&defaults)
      for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, number) }
      posix_spawnattr_setsigdefault(&attributes, &defaults)
      posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
      var actions = posix_spawn_file_actions_t()
      posix_spawn_file_actions_init(&actions)
      defer { posix_spawn_file_actions_destroy(&actions) }
      posix_spawn_file_actions_adddup2(&actions, ends[0], STDIN_FILENO)
      posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
      posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
      var environment = ProcessInfo.processInfo.environment
      environment["TMPDIR"] = temporaryFolder
      let argv = arguments.map { strdup($0) } + [nil]
      let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
      defer { for pointer in argv + envp { free(pointer) } }
      var pid = pid_t()
      let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
      close(ends[0])
      guard spawned == 0 else {
        close(ends[1])
        throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
      }
      self.pid = pid
      input = ends[1]
    }

    deinit { close(input) }

    func send(_ text: String) {
      _ = text.utf8CString.withUnsafeBytes { write(input, $0.baseAddress, $0.count - 1) }
    }

    /// Sends `signal` and waits for the child: true when the signal ended it.
    func endsBy(_ signal: Int32) -> Bool {
      guard kill(pid, signal) == 0 else { return false }
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0, errno == EINTR {}
      return status & 0x7F == signal
    }
  }
}
