import Diagnostics
import Testing

@testable import RuleEngine

private func parse(_ text: String) -> (rule: Rule?, findings: [Finding]) {
  RuleFileParser.parse(SourceFile(path: "r.yaml", bytes: Array(text.utf8)), isBuiltin: false)
}

private func describe(_ f: Finding) -> String {
  "\(f.ruleId) \(f.range.map { "\($0.start)" } ?? "-") \(f.message)"
}

private let valid = """
  id: CORP001
  name: owner-tag
  title: Every account has an owner tag
  severity: warning
  scope: account
  when: account.state == 'ACTIVE'
  assert: |
    has(account.tags.owner)
      && account.tags.owner != ''
  params:
    window: 90d
    domains: [example.com]
    strict: false
    limit: {type: int, default: 3, description: how many}
  message: "account {{account.name}} has no owner tag"
  location: account.tags
  suppressible: central
  examples:
    - name: tagged
      config: |
        apiVersion: orglint/v1
      expect: pass
    - name: untagged
      now: 2026-11-25T00:00:00Z
      config: |
        apiVersion: orglint/v1
      expect:
        - at: "3:1"
          message: has no owner tag
        - at: account/333333333333
          message: owner
  """

@Suite struct RuleFileParserTests {
  @Test func readsEveryField() throws {
    let (rule, findings) = parse(valid)
    #expect(findings.map(describe) == [])
    let r = try #require(rule)
    #expect(r.id == "CORP001")
    #expect(r.descriptor.severity == .warning)
    #expect(r.scope == .account)
    #expect(r.suppressible == .central)
    #expect(r.location == ["tags"])
    #expect(r.params.map(\.name) == ["window", "domains", "strict", "limit"])
    #expect(r.params.map(\.kind) == [.duration, .stringList, .bool, .int])
    #expect(r.params[0].defaultValue == .duration(90 * 86_400 * 1_000_000_000))
    #expect(r.examples.count == 2)
    #expect(r.examples[1].expect.map(\.at) == [.lineColumn(3, 1), .modelPath("account/333333333333")])
    #expect(r.examples[1].now == "2026-11-25T00:00:00Z")
    // The block scalar's second line starts at line 9, column 3 of the file.
    #expect(r.assert.fileLocation(line: 2, column: 3) == Diagnostics.SourceLocation(line: 9, column: 5, offset: 0).with(offset: r.assert.lineStarts[1].offset))
    guard case .expression(let e) = r.message.parts[1] else {
      Issue.record("expected an expression part")
      return
    }
    #expect(e.text == "account.name")
    #expect(e.lineStarts == [Diagnostics.SourceLocation(line: 15, column: 21, offset: e.lineStarts[0].offset)])
  }

  @Test func unknownFieldWithDidYouMean() {
    let (rule, findings) = parse(valid.replacingOccurrences("severity: warning", "severty: warning"))
    #expect(rule == nil)
    #expect(
      findings.map(describe) == [
        "RULE001 4:1 unknown field 'severty' in a rule; did you mean 'severity'?",
        "RULE002 1:1 missing required field 'severity'",
      ])
  }

  @Test func invalidValuesAreLocated() {
    let text = valid.replacingOccurrences("id: CORP001", "id: 1CORP").replacingOccurrences("scope: account", "scope: acount")
    #expect(
      parse(text).findings.map(describe) == [
        "RULE003 1:5 rule id '1CORP' must be letters and digits, starting with a letter",
        "RULE003 5:8 scope 'acount' is not one of organization, account, task, policy; did you mean 'account'?",
      ])
    let loc = valid.replacingOccurrences("location: account.tags", "location: task.tags")
    #expect(
      parse(loc).findings.map(describe) == [
        "RULE006 16:11 location 'task.tags' must be a model path starting with 'account' (the scope's variable)"
      ])
  }

  @Test func badExamplesAndParams() {
    let text = valid.replacingOccurrences("expect: pass", "expect: maybe")
      .replacingOccurrences("limit: {type: int, default: 3, description: how many}", "limit: {type: int, default: x}")
    #expect(
      parse(text).findings.map(describe) == [
        "RULE003 14:31 the default of 'limit' is not a int",
        "RULE007 22:13 'expect' must be 'pass' or a non-empty list of findings",
      ])
  }

  @Test func yamlErrorsInRuleFilesAreReported() {
    #expect(parse("id: [").findings.map(\.ruleId) == ["YAML001"])
    #expect(parse("- a\n").findings.map(describe) == ["RULE003 1:1 a rule file holds one YAML mapping (one rule)"])
  }
}

extension Diagnostics.SourceLocation {
  func with(offset: Int) -> Diagnostics.SourceLocation { Diagnostics.SourceLocation(line: line, column: column, offset: offset) }
}

extension String {
  func replacingOccurrences(_ a: String, _ b: String) -> String {
    var out = ""
    var rest = Substring(self)
    while let r = rest.firstRange(of: a) {
      out += rest[..<r.lowerBound] + b
      rest = rest[r.upperBound...]
    }
    return out + rest
  }
}
