import Foundation
import Testing

@testable import Jixiao

/// The repository root, found from this file so tests run from any working directory.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

let defaultProfile: Profile = {
  do {
    return try Profile.read(path: repositoryRoot.appendingPathComponent("Scoring/national-default.json").path)
  } catch {
    fatalError("the default profile must load: \(error)")
  }
}()

/// A profile like the default with some values changed, as a region's file would.
func profile(_ change: (inout Profile) -> Void) -> Profile {
  var copy = defaultProfile
  change(&copy)
  return copy
}

/// Reads one table from JSON text, failing the test on a rejection.
func table(_ json: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Table {
  let records = TableReader.read(Array(json.utf8), file: "test.json", format: .json)
  guard records.count == 1, case .table(let table) = records[0] else {
    Issue.record("expected one table, got \(records)", sourceLocation: sourceLocation)
    throw CancellationError()
  }
  return table
}

func score(_ json: String, profile: Profile = defaultProfile) throws -> TableResult {
  Scorer(profile: profile).score(try table(json))
}

/// A project table around the given indicator objects.
func projectJSON(_ indicators: String..., funds: String? = nil, extra: String = "") -> String {
  var fields = [#""name": "测试项目""#, #""year": 2024"#]
  if let funds { fields.append(#""funds": "# + funds) }
  fields.append(#""indicators": ["# + indicators.joined(separator: ",") + "]")
  if !extra.isEmpty { fields.append(extra) }
  return "{" + fields.joined(separator: ",") + "}"
}

func keys(_ result: TableResult) -> [String] { result.findings.map(\.key).sorted() }

extension Hundredths: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) {
    self = Hundredths(value)!
  }
}

/// Findings that point at the funds or an indicator (small test tables have no full structure).
func itemKeys(_ result: TableResult) -> [String] { keys(result).filter { $0.contains("@") } }

/// A fresh folder in the temporary directory, removed with everything in it when the test ends.
final class ScratchFolder {
  let path = NSTemporaryDirectory() + "jixiao-scratch-\(UUID().uuidString)"

  init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) }
  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { path + "/" + name }
  func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
}
