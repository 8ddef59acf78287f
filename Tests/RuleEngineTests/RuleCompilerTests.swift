import CEL
import Diagnostics
import OrgModel
import Testing

@testable import RuleEngine

/// A rule file's text with the given fields replaced.
func ruleText(
  scope: String = "account", when: String? = nil, assert: String = "account.root == null",
  message: String = "\"account {{account.name}} fails\"", location: String = "account.root",
  related: String? = nil, params: String = ""
) -> String {
  var text = """
    id: TEST001
    name: test-rule
    title: A test rule
    severity: error
    scope: \(scope)

    """
  if let when { text += "when: \(when)\n" }
  text += "assert: \(assert)\n"
  if let related { text += "related: \(related)\n" }
  text += "message: \(message)\nlocation: \(location)\n" + params
  return text
}

func compile(_ text: String) -> (CompiledRule?, [String]) {
  let (rule, parseFindings) = RuleFileParser.parse(SourceFile(path: "r.yaml", bytes: Array(text.utf8)), isBuiltin: false)
  guard let rule else { return (nil, parseFindings.map(describeFinding)) }
  let (compiled, findings) = RuleCompiler.compile(rule)
  return (compiled, findings.map(describeFinding))
}

func describeFinding(_ f: Finding) -> String {
  "\(f.ruleId) \(f.range.map { "\($0.start)" } ?? "-") \(f.message)"
}

@Suite struct RuleCompilerTests {
  @Test func misspelledFieldIsLocatedInTheRuleFileWithDidYouMean() {
    let (rule, findings) = compile(ruleText(assert: "account.root.pasword.enabled"))
    #expect(rule == nil)
    #expect(findings == ["RULE005 6:21 in 'assert': undefined field 'pasword' on type 'RootUser'; did you mean 'password'?"])
  }

  @Test func unknownVariableAndTypeErrors() {
    #expect(
      compile(ruleText(assert: "acount.id == ''")).1 == [
        "RULE005 6:9 in 'assert': undeclared reference to 'acount'; did you mean 'account'?"
      ])
    #expect(
      compile(ruleText(assert: "account.name + 1 == 'x'")).1.first?.hasPrefix("RULE005 6:") == true)
  }

  @Test func assertMustBeBoolean() {
    #expect(
      compile(ruleText(assert: "account.name")).1 == [
        "RULE005 6:9 'assert' must be a boolean expression, but its type is string"
      ])
  }

  @Test func errorsInsideBlockScalarsPointAtTheirLine() {
    let text = ruleText(assert: "|\n  account.root == null\n    && account.nme == ''")
    #expect(compile(text).1 == ["RULE005 8:15 in 'assert': undefined field 'nme' on type 'Account'; did you mean 'name'?"])
  }

  @Test func messageExpressionsAreChecked() {
    #expect(
      compile(ruleText(message: "\"account {{account.nam}}\"")).1 == [
        "RULE005 7:28 in the message: undefined field 'nam' on type 'Account'; did you mean 'name'?"
      ])
  }

  @Test func locationMustBeAModelPath() {
    #expect(
      compile(ruleText(location: "account.root.pasword")).1 == [
        "RULE006 8:11 location account.root.pasword: RootUser has no field 'pasword'; did you mean 'password'?"
      ])
  }

  @Test func paramsAreTypedFields() {
    let ok = ruleText(
      assert: "account.tasks.all(t, now - t.startedAt < params.window)", params: "params:\n  window: 90d\n")
    #expect(compile(ok).1 == [])
    let bad = ruleText(assert: "params.windo == duration('1h')", params: "params:\n  window: 90d\n")
    #expect(compile(bad).1 == ["RULE005 6:15 in 'assert': undefined field 'windo' on type 'params'; did you mean 'window'?"])
  }

  @Test func everyBuiltinCompiles() {
    let (rules, loadProblems) = RuleLoader.load(userRuleDirectories: [])
    #expect(loadProblems.map(describeFinding) == [])
    let compiled = rules.map { RuleCompiler.compile($0) }
    #expect(compiled.flatMap(\.1).map(describeFinding) == [])
    #expect(compiled.compactMap(\.0).count == 22)
  }
}
