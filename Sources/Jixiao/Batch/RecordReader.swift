/// One unit of work for a batch worker: a JSON Lines line, a whole JSON document, or a table the CSV
/// reader assembled. Decoding and scoring happen in the worker, so they run on all cores.
enum RawRecord: Sendable {
  case jsonLine(RecordLine, SourceLocation, defaultID: String)
  case jsonDocument([UInt8], file: String)
  case csvTable(FlatCSVTable)
  /// One printed form of a workbook, a Word document, a PDF, a form CSV or a document's text, located by the
  /// reader (a workbook's sheets on the workers, a window at a time: `LocatedSheets`) and built in the worker.
  case printedForm(PrintedFormTable)
  /// One table of a 复核 workbook jixiao wrote, its rows found by the reader and built in the worker.
  case reviewedTable(ReviewedTable)
  case rejected(InputError)

  init(_ output: CSVTableAssembler.Output) {
    switch output {
    case .table(let table): self = .csvTable(table)
    case .rejected(let error): self = .rejected(error)
    }
  }

  /// Decodes the record into tables (a JSON document may hold an array of them) or rejections.
  func decode() -> [TableReader.Record] {
    decoded { $0 }.elements
  }

  /// `transform` of each table or rejection the record decodes to, in order.
  /// Each record is handed over (`consuming`): a scorer moves its table into its checks, not copying it.
  func decoded<Output>(_ transform: (consuming TableReader.Record) -> Output) -> RecordOutputs<Output> {
    switch self {
    case .jsonLine(let line, let location, let defaultID):
      return .one(transform(TableReader.decodeLine(line.bytes, at: location, defaultID: defaultID)))
    case .jsonDocument(let bytes, let file):
      return .many(TableReader.read(bytes, file: file, format: .json).map { transform($0) })
    case .csvTable(let rows):
      return .one(transform(TableReader.Record(built: rows.build())))
    case .printedForm(let form):
      return .one(transform(TableReader.Record(built: form.build())))
    case .reviewedTable(let table):
      return .one(transform(TableReader.Record(built: table.build())))
    case .rejected(let error):
      return .one(transform(.rejected(error)))
    }
  }
}

/// What one record gives, in order: nearly always one output (a line, a CSV table, a form), held without
/// an array; a JSON document may give many.
enum RecordOutputs<Element> {
  case one(Element)
  case many([Element])

  /// Calls `body` with each output, in order.
  func each(_ body: (Element) -> Void) {
    switch self {
    case .one(let element): body(element)
    case .many(let elements): for element in elements { body(element) }
    }
  }

  var elements: [Element] {
    switch self {
    case .one(let element): [element]
    case .many(let elements): elements
    }
  }
}

extension RecordOutputs: Sendable where Element: Sendable {}

/// A JSON Lines record's bytes, copied once from the block that held them: the direct decoder's texts are
/// ranges of this copy (`TableText`), so it is the record's only one. `RecordBytes` is immutable once made,
/// hence safe to hand to a worker.
struct RecordLine: @unchecked Sendable {
  let bytes: RecordBytes
}

extension RecordBytes {
  /// Calls `body` with the bytes, valid only during the call.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    try withUnsafeMutablePointers { count, bytes in try body(UnsafeBufferPointer(start: bytes, count: count.pointee)) }
  }
}

/// Streams the records of one input (a path, or `-` for standard input) in input order.
struct RecordReader {
  let path: String
  /// The format asked for; nil: decided by the file name, or else by the first block (standard input, a
  /// file without a telling extension, a `.txt` holding JSON: `TableReader.resolve`).
  let format: InputFormat?
  /// The workers a workbook's sheets are read and located on (`LocatedSheets`); the records come in the same
  /// order for any number.
  let jobs: Int

  init(path: String, format: InputFormat?, jobs: Int = 1) {
    self.path = path
    self.format = format
    self.jobs = jobs
  }

  var fileLabel: String { path == "-" ? "<stdin>" : path }

  private static let splitAdvice = Message(en: "split the tables into smaller files", zh: "请将表格拆分为较小的文件")

  /// Calls `emit` for each record, handing it over (a record kept is moved, not copied); returns the bytes read.
  @discardableResult
  func read(_ emit: (consuming RawRecord) -> Void) -> Int {
    let source: ByteSource
    do {
      source = try ByteSource(path: path)
    } catch {
      emit(.rejected(error))
      return 0
    }
    let file = fileLabel
    var first = source.nextBlock()
    let resolved = TableReader.resolve(format, path: path, firstBlock: first ?? [])
    /// The whole input, or nil (after its rejection) when it is larger than a document may be.
    func whole(_ advice: Message) -> [UInt8]? {
      guard let bytes = source.readAll(after: first ?? [], limit: Limits.maximumDocumentBytes) else {
        let size = Limits.maximumDocumentBytes >> 20
        emit(
          .rejected(
            InputError(
              SourceLocation(file: file),
              Message(en: "the file is larger than \(size) MiB; ", zh: "文件大于 \(size) MiB；") + advice)))
        return nil
      }
      return bytes
    }
    func emitForms(_ bytes: [UInt8], workbook: ZipArchive? = nil, format: InputFormat) {
      let failure = TableReader.eachPrintedForm(
        bytes, workbook: workbook, file: file, format: format, { emit(.printedForm($0)) }, unread: { emit(.rejected($0)) },
        reviewed: { table in
          switch table {
          case .success(let table): emit(.reviewedTable(table))
          case .failure(let error): emit(.rejected(error))
          }
        }, jobs: jobs)
      if let failure { emit(.rejected(failure)) }
    }
    switch resolved {
    case .json:
      if let bytes = whole(Message(en: "write large batches as JSON Lines (.jsonl)", zh: "大批量请写成 JSON Lines（.jsonl）")) {
        emit(.jsonDocument(bytes, file: file))
      }

    case .xlsx, .docx:
      // A workbook on disk is read from its file a part at a time, never whole: only its shared strings and
      // the sheets in flight are held (issue 17 item 10).
      if let package = packageOnDisk(firstBlock: first ?? []) {
        // Opened once, to tell a workbook from a document and then to read it. One that cannot be opened is
        // read whole below, and its reader says what is wrong with it.
        if let archive = try? ZipArchive(source: package, file: file, limits: SpreadsheetReader.Limits.standard.archive),
          case let told = format ?? OfficeFileSniffer.format(of: archive), told == .xlsx
        {
          emitForms([], workbook: archive, format: told)
          // Read a range at a time, all of it as far as the count goes.
          return package.count
        }
      }
      // A package told by its first block is told again by its parts, now that they are all read.
      if let bytes = whole(Self.splitAdvice) {
        emitForms(bytes, format: format ?? OfficeFileSniffer.format(of: bytes) ?? resolved)
      }
    case .pdf:
      if let bytes = whole(Self.splitAdvice) { emitForms(bytes, format: .pdf) }
    case .text:
      if let bytes = whole(Self.splitAdvice) { emitForms(bytes, format: .text) }
    case .csv where CSVGridReader.isPrintedForm(firstBlock: first ?? []):
      if let bytes = whole(Self.splitAdvice) { emitForms(bytes, format: resolved) }
    case .jsonl, .csv:
      // The block read to sniff the format comes first, then the rest of the input.
      let next = { () -> [UInt8]? in
        defer { first = nil }
        return first ?? source.nextBlock()
      }
      Self.split(resolved, file: file, next: next, emit)
    }
    return source.bytesRead
  }

  /// The file as a ZIP source, when it is a ZIP archive on disk (not standard input) that a document may
  /// be: a larger one is read whole, to be refused as any other such file.
  private func packageOnDisk(firstBlock: [UInt8]) -> ZipSource? {
    guard path != "-", firstBlock.starts(with: OfficeFileSniffer.zipSignature),
      let package = try? ZipSource(path: path, file: fileLabel), package.count <= Limits.maximumDocumentBytes
    else { return nil }
    return package
  }

  /// Records of a JSON Lines or CSV stream, block by block (`next`), in input order.
  static func split(_ format: InputFormat, file: String, next: () -> [UInt8]?, _ emit: (consuming RawRecord) -> Void) {
    precondition(!format.holdsPrintedForms, "a file of printed forms is read whole (TableReader.eachPrintedForm)")
    if format == .csv {
      splitCSV(file: file, next: next, emit)
    } else {
      splitLines(file: file, next: next, emit)
    }
  }

  /// JSON Lines: one record a non-blank line; an oversized line is a rejection, never buffered.
  static func splitLines(file: String, next: () -> [UInt8]?, _ emit: (consuming RawRecord) -> Void) {
    // A line's default id is `base:number`: the prefix is made once a file, the number a line.
    let idPrefix = TableReader.baseName(file) + ":"
    var splitter = LineSplitter()
    func handle(_ line: LineSplitter.Line) {
      switch line {
      case .complete(let bytes, let number):
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
        emit(
          .jsonLine(
            RecordLine(bytes: bytes.withUnsafeBufferPointer(RecordBytes.copying)), SourceLocation(file: file, line: number),
            defaultID: idPrefix + String(number)))
      case .oversized(let number):
        emit(.rejected(InputError(SourceLocation(file: file, line: number), LineSplitter.oversizedMessage)))
      }
    }
    while let block = next() { splitter.feed(block, handle) }
    splitter.feed(nil, handle)
  }

  /// CSV: one record a table (its rows together), or a rejection. The text is made UTF-8 first
  /// (`CSVTextDecoder`); a file in no encoding jixiao reads is one rejection.
  static func splitCSV(file: String, next: () -> [UInt8]?, _ emit: (consuming RawRecord) -> Void) {
    var decoder = CSVTextDecoder(file: file)
    var parser = CSVParser()
    var assembler = CSVTableAssembler(file: file)
    while let block = next() {
      let text = decoder.decode(block)
      guard feedCSV(text, from: decoder, to: &parser, &assembler, emit) else { return }
    }
    let text = decoder.finish()
    guard feedCSV(text, from: decoder, to: &parser, &assembler, emit) else { return }
    parser.finishFields { row in assembler.add(row) { emit(RawRecord($0)) } }
    assembler.finish { emit(RawRecord($0)) }
  }

  /// Feeds one block of UTF-8 text; false once the file is refused: the rest is not read. The parser and the
  /// assembler are parameters, not variables a nested function captures: a captured variable would be
  /// checked for exclusive access at run time on every row.
  private static func feedCSV(
    _ text: [UInt8], from decoder: CSVTextDecoder, to parser: inout CSVParser, _ assembler: inout CSVTableAssembler,
    _ emit: (consuming RawRecord) -> Void
  ) -> Bool {
    parser.sourceEncoding = decoder.encoding ?? .utf8
    assembler.sourceEncoding = decoder.encoding ?? .utf8
    parser.feedFields(text) { row in assembler.add(row) { emit(RawRecord($0)) } }
    guard let refusal = decoder.refusal else { return true }
    assembler.abandon(refusal) { emit(RawRecord($0)) }
    return false
  }
}
