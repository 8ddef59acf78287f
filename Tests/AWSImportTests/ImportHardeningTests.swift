import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@testable import AWSImport

/// Hostile or broken exports (issue 17): numbers that would overflow, ids that would leave the export folder,
/// duplicate keys, FIFOs. Each is a located IMPORT finding, never a trap, a read outside the folder or a hang.
@Suite(.timeLimit(.minutes(1))) struct ImportHardeningTests {
  /// An AssumeRoot trail record whose `durationSeconds` (line 5, column 22) is `duration`.
  private static func trail(duration: String) -> String {
    """
    {"Records": [{"eventTime": "2026-11-20T10:00:00Z", "eventName": "AssumeRoot", "eventID": "e-hardening",
      "userIdentity": {"arn": "arn:aws:iam::111111111111:root"},
      "requestParameters": {"targetPrincipal": "333333333333",
      "taskPolicyArn": {"arn": "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials"},
      "durationSeconds": \(duration)}}]}
    """
  }

  private static func importError(_ folder: URL) -> MalformedExport? {
    do {
      _ = try AWSImporter(exportDirectory: folder.path).run()
      return nil
    } catch {
      return error
    }
  }

  @Test(arguments: [
    ("9223372036854775807", "9223372036854775807"), ("-1", "-1"), ("901", "901"),
    ("99999999999999999999999", "99999999999999999999999"), ("1.5", "1.5"),
    (String(repeating: "9", count: 100), String(repeating: "9", count: 40) + "... (100 characters)"),
  ])
  func durationOutsideAssumeRootsRangeIsMalformed(duration: String, shown: String) throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    try Fixtures.write(Self.trail(duration: duration), to: "cloudtrail/zz-hardening.json", in: folder)
    let error = try #require(Self.importError(folder))
    #expect(
      error.description
        == "cloudtrail/zz-hardening.json:5:22: $.Records[0].requestParameters.durationSeconds: "
        + "expected an integer from 0 to 900, found \(shown)")
    #expect(error.finding.ruleId == "IMPORT001")
  }

  @Test func durationsAtTheEdgesOfTheRangeAreImported() throws {
    for (duration, completed) in [("0", "2026-11-20T10:00:00Z"), ("900", "2026-11-20T10:15:00Z")] {
      let folder = try Fixtures.copyOfFull()
      defer { Fixtures.cleanUp(folder) }
      try Fixtures.write(Self.trail(duration: duration), to: "cloudtrail/zz-hardening.json", in: folder)
      let result = try AWSImporter(exportDirectory: folder.path).run()
      let tasks = try #require(result.documents.first { $0.path == "privileged-tasks.yaml" }).text
      #expect(tasks.contains("# eventTime + \(duration) s (session expiry)\ncompletedAt: \(completed)\n"))
    }
  }

  @Test func timestampAdditionReportsOverflow() {
    #expect(Timestamp(seconds: Int.max - 1).adding(seconds: 2) == nil)
    #expect(Timestamp(seconds: Int.min + 1).adding(seconds: -2) == nil)
    #expect(Timestamp(seconds: 10).adding(seconds: 900) == Timestamp(seconds: 910))
  }

  /// Ids that become file names are checked against AWS's formats first: a traversal is IMPORT001 at the id.
  @Test(arguments: [
    (
      "organizations/policies/list-policies.json",
      #"{"Policies": [{"Id": "../../../secret", "Name": "Evil", "Type": "SERVICE_CONTROL_POLICY"}]}"#,
      "organizations/policies/list-policies.json:1:22: $.Policies[0].Id: "
        + "expected a policy id (p- and 8 to 128 letters, digits or '_'), found '../../../secret'"
    ),
    (
      "organizations/list-roots.json", #"{"Roots": [{"Id": "r-../../x"}]}"#,
      "organizations/list-roots.json:1:19: $.Roots[0].Id: "
        + "expected a root id (r- and 4 to 32 lowercase letters or digits), found 'r-../../x'"
    ),
    (
      "organizations/ous/r-nbtg.json", #"{"OrganizationalUnits": [{"Id": "/etc/passwd", "Name": "X"}]}"#,
      "organizations/ous/r-nbtg.json:1:33: $.OrganizationalUnits[0].Id: "
        + "expected an OU id (ou-<4 to 32 lowercase letters or digits>-<8 to 32 more>), found '/etc/passwd'"
    ),
    (
      "accounts/333333333333/list-access-keys.json",
      #"{"AccessKeyMetadata": [{"AccessKeyId": "../../../../etc/passwd", "Status": "Active"}]}"#,
      "accounts/333333333333/list-access-keys.json:1:40: $.AccessKeyMetadata[0].AccessKeyId: "
        + "expected an access key id (16 to 128 letters, digits or '_'), found '../../../../etc/passwd'"
    ),
  ])
  func idsThatWouldLeaveTheFolderAreMalformed(file: String, content: String, expected: String) throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    try Fixtures.write(content, to: file, in: folder)
    let error = try #require(Self.importError(folder))
    #expect(error.description == expected)
    #expect(error.finding.ruleId == "IMPORT001")
  }

  /// The policy id `../secret` would name `<export>/organizations/secret.json`, a real file here: it is never read.
  @Test func aTraversingPolicyIdReadsNothing() throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    try Fixtures.write(
      #"{"Policies": [{"Id": "../secret", "Name": "Evil"}]}"#, to: "organizations/policies/list-policies.json",
      in: folder)
    try Fixtures.write(#"{"Policy": {"Content": "{\"stolen\": true}"}}"#, to: "organizations/secret.json", in: folder)
    let error = try #require(Self.importError(folder))
    #expect(error.jsonPath == "$.Policies[0].Id")
    #expect(!error.description.contains("stolen"))
  }

  @Test func idFormats() {
    for id in ["p-FullAWSAccess", "p-ijgyv1tz", "p-" + String(repeating: "A_1", count: 42)] {
      #expect(ExportId.policy.matches(id), "\(id)")
    }
    for id in ["p-1234567", "p-../../x", "p-abc/defgh", "P-abcdefgh", "p-" + String(repeating: "a", count: 129)] {
      #expect(!ExportId.policy.matches(id), "\(id)")
    }
    #expect(ExportId.root.matches("r-nbtg"))
    for id in ["r-abc", "r-ABCD", "r-ab/cd", "r-" + String(repeating: "a", count: 33)] {
      #expect(!ExportId.root.matches(id), "\(id)")
    }
    #expect(ExportId.organizationalUnit.matches("ou-nbtg-tpahtitu"))
    for id in ["ou-nbtg", "ou-nbtg-short", "ou-abc-abcdefgh", "ou-nbtg-tpah/itu", "ou-nbtg-tpahtitu-x", "ou--abcdefgh"] {
      #expect(!ExportId.organizationalUnit.matches(id), "\(id)")
    }
    #expect(ExportId.accessKey.matches("AKIAEXAMPLEROOTKEY01"))
    for id in ["AKIA1", "AKIAEXAMPLE/ROOTKEY", "AKIAEXAMPLE.ROOTKEY01"] {
      #expect(!ExportId.accessKey.matches(id), "\(id)")
    }
    #expect(ExportFolder.staysInside("organizations/policies/p-ijgyv1tz.json"))
    #expect(!ExportFolder.staysInside("organizations/../../x.json"))
    #expect(!ExportFolder.staysInside("/etc/passwd"))
    #expect(!ExportFolder.staysInside(".."))
  }

  /// jq and Python would take the last `Id`, a first-wins reader the first: the import refuses to guess.
  @Test func duplicateKeysAreMalformed() throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    try Fixtures.write(
      #"{"Accounts": [{"Id": "111111111111", "Name": "a", "Id": "222222222222", "Email": "a@example.com"}]}"#,
      to: "organizations/list-accounts.json", in: folder)
    let error = try #require(Self.importError(folder))
    #expect(
      error.description
        == #"organizations/list-accounts.json:1:51: $: invalid JSON: duplicate key "Id" in an object "#
        + "(which one counts is ambiguous)")
    #expect(error.finding.ruleId == "IMPORT001")
  }

  @Test func duplicateKeysInsideAPolicyDocumentAreMalformed() throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    try Fixtures.write(
      #"{"Policy": {"Content": "{\"Effect\": \"Deny\", \"Effect\": \"Allow\"}"}}"#,
      to: "organizations/policies/p-ijgyv1tz.json", in: folder)
    let error = try #require(Self.importError(folder))
    #expect(
      error.description
        == "organizations/policies/p-ijgyv1tz.json:1:24: $.Policy.Content: the policy document is not valid JSON: "
        + #"duplicate key "Effect" in an object (which one counts is ambiguous) (at byte 19)"#)
  }

  /// A FIFO among the trail files is skipped with a note; the other files are still imported.
  @Test func fifoInCloudTrailIsSkippedWithANote() throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    #expect(mkfifo(folder.appendingPathComponent("cloudtrail/pipe.json").path, 0o600) == 0)
    #expect(mkfifo(folder.appendingPathComponent("cloudtrail/pipe.error.json").path, 0o600) == 0)
    let result = try AWSImporter(exportDirectory: folder.path).run()
    let found = summary(result)
    #expect(found.contains("IMPORT005 cloudtrail/pipe.json a FIFO, not a regular file: skipped"))
    #expect(found.contains("IMPORT005 cloudtrail/pipe.error.json a FIFO, not a regular file: skipped"))
    let reference = try AWSImporter(exportDirectory: Fixtures.full.path).run()
    #expect(result.documents == reference.documents)
  }

  /// A FIFO where the layout names a file is IMPORT001 (the import cannot be complete), without blocking on it.
  @Test func fifoAtANamedPathIsMalformed() throws {
    let folder = try Fixtures.copyOfFull()
    defer { Fixtures.cleanUp(folder) }
    let accounts = folder.appendingPathComponent("organizations/list-accounts.json").path
    try FileManager.default.removeItem(atPath: accounts)
    #expect(mkfifo(accounts, 0o600) == 0)
    let error = try #require(Self.importError(folder))
    #expect(
      error.description
        == "organizations/list-accounts.json:1:1: $: a FIFO, not a regular file: export files are regular files")
  }
}
