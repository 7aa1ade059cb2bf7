import Foundation
import Jixiao

/// The benchmark's workbook as LibreOffice saves it (issue 17, item 10): a real producer's SpreadsheetML,
/// not the plainest kind the library writes. LibreOffice writes most strings as rich-text runs (a font run
/// wherever CJK and Latin text meet), rows with seven attributes, every styled cell of the print area
/// (`<c r="B7" s="12"/>`) and dynamic-Huffman streams, so the same tables cost the reader more. Made with
/// `soffice --headless --convert-to xlsx` when LibreOffice is installed, or taken from `--libreoffice FILE`
/// (a copy saved from the workbook `run` or `profile` writes for the same `--tables` and `--seed`).
enum LibreOfficeYear {
  /// Tables of the copy `run` makes: soffice takes about 15 s for 300.
  static let runTables = 500

  /// The first `count` tables of a JSON Lines year, written to `path`.
  static func writeFirst(_ count: Int, of jsonLines: String, to path: String) throws {
    let lines = try String(contentsOfFile: jsonLines, encoding: .utf8).split(separator: "\n").prefix(count)
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// `workbook` as LibreOffice saves it, in `directory` under the same name (so that the tables' sources,
  /// which name the file, are as long as the original's when `directory` is a sibling of its own); nil,
  /// with a note printed, when soffice is not on PATH or the conversion fails.
  static func save(_ workbook: String, into directory: String) throws -> String? {
    guard let soffice = IssueNineteen.executable("soffice") ?? IssueNineteen.executable("libreoffice") else {
      print("LibreOffice copy: skipped (soffice is not on PATH; install LibreOffice or give --libreoffice FILE)")
      return nil
    }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: soffice)
    // A profile of its own, so that a LibreOffice already running elsewhere is not handed the work.
    process.arguments = [
      "-env:UserInstallation=file://\(directory)profile", "--headless", "--convert-to", "xlsx", "--outdir", directory,
      workbook,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let copy = directory + URL(fileURLWithPath: workbook).lastPathComponent
    guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: copy) else {
      print("LibreOffice copy: skipped (soffice --convert-to xlsx failed with status \(process.terminationStatus))")
      return nil
    }
    return copy
  }
}
