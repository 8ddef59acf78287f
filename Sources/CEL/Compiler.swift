/// Turns a checked `Node` tree into nested closures, folding calls whose arguments are all constants.
enum Compiler {
  typealias Code = CELProgram.Code

  static func compile(_ node: Node) -> Code { build(node).code }

  private static func constant(_ v: CELValue) -> (code: Code, value: CELValue?) { ({ _ in v }, v) }

  private static func build(_ node: Node) -> (code: Code, value: CELValue?) {
    switch node {
    case .constant(let v):
      return constant(v)
    case .slot(let k):
      return ({ f in f.slots[k] }, nil)
    case .field(let o, let index, let type, let name, let presence):
      return (field(build(o).code, index: index, type: type, name: name, presence: presence), nil)
    case .select(let o, let name, let presence):
      let operand = build(o).code
      return ({ f in Select.byName(operand(f), name, presence: presence) }, nil)
    case .call(let fn, let args):
      return call(fn, args.map(build))
    case .and(let a, let b):
      let (l, r) = (build(a).code, build(b).code)
      return ({ f in Logic.and(l(f), r, f) }, nil)
    case .or(let a, let b):
      let (l, r) = (build(a).code, build(b).code)
      return ({ f in Logic.or(l(f), r, f) }, nil)
    case .conditional(let c, let a, let b):
      let (cc, ac, bc) = (build(c).code, build(a).code, build(b).code)
      return ({ f in
        switch cc(f) {
        case .bool(true): return ac(f)
        case .bool(false): return bc(f)
        case .error(let e): return .error(e)
        case let v: return noSuchOverload("_?_:_", [v])
        }
      }, nil)
    case .list(let items):
      let codes = items.map { build($0).code }
      return ({ f in
        var out: [CELValue] = []
        out.reserveCapacity(codes.count)
        for c in codes {
          let v = c(f)
          if v.isError { return v }
          out.append(v)
        }
        return .list(out)
      }, nil)
    case .map(let entries, _):
      let codes = entries.map { (build($0.0).code, build($0.1).code) }
      return ({ f in Select.mapLiteral(codes, f) }, nil)
    case .comprehension(let kind, let range, let slot, let body, let filter):
      return (Comprehension.compile(kind, range: build(range).code, slot: slot, body: build(body).code,
        filter: filter.map { build($0).code }), nil)
    }
  }

  private static func field(_ o: @escaping Code, index: Int, type: CELObjectType, name: String, presence: Bool) -> Code {
    let fallback = type.defaults[index]
    if presence {
      return { f in
        let v = o(f)
        if case .object(let obj) = v, obj.celType === type { return .bool(obj.field(at: index) != nil) }
        return Select.byName(v, name, presence: true)
      }
    }
    return { f in
      let v = o(f)
      if case .object(let obj) = v, obj.celType === type { return obj.field(at: index) ?? fallback }
      return Select.byName(v, name, presence: false)
    }
  }

  private static func call(_ fn: Function, _ args: [(code: Code, value: CELValue?)]) -> (code: Code, value: CELValue?) {
    let codes = args.map(\.code)
    let code: Code
    if fn.name == "matches", args.count == 2, args[0].value == nil, case .string(let p)? = args[1].value,
      case .success(let regex) = Matches.regex(p)
    {
      let (text, match) = (codes[0], Matches.constant(regex))
      code = { f in match(text(f)) }
    } else if args.count == 1, let one = fn.one {
      let a = codes[0]
      code = { f in one(a(f)) }
    } else if args.count == 2, let two = fn.two {
      let (a, b) = (codes[0], codes[1])
      code = { f in two(a(f), b(f)) }
    } else if let many = fn.many {
      code = { f in
        var values: [CELValue] = []
        values.reserveCapacity(codes.count)
        for c in codes {
          let v = c(f)
          if v.isError { return v }
          values.append(v)
        }
        return many(values)
      }
    } else {
      let name = fn.name
      code = { f in noSuchOverload(name, codes.map { $0(f) }) }
    }
    // Pure functions of constants are computed once, here.
    if args.allSatisfy({ $0.value != nil }) {
      let scratch = Frame(variables: [], slotCount: 0, costLimit: 0)
      return constant(code(scratch))
    }
    return (code, nil)
  }
}
