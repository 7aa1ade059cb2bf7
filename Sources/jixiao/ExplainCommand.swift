import Jixiao

enum ExplainCommand {
  static let help = Message(
    en: """
      USAGE: jixiao explain [CODE]

      Without CODE, lists every finding code with its severity and meaning.
      With CODE, explains it and shows its examples: tables that raise it and tables that do not,
      with the message jixiao prints for each.

      OPTIONS
        --lang zh|en               Language of help and messages (default: from LC_ALL, LC_MESSAGES, LANG).
        -h, --help                 Show this help.

      EXAMPLE
        jixiao explain score.over-claimed
      """,
    zh: """
      用法：jixiao explain [CODE]

      不给 CODE 时，列出所有发现代码及其严重程度和含义。
      给出 CODE 时，解释该代码并给出示例：会引发它的表格和不会引发它的表格，
      以及 jixiao 对每张表输出的消息。

      选项
        --lang zh|en               帮助和消息的语言（默认：依 LC_ALL、LC_MESSAGES、LANG 而定）。
        -h, --help                 显示本帮助。

      示例
        jixiao explain score.over-claimed
      """)

  static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
    if arguments.contains("--help") || arguments.contains("-h") {
      StandardOutput.write(help.text(Main.language))
      return ExitStatus.success
    }
    let parsed = try Arguments(arguments, valued: [], flagged: [], command: "explain")
    guard let code = parsed.positionals.first else {
      for descriptor in FindingCatalogue.all {
        let padded = descriptor.code.rawValue.padding(toLength: 30, withPad: " ", startingAt: 0)
        StandardOutput.write(
          "\(padded) \(descriptor.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(descriptor.title)")
      }
      return ExitStatus.success
    }
    guard parsed.positionals.count == 1 else {
      throw UsageError(
        Message(en: "explain takes one code", zh: "explain 只接受一个代码"), hint: Message(verbatim: "jixiao explain \(code)"))
    }
    guard let descriptor = FindingCatalogue.descriptor(for: FindingCode(code)) else {
      let known = FindingCatalogue.all.map(\.code.rawValue)
      throw UsageError(
        Message(en: "unknown finding code '\(code)'", zh: "未知的发现代码 '\(code)'"),
        hint: closest(to: code, in: known).map { Diagnostic.didYouMean("jixiao explain \($0)") }
          ?? Message(en: "run 'jixiao explain' to list the codes", zh: "运行 'jixiao explain' 列出所有代码"))

    }
    StandardOutput.write(ExampleReport.render(descriptor))
    return ExitStatus.success
  }
}
