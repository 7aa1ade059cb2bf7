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
      let components = name.split(separator: "/", omittingEmptySubsequences: false)
      let body = name.hasSuffix("/") ? components.dropLast() : components[...]
      return !name.isEmpty && !name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") })
        && !body.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) && !(components.first?.hasSuffix(":") ?? false)
    }
  }
}
