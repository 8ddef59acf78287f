import Diagnostics
import OrgModel
import Testing

@testable import Adoption

/// `.orglint.yaml`'s `dialect:` (Docs/configuration.md).
@Suite struct DialectChoiceTests {
  @Test func readsTheDialect() throws {
    let (config, findings) = ConfigLoader.parse(source("/repo/.orglint.yaml", "dialect: org-formation\n"), cwd: "/repo")
    #expect(findings.isEmpty)
    #expect(config?.dialect == .orgFormation)
  }

  @Test func anUnknownDialectIsLocatedWithASuggestion() {
    let (_, findings) = ConfigLoader.parse(source("/repo/.orglint.yaml", "failOn: error\ndialect: LZA\n"), cwd: "/repo")
    #expect(
      findings.map(described) == [
        "CONFIG002 2:10 dialect 'LZA' is not one of auto, orglint, lza, org-formation; did you mean 'lza'?"
      ])
  }
}
