/// A finding code with what it means and the examples that both document and test it.
public struct FindingDescriptor: Sendable {
  public var code: FindingCode
  public var severity: Severity
  /// A few characters for the 说明 column of the text report.
  public var tag: String
  /// Chinese, one line: what the finding says about a table.
  public var title: String
  /// When it is raised and what a reviewer does about it.
  public var explanation: String
  /// Tables (JSON, the input format) on which the code must be raised.
  public var triggering: [FindingExample]
  /// Tables on which it must not be.
  public var clean: [FindingExample]

  /// Raised by `jixiao review-targets` rather than by `rescore`.
  public var isReview: Bool { FindingCatalogue.review.contains { $0.code == code } }
}

public struct FindingExample: Sendable {
  /// What the example shows, in a line.
  public var summary: String
  /// A table in an input format: JSON, a flat CSV for what only a CSV shows, a document's text for what
  /// only a document's text shows (`format`); for a workbook, its one sheet as CSV lines (`ExampleWorkbook`).
  public var input: String
  public var format: InputFormat
  /// For a workbook: whether its sheet is hidden.
  public var sheetHidden = false
  /// For a workbook: a second sheet after the form's, `说明`, its rows as CSV lines.
  public var otherSheet: String?
  /// For a workbook: whether it is a 复核 workbook jixiao wrote, its 复核 sheet given as CSV lines.
  public var isReviewWorkbook = false
  /// Where the finding must point (`funds`, `1`, or nil for the table), for triggering examples.
  public var location: String?

  init(_ summary: String, at location: String? = "1", _ json: String) {
    self.summary = summary
    self.location = location
    self.input = json
    self.format = .json
  }

  /// A table as a flat CSV (a header row, one indicator a row).
  init(_ summary: String, at location: String? = "1", csv: String) {
    self.summary = summary
    self.location = location
    self.input = csv
    self.format = .csv
  }

  /// A printed form on the one sheet of a workbook, hidden or not: for what only a workbook shows.
  init(_ summary: String, at location: String? = nil, workbookSheet csv: String, hidden: Bool, otherSheet: String? = nil) {
    self.summary = summary
    self.location = location
    self.input = csv
    self.format = .xlsx
    self.sheetHidden = hidden
    self.otherSheet = otherSheet
  }

  /// A 复核 workbook jixiao wrote and a reviewer filled in: its 复核 sheet as CSV lines (`ExampleWorkbook`).
  init(_ summary: String, at location: String? = "1", reviewSheet csv: String) {
    self.summary = summary
    self.location = location
    self.input = csv
    self.format = .xlsx
    self.isReviewWorkbook = true
  }

  /// The bytes the example is read from.
  var bytes: [UInt8] {
    guard format == .xlsx else { return Array(input.utf8) }
    if isReviewWorkbook { return ExampleWorkbook.reviewBytes(csv: input) }
    guard let otherSheet else { return ExampleWorkbook.bytes(csv: input, hidden: sheetHidden) }
    return ExampleWorkbook.bytes(sheets: [
      (ExampleWorkbook.sheetName, input, sheetHidden), (ExampleWorkbook.otherSheetName, otherSheet, false),
    ])
  }

  /// A document's text as pdftotext prints it (`jixiao extract 决算.txt`), for what only a document's text
  /// shows: cells the reader placed without certainty.
  init(_ summary: String, at location: String? = "1", documentText: String) {
    self.summary = summary
    self.location = location
    self.input = documentText
    self.format = .text
  }

  /// An indicator met in full, for examples about the funds block (a table is read from its indicators).
  static let anIndicator = #"{"name": "次数", "weight": 90, "target": ">=1次", "actual": "1次"}"#

  /// A project table with the given indicators (JSON objects) and optional funds and extra fields.
  init(_ summary: String, at location: String? = "1", indicators: [String], funds: String? = nil, extra: String = "") {
    var fields = [#""name": "示例项目""#, #""year": 2024"#]
    if let funds { fields.append(#""funds": "# + funds) }
    fields.append(#""indicators": ["# + indicators.joined(separator: ", ") + "]")
    if !extra.isEmpty { fields.append(extra) }
    self.init(summary, at: location, "{" + fields.joined(separator: ", ") + "}")
  }
}

public enum FindingCatalogue {
  /// Every code, grouped: scores, totals, structure, targets, cells, reading, funds, evidence, then target review.
  public static let all: [FindingDescriptor] =
    scoring + totals + structure + targets + cells + reading + funds + evidence + overrides + review

  /// The codes of spec §4 (rescoring); `review` adds the target-review codes.
  public static let scoringCodes: [FindingDescriptor] =
    scoring + totals + structure + targets + cells + reading + funds + evidence + overrides

  public static func descriptor(for code: FindingCode) -> FindingDescriptor? {
    index[code]
  }

  private static let index: [FindingCode: FindingDescriptor] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.code, $0) })
}
