import Foundation

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
    position(of: code).map { all[$0] }
  }

  /// The severity of `code`; warning for a code the catalogue does not list.
  static func severity(of code: FindingCode) -> Severity {
    position(of: code).map { severities[$0] } ?? .warning
  }

  private static let severities = all.map(\.severity)

  /// Where `code` stands in `all`: by definition `all.firstIndex { $0.code == code }` (`FindingCatalogueTests`
  /// checks the two agree on every code and on codes the catalogue lacks). Carried by the code.
  static func position(of code: FindingCode) -> Int? {
    code.cataloguePosition.map(Int.init)
  }

  /// Where a code's text stands in `all`, for a code made from its text (`FindingCode(rawValue:)`); the
  /// catalogue's own codes carry theirs from their declaration. The lookup hashes the text's bytes into
  /// `CodeTable` rather than hashing a `String`, which is several times dearer.
  static func lookUpPosition(of code: String) -> Int? {
    codeTable.position(of: code)
  }

  private static let codeTable = CodeTable(all.map(\.code.rawValue))
}

/// An open-addressed table from a code's UTF-8 bytes to its position in a list: a hash of the byte count
/// and the first and last eight bytes, linear probing, bytes compared on a hit. Codes are ASCII (letters,
/// digits, `.`, `-`: `FindingCatalogueTests`), so byte equality is `String` equality for them.
///
/// Every finding made looks its code up: the table is read through plain pointers, without a reference
/// counted a lookup. It is made once for the program (the catalogue's), so its storage is never freed.
struct CodeTable: @unchecked Sendable {
  /// Every code's bytes, one after another; code `n` is `bytes[starts[n]..<starts[n + 1]]`.
  private let bytes: UnsafeBufferPointer<UInt8>
  private let starts: UnsafeBufferPointer<Int>
  /// Positions in the list, -1 for an empty slot; a power of two at least four times the codes.
  private let slots: UnsafeBufferPointer<Int16>

  init(_ codes: [String]) {
    var bytes: [UInt8] = []
    var starts = [0]
    for code in codes {
      bytes.append(contentsOf: code.utf8)
      starts.append(bytes.count)
    }
    var size = 16
    while size < codes.count * 4 { size *= 2 }
    var slots = [Int16](repeating: -1, count: size)
    bytes.withUnsafeBufferPointer { all in
      for position in codes.indices {
        let code = UnsafeBufferPointer(rebasing: all[starts[position]..<starts[position + 1]])
        var slot = Self.hash(code) & (size - 1)
        while slots[slot] >= 0 {
          // The first of two equal codes is the one found, as `firstIndex` finds it.
          let other = Int(slots[slot])
          if Self.equal(UnsafeBufferPointer(rebasing: all[starts[other]..<starts[other + 1]]), code) { break }
          slot = (slot + 1) & (size - 1)
        }
        if slots[slot] < 0 { slots[slot] = Int16(position) }
      }
    }
    self.bytes = Self.kept(bytes)
    self.starts = Self.kept(starts)
    self.slots = Self.kept(slots)
  }

  /// A copy of `elements` that is never freed.
  private static func kept<Element>(_ elements: [Element]) -> UnsafeBufferPointer<Element> {
    let copy = UnsafeMutableBufferPointer<Element>.allocate(capacity: elements.count)
    _ = copy.initialize(from: elements)
    return UnsafeBufferPointer(copy)
  }

  func position(of code: String) -> Int? {
    // A code's text is contiguous UTF-8 nearly always (a literal, or read from a file); a bridged one is copied.
    if let found = code.utf8.withContiguousStorageIfAvailable(position(ofBytes:)) { return found }
    var text = code
    return text.withUTF8(position(ofBytes:))
  }

  private func position(ofBytes code: UnsafeBufferPointer<UInt8>) -> Int? {
    var slot = Self.hash(code) & (slots.count - 1)
    while true {
      let position = Int(slots[slot])
      guard position >= 0 else { return nil }
      if Self.equal(UnsafeBufferPointer(rebasing: bytes[starts[position]..<starts[position + 1]]), code) { return position }
      slot = (slot + 1) & (slots.count - 1)
    }
  }

  private static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
    guard left.count == right.count else { return false }
    guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
    return memcmp(leftBase, rightBase, left.count) == 0
  }

  /// The byte count and the first and last eight bytes, mixed (codes differ in their ends): a few
  /// instructions whatever the code's length.
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var mixed: UInt64
    if let base = bytes.baseAddress, bytes.count >= 8 {
      let raw = UnsafeRawPointer(base)
      let head = raw.loadUnaligned(as: UInt64.self)
      let tail = raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
      mixed = head &* 0x9E37_79B9_7F4A_7C15 ^ tail
    } else {
      mixed = 0
      for byte in bytes { mixed = mixed << 8 | UInt64(byte) }
    }
    mixed = (mixed ^ UInt64(bytes.count)) &* 0xFF51_AFD7_ED55_8CCD
    return Int(truncatingIfNeeded: mixed ^ (mixed >> 29))
  }
}
