import Diagnostics
import Foundation
import Testing

@testable import Reporting

@Suite struct GitLabFormatterTests {
  @Test func fixtureMatchesGolden() throws {
    let text = GitLabFormatter().render(Fixture.report)
    TestSupport.expectGolden(text, "fixture.gitlab.json")
    let issues = try JSONDecoder().decode([GitLabIssue].self, from: Data(text.utf8))
    // Active findings only: suppressed (ROOT002) and baselined (ROOT007) ones are left to orglint's own formats.
    #expect(issues.map(\.checkName) == ["CONFIG003", "ORG004", "ROOT008", "ROOT001", "ORG002", "YAML001"])
    #expect(issues.map(\.severity) == ["minor", "info", "minor", "major", "minor", "major"])
    #expect(issues.map(\.location.lines.begin) == [3, 1, 4, 6, 4, 1])
    #expect(issues[1].location.path == "org/accounts.yaml")
    for issue in issues {
      #expect(issue.fingerprint.count == 32 && issue.fingerprint.allSatisfy(\.isHexDigit))
    }
    #expect(Set(issues.map(\.fingerprint)).count == issues.count)
  }

  @Test func severitiesAndUniqueFingerprints() throws {
    var report = Fixture.clean
    let keys = Fixture.rules[1]  // ROOT002: error, security severity 9.0
    let finding = Finding(keys, "key", path: "a.yaml", range: Fixture.range(3, 1, 2))
    report.findings = [finding, finding]
    let issues = try JSONDecoder().decode([GitLabIssue].self, from: Data(GitLabFormatter().render(report).utf8))
    #expect(issues.map(\.severity) == ["critical", "critical"])
    #expect(issues[0].fingerprint != issues[1].fingerprint)
    #expect(GitLabFormatter.severity(.error, securitySeverity: 8.9) == "major")
    #expect(GitLabFormatter.severity(.warning, securitySeverity: 9.5) == "minor")
    #expect(GitLabFormatter.severity(.note, securitySeverity: nil) == "info")
    #expect(GitLabFormatter().render(Fixture.clean) == "[\n\n]\n")
  }
}
