import CEL
import Diagnostics
import OrgModel
import Testing

@testable import RuleEngine

/// Rules over facts listed under `unknown:`: not judged exactly where they read one, judged everywhere else.
@Suite struct UnknownEvaluationTests {
  static let org = """
    apiVersion: orglint/v1
    kind: Organization
    id: o-a1b2c3d4e5
    managementAccount: "111111111111"
    rootAccess: { rootCredentialsManagement: true }

    """

  static func account(_ id: String, _ name: String, _ body: String = "") -> String {
    "---\napiVersion: orglint/v1\nkind: Account\nid: \"\(id)\"\nname: \(name)\nemail: \(name)@example.com\n\(body)"
  }

  static let accounts =
    account(
      "222222222222", "dev",
      "root:\n  accessKeys: []\n  unknown:\n    password: \"iam get-login-profile: AccessDenied (a.json)\"\n")
    + account("333333333333", "prod", "root: { password: false }\n")
    + account("444444444444", "sandbox")

  /// Runs one rule; findings as `ID line:col message`, not-judged checks as `ID entity path:line:col [causes]`.
  func run(_ rule: String, org: String = org, accounts: String = accounts, tasks: String = "") -> (
    findings: [String], notJudged: [String], checks: Int
  ) {
    let (compiled, problems) = compile(rule)
    #expect(problems == [])
    guard let compiled else { return ([], [], 0) }
    let files = [("org.yaml", org), ("accounts.yaml", accounts)] + (tasks.isEmpty ? [] : [("tasks.yaml", tasks)])
    let set = OrgSetLoader.load(sources: files.map { SourceFile(path: $0.0, bytes: Array($0.1.utf8)) })
    #expect(set.findings.map(describeFinding) == [])
    let result = RuleEvaluator(set: set, now: CELTimestamp.parse("2026-11-25T00:00:00Z")!).run([compiled])
    return (
      result.findings.map(describeFinding),
      result.notJudged.map { "\($0.ruleId) \($0.entity) \($0.path):\($0.range.start) \($0.causes)" },
      result.checks
    )
  }

  static let passwordCause = "account/222222222222 root.password: iam get-login-profile: AccessDenied (a.json)"

  @Test func assertReadingAnUnknownIsNotJudgedForThatItemOnly() {
    let r = run(
      ruleText(
        assert: "account.root == null || !account.root.password.enabled",
        message: "\"{{account.name}} has a root password\""))
    #expect(r.findings == [])
    #expect(r.notJudged == ["TEST001 account/222222222222 accounts.yaml:2:1 [\"\(Self.passwordCause)\"]"])
    #expect(r.checks == 3)
  }

  @Test func whenReadingAnUnknownIsNotJudged() {
    let r = run(ruleText(when: "account.root != null && account.root.password.enabled", assert: "false"))
    #expect(r.findings == [])
    #expect(r.notJudged == ["TEST001 account/222222222222 accounts.yaml:2:1 [\"\(Self.passwordCause)\"]"])
    // prod's `when` is false (not a check), sandbox's too (no root).
    #expect(r.checks == 1)
  }

  @Test func presenceOfAnUnknownFieldIsUnknown() {
    let r = run(ruleText(when: "account.root != null", assert: "has(account.root.password)"))
    #expect(r.notJudged == ["TEST001 account/222222222222 accounts.yaml:2:1 [\"\(Self.passwordCause)\"]"])
    #expect(r.findings == [])
    #expect(r.checks == 2)
  }

  @Test func absorbedUnknownsAreJudged() {
    let r = run(ruleText(assert: "account.root == null || account.root.password.enabled || true"))
    #expect(r.findings == [])
    #expect(r.notJudged == [])
    #expect(r.checks == 3)
    let failing = run(
      ruleText(assert: "account.root != null && account.root.password.enabled && false", message: "\"{{account.name}}\""))
    #expect(
      failing.findings == ["TEST001 7:1 dev", "TEST001 17:1 prod", "TEST001 19:1 sandbox"])
    #expect(failing.notJudged == [])
  }

  @Test func unknownMessagePartsRenderAsUnknown() {
    let r = run(
      ruleText(
        when: "account.root != null", assert: "false",
        message: "\"{{account.name}}: password {{account.root.password.enabled}}\""))
    #expect(r.findings == ["TEST001 7:1 dev: password [unknown]", "TEST001 17:1 prod: password false"])
  }

  @Test func unknownFieldsOfEveryObjectCarryTheirPath() {
    let accounts = Self.account(
      "222222222222", "dev",
      """
      unknown: { organizationalUnit: "ou.json missing" }
      alternateContacts: { unknown: { security: "contact denied" } }
      audit: { status: partial, unknown: { at: "no time" } }
      root:
        password: { enabled: false, unknown: { lastUsed: "no report" } }

      """)
    let org = Self.org.replacingOccurrences(
      of: "rootAccess: { rootCredentialsManagement: true }", with: "rootAccess: { unknown: { rootSessions: \"f\" } }")
    func causes(_ expression: String) -> [String] {
      let r = run(ruleText(assert: expression), org: org, accounts: accounts)
      return r.notJudged.map { "\($0.dropFirst("TEST001 account/222222222222 accounts.yaml:2:1 ".count))" }
    }
    #expect(causes("account.organizationalUnit == ''") == [#"["account/222222222222 organizationalUnit: ou.json missing"]"#])
    #expect(
      causes("account.alternateContacts.security != null")
        == [#"["account/222222222222 alternateContacts.security: contact denied"]"#])
    #expect(causes("account.audit.at < now") == [#"["account/222222222222 audit.at: no time"]"#])
    #expect(
      causes("account.root.password.lastUsed == null")
        == [#"["account/222222222222 root.password.lastUsed: no report"]"#])
    #expect(causes("org.rootAccess.rootSessions") == [#"["organization/o-a1b2c3d4e5 rootAccess.rootSessions: f"]"#])
    #expect(
      causes("org.rootAccess.rootSessions && account.alternateContacts.security != null")
        == [
          #"["organization/o-a1b2c3d4e5 rootAccess.rootSessions: f", "account/222222222222 alternateContacts.security: contact denied"]"#
        ])
    // The OU's unknown also makes the policies in effect unknown.
    #expect(causes("size(account.policies) == 0") == [#"["account/222222222222 organizationalUnit: ou.json missing"]"#])
  }

  @Test func organizationUnknownsDeriveToLinkedFieldsAndVariables() {
    let org = Self.org + """
      delegatedAdministrators: [{ service: iam.amazonaws.com, account: "333333333333" }]
      unknown:
        policies: "list-policies: AccessDenied"
        accounts: "list-accounts.json missing"
        privilegedTasks: "no CloudTrail export"

      """
    let tasks = """
      apiVersion: orglint/v1
      kind: PrivilegedTask
      account: "999999999999"
      task: IAMAuditRootUserCredentials
      principal: arn:aws:iam::111111111111:role/Admin
      startedAt: 2026-10-01T10:00:00Z
      ---
      apiVersion: orglint/v1
      kind: PrivilegedTask
      account: "333333333333"
      task: IAMAuditRootUserCredentials
      principal: arn:aws:iam::111111111111:role/Admin
      startedAt: 2026-10-01T10:00:00Z

      """
    let policies = #"["organization/o-a1b2c3d4e5 policies: list-policies: AccessDenied"]"#
    let accountList = #"["organization/o-a1b2c3d4e5 accounts: list-accounts.json missing"]"#
    let taskLog = #"["organization/o-a1b2c3d4e5 privilegedTasks: no CloudTrail export"]"#
    func notJudged(_ rule: String) -> [String] { run(rule, org: org, tasks: tasks).notJudged }
    #expect(
      notJudged(ruleText(assert: "size(account.policies) > 0")) == [
        "TEST001 account/222222222222 accounts.yaml:2:1 \(policies)",
        "TEST001 account/333333333333 accounts.yaml:12:1 \(policies)",
        "TEST001 account/444444444444 accounts.yaml:19:1 \(policies)",
      ])
    #expect(notJudged(ruleText(assert: "size(policies) > 0")).count == 3)
    #expect(notJudged(ruleText(assert: "size(account.tasks) == 0")).count == 3)
    #expect(notJudged(ruleText(assert: "tasks.all(t, t.account != '1')")).last?.hasSuffix(taskLog) == true)
    #expect(notJudged(ruleText(assert: "accounts.exists(a, a.id == account.id)")).first?.hasSuffix(accountList) == true)
    // Only the task whose target is not in the set has an unknown target.
    #expect(
      notJudged(ruleText(scope: "task", assert: "task.target != null", message: "\"{{task.account}}\"", location: "task")) == [
        "TEST001 task/999999999999/2026-10-01T10:00:00Z/IAMAuditRootUserCredentials tasks.yaml:1:1 \(accountList)"
      ])
    let delegated = run(
      ruleText(assert: "account.isDelegatedAdmin == false"),
      org: Self.org + "unknown: { delegatedAdministrators: \"denied\" }\n"
    ).notJudged
    #expect(delegated.count == 3)
    #expect(delegated.first?.hasSuffix(#"["organization/o-a1b2c3d4e5 delegatedAdministrators: denied"]"#) == true)
  }

  @Test func evalShowsUnknownsWithTheirCauses() throws {
    let set = OrgSetLoader.load(
      sources: [("org.yaml", Self.org), ("accounts.yaml", Self.accounts)].map {
        SourceFile(path: $0.0, bytes: Array($0.1.utf8))
      })
    let lines = try ExpressionEvaluator("account.root.password.enabled", scope: .account)
      .evaluate(set, now: CELTimestamp.parse("2026-11-25T00:00:00Z")!).map(\.line)
    #expect(
      lines == [
        #"{"item":"account/222222222222","value":{"unknown":["account/222222222222 root.password: iam get-login-profile: AccessDenied (a.json)"]}}"#,
        #"{"item":"account/333333333333","value":false}"#,
        #"{"item":"account/444444444444","error":"cannot select field 'password' on null"}"#,
      ])
  }

  @Test func linterCountsChecksAndNotJudgedOfTheReportedFiles() {
    let set = OrgSetLoader.load(
      sources: [("org.yaml", Self.org), ("accounts.yaml", Self.accounts)].map {
        SourceFile(path: $0.0, bytes: Array($0.1.utf8))
      })
    let (compiled, _) = compile(ruleText(assert: "account.root == null || !account.root.password.enabled"))
    let evaluator = RuleEvaluator(set: set, now: CELTimestamp.parse("2026-11-25T00:00:00Z")!)
    let none = evaluator.run([compiled!]) { $0 == "org.yaml" }
    #expect(none.checks == 0 && none.notJudged.isEmpty)
    let all = evaluator.run([compiled!]) { $0 == "accounts.yaml" }
    #expect(all.checks == 3 && all.notJudged.count == 1 && all.judged == 2)
  }
}
