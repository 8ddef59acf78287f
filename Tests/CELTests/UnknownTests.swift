import Testing

@testable import CEL

/// Unknown values (facts the host does not know): CEL's partial-evaluation semantics, pinned result by result.
@Suite struct UnknownTests {
  /// A host object whose `secret` field is unknown and whose `shown` field is known.
  final class Vault: CELObject, @unchecked Sendable {
    static let type = CELObjectType(name: "Vault", fields: [CELField("secret", .string), CELField("shown", .string)])
    var celType: CELObjectType { Vault.type }
    func field(at index: Int) -> CELValue? {
      index == 0 ? .unknown(CELUnknown(cause: "vault secret")) : .string("visible")
    }
  }

  static let variables: [(String, CELType, String)] = [
    ("u", .bool, "a"), ("u2", .bool, "b"), ("i", .int, "i"), ("j", .int, "j"), ("s", .string, "s"),
    ("l", .list(.int), "l"), ("m", .map(.string, .int), "m"), ("t", .timestamp, "t"), ("d", .dyn, "d"),
    ("p", .object("Person"), "p"),
  ]

  static let env: CELEnvironment = {
    var env = CELEnvironment()
    env.declare(Person.type)
    env.declare(Vault.type)
    for (name, type, _) in variables { env.declareVariable(name, type) }
    env.declareVariable("vault", .object("Vault"))
    return env
  }()

  static let values: [CELValue] =
    variables.map { .unknown(CELUnknown(cause: $0.2)) } + [.object(Vault())]

  /// The result as text: unknowns as `unknown[cause, …]`, inside lists too.
  func show(_ v: CELValue) -> String {
    switch v {
    case .unknown(let u): "unknown[" + u.causes.joined(separator: ", ") + "]"
    case .error(let e): "error: \(e.message)"
    case .list(let items): "[" + items.map(show).joined(separator: ", ") + "]"
    default: Format.quoted(v)
    }
  }

  func run(_ text: String) -> String {
    do {
      return show(try Self.env.compile(text).evaluate(Self.values))
    } catch {
      return "compile: \(error)"
    }
  }

  @Test func logicAbsorbs() {
    #expect(run("u || true") == "true")
    #expect(run("true || u") == "true")
    #expect(run("u && false") == "false")
    #expect(run("false && u") == "false")
    #expect(run("u || false") == "unknown[a]")
    #expect(run("false || u") == "unknown[a]")
    #expect(run("u && true") == "unknown[a]")
    #expect(run("u && u2") == "unknown[a, b]")
    #expect(run("u2 || u") == "unknown[b, a]")
    #expect(run("u || u") == "unknown[a]")
    #expect(run("!u") == "unknown[a]")
  }

  @Test func unknownBeatsErrorInLogic() {
    #expect(run("u || 1 / 0 == 1") == "unknown[a]")
    #expect(run("1 / 0 == 1 || u") == "unknown[a]")
    #expect(run("u && 1 / 0 == 1") == "unknown[a]")
    #expect(run("1 / 0 == 1 && u") == "unknown[a]")
    #expect(run("1 / 0 == 1 && false") == "false")
  }

  @Test func conditional() {
    #expect(run("u ? 1 : 2") == "unknown[a]")
    #expect(run("true ? i : 2") == "unknown[i]")
    #expect(run("false ? i : 2") == "2")
  }

  @Test func operators() {
    #expect(run("i + 1") == "unknown[i]")
    #expect(run("1 + i") == "unknown[i]")
    #expect(run("i + j") == "unknown[i, j]")
    #expect(run("j - i") == "unknown[j, i]")
    #expect(run("i + i") == "unknown[i]")
    #expect(run("i * 2") == "unknown[i]")
    #expect(run("i / 0") == "unknown[i]")
    #expect(run("i % 2") == "unknown[i]")
    #expect(run("-i") == "unknown[i]")
    #expect(run("s + 'x'") == "unknown[s]")
    #expect(run("t - duration('1h')") == "unknown[t]")
    #expect(run("t < timestamp('2026-01-01T00:00:00Z')") == "unknown[t]")
    #expect(run("i == 1") == "unknown[i]")
    #expect(run("1 != i") == "unknown[i]")
    #expect(run("s == 'x'") == "unknown[s]")
    #expect(run("'x' == s") == "unknown[s]")
    #expect(run("i < 2") == "unknown[i]")
    #expect(run("2 >= i") == "unknown[i]")
    #expect(run("i == j") == "unknown[i, j]")
    #expect(run("i == 1 / 0") == "unknown[i]")
    #expect(run("1 / 0 + i") == "unknown[i]")
  }

  @Test func membershipAndIndexing() {
    #expect(run("i in [1, 2]") == "unknown[i]")
    #expect(run("1 in l") == "unknown[l]")
    #expect(run("s in {'a': 1}") == "unknown[s]")
    #expect(run("'a' in m") == "unknown[m]")
    #expect(run("1 in [i, 2]") == "unknown[i]")
    #expect(run("2 in [i, 2]") == "true")
    #expect(run("l[0]") == "unknown[l]")
    #expect(run("[1, 2][i]") == "unknown[i]")
    #expect(run("{'a': 1}[s]") == "unknown[s]")
    #expect(run("m['a']") == "unknown[m]")
    #expect(run("[i, 2][1]") == "2")
    #expect(run("[i, 2][0]") == "unknown[i]")
  }

  @Test func selectionAndPresence() {
    #expect(run("p.name") == "unknown[p]")
    #expect(run("p.best.age") == "unknown[p]")
    #expect(run("has(p.name)") == "unknown[p]")
    #expect(run("d.name") == "unknown[d]")
    #expect(run("has(d.name)") == "unknown[d]")
    #expect(run("m.a") == "unknown[m]")
    #expect(run("vault.secret") == "unknown[vault secret]")
    #expect(run("has(vault.secret)") == "unknown[vault secret]")
    #expect(run("has(dyn(vault).secret)") == "unknown[vault secret]")
    #expect(run("has(vault.shown)") == "true")
    #expect(run("vault.secret == 'x' || vault.shown == 'visible'") == "true")
    #expect(run("vault.secret.startsWith('x') && vault.shown == 'visible'") == "unknown[vault secret]")
    #expect(run("dyn(vault).secret") == "unknown[vault secret]")
  }

  @Test func functionsAndConversions() {
    #expect(run("size(l)") == "unknown[l]")
    #expect(run("s.size()") == "unknown[s]")
    #expect(run("size(m)") == "unknown[m]")
    #expect(run("int(s)") == "unknown[s]")
    #expect(run("string(i)") == "unknown[i]")
    #expect(run("double(i)") == "unknown[i]")
    #expect(run("bool(s)") == "unknown[s]")
    #expect(run("timestamp(s)") == "unknown[s]")
    #expect(run("duration(s)") == "unknown[s]")
    #expect(run("type(i)") == "unknown[i]")
    #expect(run("dyn(i)") == "unknown[i]")
    #expect(run("s.contains('x')") == "unknown[s]")
    #expect(run("'abc'.contains(s)") == "unknown[s]")
    #expect(run("s.startsWith('x')") == "unknown[s]")
    #expect(run("s.endsWith('x')") == "unknown[s]")
    #expect(run("s.matches('a+')") == "unknown[s]")
    #expect(run("'aa'.matches(s)") == "unknown[s]")
    #expect(run("s.lowerAscii()") == "unknown[s]")
    #expect(run("s.split(',')") == "unknown[s]")
    #expect(run("'a,b'.split(s)") == "unknown[s]")
    #expect(run("'abc'.substring(i)") == "unknown[i]")
    #expect(run("s.replace('a', 'b')") == "unknown[s]")
    #expect(run("s.indexOf(s)") == "unknown[s]")
    #expect(run("['a', s].join(',')") == "unknown[s]")
    #expect(run("'%s and %d'.format([s, i])") == "unknown[s, i]")
    #expect(run("t.getFullYear()") == "unknown[t]")
    #expect(run("t.getHours('Europe/Paris')") == "unknown[t]")
  }

  @Test func literals() {
    #expect(run("[u, true]") == "[unknown[a], true]")
    #expect(run("size([u, u2])") == "2")
    #expect(run("{s: 1}") == "unknown[s]")
    #expect(run("{'a': i}['a']") == "unknown[i]")
  }

  @Test func comprehensions() {
    #expect(run("[u, true].exists(x, x)") == "true")
    #expect(run("[u, false].exists(x, x)") == "unknown[a]")
    #expect(run("[u, u2, false].exists(x, x)") == "unknown[a, b]")
    #expect(run("[u, false].exists(x, x || 1 / 0 == 1)") == "unknown[a]")
    #expect(run("[u, 1 / 0 == 1].exists(x, x)") == "error: division by zero")
    #expect(run("[u, false].all(x, x)") == "false")
    #expect(run("[u, true].all(x, x)") == "unknown[a]")
    #expect(run("[1, 2].all(x, x > i)") == "unknown[i]")
    #expect(run("[1, 2].exists(x, x == 2 || x == i)") == "true")
    #expect(run("l.exists(x, x > 0)") == "unknown[l]")
    #expect(run("l.all(x, x > 0)") == "unknown[l]")
    #expect(run("m.exists(k, k == 'a')") == "unknown[m]")
    #expect(run("[1, 2].exists_one(x, x == i)") == "unknown[i]")
    #expect(run("[1, 2].exists_one(x, x == 1)") == "true")
    #expect(run("[1, 2].filter(x, x == i)") == "unknown[i]")
    #expect(run("l.filter(x, x > 0)") == "unknown[l]")
    #expect(run("[1, 2].map(x, x == j, x)") == "unknown[j]")
    #expect(run("[1, 2].map(x, x + i)") == "[unknown[i], unknown[i]]")
    #expect(run("l.map(x, x + 1)") == "unknown[l]")
    #expect(run("size([1, 2].map(x, x + i))") == "2")
  }

  @Test func causesAreDeduplicatedInOrder() {
    var u = CELUnknown(causes: ["x", "y", "x"])
    #expect(u.causes == ["x", "y"])
    u.merge(CELUnknown(causes: ["z", "y", "w"]))
    #expect(u.causes == ["x", "y", "z", "w"])
    #expect(CELUnknown(cause: "x") == CELUnknown(causes: ["x", "x"]))
  }
}
