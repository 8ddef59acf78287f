import Foundation
import Testing

@testable import AWSImport

/// How single missing or failed files of export-full become `unknown:` entries and audit statuses.
@Suite struct UnknownImportTests {
  static func account(_ id: String, _ result: AWSImportResult) throws -> String {
    try #require(result.documents.first { $0.path == "accounts/\(id).yaml" }).text
  }

  /// An audit call's output missing without an error file: the field is unknown, and so is the audit's status
  /// (whether the call ran is not recorded).
  @Test func missingAuditOutputMakesFieldAndStatusUnknown() throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    try FileManager.default.removeItem(at: folder.appendingPathComponent("accounts/444444444444/list-mfa-devices.json"))
    let text = try Self.account("444444444444", try AWSImporter(exportDirectory: folder.path).run())
    #expect(
      text.hasSuffix(
        """
          # no login profile: no recovery open
          passwordRecovery: false
          unknown:
            mfaDevices: accounts/444444444444/list-mfa-devices.json missing
        # source: accounts/444444444444/ (scripts/export-aws.sh's IAMAuditRootUserCredentials session)
        audit:
          at: 2026-11-25T11:41:00Z
          unknown:
            status: "accounts/444444444444/list-mfa-devices.json missing: whether that call ran is not recorded"

        """), "\(text)")
  }

  /// GetLoginProfile denied: the password is unknown (never "no password"), so is passwordRecovery, and the audit is
  /// partial with the call and its code.
  @Test func deniedLoginProfileIsUnknownNotNoPassword() throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    try Fixtures.write(
      "\nAn error occurred (AccessDenied) when calling the GetLoginProfile operation: explicit deny\n",
      to: "accounts/444444444444/get-login-profile.error.json", in: folder)
    let text = try Self.account("444444444444", try AWSImporter(exportDirectory: folder.path).run())
    #expect(!text.contains("password: false"))
    #expect(
      text.contains(
        """
          unknown:
            password: "iam get-login-profile: AccessDenied (accounts/444444444444/get-login-profile.error.json)"
            passwordRecovery: the login profile is unknown (see password)
        """))
    #expect(
      text.hasSuffix(
        """
          status: partial
          errors:
            - call: iam:GetLoginProfile
              error: AccessDenied
              source: accounts/444444444444/get-login-profile.error.json

        """))
  }

  /// passwordRecovery needs a create-password task: a login profile without one in a complete log is a password, not
  /// a recovery (false); without trail files the log may be incomplete, so it is unknown.
  @Test func passwordRecoveryNeedsACreatePasswordTask() throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("cloudtrail").path) {
      let file = "cloudtrail/\(name)"
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      try Fixtures.write(
        text.replacingOccurrences(of: "IAMCreateRootUserPassword", with: "S3UnlockBucketPolicy"), to: file, in: folder)
    }
    let complete = try Self.account("333333333333", try AWSImporter(exportDirectory: folder.path).run())
    #expect(
      complete.contains(
        "  # a login profile but no IAMCreateRootUserPassword task in the log: a password, not a recovery\n"
          + "  passwordRecovery: false\n"))
    try FileManager.default.removeItem(
      at: folder.appendingPathComponent("cloudtrail/111111111111_CloudTrail_us-east-1_20261125T1200Z_example.json"))
    let result = try AWSImporter(exportDirectory: folder.path).run()
    let incomplete = try Self.account("333333333333", result)
    #expect(
      incomplete.contains(
        "    passwordRecovery: \"a login profile and no IAMCreateRootUserPassword task in an incomplete task log: "
          + "cloudtrail/lookup-events-assumeroot.json is lookup-events output, which covers one Region of one account; "
          + "no organization trail files\"\n"))
    let organization = try #require(result.documents.first { $0.path == "organization.yaml" }).text
    #expect(
      organization.contains(
        "  privilegedTasks: \"cloudtrail/lookup-events-assumeroot.json is lookup-events output, which covers one "
          + "Region of one account; no organization trail files\"\n"))
  }

  /// A failed copy of the trail's files makes the log incomplete even when some trail files are there.
  @Test func trailCopyErrorMakesTheTaskLogUnknown() throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    try Fixtures.write(
      "\nAn error occurred (AccessDenied) when calling the ListObjectsV2 operation: Access Denied\n",
      to: CloudTrailImport.trailErrorFile, in: folder)
    let result = try AWSImporter(exportDirectory: folder.path).run()
    let organization = try #require(result.documents.first { $0.path == "organization.yaml" }).text
    #expect(
      organization.contains(
        "  privilegedTasks: \"copying the organization trail's files: AccessDenied "
          + "(cloudtrail/trail-files.error.json)\"\n"), "\(organization)")
  }

  /// Alternate contacts: ResourceNotFoundException is "not set"; any other error or a missing file is unknown.
  @Test func alternateContactErrorsAreUnknownButNotFoundIsNotSet() throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    try Fixtures.write(
      "\nAn error occurred (AccessDeniedException) when calling the GetAlternateContact operation: denied\n",
      to: "accounts/444444444444/alternate-contact-SECURITY.error.json", in: folder)
    try FileManager.default.removeItem(
      at: folder.appendingPathComponent("accounts/444444444444/alternate-contact-BILLING.error.json"))
    let text = try Self.account("444444444444", try AWSImporter(exportDirectory: folder.path).run())
    #expect(
      text.contains(
        """
        alternateContacts:
          unknown:
            security: "account get-alternate-contact: AccessDeniedException \
        (accounts/444444444444/alternate-contact-SECURITY.error.json)"
            billing: accounts/444444444444/alternate-contact-BILLING.json missing
        """))
    #expect(!text.contains("operations"))
  }
}

/// ARNs of every partition: aws, aws-us-gov, aws-cn.
@Suite struct PartitionTests {
  @Test(arguments: ["aws", "aws-us-gov", "aws-cn"])
  func mfaTypesInEveryPartition(partition: String) {
    #expect(RootAudit.mfaType(serial: "arn:\(partition):iam::333333333333:mfa/root-account-mfa-device") == "virtual")
    #expect(RootAudit.mfaType(serial: "arn:\(partition):iam::333333333333:u2f/root/key-a") == "passkey")
    #expect(RootAudit.mfaType(serial: "GAHT12345678") == "hardware")
  }

  /// The management root's virtual device is found by its owner's ARN in any partition.
  @Test(arguments: ["aws-us-gov", "aws-cn"])
  func managementVirtualDeviceInOtherPartitions(partition: String) throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    for file in ["iam/list-virtual-mfa-devices.json", "iam/credential-report.csv"] {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      try Fixtures.write(
        text.replacingOccurrences(of: "arn:aws:iam::", with: "arn:\(partition):iam::"), to: file, in: folder)
    }
    let text = try UnknownImportTests.account("111111111111", try AWSImporter(exportDirectory: folder.path).run())
    #expect(
      text.contains(
        "lists the root's virtual device(s) arn:\(partition):iam::111111111111:mfa/root-account-mfa-device;"))
  }
}
