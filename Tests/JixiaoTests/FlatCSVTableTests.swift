import Foundation
import Testing

@testable import Jixiao

/// A flat CSV table is built from one copy of its rows' bytes: a number handed over as its bytes, a text as
/// a range of the copy (`FlatCSVTable.build`). Its definition hands every cell over as its text, as the
/// general JSON path hands a string (`buildByDefinition`); the two build the same table, or refuse it alike,
/// on the fixture, the malformed corpus and generated files with defective rows.
@Suite struct FlatCSVTableTests {
  /// Every table a CSV text splits into (rejections are the assembler's, the same for both).
  static func tables(_ bytes: [UInt8]) -> [FlatCSVTable] {
    var tables: [FlatCSVTable] = []
    var block: [UInt8]? = bytes
    func next() -> [UInt8]? {
      defer { block = nil }
      return block
    }
    RecordReader.split(.csv, file: "t.csv", next: next) { record in
      if case .csvTable(let table) = record { tables.append(table) }
    }
    return tables
  }

  /// Builds each table both ways and compares them; a text said to be plain JSON needs no escaping. Returns
  /// how many were built.
  @discardableResult
  static func expectBothBuildsAgree(_ bytes: [UInt8], _ name: String) -> Int {
    var count = 0
    for table in tables(bytes) {
      let built = table.build()
      #expect(built == table.buildByDefinition(), "\(name), line \(table.firstLine)")
      guard case .success(let read) = built else { continue }
      count += 1
      for indicator in read.indicators {
        let texts = [
          indicator.level1, indicator.level2, indicator.name, indicator.targetText, indicator.actualText, indicator.evidence,
        ]
        for case let text? in texts where text.isPlainJSON {
          #expect(!text.withUTF8(TableText.needsJSONEscaping), "\(name): \(text)")
        }
      }
    }
    return count
  }

  /// A row's cells as `FlatCSVRows.RowCells` gives them (its ends looked up once) are those `FlatCSVRows.range`
  /// and `cell` give, on every cell of the fixture's tables (quoted cells, blank cells, a plain and a
  /// non-plain row).
  @Test func rowCellsAreTheRowsCells() throws {
    let fixture = repositoryRoot.appendingPathComponent("Fixtures/csv/three-tables.csv")
    let bytes = Array(try Data(contentsOf: fixture))
    let tables = Self.tables(bytes) + Self.tables(Array("项目名称,三级指标,业绩值\nA,\"x,\"\"y\",5\nA,,\nA,产出,\n".utf8))
    #expect(tables.count == 4)
    var compared = 0
    for table in tables {
      let rows = table.rows
      rows.record.withBytes { record in
        rows.ends.withUnsafeBufferPointer { ends in
          for row in 0..<rows.count {
            let cells = FlatCSVRows.RowCells(rows, row, ends: ends, bytes: record)
            #expect(cells.plain == rows.heads[row].plain)
            for column in 0..<rows.width {
              #expect(cells.range(column) == rows.range(row, column))
              #expect(Array(cells.cell(column)) == Array(rows.cell(row, column, in: record)))
              compared += 1
            }
          }
        }
      }
    }
    #expect(compared > 100)
  }

  @Test func theFixtureAndTheCorpusBuildAsTheirTexts() throws {
    let malformed = repositoryRoot.appendingPathComponent("Tests/Malformed")
    var files = try FileManager.default.contentsOfDirectory(atPath: malformed.path).filter { $0.hasSuffix(".csv") }.map {
      malformed.appendingPathComponent($0)
    }
    files.append(repositoryRoot.appendingPathComponent("Fixtures/csv/three-tables.csv"))
    var read = 0
    for file in files {
      let bytes = Array(try Data(contentsOf: file))
      read += Self.tables(bytes).count
      Self.expectBothBuildsAgree(bytes, file.lastPathComponent)
      // With LF and lone-CR line ends too, and each level blank below its first row.
      Self.expectBothBuildsAgree(bytes.filter { $0 != 0x0D }, file.lastPathComponent + ", LF")
      Self.expectBothBuildsAgree(bytes.map { $0 == 0x0A ? 0x0D : $0 }, file.lastPathComponent + ", CR")
    }
    #expect(read > 10)
  }

  /// Random files of two to four tables under a header of the table's own names, JSON names and a column
  /// jixiao does not read, with funds and total rows, blank key and level cells (merged cells saved as
  /// CSV), cells that are no number, quoted cells with commas, quotes and line ends, a compatibility
  /// ideograph, spaces, and defective rows: a cell too many, a NUL, a byte that is no UTF-8, a quote after
  /// a closing quote.
  @Test func generatedFilesBuildAsTheirTexts() {
    var generator = SplitMix(seed: 19)
    func pick<T>(_ values: [T]) -> T { values[Int(generator.next() % UInt64(values.count))] }
    let headers = [
      ["表编号", "项目名称", "年度", "主管部门", "一级指标", "二级指标", "三级指标", "权重", "目标值", "业绩值", "完成率", "得分", "佐证资料", "备注", "总分"],
      [
        "id", "name", "year", "department", "level1", "level2", "indicator", "weight", "target", "actual", "claimedCompletion",
        "claimedScore", "evidence", "备注", "claimedTotal",
      ],
    ]
    let level1s = ["产出指标", "效益指标（30分）", "满意度指标", "预算执行率", "合计", "", " ", "产出指标"]
    let level2s = ["数量指标", "质量指标", "", "时效指标", "总分"]
    let names = ["宣传报道", "发放补贴人次", "", "  ", "服务企业\"数\"", "a,b", "率\u{F961}", "行\n两行", "—", "得分合计"]
    // Cells over `Limits.maximumCellLength` in bytes, within it in characters (长) or not (x, 1): the build
    // reads a cell on its bytes only within the limit in bytes.
    let numbers = [
      "10", "5.00分", "100%", "", "10（分）", "abc", "1,782.65", " 3 ", "优", "-", "1e3", "0.5", String(repeating: "1", count: 4_097),
    ]
    let texts = [
      ">=156场", "=157场", "≥98%", "", "/", "按期完成", "\"引号\"", "达标\r\n", "\\", "\t制表", "很长" + String(repeating: "长", count: 40),
      String(repeating: "长", count: 1_400), String(repeating: "x", count: 4_097),
    ]
    let keys = ["甲", "乙", "", "丙"]
    var built = 0
    for _ in 0..<300 {
      let header = pick(headers)
      var rows: [[String]] = [header]
      for table in 0..<(2 + Int(generator.next() % 3)) {
        let id = pick(keys)
        for row in 0..<(1 + Int(generator.next() % 6)) {
          var cells = [
            row == 0 || generator.next() % 3 == 0 ? id : "", row == 0 ? "项目\(table)" : pick(["", "项目\(table)"]),
            row == 0 ? "2024" : pick(["", "2024", "2023年"]), pick(["财政局", "", "局 "]), pick(level1s), pick(level2s),
            pick(names), pick(numbers), pick(texts), pick(texts), pick(numbers), pick(numbers), pick(["", "工作资料", "有"]),
            pick(["", "", "注"]), pick(["", "97.48分", "九十"]),
          ]
          if generator.next() % 25 == 0 { cells.append("多") }
          rows.append(cells)
        }
      }
      var text = rows.map { row in
        row.map { cell in
          cell.contains(where: { ",\"\r\n".contains($0) }) || generator.next() % 7 == 0
            ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: ",")
      }.joined(separator: pick(["\n", "\r\n", "\r"]))
      var bytes = Array(text.utf8)
      switch generator.next() % 8 {
      case 0: bytes.insert(0, at: bytes.count / 2)
      case 1: bytes.insert(0xFF, at: bytes.count * 2 / 3)
      case 2:
        text += "\n\"甲\"x,项目0,2024\n"
        bytes = Array(text.utf8)
      default: break
      }
      built += Self.expectBothBuildsAgree(bytes, text)
    }
    #expect(built > 300)
  }
}

/// A row with several problems is refused for the first one read, as the parser met them: a cell that is
/// not text is found when its field ends, a NUL or a quote problem where it stands.
@Suite struct CSVRowProblemTests {
  @Test func aRowIsRefusedForItsFirstProblem() {
    for readsRuns in [true, false] {
      let invalidFirst = CSVParserRunTests.rows([0xFF] + Array(",a\0b\n".utf8), blocks: [], readsRuns: readsRuns)
      #expect(invalidFirst.first?.contains("a cell is not valid UTF-8") == true, "\(invalidFirst)")
      let nulFirst = CSVParserRunTests.rows(Array("a\0b,".utf8) + [0xFF, 0x0A], blocks: [], readsRuns: readsRuns)
      #expect(nulFirst.first?.contains("NUL byte") == true, "\(nulFirst)")
      let quoteFirst = CSVParserRunTests.rows(Array("\"a\"b,".utf8) + [0xFF, 0x0A], blocks: [], readsRuns: readsRuns)
      #expect(quoteFirst.first?.contains("text after a closing quote") == true, "\(quoteFirst)")
      // The cell that is not text is emptied either way.
      #expect(nulFirst.first?.hasPrefix(#"malformed(["a\0b", ""]"#) == true, "\(nulFirst)")
    }
  }
}
