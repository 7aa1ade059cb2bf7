import Foundation
import Testing

@testable import Jixiao

/// Indicator names are folded once into `FoldedKey`s with byte equality (issue 19 item 2). These tests hold
/// the keys to the old definition (`CellGrammar.normalize`, whitespace characters dropped, compared as Swift
/// strings), and the byte walk to the keys' general definition.
@Suite struct FoldedKeyTests {
  /// The old key of the duplicate-name check's hashed path, compared with `==` (canonical equivalence).
  static func oldKey(_ name: String) -> String {
    CellGrammar.normalize(name).filter { !$0.isWhitespace }
  }

  /// Every text of every fixture table: names, levels, cells.
  static func fixtureTexts() throws -> [String] {
    var texts: Set<String> = []
    func collect(_ value: Any) {
      switch value {
      case let text as String: texts.insert(text)
      case let array as [Any]: array.forEach(collect)
      case let object as [String: Any]: object.values.forEach(collect)
      default: break
      }
    }
    let fixtures = repositoryRoot.appendingPathComponent("Fixtures")
    for directory in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
      let file = fixtures.appendingPathComponent(directory).appendingPathComponent("table.json")
      guard let data = try? Data(contentsOf: file) else { continue }
      collect(try JSONSerialization.jsonObject(with: data))
    }
    return texts.sorted()
  }

  /// Names put together from pieces a converted form prints: full-width digits and signs, every kind of space,
  /// CJK punctuation, other scripts, combining marks and their precomposed forms.
  static func generatedNames(count: Int) -> [String] {
    let pieces = [
      "参会人数", "（人）", "(人)", "满意度", "指标", "１２", "12", "３０％", "30%", "．５", ".5", "－", "-", "，", ",", " ", "\u{3000}",
      "\u{A0}", "\t", "\n", "\r\n", "\u{2003}", "\u{202F}", "\u{85}", "\u{205F}", "“好地方”", "‰", "≥", "≤", "、", "。", "〔2024〕",
      "Ａｂｃ", "abc", "é", "e\u{301}", " \u{301}", "Привет", "한국", "か\u{3099}", "が", "\u{302A}", "\u{FF9E}", "\u{AD}", "\u{200D}",
      "\u{F900}", "\u{8C48}", "😀", "\u{1}", "產出指標", "产出", "\"", "\\", "《", "》", "【", "】", "—", "\u{2028}", "\u{200B}",
      "\u{202A}", "\u{3030}", "\u{303F}",
    ]
    var state: UInt64 = 19
    func next(_ upper: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(upper))
    }
    return (0..<count).map { _ in (0..<(next(5) + 1)).map { _ in pieces[next(pieces.count)] }.joined() }
  }

  /// Where the byte walk applies, it gives exactly the general definition's bytes; a key is plain JSON
  /// exactly when its bytes are.
  @Test func theByteWalkAgreesWithTheDefinition() throws {
    var walked = 0
    for name in try Self.fixtureTexts() + Self.generatedNames(count: 4000) {
      let general = FoldedKey.foldedByCharacters(name)
      let key = FoldedKey(name: name).key
      #expect(key.string.utf8.elementsEqual(general.utf8), "\(name.debugDescription)")
      #expect(key.isPlainJSON == key.withUTF8 { !TableText.needsJSONEscaping($0) }, "\(name.debugDescription)")
      let onBytes = name.utf8.withContiguousStorageIfAvailable { FoldedKey.foldedOnBytes($0, name) } ?? nil
      if let onBytes {
        walked += 1
        #expect(onBytes.utf8.elementsEqual(general.utf8), "\(name.debugDescription)")
      }
    }
    // The walk must be the usual path, not an unused one.
    #expect(walked > 2000)
  }

  /// Two names have equal keys exactly when the old normalisation made them equal strings: the same
  /// partition of every fixture text and of the generated names.
  @Test func keysAgreeWithTheOldNormalisation() throws {
    let names = try Self.fixtureTexts() + Self.generatedNames(count: 4000)
    var byOld: [String: Int] = [:]
    var byNew: [FoldedKey: Int] = [:]
    var merged = 0
    for (position, name) in names.enumerated() {
      let old = byOld[Self.oldKey(name)]
      let new = byNew[FoldedKey(name: name)]
      #expect(old == new, "\(name.debugDescription): old class \(String(describing: old)), new \(String(describing: new))")
      if old == nil { byOld[Self.oldKey(name)] = position } else { merged += 1 }
      if new == nil { byNew[FoldedKey(name: name)] = position }
    }
    // The generated set does fold different printings together.
    #expect(merged > 100)
  }

  @Test func equalityIsByBytesAndHashingFollowsIt() {
    let pairs = [("参会人数（人）", "参会人数 （人）"), ("完成１２次", "完成12次"), ("e\u{301}", "é"), ("满意度\u{3000}", "满意度")]
    for (left, right) in pairs {
      #expect(FoldedKey(name: left) == FoldedKey(name: right))
      #expect(FoldedKey(name: left).hashValue == FoldedKey(name: right).hashValue)
    }
    #expect(FoldedKey(name: "满意度") != FoldedKey(name: "满意率"))
    // Unchanged names share their storage, nothing is copied.
    #expect(FoldedKey(name: "受益企业满意度").text.hasSameBytes(as: "受益企业满意度"))
  }

  /// The duplicate-name check's two ways (by prints for short tables, hashed for long ones) compare the
  /// same keys and find the same earlier names: the first with the same key.
  @Test func matchesByPrintsAndHashedMatchesAgree() {
    let names = Self.generatedNames(count: 300)
    let keys = names.map { FoldedKey(name: $0) }
    let definition = keys.indices.map { keys[..<$0].firstIndex(of: keys[$0]) }
    #expect(DuplicateIndicatorCheck.hashedMatches(keys) == definition)
    #expect(definition.contains { $0 != nil })
    for start in stride(from: 0, to: 300, by: 60) {
      let short = Array(keys[start..<start + 60])
      #expect(DuplicateIndicatorCheck.matchesByPrints(short) == short.indices.map { short[..<$0].firstIndex(of: short[$0]) })
    }
  }

  /// A name printed with a full-width bracket after a space is the same indicator as without the space.
  @Test func theCheckFindsNamesEqualOnlyWhenFolded() throws {
    let result = try score(
      projectJSON(
        #"{"level1":"产出指标","level2":"数量指标","name":"参会人数（人）","weight":10,"target":">=10人","actual":"=10人","claimedScore":10}"#,
        #"{"level1":"产出指标","level2":"数量指标","name":"参会人数 （人）","weight":10,"target":">=10人","actual":"=10人","claimedScore":10}"#
      ))
    #expect(result.findings.filter { $0.code == .duplicateIndicator }.count == 1)
  }

  /// The key is derived from the name: setting the name folds it again.
  @Test func settingTheNameFoldsItAgain() {
    var indicator = Indicator(
      index: 1, name: "宣传报道", weight: Rational(5), target: nil, actual: nil, location: SourceLocation(file: "t.json"))
    indicator.name = "参会人数\u{3000}（人）"
    #expect(indicator.nameKey == FoldedKey(name: "参会人数（人）"))
    #expect(indicator.nameKey.text == "参会人数（人）")
  }

  /// Level names with the profile's folding: equal keys exactly when the old `LevelName` keys were equal
  /// strings, and the byte walk gives the definition's bytes.
  @Test func levelKeysAgreeWithTheOldLevelNames() throws {
    let folding = defaultProfile.levelFolding
    #expect(!folding.traditionalForms.isEmpty)
    let traditional = folding.traditionalForms.keys.prefix(6).map { String($0) }
    var levels = try Self.fixtureTexts() + Self.generatedNames(count: 3000)
    levels += Self.generatedNames(count: 1000).enumerated().map { position, name in
      name + (position % 2 == 0 ? "指标" : "指 標") + traditional[position % traditional.count]
    }
    levels += ["产出指标", "产出", "產出指標", " 产 出 指 标 ", "指标", "指标指标", "产出指标指标", "满意度指标", "滿意度指標"]
    var byOld: [String: Int] = [:]
    var byNew: [FoldedKey: Int] = [:]
    var merged = 0
    for (position, level) in levels.enumerated() {
      let old = LevelName(level, folding: folding).key
      let new = FoldedKey(level: level, folding: folding)
      #expect(byOld[old] == byNew[new], "\(level.debugDescription)")
      if byOld[old] == nil { byOld[old] = position } else { merged += 1 }
      if byNew[new] == nil { byNew[new] = position }
      if let walked = folding.fastKey(level) {
        #expect(
          walked.utf8.elementsEqual(LevelName.foldedByCharacters(level, folding: folding).utf8), "\(level.debugDescription)")
      }
    }
    #expect(merged > 100)
    #expect(FoldedKey(level: "產出指標", folding: folding) == FoldedKey(level: "产出", folding: folding))
  }
}
