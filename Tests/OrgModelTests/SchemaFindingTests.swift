import Testing

@testable import OrgModel

/// Every schema finding, pinned by id, position and message.
@Suite struct SchemaFindingTests {
  func findings(_ text: String) -> [String] { shown(load(text)) }

  let account = header + "kind: Account\n"

  @Test func unknownFieldWithDidYouMean() {
    #expect(
      findings(account + "id: \"333333333333\"\nnmae: x\nemail: e@x.com\n") == [
        "SCHEMA001 4:1 unknown field 'nmae' in Account; did you mean 'name'?",
        "SCHEMA003 1:1 Account is missing the required field 'name'",
      ])
    #expect(
      findings(account + "id: \"333333333333\"\nname: n\nemail: e@x.com\nroot: { pasword: true }\n") == [
        "SCHEMA001 6:9 unknown field 'pasword' in root; did you mean 'password'?"
      ])
  }

  @Test func wrongTypes() {
    #expect(
      findings(
        account + "id: \"333333333333\"\nname: [a]\nemail: e@x.com\nroot:\n  password: { enabled: 'true' }\n"
          + "  accessKeys: { id: x }\n  mfaDevices: [x]\n") == [
          "SCHEMA002 4:1 'name' expects a string, found a sequence",
          "SCHEMA002 7:15 'enabled' expects a boolean (true or false), found a string",
          "SCHEMA002 8:3 'accessKeys' expects a sequence, found a mapping",
          "SCHEMA002 9:16 an item of 'mfaDevices' expects a mapping, found a string",
        ])
    #expect(
      findings(account + "id: \"333333333333\"\nname: n\nemail: e@x.com\nroot: { password: [true] }\n") == [
        "SCHEMA002 6:9 'password' expects a mapping or true/false, found a sequence"
      ])
  }

  @Test func missingRequiredFieldsAtTheEntityStart() {
    #expect(
      findings(account + "state: ACTIVE\n") == [
        "SCHEMA003 1:1 Account is missing the required field 'id'",
        "SCHEMA003 1:1 Account is missing the required field 'name'",
        "SCHEMA003 1:1 Account is missing the required field 'email'",
      ])
    #expect(
      findings(account + "id: \"333333333333\"\nname: ~\nemail: e@x.com\n") == [
        "SCHEMA003 4:1 the required field 'name' of Account has no value"
      ])
    #expect(
      findings(header + "kind: PrivilegedTask\nreason: r\n") == [
        "SCHEMA003 1:1 PrivilegedTask is missing the required field 'account'",
        "SCHEMA003 1:1 PrivilegedTask is missing the required field 'task'",
        "SCHEMA003 1:1 PrivilegedTask is missing the required field 'principal'",
        "SCHEMA003 1:1 PrivilegedTask is missing the required field 'startedAt'",
      ])
    #expect(
      findings(header + "kind: Organization\naccounts:\n  - { name: x, email: e@x.com }\n") == [
        "SCHEMA003 4:7 Account is missing the required field 'id'",
        "SCHEMA003 1:1 Organization is missing the required field 'id'",
        "SCHEMA003 1:1 Organization is missing the required field 'managementAccount'",
      ])
  }

  @Test func badEnumValues() {
    #expect(
      findings(account + "id: \"333333333333\"\nname: n\nemail: e@x.com\nstate: ACTIVATED\n") == [
        "SCHEMA004 6:1 'state' is 'ACTIVATED', not one of PENDING_ACTIVATION, ACTIVE, SUSPENDED, PENDING_CLOSURE, "
          + "CLOSED; did you mean 'ACTIVE'?"
      ])
    #expect(
      findings(
        header + "kind: PrivilegedTask\naccount: \"333333333333\"\ntask: IAMCreateRootPassword\nprincipal: p\n"
          + "startedAt: 2026-10-01T10:00:00Z\n") == [
          "SCHEMA004 4:1 'task' is 'IAMCreateRootPassword', not one of IAMAuditRootUserCredentials, "
            + "IAMCreateRootUserPassword, IAMDeleteRootUserCredentials, S3UnlockBucketPolicy, SQSUnlockQueuePolicy"
        ])
  }

  @Test func malformedValues() {
    #expect(
      findings(account + "id: 333333333333\nname: n\nemail: e@x.com\n") == [
        "SCHEMA005 3:1 account id 333333333333 is an unquoted number; quote it: YAML reads unquoted numbers as "
          + "integers and drops leading zeros"
      ])
    #expect(
      findings(account + "id: \"12345\"\nname: n\nemail: e@x.com\n") == [
        "SCHEMA005 3:1 'id' must be a 12-digit account id, found '12345'"
      ])
    // A tag makes it a string, as quotes do.
    #expect(findings(account + "id: !!str 333333333333\nname: n\nemail: e@x.com\n") == [])
    #expect(
      findings(
        header + "kind: PrivilegedTask\naccount: \"333333333333\"\ntask: IAMAuditRootUserCredentials\n"
          + "principal: p\nstartedAt: yesterday\n") == [
          "SCHEMA005 6:1 'startedAt' is not an RFC 3339 timestamp such as 2026-10-01T10:00:00Z: 'yesterday'"
        ])
    #expect(
      findings(header + "kind: Organization\nid: o-ABC\nmanagementAccount: \"111111111111\"\n") == [
        "SCHEMA005 3:1 Organization id 'o-ABC' must be 'o-' and 10 to 32 lowercase letters or digits"
      ])
  }

  @Test func yaml11Booleans() {
    #expect(
      findings(
        account + "id: \"333333333333\"\nname: n\nemail: e@x.com\nroot:\n  passwordRecovery: yes\n"
          + "  password: Off\n") == [
          "SCHEMA006 7:3 'passwordRecovery: yes' is a YAML 1.1 boolean that YAML 1.2 tools read as a string; "
            + "write true instead",
          "SCHEMA006 8:3 'password: Off' is a YAML 1.1 boolean that YAML 1.2 tools read as a string; "
            + "write false instead",
        ])
    let set = load(account + "id: \"333333333333\"\nname: n\nemail: e@x.com\nroot: { passwordRecovery: on }\n")
    #expect(set.accounts[0].root?.passwordRecovery == true)
  }

  @Test func apiVersionAndKind() {
    #expect(
      findings("kind: Account\nid: \"333333333333\"\nname: n\nemail: e@x.com\n") == [
        "SCHEMA007 1:1 this Account document has no apiVersion; add 'apiVersion: orglint/v1'"
      ])
    #expect(
      findings("apiVersion: orglint/v2\nkind: Account\nid: \"333333333333\"\nname: n\nemail: e@x.com\n") == [
        "SCHEMA007 1:1 apiVersion 'orglint/v2' is not orglint/v1; this Account document is read as orglint/v1"
      ])
    #expect(
      findings(header + "kind: Acount\n") == [
        "SCHEMA008 2:1 unknown kind 'Acount' for apiVersion orglint/v1; expected one of Organization, Account, "
          + "PrivilegedTask; did you mean 'Account'?"
      ])
    #expect(
      findings(header + "id: x\n") == [
        "SCHEMA008 1:1 an orglint/v1 document needs a kind: one of Organization, Account, PrivilegedTask"
      ])
  }

  @Test func otherYAMLIsSkippedSilently() {
    let set = load(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\n---\n- a list\n---\nplain\n---\n",
      "on: push\njobs: {}\n")
    #expect(shown(set) == [])
    #expect(set.accounts.isEmpty && set.organization == nil)
  }

  @Test func includeIsReportedAndOtherTagsAreText() {
    let set = load(account + "id: \"333333333333\"\nname: !include other.yaml\nemail: !Sub e@x.com\n")
    #expect(
      shown(set) == [
        "SCHEMA009 4:7 '!include' is not supported: orglint reads every document under the set's root, so put the "
          + "included content in a document of its own"
      ])
    #expect(set.accounts[0].name == "")
    #expect(set.accounts[0].email == "e@x.com")
  }

  @Test func inlineItemsTakeNoApiVersion() {
    let text =
      header + "kind: Organization\nid: o-a1b2c3d4e5\nmanagementAccount: \"111111111111\"\naccounts:\n"
      + "  - { apiVersion: orglint/v1, id: \"333333333333\", name: n, email: e@x.com }\n  - just text\n"
    #expect(
      findings(text) == [
        "SCHEMA001 6:7 unknown field 'apiVersion' in Account: an inline item takes the Account fields only",
        "SCHEMA002 7:5 an item of 'accounts' expects a mapping, found a string",
      ])
  }

  @Test func policyStatementProblems() {
    let text =
      header + """
        kind: Organization
        id: o-a1b2c3d4e5
        managementAccount: "111111111111"
        policies:
          - name: p
            document:
              Statement:
                - { Effect: Denied, Action: { a: b }, Principal: "*" }
                - { Action: "*", Condition: { StringEquals: [x] } }
          - { name: q, document: "{\\"Statement\\": []}" }

        """
    #expect(
      findings(text) == [
        "SCHEMA004 9:13 'Effect' is 'Denied', not one of Allow, Deny",
        "SCHEMA002 9:29 'Action' expects a string or a sequence of strings, found a mapping",
        "SCHEMA001 9:47 unknown field 'Principal' in a policy statement",
        "SCHEMA002 10:39 'StringEquals' expects a mapping, found a sequence",
        "SCHEMA003 10:13 a policy statement is missing the required field 'Effect'",
        "SCHEMA002 11:16 'document' expects a mapping (the IAM policy document, as YAML or JSON), found a string",
      ])
  }

  @Test func duplicateKeysKeepTheFirst() {
    let set = load(account + "id: \"333333333333\"\nname: first\nname: second\nemail: e@x.com\n")
    #expect(shown(set) == ["YAML002 5:1 duplicate key 'name'; it is first defined at line 4"])
    #expect(set.accounts[0].name == "first")
  }

  @Test func aliasesAreFollowed() {
    let set = load(
      header + "kind: Organization\nid: o-a1b2c3d4e5\nmanagementAccount: &m \"111111111111\"\n"
        + "delegatedAdministrators: [{ service: iam.amazonaws.com, account: *m }]\n")
    #expect(shown(set) == ["REF002 5:57 delegated administrator account '111111111111' is not described in the set"])
    #expect(set.organization?.delegatedAdministrators?[0].account == "111111111111")
  }

  @Test func hostileInputDoesNotCrash() {
    // Deep nesting, syntax errors, an alias bomb, binary junk: findings, never a trap.
    let deep = header + "kind: Account\nroot: " + String(repeating: "[", count: 600)
    #expect(shown(load(deep)).first?.hasPrefix("YAML004") == true)
    #expect(shown(load(header + "kind: Account\nid: [\n")).first?.hasPrefix("YAML001") == true)
    var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in 1...8 { bomb += "\(Character(Unicode.Scalar(97 + i)!)): &\(Character(Unicode.Scalar(97 + i)!)) [" }
    _ = load(bomb)
    _ = load(String(decoding: [0xFF, 0x00, 0x41, 0xC3], as: UTF8.self))
    _ = load(header + "kind: Account\n? [complex, key]\n: v\n? |\n  block key\n: v\n")
  }
}
