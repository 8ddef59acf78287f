/// Indexing, membership and size of lists, maps, strings and bytes.
enum Collections {
  static func index(_ c: CELValue, _ i: CELValue) -> CELValue {
    switch c {
    case .list(let items):
      let k: Int64
      switch i {
      case .int(let v): k = v
      case .uint(let v): k = v > UInt64(Int64.max) ? -1 : Int64(v)
      case .double(let d):
        guard let v = Int64(exactly: d) else { return .error(CELError("invalid list index \(d)")) }
        k = v
      case .error: return i
      default: return noSuchOverload("_[_]", [c, i])
      }
      guard k >= 0, k < items.count else {
        return .error(CELError("index out of range: \(k) (size \(items.count))"))
      }
      return items[Int(k)]
    case .map(let m):
      if i.isError { return i }
      if let v = m.lookup(i) { return v }
      switch i {
      case .int, .uint, .double, .bool, .string: return .error(CELError("no such key: \(Format.display(i))"))
      default: return noSuchOverload("_[_]", [c, i])
      }
    case .error, .unknown: return passOn([c, i])!
    default: return noSuchOverload("_[_]", [c, i])
    }
  }

  static func contains(_ element: CELValue, _ c: CELValue) -> CELValue {
    switch c {
    case .list(let items):
      if element.isErrorOrUnknown { return passOn([element, c])! }
      for item in items where Equality.equals(item, element) { return .bool(true) }
      // Not found among the known elements: an unknown one may still be it.
      return unknownElements(items) ?? .bool(false)
    case .map(let m):
      if element.isErrorOrUnknown { return passOn([element, c])! }
      return .bool(m.lookup(element) != nil)
    case .error, .unknown: return passOn([element, c])!
    default: return noSuchOverload("@in", [element, c])
    }
  }

  static func size(_ v: CELValue) -> CELValue {
    switch v {
    case .string(let s): return .int(Int64(s.unicodeScalars.count))
    case .bytes(let b): return .int(Int64(b.count))
    case .list(let l): return .int(Int64(l.count))
    case .map(let m): return .int(Int64(m.count))
    default: return noSuchOverload("size", [v])
    }
  }
}
