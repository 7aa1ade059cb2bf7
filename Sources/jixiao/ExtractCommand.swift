import Jixiao

enum ExtractCommand {
  static let help = """
    USAGE: jixiao extract FILE… [OPTIONS]

    Prints the tables jixiao reads from each FILE as JSON in the input schema, one array of tables, each
    value as the input gave it: printed forms (.xlsx workbooks, .docx documents, PDFs through pdftotext,
    forms saved as CSV, the text of a published 决算 as pdftotext prints it, .txt) with each cell's text,
    JSON documents, JSON Lines and flat CSV (one indicator a row) as written. Each table's "source" member
    says where each value came from (sheet and cell; a form CSV's cell; a PDF's page and position; a
    document's page and line; a JSON member's line and column; a flat CSV's line, column and header), how
    many values were read, how many could not be or were read without certainty, and what a form prints
    that no field holds. Check the reading, correct the JSON, and score it with 'jixiao rescore FILE.json'
    (the reader ignores "source"). '-' reads standard input: a workbook, document or PDF is told by its
    contents, anything else read as 'jixiao rescore -' reads it.

    OPTIONS
      --input-format json|jsonl|csv|xlsx|docx|pdf|text
                                 How to read standard input or a file without a telling extension.
      -o, --output FILE          Write to FILE instead of standard output, as 'jixiao rescore -o' does: a
                                 temporary file beside it, renamed into place at the end. FILE must not be an
                                 input.
      -h, --help                 Show this help.

    EXIT STATUS
      0 every table read; 2 usage error (nothing read or written); 3 some input or record could not be
      read (each named on standard error; the tables of the rest are still printed); 4 the output could
      not be written.

    EXAMPLES
      jixiao extract Fixtures/forms/L1/L1-national.xlsx -o L1.json
      jixiao rescore L1.json
      jixiao extract Fixtures/csv/three-tables.csv > three-tables.json
    """

  static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
    if arguments.contains("--help") || arguments.contains("-h") {
      StandardOutput.write(help)
      return ExitStatus.success
    }
    let parsed = try Arguments(arguments, valued: ["--input-format", "-o", "--output"], flagged: [], command: "extract")
    let inputFormat = try RescoreCommand.inputFormat(parsed)
    let inputs = try RescoreCommand.inputs(
      parsed, example: "jixiao extract Fixtures/forms/L1/L1-national.xlsx", command: "extract")
    let target = try RescoreCommand.outputTarget(parsed.value("-o") ?? parsed.value("--output"), inputs: inputs)

    var tables: [ExtractedTable] = []
    var rejected = false
    for input in inputs {
      for extraction in TableReader.extract(path: input, format: inputFormat) {
        switch extraction {
        case .table(let table): tables.append(table)
        case .rejected(let error):
          StandardError.write("jixiao: cannot read \(error)")
          rejected = true
        }
      }
    }
    let sink = OutputSink(target: target)
    sink.write(bytes: ExtractJSON.document(tables))
    sink.finish()
    return rejected ? ExitStatus.unreadableInput : ExitStatus.success
  }
}
