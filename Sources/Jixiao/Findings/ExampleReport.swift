/// `jixiao explain CODE`: the descriptor and its examples, each re-scored to show the message jixiao
/// prints (or that it prints none).
public enum ExampleReport {
  public static func render(_ descriptor: FindingDescriptor, profile: Profile? = try? Profile.load()) -> String {
    var lines = [
      "\(descriptor.code.rawValue)  [\(descriptor.severity.rawValue) · \(descriptor.severity.label)]",
      descriptor.title,
      "",
      descriptor.explanation,
      "",
    ]
    for (heading, examples) in [("触发示例", descriptor.triggering), ("不触发示例", descriptor.clean)] {
      lines.append("\(heading)：")
      for example in examples {
        lines.append("  • \(example.summary)")
        for line in example.input.split(separator: "\n") { lines.append("    \(line)") }
        if let other = example.otherSheet {
          lines.append("    （工作表“\(ExampleWorkbook.otherSheetName)”）")
          for line in other.split(separator: "\n") { lines.append("    \(line)") }
        }
        if let profile, let findings = findings(of: example, code: descriptor.code, profile: profile) {
          if findings.isEmpty {
            lines.append("    → 不报告 \(descriptor.code.rawValue)")
          } else {
            for finding in findings {
              lines.append("    → \(TerminalText.visible(finding.location.label))：\(TerminalText.visible(finding.message))")
            }
          }
        }
      }
      lines.append("")
    }
    return lines.joined(separator: "\n")
  }

  /// The findings of `code` on the example table; nil when the example does not read (a defect the
  /// catalogue tests catch).
  public static func findings(of example: FindingExample, code: FindingCode, profile: Profile) -> [Finding]? {
    let records = TableReader.read(example.bytes, file: "example.\(example.format.rawValue)", format: example.format)
    guard records.count == 1, case .table(let table) = records[0] else { return nil }
    let mode: Scorer.Mode = FindingCatalogue.descriptor(for: code)?.isReview == true ? .reviewTargets : .rescore
    return Scorer(profile: profile, mode: mode).score(table).findings.filter { $0.code == code }
  }
}
