import CEL
import Diagnostics
import OrgModel
import Testing

@testable import RuleEngine

private let now = CELTimestamp.parse("2026-11-25T00:00:00Z")!

private let config = """
  apiVersion: orglint/v1
  kind: Organization
  id: o-a1b2c3d4e5
  managementAccount: "111111111111"
  rootAccess: { rootCredentialsManagement: true }
  accounts:
    - id: "111111111111"
      name: management
      email: aws+mgmt@example.com
      root: { password: true, mfaDevices: [{ type: hardware, serial: "GAKT0001" }] }
    - id: "333333333333"
      name: workload
      email: aws+prod@example.com
      tags: { owner: data }
  privilegedTasks:
    - account: "333333333333"
      task: IAMAuditRootUserCredentials
      principal: arn:aws:iam::111111111111:role/RootAccessAdmin
      startedAt: 2026-11-24T10:00:00Z
  """

private func evaluate(_ expression: String, scope: RuleScope? = nil, _ text: String? = config) throws -> [String] {
  let sources = text.map { [SourceFile(path: "org.yaml", bytes: Array($0.utf8))] } ?? []
  let set = OrgSetLoader.load(sources: sources)
  #expect(set.findings.map(findingLine) == [])
  return try ExpressionEvaluator(expression, scope: scope).evaluate(set, now: now).map(\.line)
}

@Suite struct EvalTests {
  @Test func constantExpressions() throws {
    #expect(try evaluate("1 + 2", nil) == ["3"])
    #expect(try evaluate("size(accounts)", nil) == ["0"])
    #expect(try evaluate("org == null", nil) == ["true"])
    #expect(try evaluate("now", nil) == ["\"2026-11-25T00:00:00Z\""])
    #expect(try evaluate("duration('24h')", nil) == ["\"86400s\""])
    #expect(try evaluate("[1u, 2.5, 'a\"b', null, b'hi', {'k': true}]", nil) == [
      #"[1,2.5,"a\"b",null,"aGk=",{"k":true}]"#
    ])
    #expect(try evaluate("1 / 0", nil) == [#"{"error":"division by zero"}"#])
  }

  @Test func oncePerScopeItem() throws {
    #expect(
      try evaluate("has(account.root) && account.root.mfaDevices.exists(d, d.type == 'hardware')", scope: .account)
        == [
          #"{"item":"account/111111111111","value":true}"#, #"{"item":"account/333333333333","value":false}"#,
        ])
    #expect(
      try evaluate("now - task.startedAt > duration('12h')", scope: .task) == [
        #"{"item":"task/333333333333/2026-11-24T10:00:00Z/IAMAuditRootUserCredentials","value":true}"#
      ])
    #expect(
      try evaluate("org.id", scope: .organization) == [
        #"{"item":"organization/o-a1b2c3d4e5","value":"o-a1b2c3d4e5"}"#
      ])
    #expect(try evaluate("policy.name", scope: .policy) == [])
  }

  @Test func entitiesPrintAsTypeAndPathValuesAsFields() throws {
    #expect(try evaluate("org.management") == [#"{"type":"Account","path":"account/111111111111"}"#])
    #expect(try evaluate("accounts.map(a, a.id)") == [#"["111111111111","333333333333"]"#])
    #expect(try evaluate("accounts[1].tags") == [#"{"owner":"data"}"#])
    #expect(
      try evaluate("accounts[0].root.mfaDevices") == [#"[{"type":"hardware","serial":"GAKT0001"}]"#])
    #expect(try evaluate("tasks[0].target.tasks[0].target.name") == [#""workload""#])
  }

  @Test func paramsAreNotDeclared() {
    #expect(throws: CELCompileErrors.self) { try ExpressionEvaluator("params.window") }
  }

  @Test func compileErrorsAreLocatedInTheExpression() {
    do {
      _ = try ExpressionEvaluator("accounts.exists(a,\n  a.root.pasword.enabled)", scope: nil)
      Issue.record("expected a compile error")
    } catch {
      #expect(error.errors.map(\.description) == [
        "2:9: undefined field 'pasword' on type 'RootUser'; did you mean 'password'?"
      ])
    }
  }

  @Test func scopeVariableOnlyWithItsScope() {
    #expect(throws: CELCompileErrors.self) { try ExpressionEvaluator("account.id") }
    #expect(throws: Never.self) { try ExpressionEvaluator("account.id", scope: .account) }
  }

  @Test func jsonStringsEscapeControlCharacters() {
    #expect(JSONText.quoted("a\u{1}\n\t\\é") == #""a\u0001\n\t\\é""#)
    #expect(CELJSON.render(.double(.infinity)) == #""+Inf""#)
    #expect(CELJSON.render(.double(-.infinity)) == #""-Inf""#)
    // 0.0/0.0 is a NaN with the sign bit set, which Swift prints as "-nan"; CEL writes NaN.
    #expect(CELJSON.render(.double(-Double.nan)) == #""NaN""#)
    #expect(CELJSON.render(.bytes([0xFF, 0x00])) == #""/wA=""#)
  }
}
