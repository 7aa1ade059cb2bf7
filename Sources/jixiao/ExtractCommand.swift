import Jixiao

enum ExtractCommand {
  static let help = Message(
    en: """
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
        --lang zh|en               Language of help and messages (default: from LC_ALL, LC_MESSAGES, LANG).
        -h, --help                 Show this help.

      EXIT STATUS
        0 every table read; 2 usage error (nothing read or written); 3 some input or record could not be
        read (each named on standard error; the tables of the rest are still printed); 4 the output could
        not be written.

      EXAMPLES
        jixiao extract Fixtures/forms/L1/L1-national.xlsx -o L1.json
        jixiao rescore L1.json
        jixiao extract Fixtures/csv/three-tables.csv > three-tables.json
      """,
    zh: """
      用法：jixiao extract FILE… [选项]

      以输入格式的 JSON 输出 jixiao 从每个 FILE 中读到的表格：一个表格数组，每个值保持输入中的样子：
      打印的表格（.xlsx 工作簿、.docx 文档、经 pdftotext 读取的 PDF、另存为 CSV 的表格、pdftotext 输出的
      决算文字、.txt）给出每个单元格的文字，JSON 文档、JSON Lines 和平面 CSV（每行一个指标）照原样给出。
      每张表的 "source" 成员说明每个值的来源（工作表和单元格；表格 CSV 的单元格；PDF 的页码和位置；文档的
      页码和行号；JSON 成员的行号和列号；平面 CSV 的行号、列号和表头），读到多少个值，多少个无法读取或
      读取时不确定，以及表格上打印了哪些没有字段对应的内容。核对读取结果，修正 JSON，再用
      'jixiao rescore FILE.json' 复核（读取时忽略 "source"）。'-' 读取标准输入：工作簿、文档或 PDF 按内容
      识别，其他内容按 'jixiao rescore -' 的方式读取。

      选项
        --input-format json|jsonl|csv|xlsx|docx|pdf|text
                                   标准输入或扩展名无法说明格式的文件按哪种格式读取。
        -o, --output FILE          写入 FILE 而不是标准输出，与 'jixiao rescore -o' 相同：先写入其旁边的
                                   临时文件，结束时改名到位。FILE 不能是输入文件。
        --lang zh|en               帮助和消息的语言（默认：依 LC_ALL、LC_MESSAGES、LANG 而定）。
        -h, --help                 显示本帮助。

      退出状态
        0 所有表格均已读取；2 用法错误（什么也没读、没写）；3 有输入或记录无法读取（每一个都在标准错误
        输出中列出；其余的表格照常输出）；4 输出无法写入。

      示例
        jixiao extract Fixtures/forms/L1/L1-national.xlsx -o L1.json
        jixiao rescore L1.json
        jixiao extract Fixtures/csv/three-tables.csv > three-tables.json
      """)

  static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
    if arguments.contains("--help") || arguments.contains("-h") {
      StandardOutput.write(help.text(Main.language))
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
          StandardError.write(Diagnostic.cannotRead.text(Main.language) + error.text(Main.language))
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
