import Diagnostics
import Testing

@testable import Reporting

@Suite struct ReportTests {
  @Test func helpURIs() {
    var report = Fixture.clean
    #expect(report.helpURI(forRule: "ROOT001") == "https://github.com/orglint/orglint/blob/main/Docs/rules/ROOT001.md")
    report.helpBaseURI = "https://example.com/rules/"
    #expect(report.helpURI(forRule: "ROOT001") == "https://example.com/rules/ROOT001.md")
  }

  @Test func anchorForSetLevelFindings() {
    var report = Fixture.clean
    #expect(report.resolvedAnchorPath == nil)
    report.findings = [Finding(Fixture.rules[0], "m", path: "z.yaml", range: nil)]
    #expect(report.resolvedAnchorPath == "z.yaml")
    report.sources = ["b.yaml": Fixture.accounts, "a.yaml": Fixture.organization]
    #expect(report.resolvedAnchorPath == "a.yaml")
    report.anchorPath = "org/organization.yaml"
    #expect(report.resolvedAnchorPath == "org/organization.yaml")
  }

  @Test func diagnosticsPutConfigurationProblemsFirst() {
    #expect(
      Fixture.report.diagnostics.map(\.ruleId) == [
        "CONFIG003", "ORG004", "ROOT008", "ROOT007", "ROOT001", "ROOT002", "ORG002", "YAML001",
      ])
  }
}
