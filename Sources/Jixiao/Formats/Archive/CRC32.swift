/// CRC-32 as ZIP uses it (ISO 3309, the reflected polynomial 0xEDB88320), eight bytes a step
/// ("slicing by 8"): every inflated entry is checked, so this runs over every byte of a workbook.
public enum CRC32 {
  /// Eight 256-entry tables: table k gives the CRC of a byte followed by k zero bytes.
  private static let tables: [UInt32] = {
    var tables = [UInt32](repeating: 0, count: 8 * 256)
    for byte in 0..<256 {
      var crc = UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
      tables[byte] = crc
    }
    for byte in 0..<256 {
      for slice in 1..<8 {
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
      var index = 0
      let count = bytes.count
      while index + 8 <= count {
        let word = UInt64(littleEndian: UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self))
        let low = UInt32(truncatingIfNeeded: word) ^ crc
        let high = UInt32(truncatingIfNeeded: word >> 32)
        crc =
          tables[7 * 256 + Int(low & 0xFF)] ^ tables[6 * 256 + Int((low >> 8) & 0xFF)]
          ^ tables[5 * 256 + Int((low >> 16) & 0xFF)] ^ tables[4 * 256 + Int(low >> 24)]
          ^ tables[3 * 256 + Int(high & 0xFF)] ^ tables[2 * 256 + Int((high >> 8) & 0xFF)]
          ^ tables[1 * 256 + Int((high >> 16) & 0xFF)] ^ tables[Int(high >> 24)]
        index += 8
      }
      while index < count {
        crc = (crc >> 8) ^ tables[Int((crc ^ UInt32(start[index])) & 0xFF)]
        index += 1
      }
      return ~crc
    }
  }
}
