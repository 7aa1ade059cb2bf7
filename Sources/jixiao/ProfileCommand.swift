import Jixiao

enum ProfileCommand {
  static let help = Message(
    en: """
      USAGE: jixiao profile list
             jixiao profile show NAME|PATH
             jixiao profile check PATH

      Rule profiles are the policy numbers of scoring (thresholds, bands, grade lines, penalties) as data
      files in Scoring/. 'list' names the bundled ones, 'show' prints one as the engine reads it (after
      'extends'), 'check' validates a file of your own and names the key of any error.

      OPTIONS
        --lang zh|en               Language of help and messages (default: from LC_ALL, LC_MESSAGES, LANG).
        -h, --help                 Show this help.

      EXAMPLES
        jixiao profile show provincial-80-70-60
        jixiao rescore Fixtures/004-unit/table.json --profile my-region.json
      """,
    zh: """
      用法：jixiao profile list
            jixiao profile show NAME|PATH
            jixiao profile check PATH

      评分配置是评分的政策参数（阈值、区间、等级分数线、扣分），以数据文件存放在 Scoring/ 中。
      'list' 列出自带的配置，'show' 按引擎读取的样子（合并 'extends' 之后）输出一个配置，
      'check' 校验你自己的配置文件，出错时指出出错的键。

      选项
        --lang zh|en               帮助和消息的语言（默认：依 LC_ALL、LC_MESSAGES、LANG 而定）。
        -h, --help                 显示本帮助。

      示例
        jixiao profile show provincial-80-70-60
        jixiao rescore Fixtures/004-unit/table.json --profile my-region.json
      """)

  static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
    let language = Main.language
    if arguments.isEmpty || arguments.contains("--help") || arguments.contains("-h") {
      StandardOutput.write(help.text(language))
      return arguments.isEmpty ? ExitStatus.usage : ExitStatus.success
    }
    let parsed = try Arguments(arguments, valued: [], flagged: [], command: "profile")
    let action = parsed.positionals[0]
    let target = parsed.positionals.dropFirst().first
    switch action {
    case "list":
      for name in Profile.bundledNames() {
        do {
          let profile = try Profile.load(name)
          StandardOutput.write(
            "\(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(profile.version.padding(toLength: 8, withPad: " ", startingAt: 0)) \(profile.contentHash)  \(profile.description)"
          )
        } catch {
          let invalid = Message(en: "invalid: ", zh: "无效：").text(language)
          StandardOutput.write("\(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(invalid)\(error.text(language))")
        }
      }
      return ExitStatus.success
    case "show", "check":
      guard let target else {
        throw UsageError(
          Message(en: "'profile \(action)' needs a profile name or path", zh: "'profile \(action)' 需要配置名称或路径"),
          hint: Message(verbatim: "jixiao profile \(action) national-default"))
      }
      do {
        let profile = try Profile.load(target)
        if action == "show" {
          StandardOutput.write("# \(profile.name) \(profile.version) (\(profile.contentHash))")
          StandardOutput.write(try Profile.effectiveDocument(target))
        } else {
          let valid = Message(en: "valid profile", zh: "有效的配置").text(language)
          StandardOutput.write("\(target): \(valid) \(profile.name) \(profile.version) (\(profile.contentHash))")
        }
        return ExitStatus.success
      } catch {
        StandardError.write(Diagnostic.invalidProfile.text(language) + error.text(language))
        return ExitStatus.unreadableInput
      }
    default:
      throw UsageError(
        Message(en: "unknown profile action '\(action)'", zh: "未知的 profile 操作 '\(action)'"),
        hint: closest(to: action, in: ["list", "show", "check"]).map { Diagnostic.didYouMean("jixiao profile \($0)") }
          ?? Message(verbatim: "jixiao profile list"))

    }
  }
}
