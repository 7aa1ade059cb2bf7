import Foundation
import Jixiao

enum RescoreCommand {
  static let formats = ["text", "json", "jsonl", "markdown", "csv", "xlsx", "html"]

  static let help = Message(
    en: """
      USAGE: jixiao rescore [FILE…|-] [OPTIONS]

      Re-scores each table by the rules of a profile and reports what was over-claimed.
      A 复核 workbook jixiao wrote (--format xlsx) and a reviewer filled in is read back: its tables, and the
      reviewer's 复核调整得分 and 复核意见, which the totals, grades and summary then follow.
      FILE is .json (one table, or an array of tables), .jsonl (one table a line), .csv (one indicator
      a row, Chinese or field-name headers, or a printed form saved as CSV), the printed forms of an
      .xlsx workbook, a .docx document or a .pdf (through poppler's pdftotext; every table found), or the
      自评表 and 绩效目标表 of a document's text (.txt, as pdftotext prints a 决算, by default or with
      -layout); '-' or no FILE reads standard input (a workbook, document or PDF is told by its contents).
      Large batches stream: records are read, scored and written in input order, on all cores.

      OPTIONS
        --format text|json|jsonl|markdown|csv|xlsx|html
                                   Output: a report to read (default), one JSON document, one result a line,
                                   a Markdown table (one row per table), the 复核 worksheet (CSV for Excel),
                                   the 复核 workbook (sheets 汇总, 复核, 发现, 说明; needs -o or a pipe), or a
                                   self-contained HTML report to read and print (use with -o).
        --report-all               HTML: a section for every table, not only those with warnings or errors.
        --profile NAME|PATH        Rule profile: a name from Scoring/ (default: national-default) or a .json file.
        --fail-on error|warning|never
                                   Exit 1 when a finding of this severity or worse exists (default: never).
        --summary                  Add the batch summary (text: after the reports; json/jsonl: a summary object).
        --jobs N                   Worker threads (default: the number of cores). Output is the same for any N.
        --input-format json|jsonl|csv|xlsx|docx|pdf|text
                                   How to read standard input or a file without a telling extension.
        -o, --output FILE          Write to FILE instead of standard output: a temporary file beside it, renamed
                                   into place at the end (an existing file keeps its mode). A device or FIFO is
                                   written in place; a symbolic link is written through to the file it names.
                                   FILE must not be an input.
        --progress                 Report progress on standard error (default: when it is a terminal).
        --lang zh|en               Language of help and messages (default: from LC_ALL, LC_MESSAGES, LANG).
        -h, --help                 Show this help.

      EXIT STATUS
        0 scored; 1 a finding at the --fail-on severity; 2 usage error (nothing read or written); 3 some
        input could not be read (the rest is still scored and reported); 4 the output could not be written
        (a full disk, a closed pipe): one line on standard error, and an -o file is left as it was.

      EXAMPLES
        jixiao rescore Fixtures/004-unit/table.json
        jixiao rescore Fixtures/corpus.jsonl --format csv -o 复核.csv --summary
        jixiao rescore Fixtures/corpus.jsonl --format xlsx -o 复核.xlsx
        jixiao rescore 复核.xlsx --summary
      """,
    zh: """
      用法：jixiao rescore [FILE…|-] [选项]

      按评分配置的规则复核每张表，并报告哪些地方自评偏高。
      jixiao 写出（--format xlsx）、复核人填写过的复核工作簿可以读回：读取其中的表格以及复核人填写的复核调整得分
      和复核意见，总分、等级和汇总随之按复核人的意见计算。
      FILE 可以是 .json（一张表或表格数组）、.jsonl（每行一张表）、.csv（每行一个指标，表头为中文或字段名，
      或另存为 CSV 的打印表格）、.xlsx 工作簿、.docx 文档或 .pdf（经 poppler 的 pdftotext 读取；找到的表格
      全部读取）中打印的表格，或文档文字（.txt，pdftotext 输出的决算文字，默认方式或 -layout 均可）中的
      自评表和绩效目标表；'-' 或不给 FILE 时读取标准输入（工作簿、文档或 PDF 按内容识别）。
      大批量流式处理：记录按输入顺序读取、评分和写出，使用所有处理器核心。

      选项
        --format text|json|jsonl|markdown|csv|xlsx|html
                                   输出：供阅读的报告（默认）、一个 JSON 文档、每行一个结果、Markdown 表格
                                   （每张表一行）、复核工作表（供 Excel 打开的 CSV）、复核工作簿（汇总、复核、
                                   发现、说明四张表；需 -o 或管道），或可阅读、打印的独立 HTML 报告（与 -o
                                   一起使用）。
        --report-all               HTML：每张表一节，而不只是有警告或错误的表。
        --profile NAME|PATH        评分配置：Scoring/ 中的名称（默认：national-default）或一个 .json 文件。
        --fail-on error|warning|never
                                   有此严重程度或更严重的发现时以状态 1 退出（默认：never）。
        --summary                  加上批量汇总（text：在报告之后；json/jsonl：一个 summary 对象）。
        --jobs N                   工作线程数（默认：处理器核心数）。任何 N 的输出都相同。
        --input-format json|jsonl|csv|xlsx|docx|pdf|text
                                   标准输入或扩展名无法说明格式的文件按哪种格式读取。
        -o, --output FILE          写入 FILE 而不是标准输出：先写入其旁边的临时文件，结束时改名到位（已有文件
                                   保留其权限）。设备或 FIFO 就地写入；符号链接写入其指向的文件。
                                   FILE 不能是输入文件。
        --progress                 在标准错误输出中报告进度（默认：标准错误输出是终端时）。
        --lang zh|en               帮助和消息的语言（默认：依 LC_ALL、LC_MESSAGES、LANG 而定）。
        -h, --help                 显示本帮助。

      退出状态
        0 已复核；1 有达到 --fail-on 严重程度的发现；2 用法错误（什么也没读、没写）；3 有输入无法读取
        （其余照常复核和报告）；4 输出无法写入（磁盘已满、管道已关闭）：标准错误输出一行，-o 文件保持原样。

      示例
        jixiao rescore Fixtures/004-unit/table.json
        jixiao rescore Fixtures/corpus.jsonl --format csv -o 复核.csv --summary
        jixiao rescore Fixtures/corpus.jsonl --format xlsx -o 复核.xlsx
        jixiao rescore 复核.xlsx --summary
      """)

  static let reviewHelp = Message(
    en: """
      USAGE: jixiao review-targets [FILE…|-] [OPTIONS]

      Reviews the targets of 绩效目标表 (and the target side of self-evaluations) before the year starts:
      weights that do not sum as the template requires, a missing or misplaced level, a direction that
      contradicts the indicator, too much weight on qualitative targets, numeric targets without a unit,
      duplicates, 成本 targets above the budget, targets no higher than last year's actual. Nothing is scored.
      Takes the options of 'jixiao rescore' (--format, --profile, --fail-on, --summary, --jobs, -o, …).

      OPTIONS
        --lang zh|en               Language of help and messages (default: from LC_ALL, LC_MESSAGES, LANG).
        -h, --help                 Show this help.

      EXAMPLE
        jixiao review-targets Fixtures/003-commerce-work-funds-targets/table.json
      """,
    zh: """
      用法：jixiao review-targets [FILE…|-] [选项]

      在年度开始前审核绩效目标表的目标（以及自评表中的目标部分）：权重合计不符合模板要求，缺少或错放的
      指标层级，与指标相矛盾的方向，定性目标权重过高，数值目标没有计量单位，重复的指标，成本目标高于预算，
      目标不高于上年实际值。不评分。
      接受 'jixiao rescore' 的选项（--format、--profile、--fail-on、--summary、--jobs、-o 等）。

      选项
        --lang zh|en               帮助和消息的语言（默认：依 LC_ALL、LC_MESSAGES、LANG 而定）。
        -h, --help                 显示本帮助。

      示例
        jixiao review-targets Fixtures/003-commerce-work-funds-targets/table.json
      """)

  static func run(_ arguments: [String], mode: Scorer.Mode = .rescore) throws(UsageError) -> Int32 {
    let command = mode == .rescore ? "rescore" : "review-targets"
    if arguments.contains("--help") || arguments.contains("-h") {
      StandardOutput.write((mode == .rescore ? help : reviewHelp).text(Main.language))
      return ExitStatus.success
    }
    let parsed = try Arguments(
      arguments, valued: ["--format", "--profile", "--fail-on", "--jobs", "--input-format", "-o", "--output"],
      flagged: ["--summary", "--progress", "--report-all"], command: command)
    let format = try parsed.choice("--format", from: formats, default: "text")
    let failOn = try parsed.choice("--fail-on", from: ["error", "warning", "never"], default: "never")
    let inputFormat = try inputFormat(parsed)
    let jobs = try jobCount(parsed.value("--jobs"))
    let profile: Profile
    do {
      profile = try Profile.load(parsed.value("--profile") ?? Profile.defaultName)
    } catch {
      throw UsageError(
        error.located,
        hint: Message(
          en: "jixiao rescore FILE --profile national-default, or --profile path/to/profile.json",
          zh: "jixiao rescore FILE --profile national-default，或 --profile path/to/profile.json"))
    }
    let inputs = try inputs(parsed, example: "jixiao rescore Fixtures/004-unit/table.json", command: "rescore")
    let target = try outputTarget(parsed.value("-o") ?? parsed.value("--output"), inputs: inputs)
    if format == "xlsx", target == nil, isatty(STDOUT_FILENO) != 0 {
      throw UsageError(
        Message(
          en: "--format xlsx writes a binary workbook, which a terminal cannot show",
          zh: "--format xlsx 写出的是二进制工作簿，终端无法显示"),
        hint: Message(
          en: "write it to a file: jixiao \(command) FILE --format xlsx -o 复核.xlsx",
          zh: "请写入文件：jixiao \(command) FILE --format xlsx -o 复核.xlsx"))
    }
    let withSummary = parsed.has("--summary")
    let progress = parsed.has("--progress") || isatty(STDERR_FILENO) != 0 ? ProgressReporter() : nil

    // Every usage error is found above, before a spool file is created or the output opened.
    let reportAll = parsed.has("--report-all")
    let htmlSections = format == "html" ? HTMLSections(limit: reportAll ? nil : HTMLReport.maximumSections) : nil
    let sink = OutputSink(target: target)
    let runner = BatchRunner(
      scorer: Scorer(profile: profile, mode: mode), jobs: jobs, renderResult: renderer(format, reportAll: reportAll),
      renderRejection: { format == "jsonl" ? ResultDocument.rejectionLine($0) : [] })
    switch format {
    case "json": sink.write(#"{"results":["#)
    case "markdown": sink.write(MarkdownSummary.header)
    case "csv": sink.write(Worksheet.header)
    default: break
    }
    var first = true
    var workbookResults: [TableResult] = []
    let threshold = Severity(rawValue: failOn)
    var failed = false
    func rejected(_ error: InputError, _ rendered: [UInt8]) {
      StandardError.write(Diagnostic.cannotRead.text(Main.language) + error.text(Main.language))
      sink.write(bytes: rendered)
    }
    let reportProgress = progress.map { reporter in { reporter.update($0) } }
    let summary: BatchSummary
    if htmlSections != nil || format == "xlsx" {
      // Whole results: the HTML report indexes the tables beyond its sections, the workbook holds them all.
      summary = runner.run(
        inputs: inputs, format: inputFormat,
        handle: { outcome in
          switch outcome {
          case .result(let result, let rendered):
            if let htmlSections {
              htmlSections.add(result, section: rendered)
            } else {
              workbookResults.append(result)
            }
            if let threshold, BatchSummary.Entry(result).hasFinding(atLeast: threshold) { failed = true }
          case .rejected(let error, let rendered): rejected(error, rendered)
          }
        }, progress: reportProgress)
    } else {
      // Only the output: each result is destroyed on the worker that scored it.
      summary = runner.stream(
        inputs: inputs, format: inputFormat,
        handle: { outcome in
          switch outcome {
          case .result(let entry, let rendered):
            if format == "json", !first { sink.write(",") }
            first = false
            sink.write(bytes: rendered)
            if let threshold, entry.hasFinding(atLeast: threshold) { failed = true }
          case .rejected(let error, let rendered): rejected(error, rendered)
          }
        }, progress: reportProgress)
    }
    progress?.finish(summary.tablesRead)

    switch format {
    case "json":
      sink.write(#"],"rejected":["#)
      sink.write(summary.rejections.map(ResultDocument.rejectionObject).joined(separator: ","))
      sink.write("]")
      if withSummary { sink.write(#","summary":"# + SummaryReport.json(summary)) }
      sink.write("}\n")
    case "jsonl":
      if withSummary { sink.write(#"{"summary":"# + SummaryReport.json(summary) + "}\n") }
    case "markdown":
      sink.write(MarkdownSummary.footer(summary))
    case "html":
      sink.write(HTMLReport.prefix(summary: summary, profile: profile, includedAll: reportAll))
      htmlSections?.copy(into: sink)
      sink.write(HTMLReport.suffix)
    case "xlsx":
      let metadata = ReviewWorkbook.Metadata(profile: profile, jixiaoVersion: Main.version, date: Self.today())
      do throws(ReviewWorkbook.Failure) {
        sink.write(bytes: try ReviewWorkbook.bytes(results: workbookResults, summary: summary, metadata: metadata))
      } catch {
        Cleanup.removeAll()
        let said = Message(en: "cannot write the workbook: ", zh: "无法写出工作簿：") + error.message
        StandardError.write(Diagnostic.error.text(Main.language) + said.text(Main.language))
        return ExitStatus.outputFailed
      }
    case "text":
      if withSummary {
        sink.write(SummaryReport.text(summary))
      } else if summary.tablesRead > 1 {
        sink.write("共 \(summary.tablesRead) 张表：复核 \(summary.tablesScored) 张，无法读取 \(summary.rejectedCount) 张（--summary 显示汇总）\n")
      }
    default: break
    }
    sink.finish()

    if summary.rejectedCount > 0 { return ExitStatus.unreadableInput }
    return failed ? ExitStatus.findings : ExitStatus.success
  }

  static func renderer(_ format: String, reportAll: Bool) -> @Sendable (TableResult) -> [UInt8] {
    if format == "jsonl" { return { ResultJSON.line($0) } }
    let text: @Sendable (TableResult) -> String =
      switch format {
      case "html": { HTMLReport.includes($0, all: reportAll) ? HTMLReport.section($0) : "" }
      case "json": { ResultJSON.encode($0) }
      case "markdown": { MarkdownSummary.row($0) }
      case "csv": { Worksheet.rows($0) }
      case "xlsx": { _ in "" }
      default: { TextReport.render($0) + "\n" }
      }
    return { Array(text($0).utf8) }
  }

  /// The date in UTC, `2026-12-04`, for the workbook's 说明 sheet.
  static func today() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    return formatter.string(from: Date())
  }

  /// `--input-format`, checked: how to read standard input or a file without a telling extension.
  static func inputFormat(_ parsed: Arguments) throws(UsageError) -> InputFormat? {
    try parsed.value("--input-format").map { (text) throws(UsageError) in
      try InputFormat(
        rawValue: parsed.choice("--input-format", from: InputFormat.allCases.map(\.rawValue), default: text))!
    }
  }

  /// The files to read; standard input when none is given and it is not a terminal.
  static func inputs(_ parsed: Arguments, example: String, command: String) throws(UsageError) -> [String] {
    guard parsed.positionals.isEmpty else { return parsed.positionals }
    guard isatty(STDIN_FILENO) == 0 else {
      throw UsageError(
        Message(en: "no input given", zh: "没有给出输入"),
        hint: Message(
          en: "\(example), or pipe tables in with 'jixiao \(command) -'", zh: "\(example)，或用管道把表格送给 'jixiao \(command) -'"))
    }
    return ["-"]
  }

  /// The checked `-o` path (nil: standard output); refused as a usage error when it would destroy an input.
  static func outputTarget(_ path: String?, inputs: [String]) throws(UsageError) -> OutputTarget? {
    guard let path, path != "-" else { return nil }
    do throws(OutputRefusal) {
      return try OutputTarget.resolve(path, inputs: inputs)
    } catch {
      throw UsageError(error.message, hint: error.hint)
    }
  }

  static func jobCount(_ text: String?) throws(UsageError) -> Int {
    guard let text else { return ProcessInfo.processInfo.activeProcessorCount }
    guard let jobs = Int(text), jobs >= 1, jobs <= 256 else {
      throw UsageError(
        Message(en: "--jobs needs a whole number from 1 to 256, found '\(text)'", zh: "--jobs 需要 1 到 256 之间的整数，实为 '\(text)'"),
        hint: Message(verbatim: "jixiao rescore FILE --jobs 2"))

    }
    return jobs
  }
}

/// `N tables read · X tables/s` (`已处理 N 张表 · X 张/秒`) on standard error, at most a few times a second.
final class ProgressReporter {
  private let start = Date()
  private var lastUpdate = Date.distantPast

  func update(_ done: Int) {
    let now = Date()
    guard now.timeIntervalSince(lastUpdate) >= 0.25 else { return }
    lastUpdate = now
    write(done, now)
  }

  func finish(_ done: Int) {
    write(done, Date())
    StandardError.write(raw: "\n")
  }

  private func write(_ done: Int, _ now: Date) {
    let seconds = max(now.timeIntervalSince(start), 0.001)
    let rate = Int(Double(done) / seconds)
    let line = Message(en: "\(done) tables read · \(rate) tables/s", zh: "已处理 \(done) 张表 · \(rate) 张/秒")
    StandardError.write(raw: "\r" + line.text(Main.language))

  }
}
