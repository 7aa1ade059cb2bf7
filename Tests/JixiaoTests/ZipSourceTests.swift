import Foundation
import Testing

@testable import Jixiao

/// An archive read from its file a range at a time (`ZipSource(path:file:)`) is the archive read from its
/// bytes: the same entries and contents, or the same error at the same place.
@Suite struct ZipSourceTests {
  /// Every workbook, Word document and ZIP archive among the fixtures and the archive cases, good and bad.
  static let archives: [URL] = {
    var found: [URL] = []
    for folder in ["Fixtures", "Tests/Archive", "Tests/Document"] {
      let root = repositoryRoot.appendingPathComponent(folder)
      for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
      where ["xlsx", "docx", "zip"].contains(url.pathExtension) {
        found.append(url)
      }
    }
    return found.sorted { $0.path < $1.path }
  }()

  /// What opening and reading every entry gives: the entries with their contents, or the error.
  static func reading(_ open: () throws(InputError) -> ZipArchive) -> Result<
    [(ZipArchive.Entry, Result<[UInt8], InputError>)], InputError
  > {
    do throws(InputError) {
      let archive = try open()
      return .success(
        archive.entries.map { entry in
          (entry, Result { () throws(InputError) in try archive.contents(of: entry) })
        })
    } catch {
      return .failure(error)
    }
  }

  static func expectSame(
    _ fromFile: Result<[(ZipArchive.Entry, Result<[UInt8], InputError>)], InputError>,
    _ fromBytes: Result<[(ZipArchive.Entry, Result<[UInt8], InputError>)], InputError>, _ name: String
  ) {
    switch (fromFile, fromBytes) {
    case (.success(let file), .success(let bytes)):
      #expect(file.map(\.0) == bytes.map(\.0), "\(name): entries")
      for ((entry, fileContents), (_, byteContents)) in zip(file, bytes) {
        #expect(fileContents == byteContents, "\(name): \(entry.name)")
      }
    case (.failure(let file), .failure(let bytes)):
      #expect(file == bytes, "\(name)")
    default:
      Issue.record("\(name): read from its file \(fromFile.map(\.count)), from its bytes \(fromBytes.map(\.count))")
    }
  }

  @Test func everyArchiveReadsTheSameFromItsFile() throws {
    #expect(Self.archives.count > 40)
    var refused = 0
    for url in Self.archives {
      let bytes = [UInt8](try Data(contentsOf: url))
      let fromBytes = Self.reading { () throws(InputError) in try ZipArchive(bytes: bytes, file: url.lastPathComponent) }
      let fromFile = Self.reading { () throws(InputError) in
        try ZipArchive(source: try ZipSource(path: url.path, file: url.lastPathComponent), file: url.lastPathComponent)
      }
      if case .failure = fromBytes { refused += 1 }
      Self.expectSame(fromFile, fromBytes, url.lastPathComponent)
    }
    #expect(refused > 10, "the hostile archives are among them")
  }

  /// Every cut of a ZIP64 archive (its end records are read from the tail of the file) and every changed byte.
  @Test func everyCutAndEveryByteChangeReadsTheSameFromItsFile() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zip-source-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for file in ["zip64.zip", "descriptor.zip"] {
      let bytes = try ZipArchiveTests.bytes(file)
      var variants = (0..<bytes.count).map { Array(bytes[..<$0]) }
      for position in 0..<bytes.count {
        var damaged = bytes
        damaged[position] ^= 0x5A
        variants.append(damaged)
      }
      let path = directory.appendingPathComponent(file).path
      for (number, variant) in variants.enumerated() {
        try Data(variant).write(to: URL(fileURLWithPath: path))
        let fromBytes = Self.reading { () throws(InputError) in try ZipArchive(bytes: variant, file: file) }
        let fromFile = Self.reading { () throws(InputError) in
          try ZipArchive(source: try ZipSource(path: path, file: file), file: file)
        }
        Self.expectSame(fromFile, fromBytes, "\(file) variant \(number)")
      }
    }
  }

  @Test func aFileCutShortAfterOpeningIsAnErrorNamingIt() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("zip-source-\(UUID().uuidString).zip").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let bytes = try ZipArchiveTests.bytes("zipfile.zip")
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let archive = try ZipArchive(source: try ZipSource(path: path, file: "cut.zip"), file: "cut.zip")
    let last = try #require(archive.entries.filter { $0.compressedSize > 0 }.max { $0.headerOffset < $1.headerOffset })
    try Data(bytes[..<last.headerOffset]).write(to: URL(fileURLWithPath: path))
    #expect(throws: InputError.self) { try archive.contents(of: last) }
    do {
      _ = try archive.contents(of: last)
    } catch {
      #expect(error.location.file == "cut.zip")
      #expect(error.message.english.contains("cut short"), "\(error)")
    }
  }

  @Test func aMissingFileIsAnErrorNamingIt() {
    #expect(throws: InputError.self) { try ZipSource(path: "/nonexistent/zip-source.xlsx", file: "gone.xlsx") }
  }

  /// The tables (or rejections) of every workbook fixture, read by `RecordReader` from its file, against
  /// the same workbook read from its bytes; on one worker and on two.
  @Test(arguments: [1, 2]) func aWorkbookFromItsFileGivesTheTablesOfItsBytes(jobs: Int) throws {
    let workbooks = Self.archives.filter { $0.pathExtension == "xlsx" }
    #expect(workbooks.count > 15)
    var tables = 0
    for url in workbooks {
      var fromFile: [TableReader.Record] = []
      RecordReader(path: url.path, format: nil, jobs: jobs).read { fromFile += $0.decode() }
      let fromBytes = TableReader.readForms([UInt8](try Data(contentsOf: url)), file: url.path, format: .xlsx)
      #expect(fromFile.count == fromBytes.count, "\(url.lastPathComponent)")
      for (file, bytes) in zip(fromFile, fromBytes) {
        switch (file, bytes) {
        case (.table(let file), .table(let bytes)):
          tables += 1
          #expect(file == bytes, "\(url.lastPathComponent) \(file.id)")
        case (.rejected(let file), .rejected(let bytes)):
          #expect(file == bytes, "\(url.lastPathComponent)")
        default:
          Issue.record("\(url.lastPathComponent): \(file) from its file, \(bytes) from its bytes")
        }
      }
    }
    #expect(tables > 15)
  }
}
