/// CEL equality and ordering, with numbers compared across int, uint and double by value.
enum Equality {
  /// `a == b`: values of different kinds are unequal, numbers compare by value, lists and maps deeply.
  static func equals(_ a: CELValue, _ b: CELValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.string(let x), .string(let y)): return FastPaths.sameCodePoints(x, y)  // code points, not canonical
    case (.bytes(let x), .bytes(let y)): return x == y
    case (.int, _), (.uint, _), (.double, _):
      return compareNumbers(a, b) == 0
    case (.timestamp(let x), .timestamp(let y)): return x == y
    case (.duration(let x), .duration(let y)): return x == y
    case (.list(let x), .list(let y)):
      guard x.count == y.count else { return false }
      for k in 0..<x.count where !equals(x[k], y[k]) { return false }
      return true
    case (.map(let x), .map(let y)):
      guard x.count == y.count else { return false }
      for key in x.keys {
        guard let other = y[key], equals(x[key]!, other) else { return false }
      }
      return true
    case (.object(let x), .object(let y)): return x === y
    case (.type(let x), .type(let y)): return x.runtimeName == y.runtimeName
    default: return false
    }
  }

  /// -1, 0 or 1 for two numbers; nil when either is not a number or a NaN is involved. Integers compare with
  /// doubles as doubles (as cel-go and the conformance suite do).
  static func compareNumbers(_ a: CELValue, _ b: CELValue) -> Int? {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.uint(let x), .uint(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.double(let x), .double(let y)):
      if x.isNaN || y.isNaN { return nil }
      return x < y ? -1 : (x == y ? 0 : 1)
    case (.int(let x), .uint(let y)):
      if x < 0 { return -1 }
      let u = UInt64(x)
      return u < y ? -1 : (u == y ? 0 : 1)
    case (.uint, .int): return compareNumbers(b, a).map { -$0 }
    case (.int(let x), .double(let y)): return compareNumbers(.double(Double(x)), .double(y))
    case (.double, .int): return compareNumbers(b, a).map { -$0 }
    case (.uint(let x), .double(let y)): return compareNumbers(.double(Double(x)), .double(y))
    case (.double, .uint): return compareNumbers(b, a).map { -$0 }
    default: return nil
    }
  }

  /// Ordering of two values: `.success(-1/0/1)`, `.success(nil)` when unordered (NaN), or a no-overload error.
  static func compare(_ a: CELValue, _ b: CELValue) -> Int?? {
    switch (a, b) {
    case (.int, _), (.uint, _), (.double, _):
      switch b {
      case .int, .uint, .double: return .some(compareNumbers(a, b))
      default: return nil
      }
    case (.string(let x), .string(let y)):
      // Code-point order: UTF-8 byte order is code-point order.
      return .some(x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : (x.utf8.elementsEqual(y.utf8) ? 0 : 1))
    case (.bytes(let x), .bytes(let y)): return .some(x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1))
    case (.bool(let x), .bool(let y)): return .some(x == y ? 0 : (!x ? -1 : 1))
    case (.timestamp(let x), .timestamp(let y)): return .some(x < y ? -1 : (x == y ? 0 : 1))
    case (.duration(let x), .duration(let y)): return .some(x < y ? -1 : (x == y ? 0 : 1))
    default: return nil
    }
  }
}
