/// The macros `all`, `exists`, `exists_one`, `map` and `filter`, iterating a list's elements or a map's keys.
/// Every element is charged to the frame's cost budget before the loop starts.
///
/// Unknowns: an unknown range gives that unknown; `exists` folds its predicates with `||` and `all` with `&&` (a
/// decisive result wins over unknowns and errors, then unknowns, merged, over errors); `exists_one`, `filter` and
/// `map` give the first unknown predicate (or `map` filter) result. Elements of `map`'s result may be unknown.
enum Comprehension {
  typealias Code = CELProgram.Code

  /// The elements to iterate (a map's keys), or the value to stop with (an error, an unknown range).
  struct Stop: Error {
    let value: CELValue
  }

  @inline(__always)
  private static func items(_ r: CELValue, _ name: String, _ f: inout Frame) -> Result<[CELValue], Stop> {
    let list: [CELValue]
    switch r {
    case .list(let l): list = l
    case .map(let m): list = m.keys.map(\.value)
    case .error, .unknown: return .failure(Stop(value: r))
    default: return .failure(Stop(value: noSuchOverload(name, [r])))
    }
    if !f.charge(list.count) { return .failure(Stop(value: f.costError)) }
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
        switch items(range(&f), name, &f) {
        case .success(let l): list = l
        case .failure(let stop): return stop.value
        }
        var error: CELValue?
        var unknown: CELUnknown?
        for item in list {
          f.slots[slot] = item
          switch body(&f) {
          case .bool(let b): if b == decisive { return .bool(decisive) }
          case .unknown(let u): if unknown == nil { unknown = u } else { unknown!.merge(u) }
          case .error(let e): if error == nil { error = .error(e) }
          case let v: if error == nil { error = noSuchOverload(name, [v]) }
          }
        }
        if let unknown { return .unknown(unknown) }
        return error ?? .bool(!decisive)
      }
    case .existsOne:
      return { f in
        let list: [CELValue]
        switch items(range(&f), name, &f) {
        case .success(let l): list = l
        case .failure(let stop): return stop.value
        }
        var count = 0
        for item in list {
          f.slots[slot] = item
          switch body(&f) {
          case .bool(let b): if b { count += 1 }
          case .error(let e): return .error(e)
          case .unknown(let u): return .unknown(u)
          case let v: return noSuchOverload(name, [v])
          }
        }
        return .bool(count == 1)
      }
    case .filter:
      return { f in
        let list: [CELValue]
        switch items(range(&f), name, &f) {
        case .success(let l): list = l
        case .failure(let stop): return stop.value
        }
        var out: [CELValue] = []
        out.reserveCapacity(list.count)  // one allocation; at most the range's size
        for item in list {
          f.slots[slot] = item
          switch body(&f) {
          case .bool(true): out.append(item)
          case .bool(false): continue
          case .error(let e): return .error(e)
          case .unknown(let u): return .unknown(u)
          case let v: return noSuchOverload(name, [v])
          }
        }
        return .list(out)
      }
    case .map:
      let keep = filter ?? { _ in .bool(true) }
      return { f in
        let list: [CELValue]
        switch items(range(&f), name, &f) {
        case .success(let l): list = l
        case .failure(let stop): return stop.value
        }
        var out: [CELValue] = []
        out.reserveCapacity(list.count)
        for item in list {
          f.slots[slot] = item
          switch keep(&f) {
          case .bool(true): break
          case .bool(false): continue
          case .error(let e): return .error(e)
          case .unknown(let u): return .unknown(u)
          case let v: return noSuchOverload(name, [v])
          }
          let v = body(&f)
          if v.isError { return v }
          out.append(v)
        }
        return .list(out)
      }
    }
  }
}
