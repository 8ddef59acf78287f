/// A CEL run-time value. Copies are cheap (arrays and strings are copy-on-write, objects are references).
/// Errors are values too: they flow through evaluation (so `&&`/`||` can absorb them) and surface at the end.
/// So are unknowns (facts the host does not know): `unknown || true` is true, `unknown && false` is false, and
/// every other use of an unknown is unknown, with the causes of all the unknowns involved (see `CELUnknown`).
public enum CELValue: Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case uint(UInt64)
  case double(Double)
  case string(String)
  case bytes([UInt8])
  case timestamp(CELTimestamp)
  case duration(CELDuration)
  case list([CELValue])
  case map(CELMap)
  case object(any CELObject)
  case type(CELType)
  case error(CELError)
  /// A value the host does not know; it can stand for any type, so the checker never sees it.
  case unknown(CELUnknown)

  /// The run-time type of this value (unparameterized for lists and maps).
  public var celType: CELType {
    switch self {
    case .null: return .null
    case .bool: return .bool
    case .int: return .int
    case .uint: return .uint
    case .double: return .double
    case .string: return .string
    case .bytes: return .bytes
    case .timestamp: return .timestamp
    case .duration: return .duration
    case .list: return .list(.dyn)
    case .map: return .map(.dyn, .dyn)
    case .object(let o): return .object(o.celType.name)
    case .type: return .type
    case .error: return .error
    case .unknown: return .dyn
    }
  }

  var isError: Bool {
    if case .error = self { return true }
    return false
  }

  /// True for an unknown value.
  public var isUnknown: Bool {
    if case .unknown = self { return true }
    return false
  }

  /// True for the values a function passes on instead of computing with: errors and unknowns.
  @inline(__always)
  var isErrorOrUnknown: Bool {
    switch self {
    case .error, .unknown: return true
    default: return false
    }
  }
}

/// An unknown value's causes: why the host could not know it (`"account/333333333333 root.password: iam
/// get-login-profile: AccessDenied"`), deduplicated, in the order first seen. Merging is linear in the causes added.
///
/// One reference (copy-on-write), so that `CELValue` copies cost what they cost without unknowns.
public struct CELUnknown: Sendable, Hashable {
  private final class Storage: @unchecked Sendable {
    var causes: [String] = []
    var seen: Set<String> = []

    func add(_ cause: String) {
      if seen.insert(cause).inserted { causes.append(cause) }
    }
  }

  /// Mutated only when uniquely referenced (see `merge`).
  private var storage = Storage()

  public init(cause: String) { storage.add(cause) }

  public init(causes: [String]) { for c in causes { storage.add(c) } }

  /// The causes, each once, in the order first seen.
  public var causes: [String] { storage.causes }

  /// Adds the causes of `other` that are new.
  public mutating func merge(_ other: CELUnknown) {
    if other.storage === storage { return }
    if !isKnownUniquelyReferenced(&storage) {
      let copy = Storage()
      copy.causes = storage.causes
      copy.seen = storage.seen
      storage = copy
    }
    for c in other.storage.causes { storage.add(c) }
  }

  public static func == (a: CELUnknown, b: CELUnknown) -> Bool { a.causes == b.causes }
  public func hash(into h: inout Hasher) { h.combine(causes) }
}

/// An evaluation error: `1 / 0`, `no such key`, overflow, a type mismatch behind `dyn`, a cost limit...
public struct CELError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// A map key: CEL maps are keyed by int, uint, bool or string.
public enum CELMapKey: Hashable, Sendable {
  case bool(Bool)
  case int(Int64)
  case uint(UInt64)
  case string(String)

  /// The key for a value, or nil when the value cannot be a key.
  init?(_ v: CELValue) {
    switch v {
    case .bool(let b): self = .bool(b)
    case .int(let i): self = .int(i)
    case .uint(let u): self = .uint(u)
    case .string(let s): self = .string(s)
    default: return nil
    }
  }

  /// Keys compare by code points (Swift's `String ==` would also equate canonically equivalent strings).
  public static func == (a: CELMapKey, b: CELMapKey) -> Bool {
    switch (a, b) {
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.uint(let x), .uint(let y)): return x == y
    case (.string(let x), .string(let y)): return FastPaths.sameCodePoints(x, y)
    default: return false
    }
  }

  public func hash(into h: inout Hasher) {
    switch self {
    case .bool(let b):
      h.combine(0)
      h.combine(b)
    case .int(let i):
      h.combine(1)
      h.combine(i)
    case .uint(let u):
      h.combine(2)
      h.combine(u)
    case .string(let s):
      h.combine(3)
      for byte in s.utf8 { h.combine(byte) }
    }
  }

  var value: CELValue {
    switch self {
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .uint(let u): return .uint(u)
    case .string(let s): return .string(s)
    }
  }
}

/// A CEL map: insertion-ordered (for deterministic iteration), with numeric keys looked up across int, uint and
/// whole doubles (`{1: 'a'}[1u]`).
public struct CELMap: Sendable {
  public private(set) var keys: [CELMapKey] = []
  private var storage: [CELMapKey: CELValue] = [:]

  public init() {}

  public var count: Int { keys.count }

  /// Inserts a new entry; false (and nothing changes) when an equal key is already present.
  @discardableResult
  public mutating func insert(_ key: CELMapKey, _ value: CELValue) -> Bool {
    if self[key] != nil { return false }
    keys.append(key)
    storage[key] = value
    return true
  }

  public subscript(key: CELMapKey) -> CELValue? {
    if let v = storage[key] { return v }
    switch key {
    case .int(let i) where i >= 0: return storage[.uint(UInt64(i))]
    case .uint(let u) where u <= UInt64(Int64.max): return storage[.int(Int64(u))]
    default: return nil
    }
  }

  /// Looks up any value, including doubles equal to a whole number.
  func lookup(_ v: CELValue) -> CELValue? {
    if let k = CELMapKey(v) { return self[k] }
    if case .double(let d) = v {
      if let i = Int64(exactly: d) { return self[.int(i)] }
      if let u = UInt64(exactly: d) { return self[.uint(u)] }
    }
    return nil
  }
}
