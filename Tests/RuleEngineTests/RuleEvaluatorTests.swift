import CEL
import Diagnostics
import OrgModel
import Testing

@testable import RuleEngine

/// Lints in-memory files with one rule given as text.
func lint(_ files: [(String, String)], rule: String, now: String = "2026-11-25T00:00:00Z") -> [Finding] {
  let (compiled, problems) = compile(rule)
  #expect(problems == [])
  guard let compiled else { return [] }
  let set = OrgSetLoader.load(sources: files.map { SourceFile(path: $0.0, bytes: Array($0.1.utf8)) })
  #expect(set.findings.map(describeFinding) == [])
  return RuleEvaluator(set: set, now: CELTimestamp.parse(now)!).evaluate([compiled])
}

private let org = """
  apiVersion: orglint/v1
  kind: Organization
  id: o-a1b2c3d4e5
  managementAccount: "111111111111"
  rootAccess: { rootCredentialsManagement: true }

  """

private func account(_ id: String, _ name: String, root: String = "") -> String {
  "---\napiVersion: orglint/v1\nkind: Account\nid: \"\(id)\"\nname: \(name)\nemail: \(name)@example.com\n\(root)"
}

@Suite struct RuleEvaluatorTests {
  let keys = ruleText(
    assert: "account.root == null || size(account.root.accessKeys) == 0",
    message: "\"account {{account.name}} has {{size(account.root.accessKeys)}} root access keys\"",
    location: "account.root.accessKeys")

  @Test func findingPointsAtTheLocationKeyWithMessageAndIdentity() throws {
    let files = [
      ("org.yaml", org),
      ("a.yaml", account("222222222222", "dev", root: "root:\n  accessKeys:\n    - { id: AKIA1 }\n")),
    ]
    let findings = lint(files, rule: keys)
    let f = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(f.ruleId == "TEST001")
    #expect(f.path == "a.yaml")
    #expect("\(f.range!.start)" == "8:3")
    #expect(f.message == "account dev has 1 root access keys")
    #expect(f.fingerprint == "TEST001:account/222222222222/root.accessKeys")
    #expect(f.logicalLocation == "organization/o-a1b2c3d4e5/account/222222222222/root/accessKeys")
  }

  @Test func locationFallsBackToTheNearestExistingParent() throws {
    let rule = ruleText(assert: "false", location: "account.root.passwordRecovery")
    let f = try #require(lint([("a.yaml", account("222222222222", "dev", root: "root:\n  password: true\n"))], rule: rule).first)
    #expect("\(f.range!.start)" == "7:1")
    let g = try #require(lint([("a.yaml", account("222222222222", "dev"))], rule: rule).first)
    #expect("\(g.range!.start)" == "2:1")
  }

  @Test func whenFalseMeansNotApplicable() {
    let rule = ruleText(when: "account.isManagement", assert: "false")
    #expect(lint([("org.yaml", org), ("a.yaml", account("222222222222", "dev"))], rule: rule).isEmpty)
  }

  @Test func runtimeErrorsBecomeFindingsNamingTheRule() throws {
    let rule = ruleText(assert: "account.tags['owner'] == 'x'")
    let f = try #require(lint([("a.yaml", account("222222222222", "dev"))], rule: rule).first)
    #expect(f.ruleId == "RULE009")
    #expect(f.message.hasPrefix("rule TEST001 (test-rule) could not evaluate 'assert' for account/222222222222: "))
    #expect(f.message.contains("owner"))
  }

  @Test func relatedEntitiesBecomeRelatedLocations() throws {
    let rule = ruleText(assert: "size(account.sameEmail) == 0", location: "account.email", related: "account.sameEmail")
    let a = "---\napiVersion: orglint/v1\nkind: Account\nid: \"222222222222\"\nname: a\nemail: x@example.com\n"
    let b = "---\napiVersion: orglint/v1\nkind: Account\nid: \"333333333333\"\nname: b\nemail: X@example.com\n"
    let findings = lint([("a.yaml", a), ("b.yaml", b)], rule: rule)
    #expect(findings.count == 2)
    #expect(findings[0].related.map { $0.path } == ["b.yaml"])
    #expect(
      findings[0].related.map { $0.message } == ["account/333333333333, named by this rule's related: account.sameEmail"])
  }

  /// Fingerprints name the entity and property, never a file or line: they survive reformatting, reordering
  /// accounts and moving an account to another file.
  @Test func fingerprintsSurviveReformattingReorderingAndMoving() {
    func fingerprints(_ files: [(String, String)]) -> [String] {
      lint(files, rule: keys).compactMap(\.fingerprint).sorted()
    }
    let withKey = "root:\n  accessKeys:\n    - { id: AKIA1 }\n"
    let before = fingerprints([
      ("org.yaml", org), ("a.yaml", account("222222222222", "dev", root: withKey) + account("333333333333", "prod", root: withKey)),
    ])
    #expect(before == ["TEST001:account/222222222222/root.accessKeys", "TEST001:account/333333333333/root.accessKeys"])
    let reformatted = "root:\n\n  # keys\n  accessKeys: [{id: AKIA1}]\n"
    #expect(
      fingerprints([
        ("org.yaml", org),
        ("a.yaml", "# header\n" + account("222222222222", "dev", root: reformatted) + account("333333333333", "prod", root: withKey)),
      ]) == before)
    #expect(
      fingerprints([
        ("org.yaml", org), ("a.yaml", account("333333333333", "prod", root: withKey) + account("222222222222", "dev", root: withKey)),
      ]) == before)
    #expect(
      fingerprints([
        ("org.yaml", org), ("a.yaml", account("222222222222", "dev", root: withKey)),
        ("moved/b.yaml", account("333333333333", "prod", root: withKey)),
      ]) == before)
  }
}
