import Jixiao

/// A usage error: what was wrong and what to type instead, in both languages (`Message`). Exit status 2.
struct UsageError: Error {
  var message: Message
  var hint: Message?
  /// Printed in both languages: the error is about the language itself, so neither can be assumed.
  var bilingual = false

  init(_ message: Message, hint: Message? = nil) {
    self.message = message
    self.hint = hint
  }

  /// English only: every usage error gives both texts.
  @available(
    *, unavailable, message: "give both texts: UsageError(Message(en: \"…\", zh: \"…\"), hint: Message(en: \"…\", zh: \"…\"))"
  )
  init(_ message: String, hint: String? = nil) { fatalError("unavailable") }

  /// The lines standard error shows, in `language`.
  func lines(_ language: Language) -> [String] {
    [Diagnostic.error.text(language) + message.text(language)]
      + (hint.map { [Diagnostic.hint.text(language) + $0.text(language)] } ?? [])
  }
}

/// The words that introduce a line on standard error.
enum Diagnostic {
  static let error = Message(en: "jixiao: error: ", zh: "jixiao: 错误：")
  static let hint = Message(en: "hint: ", zh: "提示：")
  static let cannotRead = Message(en: "jixiao: cannot read ", zh: "jixiao: 无法读取 ")
  static let invalidProfile = Message(en: "jixiao: invalid profile: ", zh: "jixiao: 配置无效：")
  static func seeHelp(_ command: String) -> Message {
    Message(en: "see jixiao \(command) --help", zh: "参见 jixiao \(command) --help")
  }

  static func didYouMean(_ suggestion: String) -> Message {
    Message(en: "did you mean '\(suggestion)'?", zh: "是否想输入 '\(suggestion)'？")
  }

  /// "did you mean 'X'?" before the rest of a hint, when a close candidate exists.
  static func hint(suggesting suggestion: String?, _ rest: Message) -> Message {
    guard let suggestion else { return rest }
    return didYouMean(suggestion) + Message(en: " ", zh: "") + rest
  }

}

/// The closest candidate within a small edit distance, for "did you mean …?" hints.
func closest(to word: String, in candidates: [String]) -> String? {
  func distance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
  let scored = candidates.map { ($0, distance(Array(word), Array($0))) }.min { $0.1 < $1.1 }
  guard let (best, score) = scored, score <= max(2, word.count / 3) else { return nil }
  return best
}
