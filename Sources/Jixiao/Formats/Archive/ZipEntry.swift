extension ZipArchive {
  /// One file in an archive, as its central directory describes it (the local header agrees on the
  /// name and method, or the archive is refused).
  public struct Entry: Sendable, Hashable {
    /// The name as stored: a relative path with `/` separators, a directory when it ends with `/`.
    public let name: String
    /// 0 stored, 8 deflated; others are refused when read.
    public let method: UInt16
    /// General-purpose flags (bit 0 encrypted, bit 3 sizes in a data descriptor, bit 11 UTF-8 name).
    public let flags: UInt16
    public let crc32: UInt32
    public let compressedSize: Int
    public let uncompressedSize: Int
    /// Where the entry's local header starts, and where its data starts and ends.
    public let headerOffset: Int
    let dataRange: Range<Int>

    public var isDirectory: Bool { name.hasSuffix("/") }
    /// Bit 0 (traditional PKWARE encryption), bit 6 (strong encryption) or method 99 (AES).
    public var isEncrypted: Bool { flags & 0x41 != 0 || method == 99 }

    /// A name that is a safe relative path, as the reader accepts and the writer writes: not empty, no
    /// control characters, no backslash, no drive or leading `/`, no empty, `.` or `..` component (only a
    /// directory's trailing `/` may end it).
    static func isSafeName(_ name: String) -> Bool {
      // A workbook of a year names a thousand parts: an ASCII name is checked on its bytes, which are its
      // characters (no line break can join two: control bytes are refused).
      if let ascii = name.utf8.withContiguousStorageIfAvailable(isSafeASCIIName), let ascii { return ascii }
      return isSafeNameByCharacters(name)
    }

    /// `isSafeNameByCharacters` of an ASCII name, on its bytes; nil when a byte is not ASCII.
    static func isSafeASCIIName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
      guard !bytes.isEmpty else { return false }
      // A slash before a combining mark is no separator: any byte past ASCII leaves the name to characters.
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      var start = 0
      for index in 0...bytes.count {
        if index < bytes.count {
          let byte = bytes[index]
          if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") { return false }
          if byte != UInt8(ascii: "/") { continue }
        }
        let length = index - start
        if start == 0, length > 0, bytes[index - 1] == UInt8(ascii: ":") { return false }
        // The empty component after a trailing slash is no part of the path.
        let isTrailing = index == bytes.count && length == 0
        if !isTrailing {
          if length == 0 { return false }
          if bytes[start] == UInt8(ascii: "."), length == 1 || (length == 2 && bytes[start + 1] == UInt8(ascii: ".")) {
            return false
          }
        }
        start = index + 1
      }
      return true
    }

    /// The definition: a relative path of named components, none `.` or `..`, no drive (`C:`), no
    /// control character or backslash.
    static func isSafeNameByCharacters(_ name: String) -> Bool {
      let components = name.split(separator: "/", omittingEmptySubsequences: false)
      let body = name.hasSuffix("/") ? components.dropLast() : components[...]
      return !name.isEmpty && !name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") })
        && !body.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) && !(components.first?.hasSuffix(":") ?? false)
    }
  }
}
