import Foundation
import OrgModel
import Testing

@testable import AWSImport

@Suite struct AWSImporterTests {
  /// The documents of export-full equal the golden files (ORGLINT_UPDATE_GOLDEN=1 rewrites them).
  @Test func fullExportMatchesGoldenFiles() throws {
    let result = try AWSImporter(exportDirectory: Fixtures.full.path).run()
    if ProcessInfo.processInfo.environment["ORGLINT_UPDATE_GOLDEN"] == "1" {
      try? FileManager.default.removeItem(at: Fixtures.fullExpected)
      try result.write(to: Fixtures.fullExpected.path)
    }
    #expect(result.documents.map(\.path).sorted() == Fixtures.files(in: Fixtures.fullExpected))
    for document in result.documents {
      let expected = try String(
        contentsOf: Fixtures.fullExpected.appendingPathComponent(document.path), encoding: .utf8)
      #expect(document.text == expected, "\(document.path) differs from the golden file")
    }
  }

  @Test func fullExportFindings() throws {
    let result = try AWSImporter(exportDirectory: Fixtures.full.path).run()
    #expect(
      summary(result) == [
        "IMPORT006 accounts/555555555555/get-account-summary.json:21:46 "
          + "$.SummaryMap.AccountSigningCertificatesPresent: "
          + "AccountSigningCertificatesPresent is 1 but the listing has 0 item(s); re-run the audit",
        "IMPORT007 accounts/555555555555/get-user.error.json the export command failed with 'AccessDenied': what it "
          + "feeds is written as unknown",
        "IMPORT002 accounts/666666666666 account '666666666666' has exported files but is not in "
          + "organizations/list-accounts.json",
      ])
  }

  @Test func reimportIsIdenticalAndRemovesOnlyItsOwnStaleFiles() throws {
    let out = try Fixtures.scratch()
    defer { Fixtures.cleanUp(out) }
    let first = try AWSImporter(exportDirectory: Fixtures.full.path).run()
    let second = try AWSImporter(exportDirectory: Fixtures.full.path).run()
    #expect(first.documents == second.documents)
    try Fixtures.write(AWSImporter.header + "\nkind: Account\n", to: "accounts/999999999999.yaml", in: out)
    try Fixtures.write("# written by hand\nkind: Account\n", to: "accounts/hand.yaml", in: out)
    try first.write(to: out.path)
    let files = Fixtures.files(in: out)
    #expect(!files.contains("accounts/999999999999.yaml"))
    #expect(files.contains("accounts/hand.yaml"))
    #expect(files.filter { $0 != "accounts/hand.yaml" } == first.documents.map(\.path).sorted())
  }

  @Test(arguments: [
    (
      "accounts/333333333333/list-access-keys.json",
      #"{"AccessKeyMetadata": [{"AccessKeyId": "AKIA1", "Status": 1}]}"#,
      "accounts/333333333333/list-access-keys.json:1:59: $.AccessKeyMetadata[0].Status: "
        + "expected a string, found a number"
    ),
    (
      "organizations/list-accounts.json", #"{"Accounts": [{"Id": 111111111111}]}"#,
      "organizations/list-accounts.json:1:22: $.Accounts[0].Id: expected a string, found a number"
    ),
    (
      "organizations/list-accounts.json", #"{"Accounts": [{"Id": "1111"}]}"#,
      "organizations/list-accounts.json:1:22: $.Accounts[0].Id: expected a 12-digit account id, found '1111'"
    ),
    (
      "organizations/list-accounts.json", "{\"Accounts\": [\n  {\"Id\": \"111111111111\",}\n]}",
      "organizations/list-accounts.json:2:25: $: invalid JSON: expected a string key"
    ),
    (
      "organizations/list-accounts.json", "",
      "organizations/list-accounts.json:1:1: $: empty file, expected the AWS CLI's JSON output"
    ),
    (
      "organizations/describe-organization.json", #"{"Organization": {"Id": "o-1"}}"#,
      "organizations/describe-organization.json:1:18: $.Organization: missing required member 'MasterAccountId'"
    ),
    (
      "accounts/555555555555/list-mfa-devices.json",
      #"{"MFADevices": [{"SerialNumber": "x", "EnableDate": "yesterday"}]}"#,
      "accounts/555555555555/list-mfa-devices.json:1:53: $.MFADevices[0].EnableDate: "
        + "expected an ISO 8601 timestamp, found 'yesterday'"
    ),
    (
      "organizations/policies/p-ijgyv1tz.json", #"{"Policy": {"Content": "{\"Version\": }"}}"#,
      "organizations/policies/p-ijgyv1tz.json:1:24: $.Policy.Content: "
        + "the policy document is not valid JSON: unexpected character '}', expected a value (at byte 12)"
    ),
    (
      "cloudtrail/lookup-events-assumeroot.json", #"{"Events": [{"CloudTrailEvent": "{\"eventTime\": \"x\"}"}]}"#,
      "cloudtrail/lookup-events-assumeroot.json:1:33: $.Events[0].CloudTrailEvent.eventTime: "
        + "expected an ISO 8601 timestamp, found 'x'"
    ),
    (
      "accounts/333333333333/list-access-keys.json", #"{"AccessKeyMetadata": [{"AccessKeyId": "A", "Status": "On"}]}"#,
      "accounts/333333333333/list-access-keys.json:1:55: $.AccessKeyMetadata[0].Status: "
        + "expected 'Active' or 'Inactive', found 'On'"
    ),
    (
      "iam/credential-report.csv", "user,arn\n<root_account>,arn:aws:iam::111111111111:root,extra\n",
      "iam/credential-report.csv:2:1: line 2: expected 2 columns, found 3"
    ),
  ])
  func malformedFileNamesFileAndPath(file: String, content: String, expected: String) throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    try Fixtures.write(content, to: file, in: folder)
    #expect(throws: (any Error).self) { try AWSImporter(exportDirectory: folder.path).run() }
    do {
      _ = try AWSImporter(exportDirectory: folder.path).run()
    } catch {
      #expect(error.description == expected)
      #expect(error.finding.ruleId == "IMPORT001")
    }
  }

  /// Only list-accounts.json: the Organization from the account ARNs, Account documents, every absent part written as
  /// unknown with a note, never a guess.
  @Test func partialExportWritesUnknowns() throws {
    let folder = try Fixtures.scratch()
    defer { Fixtures.cleanUp(folder) }
    try Fixtures.write(
      try String(contentsOf: Fixtures.full.appendingPathComponent(AccountImport.listFile), encoding: .utf8),
      to: AccountImport.listFile, in: folder)
    let result = try AWSImporter(exportDirectory: folder.path).run()
    #expect(
      result.documents.map(\.path) == [
        "organization.yaml", "accounts/111111111111.yaml", "accounts/222222222222.yaml", "accounts/333333333333.yaml",
        "accounts/444444444444.yaml", "accounts/555555555555.yaml",
      ])
    #expect(
      result.documents[0].text == AWSImporter.header + "\n" + """
        apiVersion: orglint/v1
        kind: Organization
        # source: organizations/list-accounts.json (account ARNs)
        id: o-m12snuuy2s
        managementAccount: "111111111111"
        unknown:
          featureSet: organizations/describe-organization.json missing
          trustedAccess: organizations/list-aws-service-access-for-organization.json missing
          delegatedAdministrators: organizations/list-delegated-administrators.json missing
          rootAccess: iam/list-organizations-features.json missing
          organizationalUnits: organizations/list-roots.json missing
          policies: organizations/policies/list-policies.json missing
          privilegedTasks: "cloudtrail/ missing: no AssumeRoot events exported"

        """)
    #expect(
      result.documents[1].text == AWSImporter.header + "\n" + """
        apiVersion: orglint/v1
        kind: Account
        # source: organizations/list-accounts.json
        id: "111111111111"
        name: master
        email: master@example.com
        state: ACTIVE
        alternateContacts:
          unknown:
            security: accounts/111111111111/alternate-contact-SECURITY.json missing
            operations: accounts/111111111111/alternate-contact-OPERATIONS.json missing
            billing: accounts/111111111111/alternate-contact-BILLING.json missing
        unknown:
          organizationalUnit: organizations/parents/111111111111.json missing
          root: "iam/credential-report.csv missing: the management root is unknown (AssumeRoot cannot audit it)"

        """)
    let notes = summary(result)
    #expect(
      notes.contains(
        "IMPORT005 organizations/describe-organization.json absent: the organization id and management account are "
          + "read from the account ARNs in organizations/list-accounts.json, featureSet is unknown"))
    #expect(notes.contains("IMPORT005 organizations/parents/333333333333.json absent: organizationalUnit is unknown"))
    #expect(notes.contains("IMPORT005 iam/list-organizations-features.json absent: rootAccess is unknown"))
    #expect(result.findings.allSatisfy { $0.ruleId == "IMPORT005" })
  }

  @Test func truncatedListingIsReported() throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    try Fixtures.write(
      #"{"Accounts": [{"Id": "111111111111", "Name": "m", "Email": "m@example.com"}], "NextToken": "abc"}"#,
      to: "organizations/list-accounts.json", in: folder)
    let result = try AWSImporter(exportDirectory: folder.path).run()
    #expect(
      summary(result).contains(
        "IMPORT004 organizations/list-accounts.json:1:92 $.NextToken: the listing continues (NextToken); export every "
          + "page (drop --max-items / --no-paginate)"))
    #expect(
      summary(result).contains(
        "IMPORT002 organizations/parents/333333333333.json account '333333333333' is not in "
          + "organizations/list-accounts.json"))
  }

  @Test(arguments: [
    ("TRUE", "2026-11-24T08:30:00+00:00", "  password:\n    enabled: true\n    lastUsed: 2026-11-24T08:30:00Z\n"),
    ("FALSE", "N/A", "  password:\n    enabled: false\n"),
    (
      "not_supported", "no_information",
      "  password:\n    unknown:\n      enabled: \"iam/credential-report.csv line 2: "
        + "password_enabled is 'not_supported' "
        + "and password_last_used is 'no_information': the report does not say whether the root user has a "
        + "password\"\n"
    ),
    (
      "N/A", "N/A",
      "  password:\n    unknown:\n      enabled: \"iam/credential-report.csv line 2: password_enabled is 'N/A' and "
        + "password_last_used is 'N/A': the report does not say whether the root user has a password\"\n"
    ),
  ])
  func credentialReportPasswordStates(enabled: String, lastUsed: String, expected: String) throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    let report = try String(contentsOf: folder.appendingPathComponent("iam/credential-report.csv"), encoding: .utf8)
    let edited = report.replacingOccurrences(
      of: ":root,2020-01-01T00:00:00+00:00,not_supported,2026-11-24T08:30:00+00:00,",
      with: ":root,2020-01-01T00:00:00+00:00,\(enabled),\(lastUsed),")
    #expect(edited != report)
    try Fixtures.write(edited, to: "iam/credential-report.csv", in: folder)
    let result = try AWSImporter(exportDirectory: folder.path).run()
    let management = try #require(result.documents.first { $0.path == "accounts/111111111111.yaml" })
    #expect(management.text.contains(expected), "\(management.text)")
  }
}

/// Import → OrgModel: the documents load with no finding of the loader's own.
@Suite struct RoundTripTests {
  @Test func importedDocumentsLoadWithoutFindings() throws {
    let result = try AWSImporter(exportDirectory: Fixtures.full.path).run()
    let set = loadIntoOrgModel(result)
    #expect(
      set.findings.map { "\($0.ruleId) \($0.path ?? ""):\($0.range?.start.description ?? "") \($0.message)" } == [])
    #expect(set.organization?.id == "o-m12snuuy2s")
    #expect(set.accounts.count == 5)
    #expect(set.tasks.count == 4)
  }
}

/// Import → lint with the built-in rules: each root-credential situation of export-full gets its findings.
@Suite struct ImportLintTests {
  /// The findings of export-full's documents at 2026-11-25T12:00:00Z. Management: an inactive key (ROOT002), a
  /// recent sign-in (ROOT008); its MFA devices are unknown (mfa_active TRUE, one virtual device listed, others not
  /// reportable), so ROOT004-ROOT007 are not judged for it. security: never audited (ROOT009). prod: a password
  /// (ROOT001) used on 11-20 (ROOT008), keys (ROOT002), a certificate (ROOT003), no MFA (ROOT004), recovery opened
  /// on 11-20 and left open (TASK001). sandbox: clean. mfa: hardware, virtual and passkey MFA; a password (ROOT001)
  /// whose recovery task is still open (no TASK001); GetUser denied in its audit (ROOT009 partial).
  static let expected = [
    "ACCT001 accounts/111111111111.yaml:2:1 account master (111111111111) has no security alternate contact",
    "ROOT008 accounts/111111111111.yaml:10:1 root user of account master (111111111111) was used within the last 90 "
      + "days: password sign-in at 2026-11-24T08:30:00Z",
    "ROOT002 accounts/111111111111.yaml:17:3 root user of account master (111111111111) has 1 access key(s) (0 "
      + "active): access_key_1",
    "ACCT001 accounts/222222222222.yaml:2:1 account security (222222222222) has no security alternate contact",
    "ROOT009 accounts/222222222222.yaml:2:1 member account security (222222222222) has no recorded root user audit",
    "ROOT008 accounts/333333333333.yaml:20:1 root user of account prod (333333333333) was used within the last 90 "
      + "days: password sign-in at 2026-11-20T10:10:00Z",
    "ROOT001 accounts/333333333333.yaml:22:3 member account prod (333333333333) still has a root user password "
      + "although the organization manages root credentials centrally",
    "ROOT002 accounts/333333333333.yaml:27:3 root user of account prod (333333333333) has 2 access key(s) (1 active): "
      + "AKIAEXAMPLEROOTKEY01, AKIAEXAMPLEROOTKEY02",
    "ROOT003 accounts/333333333333.yaml:35:3 root user of account prod (333333333333) has 1 signing certificate(s): "
      + "EXAMPLECERTID0123456789ABCDEFGHI",
    "ROOT004 accounts/333333333333.yaml:39:3 root user of account prod (333333333333) has a password but no MFA device",
    "TASK001 accounts/333333333333.yaml:41:3 password recovery for account prod (333333333333) was opened and never "
      + "closed: IAMCreateRootUserPassword at 2026-11-20T10:00:00Z has no later IAMDeleteRootUserCredentials "
      + "within 24h",
    "ACCT001 accounts/444444444444.yaml:2:1 account sandbox (444444444444) has no security alternate contact",
    "ACCT001 accounts/555555555555.yaml:2:1 account mfa (555555555555) has no security alternate contact",
    "ROOT001 accounts/555555555555.yaml:14:3 member account mfa (555555555555) still has a root user password "
      + "although the organization manages root credentials centrally",
    "ROOT009 accounts/555555555555.yaml:36:1 member account mfa (555555555555) root user audit of "
      + "2026-11-25T11:58:00Z is partial: iam:GetUser AccessDenied",
  ]

  @Test func fullExportLintsWithTheExpectedFindings() throws {
    let result = try AWSImporter(exportDirectory: Fixtures.full.path).run()
    #expect(try lintFindings(result) == Self.expected)
  }
}

/// Edge cases of the task log and of cross-file references.
@Suite struct CrossFileTests {
  /// A session ends at eventTime + durationSeconds (at most 900 s) whatever the export time: the 11:50 session of an
  /// export taken at 12:00 has completedAt 12:05, and a session of 600 s ends 600 s after it started (a duration
  /// outside AssumeRoot's 0-900 s is IMPORT001: ImportHardeningTests).
  @Test func sessionsEndAtTheirExpiryWhateverTheExportTime() throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    let file = folder.appendingPathComponent("cloudtrail/111111111111_CloudTrail_us-east-1_20261125T1200Z_example.json")
    let trail = try String(contentsOf: file, encoding: .utf8)
    let edited = trail.replacingOccurrences(of: #""durationSeconds":900"#, with: #""durationSeconds":600"#)
    #expect(edited != trail)
    try Fixtures.write(edited, to: "cloudtrail/" + file.lastPathComponent, in: folder)
    try FileManager.default.removeItem(at: folder.appendingPathComponent("cloudtrail/lookup-events-assumeroot.json"))
    let result = try AWSImporter(exportDirectory: folder.path).run()
    let tasks = try #require(result.documents.first { $0.path == "privileged-tasks.yaml" }).text
    #expect(
      tasks.contains(
        "startedAt: 2026-11-20T10:00:00Z\n# eventTime + 600 s (session expiry)\ncompletedAt: 2026-11-20T10:10:00Z"))
    let full = try AWSImporter(exportDirectory: Fixtures.full.path).run()
    let fullTasks = try #require(full.documents.first { $0.path == "privileged-tasks.yaml" }).text
    #expect(fullTasks.components(separatedBy: "completedAt:").count - 1 == 4)
    #expect(
      fullTasks.contains(
        "startedAt: 2026-11-25T11:50:00Z\n# eventTime + 900 s (session expiry)\ncompletedAt: 2026-11-25T12:05:00Z"))
  }

  @Test func referencesToUnlistedAccountsAreReported() throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    try Fixtures.write(
      #"{"DelegatedAdministrators": [{"Id": "777777777777"}]}"#, to: "organizations/list-delegated-administrators.json",
      in: folder)
    try Fixtures.write(
      #"{"Targets": [{"TargetId": "888888888888", "Type": "ACCOUNT"}, {"TargetId": "ou-x", "Type": "#
        + #""ORGANIZATIONAL_UNIT"}]}"#,
      to: "organizations/policies/p-ijgyv1tz.targets.json", in: folder)
    let result = try AWSImporter(exportDirectory: folder.path).run()
    let found = summary(result)
    #expect(found.contains(
      "IMPORT003 organizations/list-delegated-administrators.json:1:37 $.DelegatedAdministrators[0].Id: account "
        + "'777777777777' is not in organizations/list-accounts.json"))
    #expect(found.contains(
      "IMPORT003 organizations/policies/p-ijgyv1tz.targets.json:1:27 $.Targets[0].TargetId: account '888888888888' "
        + "is not in organizations/list-accounts.json"))
    #expect(found.contains(
      "IMPORT003 organizations/policies/p-ijgyv1tz.targets.json:1:76 $.Targets[1].TargetId: OU 'ou-x' is not under "
        + "any root in organizations/ous/"))
  }
}
