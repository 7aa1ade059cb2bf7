import Foundation

/// libFuzzer entry: any bytes as a raw DEFLATE stream (and as data that `Deflate` and `ZipWriter` write
/// and must read back), a ZIP archive or an XML part (the first byte picks). Nothing may trap or hang; an inflated stream never passes its limit; every entry that reads
/// back matches its declared size and CRC; every error names the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZip(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  switch data[0] % 3 {
  case 0:
    let limit = 1 << 20
    if let output = try? Inflate.decompress(bytes, limit: limit) {
      precondition(output.count <= limit, "the inflater passed its limit")
    }
    // The same bytes written: deflated and inflated back, and as an archive of two entries read back.
    precondition(
      (try? Inflate.decompress(Deflate.compress(bytes), limit: bytes.count)) == bytes, "Deflate and Inflate disagree")
    var writer = ZipWriter()
    if (try? writer.add("a.bin", bytes)) != nil, (try? writer.add("b/c.bin", bytes, method: .stored)) != nil,
      let written = try? writer.finish()
    {
      let archive = try? ZipArchive(bytes: written, file: "written.zip")
      precondition(
        (try? archive?.contents(named: "a.bin")) == bytes && (try? archive?.contents(named: "b/c.bin")) == bytes,
        "a written archive does not read back")
    }
  case 1:
    do {
      let archive = try ZipArchive(bytes: bytes, file: "fuzz.zip")
      for entry in archive.entries {
        do {
          let contents = try archive.contents(of: entry)
          precondition(contents.count == entry.uncompressedSize, "an entry read back at another size")
          precondition(CRC32.checksum(contents) == entry.crc32, "an entry read back with another CRC")
        } catch {
          precondition(error.location.file == "fuzz.zip" && error.location.field == entry.name, "an unlocated entry error")
        }
      }
    } catch {
      precondition(error.location.file == "fuzz.zip" && !error.message.english.isEmpty, "an unlocated archive error")
    }
  default:
    var reader = XMLReader(bytes: bytes, file: "fuzz.xlsx", entry: "part.xml")
    var depth = 0
    do {
      while let event = try reader.next() {
        switch event {
        case .start: depth += 1
        case .end: depth -= 1
        case .text: break
        }
        precondition(depth == reader.depth && depth >= 0, "start and end events do not balance")
      }
      precondition(depth == 0, "the document ended with elements open")
    } catch {
      precondition(error.message.english.hasPrefix("line "), "an XML error without its line")
    }
  }
  return 0
}
