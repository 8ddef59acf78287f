import Testing

@testable import CEL

/// A comprehension body that reads only its element is remembered per object: same results, same costs.
@Suite struct ElementMemoTests {
  static func body(_ text: String) throws -> (Node, Int) {
    var checker = Checker(env: personEnv())
    let (node, _) = checker.check(try Parser.parse(text))
    guard checker.errors.isEmpty, case .comprehension(_, _, let slot, let body, _) = node else {
      Issue.record("not a comprehension: \(text)")
      throw CELError("not a comprehension")
    }
    return (body, slot)
  }

  @Test func remembersOnlyDearBodiesOfTheirElementAlone() throws {
    let (nested, s1) = try Self.body("person.friends.exists(p, p.friends.exists(q, q.name == 'bob'))")
    #expect(ElementMemo.worthIt(nested, slot: s1))
    let (regex, s2) = try Self.body("person.friends.all(p, p.name.matches('^a.*'))")
    #expect(ElementMemo.worthIt(regex, slot: s2))
    // Cheap: nothing to gain.
    let (cheap, s3) = try Self.body("person.friends.all(p, p.name == 'a')")
    #expect(!ElementMemo.worthIt(cheap, slot: s3))
    // Reads another variable: the result depends on more than the element.
    let (open, s4) = try Self.body("person.friends.exists(p, p.friends.exists(q, q.age == n))")
    #expect(!ElementMemo.worthIt(open, slot: s4))
    let (outer, s5) = try Self.body("person.friends.exists(p, p.friends.exists(q, q.name == person.name))")
    #expect(!ElementMemo.worthIt(outer, slot: s5))
  }

  @Test func hitsGiveTheSameResultsAndCosts() throws {
    let bob = Person(name: "bob")
    let ann = Person(name: "ann", friends: [bob])
    let cid = Person(name: "cid", friends: [])
    let shared = [ann, cid]
    let program = try personEnv().compile("person.friends.exists(p, p.friends.exists(q, q.name == 'bob'))")
    let negated = try personEnv().compile("person.friends.exists(p, p.friends.exists(q, q.name == 'bob' && n == n))")
    for (friends, expected) in [([cid], false), (shared, true), ([cid, cid], false), ([ann], true), (shared, true)] {
      let person = Person(name: "x", friends: friends)
      let vars: [CELValue] = [.object(person), .int(1), .null]
      let (memo, plain) = (CELCostBudget(limit: 1_000_000), CELCostBudget(limit: 1_000_000))
      #expect(Format.quoted(program.evaluate(vars, charging: memo)) == "\(expected)")
      // The same expression whose body reads `n` is never remembered: the reference for results and costs.
      #expect(Format.quoted(negated.evaluate(vars, charging: plain)) == "\(expected)")
      let spent = (1_000_000 - memo.remaining, 1_000_000 - plain.remaining)
      #expect(spent.0 > 0)
      #expect(spent.0 <= spent.1)
    }
  }

  @Test func aHitOverTheCostLimitIsACostError() throws {
    let many = (0..<40).map { Person(name: "p\($0)") }
    let hub = Person(name: "hub", friends: many)
    var program = try personEnv().compile("person.friends.exists(p, p.friends.exists(q, q.name == 'zed'))")
    let vars: [CELValue] = [.object(Person(name: "x", friends: [hub])), .int(1), .null]
    #expect(Format.quoted(program.evaluate(vars)) == "false")  // remembered, with its cost
    program.costLimit = 5
    guard case .error(let e) = program.evaluate(vars) else {
      Issue.record("expected a cost error")
      return
    }
    #expect(e.message.contains("cost limit"))
  }
}
