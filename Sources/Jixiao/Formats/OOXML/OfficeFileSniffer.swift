/// Tells a workbook from a Word document by its bytes, for an input whose name does not say (standard
/// input, a file without a telling extension). A ZIP package by its parts: `xl/workbook.xml` or
/// `word/document.xml`, else the main part's content type in `[Content_Types].xml`. A legacy OLE2 file by
/// its streams (`LegacyOfficeFile`): a Word 97–2003 document goes to the .docx reader, anything else to
/// the .xlsx reader, each of which names it as it names such a file given with its extension.
enum OfficeFileSniffer {
  static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
  static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0]

  /// The main parts' content types of a Word document (.docx, .docm, .dotx) and of a workbook (.xlsx,
  /// .xlsm, .xltx). A workbook embedded in a document (a chart's data) is a part of another type.
  static let documentTypes = [
    "wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml", "ms-word.document.macroEnabled.main+xml",
  ]
  static let workbookTypes = [
    "spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml", "ms-excel.sheet.macroEnabled.main+xml",
  ]

  /// `.xlsx` or `.docx` when the bytes begin as a ZIP archive or an OLE2 file, nil otherwise. Bytes that
  /// are only the first part of a file (a ZIP archive's directory is at its end) may be told wrongly: a
  /// ZIP that cannot be opened is taken as a workbook, whose reader says what is wrong with it; a reader
  /// of the whole file asks again.
  static func format(of bytes: some Collection<UInt8>) -> InputFormat? {
    if bytes.starts(with: zipSignature) {
      guard let archive = try? ZipArchive(bytes: Array(bytes), file: "") else { return .xlsx }
      return format(of: archive)
    }
    if bytes.starts(with: compoundFileSignature) {
      return LegacyOfficeFile(bytes: Array(bytes)) == .wordDocument ? .docx : .xlsx
    }
    return nil
  }

  /// `.xlsx` or `.docx`, told by the parts of an archive already opened (a file on disk, not read whole).
  static func format(of archive: ZipArchive) -> InputFormat {
    if archive.entry(named: "word/document.xml") != nil { return .docx }
    if archive.entry(named: "xl/workbook.xml") != nil { return .xlsx }
    guard let types = try? archive.contents(named: "[Content_Types].xml") else { return .xlsx }
    let text = String(decoding: types, as: UTF8.self)
    if documentTypes.contains(where: text.contains), !workbookTypes.contains(where: text.contains) { return .docx }
    return .xlsx
  }
}
