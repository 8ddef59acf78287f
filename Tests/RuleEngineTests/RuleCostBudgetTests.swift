import CEL
import Diagnostics
import OrgModel
import Testing

@testable import RuleEngine

/// The cost budget of a rule over a whole run: a per-item-cheap but quadratic rule is stopped with one RULE010.
@Suite struct RuleCostBudgetTests {
  /// `n` accounts with distinct emails, one document each.
  func accounts(_ n: Int) -> LoadedSet {
    let sources = (0..<n).map { i in
      SourceFile(
        path: "a\(i).yaml",
        bytes: Array(
          "apiVersion: orglint/v1\nkind: Account\nid: \"\(200_000_000_000 + i)\"\nname: a\(i)\nemail: a\(i)@example.com\n"
            .utf8))
    }
    return OrgSetLoader.load(sources: sources)
  }

  let scan = ruleText(assert: "accounts.all(a, a.id == account.id || a.email != account.email)")

  @Test func aQuadraticRuleIsStoppedOnceWithAFindingNamingIt() throws {
    let (compiled, problems) = compile(scan)
    #expect(problems == [])
    let set = accounts(600)
    var evaluator = RuleEvaluator(set: set, now: CELTimestamp.parse("2026-11-25T00:00:00Z")!)
    // 600 accounts scanned for each of 600 accounts: 360,000 steps; the budget allows 50,000.
    evaluator.runCostLimit = 50_000
    let findings = evaluator.evaluate([try #require(compiled)])
    #expect(findings.count == 1)
    let f = try #require(findings.first)
    #expect(f.ruleId == "RULE010")
    #expect(f.ruleName == "rule-cost-budget-exceeded")
    #expect(f.severity == .error)
    #expect(f.path == nil)
    #expect(
      f.message
        == "rule TEST001 (test-rule, r.yaml) spent its evaluation budget for the whole run (50000 steps) and was "
        + "stopped: its results are incomplete; make it cheaper (look an account up with a map or a `when` filter "
        + "instead of scanning every account for every item)")
  }

  @Test func theSameRuleWithinBudgetRunsToTheEnd() throws {
    let (compiled, _) = compile(scan)
    let set = accounts(600)
    var evaluator = RuleEvaluator(set: set, now: CELTimestamp.parse("2026-11-25T00:00:00Z")!)
    evaluator.runCostLimit = 400_000
    #expect(evaluator.evaluate([try #require(compiled)]) == [])
  }

  @Test func theDefaultBudgetAllowsFiveHundredStepsForEachOfTwentyThousandItems() {
    #expect(RuleEvaluator.defaultRunCostLimit == 10_000_000)
  }

  @Test func aSharedBudgetCountsEveryEvaluation() throws {
    var env = CELEnvironment()
    _ = env.declareVariable("xs", .list(.int))
    let program = try env.compile("xs.exists(x, x > 100)")
    let budget = CELCostBudget(limit: 25)
    let list = CELValue.list((0..<10).map { CELValue.int(Int64($0)) })
    for _ in 0..<2 {
      guard case .bool(false) = program.evaluate([list], charging: budget) else {
        Issue.record("expected false")
        return
      }
    }
    #expect(!budget.isExhausted)
    #expect(budget.remaining == 5)
    // The third evaluation may spend only what is left: it stops with the cost error.
    guard case .error = program.evaluate([list], charging: budget) else {
      Issue.record("expected the cost error")
      return
    }
    #expect(budget.isExhausted)
    #expect(budget.claimOverrunReport())
    #expect(!budget.claimOverrunReport())
  }
}
