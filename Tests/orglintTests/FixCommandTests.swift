import Foundation
import OrglintTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `orglint lint --fix` and `--fix --diff` end to end: files byte-exact after the fix, the diff exact, a second run
/// that changes nothing, and the files --fix must not write (read-only, context of a named file) or must write with
/// care (a symlink).
@Suite struct FixCommandTests {
  /// Every fix kind, in a file with a byte order mark, CR LF breaks, comments and flow style.
  static let fixable =
    "\u{FEFF}# Production account (kept by the platform team)\r\nkind: Account\r\nid: 012345678901   # do not change\r\n"
    + "nmae: prod\r\nemail: root@example.com\r\nroot: {passwordRecovery: yes, password: {enabled: off}}\r\n"

  static let fixed =
    "\u{FEFF}# Production account (kept by the platform team)\r\napiVersion: orglint/v1\r\nkind: Account\r\n"
    + "id: \"012345678901\"   # do not change\r\nname: prod\r\nemail: root@example.com\r\n"
    + "root: {passwordRecovery: true, password: {enabled: false}}\r\n"

  /// A folder marked as a set root (`.git`) holding `a.yaml` and `b.yaml`, both fixable.
  func folder() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.makeFolder(".git")
    try folder.write("a.yaml", Self.fixable)
    try folder.write("b.yaml", Self.fixable)
    return folder
  }

  func read(_ folder: TemporaryFolder, _ name: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + name)), as: UTF8.self)
  }

  @Test func fixRepairsTheNamedFileOnlyAndASecondRunChangesNothing() throws {
    let folder = try folder()
    defer { folder.remove() }
    let run = try OrglintProcess.lint(["--fix", "--format", "json", "a.yaml"], in: folder.path)
    #expect(
      run.stderr == """
        orglint: fixed a.yaml: SCHEMA007 at 2:1, SCHEMA005 at 3:1, SCHEMA001 at 4:1, SCHEMA006 at 6:8, SCHEMA006 at 6:42
        orglint: fixed 5 findings in 1 file

        """)
    #expect(try read(folder, "a.yaml") == Self.fixed)
    #expect(try read(folder, "b.yaml") == Self.fixable)  // context of the named file: read, not fixed
    // The report is the run after the fixes: a warning remains, no schema finding.
    let report = try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any]
    let ids = (report?["findings"] as? [[String: Any]])?.compactMap { $0["ruleId"] as? String }
    #expect(ids == ["ACCT001"])
    #expect(run.status == 0)

    let again = try OrglintProcess.lint(["--fix", "a.yaml"], in: folder.path)
    #expect(again.stderr == "orglint: nothing to fix\n")
    #expect(try read(folder, "a.yaml") == Self.fixed)
    #expect(again.status == 0)
  }

  @Test func fixOfAFolderFixesEveryFileAndCountsThem() throws {
    let folder = try folder()
    defer { folder.remove() }
    let run = try OrglintProcess.lint(["--fix", "."], in: folder.path)
    #expect(run.stderr.hasSuffix("orglint: fixed 10 findings in 2 files\n"))
    #expect(try read(folder, "a.yaml") == Self.fixed)
    #expect(try read(folder, "b.yaml") == Self.fixed)
    #expect(run.stdout.hasSuffix("1 error and 1 warning in 2 files\n"), "\(run.stdout)")
    #expect(!run.stdout.contains("[*]"))
  }

  @Test func diffPrintsTheChangesAndWritesNothing() throws {
    let folder = try folder()
    defer { folder.remove() }
    let run = try OrglintProcess.lint(["--fix", "--diff", "a.yaml"], in: folder.path)
    #expect(
      run.stdout == "--- a.yaml\n+++ a.yaml\n@@ -1,6 +1,7 @@\n"
        + " \u{FEFF}# Production account (kept by the platform team)\r\n"
        + "-kind: Account\r\n-id: 012345678901   # do not change\r\n-nmae: prod\r\n"
        + "+apiVersion: orglint/v1\r\n+kind: Account\r\n+id: \"012345678901\"   # do not change\r\n+name: prod\r\n"
        + " email: root@example.com\r\n"
        + "-root: {passwordRecovery: yes, password: {enabled: off}}\r\n"
        + "+root: {passwordRecovery: true, password: {enabled: false}}\r\n")
    #expect(run.stderr == "orglint: would fix 5 findings in 1 file\n")
    #expect(run.status == 1)
    #expect(try read(folder, "a.yaml") == Self.fixable)
    #expect(try folder.contents() == [".git", "a.yaml", "b.yaml"])
  }

  @Test(.requires(.command("patch"), for: "applying the --diff output"))
  func diffAppliedWithPatchGivesWhatFixWrites() throws {
    let folder = try folder()
    defer { folder.remove() }
    let diff = try OrglintProcess.lint(["--fix", "--diff", "--output", "fix.patch", "a.yaml"], in: folder.path)
    #expect(diff.status == 1)
    let patch = try shell("patch -s -p0 < fix.patch", in: folder.path)
    #expect(patch.status == 0, "\(patch.stderr)")
    #expect(try read(folder, "a.yaml") == Self.fixed)
  }

  @Test func aReadOnlyFileIsNotFixed() throws {
    let folder = try folder()
    defer { folder.remove() }
    #expect(chmod(folder.path + "/a.yaml", 0o444) == 0)
    let run = try OrglintProcess.lint(["--fix", "a.yaml"], in: folder.path)
    #expect(
      run.stderr
        == "orglint: error: cannot fix a.yaml: it is read-only; orglint changes only files it may write\n")
    #expect(run.status == 2)
    #expect(try read(folder, "a.yaml") == Self.fixable)
    #expect(run.stdout.contains("[*] 5 fixable with orglint lint --fix"))
  }

  @Test func aSymlinkedInputIsFixedInItsTargetAndStaysALink() throws {
    let folder = try folder()
    defer { folder.remove() }
    try folder.write("real/acct.yaml", Self.fixable)
    #expect(symlink("real/acct.yaml", folder.path + "/link.yaml") == 0)
    #expect(chmod(folder.path + "/real/acct.yaml", 0o640) == 0)
    let run = try OrglintProcess.lint(["--fix", "link.yaml"], in: folder.path)
    #expect(run.stderr.hasSuffix("orglint: fixed 5 findings in 1 file\n"), "\(run.stderr)")
    #expect(fileType(folder.path + "/link.yaml")?.type == S_IFLNK)
    #expect(try read(folder, "real/acct.yaml") == Self.fixed)
    var info = stat()
    #expect(stat(folder.path + "/real/acct.yaml", &info) == 0)
    #expect(info.st_mode & 0o7777 == 0o640)
    #expect(try folder.contents("real") == ["acct.yaml"])  // no temporary file left
  }

  @Test func suppressedFindingsAreNotFixed() throws {
    let folder = try folder()
    defer { folder.remove() }
    let text = Self.fixable.replacingOccurrences(
      of: "nmae: prod\r\n", with: "nmae: prod  # orglint-disable-next-line SCHEMA001 -- renamed by the importer\r\n")
    try folder.write("a.yaml", text)
    let run = try OrglintProcess.lint(["--fix", "a.yaml"], in: folder.path)
    #expect(run.stderr.hasSuffix("orglint: fixed 4 findings in 1 file\n"), "\(run.stderr)")
    #expect(try read(folder, "a.yaml").contains("nmae: prod  # orglint-disable-next-line"))
  }

  @Test func fixWithWriteBaselineFixesFirstAndRecordsTheRest() throws {
    let folder = try folder()
    defer { folder.remove() }
    let run = try OrglintProcess.lint(["--fix", "--write-baseline", "baseline.json", "a.yaml"], in: folder.path)
    #expect(run.stderr.hasSuffix("orglint: fixed 5 findings in 1 file\n"), "\(run.stderr)")
    #expect(try read(folder, "a.yaml") == Self.fixed)
    let baseline = try read(folder, "baseline.json")
    #expect(baseline.contains("ACCT001"))
    #expect(!baseline.contains("SCHEMA"))
    #expect(run.status == 0)
  }

  @Test func diffWithoutFixIsAUsageError() throws {
    let folder = try folder()
    defer { folder.remove() }
    let run = try OrglintProcess.lint(["--diff", "a.yaml"], in: folder.path)
    #expect(run.status == 2)
    #expect(run.stderr.contains("--diff shows what --fix would change: use --fix --diff"))
  }
}
