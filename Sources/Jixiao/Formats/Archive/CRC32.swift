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
      // The byte `shift` bits up in `word` looked up in table `slice`.
      @inline(__always) func entry(_ slice: Int, _ word: UInt64, _ shift: UInt64) -> UInt32 {
        tables[slice &* 256 &+ Int(truncatingIfNeeded: (word &>> shift) & 0xFF)]
      }
      var index = 0
      let count = bytes.count
      while index &+ 16 <= count {
        let first = UInt64(littleEndian: UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self)) ^ UInt64(crc)
        let second = UInt64(littleEndian: UnsafeRawPointer(start + index + 8).loadUnaligned(as: UInt64.self))
        crc =
          entry(15, first, 0) ^ entry(14, first, 8) ^ entry(13, first, 16) ^ entry(12, first, 24)
          ^ entry(11, first, 32) ^ entry(10, first, 40) ^ entry(9, first, 48) ^ entry(8, first, 56)
          ^ entry(7, second, 0) ^ entry(6, second, 8) ^ entry(5, second, 16) ^ entry(4, second, 24)
          ^ entry(3, second, 32) ^ entry(2, second, 40) ^ entry(1, second, 48) ^ entry(0, second, 56)
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
