import Foundation
import OrglintTestSupport
import Testing

/// Docs/adoption.md, followed as a new user would on Examples/insecure-org: the config of step 2, the baseline of
/// step 3, then CI (the whole set) and pre-commit (one named file) are green; its suppression examples match findings.
@Suite struct AdoptionWalkthroughTests {
  static let adoptionDoc = OrglintProcess.packageRoot + "/Docs/adoption.md"

  /// The first YAML block of Docs/adoption.md that contains `needle`.
  static func docBlock(containing needle: String) throws -> String {
    try #require(try Markdown.fencedBlocks("yaml", in: adoptionDoc).first { $0.contains(needle) })
  }

  /// A work tree with Examples/insecure-org under `org/` and step 2's `.orglint.yaml`.
  static func makeRepository() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.makeFolder(".git")
    try FileManager.default.copyItem(
      atPath: OrglintProcess.packageRoot + "/Examples/insecure-org", toPath: folder.path + "/org")
    try folder.write(".orglint.yaml", try docBlock(containing: "baseline: .orglint-baseline.json"))
    return folder
  }

  @Test func writingTheBaselineMakesCIAndPreCommitGreen() throws {
    let repo = try Self.makeRepository()
    defer { repo.remove() }
    // Before the first --write-baseline: the configured baseline does not exist yet; a note, not exit 2.
    let first = try OrglintProcess.lint([], in: repo.path)
    #expect(first.status == 1, "\(first.stderr)")
    #expect(
      first.stderr
        == "orglint: note: baseline .orglint-baseline.json (the config's 'baseline') does not exist yet, so every "
        + "finding is new; record it with 'orglint lint --write-baseline .orglint-baseline.json'\n")

    // Step 3: record. The run reports what the next run with the baseline will: green.
    let written = try OrglintProcess.lint(["--write-baseline", ".orglint-baseline.json"], in: repo.path)
    #expect(written.status == 0, "\(written.stdout)\(written.stderr)")
    #expect(written.stderr == "")
    #expect(written.stdout == "no problems found in 7 files (30 in baseline)\n")  // as Docs/adoption.md says
    let baseline = try String(contentsOfFile: repo.path + "/.orglint-baseline.json", encoding: .utf8)
    // Format findings are recorded, keyed on the set-relative file and the message, not a line.
    #expect(
      baseline.contains(
        #"{"fingerprint": "SCHEMA001:file/org/accounts/broken.yaml:unknown field 'emial' in Account; did you mean "#
          + #"'email'?", "ruleId": "SCHEMA001""#))

    // CI: the whole set, with the config's baseline.
    let ci = try OrglintProcess.lint([], in: repo.path)
    #expect(ci.status == 0, "\(ci.stdout)")
    #expect(ci.stderr == "")
    #expect(ci.stdout == written.stdout)
    #expect(ci.stdout.hasPrefix("no problems found in "), "\(ci.stdout)")

    // Pre-commit: one named file. The other files' entries are not stale, even under failOn: note.
    let one = try OrglintProcess.lint(["--fail-on", "note", "org/accounts/sandbox.yaml"], in: repo.path)
    #expect(one.status == 0, "\(one.stdout)")
    #expect(!one.stdout.contains("BASE001"))

    // From another folder the fingerprints are the same: still green.
    let inside = try OrglintProcess.lint(["--config", "../.orglint.yaml", "."], in: repo.path + "/org")
    #expect(inside.status == 0, "\(inside.stdout)")

    // The whole set still reports entries that no longer match (a file fixed away) as stale.
    try FileManager.default.removeItem(atPath: repo.path + "/org/accounts/broken.yaml")
    let fixed = try OrglintProcess.lint(["--fail-on", "note", "--format", "json"], in: repo.path)
    #expect(fixed.status == 1)
    let stale = try JSONReport(fixed).findings.filter { $0.ruleId == "BASE001" }.map(\.message)
    #expect(stale.contains {
      $0.hasPrefix("baseline entry SCHEMA001:file/org/accounts/broken.yaml:unknown field 'emial'")
    }, "\(stale)")
  }

  @Test func aBaselineNamedOnTheCommandLineMustExist() throws {
    let repo = try Self.makeRepository()
    defer { repo.remove() }
    let run = try OrglintProcess.lint(["--baseline", "missing.json"], in: repo.path)
    #expect(run.status == 2)
    #expect(run.stderr.contains("missing.json: error: cannot read: "), "\(run.stderr)")
  }

  /// Step 5: the inline example and the central `suppressions:` example together suppress real findings, and no
  /// suppression is unused (SUP003).
  @Test func theSuppressionExamplesMatchFindings() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.makeFolder(".git")
    try FileManager.default.copyItem(
      atPath: OrglintProcess.packageRoot + "/Examples/secure-org", toPath: folder.path + "/org")
    try folder.write("org/accounts/break-glass.yaml", try Self.docBlock(containing: "# org/accounts/break-glass.yaml"))
    try folder.write(
      "org/accounts/sandbox.yaml",
      """
      apiVersion: orglint/v1
      kind: Account
      id: "777777777777"
      name: sandbox-dana
      email: aws-root+sandbox-dana@acme.example.com
      organizationalUnit: Sandbox
      alternateContacts:
        security: { name: Dana, email: dana@acme.example.com, phone: "+44 20 7946 0199", title: Engineer }
      root:
        password: true
        mfaDevices: []

      """)
    try folder.write(".orglint.yaml", try Self.docBlock(containing: "suppressions:\n  - rules: [ROOT001]"))
    let run = try OrglintProcess.lint(["--format", "json"], in: folder.path)
    let findings = try JSONReport(run).findings
    #expect(!findings.contains { $0.ruleId.hasPrefix("SUP") }, "\(findings.map { "\($0.ruleId) \($0.message)" })")
    let suppressed = findings.filter(\.suppressed).map { "\($0.ruleId) \($0.place)" }
    #expect(suppressed.contains("ROOT001 org/accounts/break-glass.yaml:8:3"), "\(suppressed)")
    #expect(suppressed.contains("ROOT003 org/accounts/break-glass.yaml:10:3"), "\(suppressed)")
    #expect(suppressed.contains { $0.hasPrefix("ROOT004 org/accounts/sandbox.yaml:") }, "\(suppressed)")
  }
}
