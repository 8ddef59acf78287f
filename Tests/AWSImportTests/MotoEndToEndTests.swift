import Foundation
import OrglintTestSupport
import Testing

@testable import AWSImport

/// scripts/export-aws.sh against moto_server, then `orglint import aws`: the documents equal export-full's golden
/// files once moto's random account ids are mapped back to export-full's.
///
/// Needs python3 with `moto[server]` and `awscli` (`python3 -m pip install 'moto[server]' awscli`); without them the
/// test is skipped with the missing tool named (a failure under ORGLINT_REQUIRE_TOOLS=1).
@Suite(
  .requires(.python("moto.server", "flask"), .command("aws"), for: "scripts/export-aws.sh against moto_server"))
struct MotoEndToEndTests {
  static let script = Fixtures.root.appendingPathComponent("moto-export.sh")
  /// A hang guard: the run needs about 40 s of CPU (mostly ~70 AWS CLI start-ups: the audit's get-user, the
  /// contact information, resource control policies and the trail copy came on top of the first ~50), so about
  /// 40 s on an idle 2-core machine, 115-130 s while other builds share the cores, and up to 350 s during a whole
  /// `swift test` run beside other builds.
  static let timeout: TimeInterval = 600

  @Test func exportOfMotoImportsLikeTheFixture() throws {
    let out = try Fixtures.scratch()
    defer { Fixtures.cleanUp(out) }
    let folder = out.appendingPathComponent("export")
    let (status, stdout, stderr) = try run(["bash", Self.script.path, folder.path])
    #expect(status != 3, "moto or awscli is missing: \(stderr)")
    try #require(status == 0, "moto-export.sh failed (\(status)): \(stderr)")
    let ids = stdout.split(whereSeparator: \.isNewline).last.map { $0.split(separator: " ").map(String.init) } ?? []
    try #require(ids.count == 5, "expected 5 account ids, got: \(stdout)")
    // Moto's ids → export-full's (management, prod, sandbox, mfa, security).
    let mapping = zip(ids, ["111111111111", "333333333333", "444444444444", "555555555555", "222222222222"])

    let result = try AWSImporter(exportDirectory: folder.path).run()
    let orgId = try #require(result.documents.first?.text.firstMatch(of: /id: (o-[a-z0-9]+)/)?.1)
    func normalised(_ text: String) -> String {
      var text = text.replacingOccurrences(of: String(orgId), with: "o-m12snuuy2s")
      text.replace(/p-[a-z0-9]{8}(?=[.])/, with: "p-ijgyv1tz")
      for (moto, fixture) in mapping { text = text.replacingOccurrences(of: moto, with: fixture) }
      return text
    }
    let expectedPaths = Fixtures.files(in: Fixtures.fullExpected)
    #expect(result.documents.map { normalised($0.path) }.sorted() == expectedPaths)
    for document in result.documents {
      let path = normalised(document.path)
      guard expectedPaths.contains(path) else { continue }
      let expected = try String(contentsOf: Fixtures.fullExpected.appendingPathComponent(path), encoding: .utf8)
      if path == "organization.yaml" {
        // Account ids in attachedTo are sorted by moto's ids: compare the lines regardless of order.
        #expect(normalised(document.text).split(separator: "\n").sorted() == expected.split(separator: "\n").sorted())
      } else {
        #expect(normalised(document.text) == expected, "\(path) differs from export-full.expected")
      }
    }
    #expect(try lintFindings(result).map(normalised).sorted() == ImportLintTests.expected.sorted())
    #expect(
      summary(result).map(normalised) == [
        "IMPORT006 accounts/555555555555/get-account-summary.json:21:46 "
          + "$.SummaryMap.AccountSigningCertificatesPresent: "
          + "AccountSigningCertificatesPresent is 1 but the listing has 0 item(s); re-run the audit",
        "IMPORT007 accounts/555555555555/get-user.error.json the export command failed with 'AccessDenied': what it "
          + "feeds is written as unknown",
      ])
  }

  /// Runs a command with a time limit; on timeout it is terminated (the script's trap stops moto) and the test fails.
  private func run(_ arguments: [String]) throws -> (Int32, String, String) {
    let scratch = try Fixtures.scratch()
    defer { Fixtures.cleanUp(scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    try process.run()
    let deadline = Date().addingTimeInterval(Self.timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
    if process.isRunning {
      process.terminate()
      Issue.record("moto-export.sh took longer than \(Int(Self.timeout)) s")
    }
    process.waitUntilExit()
    let out = try String(contentsOf: outURL, encoding: .utf8)
    let err = try String(contentsOf: errURL, encoding: .utf8)
    return (process.terminationStatus, out, err)
  }
}
