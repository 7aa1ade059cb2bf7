import Foundation
import Jixiao

/// `jixiao`: thin on purpose. It parses arguments, calls the library, prints, and sets the exit status.
enum Main {
  static let version = "0.1.0"

  /// The run's language and its command line without `--lang`, decided once before anything is printed
  /// (`LanguageChoice`); immutable for the rest of the run.
  static let choice = LanguageChoice(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
  static var language: Language { choice.language }

  static let help = Message(
    en: """
      jixiao \(version): re-scores 绩效自评表 (budget performance self-evaluation tables) and says what was over-claimed.

      USAGE
        jixiao rescore [FILE…|-] [--format FORMAT] [--profile NAME|PATH] [--fail-on error|warning|never]
        jixiao review-targets [FILE…|-] [same options as rescore]
        jixiao extract FILE… [-o FILE] [--input-format FORMAT]
        jixiao explain [CODE]
        jixiao profile list|show NAME|check PATH
        jixiao --version

      COMMANDS
        rescore   Re-score tables and report findings.
        review-targets
                  Review 绩效目标表 (or the targets of any table) before the year starts.
        extract   Print the tables of any input as JSON, each value with where it came from (cell, page, line).
        explain   List the finding codes, or explain one with its examples.
        profile   List, show or check rule profiles (Scoring/).

      INPUT FORMATS (told by the file's extension, else by its contents; --input-format NAME to say)
        .json   json   JSON: one table, or an array of tables
        .jsonl  jsonl  JSON Lines: one table a line
        .csv    csv    flat CSV (one indicator a row, Chinese or field-name headers), or a printed form
                       saved as CSV; UTF-8, GB18030 or UTF-16
        .xlsx   xlsx   the printed forms of an Excel or WPS workbook, or a 复核 workbook jixiao wrote
                       and a reviewer filled in
        .docx   docx   the tables of a Word or WPS document
        .pdf    pdf    a PDF's tables, read through poppler's pdftotext
        .txt    text   a document's text (a 决算 as pdftotext prints it, with or without -layout): its
                       自评表 and 绩效目标表
        -              standard input (a workbook, document or PDF is told by its contents)

      OUTPUT FORMATS (jixiao rescore --format; extract always writes JSON)
        text      a report to read (default)
        json      one JSON document: results, rejections, and the summary with --summary
        jsonl     one result a line
        markdown  a Markdown table, one row per table
        csv       the 复核 worksheet, CSV for Excel
        html      a self-contained HTML report to read and print (use with -o)
        xlsx      the 复核 workbook (sheets 汇总, 复核, 发现, 说明; use with -o)

      OPTIONS FOR EVERY COMMAND
        --lang zh|en   Language of help and messages. Default: Chinese when LC_ALL, else LC_MESSAGES, else
                       LANG starts with zh (the first of them that is set decides); English otherwise.
        -h, --help     Show help.

      Run 'jixiao COMMAND --help' for a command's options.
      """,
    zh: """
      jixiao \(version)：复核绩效自评表，指出自评偏高之处。

      用法
        jixiao rescore [FILE…|-] [--format 格式] [--profile NAME|PATH] [--fail-on error|warning|never]
        jixiao review-targets [FILE…|-] [与 rescore 相同的选项]
        jixiao extract FILE… [-o FILE] [--input-format 格式]
        jixiao explain [CODE]
        jixiao profile list|show NAME|check PATH
        jixiao --version

      命令
        rescore   复核表格并报告发现的问题。
        review-targets
                  在年度开始前审核绩效目标表（或任何表格中的目标）。
        extract   以 JSON 输出任何输入中的表格，每个值附带其来源（单元格、页码、行号）。
        explain   列出发现代码，或解释其中一个并给出示例。
        profile   列出、显示或校验评分配置（Scoring/）。

      输入格式（按文件扩展名识别，否则按内容识别；可用 --input-format NAME 指定）
        .json   json   JSON：一张表，或表格数组
        .jsonl  jsonl  JSON Lines：每行一张表
        .csv    csv    平面 CSV（每行一个指标，表头为中文或字段名），或另存为 CSV 的打印表格；
                       UTF-8、GB18030 或 UTF-16
        .xlsx   xlsx   Excel 或 WPS 工作簿中打印的表格，或 jixiao 写出、复核人填写过的复核工作簿
        .docx   docx   Word 或 WPS 文档中的表格
        .pdf    pdf    PDF 中的表格，经 poppler 的 pdftotext 读取
        .txt    text   文档文字（pdftotext 输出的决算文字，带或不带 -layout）中的自评表和绩效目标表
        -              标准输入（工作簿、文档或 PDF 按内容识别）

      输出格式（jixiao rescore --format；extract 总是输出 JSON）
        text      供阅读的报告（默认）
        json      一个 JSON 文档：结果、无法读取的记录，加 --summary 时还有汇总
        jsonl     每行一个结果
        markdown  Markdown 表格，每张表一行
        csv       复核工作表，供 Excel 打开的 CSV
        html      可阅读、打印的独立 HTML 报告（与 -o 一起使用）
        xlsx      复核工作簿（汇总、复核、发现、说明四张表；与 -o 一起使用）

      所有命令的选项
        --lang zh|en   帮助和消息的语言。默认：LC_ALL、LC_MESSAGES、LANG 中第一个有值的以 zh 开头时
                       用中文，否则用英文。
        -h, --help     显示帮助。

      运行 'jixiao COMMAND --help' 查看命令的选项。
      """)

  static func run(_ arguments: [String]) -> Int32 {
    do throws(UsageError) {
      if let error = choice.error { throw error }
      guard let command = arguments.first else {
        StandardOutput.write(help.text(language))
        return 0
      }

      switch command {
      case "rescore": return try RescoreCommand.run(Array(arguments.dropFirst()))
      case "explain": return try ExplainCommand.run(Array(arguments.dropFirst()))
      case "profile": return try ProfileCommand.run(Array(arguments.dropFirst()))
      case "review-targets": return try RescoreCommand.run(Array(arguments.dropFirst()), mode: .reviewTargets)
      case "extract": return try ExtractCommand.run(Array(arguments.dropFirst()))
      case "--version", "-V", "version":
        StandardOutput.write("jixiao \(version)")
        return 0
      case "--help", "-h", "help":
        StandardOutput.write(help.text(language))
        return 0
      default:
        let suggestion = closest(to: command, in: ["rescore", "review-targets", "extract", "explain", "profile"])
        throw UsageError(
          Message(en: "unknown command '\(command)'", zh: "未知的命令 '\(command)'"),
          hint: suggestion.map { Diagnostic.didYouMean("jixiao \($0)") }
            ?? Message(
              en: "expected 'jixiao rescore FILE…' or 'jixiao explain'; see jixiao --help",
              zh: "应为 'jixiao rescore FILE…' 或 'jixiao explain'；参见 jixiao --help"))
      }
    } catch {
      for language in error.bilingual ? Language.allCases : [language] {
        for line in error.lines(language) { StandardError.write(line) }
      }
      return ExitStatus.usage
    }
  }
}

enum ExitStatus {
  static let success: Int32 = 0
  static let findings: Int32 = 1
  static let usage: Int32 = 2
  static let unreadableInput: Int32 = 3
  /// The output could not be written (a full disk, a closed pipe); an `-o` file is left as it was.
  static let outputFailed: Int32 = 4
}

/// Lines for standard output outside a batch (help, `explain`, `profile`), written with write(2): a
/// closed pipe or a full disk ends the run with exit status 4 (`Termination`), never a trap.
enum StandardOutput {
  static let writer = DescriptorWriter(descriptor: STDOUT_FILENO, destination: .standardOutput)

  static func write(_ line: String) {
    do throws(OutputError) { try writer.write(line + "\n") } catch { Termination.outputFailed(error) }
  }
}

/// Messages and the progress line on standard error, written as standard output is.
enum StandardError {
  static let writer = DescriptorWriter(descriptor: STDERR_FILENO, destination: .standardError)

  /// One line; controls and bidi controls in it (a file name, a quoted cell) are shown escaped.
  static func write(_ line: String) {
    write(raw: TerminalText.visible(line) + "\n")
  }

  /// Text as it is, without a line end (the progress line rewrites itself with `\r`).
  static func write(raw text: String) {
    do throws(OutputError) { try writer.write(text) } catch { Termination.outputFailed(error) }
  }
}

Cleanup.install()
exit(Main.run(Main.choice.arguments))
