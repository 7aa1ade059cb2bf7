import Foundation
import Testing

@testable import Jixiao

/// Issue 17 item 4: a form CSV whose first rows are corner rows (`附件2`, `金额单位：万元` on rows of their own
/// above the title) is still a printed form, read as one; a flat CSV stays flat.
@Suite struct CSVFormCornerTests {
  static let form = """
    项目支出绩效自评表,,,,
    项目名称,测试项目,,,
    一级指标,二级指标,三级指标,分值,得分
    产出指标,数量指标,培训人次,100,100
    总分,,,100,100

    """

  static func records(_ csv: String) -> [TableReader.Record] {
    TableReader.read(Array(csv.utf8), file: "t.csv")
  }

  @Test(arguments: ["附件2,,,,\n", "附件2,,,,\n金额单位：万元,,,,\n", ",,,,公开14表\n\n,,,,金额单位：万元\n", "\u{FEFF}附件2,,,,\n"])
  func cornerRowsAboveTheTitleAreNoFlatHeader(corner: String) throws {
    let records = Self.records(corner + Self.form)
    guard records.count == 1, case .table(let table) = records[0] else {
      Issue.record("\(records)")
      return
    }
    #expect(table.name == "测试项目" && table.indicators.count == 1 && table.claimedTotal == Rational(100))
    let extracted = TableReader.extract(Array((corner + Self.form).utf8), file: "t.csv").compactMap {
      if case .table(let table) = $0 { table } else { nil }
    }
    #expect(extracted.first?.unreadTexts.contains { $0.part == "表角" } == true)
  }

  /// A corner row above a form that begins with its header block (no title) is passed too.
  @Test func cornerRowAboveTheHeaderBlock() {
    let csv = "附件2\n" + Self.form.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
    guard case .table(let table)? = Self.records(csv).first else {
      Issue.record("\(Self.records(csv))")
      return
    }
    #expect(table.name == "测试项目")
  }

  @Test func aFlatCSVStaysFlat() {
    #expect(!CSVGridReader.isPrintedForm(firstRecords: [["项目名称", "三级指标", "权重"], ["测试项目", "培训人次", "100"]]))
    #expect(!CSVGridReader.isPrintedForm(firstRecords: [["附件2"], ["项目名称", "一级指标", "三级指标", "权重"]]))
    // Five corner rows are more than a form prints above its title.
    #expect(!CSVGridReader.isPrintedForm(firstRecords: Array(repeating: ["附注"], count: 5) + [["项目支出绩效自评表"]]))
    #expect(CSVGridReader.isPrintedForm(firstRecords: Array(repeating: ["附注"], count: 4) + [["项目支出绩效自评表"]]))
  }
}
