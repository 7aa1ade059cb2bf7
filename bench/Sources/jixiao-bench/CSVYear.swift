import Foundation

/// The synthetic year as an auditor's spreadsheet export: one indicator a row under the JSON field names
/// (evaluation-format.md allows them as headers), the funds block as the row whose 一级指标 is 预算执行率.
enum CSVYear {
  static let header = [
    "id", "name", "department", "implementer", "year", "kind", "level1", "level2", "indicator", "weight", "target",
    "actual", "claimedCompletion", "claimedScore", "rule", "basis", "lastYear", "evidence", "explanation",
    "initialBudget", "claimedTotal", "claimedGrade",
  ]

  /// Converts a JSON Lines year, line by line.
  static func write(from jsonLines: String, to path: String) throws {
    let input = try String(contentsOfFile: jsonLines, encoding: .utf8)
    var output = header.joined(separator: ",") + "\n"
    for line in input.split(separator: "\n") {
      guard let table = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
      for row in rows(of: table) { output += row.map(quoted).joined(separator: ",") + "\n" }
    }
    try output.write(toFile: path, atomically: true, encoding: .utf8)
  }

  static func rows(of table: [String: Any]) -> [[String]] {
    let sharedKeys = ["id", "name", "department", "implementer", "year", "kind", "claimedTotal", "claimedGrade"]
    let shared = table.filter { sharedKeys.contains($0.key) }
    var rows: [[String]] = []
    if let funds = table["funds"] as? [String: Any] {
      var cells = shared
      cells["level1"] = "预算执行率"
      cells["target"] = funds["annualBudget"]
      cells["actual"] = funds["executed"]
      cells["claimedCompletion"] = funds["claimedRate"]
      for key in ["weight", "claimedScore", "initialBudget"] { cells[key] = funds[key] }
      rows.append(header.map { text(cells[$0]) })
    }
    for case let indicator as [String: Any] in table["indicators"] as? [Any] ?? [] {
      var cells = shared.merging(indicator) { _, item in item }
      cells["name"] = table["name"]
      cells["indicator"] = indicator["name"]
      rows.append(header.map { text(cells[$0]) })
    }
    return rows
  }

  private static func text(_ value: Any?) -> String {
    switch value {
    case let text as String: text
    case let number as NSNumber: number.stringValue
    default: ""
    }
  }

  /// RFC 4180: a cell with a comma, quote or line end is quoted, its quotes doubled.
  private static func quoted(_ cell: String) -> String {
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
