/// A finding message assembled as UTF-8 bytes and made a `String` once: appending piece by piece to a
/// `String` costs several times more, and the claim messages are the most frequent text of a batch.
struct MessageBytes {
  private var bytes: [UInt8] = []

  init(capacity: Int = 192) { bytes.reserveCapacity(capacity) }

  mutating func append(_ literal: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  mutating func append(_ text: String) {
    if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
      bytes.append(contentsOf: text.utf8)
    }
  }

  /// `12.30`, as `Hundredths.description` writes it.
  mutating func append(_ value: Hundredths) {
    value.withText { bytes.append(contentsOf: $0) }
  }

  var text: String { String(decoding: bytes, as: UTF8.self) }
}
