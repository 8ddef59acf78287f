import Testing

@testable import CEL

/// Random token soup and random mutations of real expressions: compiling and evaluating must never crash or hang,
/// whatever the input (every outcome is a value, an error value or a compile error).
@Suite struct RobustnessTests {
  struct LCG {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
  }

  static let tokens = [
    "1", "0", "-1", "9223372036854775807", "18446744073709551615u", "1.5", "0.0", "'a'", "'\\u00e9'", "b'\\xff'",
    "r'x'", "true", "false", "null", "x", "y", "m", "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&",
    "||", "!", "?", ":", "in", "(", ")", "[", "]", "{", "}", ",", ".", "size", "all", "exists", "exists_one",
    "map", "filter", "has", "int", "uint", "double", "string", "bytes", "timestamp", "duration", "type", "dyn",
    "matches", "'24h'", "'2024-01-01T00:00:00Z'", "split", "join", "replace", "substring", "format", "'%s %d'",
    "getFullYear", "'+05:30'", "e", "`a-b`",
  ]

  static let seeds = [
    "x.all(e, e > 0) && size(m) == 2", "m.map(k, m[k] * 2).filter(v, v % 2 == 0)",
    "timestamp('2024-01-01T00:00:00Z') + duration('1h') > timestamp(0)", "'a,b'.split(',').join('-')",
    "has(m.a) ? m.a : [1, 2][0]", "x.exists_one(e, string(e).matches('^[0-9]+$'))",
    "{'a': 1, 'b': 2}.all(k, k in m)", "'%s-%d'.format(['x', 1]).upperAscii()",
  ]

  /// Whether the text compiled (and so was evaluated too).
  @discardableResult
  func attempt(_ text: String, _ env: CELEnvironment, _ vars: [CELValue]) -> Bool {
    if let unchecked = try? env.compile(text, checked: false) { _ = unchecked.evaluate(vars) }
    guard let program = try? env.compile(text) else { return false }
    _ = program.evaluate(vars)
    return true
  }

  @Test func randomInputNeverCrashes() {
    var env = CELEnvironment()
    env.declareVariable("x", .list(.int))
    env.declareVariable("y", .dyn)
    env.declareVariable("m", .map(.string, .int))
    var map = CELMap()
    map.insert(.string("a"), .int(1))
    map.insert(.string("b"), .int(2))
    let vars: [CELValue] = [.list([.int(1), .int(2), .int(3)]), .string("y"), .map(map)]
    var rng = LCG(state: 42)
    var compiled = 0
    for _ in 0..<3000 {
      let n = 1 + rng.next(12)
      let text = (0..<n).map { _ in Self.tokens[rng.next(Self.tokens.count)] }.joined(separator: " ")
      if attempt(text, env, vars) { compiled += 1 }
    }
    for seed in Self.seeds {
      let scalars = Array(seed.unicodeScalars)
      for _ in 0..<300 {
        var s = scalars
        let at = rng.next(s.count)
        switch rng.next(3) {
        case 0: s.remove(at: at)
        case 1: s.insert(s[rng.next(s.count)], at: at)
        default: s[at] = s[rng.next(s.count)]
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: s)
        if attempt(text, env, vars) { compiled += 1 }
      }
    }
    // The inputs must reach evaluation often enough for the test to mean something.
    #expect(compiled > 300, "only \(compiled) random inputs compiled")
  }
}
