import Foundation
import Testing

@testable import Jixiao

@Suite struct ZipArchiveTests {
  struct Case: Decodable, CustomTestStringConvertible {
    struct Expected: Decodable {
      var size: Int
      var crc32: UInt32
    }
    var file: String
    var note: String
    var entries: [String: Expected]?
    var stage: String?
    var error: String?
    var entry: String?

    var testDescription: String { "\(file): \(note)" }
  }

  static let directory = repositoryRoot.appendingPathComponent("Tests/Archive/zip")
  static let cases: [Case] = {
    let data = try! Data(contentsOf: directory.appendingPathComponent("MANIFEST.json"))
    return try! JSONDecoder().decode([Case].self, from: data)
  }()

  static func bytes(_ file: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: directory.appendingPathComponent(file)))
  }

  @Test(arguments: cases.filter { $0.entries != nil })
  func goodArchivesGiveEveryEntry(_ test: Case) throws {
    let archive = try ZipArchive(bytes: try Self.bytes(test.file), file: test.file)
    let expected = try #require(test.entries)
    #expect(Set(archive.entries.map(\.name)) == Set(expected.keys))
    for entry in archive.entries {
      let contents = try archive.contents(of: entry)
      #expect(contents.count == expected[entry.name]?.size, "\(entry.name)")
      #expect(CRC32.checksum(contents) == expected[entry.name]?.crc32, "\(entry.name)")
    }
  }

  @Test(arguments: cases.filter { $0.error != nil })
  func hostileArchivesAreRefusedWithTheirReason(_ test: Case) throws {
    let phrase = try #require(test.error)
    let bytes = try Self.bytes(test.file)
    var failure: InputError
    let opened: ZipArchive
    do {
      opened = try ZipArchive(bytes: bytes, file: test.file)
    } catch {
      #expect(test.stage == "open", "opening failed: \(error)")
      failure = error
      #expect(failure.message.english.contains(phrase), "\(failure)")
      #expect(failure.location.file == test.file)
      #expect(failure.location.field == test.entry, "the error names the entry: \(failure)")
      return
    }
    #expect(test.stage == "read", "opening should have failed")
    let name = try #require(test.entry)
    let entry = try #require(opened.entry(named: name))
    do {
      _ = try opened.contents(of: entry)
      Issue.record("reading \(entry.name) should have failed")
      return
    } catch {
      failure = error
    }
    #expect(failure.message.english.contains(phrase), "\(failure)")
    #expect(failure.location.file == test.file)
    #expect(failure.location.field == test.entry, "the error names the entry: \(failure)")
  }

  @Test func entriesAreFoundByPartName() throws {
    let archive = try ZipArchive(bytes: try Self.bytes("zipfile.zip"), file: "zipfile.zip")
    #expect(archive.entry(named: "xl/worksheets/sheet1.xml")?.method == 8)
    #expect(archive.entry(named: "/xl/worksheets/sheet1.xml") != nil, "a part name as relationships write it")
    #expect(archive.entry(named: "XL/Worksheets/Sheet1.xml") != nil, "part names ignore ASCII case")
    #expect(archive.entry(named: "xl/中文名称.xml")?.uncompressedSize == 20 * "项目支出绩效自评表 (2024年度)\n".utf8.count)
    #expect(archive.entry(named: "xl/worksheets/sheet2.xml") == nil)
    #expect(archive.entry(named: "docProps/")?.isDirectory == true)
    #expect(throws: InputError.self) { try archive.contents(named: "missing.xml") }
    let missing = try? archive.contents(named: "missing.xml")
    #expect(missing == nil)
  }

  @Test func limitsAreTheCallersToSet() throws {
    let bytes = try Self.bytes("comment.zip")
    var limits = ZipArchive.Limits()
    limits.maximumEntries = 1
    #expect(throws: InputError.self) { try ZipArchive(bytes: bytes, file: "comment.zip", limits: limits) }
    limits = ZipArchive.Limits()
    limits.maximumEntryBytes = 1_000
    #expect(throws: InputError.self) { try ZipArchive(bytes: bytes, file: "comment.zip", limits: limits) }
    limits = ZipArchive.Limits()
    limits.maximumTotalBytes = 4_000
    #expect(throws: InputError.self) { try ZipArchive(bytes: bytes, file: "comment.zip", limits: limits) }
    limits = ZipArchive.Limits()
    limits.ratioGraceBytes = 0
    limits.maximumCompressionRatio = 2
    #expect(throws: InputError.self) { try ZipArchive(bytes: bytes, file: "comment.zip", limits: limits) }
    limits.maximumCompressionRatio = 100
    #expect(try ZipArchive(bytes: bytes, file: "comment.zip", limits: limits).entries.count == 2)
    limits = ZipArchive.Limits()
    limits.maximumNameBytes = 4
    #expect(throws: InputError.self) { try ZipArchive(bytes: bytes, file: "comment.zip", limits: limits) }
  }

  @Test func everyCutAndEveryByteChangeIsHandled() throws {
    // A cut archive loses its end record; a changed byte may break any field. Either way: an error
    // naming the file, or entries that read back (a change in stored data is caught by the CRC).
    for file in ["descriptor.zip", "zip64.zip", "zipfile-streamed.zip"] {
      let bytes = try Self.bytes(file)
      for length in 0..<bytes.count {
        #expect(throws: InputError.self) { try ZipArchive(bytes: Array(bytes[..<length]), file: file) }
      }
      for position in 0..<bytes.count {
        var damaged = bytes
        damaged[position] ^= 0x5A
        do {
          let archive = try ZipArchive(bytes: damaged, file: file)
          for entry in archive.entries { _ = try? archive.contents(of: entry) }
        } catch {
          #expect(error.location.file == file)
        }
      }
    }
  }
}
