/// A table as a printed form gave it, with every value it was read from: what `jixiao extract` prints, so
/// that an evaluator can check the reading, correct it and rescore the JSON.
public struct ExtractedTable: Sendable {
  /// The table as built, which `values` rebuild when read again as JSON.
  public var table: Table
  /// Each value the form printed, in reading order: its field, part, cell and text.
  public var values: [TableBuilder.Provenance]

  /// What the form prints that no field holds (a column, a cell of a total or unplaced row): the JSON has
  /// no member for it, so a rescore of the JSON does not report it again.
  public var ignoredNotes: [ReadingNote] {
    table.notes.filter {
      switch $0.problem {
      case .ignoredColumn, .ignoredCell: true
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
  }

  /// The tables of a file of printed forms (.xlsx, .docx, .pdf, a form CSV), each with the place of each value,
  /// read by the readers `read` uses. Any other input is one rejection: it is read as it is written.
  public static func extract(_ bytes: [UInt8], file: String, format: InputFormat? = nil) -> [Extraction] {
    let resolved = format ?? Self.format(forPath: file) ?? sniff(bytes)
    guard
      resolved.holdsPrintedForms
        || (resolved == .csv && CSVGridReader.isPrintedForm(firstBlock: Array(bytes.prefix(ByteSource.blockSize))))
    else {
      return [
        .rejected(
          InputError(
            SourceLocation(file: file),
            "not a printed form: extract reads the tables of .xlsx workbooks, .docx documents, PDFs and forms saved as CSV; a JSON, JSON Lines or flat CSV file is read as written (jixiao rescore FILE)"
          ))
      ]
    }
    switch printedForms(bytes, file: file, format: resolved) {
    case .failure(let error): return [.rejected(error)]
    case .success(let forms):
      return forms.map { form in
        var builder = form.makeBuilder(recordingProvenance: true)
        form.fill(&builder)
        let values = builder.provenance ?? []
        switch builder.build() {
        case .success(let table): return .table(ExtractedTable(table: table, values: values))
        case .failure(let error): return .rejected(error)
        }
      }
    }
  }

  /// `extract` of a file or standard input (`-`), read whole within `Limits.maximumDocumentBytes`.
  public static func extract(path: String, format: InputFormat? = nil) -> [Extraction] {
    let file = path == "-" ? "<stdin>" : path
    let source: ByteSource
    do {
      source = try ByteSource(path: path)
    } catch {
      return [.rejected(error)]
    }
    guard let bytes = source.readAll(limit: Limits.maximumDocumentBytes) else {
      return [
        .rejected(
          InputError(
            SourceLocation(file: file),
            "the file is larger than \(Limits.maximumDocumentBytes >> 20) MiB; split the tables into smaller files"))
      ]
    }
    return extract(bytes, file: file, format: format ?? Self.format(forPath: path))
  }
}
