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
      return (field(o, index: index, type: type, name: name, presence: presence), nil)
    case .select(let o, let name, let presence):
      let operand = build(o).code
      return ({ f in Select.byName(operand(&f), name, presence: presence) }, nil)
    case .call(let fn, let args):
      return call(fn, args)
    case .and(let a, let b):
      let (l, r) = (build(a).code, build(b).code)
      return ({ f in Logic.and(l(&f), r, &f) }, nil)
    case .or(let a, let b):
      let (l, r) = (build(a).code, build(b).code)
      return ({ f in Logic.or(l(&f), r, &f) }, nil)
    case .conditional(let c, let a, let b):
      let (cc, ac, bc) = (build(c).code, build(a).code, build(b).code)
      return (
        { f in
          switch cc(&f) {
          case .bool(true): return ac(&f)
          case .bool(false): return bc(&f)
          case .error(let e): return .error(e)
          case .unknown(let u): return .unknown(u)
          case let v: return noSuchOverload("_?_:_", [v])
          }
        }, nil
      )
    case .list(let items):
      let codes = items.map { build($0).code }
      return (
        { f in
          var out: [CELValue] = []
          out.reserveCapacity(codes.count)
          for c in codes {
            let v = c(&f)
            if v.isError { return v }
            out.append(v)
          }
          return .list(out)
        }, nil
      )
    case .map(let entries, _):
      let codes = entries.map { (build($0.0).code, build($0.1).code) }
      return ({ f in Select.mapLiteral(codes, &f) }, nil)
    case .comprehension(let kind, let range, let slot, let body, let filter):
      var bodyCode = build(body).code
      if ElementMemo.worthIt(body, slot: slot) { bodyCode = ElementMemo.wrap(bodyCode, slot: slot) }
      return (
        Comprehension.compile(
          kind, range: build(range).code, slot: slot, body: bodyCode,
          filter: filter.map { build($0).code }), nil
      )
    }
  }

  /// Host field access by index. The checker guarantees the operand's static type, and hosts promise (see
  /// `CELObject`) that values of a declared object type are objects of that type, so no type test is needed here.
  private static func field(
    _ operand: Node, index: Int, type: CELObjectType, name: String, presence: Bool
  ) -> Code {
    let fallback = type.defaults[index]
    if case .slot(let k) = operand {
      // A variable's field (the common `t.task`): read the object in place, without copying the slot.
      if presence {
        return { f in
          if case .object(let obj) = f.slots[k] { return Select.presence(obj.field(at: index)) }
          return Select.byName(f.slots[k], name, presence: true)
        }
      }
      return { f in
        if case .object(let obj) = f.slots[k] { return obj.field(at: index) ?? fallback }
        return Select.byName(f.slots[k], name, presence: false)
      }
    }
    let o = build(operand).code
    if presence {
      return { f in
        let v = o(&f)
        if case .object(let obj) = v { return Select.presence(obj.field(at: index)) }
        return Select.byName(v, name, presence: true)
      }
    }
    return { f in
      let v = o(&f)
      if case .object(let obj) = v { return obj.field(at: index) ?? fallback }
      return Select.byName(v, name, presence: false)
    }
  }

  /// Functions that build fresh strings, bytes or lists: their results are charged to the cost budget by size, so
  /// that a comprehension cannot pile up gigabytes of copies (`big.map(x, s + s)`).
  static let growing: Set<String> = [
    "_+_", "join", "replace", "format", "split", "substring", "lowerAscii", "upperAscii", "trim", "string", "bytes",
  ]

  /// Charges a fresh value's size (a unit per element or per 16 bytes); the cost error once over budget.
  @inline(__always)
  static func chargeSize(_ v: CELValue, _ f: inout Frame) -> CELValue {
    let units: Int
    switch v {
    case .string(let s): units = s.utf8.count >> 4
    case .bytes(let b): units = b.count >> 4
    case .list(let l): units = l.count
    default: return v
    }
    return units == 0 || f.charge(units) ? v : f.costError
  }

  private static func call(_ fn: Function, _ nodes: [Node]) -> (code: Code, value: CELValue?) {
    let (code, value) = callUncharged(fn, nodes)
    guard value == nil, growing.contains(fn.name) else { return (code, value) }
    return ({ f in chargeSize(code(&f), &f) }, nil)
  }

  private static func callUncharged(_ fn: Function, _ nodes: [Node]) -> (code: Code, value: CELValue?) {
    // Unary and binary calls keep their operand closures out of arrays: closures stored in generic containers
    // are called through reabstraction thunks.
    if nodes.count == 1, let one = fn.one {
      let (a, av) = build(nodes[0])
      return folded(
        { f in
          let x = a(&f)
          return f.charge(operand: x) ? one(x) : f.costError
        }, constant: av != nil)
    }
    if nodes.count == 2, let two = fn.two {
      let (a, av) = build(nodes[0])
      let (b, bv) = build(nodes[1])
      let allConstant = av != nil && bv != nil
      if fn.name == "matches", av == nil, case .string(let p)? = bv, case .success(let regex) = Matches.regex(p) {
        let match = Matches.constant(regex)
        return (
          { f in
            let x = a(&f)
            return f.charge(operand: x) ? match(x) : f.costError
          }, nil
        )
      }
      if !allConstant, let fast = FastPaths.specialize(fn.name, a, av, b, bv, generic: two) { return (fast, nil) }
      return folded(
        { f in
          let x = a(&f)
          let y = b(&f)
          return f.charge(operand: x) && f.charge(operand: y) ? two(x, y) : f.costError
        }, constant: allConstant)
    }
    let args = nodes.map(build)
    let codes = args.map(\.code)
    let code: Code
    if let many = fn.many, fn.arity.contains(codes.count) {
      code = { f in
        var values: [CELValue] = []
        values.reserveCapacity(codes.count)
        for c in codes {
          let v = c(&f)
          if v.isErrorOrUnknown { return passOn(codes.map { $0(&f) })! }
          if !f.charge(operand: v) { return f.costError }
          values.append(v)
        }
        return many(values)
      }
    } else {
      let name = fn.name
      code = { f in noSuchOverload(name, codes.map { $0(&f) }) }
    }
    return folded(code, constant: args.allSatisfy { $0.value != nil })
  }

  /// Pure functions of constants are computed once, here.
  private static func folded(_ code: @escaping Code, constant: Bool) -> (code: Code, value: CELValue?) {
    guard constant else { return (code, nil) }
    return Compiler.constant(Frame.run(code, variables: [], slotCount: 0, costLimit: Int.max).value)
  }
}
