import Testing

@testable import CEL

/// The evaluation frame lives on the stack of each evaluation: nothing carries over from one evaluation to the
/// next (variables, comprehension slots, cost), evaluations on many threads at once do not share state, and missing
/// trailing variables still read as null.
@Suite struct FrameTests {
  func program(_ text: String, _ variables: [(String, CELType)]) throws -> CELProgram {
    var env = CELEnvironment()
    for (name, type) in variables { env.declareVariable(name, type) }
    return try env.compile(text)
  }

  @Test func nothingCarriesOverBetweenEvaluations() throws {
    let p = try program("xs.map(x, x * k)", [("xs", .list(.int)), ("k", .int)])
    #expect(p.evaluate([.list([.int(1), .int(2)]), .int(10)]).text == "[10, 20]")
    #expect(p.evaluate([.list([.int(3)]), .int(2)]).text == "[6]")
    // A missing trailing variable is null again, not the 2 of the evaluation before.
    #expect(p.evaluate([.list([.int(3)])]).text == "error: no such overload: int * null_type")
    #expect(p.evaluate([.list([]), .int(1)]).text == "[]")
  }

  @Test func costIsPerEvaluation() throws {
    var p = try program("xs.all(x, x >= 0)", [("xs", .list(.int))])
    p.costLimit = 10
    let ten = CELValue.list((0..<10).map { .int(Int64($0)) })
    let eleven = CELValue.list((0..<11).map { .int(Int64($0)) })
    for _ in 0..<3 {
      #expect(p.evaluate([ten]).text == "true")
      #expect(p.evaluate([eleven]).text == "error: evaluation cost limit exceeded (10 steps)")
    }
    let budget = CELCostBudget(limit: 25)
    #expect(p.evaluate([ten], charging: budget).text == "true")
    #expect(budget.remaining == 15)
    #expect(p.evaluate([ten], charging: budget).text == "true")
    #expect(budget.remaining == 5)
    #expect(
      p.evaluate([ten], charging: budget).text == "error: evaluation cost limit exceeded (5 steps)")
  }

  @Test func concurrentEvaluationsAreIndependent() async throws {
    let p = try program(
      "xs.filter(x, x % n == 0).map(x, x / n)", [("xs", .list(.int)), ("n", .int)])
    let xs = CELValue.list((1...60).map { .int(Int64($0)) })
    let results = await withTaskGroup(of: (Int, String).self) { group in
      for n in 1...12 {
        group.addTask {
          var last = ""
          for _ in 0..<200 { last = p.evaluate([xs, .int(Int64(n))]).text }
          return (n, last)
        }
      }
      var out: [Int: String] = [:]
      for await (n, s) in group { out[n] = s }
      return out
    }
    for n in 1...12 {
      let expected = "[" + (1...(60 / n)).map(String.init).joined(separator: ", ") + "]"
      #expect(results[n] == expected)
    }
  }
}

extension CELValue {
  /// The value as `eval` in Helpers.swift writes it.
  fileprivate var text: String {
    if case .error(let e) = self { return "error: \(e.message)" }
    return Format.quoted(self)
  }
}
