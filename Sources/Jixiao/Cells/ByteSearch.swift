import Foundation

/// Byte matching for the byte-level readers (cells, dates, printed numbers, level names): UTF-8
/// words are compared as bytes, which for text without spaces or folding is comparing characters.
extension UnsafeBufferPointer where Element == UInt8 {
  /// Whether `needle` stands at `offset`; false when it would run past either end.
  func hasBytes(_ needle: [UInt8], at offset: Int) -> Bool {
    guard offset >= 0, offset + needle.count <= count else { return false }
    // A call to memcmp pays off past a few bytes (member names); the words of cells are shorter.
    if needle.count > 6 {
      return needle.withUnsafeBufferPointer { memcmp(baseAddress! + offset, $0.baseAddress!, $0.count) == 0 }
    }
    for (position, byte) in needle.enumerated() where self[offset + position] != byte { return false }
    return true
  }

  /// The same bytes as `other`, as many of them.
  func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
    count == other.count && (isEmpty || memcmp(baseAddress!, other.baseAddress!, count) == 0)
  }

  /// Whether `needle` occurs as a contiguous run of bytes.
  func containsSequence(_ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let head = needle.first else { return true }
    guard needle.count <= count else { return false }
    var start = 0
    while start + needle.count <= count {
      if self[start] == head, memcmp(baseAddress! + start, needle.baseAddress!, needle.count) == 0 { return true }
      start += 1
    }
    return false
  }
}

extension Collection where Element == UInt8 {
  /// Whether `needle` occurs as a contiguous run of bytes (any collection: the general grammar's).
  func containsSequence(_ needle: [UInt8]) -> Bool {
    guard let head = needle.first else { return true }
    var index = startIndex
    while let found = self[index...].firstIndex(of: head) {
      if self[found...].starts(with: needle) { return true }
      index = self.index(after: found)
    }
    return false
  }
}
