/// An Excel workbook (.xlsx, SpreadsheetML in a ZIP package, as Excel, WPS and LibreOffice save it) read
/// into grids, one per worksheet in tab order, hidden sheets included; chart sheets have no grid and
/// are left out.
///
/// Opening reads the package's parts that all sheets share (the workbook, its relationships, the shared
/// strings and the styles); each sheet is read when asked for, so a caller that handles one grid at a
/// time holds one sheet's cells at a time.
public struct SpreadsheetReader: Sendable {
  public struct Limits: Sendable, Hashable {
    /// Cells that hold something, in one sheet (a year of 1,000 forms on one sheet has about 400,000).
    public var maximumCellsPerSheet = 2_000_000
    public var archive = ZipArchive.Limits.standard

    public init() {}

    public static let standard = Limits()
  }

  /// A worksheet as the workbook lists it.
  public struct Sheet: Sendable, Hashable {
    public var name: String
    public var isHidden: Bool
    /// The worksheet's part in the package (`xl/worksheets/sheet1.xml`).
    public var part: String
  }

  public let file: String
  public let sheets: [Sheet]
  /// Whether serials count from 1904 (`<workbookPr date1904="1"/>`) instead of 1900.
  public let uses1904: Bool
  private let archive: ZipArchive
  private let strings: SharedStrings
  private let styles: CellStyles
  private let limits: Limits

  /// The shared strings' cells are made on `jobs` workers (`SharedStrings.cells(of:jobs:)`): the same for
  /// any number.
  public init(bytes: [UInt8], file: String, limits: Limits = .standard, jobs: Int = 1) throws(InputError) {
    if let legacy = LegacyOfficeFile(bytes: bytes) { throw InputError(SourceLocation(file: file), Self.message(for: legacy)) }
    try self.init(source: ZipSource(bytes: bytes), file: file, limits: limits, jobs: jobs)
  }

  /// A workbook read from its source a part at a time (a file on disk is never read whole). The source is
  /// a ZIP archive: a legacy Office file is told apart by `init(bytes:)`, which has all its bytes.
  public init(source: ZipSource, file: String, limits: Limits = .standard, jobs: Int = 1) throws(InputError) {
    try self.init(
      archive: ZipArchive(source: source, file: file, limits: limits.archive), file: file, limits: limits, jobs: jobs)
  }

  /// A workbook of an archive already opened (under `limits.archive`): the one a caller opened to tell a
  /// workbook from a document is read as it is, not opened a second time.
  init(archive: ZipArchive, file: String, limits: Limits = .standard, jobs: Int = 1) throws(InputError) {
    self.file = file
    self.limits = limits
    let location = SourceLocation(file: file)
    self.archive = archive

    let package = try PackageRelationships(of: "", in: archive)
    let workbookPart = package.first(ofType: "officeDocument")?.target ?? "xl/workbook.xml"
    guard let workbookEntry = archive.entry(named: workbookPart) else {
      let isDocument = archive.entry(named: "word/document.xml") != nil
      throw InputError(
        location,
        isDocument
          ? Message(en: "this is a Word document, not an Excel workbook", zh: "这是 Word 文档，不是 Excel 工作簿")
          : Message(
            en: "the file is a ZIP archive but not an Excel workbook: it has no \(workbookPart)",
            zh: "该文件是 ZIP 压缩包，但不是 Excel 工作簿：其中没有 \(workbookPart)")
      )
    }
    let relationships = try PackageRelationships(of: workbookEntry.name, in: archive)
    var reader = XMLReader(bytes: try archive.contents(of: workbookEntry), file: file, entry: workbookEntry.name)
    var sheets: [Sheet] = []
    var uses1904 = false
    while let event = try reader.next() {
      guard case .start(let tag) = event else { continue }
      if SpreadsheetML.isMain(tag.name, "workbookPr") {
        uses1904 = tag["date1904"] == "1" || tag["date1904"] == "true"
      } else if SpreadsheetML.isMain(tag.name, "sheet") {
        let name = tag["name"] ?? "Sheet\(sheets.count + 1)"
        guard let id = SpreadsheetML.relationshipID(tag), let target = relationships.relationship(id: id) else {
          throw InputError(
            SourceLocation(file: file, field: name),
            Message(en: "the workbook lists the sheet but not where its part is", zh: "工作簿列出了该工作表，但没有给出其部件的位置"))
        }
        // Chart sheets, dialog sheets and macro sheets hold no cells.
        guard target.hasType("worksheet") else { continue }
        let state = tag["state"] ?? "visible"
        sheets.append(Sheet(name: name, isHidden: state == "hidden" || state == "veryHidden", part: target.target))
      }
    }
    self.sheets = sheets
    self.uses1904 = uses1904

    if let part = relationships.first(ofType: "sharedStrings")?.target, let entry = archive.entry(named: part) {
      strings = try SharedStrings(bytes: try archive.contents(of: entry), file: file, entry: entry.name, jobs: jobs)
    } else {
      strings = SharedStrings()
    }
    if let part = relationships.first(ofType: "styles")?.target, let entry = archive.entry(named: part) {
      styles = try CellStyles(bytes: try archive.contents(of: entry), file: file, entry: entry.name)
    } else {
      styles = CellStyles()
    }
  }

  private static func message(for legacy: LegacyOfficeFile) -> Message {
    let saveAs = "open it in Excel, WPS or LibreOffice and save it as Excel Workbook (.xlsx)"
    let saveAsChinese = "请用 Excel、WPS 或 LibreOffice 打开，另存为 Excel 工作簿（.xlsx）"
    switch legacy {
    case .workbook:
      return Message(
        en: "this is a legacy .xls workbook (Excel 97–2003), not an .xlsx: \(saveAs)",
        zh: "这是旧版 .xls 工作簿（Excel 97–2003），不是 .xlsx：\(saveAsChinese)")
    case .encryptedPackage:
      return Message(
        en: "the workbook is protected with a password: \(saveAs) without a password",
        zh: "该工作簿设有密码保护：\(saveAsChinese)，不设密码")
    case .wordDocument:
      return Message(
        en: "this is a legacy Word document (.doc), not an Excel workbook", zh: "这是旧版 Word 文档（.doc），不是 Excel 工作簿")
    case .otherCompoundFile:
      return Message(
        en:
          "this is a legacy .xls workbook or a password-protected one (an OLE2 file), not an .xlsx: \(saveAs) without a password",
        zh: "这是旧版 .xls 工作簿或设有密码保护的工作簿（OLE2 文件），不是 .xlsx：\(saveAsChinese)，不设密码")
    case .richText:
      return Message(en: "this is an RTF document, not an Excel workbook", zh: "这是 RTF 文档，不是 Excel 工作簿")
    case .webPage:
      return Message(
        en: "this is a web page (HTML or MHT) with an Excel name, as some systems export .xls files, not an .xlsx: \(saveAs)",
        zh: "这是带 Excel 文件名的网页（HTML 或 MHT，一些系统如此导出 .xls 文件），不是 .xlsx：\(saveAsChinese)")
    }
  }

  /// The sheet's cells.
  public func grid(of sheet: Sheet) throws(InputError) -> Grid {
    guard let entry = archive.entry(named: sheet.part) else {
      throw InputError(
        SourceLocation(file: file, field: sheet.name),
        Message(en: "the sheet's part \(sheet.part) is missing from the file", zh: "文件中缺少该工作表的部件 \(sheet.part)"))

    }
    let reader = WorksheetReader(
      file: file, sheetName: sheet.name, strings: strings, styles: styles, uses1904: uses1904, limits: limits)
    return try reader.read(bytes: try archive.contents(of: entry), entry: entry.name, isHidden: sheet.isHidden)
  }

  /// Every worksheet's grid, in tab order.
  public static func read(bytes: [UInt8], file: String, limits: Limits = .standard) throws(InputError) -> [Grid] {
    let workbook = try SpreadsheetReader(bytes: bytes, file: file, limits: limits)
    var grids: [Grid] = []
    for sheet in workbook.sheets { grids.append(try workbook.grid(of: sheet)) }
    return grids
  }
}
