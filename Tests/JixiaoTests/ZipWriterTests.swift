import Foundation
import Testing

@testable import Jixiao

@Suite struct ZipWriterTests {
  /// Inputs that exercise every kind of DEFLATE symbol: empty, one byte, no repeats, long runs (matches
  /// of 258 and at distance 1), markup, every byte value, and text past the 32 KiB window.
  static let samples: [(String, [UInt8])] = {
    var random = SystemRandomNumberGenerator()
    let markup = (0..<3_000).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"s\"><v>\($0 % 97)</v></c></row>" }.joined()
    return [
      ("empty", []),
      ("one byte", [0x41]),
      ("random", (0..<5_000).map { _ in UInt8.random(in: 0...255, using: &random) }),
      ("a run", [UInt8](repeating: 0x7A, count: 70_000)),
      ("markup", Array(markup.utf8)),
      ("every byte", (0..<4_096).map { UInt8(truncatingIfNeeded: $0 &* 7) }),
      ("Chinese", Array(String(repeating: "项目支出绩效自评表（2024年度）产出指标数量指标", count: 2_000).utf8)),
    ]
  }()

  @Test(arguments: samples.indices)
  func deflateInflatesBackToItsInput(_ index: Int) throws {
    let (_, input) = Self.samples[index]
    let compressed = Deflate.compress(input)
    #expect(try Inflate.decompress(compressed, limit: input.count, expectedSize: input.count) == input)
  }

  @Test func deflateCompressesRepeatedMarkup() {
    let markup = Self.samples.first { $0.0 == "markup" }!.1
    #expect(Deflate.compress(markup).count * 4 < markup.count)
  }

  @Test func entriesReadBackThroughZipArchive() throws {
    var writer = ZipWriter()
    for (name, bytes) in Self.samples {
      try writer.add("samples/\(name).bin", bytes)
      try writer.add("stored/\(name).bin", bytes, method: .stored)
    }
    try writer.add("xl/中文名称.xml", Array("项目支出绩效自评表".utf8))
    let archive = try ZipArchive(bytes: try writer.finish(), file: "written.zip")
    #expect(archive.entries.count == 2 * Self.samples.count + 1)
    for (name, bytes) in Self.samples {
      let deflated = try #require(archive.entry(named: "samples/\(name).bin"))
      let stored = try #require(archive.entry(named: "stored/\(name).bin"))
      #expect(try archive.contents(of: deflated) == bytes, "\(name)")
      #expect(try archive.contents(of: stored) == bytes, "\(name)")
      #expect(stored.method == 0)
      #expect(deflated.method == (deflated.compressedSize < bytes.count ? 8 : 0), "deflated only when smaller")
      #expect(deflated.flags & (1 << 11) != 0, "names are flagged UTF-8")
    }
    #expect(try archive.contents(named: "xl/中文名称.xml") == Array("项目支出绩效自评表".utf8))
    #expect(archive.entry(named: "samples/markup.bin")?.method == 8)
    #expect(archive.entry(named: "samples/random.bin")?.method == 0, "random bytes do not deflate smaller")
  }

  @Test func theSameEntriesGiveTheSameBytes() throws {
    func archive() throws -> [UInt8] {
      var writer = ZipWriter()
      try writer.add("a.xml", Array("<a/>".utf8))
      try writer.add("b/c.xml", Array(String(repeating: "<b/>", count: 100).utf8))
      return try writer.finish()
    }
    #expect(try archive() == archive())
  }

  @Test(arguments: ["", "/etc/passwd", "a/../b", "a//b", "c:/x", "a\\b", "tab\there", "./a"])
  func unsafeNamesAreRefused(_ name: String) {
    var writer = ZipWriter()
    #expect(throws: ZipWriter.Failure.self) { try writer.add(name, [1, 2, 3]) }
  }

  @Test func aDuplicateNameIsRefused() throws {
    var writer = ZipWriter()
    try writer.add("a.xml", [1])
    #expect(
      throws: ZipWriter.Failure(entry: "a.xml", message: Message(en: "an entry of this name was already added", zh: "已添加过同名条目"))
    ) {
      try writer.add("a.xml", [2])
    }
  }

  @Test func whatNeedsZip64IsRefused() throws {
    var small = ZipWriter()
    small.maximumSize = 1_000
    #expect(throws: ZipWriter.Failure.self, "an entry beyond the 32-bit size") {
      try small.add("big.bin", [UInt8](repeating: 1, count: 1_001), method: .stored)
    }
    try small.add("fits.bin", [UInt8](repeating: 1, count: 900), method: .stored)
    #expect(throws: ZipWriter.Failure.self, "an archive beyond the 32-bit offsets") {
      try small.add("next.bin", [UInt8](repeating: 1, count: 100), method: .stored)
    }
    var few = ZipWriter()
    few.maximumEntries = 2
    try few.add("1", [])
    try few.add("2", [])
    #expect(throws: ZipWriter.Failure.self, "more entries than the 16-bit count") { try few.add("3", []) }
    #expect(try ZipArchive(bytes: try few.finish(), file: "few.zip").entries.count == 2)
  }

  /// Python's zipfile checks what our own reader might share a blind spot with; skipped without python3.
  @Test func pythonZipfileReadsTheArchive() throws {
    guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
    else {
      print("skipped: python3 is not installed")
      return
    }
    var writer = ZipWriter()
    for (name, bytes) in Self.samples { try writer.add("samples/\(name).bin", bytes) }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("zipwriter-\(UUID().uuidString).zip")
    try Data(try writer.finish()).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [
      "-c",
      "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); bad = z.testzip(); print(bad or 'ok', len(z.namelist()))",
      file.path,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "ok \(Self.samples.count)")
  }
}
