/// A ZIP archive of stored (uncompressed) entries: the smallest package `ZipArchive` reads, for the
/// workbooks jixiao makes itself (a finding's example, `ExampleWorkbook`) and those tests make.
enum StoredZip {
  static func archive(_ entries: [(name: String, text: String)]) -> [UInt8] {
    func u16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    func u32(_ value: UInt32) -> [UInt8] { u16(Int(value & 0xFFFF)) + u16(Int(value >> 16)) }
    var body: [UInt8] = []
    var directory: [UInt8] = []
    for (name, text) in entries {
      let data = Array(text.utf8)
      let nameBytes = Array(name.utf8)
      let crc = CRC32.checksum(data)
      let offset = UInt32(body.count)
      // Version 2.0, UTF-8 names (bit 11), stored, a fixed date (1980-01-01).
      body += u32(0x0403_4B50) + u16(20) + u16(0x800) + u16(0) + u16(0) + u16(0x21) + u32(crc)
      body += u32(UInt32(data.count)) + u32(UInt32(data.count)) + u16(nameBytes.count) + u16(0) + nameBytes + data
      directory += u32(0x0201_4B50) + u16(20) + u16(20) + u16(0x800) + u16(0) + u16(0) + u16(0x21) + u32(crc)
      directory += u32(UInt32(data.count)) + u32(UInt32(data.count)) + u16(nameBytes.count) + u16(0) + u16(0) + u16(0) + u16(0)
      directory += u32(0) + u32(offset) + nameBytes
    }
    let end = u32(0x0605_4B50) + u16(0) + u16(0) + u16(entries.count) + u16(entries.count)
    return body + directory + end + u32(UInt32(directory.count)) + u32(UInt32(body.count)) + u16(0)
  }
}
