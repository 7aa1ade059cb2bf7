/// What a file handed to an Office Open XML reader is when it is no ZIP package: a legacy binary
/// Office file, an RTF document, or a web page that a system exported with an Office name (many
/// 预算管理系统 export "xls" and "doc" files that are HTML). Only the first bytes and an OLE2 file's
/// stream names are looked at: this names the file for a message, it reads nothing.
enum LegacyOfficeFile: Equatable {
  /// An OLE2 compound file with a `WordDocument` stream: Word 97–2003 (.doc, .dot).
  case wordDocument
  /// An OLE2 compound file with a `Workbook` or `Book` stream: Excel 97–2003 or 5.0 (.xls).
  case workbook
  /// An OLE2 compound file with an `EncryptedPackage` stream: an .xlsx or .docx saved with a password.
  case encryptedPackage
  /// Another OLE2 compound file (PowerPoint, a WPS file, an empty or damaged container).
  case otherCompoundFile
  /// `{\rtf`.
  case richText
  /// HTML, or MHT (a web archive), as Word and Excel save "web pages".
  case webPage

  private static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  /// What the bytes are, or nil when they are none of these (a ZIP archive, text, anything else).
  init?(bytes: [UInt8]) {
    if bytes.starts(with: Self.compoundFileSignature) {
      // Stream names are stored in UTF-16LE in the compound file's directory sectors.
      if Self.contains(bytes, utf16: "EncryptedPackage") {
        self = .encryptedPackage
      } else if Self.contains(bytes, utf16: "WordDocument") {
        self = .wordDocument
      } else if Self.contains(bytes, utf16: "Workbook") || Self.contains(bytes, utf16: "Book") {
        self = .workbook
      } else {
        self = .otherCompoundFile
      }
      return
    }
    var start = bytes.startIndex
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
    while start < bytes.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
    let head = String(decoding: bytes[start..<min(bytes.endIndex, start + 512)], as: UTF8.self).lowercased()
    if head.hasPrefix("{\\rtf") {
      self = .richText
    } else if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("mime-version:")
      || (head.hasPrefix("<?xml") && head.contains("<html"))
    {
      self = .webPage
    } else {
      return nil
    }
  }

  private static func contains(_ bytes: [UInt8], utf16 name: String) -> Bool {
    let needle = name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    guard let first = needle.first, bytes.count >= needle.count else { return false }
    var index = 0
    while index + needle.count <= bytes.count {
      if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) { return true }
      index += 1
    }
    return false
  }
}
