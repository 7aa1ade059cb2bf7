/// A Word document (.docx, WordprocessingML in a ZIP package, transitional or strict, as Word, WPS,
/// LibreOffice and python-docx save it) read into grids: one per table (`w:tbl`) in document order,
/// named `表1`, `表2`…; a table inside a cell comes right after the table holding it, named after it
/// (`表1.1`), and the cell keeps its own text without the inner table's. Each grid's `preamble` holds
/// the paragraphs printed between the previous table and this one (for a table in a cell, the cell's
/// paragraphs before it): where a Word form prints its title and year.
///
/// Every cell is a text cell (`GridCell.Kind.text`) or empty: Word has no number formats, so what a cell
/// holds is the text it prints, and a form reader reads `520` or `98.5%` from the text as it does from
/// a CSV file. `docs/rules.md` ("Reading Word tables into grids") lists how each construct is read.
public enum DocumentReader {
  public struct Limits: Sendable, Hashable {
    /// Tables in one document, nested ones included.
    public var maximumTables = 10_000
    /// Rows of one table (Word's own limit is 32,767).
    public var maximumRowsPerTable = 100_000
    /// Columns of one table, counting `w:gridBefore` and `w:gridSpan` (Word allows 63).
    public var maximumColumnsPerTable = 1_024
    /// Cells that hold something, in all the document's tables (as many as one worksheet may hold).
    public var maximumCellsPerDocument = 2_000_000
    /// UTF-8 bytes of one cell's text; beyond it the cell is unreadable. As much as a worksheet cell holds
    /// (32,767 characters) in CJK.
    public var maximumTextBytesPerCell = 128 << 10
    /// Paragraphs kept in a preamble: the last ones before the table. A form's title block has a few;
    /// a report's prose further up is no part of the form.
    public var maximumPreambleParagraphs = 20
    public var archive = ZipArchive.Limits.standard

    public init() {}

    public static let standard = Limits()
  }

  /// Every table's grid, in document order.
  public static func read(bytes: [UInt8], file: String, limits: Limits = .standard) throws(InputError) -> [Grid] {
    let location = SourceLocation(file: file)
    if let legacy = LegacyOfficeFile(bytes: bytes) { throw InputError(location, message(for: legacy)) }
    let archive = try ZipArchive(bytes: bytes, file: file, limits: limits.archive)
    let package = try PackageRelationships(of: "", in: archive)
    let mainPart = package.first(ofType: "officeDocument")?.target ?? "word/document.xml"
    guard let entry = archive.entry(named: mainPart), !mainPart.lowercased().hasPrefix("xl/") else {
      throw InputError(location, try notADocument(archive, mainPart: mainPart))
    }
    var reader = DocumentBodyReader(file: file, limits: limits)
    return try reader.read(bytes: try archive.contents(of: entry), entry: entry.name)
  }

  private static func message(for legacy: LegacyOfficeFile) -> Message {
    let saveAs = "open it in Word or WPS and save it as Word Document (.docx)"
    let saveAsChinese = "请用 Word 或 WPS 打开，另存为 Word 文档（.docx）"
    switch legacy {
    case .wordDocument:
      return Message(
        en: "this is a legacy .doc document (Word 97–2003), not a .docx: \(saveAs)",
        zh: "这是旧版 .doc 文档（Word 97–2003），不是 .docx：\(saveAsChinese)")
    case .encryptedPackage:
      return Message(
        en: "the document is protected with a password: \(saveAs) without a password",
        zh: "该文档设有密码保护：\(saveAsChinese)，不设密码")
    case .workbook:
      return Message(en: "this is a legacy .xls workbook, not a Word document", zh: "这是旧版 .xls 工作簿，不是 Word 文档")
    case .otherCompoundFile:
      return Message(
        en: "this is a legacy Office file (OLE2), not a .docx: \(saveAs)", zh: "这是旧版 Office 文件（OLE2），不是 .docx：\(saveAsChinese)")
    case .richText:
      return Message(en: "this is an RTF document, not a .docx: \(saveAs)", zh: "这是 RTF 文档，不是 .docx：\(saveAsChinese)")
    case .webPage:
      return Message(
        en: "this is a web page (HTML or MHT) with a Word name, as some systems export .doc files, not a .docx: \(saveAs)",
        zh: "这是带 Word 文件名的网页（HTML 或 MHT，一些系统如此导出 .doc 文件），不是 .docx：\(saveAsChinese)")
    }
  }

  /// Why a ZIP archive without a Word document body is not one.
  private static func notADocument(_ archive: ZipArchive, mainPart: String) throws(InputError) -> Message {
    if archive.entry(named: "xl/workbook.xml") != nil {
      return Message(en: "this is an Excel workbook, not a Word document", zh: "这是 Excel 工作簿，不是 Word 文档")
    }
    if let entry = archive.entry(named: "mimetype"), entry.uncompressedSize < 100,
      String(decoding: try archive.contents(of: entry), as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument")
    {
      return Message(
        en:
          "this is an OpenDocument file (.odt or .ods), not a .docx: open it in LibreOffice, WPS or Word and save it as Word Document (.docx)",
        zh: "这是 OpenDocument 文件（.odt 或 .ods），不是 .docx：请用 LibreOffice、WPS 或 Word 打开，另存为 Word 文档（.docx）")
    }
    return Message(
      en: "the file is a ZIP archive but not a Word document: it has no \(mainPart)",
      zh: "该文件是 ZIP 压缩包，但不是 Word 文档：其中没有 \(mainPart)")
  }

}
