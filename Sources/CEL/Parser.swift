/// Recursive-descent parser for the CEL grammar (cel-langdef "Syntax"), expanding macros as it goes.
/// Nesting is bounded by `maxDepth` so hostile input gets a located error instead of exhausting the stack.
struct Parser {
  static let maxDepth = 250
  private var tokens: [Token]
  private var p = 0
  private var depth = 0

  /// Parses a whole expression.
  static func parse(_ text: String) throws(CELCompileError) -> Expr {
    var lexer = Lexer(text)
    var parser = Parser(tokens: try lexer.tokenize())
    let e = try parser.expr()
    if case .end = parser.tok.kind {} else { throw parser.unexpected() }
    return e
  }

  private init(tokens: [Token]) { self.tokens = tokens }

  private var tok: Token { tokens[p] }

  private func isPunct(_ s: String) -> Bool {
    if case .punct(let q) = tok.kind { return q == s }
    return false
  }

  private mutating func accept(_ s: String) -> Bool {
    if isPunct(s) {
      p += 1
      return true
    }
    return false
  }

  private mutating func expect(_ s: String) throws(CELCompileError) {
    if !accept(s) { throw CELCompileError("expected '\(s)' but found \(describe(tok))", at: tok.offset) }
  }

  private func unexpected() -> CELCompileError {
    CELCompileError("unexpected \(describe(tok))", at: tok.offset)
  }

  private func describe(_ t: Token) -> String {
    switch t.kind {
    case .end: return "end of expression"
    case .punct(let s): return "'\(s)'"
    case .ident(let s): return "'\(s)'"
    default: return "literal"
    }
  }

  private mutating func enter() throws(CELCompileError) {
    depth += 1
    if depth > Parser.maxDepth {
      throw CELCompileError("expression nested too deeply (limit \(Parser.maxDepth))", at: tok.offset)
    }
  }

  private mutating func expr() throws(CELCompileError) -> Expr {
    try enter()
    defer { depth -= 1 }
    let cond = try binary(level: 0)
    guard isPunct("?") else { return cond }
    let at = tok.offset
    p += 1
    let a = try binary(level: 0)
    try expect(":")
    let b = try expr()
    return Expr(.call("_?_:_", target: nil, args: [cond, a, b]), at: at)
  }

  private static let levels: [[String]] = [
    ["||"], ["&&"], ["<", "<=", ">", ">=", "==", "!=", "in"], ["+", "-"], ["*", "/", "%"],
  ]

  private func binaryOp(level: Int) -> String? {
    switch tok.kind {
    case .punct(let s) where Parser.levels[level].contains(s): return s
    case .ident("in") where level == 2: return "in"
    default: return nil
    }
  }

  private mutating func binary(level: Int) throws(CELCompileError) -> Expr {
    if level == Parser.levels.count { return try unary() }
    var lhs = try binary(level: level + 1)
    var chain = 0  // a left-nested chain `a + b + c ...` deepens the tree without recursing here
    defer { depth -= chain }
    while let op = binaryOp(level: level) {
      let at = tok.offset
      p += 1
      try enter()
      chain += 1
      let rhs = try binary(level: level + 1)
      let name = op == "in" ? "@in" : "_\(op)_"
      lhs = Expr(.call(name, target: nil, args: [lhs, rhs]), at: at)
    }
    return lhs
  }

  private mutating func unary() throws(CELCompileError) -> Expr {
    let at = tok.offset
    if accept("!") {
      try enter()
      defer { depth -= 1 }
      return Expr(.call("!_", target: nil, args: [try unary()]), at: at)
    }
    if accept("-") {
      try enter()
      defer { depth -= 1 }
      // A negative numeric literal is one constant (so -9223372036854775808 is representable).
      switch tokens[p].kind {
      case .int(let v, unsigned: false):
        p += 1
        guard let v, v <= UInt64(Int64.max) + 1 else { throw CELCompileError("integer literal out of range", at: at) }
        let lit = Expr(.literal(.int(v == UInt64(Int64.max) + 1 ? Int64.min : -Int64(v))), at: at)
        return try member(lit)
      case .double(let d):
        p += 1
        return try member(Expr(.literal(.double(-d)), at: at))
      default:
        return Expr(.call("-_", target: nil, args: [try unary()]), at: at)
      }
    }
    return try member(try primary())
  }

  private mutating func member(_ start: Expr) throws(CELCompileError) -> Expr {
    var e = start
    var chain = 0
    defer { depth -= chain }
    while true {
      let at = tok.offset
      if isPunct(".") || isPunct("[") {
        try enter()
        chain += 1
      }
      if accept(".") {
        if case .quotedIdent(let name) = tok.kind {
          p += 1
          e = Expr(.select(e, field: name, presence: false), at: at)
          continue
        }
        guard case .ident(let name) = tok.kind else {
          throw CELCompileError("expected a field name after '.' but found \(describe(tok))", at: tok.offset)
        }
        let nameAt = tok.offset
        p += 1
        if accept("(") {
          let args = try exprList(close: ")")
          e = try receiverCall(name, target: e, args: args, at: nameAt)
        } else {
          e = Expr(.select(e, field: name, presence: false), at: at)
        }
      } else if accept("[") {
        try enter()
        let index = try expr()
        depth -= 1
        try expect("]")
        e = Expr(.call("_[_]", target: nil, args: [e, index]), at: at)
      } else {
        return e
      }
    }
  }

  private mutating func exprList(close: String) throws(CELCompileError) -> [Expr] {
    try enter()
    defer { depth -= 1 }
    var items: [Expr] = []
    if accept(close) { return items }
    repeat {
      if isPunct(close) { break }  // trailing comma
      items.append(try expr())
    } while accept(",")
    try expect(close)
    return items
  }

  private mutating func primary() throws(CELCompileError) -> Expr {
    let t = tok
    let at = t.offset
    switch t.kind {
    case .int(let v, let unsigned):
      p += 1
      if unsigned { return Expr(.literal(.uint(v!)), at: at) }
      guard let v, v <= UInt64(Int64.max) else { throw CELCompileError("integer literal out of range", at: at) }
      return Expr(.literal(.int(Int64(v))), at: at)
    case .double(let d):
      p += 1
      return Expr(.literal(.double(d)), at: at)
    case .string(let s):
      p += 1
      return Expr(.literal(.string(s)), at: at)
    case .bytes(let b):
      p += 1
      return Expr(.literal(.bytes(b)), at: at)
    case .ident(let name):
      p += 1
      switch name {
      case "true": return Expr(.literal(.bool(true)), at: at)
      case "false": return Expr(.literal(.bool(false)), at: at)
      case "null": return Expr(.literal(.null), at: at)
      case "in": throw CELCompileError("unexpected 'in'", at: at)
      default: break
      }
      if reservedWords.contains(name) { throw CELCompileError("reserved identifier '\(name)'", at: at) }
      if accept("(") { return try globalCall(name, args: try exprList(close: ")"), at: at) }
      if isPunct("{") { throw CELCompileError("message construction is not supported", at: tok.offset) }
      return Expr(.ident(name), at: at)
    case .punct("."):
      // A leading dot names the root scope: `.x` is the variable `x`.
      p += 1
      guard case .ident(let name) = tok.kind, !reservedWords.contains(name) else { throw unexpected() }
      p += 1
      if accept("(") { return try globalCall(name, args: try exprList(close: ")"), at: at) }
      return Expr(.ident(name), at: at)
    case .punct("("):
      p += 1
      let e = try expr()
      try expect(")")
      return e
    case .punct("["):
      p += 1
      return Expr(.list(try exprList(close: "]")), at: at)
    case .punct("{"):
      p += 1
      return try mapLiteral(at: at)
    default:
      throw unexpected()
    }
  }

  private mutating func mapLiteral(at: Int) throws(CELCompileError) -> Expr {
    try enter()
    defer { depth -= 1 }
    var entries: [(key: Expr, value: Expr)] = []
    if !accept("}") {
      repeat {
        if isPunct("}") { break }
        let k = try expr()
        try expect(":")
        let v = try expr()
        entries.append((k, v))
      } while accept(",")
      try expect("}")
    }
    return Expr(.map(entries), at: at)
  }

  private func globalCall(_ name: String, args: [Expr], at: Int) throws(CELCompileError) -> Expr {
    if name == "has" {
      guard args.count == 1, case .select(let operand, let field, _) = args[0].kind else {
        throw CELCompileError("has() requires a field selection, e.g. has(x.field)", at: at)
      }
      return Expr(.select(operand, field: field, presence: true), at: args[0].offset)
    }
    return Expr(.call(name, target: nil, args: args), at: at)
  }

  private func receiverCall(_ name: String, target: Expr, args: [Expr], at: Int) throws(CELCompileError) -> Expr {
    let macro: MacroKind?
    switch (name, args.count) {
    case ("all", 2): macro = .all
    case ("exists", 2): macro = .exists
    case ("exists_one", 2): macro = .existsOne
    case ("map", 2), ("map", 3): macro = .map
    case ("filter", 2): macro = .filter
    default: macro = nil
    }
    guard let macro else { return Expr(.call(name, target: target, args: args), at: at) }
    guard case .ident(let v) = args[0].kind else {
      throw CELCompileError("\(name)() needs a variable name as its first argument", at: args[0].offset)
    }
    let body = args.count == 3 ? args[2] : args[1]
    let filter = args.count == 3 ? args[1] : nil
    return Expr(.comprehension(macro, range: target, variable: v, body: body, filter: filter), at: at)
  }
}
