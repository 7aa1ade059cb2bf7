import Foundation

/// UTF-8 well-formedness (Unicode Table 3-7) on a byte buffer, without generic dispatch: the direct
/// decoder checks every string with it before `String(decoding:)` copies the bytes.
enum UTF8Validation {
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        // A run of ASCII (a record's structure, numbers, codes) eight bytes at a time.
        while index + 8 <= count,
          UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
          index += 8
        }
        continue
      }
      // The three-byte forms without a range restriction (E1…EC, EE, EF: CJK, full-width forms), in one test.
      if lead >= 0xE1, lead != 0xED, lead <= 0xEF, index + 2 < count,
        bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80
      {
        index += 3
        continue
      }
      let length = sequenceLength(base + index, available: count - index)
      guard length > 0 else { return false }
      index += length
    }
    return true
  }

  /// The length of the well-formed sequence that starts at `lead` (a byte above 0x7F) within `available`
  /// bytes, or 0 when it is ill-formed (Table 3-7: no overlong form, no surrogate, nothing above U+10FFFF).
  static func sequenceLength(_ lead: UnsafePointer<UInt8>, available: Int) -> Int {
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead[0] {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: return 0
    }
    guard length <= available, lead[1] >= low, lead[1] <= high else { return 0 }
    for offset in 2..<length where lead[offset] & 0xC0 != 0x80 { return 0 }
    return length
  }

  /// The text of well-formed bytes; `nil` otherwise. `String(decoding:)` validates as it copies and
  /// replaces what is ill-formed, so the bytes were well-formed exactly when the copy equals them.
  static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    let text = String(decoding: bytes, as: UTF8.self)
    let same = text.utf8.withContiguousStorageIfAvailable { copy in
      copy.count == bytes.count && (bytes.isEmpty || memcmp(copy.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
    }
    return same ?? isValid(bytes) ? text : nil
  }
}

/// One pass over a JSON string's bytes (from just after its opening quote): where the string's plain run
/// stops and why, and whether the bytes before the stop are well-formed UTF-8. Its definition is
/// `reference(_:from:)`, which finds the stop byte by byte and validates with `UTF8Validation.isValid`;
/// `scan` does both at once, eight bytes at a time over runs of plain ASCII and two CJK characters in one
/// test (`JSONStringScanTests` holds the two equal on random and adversarial bytes).
struct JSONStringScan: Equatable {
  enum Stop: Equatable {
    /// The closing quote, at `end`.
    case quote
    /// A backslash at `end`: the string has an escape.
    case backslash
    /// A control character (below U+0020) at `end`, which JSON forbids unescaped.
    case control
    /// The record ends (`end` is its length) inside the string.
    case end
  }

  /// The index of the stopping byte (the buffer's count when the string does not end).
  var end: Int
  var stop: Stop
  /// The bytes from the start to `end` are well-formed UTF-8.
  var isValidUTF8: Bool

  /// The definition: the first `"`, `\` or control character at or after `start`, and `isValid` on the
  /// bytes before it.
  static func reference(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> JSONStringScan {
    let end = bytes[start...].firstIndex { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 } ?? bytes.count
    let stop: Stop =
      end == bytes.count
      ? .end : bytes[end] == UInt8(ascii: "\"") ? .quote : bytes[end] == UInt8(ascii: "\\") ? .backslash : .control
    return JSONStringScan(
      end: end, stop: stop, isValidUTF8: UTF8Validation.isValid(UnsafeBufferPointer(rebasing: bytes[start..<end])))
  }

  /// `reference`, in one pass.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> JSONStringScan {
    inlinedScan(bytes, from: start)
  }

  /// `scan`, inlined where a loop reads a string a turn (the JSON decoder's indicator members): a call costs its
  /// frame, a fifth of a short string's scan.
  @inline(always)
  static func inlinedScan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> JSONStringScan {
    let count = bytes.count
    guard let base = bytes.baseAddress else { return JSONStringScan(end: count, stop: .end, isValidUTF8: true) }
    var cursor = start
    // (Offsets within the buffer: their sums do not overflow.)
    while true {
      // A byte above ASCII starts its run at once (a string of CJK text, nearly always).
      if cursor >= count || base[cursor] < 0x80 {
        // To the next byte that is no plain ASCII, eight bytes at a time (the last few one at a time).
        if cursor &+ 8 <= count {
          let special = specialBytes(UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self))
          if special == 0 {
            cursor &+= 8
            continue
          }
          cursor &+= special.trailingZeroBitCount >> 3
        } else {
          while cursor < count, isPlainASCII(base[cursor]) { cursor &+= 1 }
          guard cursor < count else { return JSONStringScan(end: count, stop: .end, isValidUTF8: true) }
        }
        let byte = base[cursor]
        if byte < 0x80 {
          let stop: Stop = byte == UInt8(ascii: "\"") ? .quote : byte == UInt8(ascii: "\\") ? .backslash : .control
          return JSONStringScan(end: cursor, stop: stop, isValidUTF8: true)
        }
      }
      // A run of characters above ASCII (CJK, nearly always), whose continuation bytes are never a stop byte.
      repeat {
        // Four, or two, three-byte forms without a range restriction (E1…EC, EE, EF: CJK, full-width forms),
        // two in one test (a word that fails it is not tested again).
        if cursor &+ 14 <= count {
          let raw = UnsafeRawPointer(base + cursor)
          if areTwoUnrestricted(raw.loadUnaligned(as: UInt64.self)) {
            cursor &+= areTwoUnrestricted(raw.loadUnaligned(fromByteOffset: 6, as: UInt64.self)) ? 12 : 6
            continue
          }
        } else if cursor &+ 8 <= count, areTwoUnrestricted(UnsafeRawPointer(base + cursor).loadUnaligned(as: UInt64.self)) {
          cursor &+= 6
          continue
        }
        // One of them.
        if cursor &+ 2 < count, isUnrestrictedLead(UInt64(base[cursor])), base[cursor] & 0xF0 == 0xE0,
          (UInt16(base[cursor &+ 1]) | UInt16(base[cursor &+ 2]) << 8) & 0xC0C0 == 0x8080
        {
          cursor &+= 3
          continue
        }
        let length = UTF8Validation.sequenceLength(base + cursor, available: count - cursor)
        guard length > 0 else { return finishInvalid(bytes, from: cursor) }
        cursor &+= length
      } while cursor < count && base[cursor] >= 0x80
      // The run ends the string, nearly always: its closing quote, told without another word's test.
      if cursor < count, base[cursor] == UInt8(ascii: "\"") {
        return JSONStringScan(end: cursor, stop: .quote, isValidUTF8: true)
      }
    }
  }

  /// The first six bytes of `word` are two three-byte forms whose leads take any continuation bytes
  /// (`isUnrestrictedLead`), told without a branch: each lead's low nibble is neither 0 nor D, so that adding
  /// F to it, and to it with D flipped, carries into bit 4.
  @inline(__always)
  private static func areTwoUnrestricted(_ word: UInt64) -> Bool {
    guard word & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0 else { return false }
    let nibbles = word & 0x0F00_000F
    let carries = (nibbles &+ 0x0F00_000F) & ((nibbles ^ 0x0D00_000D) &+ 0x0F00_000F)
    return carries & 0x1000_0010 == 0x1000_0010
  }

  /// Whether an E-byte lead (in the low byte of `lead`) takes any continuation bytes: not E0 (which must
  /// not be overlong) nor ED (which must not encode a surrogate).
  @inline(__always)
  private static func isUnrestrictedLead(_ lead: UInt64) -> Bool {
    let low = lead & 0x0F
    return low != 0 && low != 0x0D
  }

  @inline(__always)
  private static func isPlainASCII(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
  }

  /// The stop after an ill-formed sequence at `cursor`: only the stop byte is left to find.
  private static func finishInvalid(_ bytes: UnsafeBufferPointer<UInt8>, from cursor: Int) -> JSONStringScan {
    var found = reference(bytes, from: cursor)
    found.isValidUTF8 = false
    return found
  }

  /// The high bit of each byte of `word` that is below 0x20, `"`, `\` or above 0x7F, exact up to the first
  /// such byte (SWAR: the bytes after it may be marked wrongly, which does not matter here, as the scan
  /// stops at the first).
  @inline(__always)
  private static func specialBytes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let below20 = word &- ones &* 0x20
    let quoteZero = (quote &- ones) & ~quote
    let backslashZero = (backslash &- ones) & ~backslash
    return (below20 | quoteZero | backslashZero | word) & highs
  }
}
