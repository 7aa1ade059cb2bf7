import Foundation
import Testing

@testable import Jixiao

/// Bits in DEFLATE order (each value's lowest bit first), for hand-made streams.
struct DeflateBitWriter {
  private(set) var bytes: [UInt8] = []
  private var bitCount = 0

  mutating func write(_ value: Int, bits: Int) {
    for bit in 0..<bits {
      if bitCount % 8 == 0 { bytes.append(0) }
      if value >> bit & 1 == 1 { bytes[bytes.count - 1] |= UInt8(1 << (bitCount % 8)) }
      bitCount += 1
    }
  }

  /// A Huffman code, which DEFLATE packs starting with its most significant bit.
  mutating func writeCode(_ code: Int, length: Int) {
    for bit in stride(from: length - 1, through: 0, by: -1) { write(code >> bit & 1, bits: 1) }
  }

  /// A symbol of the fixed literal/length code (RFC 1951 §3.2.6).
  mutating func writeFixedLiteral(_ symbol: Int) {
    switch symbol {
    case 0...143: writeCode(0x30 + symbol, length: 8)
    case 144...255: writeCode(0x190 + symbol - 144, length: 9)
    case 256...279: writeCode(symbol - 256, length: 7)
    default: writeCode(0xC0 + symbol - 280, length: 8)
    }
  }
}

@Suite struct InflateTests {
  struct Vector: Decodable {
    var file: String
    var size: Int
    var crc32: UInt32
  }

  static let directory = repositoryRoot.appendingPathComponent("Tests/Archive/inflate")
  static let vectors: [Vector] = {
    struct Manifest: Decodable { var vectors: [Vector] }
    let data = try! Data(contentsOf: directory.appendingPathComponent("MANIFEST.json"))
    return try! JSONDecoder().decode(Manifest.self, from: data).vectors
  }()

  static func stream(_ vector: Vector) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: directory.appendingPathComponent(vector.file)))
  }

  private func reason(_ stream: [UInt8], limit: Int = 1 << 20, expectedSize: Int? = nil) -> InflateError.Reason? {
    do {
      _ = try Inflate.decompress(stream, limit: limit, expectedSize: expectedSize)
      return nil
    } catch {
      return error.reason
    }
  }

  @Test func crcOfTheStandardCheckString() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([]) == 0)
    // Every length 0...40 around the eight-byte steps, against the bit-by-bit definition.
    let bytes = (0..<40).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    for length in 0...bytes.count {
      var crc: UInt32 = 0xFFFF_FFFF
      for byte in bytes[..<length] {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
      }
      #expect(CRC32.checksum(Array(bytes[..<length])) == ~crc, "length \(length)")
    }
  }

  @Test(arguments: vectors.map(\.file)) func zlibStreamsInflateToTheirOriginal(file: String) throws {
    let vector = try #require(Self.vectors.first { $0.file == file })
    let stream = try Self.stream(vector)
    let output = try Inflate.decompress(stream, limit: vector.size)
    #expect(output.count == vector.size)
    #expect(CRC32.checksum(output) == vector.crc32)
    // Without a size hint the output buffer grows from a guess, and must come out the same.
    #expect(try Inflate.decompress(stream, limit: .max) == output)
  }

  @Test func everyCutOfAStreamIsRefused() throws {
    for vector in Self.vectors {
      let stream = try Self.stream(vector)
      // All cuts of the short streams, about 60 spread over the long ones.
      let step = max(1, stream.count / 60)
      for length in stride(from: 0, to: stream.count, by: step) {
        #expect(reason(Array(stream[..<length]), limit: .max) != nil, "\(vector.file) cut to \(length) bytes")
      }
    }
  }

  @Test func outputPastTheLimitIsRefused() throws {
    let vector = try #require(Self.vectors.first { $0.file == "zeros.level9.deflate" })
    let stream = try Self.stream(vector)
    #expect(reason(stream, limit: vector.size - 1) == .outputLimitExceeded(limit: vector.size - 1))
    #expect(reason(stream, limit: 1000) == .outputLimitExceeded(limit: 1000))
    let stored = try Self.stream(try #require(Self.vectors.first { $0.file == "zeros.level0.deflate" }))
    #expect(reason(stored, limit: 65_535) == .outputLimitExceeded(limit: 65_535))
    #expect(try Inflate.decompress(stream, limit: vector.size).count == vector.size)
  }

  /// Copies eight bytes a step where the source is at least eight back (overlapping or not), byte by byte
  /// nearer, and at the output's end where no room is left: every period and length repeats as written.
  @Test func copiesRepeatTheirSourceAtEveryDistance() throws {
    var random = SplitMix(seed: 83)
    for period in 1...40 {
      for length in [3, 7, 8, 9, 15, 16, 17, 64, 259, 700] {
        let unit = (0..<period).map { _ in UInt8.random(in: 0...255, using: &random) }
        let head = (0..<Int.random(in: 0...5, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        let data = head + (0..<(period + length)).map { unit[$0 % period] }
        let stream = Deflate.compress(data)
        #expect(
          try Inflate.decompress(stream, limit: data.count, expectedSize: data.count) == data, "period \(period), \(length)")
        #expect(try Inflate.decompress(stream, limit: 1 << 20, expectedSize: 1) == data, "period \(period), \(length), growing")
      }
    }
  }

  /// A declared size sizes the output the inflater writes into: a stream longer than declared still
  /// inflates whole (the inflater moves to a buffer of its own), a cut or over-long one fails as without it.
  @Test func declaredSizesOnlySizeTheOutput() throws {
    for vector in Self.vectors {
      let stream = try Self.stream(vector)
      for declared in [nil, 1, vector.size / 2, vector.size, vector.size + 100] as [Int?] {
        #expect(try Inflate.decompress(stream, limit: vector.size, expectedSize: declared).count == vector.size, "\(vector.file)")
        #expect(reason(Array(stream.prefix(stream.count / 2)), limit: vector.size, expectedSize: declared) == .truncated)
        if vector.size > 1 {
          #expect(
            reason(stream, limit: vector.size - 1, expectedSize: declared) == .outputLimitExceeded(limit: vector.size - 1),
            "\(vector.file)")
        }
      }
    }
  }

  @Test func bytesAfterTheFinalBlockAreIgnored() throws {
    let vector = try #require(Self.vectors.first { $0.file == "short-text.level6.deflate" })
    let stream = try Self.stream(vector)
    #expect(try Inflate.decompress(stream + [0xFF, 0x00, 0x13], limit: 100).count == vector.size)
  }

  @Test func malformedStoredBlocks() throws {
    #expect(reason([]) == .truncated)
    #expect(reason([0x07]) == .reservedBlockType, "final block of type 3")
    #expect(reason([0x06]) == .reservedBlockType)
    #expect(reason([0x01, 0x05, 0x00, 0x00, 0x00]) == .storedLengthMismatch)
    #expect(reason([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x61, 0x62]) == .truncated, "5 bytes announced, 2 present")
    #expect(reason([0x01, 0x05, 0x00]) == .truncated)
    #expect(try Inflate.decompress([0x01, 0x02, 0x00, 0xFD, 0xFF, 0x61, 0x62], limit: 2) == Array("ab".utf8))
    // A stored block that is not final, then nothing.
    #expect(reason([0x00, 0x00, 0x00, 0xFF, 0xFF]) == .truncated)
  }

  /// A final fixed-Huffman block: literal/length symbols, each optionally followed by a five-bit
  /// distance code (no extra bits: distances 1 to 4), as `(symbol, distanceCode)`.
  private func fixedBlock(_ symbols: [(Int, distance: Int?)]) -> [UInt8] {
    var writer = DeflateBitWriter()
    writer.write(1, bits: 1)
    writer.write(1, bits: 2)
    for (symbol, distance) in symbols {
      writer.writeFixedLiteral(symbol)
      if let distance { writer.writeCode(distance, length: 5) }
    }
    return writer.bytes
  }

  /// The fixed codes are built once and loaded into each inflater: what is loaded, even over a code a
  /// dynamic block left, is what building RFC 1951's fixed lengths gives.
  @Test func fixedCodesLoadAsBuilt() throws {
    let literalLengths: [UInt8] = (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 }
    let distanceLengths = [UInt8](repeating: 5, count: 32)
    for (lengths, fixed) in [(literalLengths, HuffmanDecoder.fixedLiterals), (distanceLengths, HuffmanDecoder.fixedDistances)] {
      var built = HuffmanDecoder(symbolCapacity: lengths.count)
      defer { built.deallocate() }
      try lengths.withUnsafeBufferPointer { lengths throws(InflateError) in
        try built.build(lengths: lengths.baseAddress!, count: lengths.count, table: "t", requiresComplete: true, offset: 0)
      }
      #expect(built.tables == fixed)
      #expect(fixed.symbols.count == lengths.count)

      var loaded = HuffmanDecoder(symbolCapacity: lengths.count)
      defer { loaded.deallocate() }
      // Another complete code first: one symbol of length 1, two of 2, the rest unused.
      var other = [UInt8](repeating: 0, count: lengths.count)
      other[3] = 1
      other[5] = 2
      other[7] = 2
      try other.withUnsafeBufferPointer { other throws(InflateError) in
        try loaded.build(lengths: other.baseAddress!, count: other.count, table: "t", requiresComplete: true, offset: 0)
      }
      #expect(loaded.tables != fixed)
      loaded.load(fixed)
      #expect(loaded.tables == built.tables)
    }
  }

  @Test func malformedFixedBlocks() throws {
    // "a", then length 3 (257) at distance 1 (distance code 0).
    let good = fixedBlock([(0x61, nil), (257, 0), (256, nil)])
    #expect(try Inflate.decompress(good, limit: 10) == Array("aaaa".utf8))
    // A back-reference with nothing before it, and one of distance 2 after one byte.
    #expect(reason(fixedBlock([(257, 0), (256, nil)])) == .distanceTooFarBack)
    #expect(reason(fixedBlock([(0x61, nil), (257, 1), (256, nil)])) == .distanceTooFarBack)
    // The reserved length symbols 286 and 287, and distance symbols 30 and 31.
    #expect(reason(fixedBlock([(286, nil), (256, nil)])) == .invalidSymbol)
    #expect(reason(fixedBlock([(287, nil), (256, nil)])) == .invalidSymbol)
    for code in [30, 31] {
      #expect(reason(fixedBlock([(0x61, nil), (257, code), (256, nil)])) == .invalidSymbol, "distance code \(code)")
    }
    // No end-of-block: the data just stops.
    #expect(reason(fixedBlock([(0x61, nil)])) == .truncated)
  }

  /// A dynamic block header: the counts, then code-length code lengths in RFC order.
  private func dynamicHeader(literals: Int, distances: Int, codeLengthLengths: [Int]) -> DeflateBitWriter {
    var writer = DeflateBitWriter()
    writer.write(1, bits: 1)
    writer.write(2, bits: 2)
    writer.write(literals - 257, bits: 5)
    writer.write(distances - 1, bits: 5)
    writer.write(codeLengthLengths.count - 4, bits: 4)
    for length in codeLengthLengths { writer.write(length, bits: 3) }
    return writer
  }

  @Test func malformedDynamicBlocks() {
    // HLIT of 287 and 288, HDIST of 31 and 32.
    #expect(reason(dynamicHeader(literals: 287, distances: 1, codeLengthLengths: [2, 2, 2, 2]).bytes) == .tooManyCodes)
    #expect(reason(dynamicHeader(literals: 288, distances: 1, codeLengthLengths: [2, 2, 2, 2]).bytes) == .tooManyCodes)
    #expect(reason(dynamicHeader(literals: 257, distances: 31, codeLengthLengths: [2, 2, 2, 2]).bytes) == .tooManyCodes)
    #expect(reason(dynamicHeader(literals: 257, distances: 32, codeLengthLengths: [2, 2, 2, 2]).bytes) == .tooManyCodes)

    let codeLengths = InflateError.Reason.invalidCodeLengths(table: "code-length")
    // Nineteen codes of length 1: over-subscribed.
    #expect(
      reason(dynamicHeader(literals: 257, distances: 1, codeLengthLengths: Array(repeating: 1, count: 19)).bytes) == codeLengths)
    // One code of length 1 (symbol 16): incomplete, which the code-length code may not be.
    #expect(reason(dynamicHeader(literals: 257, distances: 1, codeLengthLengths: [1, 0, 0, 0]).bytes) == codeLengths)
    // No code-length codes at all.
    #expect(reason(dynamicHeader(literals: 257, distances: 1, codeLengthLengths: [0, 0, 0, 0]).bytes) == codeLengths)

    // Code-length code: 16, 17, 18 and 0 of length 2 (a complete code: 00=16, 01=17, 10=18, 11=0 in
    // canonical order by symbol: 0 → 00, 16 → 01, 17 → 10, 18 → 11).
    let complete = [2, 2, 2, 2]
    var repeatFirst = dynamicHeader(literals: 257, distances: 1, codeLengthLengths: complete)
    repeatFirst.writeCode(1, length: 2)
    repeatFirst.write(0, bits: 2)
    #expect(reason(repeatFirst.bytes) == .repeatWithoutPrevious)

    var overrun = dynamicHeader(literals: 257, distances: 1, codeLengthLengths: complete)
    overrun.writeCode(3, length: 2)
    overrun.write(127, bits: 7)  // 138 zeros
    overrun.writeCode(3, length: 2)
    overrun.write(127, bits: 7)  // 276
    overrun.writeCode(2, length: 2)
    overrun.write(7, bits: 3)  // 10 more: 286 > 258
    #expect(reason(overrun.bytes) == .codeLengthsOverrun)

    // Every length zero: no end-of-block code.
    var noEnd = dynamicHeader(literals: 257, distances: 1, codeLengthLengths: complete)
    noEnd.writeCode(3, length: 2)
    noEnd.write(127, bits: 7)
    noEnd.writeCode(3, length: 2)
    noEnd.write(109, bits: 7)  // 138 + 120 = 258 zeros
    #expect(reason(noEnd.bytes) == .missingEndOfBlock)
  }

  @Test func literalCodesMustBeComplete() throws {
    // Code-length code: symbols 1, 2, 3 and 0 … use lengths 0 → 2 bits, 1 → 2, 2 → 2, 18 → 2.
    // RFC order is 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1 15.
    var lengthsOfLengths = Array(repeating: 0, count: 18)
    lengthsOfLengths[2] = 2  // 18
    lengthsOfLengths[3] = 2  // 0
    lengthsOfLengths[15] = 2  // 2
    lengthsOfLengths[17] = 2  // 1
    // Canonical codes by symbol: 0 → 00, 1 → 01, 2 → 10, 18 → 11.
    func header() -> DeflateBitWriter {
      dynamicHeader(literals: 257, distances: 1, codeLengthLengths: lengthsOfLengths)
    }
    func zeros(_ count: Int, _ writer: inout DeflateBitWriter) {
      var left = count
      while left > 0 {
        let run = min(left, 138)
        if run >= 11 {
          writer.writeCode(3, length: 2)
          writer.write(run - 11, bits: 7)
          left -= run
        } else {
          writer.writeCode(0, length: 2)
          left -= 1
        }
      }
    }
    // Literal 'a' (97) and 256 of length 1: complete. Distance: one code of length 1 (allowed).
    var good = header()
    zeros(97, &good)
    good.writeCode(1, length: 2)
    zeros(256 - 98, &good)
    good.writeCode(1, length: 2)  // 256
    good.writeCode(1, length: 2)  // distance 0 of length 1
    // Canonical: 'a' = 0, 256 = 1.
    good.writeCode(0, length: 1)
    good.writeCode(0, length: 1)
    good.writeCode(1, length: 1)
    #expect(try Inflate.decompress(good.bytes, limit: 10) == Array("aa".utf8))

    // Three literal codes of length 1: over-subscribed.
    var over = header()
    zeros(96, &over)
    over.writeCode(1, length: 2)
    over.writeCode(1, length: 2)
    zeros(256 - 98, &over)
    over.writeCode(1, length: 2)
    over.writeCode(1, length: 2)
    #expect(reason(over.bytes) == .invalidCodeLengths(table: "literal/length"))

    // 'a' of length 1 and 256 of length 2: incomplete with a code longer than 1 bit.
    var incomplete = header()
    zeros(97, &incomplete)
    incomplete.writeCode(1, length: 2)
    zeros(256 - 98, &incomplete)
    incomplete.writeCode(2, length: 2)
    incomplete.writeCode(1, length: 2)
    #expect(reason(incomplete.bytes) == .invalidCodeLengths(table: "literal/length"))

    // A distance code of one symbol (length 1) leaves the pattern 1 unassigned; using it is an invalid
    // symbol. Literal code: 'a' = 0, 256 = 10, 257 = 11.
    var unassigned = dynamicHeader(literals: 258, distances: 1, codeLengthLengths: lengthsOfLengths)
    zeros(97, &unassigned)
    unassigned.writeCode(1, length: 2)
    zeros(256 - 98, &unassigned)
    unassigned.writeCode(2, length: 2)  // 256
    unassigned.writeCode(2, length: 2)  // 257
    unassigned.writeCode(1, length: 2)  // distance 0
    unassigned.writeCode(0, length: 1)  // 'a'
    unassigned.writeCode(3, length: 2)  // 257: length 3
    unassigned.writeCode(1, length: 1)  // the unassigned distance pattern
    #expect(reason(unassigned.bytes) == .invalidSymbol)
  }

  @Test func flippedBitsNeverTrap() throws {
    // Every single-bit flip in the first 64 bytes of a few streams: an error or some output, never a
    // trap or an output past the limit.
    for file in ["sheet-xml.level6.deflate", "cjk-text.fixed.deflate", "period-7-with-noise.level9.deflate"] {
      let vector = try #require(Self.vectors.first { $0.file == file })
      let stream = try Self.stream(vector)
      for index in 0..<min(64, stream.count) {
        for bit in 0..<8 {
          var damaged = stream
          damaged[index] ^= 1 << bit
          if let output = try? Inflate.decompress(damaged, limit: vector.size * 2) {
            #expect(output.count <= vector.size * 2)
          }
        }
      }
    }
  }
}
