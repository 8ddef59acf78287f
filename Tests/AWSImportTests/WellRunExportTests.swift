import Diagnostics
import Foundation
import Testing

@testable import AWSImport

/// Examples/well-run-export (issue 10 item 6): a well-run organization imports and lints with nothing at warning or
/// above; no single missing file and no single denied call adds an error or a warning, only not-judged checks. The one
/// exception is the point of ROOT009: a denied call in a member's audit session makes that audit partial (or failed),
/// which ROOT009 reports for that member.
@Suite struct WellRunExportTests {
  /// The export files: everything but the generator and the README.
  static let files = Fixtures.files(in: Fixtures.wellRun).filter { !$0.hasSuffix(".py") && !$0.hasSuffix(".md") }

  /// A scratch copy of the export without its generator and README.
  static func copy() throws -> URL {
    let url = try Fixtures.scratch()
    for file in files {
      try Fixtures.write(
        try String(contentsOf: Fixtures.wellRun.appendingPathComponent(file), encoding: .utf8), to: file, in: url)
    }
    return url
  }

  /// Import findings at warning or above, then lint findings at warning or above.
  static func complaints(_ folder: URL) throws -> [String] {
    let result = try AWSImporter(exportDirectory: folder.path).run()
    return summary(result).enumerated().filter { result.findings[$0.offset].severity >= .warning }.map(\.element)
      + (try lintFindings(result, atLeast: .warning))
  }

  @Test func importsAndLintsClean() throws {
    let result = try AWSImporter(exportDirectory: Fixtures.wellRun.path).run()
    #expect(result.findings.allSatisfy { $0.severity < .warning }, "\(summary(result))")
    #expect(try lintFindings(result, atLeast: .warning) == [])
    // The management root's MFA devices are unknown (no API lists its FIDO keys), not one invented device.
    let management = try #require(result.documents.first { $0.path == "accounts/111111111111.yaml" }).text
    #expect(management.contains("  unknown:\n    mfaDevices: \"iam/credential-report.csv says mfa_active TRUE and "))
    #expect(!management.contains("type: hardware"))
    // Every member has a complete audit, and the export's own audit sessions are closed tasks.
    for member in ["222222222222", "333333333333", "444444444444"] {
      let text = try #require(result.documents.first { $0.path == "accounts/\(member).yaml" }).text
      #expect(text.contains("audit:\n  at: 2026-11-25T05:5"))
      #expect(text.contains("  status: complete\n"))
    }
    let tasks = try #require(result.documents.first { $0.path == "privileged-tasks.yaml" }).text
    #expect(tasks.components(separatedBy: "completedAt:").count - 1 == 3)
    // Only the management root's MFA checks are not judged.
    #expect(
      try notJudgedChecks(result) == [
        "ROOT004 account/111111111111", "ROOT005 account/111111111111", "ROOT006 account/111111111111",
        "ROOT007 account/111111111111",
      ])
  }

  /// A denied list-organizations-features: no ORG001/ORG002 finding, those checks (and the rules that depend on the
  /// features) are not judged.
  @Test func deniedFeaturesAreNotJudged() throws {
    let folder = try Self.copy()
    defer { Fixtures.cleanUp(folder) }
    try FileManager.default.removeItem(at: folder.appendingPathComponent(OrganizationImport.featuresFile))
    try Fixtures.write(
      "\nAn error occurred (AccessDenied) when calling the ListOrganizationsFeatures operation: denied\n",
      to: "iam/list-organizations-features.error.json", in: folder)
    let result = try AWSImporter(exportDirectory: folder.path).run()
    let organization = try #require(result.documents.first { $0.path == "organization.yaml" }).text
    #expect(
      organization.contains(
        "  rootAccess: \"iam list-organizations-features: AccessDenied (iam/list-organizations-features.error.json)\""))
    let notJudged = try notJudgedChecks(result)
    #expect(notJudged.contains("ORG001 organization/o-w3llrun7k2"), "\(notJudged)")
    #expect(notJudged.contains("ORG002 organization/o-w3llrun7k2"), "\(notJudged)")
    #expect(notJudged.contains("ROOT009 account/333333333333"), "\(notJudged)")
    #expect(try lintFindings(result, atLeast: .warning) == [])
  }

  @Test(arguments: files)
  func missingFileAddsNoErrorOrWarning(file: String) throws {
    let folder = try Self.copy()
    defer { Fixtures.cleanUp(folder) }
    try FileManager.default.removeItem(at: folder.appendingPathComponent(file))
    #expect(try Self.complaints(folder) == [], "without \(file)")
  }

  /// Every output file of a call (not the answers that are errors, nor the script's own .txt files).
  static let callOutputs = files.filter {
    ($0.hasSuffix(".json") && !$0.hasSuffix(".error.json")) || $0.hasSuffix(".csv")
  }

  @Test(arguments: callOutputs)
  func deniedCallAddsNoErrorOrWarning(file: String) throws {
    let folder = try Self.copy()
    defer { Fixtures.cleanUp(folder) }
    try FileManager.default.removeItem(at: folder.appendingPathComponent(file))
    // A trail file is not one call's output: the script writes trail-files.error.json when it cannot copy them.
    let twin = file.hasPrefix("cloudtrail/") && file.contains("_CloudTrail_")
      ? CloudTrailImport.trailErrorFile : ExportFolder.errorTwin(file)
    try Fixtures.write(
      "\nAn error occurred (AccessDenied) when calling the Operation operation: User: "
        + "arn:aws:sts::111111111111:assumed-role/orglint-observer/github-actions is not authorized\n",
      to: twin, in: folder)
    let complaints = try Self.complaints(folder)
    let parts = file.split(separator: "/")
    if parts.count == 3, parts[0] == "accounts", parts[1] != "111111111111",
      RootAudit.calls.contains(where: { $0.file == parts[2] })
    {
      // A call of the audit session: the audit is partial, which is ROOT009's finding for that member.
      #expect(complaints.count == 1, "\(complaints)")
      #expect(complaints.first?.hasPrefix("ROOT009 accounts/\(parts[1]).yaml:") == true, "\(complaints)")
      #expect(complaints.first?.contains(" is partial: ") == true, "\(complaints)")
    } else {
      #expect(complaints == [], "\(file) denied")
    }
  }

  /// AssumeRoot denied: the audit failed, every root fact of that member is unknown, and ROOT009 says so.
  @Test func deniedAssumeRootIsAFailedAudit() throws {
    let folder = try Self.copy()
    defer { Fixtures.cleanUp(folder) }
    for name in RootAudit.calls.map(\.file) {
      try? FileManager.default.removeItem(at: folder.appendingPathComponent("accounts/333333333333/\(name)"))
    }
    try FileManager.default.removeItem(
      at: folder.appendingPathComponent("accounts/333333333333/get-login-profile.error.json"))
    try Fixtures.write(
      "\nAn error occurred (AccessDenied) when calling the AssumeRoot operation: not authorized\n",
      to: "accounts/333333333333/assume-root.error.json", in: folder)
    let result = try AWSImporter(exportDirectory: folder.path).run()
    let text = try #require(result.documents.first { $0.path == "accounts/333333333333.yaml" }).text
    let reason = "\"no audit: sts assume-root: AccessDenied (accounts/333333333333/assume-root.error.json)\""
    #expect(
      text.hasSuffix(
        """
        # source: accounts/333333333333/assume-root.error.json
        root:
          unknown:
            password: \(reason)
            accessKeys: \(reason)
            signingCertificates: \(reason)
            mfaDevices: \(reason)
            passwordRecovery: \(reason)
        # source: accounts/333333333333/ (scripts/export-aws.sh's IAMAuditRootUserCredentials session)
        audit:
          at: 2026-11-25T05:52:00Z
          status: failed
          errors:
            - call: sts:AssumeRoot
              error: AccessDenied
              source: accounts/333333333333/assume-root.error.json

        """))
    #expect(
      try lintFindings(result, atLeast: .warning) == [
        "ROOT009 accounts/333333333333.yaml:28:1 member account prod (333333333333) root user audit of "
          + "2026-11-25T05:52:00Z failed: sts:AssumeRoot AccessDenied"
      ])
  }
}
