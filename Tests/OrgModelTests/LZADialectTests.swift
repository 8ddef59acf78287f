import Diagnostics
import Foundation
import Testing

@testable import OrgModel

/// An LZA config folder decodes into the model, every fact located in the LZA file it came from.
@Suite struct LZADialectTests {
  static let accounts = """
    mandatoryAccounts:
      - name: Management
        email: root+mgmt@{{ Domain }}
        organizationalUnit: Root
      - name: Audit
        email: '{{ AuditEmail }}'
        organizationalUnit: Security
    workloadAccounts:
      - name: Prod
        email: ROOT+prod@{{ Domain }}
        organizationalUnit: Workloads/Prod
        warm: true
      - name: Dev
        email: root+dev@{{ Domain }}
        organizationalUnit: Workloads/Dev
    accountIds:
      - email: root+mgmt@example.com
        accountId: "111111111111"
      - email: root+prod@example.com
        accountId: "333333333333"
      - email: root+dev@example.com
        accountId: "444444444444"

    """
  static let organization = """
    enable: true
    organizationalUnits:
      - name: Workloads/Prod
      - name: Security
      - name: Workloads
      - name: Workloads/Dev
    serviceControlPolicies:
      - name: Guard
        policy: scp/guard.json
        type: customerManaged
        deploymentTargets:
          organizationalUnits: [Workloads]
          excludedAccounts: [Dev]
      - name: Direct
        policy: scp/guard.json
        type: customerManaged
        deploymentTargets:
          accounts: [Prod]
          organizationalUnits: [Security]

    """
  static let global = """
    homeRegion: eu-west-1
    centralRootUserManagement:
      enable: true
      capabilities:
        rootCredentialsManagement: true
        allowRootSessions: false

    """
  static let replacements = """
    globalReplacements:
      - key: Domain
        type: String
        value: example.com
      - key: AuditEmail
        type: SSM
        path: /accelerator/AuditEmail

    """
  static let guardPolicy = """
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]
    }

    """

  func folder(_ changes: [String: String] = [:]) throws -> TempTree {
    let t = try TempTree()
    var files = [
      "lza/accounts-config.yaml": Self.accounts, "lza/organization-config.yaml": Self.organization,
      "lza/global-config.yaml": Self.global, "lza/replacements-config.yaml": Self.replacements,
      "lza/scp/guard.json": Self.guardPolicy,
    ]
    for (k, v) in changes { files[k] = v }
    for (path, text) in files { try t.write(path, text) }
    return t
  }

  @Test func decodesAccountsOUsPoliciesAndRootAccess() throws {
    let t = try folder()
    let set = OrgSetLoader.load(paths: [t.root + "/lza"])
    #expect(shown(set) == [])
    #expect(set.dialect == "lza")
    let org = try #require(set.organization)
    #expect(org.managementAccount == "111111111111")
    #expect(org.featureSet == .all)
    #expect(org.rootAccess?.rootCredentialsManagement == true)
    #expect(org.rootAccess?.rootSessions == false)
    #expect(org.unknown.entries.map(\.field) == ["id", "trustedAccess", "delegatedAdministrators", "privilegedTasks"])
    // Listed by path, parents after children: one tree.
    #expect(org.organizationalUnits?.map(\.path) == ["Workloads", "Security"])
    #expect(org.organizationalUnits?.first?.children?.map(\.path) == ["Workloads/Prod", "Workloads/Dev"])
    #expect(set.accounts.map(\.id) == ["111111111111", "", "333333333333", "444444444444"])
    #expect(set.accounts.map(\.email) == ["root+mgmt@example.com", "", "ROOT+prod@example.com", "root+dev@example.com"])
    let audit = set.accounts[1]
    #expect(audit.unknown.reason("email") == "replacement 'AuditEmail' is the SSM parameter /accelerator/AuditEmail, read when LZA deploys")
    #expect(audit.unknown.contains("root"))
    // excludedAccounts: attached to each account of the OU but Dev; accounts by name become ids.
    let policies = try #require(org.policies)
    #expect(policies.map(\.attachedTo) == [["333333333333"], ["333333333333", "Security"]])
    #expect(policies[0].statements.first?.effect == .deny)
    let prod = set.accounts[2]
    #expect(prod.ou?.path == "Workloads/Prod")
    #expect(prod.policies.map(\.name) == ["Guard", "Direct"])
    #expect(set.accounts[3].policies.map(\.name) == [])
    #expect(set.accounts[0].isManagement)
  }

  /// OUs listed children first: a parent made from a child's entry is replaced by its own entry, in its parent's
  /// `children` too, and `parent(of:)` finds the replacements.
  @Test func ousListedChildrenFirstMakeOneTree() throws {
    let organization = Self.organization.replacingOccurrences(
      of: "  - name: Workloads/Prod\n", with: "  - name: Workloads/Prod/Web\n  - name: Workloads/Prod\n")
    let t = try folder(["lza/organization-config.yaml": organization])
    let set = OrgSetLoader.load(paths: [t.root + "/lza"])
    #expect(shown(set) == [])
    let workloads = try #require(set.organization?.organizationalUnits?.first)
    let prod = try #require(workloads.children?.first)
    let web = try #require(prod.children?.first)
    #expect([workloads, prod, web].map(\.path) == ["Workloads", "Workloads/Prod", "Workloads/Prod/Web"])
    #expect([workloads, prod, web].map { $0.origin.location.range.start.line } == [6, 4, 3])
    #expect(set.parent(of: web) === prod)
    #expect(set.parent(of: prod) === workloads)
    #expect(set.parent(of: workloads) == nil)
  }

  @Test func locationsPointIntoTheLZAFiles() throws {
    let t = try folder()
    let set = OrgSetLoader.load(paths: [t.root + "/lza"])
    let org = try #require(set.organization)
    let dir = t.root + "/lza"
    func rel(_ l: ModelLocation) -> String { show(l).replacingOccurrences(of: dir + "/", with: "") }
    #expect(rel(org.location(of: ["rootAccess", "rootSessions"])) == "global-config.yaml:6:5-6:29")
    #expect(rel(org.location(of: ["rootAccess", "rootCredentialsManagement"])) == "global-config.yaml:5:5-5:36")
    #expect(rel(org.location(of: ["rootAccess"])) == "global-config.yaml:2:1-6:29")
    let prod = set.accounts[2]
    #expect(rel(prod.location(of: ["id"])) == "accounts-config.yaml:20:5-20:30")
    #expect(rel(prod.location(of: ["organizationalUnit"])) == "accounts-config.yaml:11:5-11:39")
    let guardPolicy = try #require(org.policies?.first)
    #expect(rel(guardPolicy.location(of: ["document", "Statement", "0", "Effect"])) == "scp/guard.json:3:18-3:34")
    #expect(rel(guardPolicy.location(of: ["attachedTo", "0"])) == "organization-config.yaml:12:29-12:38")
  }

  @Test func badInputIsLocatedInTheLZAFile() throws {
    let t = try folder([
      "lza/organization-config.yaml": Self.organization.replacingOccurrences(of: "policy: scp/guard.json\n    type: customerManaged\n    deploymentTargets:\n      organizationalUnits: [Workloads]", with: "policy: scp/gone.json\n    type: customerManaged\n    deploymentTargets:\n      organizationalUnits: [Workloads]"),
      "lza/global-config.yaml": Self.global.replacingOccurrences(of: "allowRootSessions: false", with: "allowRootSessions: maybe"),
      "lza/accounts-config.yaml": Self.accounts.replacingOccurrences(of: "Workloads/Dev", with: "Workloads/Test"),
    ])
    let set = OrgSetLoader.load(paths: [t.root + "/lza"])
    let dir = t.root + "/lza/"
    let got = set.findings.map { "\(($0.path ?? "").replacingOccurrences(of: dir, with: "")) " + show($0) }
    #expect(
      got.sorted() == [
        "accounts-config.yaml REF001 15:5 organizationalUnit 'Workloads/Test' is not an OU of the Organization; did you mean 'Workloads/Dev'?",
        "organization-config.yaml REF004 9:5 policy 'Guard' names the file \(dir)scp/gone.json, which cannot be read (No such file or directory)",
        "global-config.yaml SCHEMA002 6:5 'allowRootSessions' expects a boolean (true or false), found a string",
      ].sorted())
  }

  @Test func placeholderInABooleanIsUnknown() throws {
    let t = try folder([
      "lza/global-config.yaml": Self.global.replacingOccurrences(of: "allowRootSessions: false", with: "allowRootSessions: '{{ Sessions }}'")
    ])
    let set = OrgSetLoader.load(paths: [t.root + "/lza"])
    #expect(shown(set) == [])
    let access = try #require(set.organization?.rootAccess)
    #expect(access.rootSessions == nil)
    #expect(access.unknown.reason("rootSessions") == "placeholder '{{ Sessions }}' is not defined in replacements-config.yaml")
    #expect(access.rootCredentialsManagement == true)
  }

  @Test func theConfigsDialectChoiceTurnsDetectionOff() throws {
    let t = try folder()
    #expect(OrgSetLoader.load(paths: [t.root + "/lza"], dialect: .orglint).dialect == nil)
    #expect(OrgSetLoader.load(paths: [t.root + "/lza"], dialect: .orgFormation).organizationDocuments == 0)
    #expect(OrgSetLoader.load(paths: [t.root + "/lza"], dialect: .lza).dialect == "lza")
  }

  @Test func aFolderWithoutTheFixedNamesIsNotLZA() throws {
    let t = try folder(["lza/organization-config.yaml": ""])
    try FileManager.default.removeItem(atPath: t.root + "/lza/organization-config.yaml")
    let set = OrgSetLoader.load(paths: [t.root + "/lza"])
    #expect(set.dialect == nil)
    #expect(set.organizationDocuments == 0)
    #expect(set.accounts.isEmpty)
  }
}

/// An LZA folder and the documents of `orglint import aws` in one set: one model, drift as findings.
@Suite struct DeclaredObservedTests {
  @Test func combinesByIdAndReportsDrift() throws {
    let t = try LZADialectTests().folder()
    try t.write(
      "observed/organization.yaml",
      """
      apiVersion: orglint/v1
      kind: Organization
      id: o-abcdefghij
      managementAccount: "111111111111"
      organizationalUnits:
        - name: Workloads
          children: [{ name: Prod }, { name: Dev }]
        - name: Security
      accounts:
        - { id: "111111111111", name: Management, email: root+mgmt@example.com }
        - { id: "333333333333", name: Prod, email: root+prod@example.com, organizationalUnit: Workloads }
        - { id: "999999999999", name: Stray, email: root+stray@example.com, organizationalUnit: Security }

      """)
    let set = OrgSetLoader.load(paths: [t.root])
    let dir = t.root + "/"
    let got = set.findings.map { "\(($0.path ?? "").replacingOccurrences(of: dir, with: "")) " + show($0) }
    #expect(
      got == [
        "lza/accounts-config.yaml DRIFT001 11:5 account Prod (333333333333) is declared in OU 'Workloads/Prod' but "
          + "observed in 'Workloads' (\(dir)observed/organization.yaml:11:69)",
        "lza/accounts-config.yaml DRIFT002 22:5 account Dev (444444444444) is declared here but not in the observed "
          + "documents (the organization at \(dir)observed/organization.yaml:1:1)",
        "observed/organization.yaml DRIFT003 12:7 account Stray (999999999999) is observed but not declared in the "
          + "organization's configuration",
      ])
    // The observed Organization and accounts are the set's; the unmatched declared ones join them.
    #expect(set.organization?.id == "o-abcdefghij")
    #expect(set.accounts.map(\.id) == ["111111111111", "333333333333", "999999999999", "", "444444444444"])
  }
}
