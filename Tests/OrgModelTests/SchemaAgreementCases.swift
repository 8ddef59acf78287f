/// Small documents on which the loader (its SCHEMA findings) and the JSON Schema must give the same verdict.
struct AgreementCase: Sendable {
  var name: String
  var yaml: String
  /// The loader's verdict (no SCHEMA finding), which the schema should share.
  var valid: Bool
  /// Set when the two are known to disagree: why. The test then asserts that the schema gives the opposite verdict,
  /// so that the case moves to the agreeing ones when the loader or the schema changes.
  var knownDifference: String?
}

enum AgreementCases {
  static let account = "apiVersion: orglint/v1\nkind: Account\n"
  static let task = "apiVersion: orglint/v1\nkind: PrivilegedTask\n"
  static let organization =
    "apiVersion: orglint/v1\nkind: Organization\nid: o-abcdefghij\n"
    + "managementAccount: \"111111111111\"\n"
  static let minimalAccount = account + "id: \"333333333333\"\nname: prod\nemail: a@example.com\n"
  static let minimalTask =
    task + """
      account: "333333333333"
      task: IAMCreateRootUserPassword
      principal: arn:aws:iam::111111111111:role/RootAccessAdmin
      startedAt: 2026-10-01T10:00:00Z

      """

  static let all: [AgreementCase] = [
    AgreementCase(name: "minimal account", yaml: minimalAccount, valid: true),
    AgreementCase(
      name: "full account",
      yaml: minimalAccount + """
        organizationalUnit: Workloads/Prod
        state: ACTIVE
        alternateContacts:
          security: { name: Sec, email: sec@example.com, phone: "+1 555 0100", title: CISO }
          billing: ~
        tags: { owner: platform }
        root:
          password: { enabled: true, lastUsed: 2026-09-30T08:00:00Z }
          accessKeys: [{ id: AKIAEXAMPLE, active: true, lastUsed: 2026-01-01T00:00:00+02:00 }]
          signingCertificates: [{ id: CERTEXAMPLE, active: false }]
          mfaDevices: [{ type: hardware, serial: GAHT12345678, enabledAt: "2025-01-01T00:00:00Z" }]
          passwordRecovery: false

        """, valid: true),
    AgreementCase(name: "password shorthand true", yaml: minimalAccount + "root: { password: true }\n", valid: true),
    AgreementCase(name: "password shorthand false", yaml: minimalAccount + "root: { password: false }\n", valid: true),
    AgreementCase(
      name: "password object with an unknown field", yaml: minimalAccount + "root: { password: { enable: true } }\n",
      valid: false),
    AgreementCase(
      name: "password YAML 1.1 boolean", yaml: minimalAccount + "root: { password: yes }\n", valid: false),
    AgreementCase(
      name: "password as a list", yaml: minimalAccount + "root: { password: [true] }\n", valid: false),
    AgreementCase(name: "optional fields null", yaml: minimalAccount + "state: ~\ntags:\nroot: ~\n", valid: true),
    AgreementCase(
      name: "unknown field", yaml: account + "id: \"333333333333\"\nname: prod\nemial: a@example.com\n", valid: false),
    AgreementCase(name: "tags as a list", yaml: minimalAccount + "tags: [owner]\n", valid: false),
    AgreementCase(name: "missing name", yaml: account + "id: \"333333333333\"\nemail: a@example.com\n", valid: false),
    AgreementCase(
      name: "required field null", yaml: account + "id: \"333333333333\"\nname: prod\nemail:\n", valid: false),
    AgreementCase(name: "bad state", yaml: minimalAccount + "state: OPEN\n", valid: false),
    AgreementCase(
      name: "unquoted account id", yaml: account + "id: 333333333333\nname: prod\nemail: a@example.com\n",
      valid: false),
    AgreementCase(
      name: "unquoted account id, not octal",
      yaml: account + "id: 089012345678\nname: prod\nemail: a@example.com\n", valid: false),
    AgreementCase(name: "null tag value", yaml: minimalAccount + "tags: { owner: ~ }\n", valid: true),
    AgreementCase(
      name: "11-digit account id", yaml: account + "id: \"33333333333\"\nname: prod\nemail: a@example.com\n",
      valid: false),
    AgreementCase(
      name: "missing apiVersion", yaml: "kind: Account\nid: \"333333333333\"\nname: p\nemail: e\n", valid: false),
    AgreementCase(name: "unknown kind", yaml: "apiVersion: orglint/v1\nkind: Acount\n", valid: false),
    AgreementCase(name: "minimal task, completedAt null", yaml: minimalTask + "completedAt: null\n", valid: true),
    AgreementCase(
      name: "task with completedAt", yaml: minimalTask + "completedAt: 2026-10-01 10:05:00.5+02:00\n", valid: true),
    AgreementCase(
      name: "malformed timestamp", yaml: minimalTask.replacingOccurrences(of: "10:00:00Z", with: "10:00:00"),
      valid: false),
    AgreementCase(
      name: "bad task kind", yaml: minimalTask.replacingOccurrences(of: "IAMCreate", with: "IAMMake"), valid: false),
    AgreementCase(name: "minimal organization", yaml: organization, valid: true),
    AgreementCase(
      name: "bad organization id",
      yaml: organization.replacingOccurrences(of: "o-abcdefghij", with: "o-ABCDEFGHIJ"), valid: false),
    AgreementCase(
      name: "organization with units, policies and inline items",
      yaml: organization + """
        featureSet: ALL
        trustedAccess: [iam.amazonaws.com]
        delegatedAdministrators: [{ service: iam.amazonaws.com, account: "333333333333" }]
        rootAccess: { rootCredentialsManagement: true, rootSessions: false }
        organizationalUnits:
          - name: Workloads
            policies: [deny-root]
            children: [{ name: Prod }]
        policies:
          - name: deny-root
            attachedTo: [Root]
            document:
              Version: 2012-10-17
              Statement:
                Effect: Deny
                Action: "*"
                Resource: ["*"]
                Condition: { Bool: { "aws:SecureTransport": false }, "Null": { "aws:AssumedRoot": "true" } }
        accounts:
          - { id: "333333333333", name: prod, email: a@example.com, organizationalUnit: Workloads/Prod }
        privilegedTasks:
          - account: "333333333333"
            task: IAMAuditRootUserCredentials
            principal: x
            startedAt: 2026-10-01T10:00:00Z

        """, valid: true),
    AgreementCase(
      name: "inline account with apiVersion and kind",
      yaml: organization + "accounts:\n  - { apiVersion: orglint/v1, kind: Account, id: \"333333333333\", name: p, "
        + "email: e }\n", valid: false),
    AgreementCase(
      name: "inline account missing email",
      yaml: organization + "accounts:\n  - { id: \"333333333333\", name: p }\n", valid: false),
    AgreementCase(
      name: "inline task with kind",
      yaml: organization + "privilegedTasks:\n  - { kind: PrivilegedTask, account: \"333333333333\", "
        + "task: IAMAuditRootUserCredentials, principal: x, startedAt: 2026-10-01T10:00:00Z }\n", valid: false),
    AgreementCase(
      name: "statement without Effect",
      yaml: organization + "policies:\n  - { name: p, document: { Statement: [{ Action: \"*\" }] } }\n", valid: false),
    AgreementCase(
      name: "statement with an unknown field",
      yaml: organization + "policies:\n  - { name: p, document: { Statement: { Effect: Deny, Principal: \"*\" } } }\n",
      valid: false),
    AgreementCase(name: "policy without document", yaml: organization + "policies:\n  - { name: p }\n", valid: false),
    AgreementCase(
      name: "delegated administrator without account",
      yaml: organization + "delegatedAdministrators: [{ service: iam.amazonaws.com }]\n", valid: false),

    // `unknown:` and `audit:`.
    AgreementCase(
      name: "unknown on every mapping that takes it",
      yaml: account + """
        id: "333333333333"
        unknown: { name: "list-accounts.json missing", email: "list-accounts.json missing" }
        alternateContacts: { unknown: { security: "AccessDenied" } }
        root:
          password: { enabled: true, unknown: { lastUsed: "credential report missing" } }
          unknown: { mfaDevices: "list-mfa-devices: AccessDenied" }
        audit:
          status: partial
          errors: [{ call: iam:ListMFADevices, error: AccessDenied, source: a.json }]
          unknown: { at: "audit time not recorded" }

        """, valid: true),
    AgreementCase(
      name: "unknown on an organization and a task",
      yaml: organization + """
        rootAccess: { unknown: { rootSessions: "features.json missing" } }
        unknown: { policies: "AccessDenied", accounts: "list-accounts.json missing" }
        privilegedTasks:
          - { account: "333333333333", principal: x, unknown: { task: t, startedAt: s } }

        """, valid: true),
    AgreementCase(
      name: "unknown required field of an organization",
      yaml: "apiVersion: orglint/v1\nkind: Organization\nid: o-abcdefghij\nunknown: { managementAccount: m }\n",
      valid: true),
    AgreementCase(
      name: "unknown field both given and listed", yaml: minimalAccount + "state: ACTIVE\nunknown: { state: s }\n",
      valid: false),
    AgreementCase(
      name: "unknown field null and listed", yaml: minimalAccount + "state: ~\nunknown: { state: s }\n", valid: true),
    AgreementCase(
      name: "unknown required field given", yaml: minimalAccount + "unknown: { email: e }\n", valid: false),
    AgreementCase(name: "unknown lists an identity", yaml: minimalAccount + "unknown: { id: i }\n", valid: false),
    AgreementCase(name: "unknown lists a typo", yaml: minimalAccount + "unknown: { rot: r }\n", valid: false),
    AgreementCase(name: "unknown reason empty", yaml: minimalAccount + "unknown: { root: \"\" }\n", valid: false),
    AgreementCase(name: "unknown reason null", yaml: minimalAccount + "unknown: { root: ~ }\n", valid: false),
    AgreementCase(name: "unknown as a list", yaml: minimalAccount + "unknown: [root]\n", valid: false),
    AgreementCase(name: "unknown null", yaml: minimalAccount + "unknown: ~\n", valid: true),
    AgreementCase(name: "unknown on a contact", yaml: minimalAccount + "alternateContacts: { security: { unknown: {} } }\n", valid: false),
    AgreementCase(name: "audit without status", yaml: minimalAccount + "audit: { at: 2026-11-30T10:00:00Z }\n", valid: false),
    AgreementCase(name: "audit status not known", yaml: minimalAccount + "audit: { at: 2026-11-30T10:00:00Z, status: ok }\n", valid: false),
    AgreementCase(
      name: "audit error without error",
      yaml: minimalAccount + "audit: { at: 2026-11-30T10:00:00Z, status: failed, errors: [{ call: sts:AssumeRoot }] }\n",
      valid: false),

    // Known differences.
    AgreementCase(
      name: "number where a string is expected", yaml: account + "id: \"333333333333\"\nname: 42\nemail: e\n",
      valid: true,
      knownDifference: "the loader accepts any scalar (number, boolean) where a string is expected"),
    AgreementCase(
      name: "null list item", yaml: organization + "trustedAccess: [~, iam.amazonaws.com]\n", valid: false),
    AgreementCase(
      name: "day past the month's end", yaml: minimalTask + "completedAt: 2026-02-30T10:00:00Z\n", valid: false,
      knownDifference: "the schema's timestamp pattern does not know the length of each month (the loader does)"),
  ]
}
