import Foundation
import Testing

@testable import Jixiao

/// Text a unit typed, at its most hostile: what each writer must print as data, never as markup, a
/// formula, a Markdown construct or a terminal control.
enum HostileText {
  /// Pieces a text is drawn from. Prepended concatenation marks and combining marks glue themselves to
  /// a neighbouring ASCII byte into one `Character`; the ASCII is what a writer must still see.
  static let pieces: [String] = [
    // Prepended concatenation marks (Grapheme_Cluster_Break=Prepend).
    "\u{0600}", "\u{0601}", "\u{0602}", "\u{0603}", "\u{0604}", "\u{0605}", "\u{06DD}", "\u{070F}", "\u{08E2}",
    "\u{110BD}", "\u{110CD}", "\u{0D4E}",
    // Combining and enclosing marks, joiners, variation selectors.
    "\u{0301}", "\u{0308}", "\u{20DD}", "\u{200D}", "\u{200C}", "\u{FE0F}", "\u{FE0E}", "\u{E0100}",
    // What markup, CSV, spreadsheets and Markdown interpret.
    "<", ">", "&", "\"", "'", ",", "\r", "\n", "\r\n", "\t", "=", "+", "-", "@", "|", "\\", "`", "*", "_", "[", "]",
    "(", ")", "!", "#", ":", ".", "~", "$", "{", "}", ";", "/", " ", "u{", "\\u{1B}", "&amp;", "<b>", "www.", "http://",
    // Bidi controls, line and paragraph separators.
    "\u{061C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}",
    "\u{2068}", "\u{2069}", "\u{2028}", "\u{2029}",
    // C0 and C1 controls, DEL.
    "\u{0}", "\u{1}", "\u{7}", "\u{8}", "\u{1B}", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{9B}", "\u{9D}",
    // CJK, full-width formula starts, letters, emoji.
    "甲", "项目", "𠀀", "＝", "＋", "－", "＠", "a", "x", "1", "👍🏽", "👩‍💻",
  ]

  static func random(_ generator: inout SplitMix, maximumPieces: Int = 8) -> String {
    (0..<Int.random(in: 0...maximumPieces, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
  }

  /// Never empty: a name is required.
  static func randomName(_ generator: inout SplitMix) -> String {
    let text = random(&generator)
    return text.isEmpty ? "<" : text
  }
}

/// A scored table whose every text field is given, and a rejection: what the writers are fed.
struct HostileCase {
  var result: TableResult
  var rejection: InputError

  init(
    id: String, name: String, department: String?, file: String, levels: (String?, String?), names: [String],
    targets: [String?], actuals: [String?], rejectionMessage: String, claimedFirst: Int = 45
  ) {
    let location = SourceLocation(file: file, line: 1)
    let indicators = names.indices.map { index in
      Indicator(
        index: index + 1, level1: levels.0.map { TableText($0) }, level2: levels.1.map { TableText($0) },
        name: TableText(names[index]), weight: Rational(45), target: targets[index].map { TableText($0) },
        actual: actuals[index].map { TableText($0) }, claimedScore: Rational(index == 0 ? claimedFirst : 45),
        location: location.field("indicators[\(index + 1)]"))
    }
    let table = Table(
      id: id, year: 2024, name: TableText(name), department: department.map { TableText($0) },
      // The funds weight makes the weights add up to 100, so that the summary counts the table.
      funds: Funds(
        annualBudget: Rational(100), executed: Rational(50), weight: Rational(100 - 45 * names.count), claimedScore: Rational(10)),
      indicators: indicators, claimedTotal: Rational(55 + claimedFirst), location: location)
    result = Scorer(profile: defaultProfile).score(table)
    rejection = InputError(SourceLocation(file: file), Message(verbatim: rejectionMessage))
  }

  static func random(_ generator: inout SplitMix) -> HostileCase {
    let count = Int.random(in: 1...2, using: &generator)
    func optional() -> String? { Int.random(in: 0..<5, using: &generator) == 0 ? nil : HostileText.random(&generator) }
    return HostileCase(
      id: HostileText.random(&generator), name: HostileText.randomName(&generator), department: optional(),
      file: HostileText.randomName(&generator), levels: (optional(), optional()),
      names: (0..<count).map { _ in HostileText.randomName(&generator) }, targets: (0..<count).map { _ in optional() },
      actuals: (0..<count).map { _ in optional() }, rejectionMessage: HostileText.randomName(&generator))
  }

  /// The same case with every text from the table (in the findings' details and locations too) replaced
  /// by a plain token, and what each token stands for: rendered, it must give the same markup.
  func benign() -> (TableResult, InputError, [String: String]) {
    var stands: [String: String] = [:]
    var counter = 0
    func token(_ text: String) -> String {
      guard !text.isEmpty else { return "" }
      counter += 1
      let token = "TOK\(counter)X"
      stands[token] = text
      return token
    }
    var copy = result
    copy.id = token(result.id)
    copy.name = TableText(token(result.name.string))
    copy.department = result.department.map { TableText(token($0.string)) }
    copy.location = SourceLocation(file: token(result.location.description))
    copy.indicators = result.indicators.map { item in
      var item = item
      item.level1 = item.level1.map { TableText(token($0.string)) }
      item.level2 = item.level2.map { TableText(token($0.string)) }
      item.name = TableText(token(item.name.string))
      item.target = item.target.map { TableText(token($0.string)) }
      item.actual = item.actual.map { TableText(token($0.string)) }
      return item
    }
    copy.findings = result.findings.map { finding in
      // The message quotes the table's texts: rendered from tokens, it stands for the message rendered from them.
      var benign = Finding(finding.detail.replacingTexts(token), at: finding.location)
      stands[benign.message] = finding.message
      if case .indicator(let index, let name) = finding.location {
        let replaced = token(name.string)
        benign.location = .indicator(index: index, name: TableText(replaced))
        stands["#\(index) \(replaced)"] = "#\(index) \(name)"
      }
      return benign
    }
    let rejection = InputError(
      SourceLocation(file: token(self.rejection.location.file)), Message(verbatim: token(self.rejection.message.english)))
    return (copy, rejection, stands)
  }
}

/// The report of one case: the overview, the table's section and its index row. `whole: false` leaves
/// out what cannot hold table text (head, style, script, the charts, whose labels are jixiao's codes,
/// titles and counts; the scatter's table of figures, which holds names, stays), so that thousands of
/// cases read quickly.
func htmlReport(_ result: TableResult, _ rejection: InputError, whole: Bool = true) -> String {
  var summary = BatchSummary()
  summary.add(result)
  summary.add(rejection)
  let sections = HTMLReport.section(result) + HTMLReport.indexHeader + HTMLReport.indexRow(result) + HTMLReport.indexFooter
  guard whole else {
    return HTMLReport.departments(summary) + HTMLReport.largestOverClaims(summary, includedAll: true)
      + HTMLReport.rejections(summary) + HTMLReport.scatterData(summary.scatter)
      + sections
  }
  return HTMLReport.document(summary: summary, profile: defaultProfile, sections: sections, includedAll: true)
}

/// The regressions of issue 16, one a test, each failing on the writers as they were (escaping by
/// `Character`, no bidi isolation, no terminal escaping, negative numbers neutralised).
@Suite struct OutputEscapingTests {
  static func plainCase(name: String = "项目", department: String? = "商务局", target: String = ">=10次", actual: String = "12次")
    -> HostileCase
  {
    HostileCase(
      id: "t1", name: name, department: department, file: "year.jsonl", levels: ("产出指标", "数量指标"), names: ["次数"],
      targets: [target], actuals: [actual], rejectionMessage: "expected a number")
  }

  @Test func aConcatenationMarkBeforeLessThanMakesNoElement() throws {
    let hostile = "\u{0600}<script>alert(1)</script>\u{0600}<img src=x onerror=alert(2)>"
    let html = HTMLReport.section(Self.plainCase(name: hostile).result)
    let tags = try StrictHTML.tokens(html).compactMap { token -> String? in
      if case .start(let name, _) = token { return name }
      return nil
    }
    #expect(!tags.contains("script") && !tags.contains("img"), "\(tags)")
    #expect(html.containsText("\u{0600}&lt;script&gt;"))
  }

  @Test func aQuoteWithACombiningMarkStaysInsideItsAttribute() throws {
    let hostile = "\"\u{0301} onmouseover=\"alert(1)\u{0600}\" x=\u{0600}\""
    let tokens = try StrictHTML.tokens("<a title=\"\(HTMLReport.escape(hostile))\">x</a>")
    #expect(tokens.first == .start("a", [StrictHTML.Attribute(name: "title", value: hostile)]))
  }

  @Test func theWholeReportTokenizesStrictly() throws {
    let html = htmlReport(Self.plainCase(name: "\u{0600}<甲>").result, Self.plainCase().rejection)
    let tokens = try StrictHTML.tokens(html)
    #expect(tokens.first == .doctype && tokens.last == .text("\n"))
    #expect(tokens.filter { $0 == .start("script", []) }.count == 1, "the report's own script only")
  }

  @Test func rightToLeftOverrideInANameCannotReorderTheFigures() throws {
    let result = Self.plainCase(name: "\u{202E}甲项目", department: "\u{202E}乙局").result
    let section = HTMLReport.section(result)
    #expect(section.containsText("<summary><bdi>\u{202E}甲项目</bdi> — 自评 "), "the figures after the name are outside its isolate")
    #expect(section.containsText("主管部门：<bdi>\u{202E}乙局</bdi> · 年度：2024"))
    let overview = htmlReport(result, Self.plainCase().rejection)
    #expect(overview.containsText("<td><bdi>\u{202E}乙局</bdi></td>"), "the departments table")
    #expect(overview.containsText("<bdi>\u{202E}甲项目</bdi></a>"), "the largest over-claims")
  }

  @Test func escInANameReachesTheTextReportEscaped() {
    let result = Self.plainCase(name: "甲\u{1B}]0;owned\u{7}\u{1B}[2J", department: "局\u{9B}31m", target: "\u{1B}[8m>=10次").result
    let report = TextReport.render(result)
    #expect(!report.unicodeScalars.contains { $0 != "\n" && TerminalText.isEscaped($0) })
    #expect(report.hasPrefix("━━ 甲\\u{1B}]0;owned\\u{7}\\u{1B}[2J\n"))
    #expect(report.contains("局\\u{9B}31m · 2024年度"))
    #expect(report.contains("\\u{1B}[8m>=10次"), "a target quoted in a cell and in a finding")
  }

  @Test func aControlCountsAsTheColumnsOfItsEscape() {
    var result = Self.plainCase().result
    result.indicators[0].name = "甲\u{1B}乙"
    let lines = TextReport.scoredTable(result)
    let row = lines.first { $0.contains("甲") }!
    let other = lines.first { $0.contains("预算执行") }!
    // The weight column ends at the same display column in every row.
    func weightEnd(_ line: String) -> Int { TerminalWidth.of(line[..<line.range(of: ".00")!.upperBound]) }
    #expect(row.contains("1. 甲\\u{1B}乙"))
    #expect(weightEnd(row) == weightEnd(other))
  }

  @Test func theTextSummaryAndMarkdownEscapeControls() {
    let hostile = HostileCase(
      id: "i\u{1B}d", name: "名\u{1B}[2J", department: "部\u{202E}门", file: "f\u{1B}.jsonl", levels: (nil, nil), names: ["x"],
      targets: ["1"], actuals: ["1"], rejectionMessage: "坏\u{1B}[31m", claimedFirst: 60)
    var summary = BatchSummary()
    summary.add(hostile.result)
    summary.add(hostile.rejection)
    let markdown = MarkdownSummary.row(hostile.result) + MarkdownSummary.footer(summary)
    for output in [SummaryReport.text(summary), markdown] {
      #expect(!output.unicodeScalars.contains { $0 != "\n" && TerminalText.isEscaped($0) }, "\(output)")
      #expect(output.contains("\\u{1B}"))
    }
    #expect(SummaryReport.text(summary).contains("名\\u{1B}[2J（部\\u{202E}门，i\\u{1B}d）"))
  }

  @Test func markdownCellsAreInertAndOnOneLine() {
    let hostile = "<img src=x onerror=alert(1)>[点](javascript:alert(1)) **粗** `码` &lt; |\u{0301}| 甲\n乙 www.example.com @user #1"
    let row = MarkdownSummary.row(Self.plainCase(name: hostile).result)
    #expect(row.utf8.filter { $0 == 0x0A }.count == 1 && row.hasSuffix("|\n"))
    let cells = GFMRow.cells(String(row.dropLast()))
    #expect(cells?.count == 7, "a pipe glued to a combining mark does not split the cell")
    #expect(cells.flatMap { GFMRow.literal($0[2]) }.flatMap(VisibleTextReader.decode) == hostile)
  }

  @Test func aGluedCommaKeepsTheWorksheetsColumns() {
    #expect(RFC4180.records(Worksheet.field("甲\u{0600},乙") + "\r\n")?.first == ["甲\u{0600},乙"])
    #expect(RFC4180.records(Worksheet.field("\"\u{0301}") + "\r\n")?.first == ["\"\u{0301}"])
    let rows = Worksheet.rows(Self.plainCase(name: "项目\u{0600},乙", actual: "x\u{0600},=1+1").result)
    let records = RFC4180.records(rows)
    #expect(records?.allSatisfy { $0.count == Worksheet.columns.count } == true)
    #expect(records?[1][2] == "项目\u{0600},乙" && records?[1][9] == "x\u{0600},=1+1")
  }

  @Test func formulaAfterAGluedCommaStaysNeutralised() {
    let rows = Worksheet.rows(Self.plainCase(target: "=1+1\u{0301},@SUM(A1)", actual: "\u{0600},=1+1").result)
    let records = RFC4180.records(rows) ?? []
    #expect(!records.isEmpty)
    for field in records.joined() {
      #expect(!["=", "+", "@"].contains(field.unicodeScalars.first), "\(field)")
    }
    #expect(records[1][8] == "'=1+1\u{0301},@SUM(A1)")
  }

  @Test func negativeDifferencesAreNumbers() throws {
    let result = Self.plainCase(target: ">=10次", actual: "12次").result
    var underClaimed = result
    underClaimed.indicators[0].claimedScore = Hundredths("39.13")
    underClaimed.claimedTotal = Hundredths("-5.87")
    let records = try #require(RFC4180.records(Worksheet.rows(underClaimed)))
    let header = Worksheet.columns
    let difference = try #require(header.firstIndex(of: "差额"))
    #expect(!header.contains("偏离度"))
    #expect(records[1][difference] == "-5.87", "claimed 39.13 against 45.00")
    #expect(records[2][header.firstIndex(of: "自评得分")!] == "-5.87")
    #expect(records[2][difference].hasPrefix("-"))
    #expect(records[1][0] == "t1" && records[1][1] == "2024", "表编号 and 年度")
    // Text that only looks like a number is still neutralised.
    #expect(Worksheet.field("-5.87") == "'-5.87")
  }

  @Test func jsonEscapesControlsAndKeepsEveryOtherScalar() throws {
    let hostile = "\u{2028}\u{2029}\u{1B}[31m\u{7F}\u{9B}\u{0}\"\\\u{0600}<\u{202E}甲"
    let json = ResultJSON.encode(Self.plainCase(name: hostile, department: hostile).result)
    #expect(!json.utf8.contains { $0 < 0x20 })
    let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["name"] as? String == hostile && object["department"] as? String == hostile)
  }

  @Test func stderrShowsControlsEscaped() throws {
    let run = try CommandLineTests().jixiao("rescore", "/nonexistent/\u{1B}[31m红\u{202E}.jsonl")
    #expect(run.status == 3)
    #expect(run.errors.contains("/nonexistent/\\u{1B}[31m红\\u{202E}.jsonl"), "\(run.errors)")
    #expect(!run.errors.unicodeScalars.contains { $0 != "\n" && TerminalText.isEscaped($0) })
  }

  @Test func visibleTextLeavesOrdinaryTextAsItIs() {
    for text in ["", "有效促进", "a \\u escape needs 4 hexadecimal digits", "unknown escape '\\q'", "C:\\数据\\表.csv", "—…“”→"] {
      #expect(TerminalText.visible(text) == text)
    }
    #expect(TerminalText.visible("\\u{1B}") == "\\\\u{1B}", "a literal escape is told apart from an escaped ESC")
    #expect(TerminalText.visible("\\\u{1B}") == "\\\\\\u{1B}")
    #expect(TerminalText.visible("\u{85}\u{2066}") == "\\u{85}\\u{2066}")
  }

  @Test func fittedTextNeverCutsAnEscape() {
    let fitted = TerminalText.fitted("甲乙丙\u{1B}丁戊己庚辛", to: 12)
    #expect(fitted == "甲乙丙…" || fitted == "甲乙丙\\u{1B}…")
    #expect(TerminalWidth.of(fitted) <= 12)
    #expect(TerminalText.fitted("\u{202E}\u{202E}\u{202E}", to: 12) == "\\u{202E}…")
  }
}

/// Every writer fed random hostile text: the output reads back, by a reader written from the format's
/// rules, to exactly the input text. The transformations the writers make on purpose, and how each is
/// undone here: the terminal escapes (`\u{1B}`, undone by `VisibleTextReader`) in the text report, the
/// text summary, Markdown and standard error; Markdown's backslash before ASCII punctuation and the
/// cell's trimmed outer spaces (Markdown trims them itself); the worksheet's apostrophe before a text
/// cell that starts a formula; HTML's character references.
@Suite struct WriterPropertyTests {
  static let cases = 2_000

  @Test func htmlHasNoMarkupFromTableTextAndIsolatesAllOfIt() throws {
    var generator = SplitMix(seed: 1601)
    for _ in 0..<Self.cases {
      let hostile = HostileCase.random(&generator)
      let (benignResult, benignRejection, stands) = hostile.benign()
      let tokens = try StrictHTML.tokens(htmlReport(hostile.result, hostile.rejection, whole: false))
      let expected = try StrictHTML.tokens(htmlReport(benignResult, benignRejection, whole: false))
      let problem = Self.firstDifference(tokens, expected, stands: stands)
      #expect(problem == nil, "\(problem ?? "")")
    }
  }

  /// Where the report of hostile text differs from the report of its tokens other than in the text of
  /// an isolate, and where an isolate's text does not read back to what its token stands for.
  static func firstDifference(_ tokens: [StrictHTML.Token], _ expected: [StrictHTML.Token], stands: [String: String]) -> String? {
    guard tokens.count == expected.count else { return "\(tokens.count) tokens where \(expected.count) were expected" }
    var depth = 0
    var isolates = 0
    for (token, plain) in zip(tokens, expected) {
      switch (token, plain) {
      case (.start(let name, let attributes), .start(let plainName, let plainAttributes)):
        guard name == plainName, attributes.map(\.name) == plainAttributes.map(\.name) else { return "\(token) for \(plain)" }
        for (attribute, plainAttribute) in zip(attributes, plainAttributes)
        where attribute.name != "id" && attribute.name != "href" && attribute.value != plainAttribute.value {
          return "attribute \(attribute) for \(plainAttribute)"
        }
        if name == "bdi" { depth += 1 }
      case (.end(let name), .end(let plainName)):
        guard name == plainName else { return "\(token) for \(plain)" }
        if name == "bdi" { depth -= 1 }
      case (.text(let text), .text(let plainText)):
        if depth > 0 {
          isolates += 1
          guard text == (stands[plainText] ?? plainText) else { return "isolated \(text) for \(plainText)" }
        } else {
          guard text == plainText else { return "text outside an isolate: \(text) for \(plainText)" }
          guard !plainText.containsText("TOK") else { return "table text outside an isolate: \(plainText)" }
        }
      case (.comment, .comment), (.doctype, .doctype): break
      default: return "\(token) for \(plain)"
      }
    }
    return isolates >= 4 ? nil : "only \(isolates) isolates"
  }

  @Test func worksheetRowsKeepTheirColumnsAndTheirText() throws {
    var generator = SplitMix(seed: 1602)
    func written(_ text: String) -> String {
      guard let first = text.unicodeScalars.first, Worksheet.formulaStarts.contains(first) else { return text }
      return "'" + text
    }
    let number = #/-?[0-9]+\.[0-9]{2}%?/#
    for _ in 0..<Self.cases {
      let hostile = HostileCase.random(&generator)
      let result = hostile.result
      let records = try #require(RFC4180.records(Worksheet.header + Worksheet.rows(result)))
      try #require(records.allSatisfy { $0.count == Worksheet.columns.count })
      #expect(records[0] == [Worksheet.byteOrderMark + "表编号"] + Worksheet.columns.dropFirst())
      for record in records.dropFirst() {
        #expect(record[0] == written(result.id) && record[1] == "2024")
        #expect(record[2] == written(result.name.string) && record[3] == written(result.department?.string ?? ""))
        for column in [7, 10, 12, 13] where !record[column].isEmpty {
          #expect(record[column].wholeMatch(of: number) != nil || record[column] == "未核实", "\(record[column])")
        }
      }
      for (offset, item) in result.indicators.enumerated() {
        let record = records[2 + offset]
        #expect(record[4] == written(item.level1?.string ?? "") && record[5] == written(item.level2?.string ?? ""))
        #expect(
          record[6] == written(item.name.string) && record[8] == written(item.target?.string ?? "")
            && record[9] == written(item.actual?.string ?? ""))
        let notes = result.findings.filter { $0.location == .indicator(index: item.index, name: item.name) }
        #expect(record[14] == written(notes.map { "[\($0.code.rawValue)] \($0.message)" }.joined(separator: "；")))
      }
    }
  }

  @Test func terminalOutputsReadBackAndHoldNoControl() throws {
    var generator = SplitMix(seed: 1603)
    func hasRawControl(_ text: String) -> Bool { text.unicodeScalars.contains { $0 != "\n" && TerminalText.isEscaped($0) } }
    for _ in 0..<Self.cases {
      let hostile = HostileCase.random(&generator)
      let result = hostile.result
      var summary = BatchSummary()
      summary.add(result)
      summary.add(hostile.rejection)
      let report = TextReport.render(result)
      let summaryText = SummaryReport.text(summary)
      let row = MarkdownSummary.row(result)
      let footer = MarkdownSummary.footer(summary)
      for output in [report, summaryText, row, footer] { try #require(!hasRawControl(output), "\(output)") }

      func dropping(_ count: Int, _ line: String) -> String { String(line.unicodeScalars.dropFirst(count)) }
      let lines = GFMRow.lines(report)
      #expect(
        lines[0].unicodeScalars.starts(with: "━━ ".unicodeScalars)
          && VisibleTextReader.decode(dropping(3, lines[0])) == result.name.string)
      let messages = lines.filter { $0.unicodeScalars.starts(with: "       ".unicodeScalars) }.map {
        VisibleTextReader.decode(dropping(7, $0))
      }
      #expect(messages.count == result.findings.count)
      for finding in result.findings { #expect(messages.contains(finding.message)) }
      #expect(summaryText.containsText("\n     " + TerminalText.visible(hostile.rejection.description) + "\n"))
      #expect(VisibleTextReader.decode(TerminalText.visible(hostile.rejection.description)) == hostile.rejection.description)

      try #require(row.hasSuffix(" |\n") && !row.dropLast().contains("\n"))
      let cells = try #require(GFMRow.cells(String(row.dropLast())))
      try #require(cells.count == 7, "\(row)")
      let id = GFMRow.codeOrLiteral(cells[0]).flatMap(VisibleTextReader.decode)
      #expect(id.map(GFMRow.trimmed) == GFMRow.trimmed(result.id), "\(cells[0])")
      #expect(GFMRow.literal(cells[2]).flatMap(VisibleTextReader.decode) == GFMRow.trimmed(result.name.string), "\(cells[2])")
      #expect(
        GFMRow.literal(cells[1]).flatMap(VisibleTextReader.decode) == (result.department.map { GFMRow.trimmed($0.string) } ?? "—")
      )
      let rejection = try #require(GFMRow.lines(footer).first { $0.unicodeScalars.starts(with: "- 无法读取 ".unicodeScalars) })
      let colon = try #require(rejection.unicodeScalars.firstIndex(of: "："))
      let message = String(rejection.unicodeScalars[rejection.unicodeScalars.index(after: colon)...])
      #expect(GFMRow.literal(message).flatMap(VisibleTextReader.decode) == hostile.rejection.message.chinese, "\(rejection)")
    }
  }

  @Test func jsonReadsBackExactly() throws {
    var generator = SplitMix(seed: 1604)
    for _ in 0..<Self.cases {
      let hostile = HostileCase.random(&generator)
      let result = hostile.result
      let bytes = ResultJSON.line(result)
      #expect(bytes.last == 0x0A && !bytes.dropLast().contains { $0 < 0x20 })
      let object = try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
      #expect(object["id"] as? String == result.id && object["name"] as? String == result.name.string)
      #expect(object["department"] as? String == result.department?.string)
      #expect(object["source"] as? String == result.location.description)
      let indicators = try #require(object["indicators"] as? [[String: Any]])
      for (read, item) in zip(indicators, result.indicators) {
        #expect(read["name"] as? String == item.name.string && read["target"] as? String == item.target?.string)
        #expect(read["actual"] as? String == item.actual?.string && read["level1"] as? String == item.level1?.string)
      }
      let findings = try #require(object["findings"] as? [[String: Any]])
      #expect(findings.map { $0["message"] as? String } == result.findings.map(\.message))

      var summary = BatchSummary()
      summary.add(result)
      summary.add(hostile.rejection)
      let summaryObject = try #require(
        JSONSerialization.jsonObject(with: Data(SummaryReport.json(summary).utf8)) as? [String: Any])
      let byDepartment = try #require(summaryObject["gradeTransitionsByDepartment"] as? [String: Any])
      #expect(Array(byDepartment.keys) == [result.department?.string ?? "（未填主管部门）"])
      let rejected = try #require(
        JSONSerialization.jsonObject(with: Data(ResultDocument.rejectionLine(hostile.rejection))) as? [String: Any])
      #expect((rejected["rejected"] as? [String: Any])?["message"] as? String == hostile.rejection.message.english)
    }
  }
}

extension FindingDetail {
  /// The same finding with every text it quotes from the table passed through `replace`. Exhaustive, so
  /// that a new case with a text is tokenised too.
  func replacingTexts(_ replace: (String) -> String) -> FindingDetail {
    func subject(_ subject: FindingSubject) -> FindingSubject {
      FindingSubject(label: subject.label, source: subject.source.map(replace))
    }
    func unread(_ found: UnreadText) -> UnreadText {
      guard case .unreadable(let text, let field) = found else { return found }
      return .unreadable(text: replace(text), field: field)
    }
    switch self {
    case .indicatorClaim(let target, let actual, let completion, let band, let rule, let score, let claimed, let difference):
      return .indicatorClaim(
        target: target.map { TableText(replace($0.string)) }, actual: actual.map { TableText(replace($0.string)) },
        completion: completion, band: band, rule: rule, score: score,
        claimed: claimed, difference: difference)
    case .levelWeightsSum(let level1, let level2, let points, let indicators, let sum):
      return .levelWeightsSum(
        level1: replace(level1), level2: level2.map(replace), points: points, indicators: indicators, sum: sum)
    case .missingLevel1(let levels): return .missingLevel1(levels: levels.map(replace))
    case .misplacedLevel2(let level1, let level2, let allowed):
      return .misplacedLevel2(level1: replace(level1), level2: replace(level2), allowed: Set(allowed.map(replace)))
    case .costTargetRaises(let target, let comparison): return .costTargetRaises(target: replace(target), comparison: comparison)
    case .quantityTargetLowers(let target, let comparison):
      return .quantityTargetLowers(target: replace(target), comparison: comparison)
    case .targetTooLow(let target, let actual, let completion, let threshold, let whatIfScore, let deducted):
      return .targetTooLow(
        target: replace(target), actual: replace(actual), completion: completion, threshold: threshold, whatIfScore: whatIfScore,
        deducted: deducted)
    case .strictBoundary(let target, let actual, let bound):
      return .strictBoundary(target: replace(target), actual: replace(actual), bound: bound)
    case .completionMismatch(let claimed, let target, let actual, let computed):
      return .completionMismatch(claimed: claimed, target: target.map(replace), actual: actual.map(replace), computed: computed)
    case .proportionalRuleOnQualitative(let rule, let target):
      return .proportionalRuleOnQualitative(rule: replace(rule), target: replace(target))
    case .gradedRuleOnQuantity(let rule, let target): return .gradedRuleOnQuantity(rule: replace(rule), target: replace(target))
    case .unitScaleConverted(let actual, let unit, let converted, let target):
      return .unitScaleConverted(
        actual: replace(actual), unit: Unit(replace(unit.text)), converted: converted, target: replace(target))
    case .unitIncompatible(let target, let targetUnit, let actual, let actualUnit):
      return .unitIncompatible(
        target: replace(target), targetUnit: Unit(replace(targetUnit.text)), actual: replace(actual),
        actualUnit: Unit(replace(actualUnit.text)))
    case .actualRestatesTarget(let actual, let comparison, let value):
      return .actualRestatesTarget(actual: replace(actual), comparison: comparison, value: value)
    case .qualitativeUnclassified(let actual): return .qualitativeUnclassified(actual: replace(actual))
    case .targetUnreadable(let target, let reason): return .targetUnreadable(target: replace(target), reason: replace(reason))
    case .actualEmpty(let target): return .actualEmpty(target: replace(target))
    case .actualEmptyForDeadline(let target): return .actualEmptyForDeadline(target: replace(target))
    case .actualEmptyForQualitative(let target): return .actualEmptyForQualitative(target: replace(target))
    case .actualUnreadable(let actual, let reason): return .actualUnreadable(actual: replace(actual), reason: replace(reason))
    case .actualNotNumber(let target, let actual): return .actualNotNumber(target: replace(target), actual: replace(actual))
    case .actualNotDate(let target, let actual): return .actualNotDate(target: replace(target), actual: replace(actual))
    case .actualConversionOutOfRange(let actual): return .actualConversionOutOfRange(actual: replace(actual))
    case .unreadableNumber(var cell, let place, let keptClaim):
      cell.text = replace(cell.text)
      return .unreadableNumber(cell, subject: subject(place), keptClaim: keptClaim)
    case .unreadableText(let found, let place, let field):
      return .unreadableText(unread(found), subject: subject(place), field: field)
    case .tableNameMissing(let found): return .tableNameMissing(found: found.map(unread))
    case .indicatorNameMissing(let found, let keptClaim):
      return .indicatorNameMissing(found: found.map(unread), keptClaim: keptClaim)
    case .targetIndicatorNameMissing(let found): return .targetIndicatorNameMissing(found: found.map(unread))
    case .columnIgnored(let header, let column, let inFundsBlock):
      return .columnIgnored(header: replace(header), column: column, inFundsBlock: inFundsBlock)
    case .unplacedCellIgnored(let cell, let text): return .unplacedCellIgnored(cell: cell, text: replace(text))
    case .fundsBlockCellIgnored(let cell, let text): return .fundsBlockCellIgnored(cell: cell, text: replace(text))
    case .structuralCellIgnored(let row, let header, let text):
      return .structuralCellIgnored(row: row, header: replace(header), text: replace(text))
    case .fundsBlockUnread(let label, let cell): return .fundsBlockUnread(label: replace(label), cell: cell)
    case .cellUncertain(let place, let reason, let at): return .cellUncertain(subject: subject(place), reason: reason, place: at)
    case .sheetHidden(let name): return .sheetHidden(name: replace(name))
    case .sheetWithoutForm(let name, let cell, let text):
      return .sheetWithoutForm(name: replace(name), cell: cell, text: replace(text))
    case .notComputable(.levelWeightsSum(let level1, let level2)):
      return .notComputable(.levelWeightsSum(level1: replace(level1), level2: level2.map(replace)))
    case .notComputable(.costTargetConversion(let target, let unit)):
      return .notComputable(.costTargetConversion(target: replace(target), unit: unit))
    case .qualitativeShare(let qualitative, let total, let share, let maximum, let names):
      return .qualitativeShare(qualitative: qualitative, total: total, share: share, maximum: maximum, names: names.map(replace))
    case .targetWithoutUnit(let target): return .targetWithoutUnit(target: replace(target))
    case .belowLastYear(let target, let lastYear): return .belowLastYear(target: replace(target), lastYear: replace(lastYear))
    case .reviewOverride(let engineScore, let score, let cell, let comment):
      return .reviewOverride(engineScore: engineScore, score: score, cell: cell, comment: replace(comment))
    case .reviewOverrideInvalid(let scoreText, let cell, let weight, let isNumber):
      return .reviewOverrideInvalid(scoreText: replace(scoreText), cell: cell, weight: weight, isNumber: isNumber)
    case .reviewOverrideMisplaced(let scoreText, let cell, let row):
      return .reviewOverrideMisplaced(scoreText: replace(scoreText), cell: cell, row: row)
    case .fundsClaim, .totalOverClaimed, .totalArithmetic, .gradeInflated, .gradeMismatch, .weightMissing, .weightZero,
      .weightNegative, .targetTableWeightsSum, .weightsSum, .duplicateIndicator, .deadlineMissed, .targetEmpty,
      .deadlineWithoutYear, .indicatorOutOfRange, .fundsAmountsOutOfRange, .notComputable, .fundsNoBudget, .executedMissing,
      .fundsOverExecuted, .fundsRateMismatch, .fundsSourcesMismatch, .spendingGap, .explanationMissing, .evidenceMissing,
      .costOverBudget, .reviewOverrideNoReason:
      return self
    }
  }
}
