/// Many fields behind one reference, with value semantics: a copy is one reference count, and a change
/// makes new storage, so sharing across threads is safe. Indicators and profiles are handed to every rule
/// and check; unboxed, each copy would retain every one of their strings and collections.
struct CopyOnWriteBox<Fields: Sendable>: Sendable {
  private final class Storage: Sendable {
    // A constant, never changed in place: the compiler then lends a field read from a borrowed box (a
    // parameter) without retaining it; a text read from a `var` here cost a retain and a release, and
    // passing the fields to a closure copied all of them. A change is rare (a reviewed table, a profile's
    // setting) and pays an allocation.
    let fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var storage: Storage

  init(_ fields: Fields) { storage = Storage(fields) }

  /// Read in place: a getter that reads one field copies that field, not all of them.
  var fields: Fields {
    _read { yield storage.fields }
  }

  mutating func update(_ change: (inout Fields) -> Void) {
    var fields = storage.fields
    change(&fields)
    storage = Storage(fields)
  }

  /// The same box: equal without comparing the fields.
  func isIdentical(to other: Self) -> Bool { storage === other.storage }
}
