/// A canonical Huffman code (RFC 1951 §3.2.2) as decoding tables: codes of up to `fastBits` bits are
/// found with one lookup of the next `fastBits` input bits; longer codes (rare by construction: a 11-bit
/// code stands for a symbol seen about once in 2,000) are decoded bit by bit from the counts.
///
/// The tables live in memory the inflater allocates once and rebuilds for each block.
struct HuffmanDecoder {
  static let fastBits = 10
  static let fastMask: UInt64 = (1 << UInt64(fastBits)) - 1
  static let maximumCodeLength = 15

  /// Indexed by the next `fastBits` input bits (the first bit in the lowest place): the symbol shifted
  /// left by 4 and the code's length in the low 4 bits; 0 where the code is longer than `fastBits` or
  /// not assigned.
  let fast: UnsafeMutablePointer<UInt32>
  /// Codes of each length, 0...15 (index 0 unused).
  let counts: UnsafeMutablePointer<UInt16>
  /// Symbols in canonical code order (by length, then by symbol).
  let symbols: UnsafeMutablePointer<UInt16>
  let symbolCapacity: Int
  /// Symbols with a code, set by `build`.
  private(set) var symbolCount = 0

  /// The three tables in one allocation (an inflater makes three decoders for each entry it reads).
  init(symbolCapacity: Int) {
    let fastBytes = (1 << Self.fastBits) * MemoryLayout<UInt32>.stride
    let countBytes = (Self.maximumCodeLength + 1) * MemoryLayout<UInt16>.stride
    let memory = UnsafeMutableRawPointer.allocate(
      byteCount: fastBytes + countBytes + symbolCapacity * MemoryLayout<UInt16>.stride,
      alignment: MemoryLayout<UInt32>.alignment)
    fast = memory.bindMemory(to: UInt32.self, capacity: 1 << Self.fastBits)
    counts = (memory + fastBytes).bindMemory(to: UInt16.self, capacity: Self.maximumCodeLength + 1)
    symbols = (memory + fastBytes + countBytes).bindMemory(to: UInt16.self, capacity: symbolCapacity)
    self.symbolCapacity = symbolCapacity
  }

  func deallocate() {
    UnsafeMutableRawPointer(fast).deallocate()
  }

  /// Builds the code for `lengths` (0 = symbol unused). A code must be complete (every bit pattern a
  /// code) except, as zlib allows for literal/length and distance codes, a code of one symbol of length
  /// 1 or of no symbols at all: decoding the unassigned pattern is then `invalidSymbol`. `offset` is
  /// where errors are reported.
  mutating func build(lengths: UnsafePointer<UInt8>, count: Int, table: String, requiresComplete: Bool, offset: Int)
    throws(InflateError)
  {
    precondition(count <= symbolCapacity)
    counts.initialize(repeating: 0, count: Self.maximumCodeLength + 1)
    for symbol in 0..<count { counts[Int(lengths[symbol])] &+= 1 }
    counts[0] = 0
    var left = 1
    var longest = 0
    for length in 1...Self.maximumCodeLength {
      left <<= 1
      left -= Int(counts[length])
      if left < 0 { throw InflateError(.invalidCodeLengths(table: table), offset: offset) }
      if counts[length] != 0 { longest = length }
    }
    if left > 0 && (requiresComplete || longest > 1) { throw InflateError(.invalidCodeLengths(table: table), offset: offset) }

    // Where each length's symbols start in `symbols`.
    symbolCount = (1...Self.maximumCodeLength).reduce(0) { $0 + Int(counts[$1]) }
    // Rebuilt for every dynamic block: the starts live on the stack.
    withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.maximumCodeLength + 1) { start in
      start.initialize(repeating: 0)
      for length in 1..<Self.maximumCodeLength { start[length + 1] = start[length] + Int(counts[length]) }
      for symbol in 0..<count where lengths[symbol] != 0 {
        let length = Int(lengths[symbol])
        symbols[start[length]] = UInt16(symbol)
        start[length] += 1
      }
    }

    // Filled length by length, each code in one slot (libdeflate's way): once the codes up to `length` bits
    // are in, the table's first 2^length slots are whole, and a code of `length` bits reversed is one of
    // them; doubling the table (a copy of its filled part) repeats every shorter code where the next length
    // needs it. A complete code so fills every slot: with its codes up to `fastBits` long, and with 0 (to
    // decode slowly) in the slot of each longer code's first `fastBits` bits, set code by code rather than
    // by clearing the table first. An incomplete code has at most one code, of one bit (`left > 0` was
    // refused otherwise): its two slots are cleared first.
    let tableBits = min(Self.fastBits, max(1, longest))
    if left > 0 { fast.initialize(repeating: 0, count: 2) }
    var filled = 2
    var code = 0
    var index = 0
    Self.reversedCodes.withUnsafeBufferPointer { reversedCodes in
      for length in 1...tableBits {
        let count = Int(counts[length])
        if count > 0 {
          while filled < 1 << length {
            (fast + filled).update(from: fast, count: filled)
            filled <<= 1
          }
          // Codes are packed starting with their most significant bit; the table is indexed by input bits
          // as they arrive, so by the code reversed.
          let shift = Self.fastBits - length
          for _ in 0..<count {
            fast[Int(reversedCodes[code]) >> shift] = UInt32(symbols[index]) << 4 | UInt32(length)
            code += 1
            index += 1
          }
        }
        code <<= 1
      }
      while filled < 1 << Self.fastBits {
        (fast + filled).update(from: fast, count: filled)
        filled <<= 1
      }
      guard longest > Self.fastBits else { return }
      for length in Self.fastBits + 1...longest {
        for _ in 0..<Int(counts[length]) {
          fast[Int(reversedCodes[code >> (length - Self.fastBits)])] = 0
          code += 1
        }
        code <<= 1
      }
    }
  }

  /// Each `fastBits`-bit number with its bits in reverse order: a code of `length` bits reversed is its
  /// entry shifted right by `fastBits - length`.
  private static let reversedCodes: [UInt16] = (0..<(1 << fastBits)).map { code in
    var reversed = 0
    for bit in 0..<fastBits where code & (1 << bit) != 0 { reversed |= 1 << (fastBits - 1 - bit) }
    return UInt16(reversed)
  }

  /// The built tables as values (the fast table, the counts, the symbols), to keep a code that never
  /// changes and load it into a decoder.
  var tables: HuffmanTables {
    HuffmanTables(
      fast: Array(UnsafeBufferPointer(start: fast, count: 1 << Self.fastBits)),
      counts: Array(UnsafeBufferPointer(start: counts, count: Self.maximumCodeLength + 1)),
      symbols: Array(UnsafeBufferPointer(start: symbols, count: symbolCount)))
  }

  /// Makes this decoder the one `tables` were taken from: what `build` would make from the same lengths.
  mutating func load(_ tables: HuffmanTables) {
    precondition(tables.symbols.count <= symbolCapacity)
    tables.fast.withUnsafeBufferPointer { fast.update(from: $0.baseAddress!, count: $0.count) }
    tables.counts.withUnsafeBufferPointer { counts.update(from: $0.baseAddress!, count: $0.count) }
    tables.symbols.withUnsafeBufferPointer { buffer in
      if let start = buffer.baseAddress { symbols.update(from: start, count: buffer.count) }
    }
    symbolCount = tables.symbols.count
  }

  /// The fixed codes of RFC 1951 §3.2.6 (literal/length, and all 32 five-bit distance codes, so the code is
  /// complete; 30 and 31 are refused when they occur), built once: every block of a workbook the library
  /// wrote is a fixed-code block, and building them cost more than decoding a small part.
  static let fixedLiterals = fixedTables(count: 288) { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 }
  static let fixedDistances = fixedTables(count: 32) { _ in 5 }

  /// The tables `build` makes from the lengths `length(symbol)` of `count` symbols, which must be a
  /// complete code.
  static func fixedTables(count: Int, length: (Int) -> UInt8) -> HuffmanTables {
    var decoder = HuffmanDecoder(symbolCapacity: count)
    defer { decoder.deallocate() }
    let lengths = (0..<count).map(length)
    let built: Void? = lengths.withUnsafeBufferPointer { lengths in
      try? decoder.build(lengths: lengths.baseAddress!, count: count, table: "fixed", requiresComplete: true, offset: 0)
    }
    precondition(built != nil, "the fixed codes are complete")
    return decoder.tables
  }

  /// Decodes a code longer than `fastBits` (or an unassigned one) from `bits`, of which `available`
  /// are input: the symbol and the code's length, or nil when fewer bits are left than the code needs
  /// (the caller decides whether that is truncation). Throws `invalidSymbol` for an unassigned pattern.
  func decodeSlowly(_ bits: UInt64, available: Int, offset: Int) throws(InflateError) -> (symbol: Int, length: Int)? {
    var code = 0
    var first = 0
    var index = 0
    var rest = bits
    for length in 1...Self.maximumCodeLength {
      guard length <= available else { return nil }
      code |= Int(rest & 1)
      rest >>= 1
      let count = Int(counts[length])
      if code - first < count { return (Int(symbols[index + code - first]), length) }
      index += count
      // No longer codes: the pattern is unassigned (an incomplete code), however many bits follow.
      if index == symbolCount { break }
      first += count
      first <<= 1
      code <<= 1
    }
    throw InflateError(.invalidSymbol, offset: offset)
  }
}

/// A Huffman decoder's built tables, as values (`HuffmanDecoder.tables`).
struct HuffmanTables: Sendable, Equatable {
  let fast: [UInt32]
  let counts: [UInt16]
  let symbols: [UInt16]
}
