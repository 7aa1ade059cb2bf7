/// A DEFLATE encoder (RFC 1951) that a workbook writer can afford to be simple with: greedy LZ77 over a
/// 32 KiB window (a hash of the next three bytes, a short chain of earlier places), coded in one block of
/// the fixed Huffman codes (§3.2.6). Markup repeats itself, so this compresses a worksheet several times;
/// a dynamic-Huffman block would gain a further fifth or so, which a writer of reports does not need.
/// `Inflate` reads what it writes (`DeflateTests`).
public enum Deflate {
  /// The raw DEFLATE stream (no zlib or gzip wrapper) of `input`.
  public static func compress(_ input: [UInt8]) -> [UInt8] {
    input.withUnsafeBufferPointer { compress($0) }
  }

  public static func compress(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var encoder = FixedBlockEncoder(expectedInput: input.count)
    encoder.writeBits(0b011, count: 3)  // BFINAL = 1, BTYPE = 01 (fixed codes)
    let count = input.count
    guard let bytes = input.baseAddress, count > 0 else {
      encoder.writeSymbol(256)
      return encoder.finish()
    }
    let window = 1 << 15
    let hashBits = 15
    let maximumChain = 32
    var heads = [Int32](repeating: -1, count: 1 << hashBits)
    var previous = [Int32](repeating: -1, count: window)
    func hash(_ position: Int) -> Int {
      let key = UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position + 2]) << 16
      return Int((key &* 0x9E37_79B1) >> UInt32(32 - hashBits))
    }
    func insert(_ position: Int) {
      guard position + 3 <= count else { return }
      let key = hash(position)
      previous[position & (window - 1)] = heads[key]
      heads[key] = Int32(position)
    }
    var position = 0
    while position < count {
      var bestLength = 0
      var bestDistance = 0
      if position + 3 <= count {
        var candidate = Int(heads[hash(position)])
        var chain = maximumChain
        let longest = min(258, count - position)
        while candidate >= 0, position - candidate <= window, chain > 0 {
          if bytes[candidate + bestLength] == bytes[position + bestLength] {
            var length = 0
            while length < longest, bytes[candidate + length] == bytes[position + length] { length += 1 }
            if length > bestLength {
              bestLength = length
              bestDistance = position - candidate
              if length == longest { break }
            }
          }
          let next = Int(previous[candidate & (window - 1)])
          guard next < candidate else { break }
          candidate = next
          chain -= 1
        }
      }
      if bestLength >= 3 {
        encoder.writeMatch(length: bestLength, distance: bestDistance)
        for skipped in position..<position + bestLength { insert(skipped) }
        position += bestLength
      } else {
        encoder.writeSymbol(Int(bytes[position]))
        insert(position)
        position += 1
      }
    }
    encoder.writeSymbol(256)
    return encoder.finish()
  }
}

/// Writes the symbols of a fixed-Huffman block, least significant bit first (RFC 1951 §3.1.1), each
/// Huffman code with its bits reversed so that it reads most significant bit first.
private struct FixedBlockEncoder {
  private var output: [UInt8] = []
  private var bits: UInt64 = 0
  private var bitCount = 0

  /// Literal/length symbol → its code, reversed, and the code's length in the low byte.
  private static let literalCodes: [UInt32] = (0..<288).map { symbol in
    let (code, length): (Int, Int) =
      switch symbol {
      case 0...143: (0x30 + symbol, 8)
      case 144...255: (0x190 + symbol - 144, 9)
      case 256...279: (symbol - 256, 7)
      default: (0xC0 + symbol - 280, 8)
      }
    return reversed(code, length) << 8 | UInt32(length)
  }
  private static let lengthBases = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
  ]
  private static let lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
  private static let distanceBases = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
  ]
  private static let distanceExtraBits = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
  ]
  /// Match length 3...258 → its length code (0...28, for symbols 257...285).
  private static let lengthCodeOf: [UInt8] = (0...258).map { length in
    UInt8(max(0, (lengthBases.lastIndex { $0 <= length }) ?? 0))
  }

  private static func reversed(_ code: Int, _ length: Int) -> UInt32 {
    var result: UInt32 = 0
    for bit in 0..<length where code & (1 << bit) != 0 { result |= 1 << UInt32(length - 1 - bit) }
    return result
  }

  init(expectedInput: Int) {
    output.reserveCapacity(expectedInput / 3 + 16)
  }

  mutating func writeBits(_ value: UInt32, count: Int) {
    bits |= UInt64(value) << UInt64(bitCount)
    bitCount += count
    while bitCount >= 8 {
      output.append(UInt8(truncatingIfNeeded: bits))
      bits >>= 8
      bitCount -= 8
    }
  }

  mutating func writeSymbol(_ symbol: Int) {
    let code = Self.literalCodes[symbol]
    writeBits(code >> 8, count: Int(code & 0xFF))
  }

  mutating func writeMatch(length: Int, distance: Int) {
    let lengthCode = Int(Self.lengthCodeOf[length])
    writeSymbol(257 + lengthCode)
    writeBits(UInt32(length - Self.lengthBases[lengthCode]), count: Self.lengthExtraBits[lengthCode])
    var distanceCode = 29
    while Self.distanceBases[distanceCode] > distance { distanceCode -= 1 }
    writeBits(Self.reversed(distanceCode, 5), count: 5)
    writeBits(UInt32(distance - Self.distanceBases[distanceCode]), count: Self.distanceExtraBits[distanceCode])
  }

  mutating func finish() -> [UInt8] {
    if bitCount > 0 { output.append(UInt8(truncatingIfNeeded: bits)) }
    bits = 0
    bitCount = 0
    return output
  }
}
