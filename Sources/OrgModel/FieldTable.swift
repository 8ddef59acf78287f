/// The names of a closed set of values (the fields of one mapping type, the values of an enum), looked up by the
/// key's bytes without creating a String.
///
/// Names are bucketed by length in one flat byte blob, so a lookup compares a handful of bytes and touches no
/// reference counts.
struct NameTable<Value: Sendable>: Sendable {
  let names: [String]
  private let values: [Value]
  private let blob: [UInt8]
  /// `offsets[i]`: where name `order[i]` starts in `blob`.
  private let offsets: [Int]
  private let order: [Int]
  /// Entries `lengthStart[n]..<lengthStart[n + 1]` of `order` have length n.
  private let lengthStart: [Int]

  init(_ pairs: [(String, Value)]) {
    names = pairs.map(\.0)
    values = pairs.map(\.1)
    let maxLength = pairs.map(\.0.utf8.count).max() ?? 0
    var blob: [UInt8] = []
    var offsets: [Int] = []
    var order: [Int] = []
    var lengthStart: [Int] = []
    for n in 0...maxLength {
      lengthStart.append(order.count)
      for (i, p) in pairs.enumerated() where p.0.utf8.count == n {
        order.append(i)
        offsets.append(blob.count)
        blob.append(contentsOf: p.0.utf8)
      }
    }
    lengthStart.append(order.count)
    self.blob = blob
    self.offsets = offsets
    self.order = order
    self.lengthStart = lengthStart
  }

  @inline(__always)
  func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Value? {
    let n = key.count
    guard n + 1 < lengthStart.count, let k = key.baseAddress else { return nil }
    return blob.withUnsafeBufferPointer { b in
      for e in lengthStart[n]..<lengthStart[n + 1] {
        let o = offsets[e]
        var i = 0
        while i < n, b[o + i] == k[i] { i += 1 }
        if i == n { return values[order[e]] }
      }
      return nil
    }
  }
}

extension NameTable where Value: CaseIterable, Value.AllCases == [Value], Value: RawRepresentable,
  Value.RawValue == String
{
  /// The names of a string enum, by raw value: the values of an enum of the format (`FeatureSet`), or the fields of
  /// a mapping type, whose enum has `String` raw values and so its case names as names (`case organizationalUnit`):
  /// the table and the switch over fields cannot drift apart. Raw values, not `String(describing:)`: reflection
  /// cost about a million instructions per enum at start-up (a scan of the runtime's conformance records for each
  /// protocol `describing` asks about).
  init() { self.init(Value.allCases.map { ($0.rawValue, $0) }) }
}

typealias FieldTable<F: Sendable & CaseIterable> = NameTable<F> where F.AllCases == [F]

/// Enum values by their YAML spelling.
enum EnumTables {
  static let featureSet = NameTable<FeatureSet>()
  static let accountState = NameTable<AccountState>()
  static let mfaDeviceType = NameTable<MFADeviceType>()
  static let taskKind = NameTable<TaskKind>()
  static let effect = NameTable<Effect>()
  static let documentKind = NameTable<DocumentKind>()
  static let auditStatus = NameTable<AuditStatus>()
}
