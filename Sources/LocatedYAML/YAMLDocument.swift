import Diagnostics

/// The kind of a YAML node.
public enum YAMLNodeKind: UInt8, Sendable {
  case scalar
  case sequence
  case mapping
  /// A reference to an anchored node (`*name`), never expanded into a copy; see `YAMLDocument.resolve(_:)`.
  case alias
}

/// How a node was written.
public enum YAMLStyle: UInt8, Sendable {
  case plain
  case singleQuoted
  case doubleQuoted
  case literal
  case folded
  case block
  case flow
}

/// A node of a `YAMLDocument`: an index into its arena. Cheap to copy and compare.
public struct YAMLNodeID: Hashable, Sendable {
  public let index: Int32
  init(_ index: Int) { self.index = Int32(truncatingIfNeeded: index) }
}

/// One node record in the arena: 12 bytes, so that a 40 MB file stays within a few times its size in memory.
///
/// Scalars: `a`/`count` are the value's byte offset and length, in the file's bytes (`inSource`) or in the
/// document's side buffer. Collections: `a`/`count` are the first index and number of their entries in `children`
/// (a sequence's items; a mapping's keys, each key's value being the node right after it, unless `fullPairs`
/// says the children alternate key and value because some key is a collection). Aliases: `a` is the target node's
/// index, or `UInt32.max` when unresolved. `packed` holds the count (23 bits), `fullPairs` (1 bit) and the kind,
/// style and flags (8 bits). End offsets are derived (verbatim scalars, block collections) or kept in a side table.
struct NodeRecord {
  var start: UInt32
  var a: UInt32
  var packed: UInt32

  /// Largest scalar length or entry count a record holds.
  static let maxCount = (1 << 23) - 1
  static let inSource: UInt8 = 1 << 5
  static let duplicateKey: UInt8 = 1 << 6
  static let hasTag: UInt8 = 1 << 7
  private static let fullPairsBit: UInt32 = 1 << 31

  init(start: Int, a: UInt32, count: Int, kind: YAMLNodeKind, style: YAMLStyle, flags: UInt8 = 0) {
    self.start = UInt32(truncatingIfNeeded: start)
    self.a = a
    self.packed = 0
    self.count = count
    self.meta = kind.rawValue | style.rawValue << 2 | flags
  }

  var count: Int {
    get { Int((packed >> 8) & UInt32(Self.maxCount)) }
    set { packed = UInt32(min(newValue, Self.maxCount)) << 8 | (packed & (0xFF | Self.fullPairsBit)) }
  }
  var fullPairs: Bool {
    get { packed & Self.fullPairsBit != 0 }
    set { packed = newValue ? packed | Self.fullPairsBit : packed & ~Self.fullPairsBit }
  }
  var meta: UInt8 {
    get { UInt8(truncatingIfNeeded: packed) }
    set { packed = (packed & ~0xFF) | UInt32(newValue) }
  }
  var kind: YAMLNodeKind { YAMLNodeKind(rawValue: meta & 0b11)! }
  var style: YAMLStyle { YAMLStyle(rawValue: (meta >> 2) & 0b111) ?? .plain }
  func has(_ flag: UInt8) -> Bool { meta & flag != 0 }
}

/// One YAML document of a file, stored as an arena of node records with start and end positions, tags and styles.
///
/// Aliases stay references (`resolve(_:)` follows one), so an alias bomb costs nothing to hold. Positions are kept
/// as byte offsets and turned into lines and columns through the `SourceFile` only when asked.
public struct YAMLDocument: Sendable {
  public let file: SourceFile
  /// The document's top node; nil for an empty document.
  public internal(set) var root: YAMLNodeID?
  var nodes: ContiguousArray<NodeRecord> = []
  var children: ContiguousArray<UInt32> = []
  var buffer: ContiguousArray<UInt8> = []
  /// Tag names, first use first (no allocation for the many documents without tags).
  var tags: [String] = []
  /// Tag index by node, for the few nodes that have an explicit tag.
  var tagOf: [UInt32: UInt16] = [:]
  /// End offsets that cannot be derived from the record (flow collections, aliases, escaped or folded scalars).
  var ends: [UInt32: UInt32] = [:]

  init(file: SourceFile) { self.file = file }

  /// The number of nodes, aliases included.
  public var nodeCount: Int { nodes.count }

  public func kind(_ node: YAMLNodeID) -> YAMLNodeKind { nodes[Int(node.index)].kind }
  public func style(_ node: YAMLNodeID) -> YAMLStyle { nodes[Int(node.index)].style }

  /// The explicit tag as libyaml resolved it (`!Ref`, `tag:yaml.org,2002:str`), or nil.
  public func tag(_ node: YAMLNodeID) -> String? {
    guard nodes[Int(node.index)].has(NodeRecord.hasTag), let t = tagOf[UInt32(node.index)] else { return nil }
    return tags[Int(t)]
  }

  public func startOffset(_ node: YAMLNodeID) -> Int { Int(nodes[Int(node.index)].start) }
  public func endOffset(_ node: YAMLNodeID) -> Int {
    var i = Int(node.index)
    while true {
      if let end = ends[UInt32(i)] { return Int(end) }
      let r = nodes[i]
      switch r.kind {
      case .scalar:
        // Only verbatim scalars lack an entry: the value is the text, inside quotes when quoted.
        return Int(r.a) + r.count + (r.style == .plain ? 0 : 1)
      case .sequence, .mapping:
        guard r.count > 0 else { return Int(r.start) }
        // A block collection ends where its last entry ends.
        let last = Int(children[Int(r.a) + r.count - 1])
        i = r.kind == .mapping && !r.fullPairs ? last + 1 : last
      case .alias:
        return Int(r.start)
      }
    }
  }
  public func start(_ node: YAMLNodeID) -> SourceLocation { file.location(atByteOffset: startOffset(node)) }
  public func range(_ node: YAMLNodeID) -> SourceRange {
    SourceRange(start: start(node), end: file.location(atByteOffset: endOffset(node)))
  }

  /// True for a mapping key that repeats an earlier key of the same mapping (already reported as YAML002).
  public func isDuplicateKey(_ node: YAMLNodeID) -> Bool {
    nodes[Int(node.index)].has(NodeRecord.duplicateKey)
  }

  /// Follows an alias to the node it names (nil when it names nothing usable); other nodes are returned as they are.
  public func resolve(_ node: YAMLNodeID) -> YAMLNodeID? {
    let r = nodes[Int(node.index)]
    guard r.kind == .alias else { return node }
    return r.a == UInt32.max ? nil : YAMLNodeID(Int(r.a))
  }

  // MARK: Scalars

  /// Calls `body` with the scalar's value bytes (empty for non-scalars).
  @inlinable
  public func withScalarBytes<R>(_ node: YAMLNodeID, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try _withScalarBytes(node, body)
  }

  @usableFromInline
  func _withScalarBytes<R>(_ node: YAMLNodeID, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let r = nodes[Int(node.index)]
    guard r.kind == .scalar else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
    let lo = Int(r.a)
    let n = r.count
    if r.has(NodeRecord.inSource) {
      return try file.bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[lo..<lo + n])) }
    }
    return try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[lo..<lo + n])) }
  }

  /// The scalar's value (empty for non-scalars).
  public func scalar(_ node: YAMLNodeID) -> String {
    withScalarBytes(node) { String(decoding: $0, as: UTF8.self) }
  }

  /// True when the scalar's value is exactly `text`.
  public func scalar(_ node: YAMLNodeID, equals text: StaticString) -> Bool {
    withScalarBytes(node) { bytes in
      bytes.count == text.utf8CodeUnitCount
        && (bytes.isEmpty || memcmpEqual(bytes.baseAddress!, text.utf8Start, bytes.count))
    }
  }

  /// True when two scalars have the same value.
  func scalarBytesEqual(_ x: YAMLNodeID, _ y: YAMLNodeID) -> Bool {
    withScalarBytes(x) { a in
      withScalarBytes(y) { b in
        a.count == b.count && (a.isEmpty || memcmpEqual(a.baseAddress!, b.baseAddress!, a.count))
      }
    }
  }

  /// True for a plain, untagged scalar that YAML reads as null (`""`, `~`, `null`, `Null`, `NULL`).
  public func isNull(_ node: YAMLNodeID) -> Bool {
    let r = nodes[Int(node.index)]
    guard r.kind == .scalar, r.style == .plain, !r.has(NodeRecord.hasTag) else { return false }
    return r.count == 0 || scalar(node, equals: "~") || scalar(node, equals: "null") || scalar(node, equals: "Null")
      || scalar(node, equals: "NULL")
  }

  // MARK: Collections

  /// Number of items of a sequence, of key/value pairs of a mapping, 0 otherwise.
  public func count(_ node: YAMLNodeID) -> Int {
    let r = nodes[Int(node.index)]
    switch r.kind {
    case .sequence: return r.count
    case .mapping: return r.fullPairs ? r.count / 2 : r.count
    default: return 0
    }
  }

  /// The `i`-th item of a sequence.
  public func item(_ node: YAMLNodeID, _ i: Int) -> YAMLNodeID {
    YAMLNodeID(Int(children[Int(nodes[Int(node.index)].a) + i]))
  }

  /// The key of the `i`-th pair of a mapping.
  public func key(_ node: YAMLNodeID, _ i: Int) -> YAMLNodeID {
    let r = nodes[Int(node.index)]
    return YAMLNodeID(Int(children[Int(r.a) + (r.fullPairs ? 2 * i : i)]))
  }

  /// The value of the `i`-th pair of a mapping.
  public func value(_ node: YAMLNodeID, _ i: Int) -> YAMLNodeID {
    let r = nodes[Int(node.index)]
    if r.fullPairs { return YAMLNodeID(Int(children[Int(r.a) + 2 * i + 1])) }
    return YAMLNodeID(Int(children[Int(r.a) + i]) + 1)
  }

  /// The items of a sequence (empty for other kinds).
  public func items(_ node: YAMLNodeID) -> [YAMLNodeID] {
    kind(node) == .sequence ? (0..<count(node)).map { item(node, $0) } : []
  }

  /// The value of the first pair whose scalar key is `key`, if any (following no aliases).
  public func value(_ mapping: YAMLNodeID, forKey key: StaticString) -> YAMLNodeID? {
    guard kind(mapping) == .mapping else { return nil }
    for i in 0..<count(mapping) where scalar(self.key(mapping, i), equals: key) {
      return value(mapping, i)
    }
    return nil
  }
}

@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
  var i = 0
  while i < n {
    if a[i] != b[i] { return false }
    i += 1
  }
  return true
}
