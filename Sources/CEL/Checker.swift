import Diagnostics

/// Type-checks a parsed expression against a `CELEnvironment` and resolves it into a `Node` tree: identifiers to
/// slots, host fields to indices, calls to functions. Errors are collected with their offsets; `dyn` defers checks
/// to run time.
struct Checker {
  let env: CELEnvironment
  var errors: [CELCompileError] = []
  /// Comprehension variables in scope, innermost last.
  private var locals: [(name: String, slot: Int, type: CELType)] = []
  private(set) var maxSlot: Int
  /// When false (conformance `disable_check`), calls no overload accepts are left to fail at run time.
  var checkOverloads = true

  init(env: CELEnvironment) {
    self.env = env
    maxSlot = env.variables.count
  }

  private mutating func fail(_ message: String, _ at: Int) -> (Node, CELType) {
    errors.append(CELCompileError(message, at: at))
    return (.constant(.null), .error)
  }

  /// Type names usable as values (`type(x) == int`).
  static let typeNames: [String: CELType] = [
    "int": .int, "uint": .uint, "double": .double, "bool": .bool, "string": .string, "bytes": .bytes,
    "null_type": .null, "type": .type, "list": .list(.dyn), "map": .map(.dyn, .dyn), "dyn": .dyn,
    "google.protobuf.Timestamp": .timestamp, "google.protobuf.Duration": .duration,
  ]

  mutating func check(_ e: Expr) -> (Node, CELType) {
    switch e.kind {
    case .literal(let v):
      return (.constant(v), v.celType == .list(.dyn) ? .list(.dyn) : v.celType)
    case .ident(let name):
      return resolve(name, at: e.offset) ?? unknownIdent(name, at: e.offset)
    case .select(let operand, let field, let presence):
      if !presence, let q = qualifiedName(e), let r = resolveQualified(q, at: e.offset) { return r }
      return select(operand, field, presence: presence, at: e.offset)
    case .call(let name, let target, let args):
      return call(name, target: target, args: args, at: e.offset)
    case .list(let items):
      var nodes: [Node] = []
      var elem: CELType?
      for item in items {
        let (n, t) = check(item)
        nodes.append(n)
        elem = elem.map { join($0, t) } ?? t
      }
      return (.list(nodes), .list(elem ?? .dyn))
    case .map(let entries):
      var nodes: [(Node, Node)] = []
      var kt: CELType?
      var vt: CELType?
      for entry in entries {
        let (k, ktype) = check(entry.key)
        switch ktype {
        case .int, .uint, .bool, .string, .dyn, .error: break
        default: _ = fail("unsupported map key type '\(ktype)'", entry.key.offset)
        }
        let (v, vtype) = check(entry.value)
        nodes.append((k, v))
        kt = kt.map { join($0, ktype) } ?? ktype
        vt = vt.map { join($0, vtype) } ?? vtype
      }
      return (.map(nodes, offset: e.offset), .map(kt ?? .dyn, vt ?? .dyn))
    case .comprehension(let kind, let range, let variable, let body, let filter):
      return comprehension(kind, range: range, variable: variable, body: body, filter: filter, at: e.offset)
    }
  }

  // MARK: names

  private func resolve(_ name: String, at: Int) -> (Node, CELType)? {
    if let l = locals.last(where: { $0.name == name }) { return (.slot(l.slot), l.type) }
    return resolveQualified(name, at: at)
  }

  private func resolveQualified(_ name: String, at: Int) -> (Node, CELType)? {
    if let slot = env.variableSlots[name] { return (.slot(slot), env.variables[slot].type) }
    if let t = Checker.typeNames[name] { return (.constant(.type(t)), .type) }
    if env.objectTypes[name] != nil { return (.constant(.type(.object(name))), .type) }
    return nil
  }

  /// `a.b.c` as one dotted name, when the head is not a comprehension variable.
  private func qualifiedName(_ e: Expr) -> String? {
    switch e.kind {
    case .ident(let n): return locals.contains(where: { $0.name == n }) ? nil : n
    case .select(let o, let f, false): return qualifiedName(o).map { "\($0).\(f)" }
    default: return nil
    }
  }

  private mutating func unknownIdent(_ name: String, at: Int) -> (Node, CELType) {
    if !checkOverloads { return (.constant(.error(CELError("undeclared reference to '\(name)'"))), .dyn) }
    let candidates = locals.map(\.name) + env.variables.map(\.name)
    return fail("undeclared reference to '\(name)'\(DidYouMean.hint(for: name, among: candidates))", at)
  }

  private mutating func select(_ operand: Expr, _ field: String, presence: Bool, at: Int) -> (Node, CELType) {
    let (o, t) = check(operand)
    switch t {
    case .object(let typeName):
      guard let type = env.objectTypes[typeName] else { return fail("undeclared type '\(typeName)'", at) }
      guard let index = type.fieldIndex[field] else {
        let hint = DidYouMean.hint(for: field, among: type.fields.map(\.name))
        return fail("undefined field '\(field)' on type '\(typeName)'\(hint)", at)
      }
      let node = Node.field(o, index: index, type: type, name: field, presence: presence)
      return (node, presence ? .bool : type.fields[index].type)
    case .map(let k, let v):
      if !isAssignable(.string, to: k) { return fail("map key type '\(k)' cannot be selected by a name", at) }
      return (.select(o, name: field, presence: presence), presence ? .bool : v)
    case .dyn, .error:
      return (.select(o, name: field, presence: presence), presence ? .bool : .dyn)
    default:
      if !checkOverloads { return (.select(o, name: field, presence: presence), .dyn) }
      return fail("type '\(t)' has no fields (selecting '\(field)')", at)
    }
  }

  // MARK: macros

  private mutating func comprehension(
    _ kind: MacroKind, range: Expr, variable: String, body: Expr, filter: Expr?, at: Int
  ) -> (Node, CELType) {
    let (r, rt) = check(range)
    let elem: CELType
    switch rt {
    case .list(let e): elem = e
    case .map(let k, _): elem = k
    case .dyn, .error: elem = .dyn
    default:
      if checkOverloads { return fail("\(kind.rawValue)() needs a list or a map, not '\(rt)'", range.offset) }
      elem = .dyn
    }
    let slot = env.variables.count + locals.count
    maxSlot = max(maxSlot, slot + 1)
    locals.append((variable, slot, elem))
    defer { locals.removeLast() }
    var f: Node?
    if let filter {
      let (fn, ft) = check(filter)
      requireBool(ft, filter.offset, "the filter of map()")
      f = fn
    }
    let (b, bt) = check(body)
    switch kind {
    case .map:
      return (.comprehension(kind, range: r, slot: slot, body: b, filter: f), .list(bt))
    case .filter:
      requireBool(bt, body.offset, "the predicate of filter()")
      return (.comprehension(kind, range: r, slot: slot, body: b, filter: nil), .list(elem))
    case .all, .exists, .existsOne:
      requireBool(bt, body.offset, "the predicate of \(kind.rawValue)()")
      return (.comprehension(kind, range: r, slot: slot, body: b, filter: nil), .bool)
    }
  }

  private mutating func requireBool(_ t: CELType, _ at: Int, _ what: String) {
    if checkOverloads, !isAssignable(t, to: .bool) {
      errors.append(CELCompileError("\(what) must be a bool, not '\(t)'", at: at))
    }
  }

  // MARK: calls

  private mutating func call(_ name: String, target: Expr?, args: [Expr], at: Int) -> (Node, CELType) {
    var all = args
    if let target { all.insert(target, at: 0) }
    let checked = all.map { check($0) }
    let nodes = checked.map(\.0)
    let types = checked.map(\.1)
    if types.contains(.error) { return (.constant(.null), .error) }
    switch name {
    case "_&&_", "_||_":
      for (k, t) in types.enumerated() {
        requireBool(t, all[k].offset, "an operand of '\(name == "_&&_" ? "&&" : "||")'")
      }
      return (name == "_&&_" ? .and(nodes[0], nodes[1]) : .or(nodes[0], nodes[1]), .bool)
    case "_?_:_":
      requireBool(types[0], all[0].offset, "the condition of '?:'")
      return (.conditional(nodes[0], nodes[1], nodes[2]), join(types[1], types[2]))
    default:
      break
    }
    guard let fn = Stdlib.functions[name] else {
      if !checkOverloads { return (.constant(.error(CELError("unbound function '\(name)'"))), .dyn) }
      let hint = DidYouMean.hint(for: name, among: Stdlib.functions.keys.filter { $0.first != "_" && $0.first != "@" })
      return fail("undeclared reference to function '\(name)'\(hint)", at)
    }
    guard let result = Overloads.resultType(name, receiver: target != nil, types) else {
      if !checkOverloads { return (.call(fn, nodes), .dyn) }
      let shown = types.map(\.description).joined(separator: ", ")
      let op = Overloads.display(name)
      return fail("no matching overload for \(op) applied to (\(shown))", at)
    }
    if name == "matches", let pattern = all.last, case .literal(.string(let p)) = pattern.kind {
      do {
        _ = try RE2Regex(p)
      } catch {
        let why = (error as? RE2Error)?.message ?? "\(error)"
        return fail("invalid regular expression: \(why)", pattern.offset)
      }
    }
    return (.call(fn, nodes), result)
  }
}

/// Whether a value of type `a` may be used where `b` is expected.
func isAssignable(_ a: CELType, to b: CELType) -> Bool {
  if a == b || a.isDynOrError || b.isDynOrError { return true }
  if a == .null { return b.isNullable }
  switch (a, b) {
  case (.list(let x), .list(let y)): return isAssignable(x, to: y)
  case (.map(let k1, let v1), .map(let k2, let v2)): return isAssignable(k1, to: k2) && isAssignable(v1, to: v2)
  default: return false
  }
}

/// The common type of two branches or elements: equal types stay, null joins a nullable type, else `dyn`.
func join(_ a: CELType, _ b: CELType) -> CELType {
  if a == b { return a }
  if a == .error || b == .error { return .error }
  if a == .null, b.isNullable { return b }
  if b == .null, a.isNullable { return a }
  switch (a, b) {
  case (.list(let x), .list(let y)): return .list(join(x, y))
  case (.map(let k1, let v1), .map(let k2, let v2)): return .map(join(k1, k2), join(v1, v2))
  default: return .dyn
  }
}
