/// The macros `all`, `exists`, `exists_one`, `map` and `filter`, iterating a list's elements or a map's keys.
/// Every element is charged to the frame's cost budget before the loop starts.
enum Comprehension {
  typealias Code = CELProgram.Code

  /// The elements to iterate (a map's keys), or an error value.
  @inline(__always)
  private static func items(_ r: CELValue, _ name: String, _ f: Frame) -> Result<[CELValue], CELError> {
    let list: [CELValue]
    switch r {
    case .list(let l): list = l
    case .map(let m): list = m.keys.map(\.value)
    case .error(let e): return .failure(e)
    default:
      if case .error(let e) = noSuchOverload(name, [r]) { return .failure(e) }
      return .failure(CELError("no such overload: \(name)"))
    }
    if !f.charge(list.count) { return .failure(CELError("evaluation cost limit exceeded (\(f.costLimit) steps)")) }
    return .success(list)
  }

  static func compile(_ kind: MacroKind, range: @escaping Code, slot: Int, body: @escaping Code, filter: Code?) -> Code
  {
    let name = kind.rawValue
    switch kind {
    case .all, .exists:
      let decisive = kind == .exists
      return { f in
        let list: [CELValue]
        switch items(range(f), name, f) {
        case .success(let l): list = l
        case .failure(let e): return .error(e)
        }
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
      }
    case .existsOne:
      return { f in
        let list: [CELValue]
        switch items(range(f), name, f) {
        case .success(let l): list = l
        case .failure(let e): return .error(e)
        }
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
      }
    case .filter:
      return { f in
        let list: [CELValue]
        switch items(range(f), name, f) {
        case .success(let l): list = l
        case .failure(let e): return .error(e)
        }
        var out: [CELValue] = []
        out.reserveCapacity(list.count)  // one allocation; at most the range's size
        for item in list {
          f.slots[slot] = item
          switch body(f) {
          case .bool(true): out.append(item)
          case .bool(false): continue
          case .error(let e): return .error(e)
          case let v: return noSuchOverload(name, [v])
          }
        }
        return .list(out)
      }
    case .map:
      let keep = filter ?? { _ in .bool(true) }
      return { f in
        let list: [CELValue]
        switch items(range(f), name, f) {
        case .success(let l): list = l
        case .failure(let e): return .error(e)
        }
        var out: [CELValue] = []
        out.reserveCapacity(list.count)
        for item in list {
          f.slots[slot] = item
          switch keep(f) {
          case .bool(true): break
          case .bool(false): continue
          case .error(let e): return .error(e)
          case let v: return noSuchOverload(name, [v])
          }
          let v = body(f)
          if v.isError { return v }
          out.append(v)
        }
        return .list(out)
      }
    }
  }
}
