/// CRC-32 as ZIP uses it (ISO 3309, the reflected polynomial 0xEDB88320), sixteen bytes a step
/// ("slicing by 16"): every inflated entry is checked, so this runs over every byte of a workbook.
public enum CRC32 {
  static let slices = 16

  /// Sixteen 256-entry tables: table k gives the CRC of a byte followed by k zero bytes.
  private static let tables: [UInt32] = {
    var tables = [UInt32](repeating: 0, count: slices * 256)
    for byte in 0..<256 {
      var crc = UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
      tables[byte] = crc
    }
    for byte in 0..<256 {
      for slice in 1..<slices {
        let previous = tables[(slice - 1) * 256 + byte]
        tables[slice * 256 + byte] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
      }
    }
    return tables
  }()

  public static func checksum(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBufferPointer { checksum($0) }
  }

  public static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    tables.withUnsafeBufferPointer { tables in
      var crc: UInt32 = 0xFFFF_FFFF
      guard let start = bytes.baseAddress else { return 0 }
      // The byte `shift` bits up in `word` looked up in table `slice`. Words of 32 bits: x86 takes their
      // two low bytes without a shift, which 64-bit words would need for six of their eight.
      @inline(__always) func entry(_ slice: Int, _ word: UInt32, _ shift: UInt32) -> UInt32 {
        tables[slice &* 256 &+ Int(truncatingIfNeeded: (word &>> shift) & 0xFF)]
      }
      @inline(__always) func word(_ at: Int) -> UInt32 {
        UInt32(littleEndian: UnsafeRawPointer(start + at).loadUnaligned(as: UInt32.self))
      }
      var index = 0
      let count = bytes.count
      while index &+ 16 <= count {
        let first = word(index) ^ crc
        let second = word(index &+ 4)
        let third = word(index &+ 8)
        let fourth = word(index &+ 12)
        crc =
          entry(15, first, 0) ^ entry(14, first, 8) ^ entry(13, first, 16) ^ entry(12, first, 24)
          ^ entry(11, second, 0) ^ entry(10, second, 8) ^ entry(9, second, 16) ^ entry(8, second, 24)
          ^ entry(7, third, 0) ^ entry(6, third, 8) ^ entry(5, third, 16) ^ entry(4, third, 24)
          ^ entry(3, fourth, 0) ^ entry(2, fourth, 8) ^ entry(1, fourth, 16) ^ entry(0, fourth, 24)
        index &+= 16
      }
      while index < count {
        crc = (crc >> 8) ^ tables[Int((crc ^ UInt32(start[index])) & 0xFF)]
        index &+= 1
      }
      return ~crc
    }
  }
}
