import Foundation
import Testing

/// Findings on `.orglint.yaml` and on the baseline follow the path rule of every other finding: relative to the
/// working folder in text and JSON, relative to `%SRCROOT%` in SARIF, whose `uri` is that folder (issue 16).
@Suite struct PathRuleTests {
  static func makeRepository(config: String) throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.makeFolder(".git")
    try folder.write("org/a.yaml", """
      apiVersion: orglint/v1
      kind: Account
      id: "123456789012"
      name: a
      email: a@example.com
      root:
        password: false

      """)
    try folder.write(".orglint.yaml", config)
    return folder
  }

  @Test func configFindingsAreRelativeInTextAndSARIF() throws {
    let repo = try Self.makeRepository(config: "failOn: warning\nrulez: {}\n")
    defer { repo.remove() }
    let text = try OrglintProcess.lint(["org"], in: repo.path)
    #expect(text.status == 2)
    #expect(text.stderr.hasPrefix(".orglint.yaml:2:1: error: unknown key 'rulez'"), "\(text.stderr)")
    let inside = try OrglintProcess.lint(["."], in: repo.path + "/org")
    #expect(inside.stderr.hasPrefix("../.orglint.yaml:2:1: error: unknown key 'rulez'"), "\(inside.stderr)")

    let sarif = try OrglintProcess.lint(["--format", "sarif", "org"], in: repo.path)
    let log = try #require(try JSONSerialization.jsonObject(with: sarif.stdoutData) as? [String: Any])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let base = try #require((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])
    #expect(base["uri"] as? String == "file://\(repo.path)/")
    let text2 = String(decoding: sarif.stdoutData, as: UTF8.self)
    #expect(text2.contains(#""uri" : ".orglint.yaml""#))
    #expect(!text2.contains("file://\(repo.path)/.orglint.yaml"))
  }

  @Test func theBaselineIsNoPassingJUnitSuite() throws {
    let repo = try Self.makeRepository(config: "baseline: .orglint-baseline.json\n")
    defer { repo.remove() }
    _ = try OrglintProcess.lint(["--write-baseline", ".orglint-baseline.json"], in: repo.path)
    let junit = try OrglintProcess.lint(["--format", "junit"], in: repo.path)
    #expect(junit.status == 0, "\(junit.stdout)")
    let suites = junit.stdout.split(separator: "\n").filter { $0.contains("<testsuite ") }
    #expect(suites.count == 1 && suites[0].contains(#"name="org/a.yaml""#), "\(junit.stdout)")
    // Stale entries point into the baseline by its relative path.
    try repo.write("org/a.yaml", "apiVersion: orglint/v1\nkind: Account\nid: \"123456789012\"\nname: a\n"
      + "email: a@example.com\nalternateContacts:\n  security: { name: A, email: s@example.com, phone: \"+1 555 0100\", "
      + "title: Lead }\nroot:\n  password: false\n")
    let stale = try OrglintProcess.lint(["--format", "json"], in: repo.path)
    let notes = try JSONReport(stale).findings.filter { $0.ruleId == "BASE001" }
    #expect(!notes.isEmpty && notes.allSatisfy { $0.path == ".orglint-baseline.json" }, "\(notes)")
  }
}
