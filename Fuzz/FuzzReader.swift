import Foundation

/// libFuzzer entry: any bytes as a JSON, JSON Lines or CSV input (the first byte picks the format),
/// read and scored; every record must end as a result or a located rejection, never a trap.
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
  for record in TableReader.read(bytes, file: "fuzz", format: format) {
    switch record {
    case .table(let table):
      let result = scorer.score(table)
      _ = ResultJSON.encode(result)
      _ = TextReport.render(result)
      _ = Worksheet.rows(result)
    case .rejected(let error):
      precondition(!error.message.isEmpty, "a rejection always says why")
    }
  }
  return 0
}
