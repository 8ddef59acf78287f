#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(Musl)
  import Musl
#endif

/// Specialized closures for the hottest operators: the common operand kinds are handled inline (no generic
/// dispatch, no closure call for a constant operand), anything else falls back to the standard implementation.
enum FastPaths {
  typealias Code = CELProgram.Code

  /// Code-point equality of two strings without Unicode normalization (Swift's `==` is canonical equivalence).
  @inline(__always)
  static func sameCodePoints(_ a: String, _ b: String) -> Bool {
    let n = a.utf8.count
    guard n == b.utf8.count else { return false }
    if n == 0 { return true }
    if let r = a.utf8.withContiguousStorageIfAvailable({ pa in
      b.utf8.withContiguousStorageIfAvailable { pb in memcmp(pa.baseAddress!, pb.baseAddress!, n) == 0 }
    }), let r {
      return r
    }
    return a.utf8.elementsEqual(b.utf8)
  }

  static func specialize(
    _ name: String, _ a: @escaping Code, _ av: CELValue?, _ b: @escaping Code, _ bv: CELValue?,
    generic uncharged: @escaping Function.F2
  ) -> Code? {
    let generic: @Sendable (inout Frame, CELValue, CELValue) -> CELValue = { f, l, r in
      f.charge(operand: l) && f.charge(operand: r) ? uncharged(l, r) : f.costError
    }
    switch name {
    case "_==_", "_!=_":
      let negate = name == "_!=_"
      // `x == 'literal'` (either side): compare against the captured string.
      if case .string(let c)? = bv ?? av, (av == nil) != (bv == nil) {
        let operand = bv == nil ? b : a
        let constant = CELValue.string(c)
        return { f in
          let v = operand(&f)
          if case .string(let s) = v {
            if s.utf8.count >= 1024, !f.charge(operand: v) { return f.costError }
            return .bool(sameCodePoints(s, c) != negate)
          }
          return generic(&f, v, constant)
        }
      }
      return { f in
        let l = a(&f)
        let r = b(&f)
        switch (l, r) {
        case (.string(let x), .string(let y)):
          if x.utf8.count >= 1024, !f.charge(operand: l) { return f.costError }
          return .bool(sameCodePoints(x, y) != negate)
        case (.int(let x), .int(let y)): return .bool((x == y) != negate)
        case (.bool(let x), .bool(let y)): return .bool((x == y) != negate)
        default: return generic(&f, l, r)
        }
      }
    case "_<_", "_<=_", "_>_", "_>=_":
      let test: @Sendable (Int) -> Bool
      switch name {
      case "_<_": test = { $0 < 0 }
      case "_<=_": test = { $0 <= 0 }
      case "_>_": test = { $0 > 0 }
      default: test = { $0 >= 0 }
      }
      return { f in
        let l = a(&f)
        let r = b(&f)
        switch (l, r) {
        case (.int(let x), .int(let y)): return .bool(test(x < y ? -1 : (x == y ? 0 : 1)))
        case (.timestamp(let x), .timestamp(let y)): return .bool(test(x < y ? -1 : (x == y ? 0 : 1)))
        case (.duration(let x), .duration(let y)): return .bool(test(x < y ? -1 : (x == y ? 0 : 1)))
        default: return generic(&f, l, r)
        }
      }
    case "_-_":
      return { f in
        let l = a(&f)
        let r = b(&f)
        if case .timestamp(let x) = l, case .timestamp(let y) = r {
          return x.difference(y).map(CELValue.duration) ?? Arithmetic.rangeError
        }
        return generic(&f, l, r)
      }
    default:
      return nil
    }
  }
}
