import Testing

@testable import OrgModel

/// `unknown:` on every object type and the Account `audit:` block (Docs/format.md, "Unknown facts").
@Suite struct UnknownDecodingTests {
  let account = header + "kind: Account\nid: \"333333333333\"\nname: n\nemail: e@x.com\n"

  @Test func everyObjectTypeTakesUnknown() throws {
    let set = load(
      header + """
        kind: Organization
        id: o-abcdefghij
        rootAccess:
          rootCredentialsManagement: true
          unknown: { rootSessions: "features.json missing" }
        unknown:
          managementAccount: "describe-organization.json missing"
          policies: "list-policies: AccessDenied"
          trustedAccess: "list-aws-service-access: AccessDenied"
          organizationalUnits: "list-organizational-units-for-parent: AccessDenied"
        accounts:
          - id: "333333333333"
            unknown: { name: "n?", email: "e?" }
            alternateContacts:
              billing: { name: B }
              unknown: { security: "get-alternate-contact SECURITY: AccessDenied" }
            root:
              password: { enabled: true, unknown: { lastUsed: "credential report missing" } }
              unknown: { mfaDevices: "list-mfa-devices: AccessDenied" }
            audit:
              status: partial
              unknown: { at: "audit time not recorded" }
        privilegedTasks:
          - account: "333333333333"
            task: IAMAuditRootUserCredentials
            principal: arn:aws:iam::111111111111:role/Admin
            unknown: { startedAt: "event time missing", completedAt: "session end not logged" }

        """)
    #expect(shown(set) == [])
    let org = try #require(set.organization)
    #expect(
      org.unknown.entries.map(\.field) == ["managementAccount", "policies", "trustedAccess", "organizationalUnits"])
    #expect(org.unknown.reason("policies") == "list-policies: AccessDenied")
    #expect(org.rootAccess?.unknown.entries == [.init(field: "rootSessions", reason: "features.json missing")])
    let a = try #require(set.accounts.first)
    #expect(a.unknown.entries.map(\.field) == ["name", "email"])
    #expect(a.alternateContacts?.unknown.reason("security") == "get-alternate-contact SECURITY: AccessDenied")
    #expect(a.alternateContacts?.billing?.name == "B")
    #expect(a.root?.unknown.reason("mfaDevices") == "list-mfa-devices: AccessDenied")
    #expect(a.root?.password?.unknown.reason("lastUsed") == "credential report missing")
    #expect(a.root?.password?.enabled == true)
    #expect(a.audit?.status == .partial)
    #expect(a.audit?.unknown.reason("at") == "audit time not recorded")
    let t = try #require(set.tasks.first)
    #expect(t.unknown.entries.map(\.field) == ["startedAt", "completedAt"])
  }

  @Test func givenAndUnknownIsReportedAtTheEntryAndTheValueIsUsed() throws {
    let set = load(
      account + "root:\n  passwordRecovery: false\n  unknown:\n    passwordRecovery: \"features: AccessDenied\"\n"
        + "    mfaDevices: \"list-mfa-devices: AccessDenied\"\n")
    #expect(shown(set) == ["SCHEMA010 9:5 field 'passwordRecovery' is both given and unknown; the given value is used"])
    let root = try #require(set.accounts.first?.root)
    #expect(root.passwordRecovery == false)
    #expect(root.unknown.entries.map(\.field) == ["mfaDevices"])
    // The value may come after `unknown:`; a null value is absent, so it may be listed.
    #expect(
      shown(load(account + "unknown: { state: \"s\", tags: \"t\" }\nstate: ACTIVE\ntags: ~\n")) == [
        "SCHEMA010 6:12 field 'state' is both given and unknown; the given value is used"
      ])
  }

  @Test func badNamesAndReasons() {
    #expect(
      shown(load(account + "unknown:\n  rot: \"x\"\n  id: \"y\"\n  kind: \"z\"\n  unknown: \"u\"\n")) == [
        "SCHEMA001 7:3 'unknown' of Account lists 'rot', which is not a field of Account; did you mean 'root'?",
        "SCHEMA001 8:3 'id' of Account cannot be unknown: it is the Account's identity",
        "SCHEMA001 9:3 'kind' cannot be unknown: it says what the document is",
        "SCHEMA001 10:3 'unknown' of Account lists 'unknown', which is not a field of Account",
      ])
    #expect(
      shown(load(account + "unknown:\n  name: ~\n  email: \"\"\n  tags: [a]\n  root: { a: b }\n")) == [
        "SCHEMA002 7:3 the reason why 'name' is unknown must be a non-empty string naming the missing source, found "
          + "null",
        "SCHEMA002 8:3 the reason why 'email' is unknown must be a non-empty string naming the missing source, found "
          + "an empty string",
        "SCHEMA002 9:3 the reason why 'tags' is unknown must be a non-empty string naming the missing source, found "
          + "a sequence",
        "SCHEMA002 10:3 the reason why 'root' is unknown must be a non-empty string naming the missing source, found "
          + "a mapping",
      ])
    #expect(shown(load(account + "unknown: [root]\n")) == ["SCHEMA002 6:1 'unknown' expects a mapping, found a sequence"])
    #expect(
      shown(load(header + "kind: PrivilegedTask\nunknown: { account: x }\n")) == [
        "SCHEMA001 3:12 'account' of PrivilegedTask cannot be unknown: it is the PrivilegedTask's identity",
        "SCHEMA003 1:1 PrivilegedTask is missing the required field 'account'",
        "SCHEMA003 1:1 PrivilegedTask is missing the required field 'task'",
        "SCHEMA003 1:1 PrivilegedTask is missing the required field 'principal'",
        "SCHEMA003 1:1 PrivilegedTask is missing the required field 'startedAt'",
      ])
  }

  @Test func requiredFieldsListedAsUnknownArePresent() {
    #expect(
      shown(load(header + "kind: Account\nid: \"333333333333\"\nunknown: { name: a, email: b }\n")) == [])
    #expect(
      shown(load(header + "kind: Organization\nid: o-abcdefghij\nunknown: { managementAccount: m }\n")) == [])
    #expect(
      shown(load(account + "audit: { unknown: { at: a } }\n")) == [
        "SCHEMA003 6:10 audit is missing the required field 'status'"
      ])
    // A required field written as null is still SCHEMA003, whatever `unknown:` says (as the JSON Schema has it).
    #expect(
      shown(load(header + "kind: Account\nid: \"333333333333\"\nname: ~\nemail: e\nunknown: { name: a }\n")) == [
        "SCHEMA003 4:1 the required field 'name' of Account has no value"
      ])
  }

  @Test func auditBlock() throws {
    let set = load(
      account + """
        audit:
          at: 2026-11-30T10:00:00Z
          status: partial
          errors:
            - call: iam:GetLoginProfile
              error: AccessDenied
              source: accounts/333333333333/get-login-profile.error.json
            - { call: iam:ListMFADevices }

        """)
    #expect(shown(set) == ["SCHEMA003 13:9 an audit error is missing the required field 'error'"])
    let audit = try #require(set.accounts.first?.audit)
    #expect(audit.at == Timestamp(rfc3339: "2026-11-30T10:00:00Z"))
    #expect(audit.status == .partial)
    #expect(
      audit.errors == [
        AuditError(
          call: "iam:GetLoginProfile", error: "AccessDenied",
          source: "accounts/333333333333/get-login-profile.error.json"),
        AuditError(call: "iam:ListMFADevices"),
      ])
    #expect(
      shown(load(account + "audit: { at: yesterday, status: done }\n")) == [
        "SCHEMA005 6:10 'at' is not an RFC 3339 timestamp such as 2026-10-01T10:00:00Z: 'yesterday'",
        "SCHEMA004 6:25 'status' is 'done', not one of complete, partial, failed",
      ])
  }
}
