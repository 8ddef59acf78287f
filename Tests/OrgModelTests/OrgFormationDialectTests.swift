import Diagnostics
import Testing

@testable import OrgModel

/// An org-formation template decodes into the model, located in the template; `!Ref`s resolve, other intrinsics
/// leave the field unknown.
@Suite struct OrgFormationDialectTests {
  static let template = """
    AWSTemplateFormatVersion: '2010-09-09-OC'
    Parameters:
      domain: { Type: String, Default: example.com }
    Organization:
      MasterAccount:
        Type: OC::ORG::MasterAccount
        Properties:
          AccountName: Management
          AccountId: '111111111111'
          RootEmail: root+mgmt@example.com
      OrganizationRoot:
        Type: OC::ORG::OrganizationRoot
        Properties:
          ServiceControlPolicies: [!Ref GuardSCP]
      ParentOU:
        Type: OC::ORG::OrganizationalUnit
        Properties:
          OrganizationalUnitName: Workloads
          OrganizationalUnits: !Ref ChildOU
      ChildOU:
        Type: OC::ORG::OrganizationalUnit
        Properties:
          OrganizationalUnitName: Prod
          Accounts:
            - !Ref ProdAccount
          ServiceControlPolicies: !Ref GuardSCP
      ProdAccount:
        Type: OC::ORG::Account
        Properties:
          AccountName: !Ref domain
          AccountId: '333333333333'
          RootEmail: !Sub 'root+prod@${domain}'
      GuardSCP:
        Type: OC::ORG::ServiceControlPolicy
        Properties:
          PolicyName: Guard
          PolicyDocument:
            Version: '2012-10-17'
            Statement: { Effect: Deny, Action: '*', Resource: '*' }

    """

  @Test func decodesTheTemplate() throws {
    let set = load(Self.template, paths: ["organization.yml"])
    #expect(shown(set) == [])
    #expect(set.dialect == "org-formation")
    let org = try #require(set.organization)
    #expect(org.managementAccount == "111111111111")
    #expect(org.unknown.contains("rootAccess"))
    #expect(org.organizationalUnits?.map(\.path) == ["Workloads"])
    #expect(org.organizationalUnits?.first?.children?.map(\.path) == ["Workloads/Prod"])
    #expect(set.accounts.map(\.id) == ["111111111111", "333333333333"])
    let prod = set.accounts[1]
    #expect(prod.name == "example.com")  // !Ref to a parameter reads its Default
    #expect(prod.unknown.reason("email") == "org-formation intrinsic '!Sub root+prod@${domain}' is not resolved by orglint")
    #expect(prod.organizationalUnit == "Workloads/Prod")
    #expect(prod.ou?.path == "Workloads/Prod")
    #expect(org.policies?.map(\.attachedTo) == [["Root", "Workloads/Prod"]])
    #expect(prod.policies.map(\.name) == ["Guard"])
    #expect(org.policies?.first?.statements.first?.effect == .deny)
  }

  @Test func locationsPointIntoTheTemplate() throws {
    let set = load(Self.template, paths: ["organization.yml"])
    let prod = set.accounts[1]
    #expect(show(prod.location(of: ["organizationalUnit"])) == "organization.yml:25:11-25:27")
    #expect(show(prod.location(of: ["id"])) == "organization.yml:31:7-31:32")
    let policy = try #require(set.organization?.policies?.first)
    #expect(show(policy.location(of: ["attachedTo", "1"])) == "organization.yml:26:31-26:44")
    #expect(show(policy.location(of: ["document", "Statement", "Effect"])) == "organization.yml:39:22-39:34")
  }

  @Test func badReferencesAreLocated() throws {
    let bad = Self.template
      .replacingOccurrences(of: "- !Ref ProdAccount", with: "- !Ref ProdAcount")
      .replacingOccurrences(of: "ServiceControlPolicies: !Ref GuardSCP", with: "ServiceControlPolicies: !Ref GaurdSCP")
    let set = load(bad, paths: ["organization.yml"])
    #expect(
      shown(set) == [
        "REF003 26:31 ChildOU names service control policy 'GaurdSCP', which the template does not define; did you mean 'GuardSCP'?",
        "REF002 25:11 ChildOU lists account 'ProdAcount', which the template does not define",
      ])
  }

  @Test func anOrdinaryYAMLFileIsNoTemplate() {
    let set = load("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n")
    #expect(set.dialect == nil)
    #expect(set.organizationDocuments == 0)
  }
}
