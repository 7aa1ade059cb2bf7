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
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
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
      default: return false
      }
      guard index + length <= count, bytes[index + 1] >= low, bytes[index + 1] <= high else { return false }
      for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
      index += length
    }
    return true
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
