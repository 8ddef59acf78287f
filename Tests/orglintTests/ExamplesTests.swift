import Foundation
import Testing

/// The Examples are documentation: their READMEs promise what `orglint lint` reports on them, and these tests hold
/// the built binary to those promises, with exact lines, exit codes and summaries.
@Suite struct ExamplesTests {
  @Test func secureOrgIsClean() throws {
    let run = try OrglintProcess.lint(["Examples/secure-org"])
    #expect(run.status == 0)
    #expect(run.stderr == "")
    #expect(run.stdout == "no problems found in 5 files\n")
  }

  @Test func defaultPathIsTheCurrentFolder() throws {
    let run = try OrglintProcess.lint([], in: OrglintProcess.packageRoot + "/Examples/secure-org")
    #expect(run.status == 0)
    #expect(run.stderr == "")
    #expect(run.stdout == "no problems found in 5 files\n")
  }

  @Test func quietPrintsNothingWhenClean() throws {
    let run = try OrglintProcess.lint(["--quiet", "Examples/secure-org"])
    #expect(run.status == 0)
    #expect(run.stdout == "")
    #expect(run.stderr == "")
  }

  /// Examples/partial-audit/README.md: no finding but ROOT009's (the two audits that are partial and failed), and
  /// exactly the checks that read an unknown fact not judged.
  @Test func partialAuditIsNotJudgedWhereFactsAreUnknown() throws {
    let prod = "account/303030303030"
    let dev = "account/404040404040"
    let contact = "\(prod) alternateContacts.security: account get-alternate-contact: AccessDenied "
      + "(accounts/303030303030/alternate-contact-SECURITY.error.json)"
    let notJudged =
      "10 checks not judged (unknown: root: sts assume-root: AccessDenied ×6, root.password: iam get-login-profile: "
      + "AccessDenied ×3, alternateContacts.security: account get-alternate-contact: AccessDenied ×1)\n"
    let run = try OrglintProcess.lint(["Examples/partial-audit"])
    #expect(run.status == 0)
    #expect(run.stderr == "")
    let file = "Examples/partial-audit/accounts/members.yaml"
    let audits = """
      \(file):28:1: warning: member account nucleus-prod (303030303030) root user audit of 2026-11-24T06:00:00Z is \
      partial: iam:GetLoginProfile AccessDenied [ROOT009 root-audit-current]
      audit:
      ^~~~~~
      \(file):51:1: warning: member account nucleus-dev (404040404040) root user audit of 2026-11-24T06:00:00Z \
      failed: sts:AssumeRoot AccessDenied [ROOT009 root-audit-current]
      audit:
      ^~~~~~

      """
    #expect(run.stdout == audits + "2 warnings in 3 files\n" + notJudged)

    let json = try OrglintProcess.lint(["--format", "json", "Examples/partial-audit"])
    #expect(json.status == 0)
    let report = try JSONReport(json)
    let checks = try #require(report.object["notJudged"] as? [[String: Any]])
    let shown = checks.map { c in
      "\(c["rule"] as? String ?? "") \(c["entity"] as? String ?? "") \(c["path"] as? String ?? ""):"
        + "\(c["line"] as? Int ?? 0):\(c["column"] as? Int ?? 0) \((c["causes"] as? [String] ?? []).count)"
    }
    #expect(
      shown == [
        "ACCT001 \(prod) \(file):19:1 1", "ROOT001 \(prod) \(file):19:1 1", "ROOT004 \(prod) \(file):19:1 1",
        "ROOT008 \(prod) \(file):19:1 1", "ROOT001 \(dev) \(file):43:1 1", "ROOT002 \(dev) \(file):43:1 1",
        "ROOT003 \(dev) \(file):43:1 1", "ROOT004 \(dev) \(file):43:1 1", "ROOT008 \(dev) \(file):43:1 1",
        "TASK001 \(dev) \(file):43:1 1",
      ])
    #expect((checks.first?["causes"] as? [String]) == [contact])
    let summary = try #require(report.object["summary"] as? [String: Any])
    #expect(summary["checks"] as? Int == 44)
    #expect(summary["notJudged"] as? Int == 10)
    #expect(summary["coverage"] as? Double == 0.7727)

    let floor = try OrglintProcess.lint(["--min-coverage", "90", "Examples/partial-audit"])
    #expect(floor.status == 1)
    #expect(
      floor.stdout
        == "orglint: error: coverage 77.2% is under the minimum 90%: 10 of 44 checks could not be judged (they "
        + "read unknown facts) [COVERAGE001 coverage-below-minimum]\n" + audits + "1 error and 2 warnings in 3 files\n"
        + notJudged)
    #expect(try OrglintProcess.lint(["--min-coverage", "75", "Examples/partial-audit"]).status == 0)
    let bad = try OrglintProcess.lint(["--min-coverage", "120", "Examples/partial-audit"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("--min-coverage '120' is not a percentage from 0 to 100, such as 90"))
  }

  @Test func insecureOrgFailsWithLocatedFindings() throws {
    let run = try OrglintProcess.lint(["Examples/insecure-org"])
    #expect(run.status == 1)
    #expect(run.stderr == "")
    let blocks = [
      """
      Examples/insecure-org/accounts/broken.yaml:6:1: error: unknown field 'emial' in Account; did you mean 'email'? \
      [SCHEMA001 schema-unknown-field] [*]
      emial: aws-root+marketing@globex.example.com   # unknown field (did you mean 'email'?), so email is missing
      ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
      """,
      """
      Examples/insecure-org/accounts/management.yaml:13:3: note: management account globex-management (111111111111) \
      root user has only 1 MFA device(s); register at least 2 [ROOT007 root-mfa-redundancy]
        mfaDevices:                          # ROOT005: virtual only; ROOT007: a single device
        ^~~~~~~~~~~
      """,
      """
      Examples/insecure-org/accounts/security.yaml:24:3: error: member account log-archive (333333333333) still has \
      a root user password although the organization manages root credentials centrally [ROOT001 \
      member-root-password-removed]
        password:                               # ROOT001: member root password; ROOT004: and no MFA
        ^~~~~~~~~
      """,
      """
      Examples/insecure-org/accounts/workloads.yaml:12:3: error: root user of account payments-prod (444444444444) \
      has 1 access key(s) (1 active): AKIAGLOBEXPAYMENTS01 [ROOT002 no-root-access-keys]
        accessKeys:                             # ROOT002: a root access key; ROOT008: used three weeks ago
        ^~~~~~~~~~~
      """,
      """
      Examples/insecure-org/organization.yaml:12:1: error: organization o-globex7h3k2m records centralized root \
      access but lacks trusted access for iam.amazonaws.com [ORG003 centralized-root-access-prerequisites]
      rootAccess:
      ^~~~~~~~~~~
      """,
      """
      Examples/insecure-org/tasks.yaml:13:1: error: privileged task IAMAuditRootUserCredentials started at \
      2026-11-02T11:00:00Z targets the management account 111111111111, which sts:AssumeRoot cannot target [TASK002 \
      task-targets-member]
      account: "111111111111"                  # TASK002: the management account cannot be an AssumeRoot target
      ^~~~~~~~~~~~~~~~~~~~~~~
      """,
      """
      Examples/insecure-org/tasks.yaml:21:1: error: privileged task S3UnlockBucketPolicy started at \
      2026-11-05T16:00:00Z targets account 123123123123, which is not an account of this configuration [TASK002 \
      task-targets-member]
      account: "123123123123"                  # TASK002: not an account of this organization
      ^~~~~~~~~~~~~~~~~~~~~~~
      """,
    ]
    for block in blocks {
      #expect(run.stdout.contains("\n" + block + "\n") || run.stdout.hasPrefix(block + "\n"), "\(block)")
    }
    // Every finding is three lines: the clang-style header, the source line and its caret line; so is each of its
    // related locations (`path:line:col: note: entity`).
    let lines = run.lines
    let summary = try #require(lines.last)
    #expect(summary == "18 errors, 12 warnings and 1 note in 7 files")
    #expect(lines.dropLast().last == "[*] 3 fixable with orglint lint --fix")
    let body = lines.dropLast(2)
    #expect(body.count % 3 == 0)
    let header =
      /^Examples\/insecure-org\/[a-z\/]+\.yaml:\d+:\d+: (error|warning|note): .+ \[[A-Z]+\d{3} [a-z0-9-]+\]( \[\*\])?$/
    let related = /^Examples\/insecure-org\/[a-z\/]+\.yaml:\d+:\d+: note: [^\[\]]+$/
    let caret = /^ *\^~*$/
    for i in stride(from: body.startIndex, to: body.endIndex, by: 3) {
      #expect(body[i].wholeMatch(of: header) != nil || body[i].wholeMatch(of: related) != nil, "\(body[i])")
      #expect(body[i + 2].wholeMatch(of: caret) != nil, "\(body[i + 2])")
      // The caret sits under the column the header names.
      let column = Int(body[i].split(separator: ":")[2])!
      #expect(body[i + 2].prefix { $0 == " " }.count == column - 1, "\(body[i])")
    }
  }

  @Test func onlySelectsRulesAndKeepsTheLoadersFindings() throws {
    let run = try OrglintProcess.lint(["--only", "ROOT002", "Examples/insecure-org"])
    #expect(run.status == 1)
    #expect(run.stderr == "")
    #expect(
      run.stdout == """
        Examples/insecure-org/accounts/broken.yaml:2:1: error: Account is missing the required field 'email' \
        [SCHEMA003 schema-missing-field]
        apiVersion: orglint/v1
        ^
        Examples/insecure-org/accounts/broken.yaml:6:1: error: unknown field 'emial' in Account; did you mean \
        'email'? [SCHEMA001 schema-unknown-field] [*]
        emial: aws-root+marketing@globex.example.com   # unknown field (did you mean 'email'?), so email is missing
        ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
        Examples/insecure-org/accounts/broken.yaml:17:1: error: account id 012345670123 is an unquoted number; \
        quote it: YAML reads unquoted numbers as integers and drops leading zeros [SCHEMA005 schema-malformed-value] [*]
        id: 012345670123                          # unquoted id: a number (YAML 1.1 even reads it as octal); quote it
        ^~~~~~~~~~~~~~~~
        Examples/insecure-org/accounts/broken.yaml:26:3: error: 'passwordRecovery: yes' is a YAML 1.1 boolean that \
        YAML 1.2 tools read as a string; write true instead [SCHEMA006 schema-yaml11-boolean] [*]
          passwordRecovery: yes                   # not a boolean in orglint (YAML 1.2): write true or false
          ^~~~~~~~~~~~~~~~~~~~~
        Examples/insecure-org/accounts/workloads.yaml:12:3: error: root user of account payments-prod \
        (444444444444) has 1 access key(s) (1 active): AKIAGLOBEXPAYMENTS01 [ROOT002 no-root-access-keys]
          accessKeys:                             # ROOT002: a root access key; ROOT008: used three weeks ago
          ^~~~~~~~~~~
        [*] 3 fixable with orglint lint --fix
        5 errors in 7 files

        """)
    // A rule's name selects it as well as its id.
    let byName = try OrglintProcess.lint(["--only", "no-root-access-keys", "Examples/insecure-org"])
    #expect(byName.stdout == run.stdout)
  }

  @Test func disableRemovesExactlyThatRulesFindings() throws {
    let all = try JSONReport(OrglintProcess.lint(["--format", "json", "Examples/insecure-org"]))
    let run = try OrglintProcess.lint(["--format", "json", "--disable", "ROOT008, TASK002", "Examples/insecure-org"])
    #expect(run.status == 1)
    let filtered = try JSONReport(run)
    #expect(all.findings.contains { $0.ruleId == "ROOT008" })
    #expect(all.findings.contains { $0.ruleId == "TASK002" })
    #expect(filtered.findings == all.findings.filter { $0.ruleId != "ROOT008" && $0.ruleId != "TASK002" })
    // Repeating the option adds to the list.
    let repeated = try JSONReport(
      OrglintProcess.lint(
        ["--format", "json", "--disable", "ROOT008", "--disable", "TASK002", "Examples/insecure-org"]))
    #expect(repeated.findings == filtered.findings)
  }

  @Test func failOnNeverAlwaysPasses() throws {
    let run = try OrglintProcess.lint(["--fail-on", "never", "Examples/insecure-org"])
    #expect(run.status == 0)
    #expect(run.stdout.hasSuffix("\n18 errors, 12 warnings and 1 note in 7 files\n"))
  }

  /// ORG002 alone is one warning: it fails the run from `--fail-on warning` down, not at the default `error`.
  @Test(arguments: [("error", Int32(0)), ("warning", 1), ("note", 1), ("never", 0)])
  func failOnThreshold(_ level: String, _ status: Int32) throws {
    let run = try OrglintProcess.lint(["--only", "ORG002", "--fail-on", level, "Examples/insecure-org-legacy"])
    #expect(run.status == status)
    #expect(run.stderr == "")
    #expect(
      run.stdout == """
        Examples/insecure-org-legacy/organization.yaml:15:3: warning: organization o-initech4n8w2p does not have \
        privileged root actions (RootSessions) enabled: locked S3 bucket and SQS queue policies cannot be removed \
        centrally, and member root password recovery cannot be allowed [ORG002 root-sessions-enabled]
          rootSessions: false                    # ORG002
          ^~~~~~~~~~~~~~~~~~~
        1 warning in 3 files

        """)
  }

  @Test func statisticsFollowTheReport() throws {
    let run = try OrglintProcess.lint(["--statistics", "--only", "SCP001,ACCT001", "Examples/insecure-org"])
    #expect(run.status == 1)
    #expect(
      Array(run.lines.suffix(7)) == [
        "4 errors and 6 warnings in 7 files",
        "4  SCP001     deny-root-user-actions",
        "2  ACCT001    security-contact-set",
        "1  SCHEMA001  schema-unknown-field",
        "1  SCHEMA003  schema-missing-field",
        "1  SCHEMA005  schema-malformed-value",
        "1  SCHEMA006  schema-yaml11-boolean",
      ])
  }

  /// Beside a machine-readable report the table goes to standard error: the report stays valid JSON.
  @Test func statisticsBesideJSONGoToStandardError() throws {
    let run = try OrglintProcess.lint(["--statistics", "--format", "json", "--only", "SCP001", "Examples/insecure-org"])
    #expect(run.status == 1)
    #expect(run.stdout.hasSuffix("}\n"))
    #expect((try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) != nil)
    #expect(run.stderr.hasPrefix("4  SCP001     deny-root-user-actions\n"))
  }

  @Test func quietStillPrintsFindings() throws {
    let loud = try OrglintProcess.lint(["--only", "ORG002", "Examples/insecure-org-legacy"])
    let quiet = try OrglintProcess.lint(["--quiet", "--only", "ORG002", "Examples/insecure-org-legacy"])
    #expect(quiet.stdout == loud.stdout)
    #expect(quiet.status == 0)
  }

  @Test func customRulesAddTheirFindings() throws {
    let run = try OrglintProcess.lint(
      ["--format", "json", "--rules", "Examples/custom-rules", "--only", "CORP001,CORP002", "Examples/insecure-org"])
    #expect(run.status == 1)
    let report = try JSONReport(run)
    let custom = report.findings.filter { $0.ruleId.hasPrefix("CORP") }.map { "\($0.ruleId) \($0.place)" }
    #expect(
      custom == [
        "CORP001 Examples/insecure-org/accounts/broken.yaml:2:1",
        "CORP001 Examples/insecure-org/accounts/workloads.yaml:35:1",
        "CORP002 Examples/insecure-org/accounts/workloads.yaml:68:1",
      ])
  }

  /// Every row of the tables in Examples/insecure-org/README.md (rule, file:line:col) is a finding of the binary,
  /// and the two sets together trigger every built-in rule in Rules/.
  @Test func insecureOrgReadmeTablesHold() throws {
    let readme = try String(
      contentsOfFile: OrglintProcess.packageRoot + "/Examples/insecure-org/README.md", encoding: .utf8)
    var expected: [String: Set<String>] = ["insecure-org": [], "insecure-org-legacy": []]
    var set = "insecure-org"
    let row = /^\| ([A-Z]+\d{3}) \| ([^|:]+):(\d+):(\d+)((?:, :\d+:\d+)*) \|/
    for line in readme.split(separator: "\n") {
      if line.hasPrefix("## Initech") { set = "insecure-org-legacy" }
      guard let m = line.firstMatch(of: row) else { continue }
      let file = "Examples/\(set)/\(m.2)"
      expected[set]!.insert("\(m.1) \(file):\(m.3):\(m.4)")
      for extra in m.5.matches(of: /:(\d+):(\d+)/) {
        expected[set]!.insert("\(m.1) \(file):\(extra.1):\(extra.2)")
      }
    }
    #expect(expected["insecure-org"]!.count == 25)
    #expect(expected["insecure-org-legacy"]!.count == 5)
    var triggered = Set<String>()
    for (name, rows) in expected {
      let report = try JSONReport(OrglintProcess.lint(["--format", "json", "Examples/\(name)"]))
      let found = Set(report.findings.map { "\($0.ruleId) \($0.place)" })
      #expect(rows.subtracting(found).isEmpty, "\(name): README rows without a finding: \(rows.subtracting(found))")
      triggered.formUnion(report.findings.map(\.ruleId))
    }
    let builtins = try FileManager.default.contentsOfDirectory(atPath: OrglintProcess.packageRoot + "/Rules")
      .filter { $0.hasSuffix(".yaml") }.map { String($0.prefix { $0 != "-" }) }
    #expect(builtins.count == 22)
    #expect(Set(builtins).subtracting(triggered).isEmpty, "\(Set(builtins).subtracting(triggered))")
  }
}

/// The `--format json` report, decoded loosely: the documented keys of a finding that these tests compare.
struct JSONReport {
  struct Finding: Equatable {
    var ruleId: String
    var ruleName: String
    var severity: String
    var message: String
    var path: String?
    var line: Int?
    var column: Int?
    var fingerprint: String
    var suppressed: Bool

    var place: String { "\(path ?? "-"):\(line ?? 0):\(column ?? 0)" }
  }

  var object: [String: Any]
  var findings: [Finding]

  init(_ run: OrglintProcess.Outcome) throws {
    let value = try JSONSerialization.jsonObject(with: run.stdoutData)
    object = try #require(value as? [String: Any])
    let list = try #require(object["findings"] as? [[String: Any]])
    findings = try list.map { f in
      Finding(
        ruleId: try #require(f["ruleId"] as? String), ruleName: try #require(f["ruleName"] as? String),
        severity: try #require(f["severity"] as? String), message: try #require(f["message"] as? String),
        path: f["path"] as? String, line: f["line"] as? Int, column: f["column"] as? Int,
        fingerprint: try #require(f["fingerprint"] as? String), suppressed: try #require(f["suppressed"] as? Bool))
    }
  }
}
