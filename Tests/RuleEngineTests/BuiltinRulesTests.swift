import Diagnostics
import Foundation
import Testing

@testable import RuleEngine

/// The repository root, found from this file's path (Tests/RuleEngineTests/…).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The built-in rules, parsed once.
let builtinRules: [Rule] = {
  let (rules, problems) = RuleLoader.load(userRuleDirectories: [])
  precondition(problems.isEmpty, "built-in rules do not load: \(problems.map(\.message))")
  return rules
}()

func builtinRule(_ id: String) -> Rule { builtinRules.first { $0.id == id }! }

/// `ruleId line:column message` of a finding.
func findingLine(_ f: Finding) -> String {
  "\(f.ruleId) \(f.range.map { "\($0.start.line):\($0.start.column)" } ?? "-") \(f.message)"
}

@Suite struct BuiltinRulesTests {
  static let ids = builtinRules.map(\.id)

  @Test func thereAreTwentyTwoBuiltinRules() {
    #expect(Self.ids.count == 22)
  }

  @Test("every example of the rule passes", arguments: ids)
  func examplesPass(_ id: String) {
    let result = ExampleRunner.run(builtinRule(id))
    #expect(result.problems.map(findingLine) == [])
    for outcome in result.outcomes where !outcome.passed {
      Issue.record(Comment(rawValue: outcome.explanation))
    }
  }

  @Test("examples with CR LF line breaks or a byte order mark find the same, at the same positions",
    arguments: ids, [ExampleEncoding.crlf, .bom])
  func examplesReplayed(_ id: String, _ encoding: ExampleEncoding) throws {
    let rule = builtinRule(id)
    let (compiled, problems) = RuleCompiler.compile(rule)
    #expect(problems.isEmpty)
    let c = try #require(compiled)
    for i in rule.examples.indices {
      let plain = ExampleRunner.run(c, exampleAt: i)
      let replayed = ExampleRunner.run(c, exampleAt: i, encoding: encoding)
      #expect(replayed.findings.map(findingLine) == plain.findings.map(findingLine), "example \(i + 1)")
      if !replayed.passed { Issue.record(Comment(rawValue: "\(encoding): " + replayed.explanation)) }
    }
  }

  @Test("every built-in rule has a passing and a failing example", arguments: ids)
  func examplesCoverBothOutcomes(_ id: String) {
    let examples = builtinRule(id).examples
    #expect(examples.contains { $0.expect.isEmpty }, "\(id) has no passing example")
    #expect(examples.contains { !$0.expect.isEmpty }, "\(id) has no failing example")
  }

  @Test func embeddedRulesAreUpToDateWithRulesFolder() throws {
    let folder = repositoryRoot.appendingPathComponent("Rules")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
    var onDisk: [String: String] = [:]
    for name in names {
      var text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      if !text.hasSuffix("\n") { text += "\n" }
      onDisk["Rules/" + name] = text
    }
    var embedded: [String: String] = [:]
    for s in BuiltinRules.sources { embedded[s.path] = String(decoding: s.bytes, as: UTF8.self) }
    let stale = Set(onDisk.keys).union(embedded.keys).filter { onDisk[$0] != embedded[$0] }.sorted()
    let generated = "Sources/RuleEngine/BuiltinRules+Generated.swift"
    #expect(stale.isEmpty, "\(generated) is out of date for \(stale): run python3 scripts/embed-rules.py")
  }
}
