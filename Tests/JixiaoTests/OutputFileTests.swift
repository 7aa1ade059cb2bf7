import Foundation
import Testing

@testable import Jixiao

/// `DescriptorWriter`, `OutputTarget` and `OutputFile` in process: what `-o` may write and how.
@Suite struct OutputFileTests {
  func refusal(_ path: String, inputs: [String] = []) -> OutputRefusal? {
    do {
      _ = try OutputTarget.resolve(path, inputs: inputs)
      return nil
    } catch {
      return error
    }
  }

  func mode(_ path: String) -> mode_t {
    var status = stat()
    return lstat(path, &status) == 0 ? status.st_mode : 0
  }

  /// More than a pipe holds, so the reader takes it in several reads and the writer sees partial writes.
  @Test func everyByteReachesAPipe() throws {
    let bytes = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
    #expect(try bytesThroughAPipe { try $0.write(bytes) } == Data(bytes))
  }

  /// What `write` writes into a pipe (its write end non-blocking when asked), as the other end reads it.
  func bytesThroughAPipe(nonBlocking: Bool = false, _ write: (DescriptorWriter) throws -> Void) throws -> Data {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    if nonBlocking { try #require(fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK) == 0) }
    let received = ReceivedBytes()
    let readEnd = ends[0]
    let reader = Thread {
      let handle = FileHandle(fileDescriptor: readEnd, closeOnDealloc: true)
      received.data = handle.readDataToEndOfFile()
      received.done.signal()
    }
    reader.start()
    let written = Result { try write(DescriptorWriter(descriptor: ends[1], destination: Message(verbatim: "a pipe"))) }
    close(ends[1])
    received.done.wait()
    try written.get()
    return received.data
  }

  /// Kept arrays and gathered texts leave in the order they were appended, through a non-blocking pipe
  /// that takes a part of most `writev` calls (the vectors resume in the middle of a piece) and refuses
  /// some (`EAGAIN`, waited on); empty pieces and a write with nothing waiting are no trouble.
  @Test func gatheredOutputReachesAPipeInOrder() throws {
    var random = SplitMix(seed: 2026)
    var expected: [UInt8] = []
    let received = try bytesThroughAPipe(nonBlocking: true) { writer in
      var pending = GatheredOutput()
      try pending.write(to: writer)
      for index in 0..<3_000 {
        let length = [0, 1, 7, 1_023, 1_024, 1_500, 9_000][Int.random(in: 0..<7, using: &random)]
        let piece = (0..<length).map { UInt8(truncatingIfNeeded: $0 &+ index) }
        expected += piece
        if index % 3 == 0 { pending.append(contentsOf: piece[...]) } else { pending.append(piece) }
        if pending.isFull { try pending.write(to: writer) }
      }
      try pending.write(to: writer)
      #expect(pending.count == 0)
    }
    #expect(received == Data(expected))
  }

  @Test func aFailedGatheredWriteThrowsTheSystemReason() throws {
    let full = open("/dev/full", O_WRONLY)
    defer { close(full) }
    var pending = GatheredOutput()
    pending.append(Array(repeating: 1, count: 5_000))
    pending.append(contentsOf: "x".utf8)
    #expect(throws: OutputError(.write, .path("/dev/full"), code: ENOSPC)) {
      try pending.write(to: DescriptorWriter(descriptor: full, destination: .path("/dev/full")))
    }
  }

  final class ReceivedBytes: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
  }

  @Test func aFailedWriteThrowsTheSystemReason() throws {
    let full = open("/dev/full", O_WRONLY)
    defer { close(full) }
    #expect(throws: OutputError(.write, .path("/dev/full"), code: ENOSPC)) {
      try DescriptorWriter(descriptor: full, destination: .path("/dev/full")).write("x")
    }
    #expect(
      OutputError(.write, .path("/dev/full"), code: ENOSPC).description == "cannot write /dev/full: No space left on device")
  }

  /// The same file however it is named: relative, through `..`, absolute, a hard link, a symbolic link.
  @Test func anInputIsRefusedUnderAnyName() throws {
    let scratch = try ScratchFolder()
    let input = scratch.file("year.jsonl")
    try Data("{}\n".utf8).write(to: URL(fileURLWithPath: input))
    try FileManager.default.createDirectory(atPath: scratch.file("sub"), withIntermediateDirectories: false)
    try FileManager.default.linkItem(atPath: input, toPath: scratch.file("hard.jsonl"))
    try FileManager.default.createSymbolicLink(atPath: scratch.file("soft.jsonl"), withDestinationPath: "year.jsonl")
    for alias in ["year.jsonl", "sub/../year.jsonl", "./hard.jsonl", "soft.jsonl"].map(scratch.file) {
      let refused = try #require(refusal(alias, inputs: [scratch.file("other.jsonl"), input]))
      #expect(refused.message.english == "the output \(alias) is the input \(input); writing it would destroy the input")
    }
    #expect(refusal(scratch.file("other.jsonl"), inputs: [input]) == nil)
    #expect(refusal(input, inputs: []) == nil)
  }

  @Test func eachKindOfPathIsWrittenItsOwnWay() throws {
    let scratch = try ScratchFolder()
    let new = try OutputTarget.resolve(scratch.file("new.html"), inputs: [])
    #expect(new.kind == .newFile && new.writtenPath == scratch.file("new.html"))
    let existing = scratch.file("old.html")
    try Data("old".utf8).write(to: URL(fileURLWithPath: existing))
    #expect(chmod(existing, 0o600) == 0)
    let replaced = try OutputTarget.resolve(existing, inputs: [])
    guard case .replacesFile(let keptMode, _, _) = replaced.kind else {
      Issue.record("an existing file is replaced, found \(replaced.kind)")
      return
    }
    #expect(keptMode == 0o600)
    #expect(try OutputTarget.resolve("/dev/null", inputs: []).kind == .inPlace)
    #expect(mkfifo(scratch.file("fifo"), 0o600) == 0)
    #expect(try OutputTarget.resolve(scratch.file("fifo"), inputs: []).kind == .inPlace)
    try FileManager.default.createSymbolicLink(atPath: scratch.file("link.html"), withDestinationPath: "old.html")
    let linked = try OutputTarget.resolve(scratch.file("link.html"), inputs: [])
    #expect(linked.path == scratch.file("link.html"))
    #expect(linked.writtenPath == URL(fileURLWithPath: existing).resolvingSymlinksInPath().path, "the link's target")
    try FileManager.default.createSymbolicLink(atPath: scratch.file("dangling.html"), withDestinationPath: "missing.html")
    #expect(
      refusal(scratch.file("dangling.html"))?.message.english.contains("symbolic link to a file that does not exist") == true)
    #expect(refusal(scratch.path)?.message.english.contains("is a folder") == true)
    #expect(
      refusal(scratch.file("no/out.html"))?.message.english
        == "the folder \(scratch.file("no")) of the output \(scratch.file("no/out.html")) does not exist")
  }

  /// The target is untouched until `commit`; `abandon` leaves it as it was; the temporary file sits beside
  /// it with the target's mode, and is gone either way.
  @Test func theTargetChangesOnlyAtCommit() throws {
    let scratch = try ScratchFolder()
    let target = scratch.file("report.html")
    try Data("old".utf8).write(to: URL(fileURLWithPath: target))
    #expect(chmod(target, 0o640) == 0)
    for commits in [false, true] {
      let resolved = try OutputTarget.resolve(target, inputs: [])
      let temporary = try #require(resolved.temporaryPath())
      #expect(temporary.hasPrefix(scratch.file(".report.html.jixiao-")) && temporary.hasSuffix(".tmp"))
      let file = try OutputFile(resolved, temporaryPath: temporary)
      try file.writer.write("new")
      #expect(mode(temporary) & 0o7777 == 0o640)
      #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")
      if commits { try file.commit() } else { file.abandon() }
      #expect(try String(contentsOfFile: target, encoding: .utf8) == (commits ? "new" : "old"))
      #expect(mode(target) & 0o7777 == 0o640)
      #expect(try scratch.names() == ["report.html"])
    }
  }

  @Test func aDeviceIsOpenedInPlace() throws {
    let resolved = try OutputTarget.resolve("/dev/null", inputs: [])
    #expect(resolved.temporaryPath() == nil)
    let file = try OutputFile(resolved, temporaryPath: nil)
    try file.writer.write("discarded")
    try file.commit()
    #expect(mode("/dev/null") & S_IFMT == S_IFCHR)
  }
}
