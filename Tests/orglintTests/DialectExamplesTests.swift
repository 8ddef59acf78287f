import Foundation
import Testing

/// Examples/lza-config/README.md: an LZA config folder linted in place, every finding in the LZA file it is about.
@Suite struct DialectExamplesTests {
  @Test func lzaConfigFindingsPointIntoItsFiles() throws {
    let run = try OrglintProcess.lint(["--now", "2026-11-25T00:00:00Z", "Examples/lza-config"])
    #expect(run.status == 1)
    #expect(run.stderr == "")
    let dir = "Examples/lza-config"
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let heads = lines.filter { $0.hasPrefix(dir) }.map { line -> String in
      let id = line.split(separator: "[").last.map { String($0.prefix { $0 != " " }) } ?? ""
      return String(line.prefix { $0 != " " }) + " " + id
    }
    #expect(
      heads == [
        "\(dir)/accounts-config.yaml:22:5: SCP001",
        "\(dir)/global-config.yaml:11:5: ORG002",
        "\(dir)/service-control-policies/legacy-root-deny.json:1:1: SCP002",
      ])
    #expect(lines.contains("1 error and 2 warnings in 6 files"))
  }

  @Test func jsonNamesTheDialectFiles() throws {
    let run = try OrglintProcess.lint(["--now", "2026-11-25T00:00:00Z", "--format", "json", "Examples/lza-config"])
    #expect(run.status == 1)
    let report = try JSONReport(run)
    #expect(
      report.findings.map { "\($0.ruleId) \($0.place)" } == [
        "SCP001 Examples/lza-config/accounts-config.yaml:22:5",
        "ORG002 Examples/lza-config/global-config.yaml:11:5",
        "SCP002 Examples/lza-config/service-control-policies/legacy-root-deny.json:1:1",
      ])
  }

  @Test func orgFormationFindingsPointIntoTheTemplate() throws {
    let run = try OrglintProcess.lint(["--now", "2026-11-25T00:00:00Z", "--format", "json", "Examples/org-formation"])
    #expect(run.status == 1)
    let report = try JSONReport(run)
    let file = "Examples/org-formation/organization.yml"
    #expect(
      report.findings.map { "\($0.ruleId) \($0.place)" } == [
        "ACCT002 \(file):51:7", "SCP001 \(file):66:7", "ACCT002 \(file):68:7",
      ])
  }

  @Test func yamlThatNoDialectReadsIsExitTwo() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-nodocs-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "homeRegion: eu-west-1\n".write(to: folder.appendingPathComponent("global-config.yaml"), atomically: true, encoding: .utf8)
    try "- a\n".write(to: folder.appendingPathComponent("other.yml"), atomically: true, encoding: .utf8)
    let run = try OrglintProcess.lint([folder.path])
    #expect(run.status == 2)
    #expect(run.stdout == "")
    #expect(
      run.stderr == "orglint: error: no organization documents found in 2 YAML files (orglint/v1 documents, an LZA "
        + "config folder or an org-formation template; see Docs/dialects.md) [IO003 no-organization-documents]\n"
        + "orglint could not lint: 1 problem (exit code 2)\n")
  }
}
