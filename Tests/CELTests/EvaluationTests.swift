import Testing

@testable import CEL

@Suite struct EvaluationTests {
  @Test func hostObjects() {
    let env = personEnv()
    let bob = Person(name: "Bob", age: 40)
    let ann = Person(name: "Ann", age: 30, friends: [bob], best: bob)
    let vars: [CELValue] = [.object(ann), .int(1), .null]
    #expect(eval("person.name + ' ' + string(person.age)", vars, env: env) == "\"Ann 30\"")
    #expect(eval("person.friends.exists(f, f.name == 'Bob')", vars, env: env) == "true")
    #expect(eval("person.best.best == null", vars, env: env) == "true")
    #expect(eval("has(person.best) && !has(person.best.best)", vars, env: env) == "true")
    // Unset fields read as their defaults.
    #expect(
      eval(
        "[bobby.name, bobby.friends, bobby.tags, bobby.born]", [.object(Person())],
        env: {
          var e = CELEnvironment()
          e.declare(Person.type)
          e.declareVariable("bobby", .object("Person"))
          return e
        }())
        == "[\"\", [], {}, null]")
    #expect(eval("has(person.age)", [.object(Person())], env: env) == "false")
    #expect(eval("person.best.name", [.object(Person())], env: env) == "error: cannot select field 'name' on null")
    #expect(eval("type(person) == Person", vars, env: env) == "true")
    #expect(eval("dyn(person).name", vars, env: env) == "\"Ann\"")
    #expect(eval("dyn(person).nope", vars, env: env) == "error: no such field 'nope' on type 'Person'")
  }

  @Test func errorAbsorption() {
    #expect(eval("1/0 == 0 && false") == "false")
    #expect(eval("false && 1/0 == 0") == "false")
    #expect(eval("1/0 == 0 || true") == "true")
    #expect(eval("1/0 == 0 || false") == "error: division by zero")
    #expect(eval("true && 1/0 == 0") == "error: division by zero")
    #expect(eval("[1, 2].all(x, 1/0 == 0 || x > 0)") == "true")
    #expect(eval("[0, 1].exists(x, 1/x == 1)") == "true")
    #expect(eval("[0, 1].all(x, 1/x == 1)") == "error: division by zero")
    #expect(eval("1/0 == 0 ? 1 : 2") == "error: division by zero")
  }

  @Test func arithmeticLimits() {
    #expect(eval("9223372036854775807 + 1") == "error: integer overflow")
    #expect(eval("-9223372036854775808 / -1") == "error: integer overflow")
    #expect(eval("-9223372036854775808 % -1") == "error: integer overflow")
    #expect(eval("0u - 1u") == "error: integer overflow")
    #expect(eval("5 % 0") == "error: modulus by zero")
    #expect(eval("1.0 / 0.0") == "+Inf")
    #expect(eval("1 == 1u && 1u == 1.0 && 2 > 1.5 && 3u < 4") == "true")
    #expect(eval("{1: 'a'}[1u]") == "\"a\"")
    #expect(eval("{'a': 1, 'a': 2}") == "error: duplicate map key: a")
    // Keys are code-point strings: composed and decomposed é are different keys.
    #expect(eval("size({'\\u00e9': 1, 'e\\u0301': 2})") == "2")
    #expect(eval("{'a': 1}['b']") == "error: no such key: b")
    #expect(eval("[1][3]") == "error: index out of range: 3 (size 1)")
  }

  @Test func timestampsAndDurations() {
    #expect(eval("timestamp('2024-03-01T10:00:00Z') - duration('30d')") == "2024-01-31T10:00:00Z")
    #expect(eval("duration('1h30m') + duration('1.5s')") == "5401.5s")
    #expect(eval("duration('-2m') < duration('0s')") == "true")
    #expect(eval("timestamp('2024-12-31T23:30:00Z').getFullYear('+05:30')") == "2025")
    #expect(eval("timestamp('2024-07-01T12:00:00Z').getHours('Europe/Paris')") == "14")
    #expect(eval("timestamp('2024-02-29T00:00:00Z').getDayOfYear()") == "59")
    #expect(eval("timestamp('2024-02-29T00:00:00Z').getDayOfWeek()") == "4")
    #expect(
      eval("timestamp('2024-01-01T00:00:00Z').getDayOfWeek('Mars/Olympus')")
        == "error: unknown time zone 'Mars/Olympus'")
    #expect(eval("duration('3d').getHours()") == "72")
    #expect(eval("duration('1x')").hasPrefix("error: invalid duration '1x'"))
  }

  @Test func strings() {
    #expect(eval("'Hello'.lowerAscii() + 'é'.upperAscii()") == "\"helloé\"")
    #expect(eval("'a,b,,c'.split(',')") == "[\"a\", \"b\", \"\", \"c\"]")
    #expect(eval("'a,b,c'.split(',', 2)") == "[\"a\", \"b,c\"]")
    #expect(eval("['a', 'b'].join('-')") == "\"a-b\"")
    #expect(eval("'  x \\n'.trim()") == "\"x\"")
    #expect(eval("'aXbXc'.replace('X', '-', 1)") == "\"a-bXc\"")
    #expect(eval("'héllo'.indexOf('l') + 'héllo'.lastIndexOf('l')") == "5")
    #expect(eval("'héllo'.substring(1, 3) + 'héllo'.charAt(4)") == "\"élo\"")
    #expect(eval("'abcabc'.lastIndexOf('bc') + 'abcabc'.lastIndexOf('bc', 3) + 'abc'.lastIndexOf('') ") == "8")
    #expect(eval("'aaa'.lastIndexOf('aaaa') + 'abab'.indexOf('ab', 1) + 'ab'.indexOf('', 2)") == "3")
    #expect(eval("'ab'.replace('', '-') + 'aaaa'.replace('aa', 'b')") == "\"-a-b-bb\"")
    #expect(eval("'abc'.substring(2, 5)") == "error: substring index out of range: [2:5] of size 3")
    #expect(
      eval("'%s is %d (%.2f, %x, %o, %b, %e)'.format(['x', 42, 3.14159, 255, 8, 5, 1500.0])")
        == "\"x is 42 (3.14, ff, 10, 101, 1.500000e+03)\"")
    #expect(eval("'%d'.format(['x'])") == "error: format: %d cannot format a string")
    #expect(eval("'abc'.matches('^a.c$') && matches('xbz', 'b') && !'abc'.matches('d')") == "true")
    #expect(eval("'abc'.matches(['(', 'b'][1])") == "true")
    #expect(eval("'abc'.matches(['(', 'b'][0])").hasPrefix("error: invalid regular expression '('"))
    #expect(compileErrors("'abc'.matches('a(b')").hasPrefix("1:15: invalid regular expression: "))
    #expect(eval("('a' + 'a'.substring(0, 0)).matches('(a*)*$')") == "true")
  }

  @Test func costAndSizeBounds() {
    // 1000^3 iterations would hang: the cost bound stops it quickly with an error.
    let big = "[" + (0..<1000).map(String.init).joined(separator: ",") + "]"
    let nested = "\(big).all(a, \(big).all(b, \(big).all(c, a + b + c >= 0)))"
    let start = ContinuousClock.now
    #expect(eval(nested) == "error: evaluation cost limit exceeded (1000000 steps)")
    #expect(ContinuousClock.now - start < .seconds(120))  // a hang guard, not a timing
    let huge = "[\(big), \(big)].map(l, l + l + l + l).map(l, size(l))"
    #expect(eval(huge) == "[4000, 4000]")
    // Fresh strings are charged by size: a comprehension cannot pile up copies of a large string.
    let megabyte =
      "'\(String(repeating: "x", count: 1 << 10))'.replace('x', '\(String(repeating: "y", count: 1 << 10))')"
    #expect(eval("size(\(megabyte))") == "1048576")
    #expect(
      eval("\(big).map(i, \(megabyte) + string(i)).size()") == "error: evaluation cost limit exceeded (1000000 steps)")
    // Searches are linear: a 1 MB haystack of 'a's against a 512 KB needle of 'a's ending in 'b' is quick.
    let hay = "'\(String(repeating: "a", count: 1 << 10))'.replace('a', '\(String(repeating: "a", count: 1 << 10))')"
    let needle =
      "'\(String(repeating: "a", count: 1 << 9))'.replace('a', '\(String(repeating: "a", count: 1 << 10))') + 'b'"
    let t0 = ContinuousClock.now
    #expect(eval("(\(hay)).contains(\(needle)) || (\(hay)).lastIndexOf(\(needle)) >= 0") == "false")
    #expect(ContinuousClock.now - t0 < .seconds(120))  // a hang guard, not a timing
    // Linear-time work on large operands is charged too: 1000 x size() of a 1 MB string stops early.
    let t1 = ContinuousClock.now
    #expect(eval("\(big).all(i, size([\(hay)][0]) > i)") == "error: evaluation cost limit exceeded (1000000 steps)")
    #expect(
      eval("\(big).all(i, \(big).all(j, i in \(big)))") == "error: evaluation cost limit exceeded (1000000 steps)")
    #expect(ContinuousClock.now - t1 < .seconds(120))  // a hang guard, not a timing
    // Concatenation refuses results beyond the size bound instead of exhausting memory.
    let large = CELValue.string(String(repeating: "x", count: Arithmetic.maxSize / 2 + 1))
    #expect(Arithmetic.add(large, large).isError)
    #expect(Arithmetic.add(.list(Array(repeating: .null, count: Arithmetic.maxSize)), .list([.null])).isError)
  }
}
