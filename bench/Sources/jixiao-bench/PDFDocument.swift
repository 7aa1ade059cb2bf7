import Foundation
import Jixiao

/// `jixiao-bench pdf FILE.pdf`: reading a published document through pdftotext (issue 18, item 6), best of
/// 5, in CPU time of one core: pdftotext's (a child process, counted from `RUSAGE_CHILDREN`) and ours (the
/// tsv parsed, the words assembled into grids, the tables located, built and scored) apart.
enum PDFDocumentBench {
  static func measure(file: String) throws {
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: file)))
    let profile = try Profile.load()
    var best = (pdftotext: Double.infinity, parse: Double.infinity, ours: Double.infinity, whole: Double.infinity)
    var tables = 0
    var pages = 0
    for _ in 0..<5 {
      let childBefore = processorSeconds(children: true)
      let selfBefore = processorSeconds(children: false)
      let text = try PDFReader.positionedText(bytes: bytes, file: file)
      let childAfter = processorSeconds(children: true)
      let selfAfterText = processorSeconds(children: false)
      let grids = PositionedTextAssembler(units: .points).grids(text, file: file, name: "bench")
      let records = TableReader.readForms(grids: grids, file: file)
      let scorer = Scorer(profile: profile)
      for case .table(let table) in records { _ = scorer.score(table) }
      let selfAfter = processorSeconds(children: false)
      tables = records.count { if case .table = $0 { true } else { false } }
      pages = text.pageCount
      best.pdftotext = min(best.pdftotext, childAfter - childBefore)
      best.parse = min(best.parse, selfAfterText - selfBefore)
      best.ours = min(best.ours, selfAfter - selfAfterText)
      best.whole = min(best.whole, (childAfter - childBefore) + (selfAfter - selfBefore))
    }
    print("\(file): \(pages) pages, \(bytes.count) bytes, \(tables) tables read")
    print(String(format: "pdftotext -tsv (child process, CPU)     %.3f s", best.pdftotext))
    print(String(format: "its tsv parsed (ours, CPU)               %.3f s", best.parse))
    print(String(format: "grids, tables located, built, scored    %.3f s", best.ours))
    print(String(format: "whole, one core (best of 5)              %.3f s", best.whole))
    // The same document as text (`jixiao rescore 决算.txt`): the text path, prose tables looked for too.
    for (label, options) in [("pdftotext's default text", [String]()), ("pdftotext -layout text", ["-layout"])] {
      let text = try pdftotext(file: file, options: options)
      var fastest = Double.infinity
      var read = 0
      for _ in 0..<5 {
        let before = processorSeconds(children: false)
        let records = TableReader.read(text, file: "document.txt")
        let scorer = Scorer(profile: profile)
        for case .table(let table) in records { _ = scorer.score(table) }
        fastest = min(fastest, processorSeconds(children: false) - before)
        read = records.count { if case .table = $0 { true } else { false } }
      }
      print(
        String(
          format: "%@ (%d bytes): %d tables read, built, scored in %.3f s (ours, CPU, best of 5)", label, text.count, read,
          fastest))
    }
  }

  /// The document's text as pdftotext prints it (run here, outside the timing).
  static func pdftotext(file: String, options: [String]) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["pdftotext"] + options + [file, "-"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Array(data)
  }

  static func processorSeconds(children: Bool) -> Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(__rusage_who_t(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue), &usage)
    #else
      getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
      + Double(usage.ru_stime.tv_usec) / 1e6
  }
}
