import Foundation
import Testing

@testable import Jixiao

/// How jixiao chooses its language: `--lang zh|en` anywhere before `--`, else LC_ALL, else LC_MESSAGES,
/// else LANG (the first that is set and not empty decides; `zh…` is Chinese), else English.
@Suite struct InterfaceLanguageTests {
  let commandLine = CommandLineTests()

  @Test func aLocaleStartingWithZhIsChinese() {
    for locale in ["zh", "zh_CN", "zh_CN.UTF-8", "zh_TW.Big5", "zh-Hans"] { #expect(Language(locale: locale) == .chinese) }
    for locale in ["", "C", "POSIX", "en_US.UTF-8", "C.UTF-8", "ja_JP", "ZH_cn"] { #expect(Language(locale: locale) == .english) }
  }

  @Test func theEnvironmentFollowsPOSIXPrecedence() {
    let cases: [([String: String], Language)] = [
      ([:], .english),
      (["LANG": "zh_CN.UTF-8"], .chinese),
      (["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"], .english),
      (["LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"], .chinese),
      (["LC_MESSAGES": "zh_CN.UTF-8", "LC_ALL": "C"], .english),
      (["LC_ALL": "zh_TW.UTF-8", "LC_MESSAGES": "en_US", "LANG": "en_US"], .chinese),
      (["LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN"], .chinese),
      (["LC_ALL": "", "LANG": ""], .english),
      (["LC_CTYPE": "zh_CN.UTF-8"], .english),
    ]
    for (environment, language) in cases { #expect(Language(environment: environment) == language, "\(environment)") }
  }

  /// The language `jixiao ARGUMENTS` answers in, told by its help's first word.
  func language(_ arguments: [String], _ environment: [String: String] = [:]) throws -> Language? {
    let run = try commandLine.jixiao(arguments, bytes: nil, environment: environment)
    #expect(run.status == 0, "\(arguments) \(environment): \(run.errors)")
    if run.output.hasPrefix("jixiao") || run.output.hasPrefix("USAGE") { return run.output.contains("用法") ? .chinese : .english }
    if run.output.hasPrefix("用法") { return .chinese }
    return nil
  }

  @Test func theExecutableTakesLangBeforeTheEnvironment() throws {
    let cases: [([String], [String: String], Language)] = [
      (["--help"], [:], .english),
      (["--help"], ["LANG": "zh_CN.UTF-8"], .chinese),
      (["--help"], ["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"], .english),
      (["--help"], ["LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"], .chinese),
      (["--help"], ["LC_ALL": "C", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"], .english),
      (["--help"], ["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"], .chinese),
      (["--help", "--lang", "en"], ["LC_ALL": "zh_CN.UTF-8"], .english),
      (["--lang", "zh", "--help"], ["LC_ALL": "en_US.UTF-8"], .chinese),
      (["--lang=zh", "rescore", "--help"], [:], .chinese),
      (["rescore", "--help", "--lang", "zh-CN"], [:], .chinese),
      (["extract", "--lang", "EN", "--help"], ["LANG": "zh_CN"], .english),
      (["profile", "--help", "--lang", "zh"], [:], .chinese),
      (["explain", "--help", "--lang=zh_CN"], [:], .chinese),
      (["review-targets", "--lang", "zh", "-h"], [:], .chinese),
    ]
    for (arguments, environment, expected) in cases {
      #expect(try language(arguments, environment) == expected, "\(arguments) \(environment)")
    }
  }

  @Test func langAfterDoubleDashIsAFileName() throws {
    let run = try commandLine.jixiao(["rescore", "--", "--lang", "zh"], bytes: nil)
    #expect(run.status == 3)
    #expect(run.errors.contains("jixiao: cannot read --lang: no such file; check the path"), "\(run.errors)")
  }

  @Test func anUnknownLanguageIsAUsageErrorInBothLanguages() throws {
    for arguments in [["--lang", "fr"], ["rescore", "x.json", "--lang=de"], ["explain", "--lang"]] {
      for environment in [[:], ["LANG": "zh_CN.UTF-8"]] {
        let run = try commandLine.jixiao(arguments, bytes: nil, environment: environment)
        #expect(run.status == 2, "\(arguments)")
        #expect(run.output.isEmpty)
        let lines = run.errors.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(lines)")
        guard lines.count == 4 else { continue }
        #expect(lines[0].hasPrefix("jixiao: error: ") && lines[2].hasPrefix("jixiao: 错误："), "\(lines)")
        #expect(lines[1] == "hint: type --lang zh for Chinese or --lang en for English")
        #expect(lines[3] == "提示：中文请输入 --lang zh，英文请输入 --lang en")
        BilingualMessageTests.expectBilingual(
          String(lines[0].dropFirst("jixiao: error: ".count)), String(lines[2].dropFirst("jixiao: 错误：".count)))
      }
    }
  }

  /// Usage errors of every kind, asked in English and in Chinese: the same error and hint in each.
  @Test func usageErrorsSpeakTheChosenLanguage() throws {
    let cases: [[String]] = [
      ["rescroe", "x.json"], ["rescore", "x.json", "--fromat", "csv"], ["rescore", "x.json", "--format", "cvs"],
      ["rescore", "x.json", "--jobs", "many"], ["rescore", "x.json", "--format"], ["rescore", "x.json", "--profile", "nope"],
      ["rescore", "x.json", "-o", "/"], ["extract", "x.json", "--input-format", "xls"], ["explain", "score.overclaimed"],
      ["explain", "a", "b"], ["profile", "lsit"], ["profile", "show"],
    ]
    for arguments in cases {
      let english = try commandLine.jixiao(arguments + ["--lang", "en"], bytes: nil, environment: ["LANG": "zh_CN.UTF-8"])
      let chinese = try commandLine.jixiao(arguments + ["--lang", "zh"], bytes: nil)
      #expect(english.status == 2 && chinese.status == 2, "\(arguments)")
      let englishLines = english.errors.split(separator: "\n").map(String.init)
      let chineseLines = chinese.errors.split(separator: "\n").map(String.init)
      #expect(englishLines.count == 2 && chineseLines.count == 2, "\(arguments): \(englishLines) \(chineseLines)")
      guard englishLines.count == 2, chineseLines.count == 2 else { continue }
      #expect(englishLines[0].hasPrefix("jixiao: error: ") && englishLines[1].hasPrefix("hint: "), "\(englishLines)")
      #expect(chineseLines[0].hasPrefix("jixiao: 错误：") && chineseLines[1].hasPrefix("提示："), "\(chineseLines)")
      BilingualMessageTests.expectBilingual(
        String(englishLines[0].dropFirst("jixiao: error: ".count)), String(chineseLines[0].dropFirst("jixiao: 错误：".count)))
      // A hint may be only what to type, the same in both languages.
      let englishHint = englishLines[1].dropFirst("hint: ".count)
      let chineseHint = chineseLines[1].dropFirst("提示：".count)
      for figure in BilingualMessageTests.figures(in: String(englishHint)) { #expect(chineseHint.contains(figure)) }
      for quoted in BilingualMessageTests.quotations(in: String(englishHint)) { #expect(chineseHint.contains(quoted)) }
    }
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
  func aFailedWriteIsReportedInTheChosenLanguage() throws {
    let corpus = repositoryRoot.appendingPathComponent("Fixtures/corpus.jsonl").path
    let english = try commandLine.jixiao(["rescore", corpus, "-o", "/dev/full"], bytes: nil)
    let chinese = try commandLine.jixiao(["rescore", corpus, "-o", "/dev/full", "--lang", "zh"], bytes: nil)
    #expect(english.status == 4 && chinese.status == 4)
    let reason = String(cString: strerror(ENOSPC))
    #expect(english.errors == "jixiao: error: cannot write /dev/full: \(reason)\n")
    #expect(chinese.errors == "jixiao: 错误：无法写入 /dev/full：设备上没有剩余空间（\(reason)）\n")
  }

  @Test func aRejectionKeepsItsLocationInEitherLanguage() throws {

    let path = MalformedInputTests.directory.appendingPathComponent("csv-ragged.csv").path
    let english = try commandLine.jixiao(["rescore", path, "--format", "jsonl"], bytes: nil)
    let chinese = try commandLine.jixiao(
      ["rescore", path, "--format", "jsonl"], bytes: nil, environment: ["LANG": "zh_CN.UTF-8"])
    #expect(english.status == 3 && chinese.status == 3)
    #expect(english.output == chinese.output, "the JSON output does not depend on the language")
    let englishLines = english.errors.split(separator: "\n")
    let chineseLines = chinese.errors.split(separator: "\n")
    #expect(englishLines.count == 2 && chineseLines.count == 2)
    for (englishLine, chineseLine) in zip(englishLines, chineseLines) {
      let englishText = englishLine.dropFirst("jixiao: cannot read ".count)
      let chineseText = chineseLine.dropFirst("jixiao: 无法读取 ".count)
      #expect(englishLine.hasPrefix("jixiao: cannot read \(path):") && chineseLine.hasPrefix("jixiao: 无法读取 \(path):"))
      let prefix = String(englishText.prefix { $0 != " " }) + " "
      BilingualMessageTests.expectBilingual(String(englishText), String(chineseText), prefix: prefix)
    }
  }
}

/// The help of jixiao and of every command, in both languages, against the files in Tests/Snapshots/help
/// (regenerated with `bash Tests/Snapshots/make-snapshots.sh`).
@Suite struct HelpSnapshotTests {
  static let commands = ["jixiao", "rescore", "review-targets", "extract", "explain", "profile"]
  static let directory = repositoryRoot.appendingPathComponent("Tests/Snapshots/help")
  let commandLine = CommandLineTests()

  func help(_ command: String, _ language: Language) throws -> String {
    let arguments = (command == "jixiao" ? [] : [command]) + ["--help", "--lang", language.rawValue]
    let run = try commandLine.jixiao(arguments, bytes: nil)
    #expect(run.status == 0 && run.errors.isEmpty)
    return run.output
  }

  @Test(arguments: commands, Language.allCases)
  func helpMatchesItsSnapshot(_ command: String, _ language: Language) throws {
    let path = Self.directory.appendingPathComponent("\(command).\(language.rawValue).txt").path
    let snapshot = try #require(FileManager.default.contents(atPath: path), "no snapshot \(path)")
    let help = try help(command, language)
    #expect(
      help == String(decoding: snapshot, as: UTF8.self),
      "the help differs from \(path): run bash Tests/Snapshots/make-snapshots.sh and review the diff")
  }

  /// Options, commands and format names are typed, so both languages spell them alike: the two texts of a
  /// help name the same ones.
  @Test(arguments: commands)
  func bothLanguagesNameTheSameOptions(_ command: String) throws {
    func typed(_ text: String) -> Set<String> {
      let pattern = try! NSRegularExpression(
        pattern: #"(?<![\w-])(--?[a-z][a-z-]*|jixiao (?:rescore|review-targets|extract|explain|profile))"#)
      let range = NSRange(text.startIndex..., in: text)
      return Set(pattern.matches(in: text, range: range).map { String(text[Range($0.range, in: text)!]) })
    }
    let english = try help(command, .english)
    let chinese = try help(command, .chinese)
    #expect(english != chinese)
    #expect(typed(english) == typed(chinese), "\(typed(english).symmetricDifference(typed(chinese)))")
    #expect(typed(english).contains("--lang"), "every help names --lang")
    #expect(chinese.unicodeScalars.filter(BilingualMessageTests.isHan).count > 20)
  }

  /// The formats the executable accepts, as its own usage error lists them.
  func accepted(_ option: String) throws -> [String] {
    let run = try commandLine.jixiao(["rescore", "x.json", option, "?"], bytes: nil)
    let hint = try #require(run.errors.split(separator: "\n").last { $0.hasPrefix("hint: ") })
    let list = try #require(hint.components(separatedBy: "expected one of: ").last)
    return list.components(separatedBy: ", ")
  }

  @Test(arguments: Language.allCases)
  func theTopLevelHelpListsEveryInputAndOutputFormat(_ language: Language) throws {
    let help = try help("jixiao", language)
    let lines = help.split(separator: "\n").map(String.init)
    let inputs = try accepted("--input-format")
    let outputs = try accepted("--format")
    #expect(inputs.count >= 7 && outputs.count >= 6)
    for input in inputs {
      #expect(lines.contains { $0.range(of: #"^  \.[a-z]+ +\#(input) "#, options: .regularExpression) != nil }, "\(input)")
    }
    for output in outputs {
      #expect(lines.contains { $0.hasPrefix("  \(output) ") }, "\(output)")
    }
    for named in [".json", ".jsonl", ".csv", ".xlsx", ".docx", ".pdf", ".txt", "-layout", "GB18030", "pdftotext", "xlsx"] {
      #expect(help.contains(named), "\(named)")
    }
  }
}
