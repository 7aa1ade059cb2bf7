/// Reads tables from bytes: one JSON object (or an array of them) per file, JSON Lines, a CSV (flat, or a
/// printed form saved as CSV), the printed forms of a workbook (.xlsx), a Word document (.docx) or a PDF
/// (through poppler's pdftotext), or the tables of a published document's text (`.txt`, as pdftotext prints
/// a 决算, by default or with `-layout`).
/// Every record ends as a table or as a located error; one bad record never hides the others.
public enum InputFormat: String, Sendable, CaseIterable {
  case json, jsonl, csv, xlsx, docx, pdf
  /// A document's text as pdftotext prints it (`DocumentTextReader`).
  case text

  /// A format whose file is read whole into grids and its printed forms located (a CSV may be one too,
  /// told by its first record: `CSVGridReader.isPrintedForm`).
  var holdsPrintedForms: Bool { self == .xlsx || self == .docx || self == .pdf || self == .text }
}

public enum TableReader {

  public enum Record: Sendable {
    case table(Table)
    case rejected(InputError)

    /// The table a builder made, or why it made none.
    init(built: Result<Table, InputError>) {
      switch built {
      case .success(let table): self = .table(table)
      case .failure(let error): self = .rejected(error)
      }
    }
  }

  /// The format a file name implies (`.jsonl`/`.ndjson` → JSON Lines, `.csv`, `.xlsx`, `.docx`, `.pdf`, `.txt`
  /// → document text); nil when it does not say.
  public static func format(forPath path: String) -> InputFormat? {
    let lower = path.lowercased()
    if lower.hasSuffix(".pdf") { return .pdf }
    if lower.hasSuffix(".xlsx") { return .xlsx }
    if lower.hasSuffix(".docx") { return .docx }
    if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
    if lower.hasSuffix(".json") { return .json }
    if lower.hasSuffix(".csv") { return .csv }
    if lower.hasSuffix(".txt") { return .text }
    return nil
  }

  /// Reads every record of an input held in memory (a batch streams instead: `BatchRunner`). A CSV is told
  /// a form or flat by its first block, as the batch tells it.
  public static func read(_ bytes: [UInt8], file: String, format: InputFormat? = nil) -> [Record] {
    let resolved = resolve(format, path: file, firstBlock: bytes.prefix(ByteSource.blockSize))
    if holdsPrintedForms(bytes, format: resolved) { return readForms(bytes, file: file, format: resolved) }
    if resolved == .json { return readDocument(bytes, file: file) }
    return records(bytes, file: file, format: resolved) { $0.decode() }
  }

  /// Whether a file in `format` is read as printed forms: a workbook, a document, or a CSV whose first
  /// block is a form's.
  static func holdsPrintedForms(_ bytes: [UInt8], format: InputFormat) -> Bool {
    format.holdsPrintedForms
      || (format == .csv && CSVGridReader.isPrintedForm(firstBlock: Array(bytes.prefix(ByteSource.blockSize))))
  }

  /// The printed forms of a workbook, a Word document, a PDF, a form CSV or a document's text, each a
  /// record (`eachPrintedForm`), each built by `PrintedFormTable`; a file that cannot be read, or holds no
  /// form, is a rejection naming it (after the tables of the sheets read before the one that could not be).
  static func readForms(_ bytes: [UInt8], file: String, format: InputFormat) -> [Record] {
    var records: [Record] = []
    let failure = eachPrintedForm(
      bytes, file: file, format: format,
      { records.append(Record(built: $0.build())) }, unread: { records.append(.rejected($0)) },
      reviewed: { records.append(Record(built: $0.flatMap { $0.build() })) })
    if let failure { records.append(.rejected(failure)) }
    return records
  }

  /// The printed forms of grids a reader assembled, each a record (a test's grids made by hand; the bench's
  /// PDF, its reading timed part by part).
  public static func readForms(grids: [Grid], file: String) -> [Record] {
    var collector = FormCollector()
    return grids.flatMap { collector.forms(in: $0) }.map { Record(built: $0.build()) }
  }

  /// The forms of a workbook, a Word document, a PDF, a form CSV or a document's text, each ready to fill a
  /// builder, with the tables a document holds but tells in prose (`unread`, each a rejection), or why there
  /// are none: the file cannot be read, or no grid holds a form.
  static func printedForms(
    _ bytes: [UInt8], file: String, format: InputFormat
  ) -> Result<(forms: [PrintedFormTable], reviewed: [ReviewedTable], unread: [InputError]), InputError> {
    var forms: [PrintedFormTable] = []
    var reviewed: [ReviewedTable] = []
    var unread: [InputError] = []
    let failure = eachPrintedForm(
      bytes, file: file, format: format, { forms.append($0) }, unread: { unread.append($0) },
      reviewed: { table in
        switch table {
        case .success(let table): reviewed.append(table)
        case .failure(let error): unread.append(error)
        }
      })
    if let failure { return .failure(failure) }
    return .success((forms, reviewed, unread))
  }

  /// Hands `emit` the forms of a workbook, a Word document, a PDF, a form CSV or a document's text in order:
  /// the grids (every sheet, every document table, every table a document prints), the tables the
  /// locator finds in each (`FormLocator`); and `unread` the tables a document tells in prose. A workbook's
  /// sheets are read and located on `jobs` workers, a few at a time (`LocatedSheets`), each sheet's grid let
  /// go once its forms are located, so memory is bounded by the largest sheets in flight, not the workbook;
  /// the forms are numbered and handed on in order, the same for any number of jobs. A 复核 workbook jixiao wrote is read back instead
  /// (`ReviewWorkbookReader`): `reviewed` receives its tables in order, and its rows that name no table.
  /// Returns why the file could not be read (after the forms of the sheets before the one that failed), or
  /// that it holds no form; nil when all went well.
  /// A workbook on disk is read from `workbook` (its archive, opened on its file, read a range at a time),
  /// never from `bytes`.
  static func eachPrintedForm(
    _ bytes: [UInt8], workbook: ZipArchive? = nil, file: String, format: InputFormat, _ emit: (PrintedFormTable) -> Void,
    unread: (InputError) -> Void, reviewed: (Result<ReviewedTable, InputError>) -> Void, jobs: Int = 1
  ) -> InputError? {
    var collector = FormCollector()
    var told = 0
    func locate(_ grid: Grid, encoding: SourceEncoding = .utf8) {
      for form in collector.forms(in: grid, encoding: encoding) { emit(form) }
    }
    do {
      switch format {
      case .xlsx:
        let workbook =
          if let workbook { try SpreadsheetReader(archive: workbook, file: file, jobs: jobs) } else {
            try SpreadsheetReader(bytes: bytes, file: file, jobs: jobs)
          }
        if let tables = try ReviewWorkbookReader.tables(in: workbook) {
          guard !tables.isEmpty else {
            return InputError(
              SourceLocation(file: file, field: ReviewWorkbook.reviewSheet),
              Message(
                en: "the 复核 workbook's 复核 sheet has no rows below its header: there is no table to read back",
                zh: "复核工作簿的复核表在表头之下没有任何行：没有可读回的表"))
          }
          for table in tables { reviewed(table) }
          return nil
        }
        // A sheet without a form is said on a table of the workbook (the one before it, else the first):
        // each table is handed on once the next sheet's are located, or at the end (or before the sheet
        // that cannot be read).
        var held: PrintedFormTable?
        var before: [FormCollector.SheetWithoutForm] = []
        defer { if let held { emit(held) } }
        var sheets = LocatedSheets(of: workbook, locator: collector.locator, jobs: jobs)
        while let located = sheets.next() {
          let sheet = try located.get()
          var forms = collector.number(sheet.forms)
          if forms.isEmpty {
            guard let formless = sheet.withoutForm else { continue }
            if held != nil { held?.sheetsWithoutForm.append(formless) } else { before.append(formless) }
            continue
          }
          // Each form moved out of the array, in order, and on to `held`, not copied: a copy of a form's table
          // counts a reference for each of its parts (an array's loop copies each element out).
          forms.reverse()
          while var form = forms.popLast() {
            if let previous = held.take() { emit(previous) }
            if !before.isEmpty {
              form.sheetsWithoutForm = before
              before = []
            }
            held = form
          }
        }
      case .docx:
        for grid in try DocumentReader.read(bytes: bytes, file: file) { locate(grid) }
      case .pdf:
        for grid in try PDFReader.read(bytes: bytes, file: file) { locate(grid) }
      case .text:
        let reading = try DocumentTextReader.read(bytes: bytes, file: file)
        for grid in reading.grids { locate(grid) }
        for error in reading.unread {
          told += 1
          unread(error)
        }
      default:
        let read = try CSVGridReader.readDecoding(bytes: bytes, file: file)
        locate(read.grid, encoding: read.encoding)
      }
    } catch {
      return error
    }
    guard collector.count == 0, told == 0 else { return nil }
    return InputError(
      SourceLocation(file: file),
      Message(
        en:
          "no printed table found: no sheet or table holds a title ending in 自评表 or 目标表, a 项目名称 label, or an indicator header (三级指标); save the table as it is printed, or write it as JSON (docs/input.md)",
        zh:
          "未找到打印的表格：没有哪个工作表或表格带有以“自评表”或“目标表”结尾的标题、“项目名称”标签或指标表头（三级指标）；请按打印的样子保存表格，或写成 JSON（docs/input.md）"
      ))
  }

  /// The format to read a file in: the one asked for, else the one its name implies, else sniffed from its
  /// first bytes. A `.txt` whose first character is `{` or `[` is JSON or JSON Lines saved under another
  /// name, as such files were read before document text was: it is sniffed, not read as a document.
  static func resolve(_ format: InputFormat?, path: String, firstBlock: some Collection<UInt8>) -> InputFormat {
    if let format { return format }
    guard let named = Self.format(forPath: path) else { return sniff(firstBlock) }
    if named == .text, let first = firstBlock.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }),
      first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    {
      return sniff(firstBlock)
    }
    return named
  }

  /// A ZIP package or an OLE2 file is a workbook or a Word document (`OfficeFileSniffer`); `%PDF-` within
  /// the first kilobyte is a PDF (`PDFReader.isPDF`); several lines each starting with `{` are JSON Lines;
  /// anything else is one document. A UTF-8 byte order mark before the first line is not part of it (the
  /// line splitter skips it too).
  static func sniff(_ bytes: some Collection<UInt8>) -> InputFormat {
    if let office = OfficeFileSniffer.format(of: bytes) { return office }
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
    // Every table of a workbook asks its file's name: an ASCII path is told on its bytes.
    var path = path
    return path.withUTF8 { asciiBaseName($0) } ?? baseNameByCharacters(path)
  }

  static let baseNameSuffixes = [".jsonl", ".ndjson", ".json", ".csv", ".xlsx", ".docx", ".pdf", ".txt"]

  /// `baseName`'s definition: the last component, less a known extension in any case.
  static func baseNameByCharacters(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    for suffix in baseNameSuffixes where name.lowercased().hasSuffix(suffix) {
      return String(name.dropLast(suffix.count))
    }
    return name
  }

  /// `baseName` of an ASCII path with a component; nil for any other.
  private static func asciiBaseName(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
    var end = bytes.count
    while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
    guard end > 0 else { return nil }
    var start = end
    while start > 0, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
    let name = UnsafeBufferPointer(rebasing: bytes[start..<end])
    for suffix in baseNameSuffixes where name.count >= suffix.utf8.count {
      let tail = name[(name.count - suffix.utf8.count)...]
      // ASCII letters lowered by their 0x20 bit; the suffixes' other bytes (`.`) are compared as they are.
      if zip(tail, suffix.utf8).allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }) {
        return String(decoding: name[..<(name.count - suffix.utf8.count)], as: UTF8.self)
      }
    }
    return String(decoding: name, as: UTF8.self)
  }

  private static func readDocument(_ bytes: [UInt8], file: String) -> [Record] {
    tables(ofDocument: bytes, file: file, rejected: Record.rejected, record)
  }

  /// Each table object of a JSON document (one object, or an array of them) made by `make`, at its place
  /// and with its default id; what is no table object is a rejection.
  static func tables<Output>(
    ofDocument bytes: [UInt8], file: String, rejected: (InputError) -> Output,
    _ make: (JSONObject, SourceLocation, String) -> Output
  ) -> [Output] {
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      return [rejected(syntaxError(error.message, column: error.column, at: SourceLocation(file: file, line: error.line)))]
    }
    switch root {
    case .object(let object):
      return [make(object, SourceLocation(file: file, line: object.line), baseName(file))]
    case .array(let elements):
      return elements.enumerated().map { offset, element in
        let location = SourceLocation(file: file, field: "[\(offset + 1)]")
        guard case .object(let object) = element else {
          return rejected(InputError(location, element.expected(tableObject)))
        }
        return make(object, location.line(object.line), "\(baseName(file))#\(offset + 1)")
      }
    default:
      return [rejected(InputError(SourceLocation(file: file, line: 1), root.expected(tableObject)))]
    }
  }

  /// JSON Lines or CSV held in memory: the same splitting as a streamed batch, then each record made
  /// into what `take` makes of it (tables, or tables with their values' places).
  static func records<Output>(
    _ bytes: [UInt8], file: String, format: InputFormat, _ take: (RawRecord) -> [Output]
  ) -> [Output] {
    var block: [UInt8]? = bytes
    var outputs: [Output] = []
    let next = { () -> [UInt8]? in
      defer { block = nil }
      return block
    }
    RecordReader.split(format, file: file, next: next) { outputs.append(contentsOf: take($0)) }
    return outputs
  }

  /// One JSON Lines record.
  static func decodeLine(_ line: ArraySlice<UInt8>, at location: SourceLocation, defaultID: String) -> Record {
    decodeLine(line.withUnsafeBufferPointer(RecordBytes.copying), at: location, defaultID: defaultID)
  }

  /// One JSON Lines record, the reader's copy of its line.
  static func decodeLine(_ line: RecordBytes, at location: SourceLocation, defaultID: String) -> Record {
    // The direct decoder's table, or its rejection of a syntax error: the record is read once.
    if let record = DirectTableDecoder.read(line, at: location, defaultID: defaultID) { return record }
    switch object(ofLine: line.withBytes { Array($0) }[...], at: location) {
    case .success(let object): return record(object, at: location, defaultID: defaultID)
    case .failure(let error): return .rejected(error)
    }
  }

  /// The table object of a JSON Lines record, parsed by the general parser, or why the line is none.
  static func object(ofLine line: ArraySlice<UInt8>, at location: SourceLocation) -> Result<JSONObject, InputError> {
    do {
      let value = try JSONParser.parse(line, firstLine: location.line ?? 1)
      guard case .object(let object) = value else {
        return .failure(
          InputError(location, value.expected(Message(en: "one table object on this line", zh: "每行一个表格对象"))))
      }
      return .success(object)
    } catch {
      return .failure(syntaxError(error.message, column: error.column, at: location))
    }
  }

  /// A JSON Lines record's syntax error, as both decoders word it.
  static func syntaxError(_ message: Message, column: Int, at location: SourceLocation) -> InputError {
    InputError(location, message + Message(en: " (column \(column))", zh: "（第 \(column) 列）"))
  }

  private static let tableObject = Message(en: "a table object", zh: "表格对象")

  private static func record(_ object: JSONObject, at location: SourceLocation, defaultID: String) -> Record {
    do {
      return .table(try TableDecoder.decode(object, at: location, defaultID: defaultID))
    } catch {
      return .rejected(error)
    }
  }
}

/// The forms the locator finds in a file's grids, numbered across them (a form's default id is its file's
/// name and this number: `L1-national#2`).
struct FormCollector {
  let locator = FormLocator()
  private(set) var count = 0

  /// A visible sheet that is not blank and holds no form: its name and first filled cell. A hidden one is
  /// none — a list of choices, a template: the producer's machinery, as a hidden blank form is.
  struct SheetWithoutForm: Sendable, Hashable {
    var name: String
    var cell: String
    var text: String

    init?(_ grid: Grid) {
      guard !grid.isHidden else { return nil }
      for row in 0..<grid.rowCount {
        for cell in grid.cells(inRow: row) where !cell.isEmpty && !cell.text.isBlankText {
          (name, self.cell, text) = (grid.name, "\(cell.reference)", FormText.oneLine(cell.text))
          return
        }
      }
      return nil
    }
  }

  /// The forms of one grid, numbered on from the forms before it.
  mutating func forms(in grid: Grid, encoding: SourceEncoding = .utf8) -> [PrintedFormTable] {
    number(Self.located(in: grid, by: locator), encoding: encoding)
  }

  /// The forms of one grid, not yet numbered (a worker locates them: `LocatedSheets`). A hidden sheet's form
  /// without an indicator row is a template's blank form, not a table filed.
  static func located(in grid: Grid, by locator: FormLocator) -> [PrintedForm] {
    let forms = locator.forms(in: grid)
    // A visible sheet's forms are handed on as they are, not copied one by one through a filter.
    guard grid.isHidden else { return forms }
    return forms.filter { !($0.indicators?.indicatorRows.isEmpty ?? true) }
  }

  /// Forms located in a grid, numbered on from the forms of the grids before it, in order.
  mutating func number(_ forms: [PrintedForm], encoding: SourceEncoding = .utf8) -> [PrintedFormTable] {
    forms.map { form in
      count += 1
      return PrintedFormTable(form: form, number: count, vocabulary: locator.vocabulary, sourceEncoding: encoding)
    }
  }
}

/// A workbook's sheets, each read and its forms located on `jobs` workers (a sheet is an independent inflate,
/// parse and locate), handed on in tab order: a window of sheets at a time, so that memory holds the grids
/// of the sheets in flight (one a worker) and the forms of one window, never the workbook. The forms are
/// numbered by the caller, in order (`FormCollector.number`): a form's number does not depend on the jobs.
struct LocatedSheets {
  /// One sheet's forms, or the sheet that holds none (nil when it is blank or hidden).
  struct Sheet: Sendable {
    var forms: [PrintedForm]
    var withoutForm: FormCollector.SheetWithoutForm?
  }

  let workbook: SpreadsheetReader
  let locator: FormLocator
  let jobs: Int
  private var nextSheet = 0
  private var window: [Result<Sheet, InputError>] = []
  private var position = 0

  init(of workbook: SpreadsheetReader, locator: FormLocator, jobs: Int) {
    self.workbook = workbook
    self.locator = locator
    self.jobs = max(1, jobs)
  }

  /// Sheets located at once: with one job, one (as a sheet-at-a-time reader); else a few a worker, so that a
  /// worker finishing early idles for at most the rest of one window.
  var windowSize: Int { jobs == 1 ? 1 : jobs * 8 }

  /// The next sheet's forms, or why it cannot be read; nil after the last sheet.
  mutating func next() -> Result<Sheet, InputError>? {
    if position == window.count {
      guard nextSheet < workbook.sheets.count else { return nil }
      let end = min(nextSheet + windowSize, workbook.sheets.count)
      let (workbook, locator) = (self.workbook, self.locator)
      window = OrderedParallelMap.map(Array(workbook.sheets[nextSheet..<end]), jobs: jobs) { sheet in
        Self.locate(sheet, of: workbook, by: locator)
      }
      nextSheet = end
      position = 0
    }
    defer { position += 1 }
    return window[position]
  }

  static func locate(_ sheet: SpreadsheetReader.Sheet, of workbook: SpreadsheetReader, by locator: FormLocator)
    -> Result<Sheet, InputError>
  {
    do {
      let grid = try workbook.grid(of: sheet)
      let forms = FormCollector.located(in: grid, by: locator)
      return .success(Sheet(forms: forms, withoutForm: forms.isEmpty ? FormCollector.SheetWithoutForm(grid) : nil))
    } catch {
      return .failure(error)
    }
  }
}
