/// String functions: contains, startsWith, endsWith and the strings extension (lowerAscii, upperAscii, trim, split,
/// join, replace, indexOf, lastIndexOf, substring, charAt). Indices count Unicode code points.
enum StringFunctions {
  static func contains(_ s: CELValue, _ t: CELValue) -> CELValue {
    guard case .string(let a) = s, case .string(let b) = t else { return noSuchOverload("contains", [s, t]) }
    return .bool(find(Array(a.unicodeScalars), Array(b.unicodeScalars), from: 0) != nil)
  }

  static func startsWith(_ s: CELValue, _ t: CELValue) -> CELValue {
    guard case .string(let a) = s, case .string(let b) = t else { return noSuchOverload("startsWith", [s, t]) }
    return .bool(a.utf8.starts(with: b.utf8))
  }

  static func endsWith(_ s: CELValue, _ t: CELValue) -> CELValue {
    guard case .string(let a) = s, case .string(let b) = t else { return noSuchOverload("endsWith", [s, t]) }
    return .bool(a.utf8.reversed().starts(with: b.utf8.reversed()))
  }

  /// First index of `needle` in `hay` at or after `from`, in O(hay + needle) time (Knuth–Morris–Pratt), so no
  /// pair of strings can make a search quadratic.
  static func find(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar], from: Int) -> Int? {
    let m = needle.count
    if m == 0 { return from <= hay.count ? from : nil }
    guard from >= 0, hay.count - from >= m else { return nil }
    var border = [Int](repeating: 0, count: m)
    var k = 0
    for i in 1..<m {
      while k > 0, needle[i] != needle[k] { k = border[k - 1] }
      if needle[i] == needle[k] { k += 1 }
      border[i] = k
    }
    k = 0
    for i in from..<hay.count {
      while k > 0, hay[i] != needle[k] { k = border[k - 1] }
      if hay[i] == needle[k] { k += 1 }
      if k == m { return i - m + 1 }
    }
    return nil
  }

  /// Last index `i <= bound` where `needle` occurs in `hay` (a forward search over the reversed strings).
  static func findLast(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar], atOrBefore bound: Int) -> Int? {
    let n = hay.count
    let m = needle.count
    guard m <= n else { return nil }
    let start = min(bound, n - m)
    if start < 0 { return nil }
    guard let j = find(Array(hay.reversed()), Array(needle.reversed()), from: n - start - m) else { return nil }
    return n - j - m
  }

  static func mapASCII(_ v: CELValue, upper: Bool) -> CELValue {
    guard case .string(let s) = v else { return noSuchOverload(upper ? "upperAscii" : "lowerAscii", [v]) }
    let bytes = s.utf8.map { b -> UInt8 in
      if upper, b >= 97, b <= 122 { return b - 32 }
      if !upper, b >= 65, b <= 90 { return b + 32 }
      return b
    }
    return .string(String(decoding: bytes, as: UTF8.self))
  }

  static func trim(_ v: CELValue) -> CELValue {
    guard case .string(let s) = v else { return noSuchOverload("trim", [v]) }
    let u = Array(s.unicodeScalars)
    var a = 0
    var b = u.count
    while a < b, u[a].properties.isWhitespace { a += 1 }
    while b > a, u[b - 1].properties.isWhitespace { b -= 1 }
    return .string(string(u[a..<b]))
  }

  static func string<S: Sequence>(_ s: S) -> String where S.Element == Unicode.Scalar {
    var out = String.UnicodeScalarView()
    out.append(contentsOf: s)
    return String(out)
  }

  static func int(_ v: CELValue) -> Int? {
    if case .int(let i) = v { return Int(i) }
    return nil
  }

  static func split(_ args: [CELValue]) -> CELValue {
    guard case .string(let s) = args[0], case .string(let sep) = args[1] else { return noSuchOverload("split", args) }
    let limit = args.count > 2 ? int(args[2]) ?? -2 : -1
    if limit == -2 { return noSuchOverload("split", args) }
    if limit == 0 { return .list([]) }
    let u = Array(s.unicodeScalars)
    let p = Array(sep.unicodeScalars)
    var parts: [CELValue] = []
    if p.isEmpty {
      for (k, c) in u.enumerated() {
        if limit > 0, parts.count == limit - 1 {
          parts.append(.string(string(u[k...])))
          return .list(parts)
        }
        parts.append(.string(String(c)))
      }
      return .list(parts)
    }
    var start = 0
    while limit < 0 || parts.count < limit - 1, let i = find(u, p, from: start) {
      parts.append(.string(string(u[start..<i])))
      start = i + p.count
    }
    parts.append(.string(string(u[start...])))
    return .list(parts)
  }

  static func join(_ args: [CELValue]) -> CELValue {
    guard case .list(let items) = args[0] else { return noSuchOverload("join", args) }
    if let unknown = unknownElements(items) { return unknown }
    var sep = ""
    if args.count > 1 {
      guard case .string(let s) = args[1] else { return noSuchOverload("join", args) }
      sep = s
    }
    var out = ""
    for (k, item) in items.enumerated() {
      guard case .string(let s) = item else { return .error(CELError("join() needs a list of strings")) }
      if k > 0 { out += sep }
      out += s
      if out.utf8.count > Arithmetic.maxSize { return Arithmetic.tooLarge() }
    }
    return .string(out)
  }

  static func replace(_ args: [CELValue]) -> CELValue {
    guard case .string(let s) = args[0], case .string(let old) = args[1], case .string(let new) = args[2] else {
      return noSuchOverload("replace", args)
    }
    var limit = -1
    if args.count > 3 {
      guard let n = int(args[3]) else { return noSuchOverload("replace", args) }
      limit = n
    }
    let u = Array(s.unicodeScalars)
    let o = Array(old.unicodeScalars)
    let n = Array(new.unicodeScalars)
    var out: [Unicode.Scalar] = []
    var start = 0
    var count = 0
    while limit < 0 || count < limit {
      if out.count > Arithmetic.maxSize { return Arithmetic.tooLarge() }
      if o.isEmpty {
        // Like Go: an empty pattern matches before each code point and at the end.
        out.append(contentsOf: n)
        count += 1
        if start >= u.count {
          start = u.count + 1
          break
        }
        out.append(u[start])
        start += 1
        continue
      }
      guard let i = find(u, o, from: start) else { break }
      out.append(contentsOf: u[start..<i])
      out.append(contentsOf: n)
      start = i + o.count
      count += 1
    }
    if start < u.count { out.append(contentsOf: u[start...]) }
    if out.count > Arithmetic.maxSize { return Arithmetic.tooLarge() }
    return .string(string(out))
  }

  static func indexOf(_ args: [CELValue], last: Bool) -> CELValue {
    let name = last ? "lastIndexOf" : "indexOf"
    guard case .string(let s) = args[0], case .string(let t) = args[1] else { return noSuchOverload(name, args) }
    let u = Array(s.unicodeScalars)
    let p = Array(t.unicodeScalars)
    var bound = last ? u.count : 0
    if args.count > 2 {
      guard let b = int(args[2]) else { return noSuchOverload(name, args) }
      guard b >= 0, b <= u.count else { return .error(CELError("\(name) index out of range: \(b)")) }
      bound = b
    }
    if !last { return .int(Int64(find(u, p, from: bound) ?? -1)) }
    return .int(Int64(findLast(u, p, atOrBefore: bound) ?? -1))
  }

  static func substring(_ args: [CELValue]) -> CELValue {
    guard case .string(let s) = args[0], let a = int(args[1]) else { return noSuchOverload("substring", args) }
    let u = Array(s.unicodeScalars)
    var b = u.count
    if args.count > 2 {
      guard let e = int(args[2]) else { return noSuchOverload("substring", args) }
      b = e
    }
    guard a >= 0, a <= u.count, b >= a, b <= u.count else {
      return .error(CELError("substring index out of range: [\(a):\(b)] of size \(u.count)"))
    }
    return .string(string(u[a..<b]))
  }

  static func charAt(_ s: CELValue, _ i: CELValue) -> CELValue {
    guard case .string(let str) = s, let k = int(i) else { return noSuchOverload("charAt", [s, i]) }
    let u = Array(str.unicodeScalars)
    guard k >= 0, k <= u.count else { return .error(CELError("charAt index out of range: \(k)")) }
    return .string(k == u.count ? "" : String(u[k]))
  }
}
