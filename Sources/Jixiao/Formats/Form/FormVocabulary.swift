/// The anchor words by which the form locator finds the parts of a printed form (forms.md, "The parts of
/// a form"): compared as keys (`FormText.key`: spaces and line breaks removed, full-width brackets folded).
///
/// Words are given as printed and kept as keys. They find structure only: where a part begins, which
/// column holds the indicator's name and which its levels, and the weight and score columns a ★ parent
/// row and the total row are read by. Which field each column of a form fills is the table schema's to
/// say, not this.
public struct FormVocabulary: Sendable, Hashable {
  /// The words, kept as keys, in one immutable box: every reader of a form's parts holds the vocabulary,
  /// and a copy of it is then one reference count, not one for each set. Equality and hashing are by the
  /// words, not by the box.
  private final class Words: Sendable, Hashable {
    /// A title ends in one of these, or in one and its year: 项目支出绩效自评表, 部门（单位）整体支出绩效（目标）
    /// 自评表, 项目支出绩效目标表 (in UTF-8).
    let titleWords: [[UInt8]]
    /// The labels of the header block (项目名称 | 雇员经费 | …), as label keys (a colon after them ignored).
    let headerLabels: Set<FormKey>
    /// A funds block's label starts with one of these (`项目资金（万元）`, `预算执行情况（20分）`).
    let fundsLabelPrefixes: [String]
    /// The rows of a funds block that hold its total (年度资金总额, or 合计 below the sources).
    let fundsTotalLabels: Set<FormKey>
    /// The goals block's label.
    let goalsLabels: Set<FormKey>
    /// The header of the indicator's own name: a row holding one is the indicator block's header.
    let nameHeaders: Set<FormKey>
    let level1Headers: Set<FormKey>
    let level2Headers: Set<FormKey>
    /// A column of the project's name in the indicator block, left blank on continuation rows.
    let projectNameHeaders: Set<FormKey>
    let weightHeaders: Set<FormKey>
    let scoreHeaders: Set<FormKey>
    /// A rotated label down the indicator block's left side holds one of these (绩效指标, 年度绩效指标完成情况;
    /// in UTF-8).
    let rotatedLabelWords: [[UInt8]]
    /// The total row's label.
    let totalLabels: Set<FormKey>
    /// A row of remarks before the total row starts with one of these (其他需要说明事项).
    let noteLabelPrefixes: [String]
    /// The grades a total row may print.
    let grades: Set<FormKey>
    /// The labels of who filled the form in, below its total row (填报人, 联系电话, 填报日期 …).
    let signOffLabels: Set<FormKey>
    /// The last character of each name header, in UTF-8.
    let nameHeaderEndings: [[UInt8]]
    /// The `keyFingerprint` bits of every total, goals and header label: a key whose bit is not set is none
    /// of them, told without hashing it.
    let anchorLabelFingerprints: UInt64
    /// The `keyFingerprint` bits of every level, project-name, weight and score header: a column's key whose
    /// bit is not set names none of the block's roles, told without hashing it into each set.
    let roleHeaderFingerprints: UInt64
    /// Each level, project-name, weight and score header with the roles it names: a column's key is looked
    /// up once for all five (`FormVocabulary.roles(of:)`), not hashed into each set. Derived from those sets,
    /// so left out of equality and hashing.
    let roleHeaders: [FormKey: Roles]
    /// The `leadFingerprint` bits of every funds-label and note prefix (every bit when one is shorter than
    /// three bytes): a key whose bit is not set starts with none of them, told without comparing each.
    let prefixLeadFingerprints: UInt64

    init(
      titleWords: [String], headerLabels: Set<String>, fundsLabelPrefixes: [String], fundsTotalLabels: Set<String>,
      goalsLabels: Set<String>, nameHeaders: Set<String>, level1Headers: Set<String>, level2Headers: Set<String>,
      projectNameHeaders: Set<String>, weightHeaders: Set<String>, scoreHeaders: Set<String>, rotatedLabelWords: [String],
      totalLabels: Set<String>, noteLabelPrefixes: [String], grades: Set<String>, signOffLabels: Set<String> = []
    ) {
      func keys(_ words: Set<String>) -> Set<FormKey> { Set(words.map { FormKey(FormText.labelKey($0)) }) }
      self.titleWords = titleWords.map { Array(FormText.key($0).utf8) }
      self.headerLabels = keys(headerLabels)
      self.fundsLabelPrefixes = fundsLabelPrefixes.map { FormText.key($0) }
      self.fundsTotalLabels = keys(fundsTotalLabels)
      self.goalsLabels = keys(goalsLabels)
      self.nameHeaders = keys(nameHeaders)
      self.level1Headers = keys(level1Headers)
      self.level2Headers = keys(level2Headers)
      self.projectNameHeaders = keys(projectNameHeaders)
      self.weightHeaders = keys(weightHeaders)
      self.scoreHeaders = keys(scoreHeaders)
      self.rotatedLabelWords = rotatedLabelWords.map { Array(FormText.key($0).utf8) }
      self.totalLabels = keys(totalLabels)
      self.noteLabelPrefixes = noteLabelPrefixes.map { FormText.key($0) }
      self.grades = keys(grades)
      self.signOffLabels = keys(signOffLabels)
      nameHeaderEndings = Array(Set(self.nameHeaders.compactMap { $0.text.unicodeScalars.last.map { Array(String($0).utf8) } }))
      prefixLeadFingerprints = (self.fundsLabelPrefixes + self.noteLabelPrefixes).reduce(0) {
        $0 | (FormVocabulary.leadFingerprint($1) ?? ~0)
      }
      roleHeaderFingerprints = [
        self.level1Headers, self.level2Headers, self.projectNameHeaders, self.weightHeaders, self.scoreHeaders,
      ].joined().reduce(0) { $0 | FormVocabulary.keyFingerprint($1.text) }
      var roleHeaders: [FormKey: Roles] = [:]
      for (headers, role) in [
        (self.level1Headers, Roles.level1), (self.level2Headers, .level2), (self.projectNameHeaders, .projectName),
        (self.weightHeaders, .weight), (self.scoreHeaders, .score),
      ] {
        for key in headers { roleHeaders[key, default: []].insert(role) }
      }
      self.roleHeaders = roleHeaders
      anchorLabelFingerprints = (self.totalLabels.union(self.goalsLabels).union(self.headerLabels)).reduce(0) {
        $0 | FormVocabulary.keyFingerprint($1.text)
      }
    }

    static func == (lhs: Words, rhs: Words) -> Bool {
      lhs === rhs
        || (lhs.titleWords == rhs.titleWords && lhs.headerLabels == rhs.headerLabels
          && lhs.fundsLabelPrefixes == rhs.fundsLabelPrefixes && lhs.fundsTotalLabels == rhs.fundsTotalLabels
          && lhs.goalsLabels == rhs.goalsLabels && lhs.nameHeaders == rhs.nameHeaders && lhs.level1Headers == rhs.level1Headers
          && lhs.level2Headers == rhs.level2Headers && lhs.projectNameHeaders == rhs.projectNameHeaders
          && lhs.weightHeaders == rhs.weightHeaders && lhs.scoreHeaders == rhs.scoreHeaders
          && lhs.rotatedLabelWords == rhs.rotatedLabelWords && lhs.totalLabels == rhs.totalLabels
          && lhs.noteLabelPrefixes == rhs.noteLabelPrefixes && lhs.grades == rhs.grades && lhs.signOffLabels == rhs.signOffLabels
          && lhs.nameHeaderEndings == rhs.nameHeaderEndings
          && lhs.anchorLabelFingerprints == rhs.anchorLabelFingerprints
          && lhs.roleHeaderFingerprints == rhs.roleHeaderFingerprints
          && lhs.prefixLeadFingerprints == rhs.prefixLeadFingerprints)
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(titleWords)
      hasher.combine(headerLabels)
      hasher.combine(fundsLabelPrefixes)
      hasher.combine(fundsTotalLabels)
      hasher.combine(goalsLabels)
      hasher.combine(nameHeaders)
      hasher.combine(level1Headers)
      hasher.combine(level2Headers)
      hasher.combine(projectNameHeaders)
      hasher.combine(weightHeaders)
      hasher.combine(scoreHeaders)
      hasher.combine(rotatedLabelWords)
      hasher.combine(totalLabels)
      hasher.combine(noteLabelPrefixes)
      hasher.combine(grades)
      hasher.combine(signOffLabels)
      hasher.combine(nameHeaderEndings)
      hasher.combine(anchorLabelFingerprints)
      hasher.combine(roleHeaderFingerprints)
      hasher.combine(prefixLeadFingerprints)
    }
  }

  private let words: Words

  var titleWords: [[UInt8]] { words.titleWords }
  var headerLabels: Set<FormKey> { words.headerLabels }
  var fundsLabelPrefixes: [String] { words.fundsLabelPrefixes }
  var fundsTotalLabels: Set<FormKey> { words.fundsTotalLabels }
  var goalsLabels: Set<FormKey> { words.goalsLabels }
  var nameHeaders: Set<FormKey> { words.nameHeaders }
  var level1Headers: Set<FormKey> { words.level1Headers }
  var level2Headers: Set<FormKey> { words.level2Headers }
  var projectNameHeaders: Set<FormKey> { words.projectNameHeaders }
  var weightHeaders: Set<FormKey> { words.weightHeaders }
  var scoreHeaders: Set<FormKey> { words.scoreHeaders }
  var rotatedLabelWords: [[UInt8]] { words.rotatedLabelWords }
  var totalLabels: Set<FormKey> { words.totalLabels }
  var noteLabelPrefixes: [String] { words.noteLabelPrefixes }
  var grades: Set<FormKey> { words.grades }
  var signOffLabels: Set<FormKey> { words.signOffLabels }
  private var nameHeaderEndings: [[UInt8]] { words.nameHeaderEndings }
  private var anchorLabelFingerprints: UInt64 { words.anchorLabelFingerprints }
  private var roleHeaderFingerprints: UInt64 { words.roleHeaderFingerprints }
  private var prefixLeadFingerprints: UInt64 { words.prefixLeadFingerprints }

  public init(
    titleWords: [String], headerLabels: Set<String>, fundsLabelPrefixes: [String], fundsTotalLabels: Set<String>,
    goalsLabels: Set<String>, nameHeaders: Set<String>, level1Headers: Set<String>, level2Headers: Set<String>,
    projectNameHeaders: Set<String>, weightHeaders: Set<String>, scoreHeaders: Set<String>, rotatedLabelWords: [String],
    totalLabels: Set<String>, noteLabelPrefixes: [String], grades: Set<String>, signOffLabels: Set<String> = []
  ) {
    words = Words(
      titleWords: titleWords, headerLabels: headerLabels, fundsLabelPrefixes: fundsLabelPrefixes,
      fundsTotalLabels: fundsTotalLabels, goalsLabels: goalsLabels, nameHeaders: nameHeaders, level1Headers: level1Headers,
      level2Headers: level2Headers, projectNameHeaders: projectNameHeaders, weightHeaders: weightHeaders,
      scoreHeaders: scoreHeaders, rotatedLabelWords: rotatedLabelWords, totalLabels: totalLabels,
      noteLabelPrefixes: noteLabelPrefixes, grades: grades, signOffLabels: signOffLabels)
  }

  /// One of 64 bits, from a key's length in bytes and its last byte: equal keys have the same bit.
  static func keyFingerprint(_ key: String) -> UInt64 {
    // On the contiguous bytes: `String.UTF8View.last` steps back through the string's index machinery.
    let last = key.utf8.withContiguousStorageIfAvailable { $0.last } ?? key.utf8.last
    return 1 << UInt64((key.utf8.count &* 7 &+ Int(last ?? 0)) & 63)
  }

  /// Whether a label key may be in `totalLabels`, `goalsLabels` or `headerLabels`; false only for a key
  /// none of them holds. Most rows of a sheet begin with none, and this costs no hash.
  func mayBeAnchorLabel(_ key: String) -> Bool { anchorLabelFingerprints & Self.keyFingerprint(key) != 0 }

  /// Whether a column's key may be in `level1Headers`, `level2Headers`, `projectNameHeaders`, `weightHeaders`
  /// or `scoreHeaders`; false only for a key none of them holds. Most columns of a block name no role.
  func mayBeRoleHeader(_ key: String) -> Bool { roleHeaderFingerprints & Self.keyFingerprint(key) != 0 }

  /// The roles of an indicator block's columns.
  struct Roles: OptionSet, Sendable {
    let rawValue: UInt8
    static let level1 = Roles(rawValue: 1 << 0)
    static let level2 = Roles(rawValue: 1 << 1)
    static let projectName = Roles(rawValue: 1 << 2)
    static let weight = Roles(rawValue: 1 << 3)
    static let score = Roles(rawValue: 1 << 4)
  }

  /// The roles a column's key names: `level1` where `level1Headers` holds it, and so on for `level2Headers`,
  /// `projectNameHeaders`, `weightHeaders` and `scoreHeaders` (the definition), told by one look-up, and by
  /// none for a key `mayBeRoleHeader` turns away (most columns).
  func roles(of key: FormKey) -> Roles {
    guard mayBeRoleHeader(key.text) else { return [] }
    return words.roleHeaders[key] ?? []
  }

  /// The words of forms.md's layouts L1–L11.
  public static let standard = FormVocabulary(
    titleWords: ["自评表", "目标表"],
    headerLabels: [
      "项目名称", "单位名称", "部门名称", "部门（单位）名称", "单位名称（盖章）", "部门名称（盖章）", "预算单位", "预算部门", "主管部门",
      "实施单位", "项目单位", "主管单位", "填报单位", "项目负责人", "联系电话", "单位联系人", "联系人",
    ],
    fundsLabelPrefixes: ["项目资金", "部门资金", "单位资金", "预算资金", "预算执行情况", "年度预算（", "年度预算(", "资金情况"],
    fundsTotalLabels: ["年度资金总额", "年度总资金", "资金总额", "年度预算总额", "合计", "总计", "小计"],
    goalsLabels: [
      "年度总体目标", "年度绩效目标", "项目总体目标", "总体目标", "绩效目标", "年度目标", "整体绩效目标", "总体绩效目标", "项目绩效目标",
      "部门整体绩效目标",
    ],
    nameHeaders: ["三级指标", "指标名称", "三级指标名称"],
    level1Headers: ["一级指标"],
    level2Headers: ["二级指标"],
    projectNameHeaders: ["项目名称"],
    weightHeaders: ["分值", "权重", "分值权重", "指标分值", "指标权重（分）", "权重（%）", "指标分值权重", "权重分值", "权重占比（%）"],
    scoreHeaders: ["得分", "指标得分", "自评得分", "单项得分", "折算得分", "实际得分"],
    rotatedLabelWords: ["指标", "绩效"],
    // A printed form may label its total row 自评总分, which a flat CSV's schema reads as the claimedTotal
    // column's header instead (TableSchema), so only the form adds it.
    totalLabels: TableSchema.totalRowLabels.union(["自评总分"]),
    noteLabelPrefixes: ["其他需要说明", "需要说明的", "说明事项", "备注"],
    grades: ["优", "良", "中", "差"],
    signOffLabels: [
      "填报人", "填表人", "制表人", "审核人", "单位负责人", "财务负责人", "项目负责人", "联系人", "联系电话", "填报日期", "填表日期",
      "日期",
    ]
  )

  /// A title ends in its title word, or in it and its year (`项目支出绩效自评表(2023年度)`): a goal's text that
  /// mentions a 目标表 is no title.
  func isTitle(_ key: String) -> Bool {
    // Every row's first cell is asked: searched on its contiguous bytes.
    key.utf8.withContiguousStorageIfAvailable { isTitle(utf8: $0) }
      ?? Array(key.utf8).withUnsafeBufferPointer { isTitle(utf8: $0) }
  }

  private func isTitle(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    titleWords.contains { word in
      var index = 0
      while let found = bytes[index...].firstIndex(of: word[0]) {
        if bytes[found...].starts(with: word) {
          // A title word starts with a lead byte and ends a character: the rest is whole characters.
          let rest = UnsafeBufferPointer(rebasing: bytes[(found + word.count)...])
          if rest.isEmpty || FormText.year(ofYearCell: String(decoding: rest, as: UTF8.self)) != nil { return true }
        }
        index = found + 1
      }
      return false
    }
  }

  /// Whether a text printed on its own (a paragraph above a table) is a title, told as a title cell is.
  func isTitle(printed: String) -> Bool {
    printed.utf8.count <= FormGrid.longestTitle && isTitle(FormText.labelKey(printed))
  }
  func isFundsLabel(_ key: String) -> Bool {
    mayStartWithPrefix(key) && fundsLabelPrefixes.contains { FormText.starts(key, with: $0) }
  }
  func isNote(_ key: String) -> Bool { mayStartWithPrefix(key) && noteLabelPrefixes.contains { FormText.starts(key, with: $0) } }

  /// One of 64 bits, from a text's first three bytes (one CJK character); nil for a shorter text. A text
  /// that starts with a prefix of three bytes or more has the prefix's bit.
  static func leadFingerprint(_ text: String) -> UInt64? {
    func fingerprint(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> UInt64 {
      1 << UInt64((Int(first) &* 31 &+ Int(second) &* 7 &+ Int(third)) & 63)
    }
    // On the contiguous bytes, as every row's first cell is asked: a string's iterator costs more.
    let told: UInt64?? = text.utf8.withContiguousStorageIfAvailable { bytes in
      bytes.count >= 3 ? fingerprint(bytes[0], bytes[1], bytes[2]) : nil
    }
    if let told { return told }
    var bytes = text.utf8.makeIterator()
    guard let first = bytes.next(), let second = bytes.next(), let third = bytes.next() else { return nil }
    return fingerprint(first, second, third)
  }

  /// Whether a key may start with a funds-label or note prefix; false only for a key that starts with none.
  func mayStartWithPrefix(_ key: String) -> Bool {
    guard let lead = Self.leadFingerprint(key) else { return prefixLeadFingerprints == ~0 }
    return prefixLeadFingerprints & lead != 0
  }
  func isRotatedLabel(_ key: String) -> Bool { rotatedLabelWords.contains { key.utf8.containsSequence($0) } }

  /// Whether a cell may print a name header: it ends (spaces and colons aside) in the last character of
  /// one. Every cell of a row is asked, and this costs no key.
  func mayBeNameHeader(_ printed: String) -> Bool {
    return printed.utf8.withContiguousStorageIfAvailable { mayBeNameHeader(utf8: $0) }
      ?? Array(printed.utf8).withUnsafeBufferPointer { mayBeNameHeader(utf8: $0) }
  }

  private func mayBeNameHeader(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    var bytes = utf8[...]
    while let last = bytes.last, last <= 0x20 || last == UInt8(ascii: ":") { bytes = bytes.dropLast() }
    return nameHeaderEndings.contains { bytes.count >= $0.count && bytes.suffix($0.count).elementsEqual($0) }
  }

  /// Whether a cell signs the form: a sign-off label, alone (`填报人：`) or with its value after the colon
  /// (`填报人：张三`).
  func isSignOff(_ printed: String) -> Bool {
    let key = FormText.key(printed)
    let label = key.firstIndex { $0 == ":" || $0 == "：" }.map { String(key[..<$0]) } ?? key
    return signOffLabels.contains(FormKey(label))
  }

  /// A funds row's label as compared with the total labels: its unit (`（万元）`) aside.
  func isFundsTotal(_ label: String) -> Bool {
    fundsTotalLabels.contains(FormKey(Self.droppingFundsUnits(FormText.labelKey(label))))
  }

  static let fundsUnits = ["(万元)", "(元)"]

  /// A key without the units that end it, as `droppingFundsUnitsByCharacters` (the definition) drops them;
  /// on the bytes of a key that `FormText.isPlainlyComposed`, whose characters are its scalars.
  static func droppingFundsUnits(_ key: String) -> String {
    guard FormText.isPlainlyComposed(key) else { return droppingFundsUnitsByCharacters(key) }
    var bytes = Substring(key).utf8
    for unit in fundsUnits where bytes.count >= unit.utf8.count && bytes.suffix(unit.utf8.count).elementsEqual(unit.utf8) {
      bytes = bytes.dropLast(unit.utf8.count)
    }
    return bytes.count == key.utf8.count ? key : String(Substring(bytes))
  }

  static func droppingFundsUnitsByCharacters(_ key: String) -> String {
    var key = key
    for unit in fundsUnits where key.hasSuffix(unit) { key.removeLast(unit.count) }
    return key
  }
}
