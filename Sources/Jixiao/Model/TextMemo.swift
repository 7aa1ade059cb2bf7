/// What one worker has read from the texts of its tables, found again by their bytes: a year's tables print the
/// same few dozen level names (`产出指标`, `数量 指标`, `效益指標`, …) and 赋分规则 texts on every row, so most
/// rows and most tables read none of them afresh. Its answer is always `read` of the text (`TextMemoTests`).
///
/// Not shared between threads: each worker of a batch has its own (`Scorer.Memo`, `BatchRunner`). Bounded:
/// texts longer than `longestText` bytes are read each time, and a memo holding `capacity` texts forgets them
/// all and starts again. It keeps its own copies of the texts, never a record's bytes, and `read` is given the
/// copy: a reading that shares its text's bytes (a level name's key) shares the copy's.
final class TextMemo<Reading> {
  private let read: (TableText) -> Reading
  /// The reading of no text printed.
  private let absent: Reading
  /// Open addressing by the text's print (`TableText.print`), probing linearly; never more than `capacity` of
  /// the slots filled, so a probe always ends at an empty slot. Held through a pointer: a hit reads the slots
  /// in place, with no access to enforce and no slot's references counted.
  private let slots: UnsafeMutableBufferPointer<Slot>
  private var filled = 0

  private struct Slot {
    /// The text's print with its low bit set; 0 in an empty slot.
    var tag: UInt64
    var printed: TableText
    var reading: Reading
  }

  static var capacity: Int { 96 }
  private static var slotCount: Int { 128 }
  static var longestText: Int { 256 }

  init(absent: Reading, read: @escaping (TableText) -> Reading) {
    self.read = read
    self.absent = absent
    slots = .allocate(capacity: Self.slotCount)
    slots.initialize(repeating: Slot(tag: 0, printed: "", reading: absent))
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  /// `read(printed)`, remembered; `absent` when no text is printed.
  func reading(of printed: TableText?) -> Reading {
    guard let printed else { return absent }
    let tag = printed.print | 1
    var slot = Self.firstSlot(tag)
    while slots[slot].tag != 0 {
      if slots[slot].tag == tag, slots[slot].printed == printed { return slots[slot].reading }
      slot = (slot + 1) & (Self.slotCount - 1)
    }
    return remember(printed, tag: tag, at: slot)
  }

  private func remember(_ printed: TableText, tag: UInt64, at empty: Int) -> Reading {
    guard printed.utf8Count <= Self.longestText else { return read(printed) }
    var slot = empty
    if filled == Self.capacity {
      slots.update(repeating: Slot(tag: 0, printed: "", reading: absent))
      filled = 0
      slot = Self.firstSlot(tag)
    }
    let own = printed.copied()
    let reading = read(own)
    slots[slot] = Slot(tag: tag, printed: own, reading: reading)
    filled += 1
    return reading
  }

  private static func firstSlot(_ tag: UInt64) -> Int {
    Int(truncatingIfNeeded: (tag &* 0x9E37_79B9_7F4A_7C15) >> 57)
  }
}
