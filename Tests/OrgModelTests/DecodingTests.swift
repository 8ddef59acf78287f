import Diagnostics
import Testing

@testable import LocatedYAML
@testable import OrgModel

@Suite struct DecodingTests {
  static let account = """
    apiVersion: orglint/v1
    kind: Account
    id: "333333333333"
    name: workload-prod
    email: aws+prod@example.com
    organizationalUnit: Workloads/Prod
    state: SUSPENDED
    alternateContacts:
      security: { name: Sec Team, email: sec@example.com, phone: "+1 555 0100", title: CISO }
      billing:
        name: Billing
    tags: { owner: platform, cost: 1234, empty: }
    root:
      password:
        enabled: true
        lastUsed: 2026-09-30T08:00:00Z
      accessKeys:
        - { id: AKIAEXAMPLE, active: true, lastUsed: 2026-01-01T00:00:00Z }
        - id: AKIASECOND
      signingCertificates:
        - { id: CERTEXAMPLE, active: false }
      mfaDevices:
        - { type: hardware, serial: GAHT12345678, enabledAt: 2025-01-01T00:00:00Z }
        - { type: passkey }
      passwordRecovery: false

    """

  @Test func everyAccountField() throws {
    let set = load(Self.account)
    #expect(shown(set) == [])
    let a = try #require(set.accounts.first)
    #expect(a.id == "333333333333")
    #expect(a.name == "workload-prod")
    #expect(a.email == "aws+prod@example.com")
    #expect(a.organizationalUnit == "Workloads/Prod")
    #expect(a.state == .suspended)
    let contacts = try #require(a.alternateContacts)
    #expect(contacts.security?.name == "Sec Team")
    #expect(contacts.security?.email == "sec@example.com")
    #expect(contacts.security?.phone == "+1 555 0100")
    #expect(contacts.security?.title == "CISO")
    #expect(contacts.operations == nil)
    #expect(contacts.billing?.name == "Billing")
    #expect(contacts.billing?.email == nil)
    #expect(
      a.tags == [Tag(key: "owner", value: "platform"), Tag(key: "cost", value: "1234"), Tag(key: "empty", value: "")])
    #expect(a.tags?[tag: "owner"] == "platform")
    let root = try #require(a.root)
    #expect(root.password == Password(enabled: true, lastUsed: Timestamp(rfc3339: "2026-09-30T08:00:00Z")))
    #expect(root.accessKeys?.count == 2)
    #expect(
      root.accessKeys?[0] == AccessKey(id: "AKIAEXAMPLE", active: true, lastUsed: Timestamp(seconds: 1_767_225_600)))
    #expect(root.accessKeys?[1] == AccessKey(id: "AKIASECOND"))
    #expect(root.signingCertificates == [SigningCertificate(id: "CERTEXAMPLE", active: false)])
    #expect(root.mfaDevices?[0].type == .hardware)
    #expect(root.mfaDevices?[0].serial == "GAHT12345678")
    #expect(root.mfaDevices?[0].enabledAt == Timestamp(rfc3339: "2025-01-01T00:00:00Z"))
    #expect(root.mfaDevices?[1] == MFADevice(type: .passkey))
    #expect(root.passwordRecovery == false)
    #expect(a.logicalPath == "account/333333333333")
  }

  @Test func absentFieldsAreNil() throws {
    let set = load(header + "kind: Account\nid: \"444444444444\"\nname: n\nemail: e@x.com\nroot: {}\n")
    #expect(shown(set) == [])
    let a = try #require(set.accounts.first)
    #expect(a.organizationalUnit == nil)
    #expect(a.state == nil)
    #expect(a.alternateContacts == nil)
    #expect(a.tags == nil)
    #expect(a.root == RootUser())
    #expect(a.root?.password == nil)
    #expect(a.root?.accessKeys == nil)
  }

  @Test func passwordShorthand() throws {
    let set = load(
      header + "kind: Account\nid: \"444444444444\"\nname: n\nemail: e@x.com\nroot: { password: false }\n",
      header + "kind: Account\nid: \"555555555555\"\nname: m\nemail: f@x.com\nroot: { password: true }\n")
    #expect(shown(set) == [])
    #expect(set.accounts.map { $0.root?.password } == [Password(enabled: false), Password(enabled: true)])
  }

  @Test func nullValuesAreAbsent() throws {
    let set = load(header + "kind: Account\nid: \"444444444444\"\nname: n\nemail: e@x.com\nstate: ~\nroot: null\n")
    #expect(shown(set) == [])
    #expect(set.accounts[0].state == nil)
    #expect(set.accounts[0].root == nil)
    // Empty values, also before a comment or in flow style, are null too.
    let empty = load(
      header + "kind: Account\nid: \"444444444444\"\nname: n\nemail: e@x.com\nstate:\nroot:\n  password:\n"
        + "  passwordRecovery: # not yet audited\n  mfaDevices: [{ type: , serial: x }]\n")
    #expect(shown(empty) == [])
    #expect(empty.accounts[0].state == nil)
    #expect(empty.accounts[0].root == RootUser(mfaDevices: [MFADevice(serial: "x")]))
  }

  @Test func organizationWithInlineAccountsAndTasks() throws {
    let text = """
      apiVersion: orglint/v1
      kind: Organization
      id: o-a1b2c3d4e5
      managementAccount: "111111111111"
      featureSet: CONSOLIDATED_BILLING
      trustedAccess: [iam.amazonaws.com, sso.amazonaws.com]
      delegatedAdministrators:
        - service: iam.amazonaws.com
          account: "222222222222"
      rootAccess:
        rootCredentialsManagement: true
        rootSessions: false
      organizationalUnits:
        - name: Security
          policies: [deny-root-user]
        - name: Workloads
          children:
            - name: Prod
            - { name: Dev, children: [{ name: Sandbox }] }
      policies:
        - name: deny-root-user
          attachedTo: [Root]
          document:
            Version: "2012-10-17"
            Statement:
              - Sid: DenyRoot
                Effect: Deny
                Action: "*"
                Resource: ["*"]
                Condition:
                  ArnLike: { "aws:PrincipalArn": "arn:*:iam::*:root" }
                  "Null": { "aws:AssumedRoot": true }
                  StringEquals: { "aws:PrincipalTag/x": [a, 1] }
              - Effect: Allow
                NotAction: [iam:*, sts:*]
                NotResource: arn:aws:s3:::b
      accounts:
        - { id: "111111111111", name: management, email: root@example.com }
        - id: "222222222222"
          name: audit
          email: audit@example.com
      privilegedTasks:
        - account: "222222222222"
          task: IAMCreateRootUserPassword
          principal: arn:aws:iam::111111111111:role/RootAccessAdmin
          startedAt: 2026-10-01T10:00:00Z
          completedAt: 2026-10-01T10:05:00Z
          reason: "INC-1234: recover"

      """
    let set = load(text)
    #expect(shown(set) == [])
    let org = try #require(set.organization)
    #expect(org.id == "o-a1b2c3d4e5")
    #expect(org.managementAccount == "111111111111")
    #expect(org.featureSet == .consolidatedBilling)
    #expect(org.trustedAccess == ["iam.amazonaws.com", "sso.amazonaws.com"])
    #expect(org.delegatedAdministrators?.map { "\($0.service) \($0.account)" } == ["iam.amazonaws.com 222222222222"])
    #expect(org.rootAccess == RootAccess(rootCredentialsManagement: true, rootSessions: false))
    #expect(org.organizationalUnits?.map(\.path) == ["Security", "Workloads"])
    #expect(org.organizationalUnits?[0].policies == ["deny-root-user"])
    let workloads = try #require(org.organizationalUnits?[1])
    #expect(workloads.children?.map(\.path) == ["Workloads/Prod", "Workloads/Dev"])
    #expect(workloads.children?[1].children?.map(\.path) == ["Workloads/Dev/Sandbox"])
    #expect(set.parent(of: try #require(workloads.children?[1].children?[0])) === workloads.children?[1])
    #expect(org.logicalPath == "organization/o-a1b2c3d4e5")

    let policy = try #require(set.policies.first)
    #expect(policy.name == "deny-root-user")
    #expect(policy.attachedTo == ["Root"])
    #expect(policy.logicalPath == "policy/deny-root-user")
    #expect(policy.document?["Version"] == .string("2012-10-17"))
    #expect(policy.statements.count == 2)
    let deny = policy.statements[0]
    #expect(deny.sid == "DenyRoot")
    #expect(deny.effect == .deny)
    #expect(deny.actions == ["*"])
    #expect(deny.resources == ["*"])
    #expect(deny.notActions == nil)
    #expect(deny.conditions?["ArnLike"]?["aws:PrincipalArn"] == ["arn:*:iam::*:root"])
    #expect(deny.conditions?["Null"]?["aws:AssumedRoot"] == ["true"])
    #expect(deny.conditions?["StringEquals"]?["aws:PrincipalTag/x"] == ["a", "1"])
    let allow = policy.statements[1]
    #expect(allow.effect == .allow)
    #expect(allow.sid == nil)
    #expect(allow.notActions == ["iam:*", "sts:*"])
    #expect(allow.notResources == ["arn:aws:s3:::b"])

    #expect(set.accounts.map(\.name) == ["management", "audit"])
    let task = try #require(set.tasks.first)
    #expect(task.account == "222222222222")
    #expect(task.task == .createRootUserPassword)
    #expect(task.principal == "arn:aws:iam::111111111111:role/RootAccessAdmin")
    #expect(task.callerAccount == "111111111111")
    #expect(task.startedAt == Timestamp(rfc3339: "2026-10-01T10:00:00Z"))
    #expect(task.completedAt == Timestamp(rfc3339: "2026-10-01T10:05:00Z"))
    #expect(task.reason == "INC-1234: recover")
    #expect(task.logicalPath == "task/222222222222/2026-10-01T10:00:00Z/IAMCreateRootUserPassword")
  }

  @Test func singleStatementMappingIsAList() throws {
    let text =
      header + """
        kind: Organization
        id: o-a1b2c3d4e5
        managementAccount: "111111111111"
        policies:
          - name: p
            document: {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": ["s3:*"], "Resource": "*"}}

        """
    let set = load(text)
    #expect(shown(set) == [])
    #expect(set.policies[0].statements.map(\.actions) == [["s3:*"]])
    #expect(
      set.policies[0].document
        == .map([
          DynamicPair(key: "Version", value: .string("2012-10-17")),
          DynamicPair(
            key: "Statement",
            value: .map([
              DynamicPair(key: "Effect", value: .string("Deny")),
              DynamicPair(key: "Action", value: .list([.string("s3:*")])),
              DynamicPair(key: "Resource", value: .string("*")),
            ])),
        ]))
  }

  @Test func dynamicValuesResolvePlainScalars() throws {
    let yaml = YAMLReader.read(
      SourceFile(path: "t.yaml", bytes: Array("[1, -2, 1.5, true, False, ~, '1', x, 0x1F]".utf8)))
    let d = ModelDecoder(document: ModelDocument(yaml.documents[0]))
    let value = d.dynamic(try #require(yaml.documents[0].root))
    #expect(
      value
        == .list([
          .int(1), .int(-2), .double(1.5), .bool(true), .bool(false), .null, .string("1"), .string("x"),
          .string("0x1F"),
        ]))
  }

  @Test func callerAccountOfARNs() {
    func caller(_ arn: String) -> String {
      var arn = arn
      return arn.withUTF8 { b in arnAccount(b).map { String(decoding: b[$0], as: UTF8.self) } ?? "" }
    }
    #expect(caller("arn:aws:iam::111111111111:role/RootAccessAdmin") == "111111111111")
    #expect(caller("arn:aws-us-gov:sts::222222222222:assumed-role/x/y") == "222222222222")
    #expect(caller("arn:aws:s3:::bucket") == "")
    #expect(caller("arn:aws:iam::12345:role/x") == "")
    #expect(caller("arn:aws:iam::111111111111") == "")
    #expect(caller("not an arn") == "")
  }

  /// The decoder reads most scalars straight from the file; it must agree with the reader's own value everywhere.
  @Test func directBytesAgreeWithTheReader() throws {
    let text = """
      a: plain text
      "b": "quoted \\"escapes\\" here"
      'c': 'it''s'
      d: "simple"
      e: !Ref tagged
      f: &anchor anchored
      g: *anchor
      h: multi
        line plain
      i: "multi
        line quoted"
      j: |
        literal
      k: { x: flow, y: 'q', z: "é日本" }
      l: [one, "two", 'three']
      ä: ö # comment
      m: trailing   # comment
      n:
      o: ""

      """
    let yaml = YAMLReader.read(SourceFile(path: "t.yaml", bytes: Array(text.utf8)))
    let doc = yaml.documents[0]
    let decoder = ModelDecoder(document: ModelDocument(doc))
    var checked = 0
    for i in 0..<doc.nodeCount {
      let node = YAMLNodeID(i)
      guard doc.kind(node) == .scalar else { continue }
      #expect(decoder.text(node) == doc.scalar(node), "node \(i): \(doc.scalar(node))")
      checked += 1
    }
    #expect(checked == 38)  // 16 keys and 22 values; the alias is no scalar
  }
}

@Suite struct LargeOrganizationTests {
  /// Above 8192 inline items the lists are decoded in chunks on all cores; results and findings keep item order.
  @Test func chunkedDecodingKeepsOrder() throws {
    var text = header + "kind: Organization\nid: o-a1b2c3d4e5\nmanagementAccount: \"100000000000\"\naccounts:\n"
    let n = 9000
    for i in 0..<n {
      let id = String(100_000_000_000 + i)
      switch i {
      case 3: text += "  - { id: \"\(id)\", name: a\(i), emial: x }\n"
      case 8500: text += "  - \(id)\n"
      default: text += "  - { id: \"\(id)\", name: a\(i), email: a\(i)@example.com }\n"
      }
    }
    text += "privilegedTasks:\n"
    for i in 0..<n {
      text +=
        "  - { account: \"\(100_000_000_000 + i)\", task: IAMAuditRootUserCredentials, principal: p, "
        + "startedAt: 2026-10-01T10:00:00Z }\n"
    }
    let set = load(text)
    #expect(set.accounts.count == n - 1)
    #expect(set.accounts.prefix(3).map(\.name) == ["a0", "a1", "a2"])
    #expect(set.accounts.last?.name == "a\(n - 1)")
    #expect(set.tasks.count == n)
    #expect(set.target(of: set.tasks[8999]) === set.accounts.last)
    #expect(
      shown(set) == [
        "SCHEMA001 9:37 unknown field 'emial' in Account; did you mean 'email'?",
        "SCHEMA003 9:7 Account is missing the required field 'email'",
        "SCHEMA002 8506:5 an item of 'accounts' expects a mapping, found a number",
      ])
  }
}

@Suite struct NullListItemTests {
  /// An empty `-` or a `~` in a list would otherwise vanish without a word.
  @Test func nullItemsAreReportedWhereTheyStand() {
    let set = load(
      header + "kind: Organization\nid: o-a1b2c3d4e5\nmanagementAccount: \"111111111111\"\n"
        + "trustedAccess: [iam.amazonaws.com, ~]\naccounts:\n  -\n  - id: \"222222222222\"\n    name: a\n"
        + "    email: a@example.com\n")
    let found = set.findings.map { "\($0.ruleId) \($0.range.map { "\($0.start)" } ?? "-") \($0.message)" }
    #expect(
      found == [
        "SCHEMA002 5:36 an item of 'trustedAccess' is null; remove it or give it a value",
        "SCHEMA002 7:4 an item of 'accounts' is null; remove it or give it a value",
      ])
    #expect(set.accounts.map(\.id) == ["222222222222"])
  }
}
