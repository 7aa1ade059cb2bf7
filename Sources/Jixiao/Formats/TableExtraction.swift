/// A table as its input gave it, with every value it was read from: what `jixiao extract` prints, so
/// that an evaluator can check the reading, correct it and rescore the JSON.
public struct ExtractedTable: Sendable {
  /// The table as built, which `values` rebuild when read again as JSON.
  public var table: Table
  /// Each value the input gave, in reading order: its field, part, place and text.
  public var values: [TableBuilder.Provenance]
  /// What the form prints that no field holds and no score depends on (a 联系电话, the goals, a remark):
  /// no finding, listed with its cell beside `ignoredNotes`.
  public var unreadTexts: [TableBuilder.UnreadText] = []

  /// What the form prints that no field holds (a column, a cell of a total or unplaced row, a funds block
  /// none of whose columns is read), and that its sheet is hidden: the JSON has no member for it, so a
  /// rescore of the JSON does not report it again.
  public var ignoredNotes: [ReadingNote] {
    table.notes.filter {
      switch $0.problem {
      case .ignoredColumn, .ignoredCell, .unreadFundsBlock, .hiddenSheet, .sheetWithoutForm: true
      default: false
      }
    }
  }

  /// Values the builder could not take as printed: numbers it refused, texts it could not read, names it
  /// did not find; each a finding on its row, again when the JSON is rescored.
  public var unreadableCount: Int {
    table.unreadableNumbers.count + table.notes.count - ignoredNotes.count - uncertainCount
  }

  /// Why the reader is not sure of a value, by its part and field (`GridCell.doubt`): each leaves its row
  /// unverified until the evaluator checks it.
  public var doubts: [UnreadableNumber.Place: [TableField: String]] {
    var doubts: [UnreadableNumber.Place: [TableField: String]] = [:]
    for note in table.notes {
      guard case .uncertain(let reason) = note.problem, let field = note.field else { continue }
      doubts[note.place, default: [:]][field] = reason
    }
    return doubts
  }

  /// Values read from cells the reader is not sure of.
  public var uncertainCount: Int {
    table.notes.count { if case .uncertain = $0.problem { true } else { false } }
  }
}

extension TableReader {
  public enum Extraction: Sendable {
    case table(ExtractedTable)
    case rejected(InputError)

    /// The table a builder that kept its values' provenance makes, with them, or why there is none.
    init(_ builder: consuming TableBuilder) {
      var builder = builder
      let values = builder.provenance ?? []
      let unread = builder.unreadTexts
      switch builder.build() {
      case .success(let table): self = .table(ExtractedTable(table: table, values: values, unreadTexts: unread))
      case .failure(let error): self = .rejected(error)
      }
    }

    /// A printed form built with its values' cells.
    init(form: PrintedFormTable) {
      var builder = form.makeBuilder(recordingProvenance: true)
      form.fill(&builder)
      self.init(builder)
    }
  }

  /// The tables of a file, each with the place of each value, read as `read` reads them: printed forms
  /// (.xlsx, .docx, .pdf, a form CSV, a document's text) with their cells; JSON documents and JSON Lines
  /// by the general parser, which keeps each member's line and column (the batch's direct decoder keeps
  /// none, and stays as fast); a flat CSV with each cell's line and column. A record that cannot be read
  /// is a rejection, as in `read`.
  public static func extract(_ bytes: [UInt8], file: String, format: InputFormat? = nil) -> [Extraction] {
    let resolved = resolve(format, path: file, firstBlock: bytes.prefix(ByteSource.blockSize))
    if holdsPrintedForms(bytes, format: resolved) { return extractForms(bytes, file: file, format: resolved) }
    if resolved == .json { return tables(ofDocument: bytes, file: file, rejected: Extraction.rejected, TableDecoder.extract) }
    return records(bytes, file: file, format: resolved) { $0.extract() }
  }

  /// `extract` of a file or standard input (`-`), read as a batch reads it (`RecordReader`).
  public static func extract(path: String, format: InputFormat? = nil) -> [Extraction] {
    var extractions: [Extraction] = []
    RecordReader(path: path, format: format).read { extractions.append(contentsOf: $0.extract()) }
    return extractions
  }

  /// The printed forms of a file, each built with its values' cells; a table told in prose is a rejection.
  static func extractForms(_ bytes: [UInt8], file: String, format: InputFormat) -> [Extraction] {
    switch printedForms(bytes, file: file, format: format) {
    case .failure(let error): return [.rejected(error)]
    case .success(let found):
      return found.forms.map(Extraction.init(form:)) + found.reviewed.map { $0.extract() } + found.unread.map { .rejected($0) }
    }
  }

  /// One JSON Lines record, each value with its line and column.
  static func extractLine(_ line: ArraySlice<UInt8>, at location: SourceLocation, defaultID: String) -> Extraction {
    switch object(ofLine: line, at: location) {
    case .success(let object): return TableDecoder.extract(object, at: location, defaultID: defaultID)
    case .failure(let error): return .rejected(error)
    }
  }
}

extension RawRecord {
  /// `decode`, each table with the place of each value (`jixiao extract`).
  func extract() -> [TableReader.Extraction] {
    switch self {
    case .jsonLine(let line, let location, let defaultID):
      return [TableReader.extractLine(line.bytes.withBytes { Array($0) }[...], at: location, defaultID: defaultID)]
    case .jsonDocument(let bytes, let file):
      return TableReader.extract(bytes, file: file, format: .json)
    case .csvTable(let rows):
      return [rows.extract()]
    case .printedForm(let form):
      return [TableReader.Extraction(form: form)]
    case .reviewedTable(let table):
      return [table.extract()]
    case .rejected(let error):
      return [.rejected(error)]
    }
  }
}
