/// Writes an .xlsx workbook (SpreadsheetML in a ZIP package, `ZipWriter`) sheet by sheet, row by row:
/// the inverse of `SpreadsheetReader`, as small as Excel and LibreOffice open without a repair prompt.
///
/// - Text is a shared string (one table for the workbook), escaped by Unicode scalar and UTF-8 byte:
///   what XML 1.0 cannot hold as `_xHHHH_` (`OOXMLText.encode`), then `&`, `<`, `>`, `"` as entities. A
///   text cell is never a formula, whatever it starts with: no cell is written with `<f>`.
/// - A number is a plain decimal (`-12.5`), stored shortest (`6`, not `6.00`), shown through its cell
///   format's number format.
/// - Cell formats (number format, fill, bold, wrap) are registered once and referred to by index.
/// - Each sheet's columns are as wide as their widest text, East Asian wide characters counted as two
///   (`TerminalWidth`), within `maximumWidth`; the first rows may be frozen.
///
/// ```swift
/// var book = WorkbookWriter()
/// let bold = book.format(.init(bold: true))
/// book.beginSheet("复核", frozenRows: 1)
/// book.text(0, "表编号", format: bold)
/// book.nextRow()
/// book.number(0, "12.5")
/// let bytes = try book.finish()
/// ```
public struct WorkbookWriter: Sendable {
  /// How a cell looks: its number format (a built-in id), fill, weight and wrapping.
  public struct CellFormat: Sendable, Hashable {
    public var numberFormat: Int
    /// The solid fill as RRGGBB, nil for none.
    public var fill: String?
    public var bold: Bool
    public var wrapsText: Bool

    public init(numberFormat: Int = 0, fill: String? = nil, bold: Bool = false, wrapsText: Bool = false) {
      self.numberFormat = numberFormat
      self.fill = fill
      self.bold = bold
      self.wrapsText = wrapsText
    }

    /// Built-in number formats (ECMA-376 Part 1 §18.8.30), which need no `<numFmts>` entry.
    public static let general = 0
    public static let integer = 1
    public static let twoDecimals = 2
    public static let thousandsTwoDecimals = 4
    public static let percentTwoDecimals = 10
  }

  /// Column widths, in characters.
  public static let minimumWidth = 6
  public static let maximumWidth = 60

  private var strings: [String] = []
  private var stringIndexes: [String: Int] = [:]
  private var stringUses = 0
  private var formats: [CellFormat] = [CellFormat()]
  private var formatIndexes: [CellFormat: Int] = [CellFormat(): 0]
  private var sheets: [(name: String, hidden: Bool, xml: [UInt8])] = []
  private var sheet: SheetState?

  public init() {}

  /// The index of a cell format, registered on first use.
  public mutating func format(_ format: CellFormat) -> Int {
    if let known = formatIndexes[format] { return known }
    formats.append(format)
    formatIndexes[format] = formats.count - 1
    return formats.count - 1
  }

  /// Starts a sheet (finishing the one before): rows are written from row 0 on.
  public mutating func beginSheet(_ name: String, hidden: Bool = false, frozenRows: Int = 0) {
    finishSheet()
    sheet = SheetState(name: name, hidden: hidden, frozenRows: frozenRows)
  }

  /// The row being written (0 is the first).
  public var row: Int { sheet?.row ?? 0 }

  /// A text cell of the current row.
  public mutating func text(_ column: Int, _ text: String, format: Int = 0) {
    precondition(sheet != nil, "a cell is written after beginSheet")
    let index = stringIndex(text)
    sheet!.measure(column, width: text.split(separator: "\n", omittingEmptySubsequences: false).map(TerminalWidth.of).max() ?? 0)
    sheet!.add(column, attributes: #" t="s""#, value: "\(index)", format: format)
  }

  /// A number cell of the current row: `decimal` is a plain decimal (`-12.5`); anything else is written
  /// as text instead, so a caller's mistake can never make a cell Excel refuses.
  public mutating func number(_ column: Int, _ decimal: String, format: Int = 0) {
    precondition(sheet != nil, "a cell is written after beginSheet")
    guard let stored = Self.stored(decimal) else { return text(column, decimal, format: format) }
    sheet!.measure(column, width: stored.utf8.count + (formats[format].numberFormat == CellFormat.percentTwoDecimals ? 4 : 3))
    sheet!.add(column, attributes: "", value: stored, format: format)
  }

  /// A cell of the current row with a format and no value (a cell for the reader to fill, already styled).
  public mutating func blank(_ column: Int, format: Int) {
    precondition(sheet != nil, "a cell is written after beginSheet")
    sheet!.add(column, attributes: "", value: nil, format: format)
  }

  /// A column at least this wide (a column the reader types into).
  public mutating func widen(_ column: Int, to width: Int) {
    sheet?.measure(column, width: width)
  }

  /// A merged area of the current sheet, rows and columns from 0.
  public mutating func merge(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
    guard firstRow != lastRow || firstColumn != lastColumn else { return }
    sheet?.merges.append(
      CellRange(
        first: CellReference(row: firstRow, column: firstColumn), last: CellReference(row: lastRow, column: lastColumn)))
  }

  /// Ends the current row (an empty row is left out) and moves to the next.
  public mutating func nextRow() {
    sheet?.nextRow()
  }

  /// The package: content types, relationships, the workbook, styles, shared strings and the sheets.
  public mutating func finish() throws(ZipWriter.Failure) -> [UInt8] {
    finishSheet()
    let main = SpreadsheetML.transitional
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    var writer = ZipWriter()
    let sheetTypes = sheets.indices.map {
      #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
    }
    try writer.add(
      "[Content_Types].xml",
      Array(
        (declaration
          + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
          + sheetTypes.joined() + "</Types>").utf8))
    try writer.add(
      "_rels/.rels",
      Array(
        (declaration
          + #"<Relationships xmlns="\#(packageRelationships)"><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)
          .utf8))
    var sheetList: [UInt8] = []
    for (index, sheet) in sheets.enumerated() {
      sheetList += Array(#"<sheet name=""#.utf8)
      Self.appendEscaped(OOXMLText.encode(sheet.name), to: &sheetList)
      sheetList += Array(#"" sheetId="\#(index + 1)"\#(sheet.hidden ? #" state="hidden""# : "") r:id="rId\#(index + 3)"/>"#.utf8)
    }
    let firstVisible = sheets.firstIndex { !$0.hidden } ?? 0
    try writer.add(
      "xl/workbook.xml",
      Array(
        (declaration
          + #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><bookViews><workbookView activeTab="\#(firstVisible)"/></bookViews><sheets>"#)
          .utf8) + sheetList + Array("</sheets></workbook>".utf8))
    let sheetRelationships = sheets.indices.map {
      #"<Relationship Id="rId\#($0 + 3)" Type="\#(relationships)/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
    }
    try writer.add(
      "xl/_rels/workbook.xml.rels",
      Array(
        (declaration + #"<Relationships xmlns="\#(packageRelationships)">"#
          + #"<Relationship Id="rId1" Type="\#(relationships)/styles" Target="styles.xml"/>"#
          + #"<Relationship Id="rId2" Type="\#(relationships)/sharedStrings" Target="sharedStrings.xml"/>"#
          + sheetRelationships.joined() + "</Relationships>").utf8))
    try writer.add("xl/styles.xml", Array((declaration + stylesPart(namespace: main)).utf8))
    try writer.add("xl/sharedStrings.xml", sharedStringsPart(namespace: main, declaration: declaration))
    for (index, sheet) in sheets.enumerated() { try writer.add("xl/worksheets/sheet\(index + 1).xml", sheet.xml) }
    return try writer.finish()
  }

  /// Fonts: regular and bold; fills: the two every workbook has, then one per colour used; cell formats
  /// as registered.
  private func stylesPart(namespace: String) -> String {
    let fills = Array(Set(formats.compactMap(\.fill))).sorted()
    var xml = #"<styleSheet xmlns="\#(namespace)">"#
    xml +=
      #"<fonts count="2"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>"#
    xml +=
      #"<fills count="\#(2 + fills.count)"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
    for fill in fills {
      xml += #"<fill><patternFill patternType="solid"><fgColor rgb="FF\#(fill)"/><bgColor indexed="64"/></patternFill></fill>"#
    }
    xml += "</fills>"
    xml += #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
    xml += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
    xml += #"<cellXfs count="\#(formats.count)">"#
    for format in formats {
      let fillID = format.fill.flatMap { fills.firstIndex(of: $0) }.map { $0 + 2 } ?? 0
      xml += #"<xf numFmtId="\#(format.numberFormat)" fontId="\#(format.bold ? 1 : 0)" fillId="\#(fillID)" borderId="0" xfId="0""#
      if format.numberFormat != 0 { xml += #" applyNumberFormat="1""# }
      if format.bold { xml += #" applyFont="1""# }
      if fillID != 0 { xml += #" applyFill="1""# }
      xml += format.wrapsText ? #" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"# : "/>"
    }
    xml += "</cellXfs>"
    xml += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
    xml += "</styleSheet>"
    return xml
  }

  private func sharedStringsPart(namespace: String, declaration: String) -> [UInt8] {
    var xml = Array((declaration + #"<sst xmlns="\#(namespace)" count="\#(stringUses)" uniqueCount="\#(strings.count)">"#).utf8)
    for text in strings {
      xml += Array(#"<si><t xml:space="preserve">"#.utf8)
      Self.appendEscaped(OOXMLText.encode(text), to: &xml)
      xml += Array("</t></si>".utf8)
    }
    xml += Array("</sst>".utf8)
    return xml
  }

  private mutating func stringIndex(_ text: String) -> Int {
    stringUses += 1
    if let known = stringIndexes[text] { return known }
    strings.append(text)
    stringIndexes[text] = strings.count - 1
    return strings.count - 1
  }

  private mutating func finishSheet() {
    guard var current = sheet else { return }
    sheets.append((current.name, current.hidden, current.finish()))
    sheet = nil
  }

  /// XML text by UTF-8 byte: `&`, `<`, `>` and `"` as entities, the rest as it is (text already
  /// through `OOXMLText.encode`, so it holds nothing XML 1.0 forbids).
  static func appendEscaped(_ text: String, to xml: inout [UInt8]) {
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"): xml += Array("&amp;".utf8)
      case UInt8(ascii: "<"): xml += Array("&lt;".utf8)
      case UInt8(ascii: ">"): xml += Array("&gt;".utf8)
      case UInt8(ascii: "\""): xml += Array("&quot;".utf8)
      default: xml.append(byte)
      }
    }
  }

  /// A plain decimal as Excel stores it, shortest (`6`, not `6.00`; `-0.5`); nil for anything else.
  static func stored(_ decimal: String) -> String? {
    var text = Substring(decimal)
    let negative = text.hasPrefix("-")
    if negative { text = text.dropFirst() }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
      parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } })
    else { return nil }
    var fraction = parts.count == 2 ? parts[1] : ""
    while fraction.hasSuffix("0") { fraction = fraction.dropLast() }
    var digits = whole.drop { $0 == "0" }
    if digits.isEmpty { digits = "0" }
    let magnitude = fraction.isEmpty ? String(digits) : "\(digits).\(fraction)"
    return negative && magnitude != "0" ? "-" + magnitude : magnitude
  }

  /// One sheet being written: its finished rows as XML, the cells of the current row, the widths.
  private struct SheetState: Sendable {
    let name: String
    let hidden: Bool
    let frozenRows: Int
    var row = 0
    var merges: [CellRange] = []
    var widths: [Int] = []
    var lastRow = -1
    private var cells: [(column: Int, xml: [UInt8])] = []
    private var body: [UInt8] = []

    init(name: String, hidden: Bool, frozenRows: Int) {
      self.name = name
      self.hidden = hidden
      self.frozenRows = frozenRows
    }

    mutating func measure(_ column: Int, width: Int) {
      while widths.count <= column { widths.append(0) }
      widths[column] = max(widths[column], width)
    }

    mutating func add(_ column: Int, attributes: String, value: String?, format: Int) {
      let reference = CellReference(row: row, column: column)
      let style = format == 0 ? "" : #" s="\#(format)""#
      let content = value.map { "><v>\($0)</v></c>" } ?? "/>"
      cells.append((column, Array(#"<c r="\#(reference)"\#(style)\#(attributes)\#(content)"#.utf8)))
    }

    mutating func nextRow() {
      if !cells.isEmpty {
        body += Array(#"<row r="\#(row + 1)">"#.utf8)
        // A column written twice keeps its last cell: a row never holds two cells of one reference.
        var seen = Set<Int>()
        let kept = cells.reversed().filter { seen.insert($0.column).inserted }.reversed()
        for cell in kept.sorted(by: { $0.column < $1.column }) { body += cell.xml }
        body += Array("</row>".utf8)
        cells.removeAll(keepingCapacity: true)
        lastRow = row
      }
      row += 1
    }

    mutating func finish() -> [UInt8] {
      nextRow()
      var xml = Array(
        (#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
          + #"<worksheet xmlns="\#(SpreadsheetML.transitional)">"#).utf8)
      if lastRow >= 0, !widths.isEmpty {
        let last = CellReference(row: lastRow, column: widths.count - 1)
        xml += Array(#"<dimension ref="A1:\#(last)"/>"#.utf8)
      }
      if frozenRows > 0 {
        let topLeft = CellReference(row: frozenRows, column: 0)
        xml += Array(
          #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="\#(frozenRows)" topLeftCell="\#(topLeft)" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="\#(topLeft)" sqref="\#(topLeft)"/></sheetView></sheetViews>"#
            .utf8)
      }
      if !widths.isEmpty {
        xml += Array("<cols>".utf8)
        for (column, width) in widths.enumerated() {
          let fitted = min(max(width + 2, WorkbookWriter.minimumWidth), WorkbookWriter.maximumWidth)
          xml += Array(#"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(fitted)" customWidth="1"/>"#.utf8)
        }
        xml += Array("</cols>".utf8)
      }
      xml += Array("<sheetData>".utf8) + body + Array("</sheetData>".utf8)
      if !merges.isEmpty {
        xml += Array(#"<mergeCells count="\#(merges.count)">"#.utf8)
        for range in merges { xml += Array(#"<mergeCell ref="\#(range.first):\#(range.last)"/>"#.utf8) }
        xml += Array("</mergeCells>".utf8)
      }
      xml += Array("</worksheet>".utf8)
      body = []
      return xml
    }
  }
}
