import Diagnostics
import Foundation
import Testing

@testable import RuleEngine

/// A user rule (owner tag) with the given `examples:` block, parsed.
private func ownerRule(_ examples: String) throws -> Rule {
  let text = """
    id: TEST001
    name: owner-tag
    title: Accounts have an owner tag
    severity: warning
    scope: account
    assert: "'owner' in account.tags && account.tags['owner'] != ''"
    message: "account {{account.id}} has no owner tag"
    location: account.tags
    examples:

    """ + examples
  let (rule, problems) = RuleFileParser.parse(SourceFile(path: "t.yaml", bytes: Array(text.utf8)), isBuiltin: false)
  #expect(problems.map(findingLine) == [])
  return try #require(rule)
}

/// An Account document whose `tags:` key (6:1) has no owner.
private let untaggedConfig = """
  apiVersion: orglint/v1
  kind: Account
  id: "333333333333"
  name: a
  email: a@example.com
  tags: { team: x }
  """

private let taggedConfig = untaggedConfig.replacingOccurrences(of: "team: x", with: "owner: me")

/// One entry of `examples:`; `expect` nil means `pass`.
private func example(_ name: String, _ config: String, _ expect: [(at: String, message: String)]?) -> String {
  var out = "  - name: \(name)\n    config: |\n"
  out += config.split(separator: "\n").map { "      \($0)\n" }.joined()
  guard let expect else { return out + "    expect: pass\n" }
  out += "    expect:\n"
  for e in expect { out += "      - at: \"\(e.at)\"\n        message: \"\(e.message)\"\n" }
  return out
}

private func failures(_ examples: String) throws -> [String] {
  let result = ExampleRunner.run(try ownerRule(examples))
  #expect(result.problems.isEmpty)
  return result.outcomes.flatMap(\.failures)
}

@Suite struct ExampleRunnerTests {
  @Test func matchingExampleAndPassPass() throws {
    let result = ExampleRunner.run(
      try ownerRule(
        example("untagged", untaggedConfig, [("6:1", "has no owner tag")]) + example("tagged", taggedConfig, nil)))
    #expect(result.outcomes.map(\.passed) == [true, true])
    #expect(result.outcomes.map(\.path) == ["t.yaml#example-1.yaml", "t.yaml#example-2.yaml"])
    #expect(result.outcomes[0].explanation == "TEST001 example 1 'untagged' (t.yaml:10:5): passed")
  }

  @Test func wrongPositionIsExplained() throws {
    let f = try failures(
      example("untagged", untaggedConfig, [("5:1", "has no owner tag")]))
    #expect(
      f == [
        "missing: expected a finding at 5:1 with a message containing \"has no owner tag\"; the message was found"
          + " at 6:1 instead",
        "unexpected finding at 6:1: \"account 333333333333 has no owner tag\"",
      ])
  }

  @Test func wrongMessageIsExplained() throws {
    let f = try failures(
      example("untagged", untaggedConfig, [("6:1", "has no team tag")]))
    #expect(
      f == [
        "missing: expected a finding at 6:1 with a message containing \"has no team tag\"; got at 6:1: "
          + "\"account 333333333333 has no owner tag\"",
        "unexpected finding at 6:1: \"account 333333333333 has no owner tag\"",
      ])
  }

  @Test func unexpectedFindingFailsAPassExample() throws {
    let result = ExampleRunner.run(
      try ownerRule(
        example("should pass", untaggedConfig, nil)))
    let outcome = try #require(result.outcomes.first)
    #expect(
      outcome.explanation == """
        TEST001 example 1 'should pass' (t.yaml:10:5):
          expected pass, got 1 finding:
            got at 6:1: "account 333333333333 has no owner tag"
        """)
  }

  @Test func missingFindingWhenTheRuleFindsNothing() throws {
    let f = try failures(
example("tagged", taggedConfig, [("6:1", "has no owner tag")]))
    #expect(
      f == [
        "missing: expected a finding at 6:1 with a message containing \"has no owner tag\"; the rule found nothing"
      ])
  }

  @Test func schemaErrorInTheConfigFailsTheExample() throws {
    let f = try failures(
example("misspelled", taggedConfig.replacingOccurrences(of: "email", with: "emial"), nil))
    #expect(f.count == 2)
    #expect(f.allSatisfy { $0.hasPrefix("the config is not valid: SCHEMA") })
    #expect(f.contains { $0.contains("at 5:1: unknown field 'emial' in Account; did you mean 'email'?") })
  }

  @Test func modelPathsMatchTheFindingsEntity() throws {
    for at in ["account/333333333333", "account/333333333333/tags"] {
      let f = try failures(
        example("untagged", untaggedConfig, [("\(at)", "owner")]))
      #expect(f == [], "at \(at)")
    }
    let f = try failures(
      example("untagged", untaggedConfig, [("account/444444444444", "owner")]))
    #expect(
      f == [
        "missing: expected a finding at account/444444444444 with a message containing \"owner\"; the message was"
          + " found at 6:1 instead",
        "unexpected finding at 6:1: \"account 333333333333 has no owner tag\"",
      ])
  }

  @Test func modelPathsMayCarryTheOrganizationPrefix() throws {
    let inline = """
      apiVersion: orglint/v1
      kind: Organization
      id: o-a1b2c3d4e5
      managementAccount: "111111111111"
      accounts:
        - id: "333333333333"
          name: a
          email: a@example.com
      """
    let org = "organization/o-a1b2c3d4e5"
    for at in ["6:5", "\(org)/account/333333333333", "\(org)/account/333333333333/tags"] {
      #expect(try failures(example("inline", inline, [(at, "has no owner tag")])) == [], "at \(at)")
    }
    #expect(
      try failures(example("inline", inline, [("organization/o-other/account/333333333333", "has no owner tag")])) == [
        "missing: expected a finding at organization/o-other/account/333333333333 with a message containing"
          + " \"has no owner tag\"; the message was found at 6:5 instead",
        "unexpected finding at 6:5: \"account 333333333333 has no owner tag\"",
      ])
  }

  @Test func expectationsMatchOneToOne() throws {
    // Both expectations fit the one finding, but a finding satisfies only one expectation.
    let f = try failures(
      example("untagged", untaggedConfig, [("6:1", "owner"), ("6:1", "333333333333 has no owner")]))
    #expect(
      f == [
        "missing: expected a finding at 6:1 with a message containing \"333333333333 has no owner\"; the finding"
          + " at 6:1 that fits is already matched by expected finding 1"
      ])
  }

  @Test func evaluationErrorsFailTheExample() throws {
    let text = """
      id: TEST002
      name: bad-index
      title: Indexes past the end
      severity: error
      scope: account
      assert: account.tags['owner'] != ''
      message: "no owner"
      examples:
        - name: no key
          config: |
            apiVersion: orglint/v1
            kind: Account
            id: "333333333333"
            name: a
            email: a@example.com
          expect: pass
      """
    let (rule, problems) = RuleFileParser.parse(SourceFile(path: "t.yaml", bytes: Array(text.utf8)), isBuiltin: false)
    #expect(problems.isEmpty)
    let f = ExampleRunner.run(try #require(rule)).outcomes.flatMap(\.failures)
    #expect(
      f == [
        "RULE009 at 1:1: rule TEST002 (bad-index) could not evaluate 'assert' for account/333333333333: no such key:"
          + " owner"
      ])
  }

  @Test func examplesWithoutNowUseTheFixedDefault() {
    #expect(ExampleRunner.defaultNowText == "2026-11-25T00:00:00Z")
    #expect("\(ExampleRunner.defaultNow)" == "2026-11-25T00:00:00Z")
  }

  @Test func ruleThatDoesNotCompileRunsNoExample() throws {
    let text = """
      id: TEST003
      name: typo
      title: A typo
      severity: error
      scope: account
      assert: account.tagz.size() > 0
      message: "x"
      examples:
        - name: any
          config: "apiVersion: orglint/v1"
          expect: pass
      """
    let (rule, _) = RuleFileParser.parse(SourceFile(path: "t.yaml", bytes: Array(text.utf8)), isBuiltin: false)
    let result = ExampleRunner.run(try #require(rule))
    #expect(result.outcomes.isEmpty)
    #expect(!result.passed)
    #expect(result.problems.map(findingLine) == [
      "RULE005 6:16 in 'assert': undefined field 'tagz' on type 'Account'; did you mean 'tags'?"
    ])
  }

  @Test func customRulesExamplesPass() throws {
    let dir = repositoryRoot.appendingPathComponent("Examples/custom-rules").path
    let (rules, problems) = RuleLoader.load(userRuleDirectories: [dir], includeBuiltins: false)
    #expect(problems.map(findingLine) == [])
    #expect(rules.map(\.id) == ["CORP001", "CORP002"])
    for rule in rules {
      let result = ExampleRunner.run(rule)
      #expect(result.problems.map(findingLine) == [])
      #expect(result.outcomes.count >= 2)
      for o in result.outcomes where !o.passed { Issue.record(Comment(rawValue: o.explanation)) }
    }
  }
}
