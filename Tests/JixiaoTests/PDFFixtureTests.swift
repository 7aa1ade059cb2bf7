import Foundation
import Testing

@testable import Jixiao

/// Whether poppler's pdftotext is on PATH: the tests that read a PDF need it, and skip (saying so) without.
let pdftotextIsInstalled: Bool = {
  let found = ChildProcess.find("pdftotext") != nil
  if !found { print("pdftotext is not installed (apt-get install poppler-utils): the PDF tests are skipped") }
  return found
}()

/// The form fixtures printed to PDF by LibreOffice (Fixtures/pdf/make-pdfs.py) read back, through
/// pdftotext's word positions, to the tables their spreadsheets hold: each table compared as
/// `FormFixtureTests` compares a spreadsheet's (totals, grades, funds, every indicator, the findings).
@Suite struct PDFFixtureTests {
  static let manifest = files(in: "Fixtures/pdf/forms/MANIFEST.json")
  /// The document laid out like a seed 决算: cover, contents, prose, then four tables.
  static let document = files(in: "Fixtures/pdf/document/MANIFEST.json")

  static func files(in manifest: String) -> [FormFixtureTests.FormFile] {
    let url = repositoryRoot.appendingPathComponent(manifest)
    guard let data = try? Data(contentsOf: url), case .object(let root)? = try? JSONParser.parse(Array(data)),
      case .array(let files)? = root["files"]
    else { return [] }
    return files.compactMap { file -> FormFixtureTests.FormFile? in
      guard case .object(let file) = file, case .string(let path)? = file["path"], case .array(let tables)? = file["tables"]
      else { return nil }
      return FormFixtureTests.FormFile(
        path: path,
        tables: tables.compactMap { table in
          guard case .object(let table) = table, case .string(let expected)? = table["expected"],
            case .string(let result)? = table["expectedResult"]
          else { return nil }
          return (expected.contains("/") ? expected : "Fixtures/\(expected)/table.json", result)
        })
    }
  }

  @Test func theManifestListsEveryPrintedLayout() {
    #expect(Self.manifest.count == 11)
    #expect(Self.manifest.allSatisfy { $0.path.hasSuffix(".pdf") && !$0.tables.isEmpty })
  }

  @Test(.enabled(if: pdftotextIsInstalled, "needs pdftotext (poppler-utils)"), arguments: manifest)
  func readsEveryTableAsItsSpreadsheet(file: FormFixtureTests.FormFile) throws {
    let mismatches = try FormFixtureTests.mismatches(file)
    #expect(mismatches.isEmpty, "\(file.path):\n\(mismatches.joined(separator: "\n"))")
  }

  @Test(.enabled(if: pdftotextIsInstalled, "needs pdftotext (poppler-utils)"), arguments: document)
  func readsEveryTableOfADocument(file: FormFixtureTests.FormFile) throws {
    let mismatches = try FormFixtureTests.mismatches(file)
    #expect(mismatches.isEmpty, "\(file.path):\n\(mismatches.joined(separator: "\n"))")
  }
}

/// The same fixtures as pdftotext `-layout` printed them (the .layout.txt beside each PDF, committed, so
/// these run without poppler): read by character columns to the same tables.
@Suite struct LayoutTextFixtureTests {
  static let manifest = PDFFixtureTests.manifest.map { file in
    var file = file
    file.path = String(file.path.dropLast(".pdf".count)) + ".layout.txt"
    return file
  }

  @Test(arguments: manifest)
  func readsEveryTableAsItsSpreadsheet(file: FormFixtureTests.FormFile) throws {
    let mismatches = try FormFixtureTests.mismatches(file) { bytes, path in
      TableReader.readForms(grids: LayoutTextReader.grids(bytes: bytes, file: path), file: path)
    }
    #expect(mismatches.isEmpty, "\(file.path):\n\(mismatches.joined(separator: "\n"))")
  }

  @Test func tellsLayoutTextFromOtherText() throws {
    for file in Self.manifest {
      let bytes = try Array(Data(contentsOf: repositoryRoot.appendingPathComponent(file.path)))
      #expect(LayoutTextReader.isLayoutText(bytes), "\(file.path)")
    }
    let raw = Array("项目支出绩效自评表\n（2023年度）\n项目名称\n雇员经费\n主管部门\n工业和信息化局\n实施单位\n工业和信息化局\n".utf8)
    #expect(!LayoutTextReader.isLayoutText(raw))
    #expect(!LayoutTextReader.isLayoutText(Array("{\"id\": \"a\"}\n".utf8)))
  }
}
