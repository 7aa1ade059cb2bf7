import Foundation
import Testing

@testable import Jixiao

/// The inflater against `ReferenceInflate` (the inflater before its fast loop): the same bytes, or the same
/// error at the same offset, for every zlib vector whole, cut and damaged, at several limits and declared
/// sizes; and CRC-32 against its bit-by-bit definition.
@Suite struct InflateDifferentialTests {
  private func outcome(_ inflate: () throws(InflateError) -> [UInt8]) -> Result<[UInt8], InflateError> {
    do throws(InflateError) {
      return .success(try inflate())
    } catch {
      return .failure(error)
    }
  }

  private func expectSame(_ stream: [UInt8], limit: Int, expectedSize: Int?, _ comment: String) {
    let new = outcome { () throws(InflateError) in try Inflate.decompress(stream, limit: limit, expectedSize: expectedSize) }
    let reference = outcome { () throws(InflateError) in
      try ReferenceInflate.decompress(stream, limit: limit, expectedSize: expectedSize)
    }
    #expect(new == reference, "\(comment), limit \(limit), declared \(expectedSize.map(String.init) ?? "nil")")
  }

  @Test func everyVectorInflatesAsTheReferenceDoes() throws {
    for vector in InflateTests.vectors {
      let stream = try InflateTests.stream(vector)
      for limit in [Int.max, vector.size, max(0, vector.size - 1), vector.size / 2] {
        for declared in [nil, vector.size, 1] as [Int?] {
          expectSame(stream, limit: limit, expectedSize: declared, vector.file)
        }
      }
    }
  }

  @Test func everyCutInflatesAsTheReferenceDoes() throws {
    for vector in InflateTests.vectors {
      let stream = try InflateTests.stream(vector)
      // Every cut within 40 bytes of the end (where the fast loop hands over), about 100 elsewhere.
      let cuts = Set(
        Array(max(0, stream.count - 40)..<stream.count) + Array(stride(from: 0, to: stream.count, by: max(1, stream.count / 100)))
      )
      for length in cuts.sorted() {
        expectSame(Array(stream[..<length]), limit: .max, expectedSize: nil, "\(vector.file) cut to \(length)")
        expectSame(Array(stream[..<length]), limit: vector.size, expectedSize: vector.size, "\(vector.file) cut to \(length)")
      }
    }
  }

  /// Damaged streams reach every error the block decoder has (unassigned codes, symbols 286/287 and
  /// distances 30/31 in fixed blocks, distances before the start, bad code lengths) inside the fast loop.
  @Test func damagedStreamsInflateAsTheReferenceDoes() throws {
    var random = SplitMix(seed: 1951)
    for vector in InflateTests.vectors where vector.size > 0 {
      let stream = try InflateTests.stream(vector)
      for trial in 0..<150 {
        var damaged = stream
        for _ in 0...(trial % 3) {
          let index = Int.random(in: 0..<damaged.count, using: &random)
          if trial % 2 == 0 {
            damaged[index] ^= 1 << UInt8.random(in: 0...7, using: &random)
          } else {
            damaged[index] = UInt8.random(in: 0...255, using: &random)
          }
        }
        expectSame(
          damaged, limit: vector.size * 2 + 10, expectedSize: trial % 4 == 0 ? vector.size : nil,
          "\(vector.file) damaged, trial \(trial)")
      }
    }
  }

  /// Fixed-code streams of our own compressor over random data with repeats at every distance 1...40 and
  /// lengths to 258, whole and cut.
  @Test func fixedBlocksOfRandomDataInflateAsTheReferenceDoes() throws {
    var random = SplitMix(seed: 1952)
    for trial in 0..<200 {
      var data: [UInt8] = []
      while data.count < 600 {
        if !data.isEmpty && Bool.random(using: &random) {
          let distance = Int.random(in: 1...min(40, data.count), using: &random)
          for _ in 0..<Int.random(in: 3...300, using: &random) { data.append(data[data.count - distance]) }
        } else {
          data.append(UInt8.random(in: 0...255, using: &random))
        }
      }
      let stream = Deflate.compress(data)
      #expect(try Inflate.decompress(stream, limit: data.count, expectedSize: data.count) == data)
      expectSame(stream, limit: .max, expectedSize: trial % 2 == 0 ? nil : data.count, "trial \(trial)")
      let cut = Int.random(in: 0..<stream.count, using: &random)
      expectSame(Array(stream[..<cut]), limit: .max, expectedSize: nil, "trial \(trial) cut to \(cut)")
    }
  }

  /// Streams of one to four random blocks, stored, fixed and dynamic (`RandomDeflateStream`: random complete
  /// codes to 15 bits, code lengths with repeats, matches of 3 to 258 bytes from distance 1 to the whole
  /// window): each inflates to its original, into an array of exactly its size (the fast loop runs to the
  /// last bytes of the output) and into one grown from a byte; and whole, at a limit a byte short, cut and
  /// damaged, as the reference inflates it, bytes or error and offset.
  @Test func randomBlocksInflateAsTheReferenceDoes() {
    var random = SplitMix(seed: 1996)
    for trial in 0..<300 {
      var stream = RandomDeflateStream()
      let blocks = Int.random(in: 1...4, using: &random)
      for block in 0..<blocks {
        let isFinal = block == blocks - 1
        // Some streams long enough for distances across the whole 32 KiB window.
        let size = trial % 25 == 0 ? Int.random(in: 33_000...40_000, using: &random) : Int.random(in: 0...3_000, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0: stream.storedBlock(size: size / 4, isFinal: isFinal, using: &random)
        case 1: stream.fixedBlock(size: size, isFinal: isFinal, using: &random)
        case 2: stream.dynamicBlock(size: size, isFinal: isFinal, using: &random)
        default: stream.sparseDynamicBlock(size: size, isFinal: isFinal, using: &random)
        }
      }
      stream.finish()
      let bytes = stream.bytes
      let size = stream.original.count
      for declared in [size, 1, nil] as [Int?] {
        let inflated = outcome { () throws(InflateError) in try Inflate.decompress(bytes, limit: size, expectedSize: declared) }
        // Compared first: a failure then names the trial, not thousands of bytes.
        let isOriginal = inflated == .success(stream.original)
        #expect(isOriginal, "trial \(trial), declared \(declared.map(String.init) ?? "nil")")
      }
      expectSame(bytes, limit: max(0, size - 1), expectedSize: max(0, size - 1), "trial \(trial)")
      expectSame(bytes, limit: size / 2, expectedSize: nil, "trial \(trial)")
      let cut = Int.random(in: 0..<bytes.count, using: &random)
      expectSame(Array(bytes[..<cut]), limit: size, expectedSize: size, "trial \(trial) cut to \(cut)")
      var damaged = bytes
      damaged[Int.random(in: 0..<bytes.count, using: &random)] ^= 1 << UInt8.random(in: 0...7, using: &random)
      expectSame(damaged, limit: size + 300, expectedSize: trial % 2 == 0 ? size : nil, "trial \(trial) damaged")
    }
  }

  @Test func matchEdgesInflateToTheirOriginal() throws {
    for (file, original) in [
      (
        "distance-1.level9.deflate",
        [UInt8]("q".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 3000)
          + Array(repeating: Array("yz".utf8), count: 700).flatMap { $0 }
      )
    ] {
      let vector = try #require(InflateTests.vectors.first { $0.file == file })
      #expect(try Inflate.decompress(try InflateTests.stream(vector), limit: .max) == original)
    }
  }

  @Test func crcMatchesTheBitwiseDefinitionAtEveryLengthAndAlignment() {
    var random = SplitMix(seed: 3309)
    let bytes = (0..<80).map { _ in UInt8.random(in: 0...255, using: &random) }
    for start in 0..<8 {
      for length in 0...64 {
        let slice = bytes[start..<(start + length)]
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in slice {
          crc ^= UInt32(byte)
          for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        let checked = bytes.withUnsafeBufferPointer {
          CRC32.checksum(UnsafeBufferPointer(rebasing: $0[start..<(start + length)]))
        }
        #expect(checked == ~crc, "start \(start), length \(length)")
      }
    }
  }

  /// The decoder's fast table is filled for the period of its longest code and copied, and not cleared
  /// first: every 15-bit input decodes to the symbol and length (or the error) the reference decoder's full
  /// table gives, for codes short and long, complete and not (one symbol, none), with and without codes
  /// past `fastBits`, in a table whose slots all held garbage before.
  @Test func codesDecodeAsTheReferenceDecoderDoes() {
    var random = SplitMix(seed: 1951)
    var cases: [[UInt8]] = [[], [1], [0, 0, 1], [1, 1], [2, 2, 1], [7, 7] + [UInt8](repeating: 6, count: 62)]
    cases.append((0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
    for _ in 0..<120 {
      // Random lengths, most of them not a code (both refuse them alike); and codes made complete by
      // splitting a leaf of a random tree until the longest length allowed.
      let count = Int.random(in: 1...288, using: &random)
      let longest = UInt8.random(in: 1...15, using: &random)
      cases.append((0..<count).map { _ in Bool.random(using: &random) ? 0 : UInt8.random(in: 1...longest, using: &random) })
      var lengths: [UInt8] = [1, 1]
      while lengths.count < count, let leaf = lengths.indices.filter({ lengths[$0] < longest }).randomElement(using: &random) {
        lengths[leaf] += 1
        lengths.append(lengths[leaf])
      }
      lengths.shuffle(using: &random)
      if Bool.random(using: &random), lengths.count > 2 { lengths[0] = 0 }
      cases.append(lengths)
    }
    var built = 0
    for (number, lengths) in cases.enumerated() {
      var new = HuffmanDecoder(symbolCapacity: 288)
      var reference = ReferenceHuffmanDecoder(symbolCapacity: 288)
      defer {
        new.deallocate()
        reference.deallocate()
      }
      func build(_ make: () throws(InflateError) -> Void) -> InflateError? {
        do throws(InflateError) {
          try make()
          return nil
        } catch {
          return error
        }
      }
      // Every slot is written by `build` (the table is reused block after block): a table full of an entry
      // no code makes shows any slot left over.
      new.fast.update(repeating: 0xFFFF_FFF7, count: 1 << HuffmanDecoder.fastBits)
      // One byte past the lengths, so that an empty case still has a pointer to hand over (with a count of 0).
      let (newError, referenceError) = (lengths + [0]).withUnsafeBufferPointer { buffer in
        let start = buffer.baseAddress!
        return (
          build { () throws(InflateError) in
            try new.build(lengths: start, count: lengths.count, table: "t", requiresComplete: false, offset: 0)
          },
          build { () throws(InflateError) in
            try reference.build(lengths: start, count: lengths.count, table: "t", requiresComplete: false, offset: 0)
          }
        )
      }
      #expect(newError == referenceError, "case \(number)")
      guard newError == nil, referenceError == nil else { continue }
      built += 1
      for bits in UInt64(0)..<(1 << 15) {
        func decode(_ entry: UInt32, _ slowly: () throws(InflateError) -> (symbol: Int, length: Int)?) -> String {
          if entry != 0 { return "\(entry >> 4) \(entry & 15)" }
          do throws(InflateError) {
            return try slowly().map { "\($0.symbol) \($0.length)" } ?? "short"
          } catch {
            return "\(error)"
          }
        }
        let newDecoded = decode(new.fast[Int(bits & HuffmanDecoder.fastMask)]) { () throws(InflateError) in
          try new.decodeSlowly(bits, available: 15, offset: 0)
        }
        let referenceDecoded = decode(reference.fast[Int(bits & ReferenceHuffmanDecoder.fastMask)]) {
          () throws(InflateError) in try reference.decodeSlowly(bits, available: 15, offset: 0)
        }
        if newDecoded != referenceDecoded {
          Issue.record("case \(number) \(lengths), input \(bits): \(newDecoded) ≠ \(referenceDecoded)")
          break
        }
      }
    }
    #expect(built > 60, "many cases are codes")
  }
}
