/// The standard function table: operator and function names to implementations.
enum Stdlib {
  static let functions: [String: Function] = {
    var f: [String: Function] = [:]
    func add(_ fn: Function) { f[fn.name] = fn }
    add(
      Function(
        "!_",
        one: { v in
          switch v {
          case .bool(let b): return .bool(!b)
          default: return noSuchOverload("!_", [v])
          }
        }))
    add(Function("-_", one: Arithmetic.negate))
    add(Function("_+_", two: Arithmetic.add))
    add(Function("_-_", two: Arithmetic.subtract))
    add(Function("_*_", two: Arithmetic.multiply))
    add(Function("_/_", two: Arithmetic.divide))
    add(Function("_%_", two: Arithmetic.modulo))
    add(
      Function(
        "_==_",
        two: { a, b in
          if a.isErrorOrUnknown || b.isErrorOrUnknown { return passOn([a, b])! }
          return .bool(Equality.equals(a, b))
        }))
    add(
      Function(
        "_!=_",
        two: { a, b in
          if a.isErrorOrUnknown || b.isErrorOrUnknown { return passOn([a, b])! }
          return .bool(!Equality.equals(a, b))
        }))
    let orderings: [(String, @Sendable (Int) -> Bool)] = [
      ("_<_", { $0 < 0 }), ("_<=_", { $0 <= 0 }), ("_>_", { $0 > 0 }), ("_>=_", { $0 >= 0 }),
    ]
    for (name, test) in orderings {
      add(
        Function(
          name,
          two: { a, b in
            if a.isErrorOrUnknown || b.isErrorOrUnknown { return passOn([a, b])! }
            guard let c = Equality.compare(a, b) else { return noSuchOverload(name, [a, b]) }
            return .bool(c.map(test) ?? false)
          }))
    }
    add(Function("_[_]", two: Collections.index))
    add(Function("@in", two: Collections.contains))
    add(Function("size", one: Collections.size))
    add(Function("contains", two: StringFunctions.contains))
    add(Function("startsWith", two: StringFunctions.startsWith))
    add(Function("endsWith", two: StringFunctions.endsWith))
    add(Function("matches", two: Matches.dynamic))
    add(Function("int", one: Conversions.toInt))
    add(Function("uint", one: Conversions.toUint))
    add(Function("double", one: Conversions.toDouble))
    add(Function("string", one: Conversions.toString))
    add(Function("bool", one: Conversions.toBool))
    add(Function("bytes", one: Conversions.toBytes))
    add(Function("timestamp", one: Conversions.toTimestamp))
    add(Function("duration", one: Conversions.toDuration))
    add(Function("type", one: Conversions.type))
    add(Function("dyn", one: { $0 }))
    for part in TimeFunctions.Part.allCases { add(TimeFunctions.accessor(part)) }
    add(Function("lowerAscii", one: { StringFunctions.mapASCII($0, upper: false) }))
    add(Function("upperAscii", one: { StringFunctions.mapASCII($0, upper: true) }))
    add(Function("trim", one: StringFunctions.trim))
    add(Function("split", many: StringFunctions.split, arity: 2...3))
    add(Function("join", many: StringFunctions.join, arity: 1...2))
    add(Function("replace", many: StringFunctions.replace, arity: 3...4))
    add(Function("indexOf", many: { StringFunctions.indexOf($0, last: false) }, arity: 2...3))
    add(Function("lastIndexOf", many: { StringFunctions.indexOf($0, last: true) }, arity: 2...3))
    add(Function("substring", many: StringFunctions.substring, arity: 2...3))
    add(Function("charAt", two: StringFunctions.charAt))
    add(Function("format", two: StringFormat.format))
    return f
  }()
}
