/// The field names of one mapping type, looked up by the key's bytes without creating a String.
///
/// `F`'s case names are the field names (`case organizationalUnit`), so the table and the switch over fields cannot
/// drift apart. Candidates are bucketed by length; a lookup compares a handful of bytes.
struct FieldTable<F: CaseIterable & Sendable>: Sendable {
  let names: [String]
  private let byLength: [[(name: [UInt8], field: F)]]

  init() {
    var names: [String] = []
    var buckets: [[(name: [UInt8], field: F)]] = []
    for field in F.allCases {
      let name = String(describing: field)
      names.append(name)
      let bytes = Array(name.utf8)
      while buckets.count <= bytes.count { buckets.append([]) }
      buckets[bytes.count].append((bytes, field))
    }
    self.names = names
    self.byLength = buckets
  }

  @inline(__always)
  func lookup(_ key: UnsafeBufferPointer<UInt8>) -> F? {
    guard key.count < byLength.count else { return nil }
    for entry in byLength[key.count] where entry.name.withUnsafeBufferPointer({ equal($0, key) }) {
      return entry.field
    }
    return nil
  }
}
