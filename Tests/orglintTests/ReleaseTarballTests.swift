import Foundation
import OrglintTestSupport
import Testing

/// The release tarball of scripts/build-release.sh, as a user meets it: checksum, contents, and the binary run with
/// an empty environment (`env -i`: no PATH, no LD_LIBRARY_PATH, so no Swift toolchain on the library path). Runs
/// when dist/ holds a tarball (or ORGLINT_RELEASE_TARBALL names one); .ci/run builds it first.
@Suite(
  .requires(
    .file(
      matching: OrglintProcess.packageRoot + "/dist/orglint-*-linux-*.tar.gz",
      description: "a release tarball in dist/ (scripts/build-release.sh)"),
    for: "the packed static binary run with env -i"))
struct ReleaseTarballTests {
  /// The newest `dist/orglint-*-linux-*.tar.gz`, or ORGLINT_RELEASE_TARBALL.
  static var tarball: String? {
    if let path = ProcessInfo.processInfo.environment["ORGLINT_RELEASE_TARBALL"], !path.isEmpty { return path }
    let dist = OrglintProcess.packageRoot + "/dist"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dist)) ?? []
    let tarballs = names.filter { $0.hasPrefix("orglint-") && $0.hasSuffix(".tar.gz") }.map { dist + "/" + $0 }
    return tarballs.max { modified($0) < modified($1) }
  }

  private static func modified(_ path: String) -> Date {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
  }

  /// Runs `arguments[0]` (an absolute path) with exactly `environment` in `directory`.
  static func run(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil) throws
    -> (status: Int32, stdout: String, stderr: String)
  {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let out = try folder.write("stdout", ""), err = try folder.write("stderr", "")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: arguments[0])
    process.arguments = Array(arguments.dropFirst())
    process.environment = environment
    process.currentDirectoryURL = URL(fileURLWithPath: directory ?? OrglintProcess.packageRoot)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
    try process.run()
    process.waitUntilExit()
    return (
      process.terminationStatus, try String(contentsOfFile: out, encoding: .utf8),
      try String(contentsOfFile: err, encoding: .utf8)
    )
  }

  @Test func packedBinaryRunsWithAnEmptyEnvironment() throws {
    let tarball = try #require(Self.tarball)
    let file = URL(fileURLWithPath: tarball).lastPathComponent
    let name = String(file.dropLast(".tar.gz".count))
    #expect(name.wholeMatch(of: /orglint-[0-9][0-9A-Za-z.+-]*-linux-(x86_64|aarch64)/) != nil, "\(name)")

    // The checksum file is `sha256sum -c` input for the tarball beside it.
    let check = try Self.run(
      ["/usr/bin/sha256sum", "-c", file + ".sha256"], environment: ["PATH": "/usr/bin:/bin"],
      in: URL(fileURLWithPath: tarball).deletingLastPathComponent().path)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout == "\(file): OK\n")

    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let listing = try Self.run(["/bin/tar", "-tzf", tarball], environment: ["PATH": "/usr/bin:/bin"])
    #expect(
      listing.stdout.split(separator: "\n").sorted() == [
        "\(name)/", "\(name)/README.md", "\(name)/licenses/", "\(name)/licenses/libyaml.txt",
        "\(name)/licenses/swift-argument-parser.txt", "\(name)/licenses/swift.txt", "\(name)/orglint",
      ])
    let untar = try Self.run(["/bin/tar", "-xzf", tarball, "-C", folder.path], environment: ["PATH": "/usr/bin:/bin"])
    #expect(untar.status == 0, "\(untar.stderr)")
    let binary = folder.path + "/" + name + "/orglint"

    // Only the C library's own libraries are dynamic: nothing of Swift, Foundation, ICU or libyaml.
    let ldd = try Self.run(["/usr/bin/ldd", binary])
    #expect(ldd.status == 0, "\(ldd.stderr)")
    let runtime = ldd.stdout.split(separator: "\n").filter {
      $0.contains(/libswift|Foundation|libdispatch|libBlocksRuntime|icu|libyaml|not found/)
    }
    #expect(runtime.map { $0.trimmingCharacters(in: .whitespaces) } == [])

    let version = try Self.run([binary, "--version"])
    #expect(version.status == 0)
    #expect(version.stdout.wholeMatch(of: /[0-9][0-9A-Za-z.+-]* \(commit [0-9a-f]{40}\)\n/) != nil, "\(version.stdout)")
    #expect(name.hasPrefix("orglint-" + (version.stdout.split(separator: " ").first ?? "") + "-linux-"))

    // The packed binary lints exactly like the debug build the other tests run, when both are of the same commit: a
    // tarball left in dist/ by an older build is reported as stale rather than as a difference in behaviour.
    let packedCommit = version.stdout.firstMatch(of: /commit ([0-9a-f]{40})/).map { String($0.1) }
    let head = try Self.run(
      ["/usr/bin/env", "git", "-C", OrglintProcess.packageRoot, "rev-parse", "HEAD"],
      environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"])
    let checkout = head.status == 0 ? head.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    if let checkout, let packedCommit, checkout != packedCommit {
      let stale = "\(file) was built from \(packedCommit), the checkout is at \(checkout): run scripts/build-release.sh"
      if ExternalTool.toolsRequired {
        Issue.record(Comment(rawValue: stale))
        return
      }
      try Test.cancel(Comment(rawValue: stale))
    }
    let arguments = ["lint", "Examples/insecure-org", "--now", OrglintProcess.now, "--color", "never"]
    let packed = try Self.run([binary] + arguments)
    let built = try OrglintProcess.run(arguments)
    #expect(packed.status == 1)
    #expect(packed.stdout == built.stdout)
    #expect(packed.stderr == "")
  }
}
