@testable import Jixiao

/// A DEFLATE stream (RFC 1951) of random blocks (stored, fixed and dynamic) made from random tokens, with
/// the bytes it must inflate to: dynamic blocks get random complete codes (literal/length codes up to 15
/// bits long, so past the decoder's fast table), code lengths written with repeats (16, 17, 18), matches of
/// every length at distances from 1 to the whole window. The tests' own encoder, independent of the
/// library's `Deflate` (which writes fixed blocks only).
struct RandomDeflateStream {
  private(set) var bytes: [UInt8] = []
  private(set) var original: [UInt8] = []
  private var bits: UInt64 = 0
  private var bitCount = 0

  enum Token {
    case literal(UInt8)
    case match(length: Int, distance: Int)
  }

  static let lengthBases = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
  ]
  static let lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
  static let distanceBases = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
  ]
  static let distanceExtraBits = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
  ]
  static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

  /// Random tokens that make about `size` bytes after `original`: literals, and matches whose length and
  /// distance lean to the edges (3, 258, distance 1, the whole window) as well as anywhere between.
  mutating func tokens(size: Int, using random: inout SplitMix) -> [Token] {
    var made = original.count
    let end = made + size
    var tokens: [Token] = []
    while made < end {
      if made == 0 || Int.random(in: 0..<3, using: &random) == 0 {
        tokens.append(.literal(UInt8.random(in: 0...255, using: &random)))
        made += 1
        continue
      }
      let reach = min(32768, made)
      let distance: Int
      switch Int.random(in: 0..<6, using: &random) {
      case 0: distance = 1
      case 1: distance = reach
      case 2: distance = Int.random(in: 1...min(reach, 20), using: &random)
      default: distance = Int.random(in: 1...reach, using: &random)
      }
      let length =
        Bool.random(using: &random)
        ? [3, 4, 258, 257][Int.random(in: 0..<4, using: &random)] : Int.random(in: 3...258, using: &random)
      tokens.append(.match(length: length, distance: distance))
      made += length
    }
    return tokens
  }

  private mutating func write(_ value: Int, count: Int) {
    bits |= UInt64(value) << UInt64(bitCount)
    bitCount += count
    while bitCount >= 8 {
      bytes.append(UInt8(truncatingIfNeeded: bits))
      bits >>= 8
      bitCount -= 8
    }
  }

  /// Writes a Huffman code: its bits most significant first, so reversed into the stream's order.
  private mutating func write(code: (code: Int, length: Int)) {
    var reversed = 0
    for bit in 0..<code.length where code.code & (1 << bit) != 0 { reversed |= 1 << (code.length - 1 - bit) }
    write(reversed, count: code.length)
  }

  /// The canonical codes of `lengths` (RFC 1951 §3.2.2).
  static func canonicalCodes(_ lengths: [Int]) -> [(code: Int, length: Int)] {
    var counts = [Int](repeating: 0, count: 16)
    for length in lengths where length > 0 { counts[length] += 1 }
    var next = [Int](repeating: 0, count: 16)
    var code = 0
    for length in 1...15 {
      next[length] = code
      code = (code + counts[length]) << 1
    }
    return lengths.map { length in
      guard length > 0 else { return (0, 0) }
      defer { next[length] += 1 }
      return (next[length], length)
    }
  }

  /// Lengths of a random complete code of `count` symbols, none longer than `longest`: a leaf of a random
  /// tree split until there are `count` leaves, shuffled over the symbols.
  static func randomCompleteLengths(count: Int, longest: Int, using random: inout SplitMix) -> [Int] {
    var lengths = [1, 1]
    while lengths.count < count {
      let splittable = lengths.indices.filter { lengths[$0] < longest }
      let leaf = splittable[Int.random(in: 0..<splittable.count, using: &random)]
      lengths[leaf] += 1
      lengths.append(lengths[leaf])
    }
    lengths.shuffle(using: &random)
    return lengths
  }

  private mutating func writeTokens(_ tokens: [Token], literal: [(code: Int, length: Int)], distance: [(code: Int, length: Int)])
  {
    for token in tokens {
      switch token {
      case .literal(let byte):
        write(code: literal[Int(byte)])
        original.append(byte)
      case .match(let length, let distanceBack):
        let lengthCode = Self.lengthBases.lastIndex { $0 <= length }!
        // 258 has a code of its own (285); 227 + 31 under code 284 is never written.
        write(code: literal[257 + lengthCode])
        write(length - Self.lengthBases[lengthCode], count: Self.lengthExtraBits[lengthCode])
        let distanceCode = Self.distanceBases.lastIndex { $0 <= distanceBack }!
        write(code: distance[distanceCode])
        write(distanceBack - Self.distanceBases[distanceCode], count: Self.distanceExtraBits[distanceCode])
        for _ in 0..<length { original.append(original[original.count - distanceBack]) }
      }
    }
    write(code: literal[256])
  }

  mutating func storedBlock(size: Int, isFinal: Bool, using random: inout SplitMix) {
    write(isFinal ? 1 : 0, count: 3)
    if bitCount > 0 { write(0, count: 8 - bitCount) }
    let length = min(size, 65535)
    write(length, count: 16)
    write(~length & 0xFFFF, count: 16)
    for _ in 0..<length {
      let byte = UInt8.random(in: 0...255, using: &random)
      bytes.append(byte)
      original.append(byte)
    }
  }

  mutating func fixedBlock(size: Int, isFinal: Bool, using random: inout SplitMix) {
    let tokens = tokens(size: size, using: &random)
    write(isFinal ? 3 : 2, count: 3)
    let literal = Self.canonicalCodes((0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
    writeTokens(tokens, literal: literal, distance: Self.canonicalCodes([Int](repeating: 5, count: 30)))
  }

  mutating func dynamicBlock(size: Int, isFinal: Bool, using random: inout SplitMix) {
    let tokens = tokens(size: size, using: &random)
    write(isFinal ? 5 : 4, count: 3)
    let literalCount = 286
    let needed = tokens.reduce(2) { needed, token in
      guard case .match(_, let distance) = token else { return needed }
      return max(needed, Self.distanceBases.lastIndex { $0 <= distance }! + 1)
    }
    let literalLengths = Self.randomCompleteLengths(count: literalCount, longest: 15, using: &random)
    let distanceLengths = Self.randomCompleteLengths(
      count: Int.random(in: needed...30, using: &random), longest: 15, using: &random)
    write(literalCount - 257, count: 5)
    write(distanceLengths.count - 1, count: 5)
    write(19 - 4, count: 4)
    let all = literalLengths + distanceLengths
    // The code lengths as code-length symbols, with repeats where they apply and a coin says so.
    var symbols: [(symbol: Int, extra: Int, extraBits: Int)] = []
    var index = 0
    while index < all.count {
      let value = all[index]
      var run = 1
      while index + run < all.count && all[index + run] == value { run += 1 }
      if index > 0 && all[index - 1] == value && run >= 3 && Bool.random(using: &random) {
        let taken = min(run, 6)
        symbols.append((16, taken - 3, 2))
        index += taken
      } else {
        symbols.append((value, 0, 0))
        index += 1
      }
    }
    writeCodeLengths(symbols, using: &random)
    writeTokens(tokens, literal: Self.canonicalCodes(literalLengths), distance: Self.canonicalCodes(distanceLengths))
  }

  /// The code-length code (random, complete, at most 7 bits), then the code lengths in it.
  private mutating func writeCodeLengths(_ symbols: [(symbol: Int, extra: Int, extraBits: Int)], using random: inout SplitMix) {
    let codeLengthLengths = Self.randomCompleteLengths(count: 19, longest: 7, using: &random)
    for symbol in Self.codeLengthOrder { write(codeLengthLengths[symbol], count: 3) }
    let codeLengthCodes = Self.canonicalCodes(codeLengthLengths)
    for (symbol, extra, extraBits) in symbols {
      write(code: codeLengthCodes[symbol])
      write(extra, count: extraBits)
    }
  }

  /// A dynamic block whose code lengths are mostly zeros, written with 17 and 18: only the literals and
  /// length symbols the tokens use have codes (plus 256), as real encoders make them.
  mutating func sparseDynamicBlock(size: Int, isFinal: Bool, using random: inout SplitMix) {
    let tokens = tokens(size: size, using: &random)
    write(isFinal ? 5 : 4, count: 3)
    var usedLiterals: Set<Int> = [256]
    var usedDistances: Set<Int> = []
    for token in tokens {
      switch token {
      case .literal(let byte): usedLiterals.insert(Int(byte))
      case .match(let length, let distance):
        usedLiterals.insert(257 + Self.lengthBases.lastIndex { $0 <= length }!)
        usedDistances.insert(Self.distanceBases.lastIndex { $0 <= distance }!)
      }
    }
    // A complete code needs two symbols at least: pad with unused ones.
    while usedLiterals.count < 2 { usedLiterals.insert(Int.random(in: 0...255, using: &random)) }
    while usedDistances.count < 2 { usedDistances.insert(Int.random(in: 0..<30, using: &random)) }
    let literalCount = max(257, usedLiterals.max()! + 1)
    let distanceCount = usedDistances.max()! + 1
    func lengths(of used: Set<Int>, count: Int) -> [Int] {
      let complete = Self.randomCompleteLengths(count: used.count, longest: 15, using: &random)
      var lengths = [Int](repeating: 0, count: count)
      for (symbol, length) in zip(used.sorted(), complete) { lengths[symbol] = length }
      return lengths
    }
    let all = lengths(of: usedLiterals, count: literalCount) + lengths(of: usedDistances, count: distanceCount)
    write(literalCount - 257, count: 5)
    write(distanceCount - 1, count: 5)
    write(19 - 4, count: 4)
    var symbols: [(symbol: Int, extra: Int, extraBits: Int)] = []
    var index = 0
    while index < all.count {
      var run = 1
      while index + run < all.count && all[index + run] == 0 && all[index] == 0 { run += 1 }
      if all[index] == 0 && run >= 11 {
        let taken = min(run, 138)
        symbols.append((18, taken - 11, 7))
        index += taken
      } else if all[index] == 0 && run >= 3 {
        let taken = min(run, 10)
        symbols.append((17, taken - 3, 3))
        index += taken
      } else {
        symbols.append((all[index], 0, 0))
        index += 1
      }
    }
    writeCodeLengths(symbols, using: &random)
    writeTokens(
      tokens, literal: Self.canonicalCodes(Array(all[..<literalCount])),
      distance: Self.canonicalCodes(Array(all[literalCount...])))
  }

  /// Pads the last byte with zero bits.
  mutating func finish() {
    if bitCount > 0 { write(0, count: 8 - bitCount) }
  }
}
