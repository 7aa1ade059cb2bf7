import Foundation

/// libFuzzer entry: any bytes as a JSON, JSON Lines or CSV input (the first byte picks the format),
/// read and scored; every record must end as a result or a located rejection, never a trap. The
/// direct decoder is checked against the general parser on the same bytes.
nonisolated(unsafe) private var scorer: Scorer? = {
  guard let path = ProcessInfo.processInfo.environment["JIXIAO_PROFILE"] else { return nil }
  return (try? Profile.read(path: path)).map { Scorer(profile: $0) }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0, let scorer else { return 0 }
  let formats: [InputFormat] = [.json, .jsonl, .csv]
  let format = formats[Int(data[0]) % 3]
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  // The batch's direct decoder must build the general path's table, reject with its syntax error, or give up.
  let location = SourceLocation(file: "fuzz", line: 1)
  switch bytes.withUnsafeBufferPointer({ DirectTableDecoder.read($0, at: location, defaultID: "d") }) {
  case .table(let direct)?:
    guard case .success(let object) = TableReader.object(ofLine: bytes[...], at: location),
      let general = try? TableDecoder.decode(object, at: location, defaultID: "d")
    else { preconditionFailure("the direct decoder accepted a record the general path rejects") }
    precondition(direct == general, "the direct decoder and the general path disagree")
  case .rejected(let direct)?:
    guard case .failure(let general) = TableReader.object(ofLine: bytes[...], at: location) else {
      preconditionFailure("the direct decoder rejected a record the general parser reads")
    }
    precondition(direct == general, "the direct decoder's syntax error is not the general parser's")
  case nil: break
  }
  if format == .csv { checkFlatCSV(bytes) }
  for record in TableReader.read(bytes, file: "fuzz", format: format) {
    switch record {
    case .table(let table):
      let result = scorer.score(table)
      _ = ResultJSON.encode(result)
      _ = TextReport.render(result)
      _ = Worksheet.rows(result)
    case .rejected(let error):
      precondition(!error.message.english.isEmpty && !error.message.chinese.isEmpty, "a rejection always says why, in both languages")
    }
  }
  return 0
}

/// The flat CSV's fast paths against their definitions: the parser's shortcuts read the rows the
/// byte-at-a-time state machine reads, and each table built from its bytes is the table its cells' texts build.
private func checkFlatCSV(_ bytes: [UInt8]) {
  func rows(readsRuns: Bool) -> [String] {
    var parser = CSVParser()
    parser.readsRuns = readsRuns
    var rows: [String] = []
    parser.feed(bytes) { (row: CSVParser.Row) in rows.append("\(row)") }
    parser.finish { (row: CSVParser.Row) in rows.append("\(row)") }
    return rows
  }
  precondition(rows(readsRuns: true) == rows(readsRuns: false), "the CSV parser's shortcuts and its definition disagree")
  var block: [UInt8]? = bytes
  RecordReader.split(.csv, file: "fuzz", next: { defer { block = nil }; return block }) { record in
    guard case .csvTable(let table) = record else { return }
    precondition(table.build() == table.buildByDefinition(), "a flat CSV table built from its bytes is not its definition's")
  }
}
