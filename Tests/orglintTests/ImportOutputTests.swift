import Foundation
import OrglintTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `orglint import aws … --out -` when standard output cannot take the documents (issue 17): a message on stderr
/// and exit code 2, never a trap (exit 132) or a silent success; and a hostile export is IMPORT001, not a trap.
@Suite(.timeLimit(.minutes(2))) struct ImportOutputTests {
  static let export = OrglintProcess.packageRoot + "/Tests/AWSImportTests/Fixtures/export-full"

  /// Runs `orglint import aws <export> --out -` with standard output set up by `redirect` (a shell redirection,
  /// e.g. `>&-`), returning the exit status and stderr.
  private static func importThroughShell(redirect: String) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "exec \"$0\" import aws \"$1\" --out - \(redirect)", OrglintProcess.binary, export]
    process.standardInput = FileHandle.nullDevice
    let err = Pipe()
    process.standardError = err
    try process.run()
    let stderr = err.fileHandleForReading.readAllRetryingInterrupts()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
  }

  @Test func closedStandardOutputIsExitTwo() throws {
    let run = try Self.importThroughShell(redirect: ">&-")
    #expect(run.status == 2)
    #expect(run.stderr.hasSuffix("error: standard output is closed; name a folder with --out\n"))
  }

  @Test func fullStandardOutputIsExitTwo() throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let run = try Self.importThroughShell(redirect: ">/dev/full")
    #expect(run.status == 2)
    #expect(run.stderr.hasSuffix("error: cannot write to standard output: No space left on device\n"))
  }

  /// The reader of the pipe is gone before orglint writes: EPIPE (SIGPIPE is not allowed to kill it silently).
  @Test func closedPipeIsExitTwo() throws {
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: OrglintProcess.binary)
    process.arguments = ["import", "aws", Self.export, "--out", "-"]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = pipe.fileHandleForWriting
    let err = Pipe()
    process.standardError = err
    try process.run()
    try pipe.fileHandleForWriting.close()
    let stderr = String(decoding: err.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 2)
    #expect(stderr.hasSuffix("error: cannot write to standard output: Broken pipe\n"))
  }

  /// `durationSeconds: Int.max` used to overflow `eventTime + durationSeconds` (SIGILL, exit 132).
  @Test func hugeDurationIsImport001NotATrap() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.copyItem(atPath: Self.export, toPath: folder.path + "/export")
    try folder.write(
      "export/cloudtrail/zz.json",
      #"{"Records": [{"eventTime": "2026-11-20T10:00:00Z", "eventName": "AssumeRoot", "userIdentity": {}, "#
        + #""requestParameters": {"targetPrincipal": "333333333333", "taskPolicyArn": {"arn": "x/y"}, "#
        + #""durationSeconds": 9223372036854775807}}]}"#)
    let run = try OrglintProcess.run(["import", "aws", "export", "--out", "-"], in: folder.path)
    #expect(run.status == 2)
    #expect(run.stdout == "")
    #expect(
      run.stderr
        == "export/cloudtrail/zz.json:1:208: error: $.Records[0].requestParameters.durationSeconds: expected an "
        + "integer from 0 to 900, found 9223372036854775807 [IMPORT001 malformed-export]\n")
  }

  /// `--out DIR` writes like `--output`: a symlinked document is written through (its target gets the new text, the
  /// link stays), never replaced.
  @Test func outFolderWritesThroughSymlinks() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.copyItem(atPath: Self.export, toPath: folder.path + "/export")
    let target = try folder.write("kept/organization.yaml", "old\n")
    try folder.makeFolder("out")
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/out/organization.yaml", withDestinationPath: target)
    let run = try OrglintProcess.run(["import", "aws", "export", "--out", "out"], in: folder.path)
    #expect(run.status == 0, "\(run.stderr)")
    let link = try FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/out/organization.yaml")
    #expect(link == target)
    let text = try String(contentsOfFile: target, encoding: .utf8)
    #expect(text.contains("kind: Organization"))
  }
}
