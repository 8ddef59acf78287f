/// The macros `all`, `exists`, `exists_one`, `map` and `filter`, iterating a list's elements or a map's keys.
/// Every iteration is charged to the frame's cost budget.
enum Comprehension {
  typealias Code = CELProgram.Code

  @inline(__always)
  private static func items(_ v: CELValue) -> [CELValue]? {
    switch v {
    case .list(let l): return l
    case .map(let m): return m.keys.map(\.value)
    default: return nil
    }
  }

  static func compile(_ kind: MacroKind, range: @escaping Code, slot: Int, body: @escaping Code, filter: Code?) -> Code {
    let name = kind.rawValue
    return { f in
      let r = range(f)
      if r.isError { return r }
      guard let list = items(r) else { return noSuchOverload(name, [r]) }
      if !f.charge(list.count) { return f.costError }
      switch kind {
      case .all, .exists:
        let decisive = kind == .exists
        var error: CELValue?
        for item in list {
          f.slots[slot] = item
          switch body(f) {
          case .bool(let b): if b == decisive { return .bool(decisive) }
          case .error(let e): if error == nil { error = .error(e) }
          case let v: if error == nil { error = noSuchOverload(name, [v]) }
          }
        }
        return error ?? .bool(!decisive)
      case .existsOne:
        var count = 0
        for item in list {
          f.slots[slot] = item
          switch body(f) {
          case .bool(let b): if b { count += 1 }
          case .error(let e): return .error(e)
          case let v: return noSuchOverload(name, [v])
          }
        }
        return .bool(count == 1)
      case .map, .filter:
        var out: [CELValue] = []
        for item in list {
          f.slots[slot] = item
          let keep = kind == .filter ? body(f) : (filter?(f) ?? .bool(true))
          switch keep {
          case .bool(true): out.append(kind == .filter ? item : body(f))
          case .bool(false): continue
          case .error: return keep
          case let v: return noSuchOverload(name, [v])
          }
          if case .error = out.last { return out.last! }
        }
        return .list(out)
      }
    }
  }
}
