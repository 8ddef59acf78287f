import CEL
import Diagnostics
import Foundation
import Testing

@testable import Adoption

/// `minCoverage:` in the config file and `--min-coverage`: COVERAGE001 when too few checks are judged.
@Suite struct MinCoverageTests {
  @Test func configKeyIsAPercentage() throws {
    func load(_ text: String) -> (OrglintConfig?, [String]) {
      let (config, findings) = ConfigLoader.parse(source("/repo/.orglint.yaml", text), cwd: "/repo")
      return (config, findings.map(described))
    }
    let (config, findings) = load("failOn: warning\nminCoverage: 87.5\n")
    #expect(findings == [])
    #expect(config?.minCoverage?.percent == 87.5)
    #expect(config?.minCoverage?.path == "/repo/.orglint.yaml")
    #expect(config?.minCoverage?.range?.start.description == "2:1")
    #expect(load("minCoverage: 90%\n").0?.minCoverage?.percent == 90)
    #expect(load("minCoverage:\n").0?.minCoverage == nil)
    #expect(
      load("minCoverage: 101\n").1 == [
        "CONFIG002 1:14 minCoverage '101' is not a percentage from 0 to 100, such as 90"
      ])
    #expect(load("minCoverage: [90]\n").1.first?.hasPrefix("CONFIG002 1:14") == true)
    #expect(load("minCoverag: 90\n").1 == ["CONFIG001 1:1 unknown key 'minCoverag' in the config file; did you mean 'minCoverage'?"])
  }

  @Test func percentagesParseAndPrint() {
    #expect(MinCoverage.parse("0") == 0)
    #expect(MinCoverage.parse("100") == 100)
    #expect(MinCoverage.parse("-1") == nil)
    #expect(MinCoverage.parse("1e2") == nil)
    #expect(MinCoverage.parse("") == nil)
    #expect(MinCoverage.parse("%") == nil)
    #expect(MinCoverage.text(90) == "90%")
    #expect(MinCoverage.text(200.0 / 3) == "66.6%")
    #expect(MinCoverage.text(99.99) == "99.9%")
  }

  /// A set where one of three ROOT001 checks reads an unknown password.
  static func lint(config: String?, minCoverage: Double? = nil) throws -> LintResult {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-coverage-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let org = """
      apiVersion: orglint/v1
      kind: Organization
      id: o-a1b2c3d4e5
      managementAccount: "111111111111"
      rootAccess: { rootCredentialsManagement: true }

      """
    func account(_ id: String, _ root: String) -> String {
      "---\napiVersion: orglint/v1\nkind: Account\nid: \"\(id)\"\nname: a\(id)\nemail: a\(id)@example.com\n\(root)"
    }
    let accounts =
      account("222222222222", "root: { unknown: { password: \"iam get-login-profile: AccessDenied\" } }\n")
      + account("333333333333", "root: { password: false }\n") + account("444444444444", "root: { password: false }\n")
    try org.write(to: folder.appendingPathComponent("org.yaml"), atomically: true, encoding: .utf8)
    try accounts.write(to: folder.appendingPathComponent("accounts.yaml"), atomically: true, encoding: .utf8)
    if let config {
      try config.write(to: folder.appendingPathComponent(".orglint.yaml"), atomically: true, encoding: .utf8)
    }
    var request = LintRequest(
      paths: [folder.path], now: CELTimestamp.parse("2026-11-25T00:00:00Z")!, only: ["ROOT001"], cwd: folder.path)
    request.minCoverage = minCoverage
    return Linter.lint(request)
  }

  @Test func underTheConfigsMinimumIsCOVERAGE001AtTheKey() throws {
    let result = try Self.lint(config: "failOn: never\nminCoverage: 90\n")
    #expect(result.problems.map(described) == [])
    #expect(result.checks == 3)
    #expect(result.notJudged.map(\.entity) == ["account/222222222222"])
    #expect(result.coverage == 200.0 / 3)
    #expect(
      result.findings.map(described) == [
        "COVERAGE001 2:1 coverage 66.6% is under the minimum 90%: 1 of 3 checks could not be judged (they read "
          + "unknown facts)"
      ])
    #expect(result.findings.first?.path?.hasSuffix("/.orglint.yaml") == true)
    #expect(result.isUnderMinCoverage)
  }

  @Test func theCommandLineOverridesTheConfig() throws {
    let lenient = try Self.lint(config: "minCoverage: 90\n", minCoverage: 60)
    #expect(lenient.findings.map(described) == [])
    #expect(!lenient.isUnderMinCoverage)
    let strict = try Self.lint(config: nil, minCoverage: 70)
    #expect(strict.findings.map { "\($0.ruleId) \($0.path ?? "-") \($0.range == nil)" } == ["COVERAGE001 - true"])
    let none = try Self.lint(config: nil)
    #expect(none.findings.isEmpty && none.notJudged.count == 1)
  }
}
