/// Reads tables from bytes: one JSON object (or an array of them) per file, JSON Lines, a CSV (flat, or a
/// printed form saved as CSV), or the printed forms of a workbook (.xlsx), a Word document (.docx) or a PDF
/// (through poppler's pdftotext).
/// Every record ends as a table or as a located error; one bad record never hides the others.
public enum InputFormat: String, Sendable, CaseIterable {
  case json, jsonl, csv, xlsx, docx, pdf

  /// A format whose file is read whole into grids and its printed forms located (a CSV may be one too,
  /// told by its first record: `CSVGridReader.isPrintedForm`).
  var holdsPrintedForms: Bool { self == .xlsx || self == .docx || self == .pdf }
}

public enum TableReader {

  public enum Record: Sendable {
    case table(Table)
    case rejected(InputError)
  }

  /// The format a file name implies (`.jsonl`/`.ndjson` → JSON Lines, `.csv`, `.xlsx`, `.docx`, `.pdf`); nil
  /// when it does not say.
  public static func format(forPath path: String) -> InputFormat? {
    let lower = path.lowercased()
    if lower.hasSuffix(".pdf") { return .pdf }
    if lower.hasSuffix(".xlsx") { return .xlsx }
    if lower.hasSuffix(".docx") { return .docx }
    if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
    if lower.hasSuffix(".json") { return .json }
    if lower.hasSuffix(".csv") { return .csv }
    return nil
  }

  /// Reads every record of an input held in memory (a batch streams instead: `BatchRunner`). A CSV is told
  /// a form or flat by its first block, as the batch tells it.
  public static func read(_ bytes: [UInt8], file: String, format: InputFormat? = nil) -> [Record] {
    let resolved = format ?? Self.format(forPath: file) ?? sniff(bytes)
    if resolved.holdsPrintedForms
      || (resolved == .csv && CSVGridReader.isPrintedForm(firstBlock: Array(bytes.prefix(ByteSource.blockSize))))
    {
      return readForms(bytes, file: file, format: resolved)
    }
    return resolved == .json ? readDocument(bytes, file: file) : readRecords(bytes, file: file, format: resolved)
  }

  /// The printed forms of a workbook, a Word document or a form CSV, each a record: its grids (every sheet,
  /// every document table), the tables the locator finds in each (`FormLocator`), each built by
  /// `PrintedFormTable`. A file that cannot be read, or holds no form, is one rejection naming it.
  static func readForms(_ bytes: [UInt8], file: String, format: InputFormat) -> [Record] {
    readForms(printedForms(bytes, file: file, format: format))
  }

  /// The printed forms of grids a reader assembled (layout text: `LayoutTextReader.grids`), each a record.
  public static func readForms(grids: [Grid], file: String) -> [Record] {
    readForms(printedForms(in: grids, file: file, encoding: .utf8))
  }

  private static func readForms(_ forms: Result<[PrintedFormTable], InputError>) -> [Record] {
    switch forms {
    case .success(let forms):
      return forms.map { form in
        switch form.build() {
        case .success(let table): .table(table)
        case .failure(let error): .rejected(error)
        }
      }
    case .failure(let error): return [.rejected(error)]
    }
  }

  /// The forms of a workbook, a Word document or a form CSV, each ready to fill a builder, or why there
  /// are none: the file cannot be read, or no grid holds a form.
  static func printedForms(_ bytes: [UInt8], file: String, format: InputFormat) -> Result<[PrintedFormTable], InputError> {
    let grids: [Grid]
    var encoding = SourceEncoding.utf8
    do {
      switch format {
      case .xlsx: grids = try SpreadsheetReader.read(bytes: bytes, file: file)
      case .docx: grids = try DocumentReader.read(bytes: bytes, file: file)
      case .pdf: grids = try PDFReader.read(bytes: bytes, file: file)
      default:
        let read = try CSVGridReader.readDecoding(bytes: bytes, file: file)
        grids = [read.grid]
        encoding = read.encoding
      }
    } catch {
      return .failure(error)
    }
    return printedForms(in: grids, file: file, encoding: encoding)
  }

  /// The forms the locator finds in grids, or a rejection naming the file when there are none.
  static func printedForms(in grids: [Grid], file: String, encoding: SourceEncoding) -> Result<[PrintedFormTable], InputError> {
    let locator = FormLocator()
    var forms: [PrintedFormTable] = []
    for grid in grids {
      for form in locator.forms(in: grid) {
        forms.append(
          PrintedFormTable(form: form, number: forms.count + 1, vocabulary: locator.vocabulary, sourceEncoding: encoding))
      }
    }
    guard forms.isEmpty else { return .success(forms) }
    return .failure(
      InputError(
        SourceLocation(file: file),
        "no printed table found: no sheet or table holds a title ending in 自评表 or 目标表, a 项目名称 label, or an indicator header (三级指标); save the table as it is printed, or write it as JSON (docs/input.md)"
      ))
  }

  /// `%PDF-` at the start is a PDF; several lines each starting with `{` are JSON Lines; anything else is
  /// one document. A UTF-8 byte order mark before the first line is not part of it (the line splitter
  /// skips it too).
  static func sniff(_ bytes: some Collection<UInt8>) -> InputFormat {
    if PDFReader.isPDF(bytes) { return .pdf }
    var objectLines = 0
    var atLineStart = true
    let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    for byte in bytes.starts(with: byteOrderMark) ? bytes.dropFirst(byteOrderMark.count) : bytes[...] {
      if atLineStart, byte == UInt8(ascii: "{") { objectLines += 1 }
      if byte == UInt8(ascii: "\n") {
        atLineStart = true
      } else if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\t"), byte != UInt8(ascii: "\r") {
        atLineStart = false
      }
      if objectLines > 1 { return .jsonl }
    }
    return .json
  }

  static func baseName(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    for suffix in [".jsonl", ".ndjson", ".json", ".xlsx", ".docx", ".pdf"] where name.lowercased().hasSuffix(suffix) {
      return String(name.dropLast(suffix.count))
    }
    return name
  }

  private static func readDocument(_ bytes: [UInt8], file: String) -> [Record] {
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      return [.rejected(InputError(SourceLocation(file: file, line: error.line), "\(error.message) (column \(error.column))"))]
    }
    switch root {
    case .object(let object):
      return [record(object, at: SourceLocation(file: file, line: object.line), defaultID: baseName(file))]
    case .array(let elements):
      return elements.enumerated().map { offset, element in
        let location = SourceLocation(file: file, field: "[\(offset + 1)]")
        guard case .object(let object) = element else {
          return .rejected(InputError(location, "expected a table object, found \(element.typeName)"))
        }
        return record(object, at: location.line(object.line), defaultID: "\(baseName(file))#\(offset + 1)")
      }
    default:
      return [.rejected(InputError(SourceLocation(file: file, line: 1), "expected a table object, found \(root.typeName)"))]
    }
  }

  /// JSON Lines or CSV held in memory: the same splitting as a streamed batch, then each record decoded.
  private static func readRecords(_ bytes: [UInt8], file: String, format: InputFormat) -> [Record] {
    var block: [UInt8]? = bytes
    var records: [Record] = []
    let next = { () -> [UInt8]? in
      defer { block = nil }
      return block
    }
    let collect = { (record: RawRecord) in records.append(contentsOf: record.decode()) }
    RecordReader.split(format, file: file, next: next, collect)
    return records
  }

  /// One JSON Lines record.
  static func decodeLine(_ line: ArraySlice<UInt8>, at location: SourceLocation, defaultID: String) -> Record {
    let direct = line.withContiguousStorageIfAvailable { bytes in
      DirectTableDecoder.decode(bytes, at: location, defaultID: defaultID)
    }
    if let table = direct ?? nil { return .table(table) }
    do {
      let value = try JSONParser.parse(line, firstLine: location.line ?? 1)
      guard case .object(let object) = value else {
        return .rejected(InputError(location, "expected one table object on this line, found \(value.typeName)"))
      }
      return record(object, at: location, defaultID: defaultID)
    } catch {
      return .rejected(InputError(location, "\(error.message) (column \(error.column))"))
    }
  }

  private static func record(_ object: JSONObject, at location: SourceLocation, defaultID: String) -> Record {
    do {
      return .table(try TableDecoder.decode(object, at: location, defaultID: defaultID))
    } catch {
      return .rejected(error)
    }
  }
}
