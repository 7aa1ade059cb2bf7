import Foundation
import Testing

@testable import Jixiao

/// The catalogue's examples are the tests of the codes: each triggering example raises its code where
/// it says, and each clean example does not raise it.
@Suite struct FindingCatalogueTests {
  @Test func everyCodeOfTheSpecIsCataloguedOnce() {
    let specCodes = [
      "score.over-claimed", "score.under-claimed", "total.over-claimed", "grade.inflated", "total.arithmetic",
      "grade.mismatch", "weights.sum", "weights.zero", "structure.missing-level1", "structure.misplaced-level2",
      "target.too-low", "target.direction-suspect", "target.strict-boundary", "completion.mismatch", "deadline.missed",
      "rule.mismatch", "unit.scale-converted", "unit.incompatible", "cell.unparseable", "qualitative.unclassified",
      "funds.rate-mismatch", "funds.over-executed", "funds.sources-mismatch", "explanation.missing",
      "structure.duplicate-indicator", "evidence.missing", "weights.missing", "actual.restates-target",
      "funds.no-budget", "consistency.spending-gap",
    ]
    // jixiao adds rescoring codes of its own (docs/rules.md, "Numbers" and "Reading tables").
    let ownCodes = [
      "number.out-of-range", "name.missing", "column.ignored", "sheet.hidden", "sheet.no-form", "weights.level-sum",
      "cell.uncertain",
      // The reviewer's decisions of a 复核 workbook read back (docs/rules.md, "Reviewer's overrides").
      "review.override", "review.override-invalid", "review.override-no-reason", "review.override-misplaced",
    ]
    let catalogued = FindingCatalogue.scoringCodes.map(\.code.rawValue)
    #expect(catalogued.count == Set(catalogued).count, "no code twice")
    #expect(Set(catalogued) == Set(specCodes + ownCodes))
    #expect(catalogued.count == 41)
    let all = FindingCatalogue.all.map(\.code.rawValue)
    #expect(all.count == Set(all).count)
    #expect(
      Set(all).subtracting(specCodes + ownCodes) == [
        "target.qualitative-share", "target.no-unit", "target.cost-over-budget", "target.below-last-year",
      ])
  }

  /// `position(of:)` hashes a code's bytes; its definition is the catalogue's first entry with an equal code.
  @Test func positionIsTheFirstEntryWithTheCode() {
    let codes = FindingCatalogue.all.map(\.code)
    for code in codes {
      #expect(code.rawValue.utf8.allSatisfy { $0 < 0x80 }, "codes are ASCII, so bytes compare as strings: \(code)")
      #expect(FindingCatalogue.position(of: FindingCode(String(code.rawValue))) == codes.firstIndex(of: code))
    }
    let strangers = [
      "", "score", "score.over-claimed.", "Score.over-claimed", "score.over-claimeD", "score.over-claime", "x",
      "绩效.missing", "explanation.missing\u{0}", String(repeating: "a", count: 500),
    ]
    for code in strangers.map({ FindingCode($0) }) {
      #expect(FindingCatalogue.position(of: code) == codes.firstIndex(of: code), "\(code)")
      #expect(FindingCatalogue.descriptor(for: code) == nil)
    }
    // A table of duplicates keeps the first, as `firstIndex` does.
    let table = CodeTable(["grade.mismatch", "weights.sum", "grade.mismatch"])
    #expect(table.position(of: "grade.mismatch") == 0)
    #expect(table.position(of: "weights.sum") == 1)
    #expect(table.position(of: "weights.zero") == nil)
    // A code that is not a literal (no contiguous UTF-8 of its own) is found too.
    let bridged = FindingCode(String("grade.mismatch".unicodeScalars.map(Character.init)))
    #expect(FindingCatalogue.position(of: bridged) == codes.firstIndex(of: .gradeMismatch))
  }

  /// The catalogue's codes carry their positions from their declarations (`FindingCode(_:catalogued:)`): each
  /// is the position its text is found at, so a code declared with another's position fails here, and a code
  /// made from its text (a user's, a file's) is equal to the catalogue's.
  @Test func aCataloguedCodeCarriesItsPosition() throws {
    for (position, descriptor) in FindingCatalogue.all.enumerated() {
      let code = descriptor.code
      #expect(code.cataloguePosition.map(Int.init) == position, "\(code)")
      #expect(FindingCatalogue.lookUpPosition(of: code.rawValue) == position, "\(code)")
      let read = FindingCode(rawValue: String(code.rawValue.unicodeScalars.map(Character.init)))
      #expect(read == code && read.hashValue == code.hashValue, "\(code)")
      let decoded = try JSONDecoder().decode(FindingCode.self, from: JSONEncoder().encode(code))
      #expect(decoded == code)
    }
    #expect(FindingCode("jixiao.unknown").cataloguePosition == nil)
    #expect(Finding(.weightZero, at: .table).severity == .warning)
    #expect(Finding(.evidenceMissing(requiredByProfile: false), at: .table).severity == .info)
  }

  @Test func severitiesAreTheSpecs() {
    let errors: Set<FindingCode> = [
      .scoreOverClaimed, .totalOverClaimed, .gradeInflated, .totalArithmetic, .weightsSum, .reviewOverrideInvalid,
      .reviewOverrideNoReason,
    ]
    let infos: Set<FindingCode> = [
      .scoreUnderClaimed, .unitScaleConverted, .qualitativeUnclassified, .explanationMissing, .evidenceMissing, .sheetHidden,
      .sheetNoForm, .reviewOverride,
    ]
    for descriptor in FindingCatalogue.scoringCodes {
      let expected: Severity = errors.contains(descriptor.code) ? .error : infos.contains(descriptor.code) ? .info : .warning
      #expect(descriptor.severity == expected, "\(descriptor.code)")
    }
  }

  @Test(arguments: FindingCatalogue.all.map(\.code.rawValue))
  func examplesDriveTheCode(code: String) throws {
    let descriptor = try #require(FindingCatalogue.descriptor(for: FindingCode(code)))
    #expect(!descriptor.triggering.isEmpty && !descriptor.clean.isEmpty, "at least one example of each kind")
    for example in descriptor.triggering {
      let findings = try #require(ExampleReport.findings(of: example, code: descriptor.code, profile: defaultProfile))
      #expect(!findings.isEmpty, "should trigger: \(example.summary)")
      #expect(findings.contains { $0.location.key == example.location }, "at \(example.location ?? "table"): \(example.summary)")
      #expect(findings.allSatisfy { $0.severity == descriptor.severity && !$0.message.isEmpty })
    }
    for example in descriptor.clean {
      let findings = try #require(ExampleReport.findings(of: example, code: descriptor.code, profile: defaultProfile))
      #expect(findings.isEmpty, "should not trigger: \(example.summary) — \(findings.map(\.message))")
    }
  }

  @Test func explainShowsExamplesAndMessages() throws {
    let report = ExampleReport.render(try #require(FindingCatalogue.descriptor(for: .scoreOverClaimed)), profile: defaultProfile)
    #expect(report.contains("触发示例"))
    #expect(report.contains("不触发示例"))
    #expect(report.contains("多报 24.50 分"))
  }

  /// A severity's rank is its position in `allCases` (error first), and `<` orders by it: info < warning < error.
  @Test func severitiesRankInTheirDeclaredOrder() {
    for severity in Severity.allCases { #expect(severity.rank == Severity.allCases.firstIndex(of: severity)) }
    for lhs in Severity.allCases {
      for rhs in Severity.allCases { #expect((lhs < rhs) == (lhs.rank > rhs.rank), "\(lhs) < \(rhs)") }
    }
    #expect(Severity.info < .warning && Severity.warning < .error)
  }
}
