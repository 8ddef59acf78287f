import Diagnostics
import Foundation
import OrglintTestSupport
import Testing

@testable import Reporting

@Suite struct SARIFFormatterTests {
  /// Every SARIF log the tests below render, for the schema check.
  static var renders: [(name: String, sarif: String)] {
    [
      ("fixture", SARIFFormatter().render(Fixture.report)), ("clean", SARIFFormatter().render(Fixture.clean)),
      ("truncated", SARIFFormatter(maxResults: 2).render(Fixture.report)),
      ("unknown rule", SARIFFormatter().render(unknownRuleReport)),
      ("source root", SARIFFormatter().render(sourceRootReport)),
    ]
  }

  @Test(.requires(.python("jsonschema"), for: "SARIF 2.1.0 schema validation"))
  func everyRenderValidatesAgainstTheSchema() {
    for (name, sarif) in Self.renders {
      #expect(SARIFValidator.schemaErrors(sarif) == [], "\(name)")
    }
  }

  @Test func fixtureMatchesGolden() {
    let sarif = SARIFFormatter().render(Fixture.report)
    TestSupport.expectGolden(sarif, "fixture.sarif")
    #expect(SARIFValidator.codeScanningProblems(sarif) == [])
    #expect(OutputFormat.sarif.render(Fixture.report) == sarif)
  }

  @Test func cleanReportValidates() {
    let sarif = SARIFFormatter().render(Fixture.clean)
    #expect(SARIFValidator.codeScanningProblems(sarif) == [])
    let log = SARIFFormatter().log(Fixture.clean)
    #expect(log.runs[0].results == [])
    #expect(log.runs[0].invocations[0].executionSuccessful)
    #expect(log.runs[0].automationDetails == nil)
  }

  @Test(.requires(.python("jsonschema"), for: "SARIF 2.1.0 schema validation"))
  func schemaCheckRejectsBrokenSARIF() {
    // The validator must be able to fail: a level SARIF does not define, and a region starting at line 0.
    let broken = SARIFFormatter().render(Fixture.report)
      .replacingOccurrences(of: "\"level\" : \"note\"", with: "\"level\" : \"fatal\"")
      .replacingOccurrences(of: "\"startLine\" : 6", with: "\"startLine\" : 0")
    let errors = SARIFValidator.schemaErrors(broken)
    #expect(errors.contains { $0.contains("'fatal' is not one of") })
    #expect(errors.contains { $0.contains("0 is less than the minimum of 1") })
    #expect(SARIFValidator.codeScanningProblems(broken).contains("result 3: startLine"))
  }

  @Test func resultsPointAtRulesAndFingerprints() throws {
    let run = SARIFFormatter().log(Fixture.report).runs[0]
    let rules = run.tool.driver.rules
    #expect(
      rules.map(\.id) == ["CONFIG003", "ORG002", "ORG004", "ROOT001", "ROOT002", "ROOT007", "ROOT008", "YAML001"])
    for result in run.results { #expect(rules[result.ruleIndex].id == result.ruleId) }
    let root001 = try #require(run.results.first { $0.ruleId == "ROOT001" })
    #expect(root001.partialFingerprints == ["orglint/v1": "ROOT001:account/333333333333/root.password"])
    #expect(
      root001.locations?[0].physicalLocation?.region
        == SARIF.Region(startLine: 6, startColumn: 3, endLine: 6, endColumn: 17))
    #expect(root001.relatedLocations?.count == 1)
    // A finding without a fingerprint gets a stable one from rule, path and message.
    let root008 = try #require(run.results.first { $0.ruleId == "ROOT008" })
    #expect(root008.partialFingerprints["orglint/v1"]?.hasPrefix("sha256:") == true)
    #expect(SARIFFormatter().log(Fixture.report).runs[0].results == run.results)
    // Suppressed and baselined findings stay, marked.
    let root002 = try #require(run.results.first { $0.ruleId == "ROOT002" })
    #expect(root002.suppressions?.first?.kind == "inSource")
    #expect(root002.suppressions?.first?.justification == "break-glass key, rotated by SEC-42")
    #expect(run.results.first { $0.ruleId == "ROOT007" }?.baselineState == "unchanged")
    // A finding about the whole set is anchored at the first source file, line 1, and keeps its logical location.
    let org004 = try #require(run.results.first { $0.ruleId == "ORG004" })
    #expect(org004.locations?[0].physicalLocation?.artifactLocation.uri == "org/accounts.yaml")
    #expect(org004.locations?[0].physicalLocation?.region == SARIF.Region(startLine: 1, startColumn: 1))
    #expect(org004.locations?[0].logicalLocations?[0].fullyQualifiedName == "organization/o-abc")
  }

  @Test func ruleMetadataForCodeScanning() throws {
    let rules = SARIFFormatter().log(Fixture.report).runs[0].tool.driver.rules
    let root002 = try #require(rules.first { $0.id == "ROOT002" })
    #expect(root002.properties == SARIF.PropertyBag(tags: ["cis-aws-1.3", "security"], securitySeverity: "9.0"))
    #expect(root002.defaultConfiguration?.level == "error")
    #expect(root002.helpUri == "https://example.com/orglint/Docs/rules/ROOT002.md")
    #expect(rules.first { $0.id == "ROOT008" }?.properties?.securitySeverity == "7.25")
    let root001 = try #require(rules.first { $0.id == "ROOT001" })
    #expect(root001.shortDescription?.text == "Member accounts have no root password")
    #expect(root001.help?.markdown?.contains("## Remediation\n\nDelete it with `aws iam ...`.") == true)
  }

  @Test func invocationCarriesOverridesAndConfigurationProblems() throws {
    let invocation = SARIFFormatter().log(Fixture.report).runs[0].invocations[0]
    #expect(invocation.exitCode == 1)
    #expect(invocation.executionSuccessful)
    #expect(
      invocation.ruleConfigurationOverrides == [
        SARIF.ConfigurationOverride(
          configuration: SARIF.ReportingConfiguration(level: "warning"),
          descriptor: SARIF.ReportingDescriptorReference(id: "ROOT007", index: 5)),
        SARIF.ConfigurationOverride(
          configuration: SARIF.ReportingConfiguration(enabled: false),
          descriptor: SARIF.ReportingDescriptorReference(id: "ROOT008", index: 6)),
      ])
    let note = try #require(invocation.toolConfigurationNotifications?.first)
    #expect(note.associatedRule == SARIF.ReportingDescriptorReference(id: "CONFIG003", index: 0))
    #expect(note.locations?[0].physicalLocation?.region?.startLine == 3)
    var failed = Fixture.report
    failed.exitCode = 2
    #expect(!SARIFFormatter().log(failed).runs[0].invocations[0].executionSuccessful)
  }

  @Test func truncatesAtTheResultLimitWithANotification() throws {
    let run = SARIFFormatter(maxResults: 2).log(Fixture.report).runs[0]
    #expect(run.results.map(\.ruleId) == ["ORG004", "ROOT008"])
    let note = try #require(run.invocations[0].toolExecutionNotifications?.first)
    #expect(note.level == "warning")
    #expect(note.message.text.hasPrefix("5 of 7 results were left out"))
    #expect(SARIFFormatter().log(Fixture.report).runs[0].invocations[0].toolExecutionNotifications == nil)
  }

  static var unknownRuleReport: Report {
    var report = Fixture.clean
    report.findings = [
      Finding(ruleId: "USER001", ruleName: "my-rule", severity: .warning, message: "m", path: "a.yaml", range: nil)
    ]
    return report
  }

  @Test func unknownRuleIdsGetADescriptor() {
    let run = SARIFFormatter().log(Self.unknownRuleReport).runs[0]
    let rule = run.tool.driver.rules[run.results[0].ruleIndex]
    #expect(rule.id == "USER001")
    #expect(rule.name == "my-rule")
  }

  @Test func artifactURIs() {
    #expect(
      SARIF.ArtifactURI.location(of: "org/a.yaml") == SARIF.ArtifactLocation(uri: "org/a.yaml", uriBaseId: "%SRCROOT%")
    )
    #expect(SARIF.ArtifactURI.location(of: "./org\\b c.yaml").uri == "org/b%20c.yaml")
    #expect(SARIF.ArtifactURI.location(of: "é#?%:[x].yaml").uri == "%C3%A9%23%3F%25%3A%5Bx%5D.yaml")
    #expect(SARIF.ArtifactURI.location(of: "/abs/a b.yaml") == SARIF.ArtifactLocation(uri: "file:///abs/a%20b.yaml"))
  }

  @Test func securitySeverityStrings() {
    #expect(String(format1: 9) == "9.0")
    #expect(String(format1: 7.5) == "7.5")
    #expect(String(format1: 0.3) == "0.3")
    #expect(String(format1: 10) == "10.0")
    #expect(String(format1: 7.25) == "7.25")
  }

  static var sourceRootReport: Report {
    var report = Fixture.clean
    report.sourceRootURI = "file:///work/org/"
    report.findings = [Finding(Fixture.rules[0], "m", path: "a.yaml", range: Fixture.range(2, 4, 4))]
    return report
  }

  @Test func sourceRootAndEmptyRanges() {
    let run = SARIFFormatter().log(Self.sourceRootReport).runs[0]
    #expect(run.originalUriBaseIds["%SRCROOT%"]?.uri == "file:///work/org/")
    #expect(run.results[0].locations?[0].physicalLocation?.region == SARIF.Region(startLine: 2, startColumn: 4))
  }
}
