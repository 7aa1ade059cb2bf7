import Foundation

/// libFuzzer entry: any bytes as a target or actual cell; the grammar must never trap or hang, and
/// the byte-level fast paths must read exactly what the general grammar reads.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCell(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let cell = Cell(parsing: text)
  if let plain = PlainCell.parse(text) ?? nil {
    precondition(plain == CellGrammar.parseGeneral(text), "PlainCell and the general grammar disagree on \(text)")
  }
  _ = cell
  let folding = LevelNameFolding(["產": "产", "標": "标"])
  if let fast = folding.fastKey(text) {
    var slow = String(text.compactMap { $0.isWhitespace ? nil : (folding.traditionalForms[$0] ?? $0) })
    if slow.hasSuffix("指标"), slow.count > 2 { slow.removeLast(2) }
    precondition(fast == slow, "the level-name fast path disagrees on \(text)")
  }
  return 0
}
