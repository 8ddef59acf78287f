import Foundation
import Testing

/// Which files make up a set and which are reported: other YAML is skipped, and a named file (pre-commit passes only
/// the changed ones) is linted in the context of its whole set, found from `.orglint.yaml` or the work tree's root.
@Suite struct ConfigSetTests {
  /// A small organization: centralized root access on, a root-denying SCP with the AssumeRoot exemption, and two
  /// member accounts with one problem each (a root access key in payments, a root password in web); every member
  /// has a recent, complete root audit.
  static let files: [String: String] = [
    "org/organization.yaml": """
      apiVersion: orglint/v1
      kind: Organization
      id: o-a1b2c3d4e5
      managementAccount: "111111111111"
      featureSet: ALL
      trustedAccess: [iam.amazonaws.com]
      delegatedAdministrators:
        - service: iam.amazonaws.com
          account: "222222222222"
      rootAccess:
        rootCredentialsManagement: true
        rootSessions: true
      policies:
        - name: deny-root-user
          attachedTo: [Root]
          document:
            Version: "2012-10-17"
            Statement:
              - Effect: Deny
                Action: "*"
                Resource: "*"
                Condition:
                  ArnLike: { "aws:PrincipalArn": "arn:*:iam::*:root" }
                  "Null": { "aws:AssumedRoot": "true" }

      """,
    "org/accounts/core.yaml": """
      apiVersion: orglint/v1
      kind: Account
      id: "111111111111"
      name: management
      email: root+management@example.com
      alternateContacts:
        security: { name: Sec, email: sec@example.com, phone: "+1 555 0100", title: CISO }
      root:
        password: true
        mfaDevices:
          - { type: hardware, serial: GAHT00000001, enabledAt: 2025-01-01T00:00:00Z }
          - { type: hardware, serial: GAHT00000002, enabledAt: 2025-01-01T00:00:00Z }
      ---
      apiVersion: orglint/v1
      kind: Account
      id: "222222222222"
      name: security
      email: root+security@example.com
      alternateContacts:
        security: { name: Sec, email: sec@example.com, phone: "+1 555 0100", title: CISO }
      root:
        password: false
      audit: { at: 2026-11-24T06:00:00Z, status: complete }

      """,
    "org/accounts/payments.yaml": """
      apiVersion: orglint/v1
      kind: Account
      id: "333333333333"
      name: payments
      email: root+payments@example.com
      alternateContacts:
        security: { name: Sec, email: sec@example.com, phone: "+1 555 0100", title: CISO }
      root:
        accessKeys:
          - { id: AKIAEXAMPLEPAYMENTS1, active: true }
      audit: { at: 2026-11-24T06:00:00Z, status: complete }

      """,
    "org/accounts/web.yaml": """
      apiVersion: orglint/v1
      kind: Account
      id: "444444444444"
      name: web
      email: root+web@example.com
      alternateContacts:
        security: { name: Sec, email: sec@example.com, phone: "+1 555 0100", title: CISO }
      root:
        password: true
      audit: { at: 2026-11-24T06:00:00Z, status: complete }

      """,
  ]

  /// The findings on web.yaml (as `rule path:line:col`, with `prefix` before the path).
  static func webFindings(_ prefix: String) -> [String] {
    ["ROOT004 \(prefix)web.yaml:8:1", "ROOT001 \(prefix)web.yaml:9:3"]
  }

  static func makeSet(marker: String?) throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    for (path, text) in files { try folder.write(path, text) }
    switch marker {
    case ".git": try folder.makeFolder(".git")
    case let name?: try folder.write(name, "exclude: [\"archive/**\"]\n")
    case nil: break
    }
    return folder
  }

  static func places(_ run: OrglintProcess.Outcome) throws -> [String] {
    try JSONReport(run).findings.map { "\($0.ruleId) \($0.place)" }
  }

  @Test func wholeSet() throws {
    let set = try Self.makeSet(marker: ".git")
    defer { set.remove() }
    let run = try OrglintProcess.lint(["--format", "json", "org"], in: set.path)
    #expect(run.status == 1)
    #expect(try Self.places(run) == ["ROOT002 org/accounts/payments.yaml:9:3"] + Self.webFindings("org/accounts/"))
  }

  @Test(arguments: [".git", ".orglint.yaml"])
  func namedFileIsLintedInItsSet(_ marker: String) throws {
    let set = try Self.makeSet(marker: marker)
    defer { set.remove() }
    let run = try OrglintProcess.lint(["org/accounts/web.yaml"], in: set.path)
    #expect(run.status == 1)
    #expect(run.stderr == "")
    #expect(
      run.stdout == """
        org/accounts/web.yaml:8:1: error: root user of account web (444444444444) has a password but no MFA device \
        [ROOT004 root-mfa-required]
        root:
        ^~~~~
        org/accounts/web.yaml:9:3: error: member account web (444444444444) still has a root user password \
        although the organization manages root credentials centrally [ROOT001 member-root-password-removed]
          password: true
          ^~~~~~~~~~~~~~
        2 errors in 1 file

        """)
    // ROOT001 needs the Organization document of the set (centralized root credentials management is on): the
    // named file alone would not give it.
    #expect(run.stdout.contains("[ROOT001 member-root-password-removed]"))
  }

  @Test func namedFileFromInsideTheSet() throws {
    let set = try Self.makeSet(marker: ".git")
    defer { set.remove() }
    let run = try OrglintProcess.lint(["--format", "json", "web.yaml"], in: set.path + "/org/accounts")
    #expect(run.status == 1)
    let places = try Self.places(run)
    #expect(places == Self.webFindings(""))
  }

  @Test func fixedFilePassesWhileItsNeighbourStillFails() throws {
    // pre-commit's view: the changed file is fixed, an untouched file with findings does not block the commit.
    let set = try Self.makeSet(marker: ".git")
    defer { set.remove() }
    let fixed = Self.files["org/accounts/web.yaml"]!.replacing("password: true", with: "password: false")
    try set.write("org/accounts/web.yaml", fixed)
    let run = try OrglintProcess.lint(["org/accounts/web.yaml"], in: set.path)
    #expect(run.status == 0)
    #expect(run.stdout == "no problems found in 1 file\n")
  }

  @Test func foldersNamedNextToAFileAreReportedWhole() throws {
    let set = try Self.makeSet(marker: ".git")
    defer { set.remove() }
    try set.write("org/more/payments.yaml", Self.files["org/accounts/payments.yaml"]!)
    try FileManager.default.removeItem(atPath: set.path + "/org/accounts/payments.yaml")
    let run = try OrglintProcess.lint(
      ["--format", "json", "org/organization.yaml", "org/accounts", "org/more"], in: set.path)
    #expect(run.status == 1)
    let places = try Self.places(run)
    #expect(places.contains("ROOT001 org/accounts/web.yaml:9:3"))
    #expect(places.contains("ROOT002 org/more/payments.yaml:9:3"), "\(places)")
  }

  @Test func nearestRootWins() throws {
    // A git repository with two sets: the one under team/ (marked by .orglint.yaml) must not pull in the other.
    let repo = try TemporaryFolder()
    defer { repo.remove() }
    try repo.makeFolder(".git")
    for (path, text) in Self.files { try repo.write("team/" + path, text) }
    try repo.write("team/.orglint.yaml", "exclude: [\"archive/**\"]\n")
    try repo.write(
      "legacy/organization.yaml",
      Self.files["org/organization.yaml"]!.replacing("o-a1b2c3d4e5", with: "o-legacy0000")
        .replacing("rootCredentialsManagement: true", with: "rootCredentialsManagement: false"))
    let run = try OrglintProcess.lint(["--format", "json", "team/org/accounts/web.yaml"], in: repo.path)
    #expect(run.status == 1)
    let places = try Self.places(run)
    #expect(places.contains("ROOT001 team/org/accounts/web.yaml:9:3"))  // the team's Organization, not legacy's
    #expect(!places.contains { $0.hasPrefix("MODEL") || $0.contains("legacy/") }, "\(places)")
  }

  /// Whether no folder above the system temp folder marks a set's root (true on usual machines and CI runners).
  static let tempFolderIsOutsideAnySet: Bool = {
    var dir = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
    while true {
      for marker in [".git", ".orglint.yaml"]
      where FileManager.default.fileExists(atPath: dir.appendingPathComponent(marker).path) {
        return false
      }
      let up = dir.deletingLastPathComponent()
      if up.path == dir.path { return true }
      dir = up
    }
  }()

  @Test(.enabled(if: tempFolderIsOutsideAnySet, "a folder above the temp folder marks a set's root"))
  func namedFileWithoutARootIsAloneInItsSet() throws {
    // No .orglint.yaml and no .git upward: the file is its own set.
    let set = try Self.makeSet(marker: nil)
    defer { set.remove() }
    let run = try OrglintProcess.lint(["--format", "json", "org/accounts/web.yaml"], in: set.path)
    #expect(run.status == 1)
    #expect(try Self.places(run) == ["ROOT004 org/accounts/web.yaml:8:1"])  // no Organization, so no ROOT001
  }

  /// Walked, a folder of other YAML only is IO003 (exit 2), never "no problems found" (issue 12); named files, as
  /// pre-commit passes them, are still skipped silently.
  @Test func otherYAMLIsSkippedSilently() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      ".github/workflows/ci.yml",
      "name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
        + "      - uses: actions/checkout@v4\n")
    try folder.write(
      "ci/release.yml",
      "name: Release\non:\n  push:\n    tags: ['v*']\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps: []\n")
    try folder.write(
      "k8s/deploy.yaml",
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 2
      ---
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      spec: { ports: [{ port: 80 }] }

      """)
    try folder.write("docker-compose.yaml", "services:\n  web:\n    image: nginx\n")
    // A folder whose YAML holds no organization document is not an all-clear: nothing was read (IO003).
    let run = try OrglintProcess.lint(["."], in: folder.path)
    #expect(run.status == 2)
    #expect(run.stdout == "")
    #expect(
      run.stderr.hasPrefix(
        "orglint: error: no organization documents found in 3 YAML files (orglint/v1 documents, an LZA config folder "
          + "or an org-formation template; see Docs/dialects.md) [IO003 no-organization-documents]\n"))
    // Beside the organization's documents, the other YAML files are skipped silently, in the whole set and when named
    // explicitly, as pre-commit does for every changed *.yaml.
    try folder.write(
      "org/prod.yaml",
      "apiVersion: orglint/v1\nkind: Account\nid: \"111111111111\"\nname: prod\nemail: prod@example.com\n"
        + "organizationalUnit: Workloads\n")
    let whole = try OrglintProcess.lint(["--only", "ROOT004", "."], in: folder.path)
    #expect(whole.status == 0)
    #expect(whole.stderr == "")
    #expect(whole.stdout == "no problems found in 4 files\n")
    let named = try OrglintProcess.lint(["k8s/deploy.yaml", "ci/release.yml"], in: folder.path)
    #expect(named.status == 0)
    #expect(named.stdout == "no problems found in 2 files\n")
  }

  @Test func orglintKindWithoutAPIVersionIsAWarning() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      "account.yaml",
      """
      kind: Account
      id: "111111111111"
      name: x
      email: a@example.com
      alternateContacts:
        security: { name: Sec, email: sec@example.com, phone: "+1 555 0100", title: CISO }

      """)
    let run = try OrglintProcess.lint(["account.yaml"], in: folder.path)
    #expect(run.status == 0)
    #expect(
      run.stdout == """
        account.yaml:1:1: warning: this Account document has no apiVersion; add 'apiVersion: orglint/v1' \
        [SCHEMA007 schema-api-version] [*]
        kind: Account
        ^
        [*] 1 fixable with orglint lint --fix
        1 warning in 1 file

        """)
  }

  @Test func featureSetDefaultsToAll() throws {
    // Docs/model.md: featureSet is ALL when the document leaves it out, so ORG003 has nothing to say here.
    let set = try Self.makeSet(marker: ".git")
    defer { set.remove() }
    try set.write(
      "org/organization.yaml", Self.files["org/organization.yaml"]!.replacing("featureSet: ALL\n", with: ""))
    let run = try OrglintProcess.lint(["--format", "json", "--only", "ORG003", "org"], in: set.path)
    #expect(run.status == 0)
    #expect(try Self.places(run) == [])
  }
  @Test func baselineRoundTrip() throws {
    let set = try Self.makeSet(marker: ".git")
    defer { set.remove() }
    let written = try OrglintProcess.lint(["--write-baseline", "baseline.json", "org"], in: set.path)
    // The report is that of the next run with the baseline just written.
    #expect(written.status == 0)
    #expect(written.stdout == "no problems found in 4 files (3 in baseline)\n")
    let baseline = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: set.path + "/baseline.json")))
        as? [String: Any])
    let recorded = try #require(baseline["findings"] as? [[String: Any]]).compactMap { $0["fingerprint"] as? String }
    #expect(
      recorded.sorted() == [
        "ROOT001:account/444444444444/root.password", "ROOT002:account/333333333333/root.accessKeys",
        "ROOT004:account/444444444444/root.mfaDevices",
      ].sorted())
    let run = try OrglintProcess.lint(["--baseline", "baseline.json", "org"], in: set.path)
    #expect(run.status == 0)
    #expect(run.stderr == "")
    #expect(run.stdout == "no problems found in 4 files (3 in baseline)\n")
    // A new finding still fails the run.
    try set.write(
      "org/accounts/payments.yaml",
      Self.files["org/accounts/payments.yaml"]!.replacing(
        "root:\n", with: "root:\n  signingCertificates:\n    - { id: CERTEXAMPLE1, active: true }\n"))
    let grown = try OrglintProcess.lint(["--baseline", "baseline.json", "--format", "json", "org"], in: set.path)
    #expect(grown.status == 1)
    let active = try JSONReport(grown).findings.filter { !$0.suppressed }.map { "\($0.ruleId) \($0.place)" }
    #expect(active.contains("ROOT003 org/accounts/payments.yaml:9:3"))
  }

  @Test func configFileTurnsARuleOff() throws {
    let set = try Self.makeSet(marker: nil)
    defer { set.remove() }
    try set.write(".orglint.yaml", "rules:\n  ROOT004: off\n")
    let run = try OrglintProcess.lint(["--format", "json", "org"], in: set.path)
    #expect(run.status == 1)
    #expect(try Self.places(run) == ["ROOT002 org/accounts/payments.yaml:9:3", "ROOT001 org/accounts/web.yaml:9:3"])
  }

  @Test func configFileWithAnUnknownKeyStopsTheRun() throws {
    let set = try Self.makeSet(marker: nil)
    defer { set.remove() }
    try set.write(".orglint.yaml", "failOn: warning\nrulez: {}\n")
    let run = try OrglintProcess.lint(["org"], in: set.path)
    #expect(run.status == 2)
    #expect(run.stdout == "")
    #expect(
      run.stderr == """
        .orglint.yaml:2:1: error: unknown key 'rulez' in the config file; did you mean 'rules'? \
        [CONFIG001 config-unknown-key]
        orglint could not lint: 1 problem (exit code 2)

        """)
  }
}
