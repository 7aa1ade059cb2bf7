import Foundation

/// Issue 19's measures beside the runner's: instructions a table under callgrind on the synthetic year and
/// on the year with Chinese names and defective rows (`jixiao-bench profile`, or `run --callgrind`), and
/// orjson's one-core decode-only rate on the same JSON Lines file, when Python and orjson are present.
/// Instruction counts are repeatable on a shared machine, where wall time is not.
enum IssueNineteen {
  /// The tables of each callgrind run: enough for the per-table cost to dwarf noise, few enough for a minute.
  static let callgrindTables = 300

  /// Callgrind figures of both years (and of a malformed record), of the synthetic year as the bench's
  /// workbook and as LibreOffice saves it (issue 17, item 10: each ≤ 3× its JSON Lines), or a note when
  /// valgrind is absent.
  ///
  /// Each file is run twice, whole and as its first table alone. A table's cost is what each table after the
  /// first adds, (whole − first) / (tables − 1): start-up, loading the profile and the first table's one-time
  /// work (the runtime's conformance lookups, a worker's first memo entries) fall out, as they do in a year of
  /// thousands of tables. The whole run less a run on an empty file, over the tables, is printed beside it:
  /// it charges every table a share of the first table's one-time work, so it shrinks as the year grows.
  static func profile(tables: Int, seed: UInt64, top: Int, libreOffice: String?) throws {
    guard let valgrind = executable("valgrind") else {
      print("callgrind: skipped (valgrind is not on PATH)")
      return
    }
    let directory = NSTemporaryDirectory() + "jixiao-bench-profile-\(getpid())/"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let empty = directory + "empty.jsonl"
    try Data().write(to: URL(fileURLWithPath: empty))
    let baseline = try callgrind(valgrind, file: empty, output: directory + "empty.out")
    print("callgrind: \(tables) tables a year, seed \(seed), rescore → jsonl at 1 job")
    print("  a table: (the whole year − its first table alone) / (tables − 1), the cost each further table adds;")
    print("  in brackets the whole year less a run on an empty file, over the tables: each table also carries a")
    print("  share of the first table's one-time costs (the empty run, start-up and loading the profile:")
    print("  \(baseline) instructions)")
    var synthetic = Cost(perTable: 0, withStart: 0)
    for chinese in [false, true] {
      let name = chinese ? "chinese" : "synthetic"
      let file = directory + name + ".jsonl"
      try Bench.generate(tables: tables, seed: seed, to: file, chineseNames: chinese)
      try firstTable(of: file, to: directory + name + "-first.jsonl")
      let out = directory + name + ".out"
      let cost = try measure(
        valgrind, whole: (file, tables), first: directory + name + "-first.jsonl", output: out, baseline: baseline)
      if !chinese { synthetic = cost }
      let label = chinese ? "Chinese names, ~1 % defective rows" : "synthetic year"
      print(
        "  \(label.padding(toLength: 36, withPad: " ", startingAt: 0))"
          + String(format: "%9.0f instructions a table (%.0f)", cost.perTable, cost.withStart))
      let duplicates = inclusive(of: ["DuplicateIndicatorCheckV5check_4into"], in: out)  // its mangled name
      print(
        "    DuplicateIndicatorCheck.check (inclusive)   "
          + String(format: "%9.0f instructions a table (one call a table)", Double(duplicates) / Double(tables)))
      if top > 0 {
        print("    top \(top) functions (exclusive, instructions a table and share, less the first table's run):")
        for line in topFunctions(out, less: out + ".first", tables: tables - 1, count: top) { print("      " + line) }
      }
    }
    // Issue 19: the synthetic year as a flat CSV, within 1.3× of its JSON Lines.
    try CSVYear.write(from: directory + "synthetic.jsonl", to: directory + "synthetic.csv")
    try CSVYear.write(from: directory + "synthetic-first.jsonl", to: directory + "synthetic-first.csv")
    let csv = try measure(
      valgrind, whole: (directory + "synthetic.csv", tables), first: directory + "synthetic-first.csv",
      output: directory + "csv.out", baseline: baseline)
    print(
      "  \("the same year as a flat CSV".padding(toLength: 36, withPad: " ", startingAt: 0))"
        + String(format: "%9.0f instructions a table (%.0f), ", csv.perTable, csv.withStart)
        + String(format: "%.2f× JSON Lines (%.2f×; target ≤ 1.3)", csv.perTable / synthetic.perTable,
          csv.withStart / synthetic.withStart))
    // Issue 17, item 10: the synthetic year as the bench's workbook and as LibreOffice saves it.
    // The workbooks in sibling folders of names as long, under one name: the tables' sources name the file.
    for folder in ["bench", "first"] {
      try FileManager.default.createDirectory(atPath: directory + folder, withIntermediateDirectories: true)
    }
    let workbook = directory + "bench/synthetic.xlsx"
    let firstWorkbook = directory + "first/synthetic.xlsx"
    try WorkbookYear.write(from: directory + "synthetic.jsonl", to: workbook, layout: .sheetPerTable)
    try WorkbookYear.write(from: directory + "synthetic-first.jsonl", to: firstWorkbook, layout: .sheetPerTable)
    var workbooks: [(label: String, file: String, first: String?, tables: Int)] = [
      ("the same year as the bench's .xlsx", workbook, firstWorkbook, tables)
    ]
    if let copy = try libreOffice ?? LibreOfficeYear.save(workbook, into: directory + "saved/") {
      // A copy given on the command line has no first-table copy beside it; LibreOffice makes one when present.
      let hasLibreOffice = executable("soffice") != nil || executable("libreoffice") != nil
      let firstCopy = hasLibreOffice ? try LibreOfficeYear.save(firstWorkbook, into: directory + "save1/") : nil
      workbooks.append(("the same year as LibreOffice saves it", copy, firstCopy, Bench.tableCount(copy)))
    }
    for (index, workbook) in workbooks.enumerated() {
      let out = directory + "workbook\(index).out"
      let cost = try measure(
        valgrind, whole: (workbook.file, workbook.tables), first: workbook.first, output: out, baseline: baseline)
      let ratio = String(format: "%.2f× JSON Lines (%.2f×; target ≤ 3)", cost.perTable / synthetic.perTable,
        cost.withStart / synthetic.withStart)
      print(
        "  \(workbook.label.padding(toLength: 38, withPad: " ", startingAt: 0))"
          + String(format: "%7.0f instructions a table (%.0f), ", cost.perTable, cost.withStart) + ratio
          + (workbook.tables == tables ? "" : " (\(workbook.tables) tables)")
          + (workbook.first == nil ? " (no first-table copy: the figure carries the one-time costs)" : ""))
      if top > 0 {
        let less = workbook.first == nil ? directory + "empty.out" : out + ".first"
        print("    top \(top) functions (exclusive, instructions a table and share, less the first table's run):")
        for line in topFunctions(out, less: less, tables: workbook.tables - (workbook.first == nil ? 0 : 1), count: top) {
          print("      " + line)
        }
      }
    }
    let malformed = directory + "malformed.jsonl"
    try malformedYear(from: directory + "synthetic.jsonl", records: 50, to: malformed)
    let rejected = try callgrind(valgrind, file: malformed, output: directory + "malformed.out")
    print(
      "  a malformed record (an error at its end)"
        + String(format: "%9.0f instructions a record", Double(rejected - baseline) / 50))
  }

  /// Instructions a table: what each table after the first adds, and the whole run less the empty run.
  struct Cost {
    var perTable: Double
    var withStart: Double
  }

  /// Callgrind of the whole file (into `output`) and of its first table alone (into `output.first`); without
  /// a first-table file both figures carry the one-time costs.
  static func measure(
    _ valgrind: String, whole: (file: String, tables: Int), first: String?, output: String, baseline: Int
  ) throws -> Cost {
    let total = try callgrind(valgrind, file: whole.file, output: output)
    let withStart = Double(total - baseline) / Double(max(whole.tables, 1))
    guard let first, whole.tables > 1 else { return Cost(perTable: withStart, withStart: withStart) }
    let one = try callgrind(valgrind, file: first, output: output + ".first")
    return Cost(perTable: Double(total - one) / Double(whole.tables - 1), withStart: withStart)
  }

  /// The first record of a JSON Lines file, alone in a file of its own.
  static func firstTable(of file: String, to path: String) throws {
    let first = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")[0]
    try String(first + "\n").write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// `records` copies of the first synthetic table, each broken just before its end (`null` misspelt):
  /// the record a fast decoder reads nearly all of before it fails.
  static func malformedYear(from file: String, records: Int, to path: String) throws {
    let first = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")[0]
    let broken = first.replacingOccurrences(of: #""claimedGrade":null}"#, with: #""claimedGrade":nul}"#)
    try String(repeating: broken + "\n", count: records).write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// The instructions of `jixiao-bench child-rescore FILE 1` under callgrind.
  static func callgrind(_ valgrind: String, file: String, output: String) throws -> Int {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: valgrind)
    process.arguments = [
      "--tool=callgrind", "--callgrind-out-file=\(output)", selfPath(), "child-rescore", file, "1",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let text = try String(contentsOfFile: output, encoding: .utf8)
    for line in text.split(separator: "\n") where line.hasPrefix("totals:") || line.hasPrefix("summary:") {
      if let count = Int(line.split(separator: " ").last ?? "") { return count }
    }
    return 0
  }

  /// The largest inclusive count of a function whose (mangled) name holds every part.
  static func inclusive(of parts: [String], in output: String) -> Int {
    annotate(output, inclusive: true).compactMap { line -> Int? in
      guard parts.allSatisfy(line.contains) else { return nil }
      return count(line)
    }.max() ?? 0
  }

  /// The functions costing most per table: exclusive counts of the year's run less those of `baseline`'s.
  static func topFunctions(_ output: String, less baseline: String, tables: Int, count: Int) -> [String] {
    func counts(_ file: String) -> [String: Int] {
      var counts: [String: Int] = [:]
      for line in annotate(file, inclusive: false) where !line.contains("PROGRAM TOTALS") {
        guard let value = Self.count(line), let close = line.firstIndex(of: ")") else { continue }
        counts[line[line.index(after: close)...].trimmingCharacters(in: .whitespaces), default: 0] += value
      }
      return counts
    }
    let before = counts(baseline)
    let costs = counts(output).map { ($0.key, $0.value - before[$0.key, default: 0]) }.sorted { $0.1 > $1.1 }
    let total = Double(costs.reduce(0) { $0 + max($1.1, 0) })
    let top = costs.prefix(count).map { name, cost in
      String(format: "%8.0f %5.1f %%  ", Double(cost) / Double(tables), Double(cost) / total * 100) + name
    }
    let text = top.joined(separator: "\n")
    let shown = executable("swift-demangle").map { run($0, ["--simplified", "--compact"], input: text) } ?? text
    return shown.split(separator: "\n").map { line in
      // The source file's path says less than the function's name.
      let short = line.replacingOccurrences(of: #"  [^ ]*/"#, with: "  ", options: .regularExpression)
      return String(short.replacingOccurrences(of: #" \[[^]]*\]$"#, with: "", options: .regularExpression).prefix(150))
    }
  }

  private static func annotate(_ output: String, inclusive: Bool) -> [String] {
    guard let annotate = executable("callgrind_annotate") else { return [] }
    return run(annotate, ["--auto=no", "--inclusive=\(inclusive ? "yes" : "no")", "--threshold=100", output])
      .split(separator: "\n").map(String.init)
  }

  /// The leading count of a callgrind_annotate line (`1,234,567 (12.3%)  file:function`).
  private static func count(_ line: String) -> Int? {
    let digits = line.drop { $0 == " " }.prefix { $0.isNumber || $0 == "," }.filter { $0 != "," }
    return digits.isEmpty ? nil : Int(digits)
  }

  // MARK: orjson

  /// orjson's one-core decode-only rate on `file` (best of 3), and the ratio of `rescoreRate` to it; a
  /// note when python3 or orjson is absent (CI needs neither).
  static func orjsonComparison(file: String, rescoreRate: Double) {
    guard let python = executable("python3"), run(python, ["-c", "import orjson; print('ok')"]).hasPrefix("ok") else {
      print("orjson: skipped (python3 with orjson is not importable; `pip install orjson` to compare)")
      return
    }
    let script = """
      import orjson, sys, time
      lines = [line for line in open(sys.argv[1], 'rb').read().split(b'\\n') if line]
      best = float('inf')
      for _ in range(3):
          start = time.perf_counter()
          for line in lines:
              orjson.loads(line)
          best = min(best, time.perf_counter() - start)
      print(len(lines) / best)
      """
    guard let rate = Double(run(python, ["-c", script, file]).trimmingCharacters(in: .whitespacesAndNewlines)) else {
      print("orjson: skipped (the measuring script failed)")
      return
    }
    print(
      "orjson.loads only, 1 core".padding(toLength: 30, withPad: " ", startingAt: 0)
        + String(format: "          %10.0f tables/s", rate))
    print(String(format: "ratio rescore (2 jobs) / orjson (1 core): %.2f (issue 19 asks ≥ 1.0)", rescoreRate / rate))
  }

  // MARK: Processes

  static func selfPath() -> String {
    URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
  }

  static func executable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// The standard output of a child process (its errors dropped).
  static func run(_ executable: String, _ arguments: [String], input: String? = nil) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    let feed = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    if input != nil { process.standardInput = feed }
    guard (try? process.run()) != nil else { return "" }
    if let input {
      feed.fileHandleForWriting.write(Data(input.utf8))
      try? feed.fileHandleForWriting.close()
    }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output, as: UTF8.self)
  }
}
