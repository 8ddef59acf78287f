import Testing

@testable import OrgModel

@Suite struct LinkerTests {
  static let org = """
    apiVersion: orglint/v1
    kind: Organization
    id: o-a1b2c3d4e5
    managementAccount: "111111111111"
    delegatedAdministrators:
      - { service: iam.amazonaws.com, account: "222222222222" }
      - { service: sso.amazonaws.com, account: "999999999999" }
    organizationalUnits:
      - name: Security
        policies: [deny-root-user, deny-nothing]
      - name: Workloads
        children:
          - name: Prod
            policies: [deny-leave]
      - name: Workloads
    policies:
      - name: deny-root-user
        attachedTo: [Root]
        document: { Statement: { Effect: Deny, Action: "*", Resource: "*" } }
      - name: deny-leave
        attachedTo: [Workloads, Workload/Dev, "333333333333", "888888888888"]
        document: { Statement: [] }
      - name: deny-leave
        document: { Statement: [] }

    """
  static let accounts = """
    apiVersion: orglint/v1
    kind: Account
    id: "111111111111"
    name: management
    email: Root@Example.com
    ---
    apiVersion: orglint/v1
    kind: Account
    id: "222222222222"
    name: audit
    email: root@example.com
    organizationalUnit: Security
    ---
    apiVersion: orglint/v1
    kind: Account
    id: "333333333333"
    name: prod
    email: prod@example.com
    organizationalUnit: Workloads/Prod
    ---
    apiVersion: orglint/v1
    kind: Account
    id: "333333333333"
    name: prod-again
    email: prod2@example.com
    ---
    apiVersion: orglint/v1
    kind: Organization
    id: o-b1b2c3d4e5
    managementAccount: "111111111111"
    accounts: [{ id: "777777777777", name: x, email: x@example.com }]
    ---
    apiVersion: orglint/v1
    kind: Account
    id: "444444444444"
    name: loose
    email: ROOT@example.COM
    organizationalUnit: Workloads/Prdo

    """

  @Test func modelAndReferenceFindings() {
    let set = load(Self.org, Self.accounts)
    #expect(
      shown(set) == [
        "MODEL002 27:1 a second Organization document; the set's Organization is defined at a.yaml:1, so this one "
          + "(with its inline accounts and tasks) is left out",
        "MODEL001 23:1 duplicate account id '333333333333'; it is first defined at b.yaml:16; this description is "
          + "left out",
        "REF002 7:35 delegated administrator account '999999999999' is not described in the set",
        "MODEL003 15:5 duplicate organizational unit 'Workloads'; it is first defined at a.yaml:11",
        "MODEL004 23:5 duplicate policy name 'deny-leave'; it is first defined at a.yaml:20",
        "REF001 21:29 policy 'deny-leave' is attached to 'Workload/Dev', which is not Root, an account id or an OU of "
          + "the Organization",
        "REF002 21:59 policy 'deny-leave' is attached to account '888888888888', which is not described in the set",
        "REF003 10:32 organizational unit 'Security' names policy 'deny-nothing', which the Organization does not "
          + "define",
        "REF001 38:1 organizationalUnit 'Workloads/Prdo' is not an OU of the Organization; did you mean "
          + "'Workloads/Prod'?",
      ])
    #expect(
      set.findings.map { $0.path ?? "" } == ["b.yaml", "b.yaml"] + Array(repeating: "a.yaml", count: 6) + ["b.yaml"])
  }

  @Test func linkedFields() throws {
    let set = load(Self.org, Self.accounts)
    #expect(set.accounts.map(\.id) == ["111111111111", "222222222222", "333333333333", "444444444444"])
    let management = try #require(set.account(id: "111111111111"))
    let audit = try #require(set.account(id: "222222222222"))
    let prod = try #require(set.account(id: "333333333333"))
    let loose = try #require(set.account(id: "444444444444"))
    #expect(set.organization?.management === management)
    #expect(set.organization?.delegatedAdministrators?[0].target === audit)
    #expect(set.organization?.delegatedAdministrators?[1].target == nil)
    #expect(management.isManagement && !audit.isManagement)
    #expect(audit.isDelegatedAdmin && !management.isDelegatedAdmin)
    #expect(management.ou == nil)
    #expect(audit.ou?.path == "Security")
    #expect(prod.ou?.path == "Workloads/Prod")
    #expect(loose.ou == nil)
    // Root's policy everywhere but on the management account; OU chain, the OU's own list and the account's own.
    #expect(management.policies.isEmpty)
    #expect(audit.policies.map(\.name) == ["deny-root-user"])
    #expect(prod.policies.map(\.name) == ["deny-root-user", "deny-leave"])
    #expect(loose.policies.map(\.name) == ["deny-root-user"])
    // Emails compare case-insensitively.
    #expect(set.sameEmail(of: management).map(\.id) == ["222222222222", "444444444444"])
    #expect(set.sameEmail(of: audit).map(\.id) == ["111111111111", "444444444444"])
    #expect(set.sameEmail(of: prod).isEmpty)
    let workloads = try #require(set.organization?.organizationalUnits?[1])
    #expect(set.parent(of: try #require(prod.ou)) === workloads)
    #expect(set.parent(of: workloads) == nil)
  }

  /// Links point one way (the ones back are read through the set), so an account kept after its set is released
  /// keeps its `ou`, `policies` and `tasks`, and once it goes too nothing of the set stays behind (no cycle).
  @Test func entitiesKeptAfterTheirSetKeepTheirLinks() throws {
    weak var weakSet: LoadedSet?
    var entities: [() -> AnyObject?] = []
    var prod: Account? = try { () throws -> Account in
      let set = load(
        Self.org, Self.accounts,
        header + "kind: PrivilegedTask\naccount: \"333333333333\"\ntask: IAMAuditRootUserCredentials\n"
          + "principal: arn:aws:sts::111111111111:assumed-role/Admin/x\nstartedAt: 2026-10-01T00:00:00Z\n")
      weakSet = set
      for account in set.accounts { entities.append { [weak account] in account } }
      for task in set.tasks { entities.append { [weak task] in task } }
      for policy in set.policies { entities.append { [weak policy] in policy } }
      for unit in set.organization?.organizationalUnits ?? [] { entities.append { [weak unit] in unit } }
      let organization = try #require(set.organization)
      entities.append { [weak organization] in organization }
      #expect(set.target(of: set.tasks[0])?.id == "333333333333")
      return try #require(set.account(id: "333333333333"))
    }()
    #expect(weakSet == nil, "the set is released while one of its accounts is kept")
    #expect(prod?.ou?.path == "Workloads/Prod")
    #expect(prod?.policies.map(\.name) == ["deny-root-user", "deny-leave"])
    #expect(prod?.tasks.map(\.account) == ["333333333333"])
    #expect(prod?.tasks.map(\.startedAt?.description) == ["2026-10-01T00:00:00Z"])
    prod = nil
    #expect(entities.filter { $0() != nil }.isEmpty, "entities that outlive their set and every holder: a cycle")
  }

  @Test func tasksLinkAndSortByStart() throws {
    func task(_ account: String, _ start: String, _ kind: String = "IAMAuditRootUserCredentials") -> String {
      header + "kind: PrivilegedTask\naccount: \"\(account)\"\ntask: \(kind)\n"
        + "principal: arn:aws:sts::111111111111:assumed-role/Admin/x\nstartedAt: \(start)\n"
    }
    let set = load(
      header + "kind: Account\nid: \"333333333333\"\nname: p\nemail: p@example.com\n",
      task("333333333333", "2026-10-02T00:00:00Z") + "---\n" + task("999999999999", "2026-10-01T00:00:00Z") + "---\n"
        + task("333333333333", "2026-10-01T00:00:00Z", "IAMCreateRootUserPassword"))
    #expect(shown(set) == [])
    let account = try #require(set.accounts.first)
    #expect(account.tasks.map(\.startedAt?.description) == ["2026-10-01T00:00:00Z", "2026-10-02T00:00:00Z"])
    #expect(account.tasks.map(\.task) == [.createRootUserPassword, .auditRootUserCredentials])
    #expect(set.tasks.map { set.target(of: $0) === account } == [true, false, true])
    #expect(set.tasks.map(\.callerAccount) == Array(repeating: "111111111111", count: 3))
    // Without an Organization nothing is management, admin or under an OU, and no REF finding is made.
    #expect(!account.isManagement && account.policies.isEmpty && account.ou == nil)
  }

  @Test func accountWithoutOUGetsRootPoliciesOnly() throws {
    let set = load(
      header + "kind: Organization\nid: o-a1b2c3d4e5\nmanagementAccount: \"111111111111\"\npolicies:\n"
        + "  - { name: r, attachedTo: [Root], document: { Statement: [] } }\n"
        + "  - { name: a, attachedTo: [\"333333333333\"], document: { Statement: [] } }\n"
        + "accounts: [{ id: \"333333333333\", name: p, email: p@x.com },\n"
        + "  { id: \"444444444444\", name: q, email: q@x.com }]\n"
    )
    #expect(shown(set) == [])
    #expect(set.accounts.map { $0.policies.map(\.name) } == [["r", "a"], ["r"]])
  }
}

@Suite struct AccountIndexTests {
  @Test func numericAndTextIdsThroughGrowth() {
    var index = AccountIndex<Int>()
    #expect(index.isEmpty && index["111111111111"] == nil)
    for i in 0..<5000 { index[String(100_000_000_000 + i * 7)] = i }
    index["12345"] = -1
    index["012345678901"] = -2
    #expect(!index.isEmpty)
    #expect((0..<5000).allSatisfy { index[String(100_000_000_000 + $0 * 7)] == $0 })
    #expect(index[String(100_000_000_001)] == nil)
    #expect(index["12345"] == -1)
    #expect(index["012345678901"] == -2)
    #expect(index["12345678901"] == nil)  // 11 digits: text, not the number of the 12-digit id
    index["012345678901"] = -3
    #expect(index["012345678901"] == -3)
    #expect(accountNumber("000000000000") == 0)
    #expect(accountNumber("99999999999a") == nil)
  }
}
