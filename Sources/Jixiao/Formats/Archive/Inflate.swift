/// A DEFLATE decoder (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks. It stops with an
/// `InflateError` on any malformed stream and as soon as the output would pass the caller's limit, so a
/// hostile stream costs at most `limit` bytes of memory; it never traps.
public enum Inflate {
  /// Inflates `input`, a raw DEFLATE stream (no zlib or gzip wrapper), into at most `limit` bytes.
  /// `expectedSize` (a ZIP entry's declared size) only sizes the first allocation. Bytes after the
  /// final block are ignored.
  public static func decompress(_ input: [UInt8], limit: Int, expectedSize: Int? = nil) throws(InflateError) -> [UInt8] {
    try input.withUnsafeBufferPointer { buffer throws(InflateError) in
      try decompress(buffer, limit: limit, expectedSize: expectedSize)
    }
  }

  /// `decompress(_:limit:expectedSize:)` on bytes in memory the caller keeps alive for the call.
  public static func decompress(_ input: UnsafeBufferPointer<UInt8>, limit: Int, expectedSize: Int? = nil)
    throws(InflateError) -> [UInt8]
  {
    guard let start = input.baseAddress, !input.isEmpty else { throw InflateError(.truncated, offset: 0) }
    let limit = max(0, limit)
    if let expectedSize, expectedSize > 0, expectedSize <= limit {
      // The size a ZIP entry declares is almost always right: inflate straight into the array, not into a
      // buffer copied at the end. Should the stream be longer, the inflater moves to a buffer of its own.
      var error: InflateError?
      var grown: [UInt8]?
      let output = [UInt8](unsafeUninitializedCapacity: expectedSize) { buffer, initialized in
        var inflater = Inflater(input: start, count: input.count, limit: limit, into: buffer.baseAddress!, capacity: expectedSize)
        defer { inflater.deallocate() }
        do throws(InflateError) {
          try inflater.run()
        } catch let failure {
          error = failure
          return
        }
        if inflater.ownsOutput {
          grown = Array(UnsafeBufferPointer(start: inflater.output, count: inflater.outputCount))
        } else {
          initialized = inflater.outputCount
        }
      }
      if let error { throw error }
      return grown ?? output
    }
    var inflater = Inflater(input: start, count: input.count, limit: limit, expectedSize: expectedSize)
    defer { inflater.deallocate() }
    try inflater.run()
    return Array(UnsafeBufferPointer(start: inflater.output, count: inflater.outputCount))
  }
}

/// The decoder's state: the input read through a 64-bit bit buffer (bits in arrival order from the
/// lowest place), and an output buffer that grows by doubling up to the limit.
private struct Inflater {
  private let input: UnsafePointer<UInt8>
  private let inputCount: Int
  private var position = 0
  private var bits: UInt64 = 0
  private var bitCount = 0

  private(set) var output: UnsafeMutablePointer<UInt8>
  private(set) var outputCount = 0
  private var capacity: Int
  /// Whether `output` was allocated here (and is freed here), or is the caller's.
  private(set) var ownsOutput = true
  private let limit: Int

  private var literals = HuffmanDecoder(symbolCapacity: 288)
  private var distances = HuffmanDecoder(symbolCapacity: 32)
  private var codeLengthCodes = HuffmanDecoder(symbolCapacity: 19)
  /// Length symbols 257...285, then distance symbols 0...29 (from `distanceCodes` on): the base value
  /// shifted left by 8, and the count of extra bits in the low 8 bits (RFC 1951 §3.2.5). Together, so that
  /// the fast loop reaches both from one register; and in one allocation with `lengths`.
  private let lengthCodes: UnsafeMutablePointer<UInt32>
  private var distanceCodes: UnsafeMutablePointer<UInt32> { lengthCodes + 29 }
  /// The code lengths of a dynamic block: literal/length codes, then distance codes.
  private let lengths: UnsafeMutablePointer<UInt8>

  private static let lengthBases: [UInt32] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
  ]
  private static let lengthExtraBits: [UInt32] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  private static let distanceBases: [UInt32] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
    6145, 8193, 12289, 16385, 24577,
  ]
  private static let distanceExtraBits: [UInt32] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
  ]
  private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
  /// What `lengthCodes` holds, made once.
  private static let matchCodes: [UInt32] =
    (0..<29).map { lengthBases[$0] << 8 | lengthExtraBits[$0] } + (0..<30).map { distanceBases[$0] << 8 | distanceExtraBits[$0] }

  private init(
    input: UnsafePointer<UInt8>, count: Int, limit: Int, output: UnsafeMutablePointer<UInt8>, capacity: Int, ownsOutput: Bool
  ) {
    self.input = input
    inputCount = count
    self.limit = limit
    self.output = output
    self.capacity = capacity
    self.ownsOutput = ownsOutput
    let codeBytes = Self.matchCodes.count * MemoryLayout<UInt32>.stride
    let memory = UnsafeMutableRawPointer.allocate(byteCount: codeBytes + 320, alignment: MemoryLayout<UInt32>.alignment)
    lengthCodes = memory.bindMemory(to: UInt32.self, capacity: Self.matchCodes.count)
    lengths = (memory + codeBytes).bindMemory(to: UInt8.self, capacity: 320)
    Self.matchCodes.withUnsafeBufferPointer { lengthCodes.initialize(from: $0.baseAddress!, count: $0.count) }
  }

  init(input: UnsafePointer<UInt8>, count: Int, limit: Int, expectedSize: Int?) {
    let capacity = max(1, min(limit, expectedSize ?? max(4096, count &* 4)))
    self.init(
      input: input, count: count, limit: limit, output: .allocate(capacity: capacity), capacity: capacity, ownsOutput: true)
  }

  /// An inflater writing into the caller's `capacity` bytes at `output` until it needs more.
  init(input: UnsafePointer<UInt8>, count: Int, limit: Int, into output: UnsafeMutablePointer<UInt8>, capacity: Int) {
    self.init(input: input, count: count, limit: limit, output: output, capacity: capacity, ownsOutput: false)
  }

  func deallocate() {
    if ownsOutput { output.deallocate() }
    literals.deallocate()
    distances.deallocate()
    codeLengthCodes.deallocate()
    UnsafeMutableRawPointer(lengthCodes).deallocate()
  }

  /// The input byte being read, for error messages.
  private var offset: Int { position - bitCount >> 3 }

  mutating func run() throws(InflateError) {
    var isFinal = false
    while !isFinal {
      let header = try take(3)
      isFinal = header & 1 == 1
      switch header >> 1 {
      case 0: try copyStoredBlock()
      case 1:
        buildFixedCodes()
        try decodeBlock()
      case 2:
        try readDynamicCodes()
        try decodeBlock()
      default: throw InflateError(.reservedBlockType, offset: offset)
      }
    }
  }

  /// Tops the bit buffer up to at least 56 bits, or to the end of the input. Bits above `bitCount` are
  /// either zero or the input's next bits, so reading past `bitCount` only ever sees real input.
  @inline(__always)
  private mutating func refill() {
    if position &+ 8 <= inputCount {
      let word = UInt64(littleEndian: UnsafeRawPointer(input + position).loadUnaligned(as: UInt64.self))
      bits |= word << UInt64(bitCount)
      position &+= (63 &- bitCount) >> 3
      bitCount |= 56
    } else {
      while bitCount <= 56 && position < inputCount {
        bits |= UInt64(input[position]) << UInt64(bitCount)
        position &+= 1
        bitCount &+= 8
      }
    }
  }

  /// The next `count` (at most 32) bits as a number, the first in the lowest place.
  @inline(__always)
  private mutating func take(_ count: Int) throws(InflateError) -> Int {
    if bitCount < count { refill() }
    guard bitCount >= count else { throw InflateError(.truncated, offset: offset) }
    let value = Int(truncatingIfNeeded: bits & ((1 << UInt64(count)) &- 1))
    bits >>= UInt64(count)
    bitCount &-= count
    return value
  }

  /// `take(_:)` for the extra bits of a length or distance, which `decodeBlock` has already refilled for.
  @inline(__always)
  private mutating func takeExtra(_ count: Int) throws(InflateError) -> Int {
    guard bitCount >= count else { throw InflateError(.truncated, offset: offset) }
    let value = Int(truncatingIfNeeded: bits & ((1 << UInt64(count)) &- 1))
    bits >>= UInt64(count)
    bitCount &-= count
    return value
  }

  @inline(__always)
  private mutating func decodeSymbol(_ code: HuffmanDecoder) throws(InflateError) -> Int {
    let entry = code.fast[Int(truncatingIfNeeded: bits & HuffmanDecoder.fastMask)]
    let symbol: Int
    let length: Int
    if entry != 0 {
      symbol = Int(entry >> 4)
      length = Int(entry & 15)
    } else {
      guard let slow = try code.decodeSlowly(bits, available: bitCount, offset: offset) else {
        throw InflateError(.truncated, offset: offset)
      }
      (symbol, length) = slow
    }
    guard length <= bitCount else { throw InflateError(.truncated, offset: offset) }
    bits >>= UInt64(length)
    bitCount &-= length
    return symbol
  }

  /// Makes room for `count` more output bytes, refusing to pass the limit.
  @inline(__always)
  private mutating func reserve(_ count: Int) throws(InflateError) {
    if outputCount &+ count > capacity { try grow(count) }
  }

  private mutating func grow(_ count: Int) throws(InflateError) {
    guard outputCount + count <= limit else { throw InflateError(.outputLimitExceeded(limit: limit), offset: offset) }
    let newCapacity = min(limit, max(capacity * 2, outputCount + count))
    let newOutput = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newOutput.update(from: output, count: outputCount)
    if ownsOutput { output.deallocate() }
    output = newOutput
    ownsOutput = true
    capacity = newCapacity
  }

  private mutating func copyStoredBlock() throws(InflateError) {
    // The block starts at the next byte boundary: drop the partial byte, and give back whole bytes the
    // bit buffer had read ahead.
    bits = 0
    position -= bitCount >> 3
    bitCount = 0
    guard position + 4 <= inputCount else { throw InflateError(.truncated, offset: position) }
    let length = Int(input[position]) | Int(input[position + 1]) << 8
    let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
    guard length == ~complement & 0xFFFF else { throw InflateError(.storedLengthMismatch, offset: position) }
    position += 4
    guard position + length <= inputCount else { throw InflateError(.truncated, offset: inputCount) }
    try reserve(length)
    (output + outputCount).update(from: input + position, count: length)
    outputCount += length
    position += length
  }

  private mutating func buildFixedCodes() {
    literals.load(HuffmanDecoder.fixedLiterals)
    distances.load(HuffmanDecoder.fixedDistances)
  }

  private mutating func readDynamicCodes() throws(InflateError) {
    let literalCount = try take(5) + 257
    let distanceCount = try take(5) + 1
    let codeLengthCount = try take(4) + 4
    guard literalCount <= 286, distanceCount <= 30 else { throw InflateError(.tooManyCodes, offset: offset) }

    lengths.initialize(repeating: 0, count: 19)
    for index in 0..<codeLengthCount { lengths[Self.codeLengthOrder[index]] = UInt8(try take(3)) }
    try codeLengthCodes.build(lengths: lengths, count: 19, table: "code-length", requiresComplete: true, offset: offset)

    let total = literalCount + distanceCount
    var index = 0
    while index < total {
      if bitCount < 16 { refill() }
      let symbol = try decodeSymbol(codeLengthCodes)
      if symbol < 16 {
        lengths[index] = UInt8(symbol)
        index += 1
        continue
      }
      let value: UInt8
      let repeats: Int
      switch symbol {
      case 16:
        guard index > 0 else { throw InflateError(.repeatWithoutPrevious, offset: offset) }
        value = lengths[index - 1]
        repeats = 3 + (try take(2))
      case 17:
        value = 0
        repeats = 3 + (try take(3))
      default:
        value = 0
        repeats = 11 + (try take(7))
      }
      guard index + repeats <= total else { throw InflateError(.codeLengthsOverrun, offset: offset) }
      (lengths + index).update(repeating: value, count: repeats)
      index += repeats
    }
    guard lengths[256] != 0 else { throw InflateError(.missingEndOfBlock, offset: offset) }
    try literals.build(
      lengths: lengths, count: literalCount, table: "literal/length", requiresComplete: false, offset: offset)
    try distances.build(
      lengths: lengths + literalCount, count: distanceCount, table: "distance", requiresComplete: false, offset: offset)
  }

  /// Decodes literals and length/distance pairs up to the end-of-block symbol: by `decodeFast` while the
  /// input and the output are far from their ends, symbol by symbol with every check near them and for
  /// what the fast loop leaves (codes past its table, matches past its room).
  private mutating func decodeBlock() throws(InflateError) {
    while true {
      switch try decodeFast() {
      case .endOfBlock: return
      case .nextSymbol: break
      case .distance(let length):
        try decodeDistance(length: length)
        continue
      case .match(let length, let distance):
        try copyMatch(length: length, distance: distance)
        continue
      }
      // 48 bits hold the longest pair: a 15-bit length code, 5 extra bits, a 15-bit distance code and
      // 13 extra bits.
      if bitCount < 48 { refill() }
      let symbol = try decodeSymbol(literals)
      if symbol < 256 {
        try reserve(1)
        output[outputCount] = UInt8(truncatingIfNeeded: symbol)
        outputCount &+= 1
        continue
      }
      if symbol == 256 { return }
      guard symbol < 286 else { throw InflateError(.invalidSymbol, offset: offset) }
      let lengthCode = lengthCodes[symbol &- 257]
      try decodeDistance(length: Int(lengthCode >> 8) &+ (try takeExtra(Int(lengthCode & 0xFF))))
    }
  }

  /// The distance of a match whose length is decoded, and the match copied.
  private mutating func decodeDistance(length: Int) throws(InflateError) {
    // 28 bits hold the longest distance: a 15-bit code and 13 extra bits.
    if bitCount < 28 { refill() }
    let distanceSymbol = try decodeSymbol(distances)
    guard distanceSymbol < 30 else { throw InflateError(.invalidSymbol, offset: offset) }
    let distanceCode = distanceCodes[distanceSymbol]
    let distance = Int(distanceCode >> 8) &+ (try takeExtra(Int(distanceCode & 0xFF)))
    guard distance <= outputCount else { throw InflateError(.distanceTooFarBack, offset: offset) }
    try copyMatch(length: length, distance: distance)
  }

  /// Copies a decoded match (its distance checked), making room for it first.
  private mutating func copyMatch(length: Int, distance: Int) throws(InflateError) {
    try reserve(length)
    let target = output + outputCount
    if distance >= 8 && outputCount &+ length &+ 8 <= capacity {
      // Eight bytes a step, past the end by up to seven (room the output has): a source eight or more
      // bytes back never holds a byte this step writes, so an overlapping copy repeats as it must.
      let source = target - distance
      var index = 0
      while index < length {
        UnsafeMutableRawPointer(target + index).storeBytes(
          of: UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self), as: UInt64.self)
        index &+= 8
      }
    } else {
      Self.copyMatchExactly(to: target, distance: distance, length: length)
    }
    outputCount &+= length
  }

  /// Copies a match of `length` bytes from `distance` back, writing nothing past its end: byte by byte where
  /// the source overlaps the bytes being written (each byte may be one this copy has just written).
  @inline(__always)
  private static func copyMatchExactly(to target: UnsafeMutablePointer<UInt8>, distance: Int, length: Int) {
    let source = target - distance
    if distance >= length {
      target.update(from: source, count: length)
    } else if distance == 1 {
      target.update(repeating: source.pointee, count: length)
    } else {
      for index in 0..<length { target[index] = source[index] }
    }
  }

  /// Where `decodeFast` stopped, and what it leaves to `decodeBlock`.
  private enum FastExit {
    case endOfBlock
    /// The next symbol, not yet taken, is for the checked path.
    case nextSymbol
    /// A match's length is decoded; its distance code, not yet taken, is for the checked path.
    case distance(length: Int)
    /// A match is decoded and checked, not yet copied: it needs more room than the fast loop's copies.
    case match(length: Int, distance: Int)
  }

  /// Decodes symbols for as long as at least eight input bytes lie past `position` and two bytes of room
  /// (two literals) past the output, and leaves the rest to `decodeBlock`: a code longer than the fast
  /// tables (not yet taken), a match whose copy (with its overrun) would pass the output's end.
  ///
  /// Safe by construction, without the checks `decodeBlock` makes a symbol: each step first loads eight
  /// real input bytes, leaving at least 56 bits in the buffer, and the longest step (a 10-bit length code
  /// from the table, 5 extra bits, a 10-bit distance code, 13 extra bits) takes 38, so no code or extra
  /// bits can be cut short; a match is copied only where the output has room for it and its overrun. The
  /// loop calls nothing (a call would cost registers the loop needs), and its state lives in locals (stores
  /// through `output` could otherwise alias it), written back on every way out, errors included, which are
  /// those and at the offsets `decodeBlock` gives.
  private mutating func decodeFast() throws(InflateError) -> FastExit {
    let input = self.input
    guard inputCount >= 8 else { return .nextSymbol }
    var next = input + position
    let last = input + (inputCount &- 8)
    var bits = self.bits
    var bitCount = self.bitCount
    var outputCount = self.outputCount
    let output = self.output
    let outputEnd = capacity &- 2
    let literalFast = literals.fast
    let distanceFast = distances.fast
    let codes = lengthCodes
    defer {
      self.bits = bits
      self.bitCount = bitCount
      self.position = input.distance(to: next)
      self.outputCount = outputCount
    }
    func failure(_ reason: InflateError.Reason) -> InflateError {
      InflateError(reason, offset: input.distance(to: next) &- bitCount &>> 3)
    }

    // Shifts mask their count (`&<<`, `&>>`): every count here is below 64 (a bit count at most 63, a code at
    // most 15 bits, extra bits at most 13), and the masking shifts spare the checks for 64 and beyond.
    while next <= last && outputCount <= outputEnd {
      bits |= UInt64(littleEndian: UnsafeRawPointer(next).loadUnaligned(as: UInt64.self)) &<< bitCount
      next += (63 &- bitCount) &>> 3
      bitCount |= 56

      var entry = literalFast[Int(truncatingIfNeeded: bits & HuffmanDecoder.fastMask)]
      if entry == 0 { return .nextSymbol }
      var length = Int(entry & 15)
      var symbol = Int(entry &>> 4)
      bits &>>= length
      bitCount &-= length
      if symbol < 256 {
        output[outputCount] = UInt8(truncatingIfNeeded: symbol)
        outputCount &+= 1
        // A second literal from the same refill (at least 41 bits are left, a code takes at most 15). A loop
        // over every literal the bits hold was measured: it cost more than it saved.
        entry = literalFast[Int(truncatingIfNeeded: bits & HuffmanDecoder.fastMask)]
        if entry != 0 && entry < 256 << 4 {
          output[outputCount] = UInt8(truncatingIfNeeded: entry &>> 4)
          outputCount &+= 1
          length = Int(entry & 15)
          bits &>>= length
          bitCount &-= length
        }
        continue
      }
      // One unsigned comparison for the 29 length symbols; the end of the block and 286, 287 fall outside.
      let lengthSymbol = symbol &- 257
      guard UInt(bitPattern: lengthSymbol) < 29 else {
        if symbol == 256 { return .endOfBlock }
        throw failure(.invalidSymbol)
      }
      let lengthCode = codes[lengthSymbol]
      var extra = Int(lengthCode & 0xFF)
      let matchLength = Int(lengthCode &>> 8) &+ Int(truncatingIfNeeded: bits & ((1 &<< UInt64(extra)) &- 1))
      bits &>>= extra
      bitCount &-= extra

      entry = distanceFast[Int(truncatingIfNeeded: bits & HuffmanDecoder.fastMask)]
      if entry == 0 { return .distance(length: matchLength) }
      length = Int(entry & 15)
      symbol = Int(entry &>> 4)
      bits &>>= length
      bitCount &-= length
      guard symbol < 30 else { throw failure(.invalidSymbol) }
      let distanceCode = codes[29 &+ symbol]
      extra = Int(distanceCode & 0xFF)
      let distance = Int(distanceCode &>> 8) &+ Int(truncatingIfNeeded: bits & ((1 &<< UInt64(extra)) &- 1))
      bits &>>= extra
      bitCount &-= extra
      guard distance <= outputCount else { throw failure(.distanceTooFarBack) }
      // Room for the match and the fifteen bytes a copy may write past it: outputCount + matchLength + 16
      // <= capacity, which is outputEnd + 2.
      guard matchLength <= outputEnd &- 14 &- outputCount else { return .match(length: matchLength, distance: distance) }

      // Every match is 3 bytes or more: the copies test for their end after a step, not before.
      let target = output + outputCount
      let source = output + (outputCount &- distance)
      if distance >= 16 {
        // Sixteen bytes a step, past the end by up to fifteen: both halves are read before either is
        // written, and a source sixteen or more bytes back holds no byte the step writes.
        var index = 0
        repeat {
          let low = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
          let high = UnsafeRawPointer(source + index + 8).loadUnaligned(as: UInt64.self)
          UnsafeMutableRawPointer(target + index).storeBytes(of: low, as: UInt64.self)
          UnsafeMutableRawPointer(target + index + 8).storeBytes(of: high, as: UInt64.self)
          index &+= 16
        } while index < matchLength
      } else if distance >= 8 {
        // As in `copyMatch`: eight bytes a step.
        var index = 0
        repeat {
          UnsafeMutableRawPointer(target + index).storeBytes(
            of: UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self), as: UInt64.self)
          index &+= 8
        } while index < matchLength
      } else if distance == 1 {
        // One byte repeated: eight of it a step, past the end by up to seven.
        let pattern = UInt64(source.pointee) &* 0x0101_0101_0101_0101
        var index = 0
        repeat {
          UnsafeMutableRawPointer(target + index).storeBytes(of: pattern, as: UInt64.self)
          index &+= 8
        } while index < matchLength
      } else {
        // Overlapping: each byte may be one this copy has just written.
        var index = 0
        repeat {
          target[index] = source[index]
          index &+= 1
        } while index < matchLength
      }
      outputCount &+= matchLength
    }
    return .nextSymbol
  }
}
