/// Many fields behind one reference, with value semantics: a copy is one reference count, and a change
/// first copies the fields unless this value is their only owner (as `Array` does), so sharing across
/// threads is safe. Indicators and profiles are handed to every rule and check; unboxed, each copy
/// would retain every one of their strings and collections.
struct CopyOnWriteBox<Fields: Sendable>: Sendable {
  private final class Storage: @unchecked Sendable {
    // Not checked at run time: the fields are changed only by `update`, on a box no other value shares, so
    // no read can overlap the change. Checked, every read of a field (an indicator's, the profile's) paid
    // a runtime access check (callgrind: about 30 K instructions a table).
    @exclusivity(unchecked) var fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var storage: Storage

  init(_ fields: Fields) { storage = Storage(fields) }

  /// Read in place: a getter that reads one field copies that field, not all of them.
  var fields: Fields {
    _read { yield storage.fields }
  }

  mutating func update(_ change: (inout Fields) -> Void) {
    if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    change(&storage.fields)
  }

  /// The same box: equal without comparing the fields.
  func isIdentical(to other: Self) -> Bool { storage === other.storage }
}
