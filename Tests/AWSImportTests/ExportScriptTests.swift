import Foundation
import Testing

@testable import AWSImport

/// scripts/export-aws.sh with an `aws` that answers only the three listings every export needs and denies every
/// other call: the script goes on after each failure, leaves an error file per failed call (the AssumeRoot sessions,
/// the credential report and the trail copy included) and exits 0; the import then says why each fact is unknown.
@Suite struct ExportScriptTests {
  static let script = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scripts/export-aws.sh")

  @Test func everyDeniedCallLeavesAnErrorFileAndTheExportGoesOn() throws {
    let scratch = try Fixtures.scratch()
    defer { Fixtures.cleanUp(scratch) }
    let well = Fixtures.wellRun.path
    try Fixtures.write(
      """
      #!/usr/bin/env bash
      case "$1 $2" in
        "organizations describe-organization") exec cat "\(well)/organizations/describe-organization.json" ;;
        "organizations list-roots") exec cat "\(well)/organizations/list-roots.json" ;;
        "organizations list-accounts") exec cat "\(well)/organizations/list-accounts.json" ;;
      esac
      echo "An error occurred (AccessDenied) when calling the $2 operation: User is not authorized" >&2
      exit 254

      """, to: "bin/aws", in: scratch)
    let shim = scratch.appendingPathComponent("bin/aws").path
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shim)
    let out = scratch.appendingPathComponent("export")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["bash", Self.script.path, out.path]
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = scratch.appendingPathComponent("bin").path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)

    let files = Set(Fixtures.files(in: out))
    for expected in [
      "organizations/list-aws-service-access-for-organization.error.json",
      "organizations/list-delegated-administrators.error.json", "organizations/ous/r-w3ll.error.json",
      "organizations/policies/list-policies.error.json", "organizations/parents/333333333333.error.json",
      "iam/list-organizations-features.error.json", "iam/credential-report.error.json",
      "iam/list-virtual-mfa-devices.error.json", "accounts/111111111111/alternate-contact-SECURITY.error.json",
      "accounts/111111111111/contact-information.error.json", "accounts/333333333333/audit-started-at.txt",
      "accounts/333333333333/assume-root.error.json", "cloudtrail/lookup-events-assumeroot.error.json",
      "cloudtrail/trail-files.error.json",
    ] {
      #expect(files.contains(expected), "\(expected) missing from \(files.sorted())")
    }
    #expect(!files.contains("accounts/111111111111/audit-started-at.txt"), "the management account is not audited")
    #expect(!files.contains { $0.hasSuffix(".tmp") || $0.hasSuffix(".err") || $0.hasSuffix(".b64") })

    let result = try AWSImporter(exportDirectory: out.path).run()
    #expect(result.findings.allSatisfy { $0.severity < .warning }, "\(summary(result))")
    let organization = try #require(result.documents.first { $0.path == "organization.yaml" }).text
    #expect(
      organization.contains(
        "  rootAccess: \"iam list-organizations-features: AccessDenied (iam/list-organizations-features.error.json)\""))
    let management = try #require(result.documents.first { $0.path == "accounts/111111111111.yaml" }).text
    #expect(
      management.contains(
        "  root: \"iam get-credential-report: AccessDenied (iam/credential-report.error.json): the management root is "
          + "unknown (AssumeRoot cannot audit it)\""))
    let member = try #require(result.documents.first { $0.path == "accounts/333333333333.yaml" }).text
    #expect(member.contains("  status: failed\n  errors:\n    - call: sts:AssumeRoot\n      error: AccessDenied\n"))
  }
}
