import Foundation

/// libFuzzer entry: any bytes as a target or actual cell; the grammar must never trap or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCell(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = Cell(parsing: text)
  _ = LevelName(text)
  return 0
}
