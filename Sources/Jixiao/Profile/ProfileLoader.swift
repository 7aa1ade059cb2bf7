import Foundation

extension Profile {
  /// The profile every command uses unless told otherwise.
  public static let defaultName = "national-default"

  /// Reads and validates a profile file; every error names the key and what is wrong with it.
  /// A profile may `"extends": "NAME"` another and give only what differs; objects merge key by key.
  public static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> Profile {
    let merged = try resolve(bytes, file: file, depth: 0)
    guard case .object(let object) = merged else {
      throw InputError(SourceLocation(file: file, line: 1), notAnObject(merged))
    }
    var fields = object
    fields.members.removeAll { $0.key == "extends" }
    return try ProfileDecoder(fields: JSONFields(fields, at: SourceLocation(file: file))).decode()
  }

  /// The effective profile document (after `extends`), for `jixiao profile show`.
  public static func effectiveDocument(_ nameOrPath: String) throws(InputError) -> String {
    let path = try locate(nameOrPath)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(SourceLocation(file: path), unreadableFile)
    }
    return try resolve(Array(data), file: path, depth: 0).serialized(pretty: true)
  }

  private static func resolve(_ bytes: [UInt8], file: String, depth: Int) throws(InputError) -> JSONValue {
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw InputError(SourceLocation(file: file, line: error.line), error.message)
    }
    guard case .object(let object) = root else {
      throw InputError(SourceLocation(file: file, line: 1), notAnObject(root))
    }
    guard let parent = object["extends"] else { return root }
    let location = SourceLocation(file: file, line: object.member("extends")?.line, field: "extends")
    guard case .string(let parentName) = parent else {
      throw InputError(
        location,
        Message(
          en: "expected the name of the profile this one extends, such as \"national-default\"",
          zh: "应为所继承的配置名称，例如 \"national-default\""))
    }
    guard object.has("name") else {
      throw InputError(
        location.field("name"),
        Message(en: "a profile that extends another needs its own \"name\"", zh: "继承其他配置的配置须有自己的 \"name\""))
    }
    guard depth < 4 else {
      throw InputError(
        location,
        Message(en: "profiles extend each other more than 4 deep; is there a cycle?", zh: "配置相互继承超过 4 层；是否形成了循环？"))
    }
    let parentPath = try locate(parentName, relativeTo: file)
    guard let data = FileManager.default.contents(atPath: parentPath) else {
      throw InputError(
        location,
        Message(en: "cannot read the profile \(parentName) that this one extends", zh: "无法读取所继承的配置 \(parentName)"))
    }
    let base = try resolve(Array(data), file: parentPath, depth: depth + 1)
    return base.merged(with: root)
  }

  /// The file of a profile name (bundled) or path.
  static func locate(_ nameOrPath: String, relativeTo file: String? = nil) throws(InputError) -> String {
    if nameOrPath.hasSuffix(".json") || nameOrPath.contains("/") {
      if let file, !nameOrPath.hasPrefix("/") {
        let sibling = (file as NSString).deletingLastPathComponent + "/" + nameOrPath
        if FileManager.default.fileExists(atPath: sibling) { return sibling }
      }
      return nameOrPath
    }
    if let file {
      let sibling = (file as NSString).deletingLastPathComponent + "/" + nameOrPath + ".json"
      if FileManager.default.fileExists(atPath: sibling) { return sibling }
    }
    for directory in bundledDirectories() {
      let path = directory + "/" + nameOrPath + ".json"
      if FileManager.default.fileExists(atPath: path) { return path }
    }
    let known = bundledNames().joined(separator: ", ")
    throw InputError(
      SourceLocation(file: file ?? "--profile"),
      Message(
        en:
          "no profile named \"\(nameOrPath)\"; expected one of: \(known.isEmpty ? "(none found)" : known), or a path to a .json file",
        zh: "没有名为 \"\(nameOrPath)\" 的配置；应为以下之一：\(known.isEmpty ? "（未找到任何配置）" : known)，或一个 .json 文件的路径"))
  }

  /// Finds `NAME` among the bundled profiles, or reads `PATH` when the argument names a file.
  public static func load(_ nameOrPath: String = defaultName) throws(InputError) -> Profile {
    try read(path: locate(nameOrPath))
  }

  public static func read(path: String) throws(InputError) -> Profile {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(SourceLocation(file: path), unreadableFile)
    }
    return try parse(Array(data), file: path)
  }

  private static let unreadableFile = Message(
    en: "cannot read the profile file; check the path", zh: "无法读取配置文件；请检查路径")

  private static func notAnObject(_ value: JSONValue) -> Message {
    Message(en: "a profile is a JSON object, found \(value.typeName.english)", zh: "配置应为 JSON 对象，实为\(value.typeName.chinese)")
  }

  /// Names of the profiles in `Scoring/`, the national default first.
  public static func bundledNames() -> [String] {
    var names: [String] = []
    for directory in bundledDirectories() {
      let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      for file in files.sorted() where file.hasSuffix(".json") {
        let name = String(file.dropLast(5))
        if !names.contains(name) { names.append(name) }
      }
    }
    return names.sorted { ($0 == defaultName ? 0 : 1, $0) < ($1 == defaultName ? 0 : 1, $1) }
  }

  /// Where `Scoring/` may be: `$JIXIAO_PROFILES`, beside the executable (installed layouts), and the
  /// source tree this library was built from, so `swift run` works from any working directory.
  static func bundledDirectories() -> [String] {
    var candidates: [String] = []
    if let override = ProcessInfo.processInfo.environment["JIXIAO_PROFILES"], !override.isEmpty {
      candidates.append(override)
    }
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    let binDirectory = executable.deletingLastPathComponent()
    candidates.append(binDirectory.appendingPathComponent("Scoring").path)
    candidates.append(binDirectory.deletingLastPathComponent().appendingPathComponent("share/jixiao/Scoring").path)
    let sourceRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(sourceRoot.appendingPathComponent("Scoring").path)
    var isDirectory: ObjCBool = false
    return candidates.filter { FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue }
  }
}

/// FNV-1a, 64 bits: a stable content fingerprint (not a security hash).
func fingerprint(_ bytes: [UInt8]) -> String {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in bytes {
    hash ^= UInt64(byte)
    hash = hash &* 0x100_0000_01b3
  }
  let hex = String(hash, radix: 16)
  return String(repeating: "0", count: 16 - hex.count) + hex
}

private struct ProfileDecoder {
  let fields: JSONFields

  func decode() throws(InputError) -> Profile {
    let schema = try requiredNumber(fields, "schema")
    guard schema == Rational(1) else {
      throw InputError(
        fields.location(of: "schema"), Message(en: "unknown schema \(schema); expected 1", zh: "未知的 schema \(schema)；应为 1"))
    }
    let tolerances = try section("tolerances")
    let funds = try section("funds")
    let over = try section("overAchievement")
    let deadline = try section("deadline")
    let bands = try section("bands")
    let gap = try section("spendingGap")
    let vocabulary = try section("vocabulary")
    let hierarchy = try section("hierarchy")
    let review = try section("review")

    let formulaText = try fields.requiredText("lowerIsBetter")
    guard let formula = Profile.LowerIsBetterFormula(rawValue: formulaText) else {
      throw InputError(
        fields.location(of: "lowerIsBetter"),
        Message(
          en: "unknown formula \"\(formulaText)\"; expected one of: "
            + Profile.LowerIsBetterFormula.allCases.map(\.rawValue).joined(separator: ", "),
          zh: "未知的公式 \"\(formulaText)\"；应为以下之一："
            + Profile.LowerIsBetterFormula.allCases.map(\.rawValue).joined(separator: ", ")))
    }

    var bandTable: [Achievement: Profile.Band] = [:]
    for achievement in Achievement.allCases {
      let key = achievement.rawValue
      guard let pair = try bands.array(key), pair.count == 2,
        case .string(let lowText) = pair[0], case .string(let highText) = pair[1],
        let low = Rational(decimalText: Substring(lowText)), let high = Rational(decimalText: Substring(highText)),
        !(high < low), !low.isNegative, !(Rational.one < high)
      else {
        throw InputError(
          bands.location(of: key),
          Message(
            en: "expected [\"lower\", \"upper\"], two shares of the weight between \"0\" and \"1\"",
            zh: "应为 [\"lower\", \"upper\"]，即 \"0\" 到 \"1\" 之间的两个权重比例"))
      }
      bandTable[achievement] = .init(lower: low, upper: high)
    }

    guard let gradeEntries = try fields.objects("grades"), !gradeEntries.isEmpty else {
      throw InputError(
        fields.location(of: "grades"),
        Message(
          en: "expected a list of {\"grade\": \"优\", \"minimum\": \"90\"}, best first",
          zh: "应为 {\"grade\": \"优\", \"minimum\": \"90\"} 的列表，从最高等级起"))
    }
    var gradeLines: [Profile.GradeLine] = []
    for entry in gradeEntries {
      let gradeText = try entry.requiredText("grade")
      guard let grade = Grade(rawValue: gradeText) else {
        throw InputError(
          entry.location(of: "grade"),
          Message(en: "unknown grade \"\(gradeText)\"; expected 优, 良, 中 or 差", zh: "未知的等级 \"\(gradeText)\"；应为 优、良、中 或 差"))
      }
      let minimum = try requiredNumber(entry, "minimum")
      if let previous = gradeLines.last, !(minimum < previous.minimum) {
        throw InputError(
          entry.location(of: "minimum"),
          Message(
            en: "grade lines must fall from best to worst; \(minimum) is not below \(previous.minimum)",
            zh: "等级分数线应从高到低排列；\(minimum) 不低于 \(previous.minimum)"))
      }
      gradeLines.append(.init(grade: grade, minimum: minimum))
    }

    guard let ruleEntries = try fields.objects("rules") else {
      throw InputError(
        fields.location.field("rules"), Message(en: "the required list \"rules\" is missing", zh: "缺少必需的列表 \"rules\""))
    }
    var ruleKeywords: [(keyword: String, rule: RuleKind)] = []
    for entry in ruleEntries {
      let keyword = try entry.requiredText("contains")
      let ruleText = try entry.requiredText("rule")
      guard let rule = RuleKind(rawValue: ruleText), [.proportional, .passFail, .graded, .satisfaction].contains(rule) else {
        throw InputError(
          entry.location(of: "rule"),
          Message(
            en: "unknown rule \"\(ruleText)\"; expected proportional, pass-fail, graded or satisfaction",
            zh: "未知的规则 \"\(ruleText)\"；应为 proportional、pass-fail、graded 或 satisfaction"))
      }
      ruleKeywords.append((keyword, rule))
    }

    let traditional = try fields.object("traditionalForms")
    var traditionalForms: [Character: Character] = [:]
    for member in traditional?.object.members ?? [] {
      guard member.key.count == 1, case .string(let simplified) = member.value, simplified.count == 1 else {
        throw InputError(
          traditional!.location(of: member.key),
          Message(
            en: "expected one traditional character mapped to one simplified character", zh: "应为一个繁体字对应一个简体字"))
      }
      traditionalForms[member.key.first!] = simplified.first!
    }
    let folding = LevelNameFolding(traditionalForms)
    // Folded as a table's levels are (`FoldedKey`), so that checks compare them byte for byte.
    let level = { (text: String) in FoldedKey(level: text, folding: folding).text }

    var hierarchyTable: [Table.Kind: [String: Set<String>]] = [:]
    for kind in [Table.Kind.project, .unit] {
      guard let kindFields = try hierarchy.object(kind.rawValue) else {
        throw InputError(
          hierarchy.location.field(kind.rawValue),
          Message(
            en: "the level-1/level-2 map for \(kind.rawValue) tables is missing",
            zh: "缺少 \(kind.rawValue) 表的一级/二级指标对应表"))
      }
      var map: [String: Set<String>] = [:]
      for member in kindFields.object.members {
        guard let names = try kindFields.strings(member.key) else { continue }
        map[level(member.key)] = Set(names.map(level))
      }
      hierarchyTable[kind] = map
    }
    var requiredLevel1: [Table.Kind: [String]] = [:]
    if let required = try hierarchy.object("requiredLevel1") {
      for kind in [Table.Kind.project, .unit] {
        if let names = try required.strings(kind.rawValue) { requiredLevel1[kind] = names.map(level) }
      }
    }

    return Profile(
      name: try fields.requiredText("name"),
      version: try fields.text("version") ?? "",
      description: try fields.text("description") ?? "",
      scoreTolerance: try share(tolerances, "score", atMost: Rational(1)),
      completionTolerancePoints: try share(tolerances, "completionPoints", atMost: Rational(100)),
      fundsRateTolerance: try share(tolerances, "fundsRate", atMost: Rational(1)),
      sourcesTolerance: try share(tolerances, "sources", atMost: Rational(1_000_000)),
      defaultFundsWeight: try share(funds, "defaultWeight", atMost: Rational(100)),
      overAchievementThreshold: try share(over, "threshold", atMost: Rational(1_000_000), atLeast: Rational.one),
      deductOverAchievement: try requiredBool(over, "deduct"),
      lowerIsBetter: formula,
      latePenalty: try share(deadline, "latePenalty", atMost: Rational.one),
      bands: bandTable,
      gradeLines: gradeLines,
      spendingGapClaimedShare: try share(gap, "claimedShare", atMost: Rational.one),
      spendingGapExecutionBelow: try share(gap, "executionBelow", atMost: Rational.one),
      evidenceRequired: try requiredBool(fields, "evidenceRequired"),
      qualitativeShareMax: try share(review, "qualitativeShareMax", atMost: Rational.one),
      budgetUnit: Unit(try review.requiredText("budgetUnit")),
      vocabulary: QualitativeVocabulary(
        achieved: try requiredStrings(vocabulary, "achieved"),
        partly: try requiredStrings(vocabulary, "partly"),
        negations: try requiredStrings(vocabulary, "negations"),
        notNegations: try vocabulary.strings("notNegations") ?? []),
      ruleKeywords: ruleKeywords,
      hierarchy: hierarchyTable,
      requiredLevel1: requiredLevel1,
      satisfactionLevel1: Set((try fields.strings("level1Satisfaction") ?? []).map(level)),
      levelFolding: folding)
  }

  private func section(_ key: String) throws(InputError) -> JSONFields {
    guard let nested = try fields.object(key) else {
      throw InputError(
        fields.location.field(key), Message(en: "the required section \"\(key)\" is missing", zh: "缺少必需的部分 \"\(key)\""))
    }
    return nested
  }

  private func requiredNumber(_ fields: JSONFields, _ key: String) throws(InputError) -> Rational {
    guard let value = try fields.decimal(key) else {
      throw InputError(
        fields.location.field(key),
        Message(
          en: "the required number \"\(key)\" is missing; expected a decimal string such as \"0.5\"",
          zh: "缺少必需的数值 \"\(key)\"；应为小数字符串，例如 \"0.5\""))
    }
    return value
  }

  private func share(_ fields: JSONFields, _ key: String, atMost upper: Rational, atLeast lower: Rational = .zero)
    throws(InputError) -> Rational
  {
    let value = try requiredNumber(fields, key)
    guard !(value < lower), !(upper < value) else {
      throw InputError(
        fields.location(of: key),
        Message(
          en: "\(value.formatted(places: 4)) is out of range; expected a value from \(lower) to \(upper)",
          zh: "\(value.formatted(places: 4)) 超出范围；应为 \(lower) 到 \(upper) 之间的值"))
    }
    return value
  }

  private func requiredBool(_ fields: JSONFields, _ key: String) throws(InputError) -> Bool {
    guard let value = try fields.bool(key) else {
      throw InputError(
        fields.location.field(key),
        Message(
          en: "the required flag \"\(key)\" is missing; expected true or false", zh: "缺少必需的开关 \"\(key)\"；应为 true 或 false"))
    }
    return value
  }

  private func requiredStrings(_ fields: JSONFields, _ key: String) throws(InputError) -> [String] {
    guard let value = try fields.strings(key), !value.isEmpty else {
      throw InputError(
        fields.location.field(key),
        Message(en: "the required word list \"\(key)\" is missing or empty", zh: "必需的词表 \"\(key)\" 缺失或为空"))

    }
    return value
  }
}
