import Testing

@testable import Jixiao

/// A worker's memo (`TextMemo`) of level names' keys against its definition, `FoldedKey(level:folding:)` of
/// every name afresh: on names it has seen, names it has not, more distinct names than it holds, names too long
/// to keep, and names inside a record's bytes, which it must not keep alive.
@Suite struct TextMemoTests {
  static func levelKeys(_ folding: LevelNameFolding) -> TextMemo<FoldedKey> {
    TextMemo(absent: .empty) { FoldedKey(level: $0, folding: folding) }
  }

  /// A label inside a record's bytes, as the JSON Lines decoder holds it.
  static func inRecord(_ label: String) -> TableText {
    let record = TableText("{\(label)}")
    return record.withUTF8 { TableText(record.storage, 1..<$0.count - 1, plain: record.isPlainJSON) }
  }

  /// The default profile's folding, and one whose map leaves every name to the definition.
  static let foldings = [defaultProfile.levelFolding, LevelNameFolding(["（": "(", "產": "产"])]

  @Test(arguments: zip(foldings, [31, 37] as [UInt64]))
  func answersAreTheDefinitionsOnRandomLabels(folding: LevelNameFolding, seed: UInt64) {
    var random = SplitMix(seed: seed)
    let memo = Self.levelKeys(folding)
    var repeated = 0
    // Years of few distinct names, and of more than the memo holds (it starts again when full).
    for distinct in [1, 12, 40, TextMemo<FoldedKey>.capacity + 1, 400] {
      let labels = (0..<distinct).map { _ in LevelKeysTests.randomLevel(using: &random) }
      var earlier: [String: FoldedKey] = [:]
      for _ in 0..<3_000 {
        let label = labels.randomElement(using: &random)!
        let printed = Bool.random(using: &random) ? Self.inRecord(label) : TableText(label)
        let key = memo.reading(of: printed)
        let definition = FoldedKey(level: printed, folding: folding)
        #expect(key.key.string.utf8.elementsEqual(definition.text.utf8), "\(label.debugDescription)")
        #expect(key.key.isPlainJSON == definition.key.isPlainJSON, "\(label.debugDescription)")
        #expect(key.key.storage !== printed.storage || printed.isEmpty, "the memo keeps its own copy of a name")
        if let first = earlier[label], first.key.storage === key.key.storage { repeated += 1 }
        earlier[label] = key
      }
    }
    // Most answers for names seen before are the key the memo made the first time: the memo is in use.
    #expect(repeated > 8_000)
  }

  /// The names the byte walk leaves to the definition, and names longer than the memo keeps.
  @Test func namesOffTheByteWalkAndLongNames() {
    let folding = defaultProfile.levelFolding
    let memo = Self.levelKeys(folding)
    let long = String(repeating: "满意度", count: 90) + " 指標"
    let names = [
      "", " ", "产出指标", "产出 指标", "產出指標", "指标", "e\u{0301}指标", "é指标", "\u{F900}", "가", "\u{1100}\u{1161}", long, long + "指标",
      String(repeating: "a", count: TextMemo<FoldedKey>.longestText),
      String(repeating: "a", count: TextMemo<FoldedKey>.longestText + 1),
    ]
    for _ in 0..<3 {
      for name in names {
        let printed = Self.inRecord(name)
        #expect(memo.reading(of: printed) == FoldedKey(levelByDefinition: name, folding: folding), "\(name.debugDescription)")
      }
    }
    #expect(memo.reading(of: "产出指标").key.storage === memo.reading(of: Self.inRecord("产出指标")).key.storage)
  }
}
