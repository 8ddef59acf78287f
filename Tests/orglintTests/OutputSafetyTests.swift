import Foundation
import OrglintTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// An account document with no problem the built-in rules care about much (a warning or two at most).
let plainAccount = """
  apiVersion: orglint/v1
  kind: Account
  id: "123456789012"
  name: plain
  email: root@example.com

  """

/// Runs `script` with /bin/sh in `directory`, `$ORGLINT` naming the binary: for redirections the test runner cannot
/// set up through `Process` (a closed standard output).
func shell(_ script: String, in directory: String) throws -> (status: Int32, stdout: String, stderr: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  process.arguments = ["-c", script]
  process.currentDirectoryURL = URL(fileURLWithPath: directory)
  var env = ProcessInfo.processInfo.environment
  env["ORGLINT"] = OrglintProcess.binary
  process.environment = env
  process.standardInput = FileHandle.nullDevice
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let outData = out.fileHandleForReading.readAllRetryingInterrupts()
  let errData = err.fileHandleForReading.readAllRetryingInterrupts()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// Runs orglint with standard output connected to `output` (a device, or a pipe nobody reads); returns the exit
/// status, whether a signal ended it, and standard error.
func runWithStandardOutput(_ output: FileHandle, _ arguments: [String], in directory: String) throws -> (
  status: Int32, signaled: Bool, stderr: String
) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: OrglintProcess.binary)
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: directory)
  process.standardInput = FileHandle.nullDevice
  process.standardOutput = output
  let err = Pipe()
  process.standardError = err
  try process.run()
  let errData = err.fileHandleForReading.readAllRetryingInterrupts()
  process.waitUntilExit()
  return (process.terminationStatus, process.terminationReason == .uncaughtSignal, String(decoding: errData, as: UTF8.self))
}

/// The file type and device number of `path` (without following a final symlink).
func fileType(_ path: String) -> (type: mode_t, device: UInt64)? {
  var info = stat()
  guard lstat(path, &info) == 0 else { return nil }
  return (info.st_mode & S_IFMT, UInt64(info.st_rdev))
}

/// A character device node made with mknod, like /dev/null (1, 3) or /dev/full (1, 7); nil when not root.
func makeCharacterDevice(_ path: String, major: UInt64, minor: UInt64) -> Bool {
  guard geteuid() == 0 else { return false }
  let device = dev_t((major << 8) | minor)
  return mknod(path, S_IFCHR | 0o666, device) == 0
}

let isRoot = geteuid() == 0

/// `--output`, `--write-baseline` and `schema --output` never destroy a device, a FIFO or an input.
@Suite struct OutputFileSafetyTests {
  @Test(
    .enabled(if: isRoot, "mknod needs root: run the suite as root to test writing through a device node"),
    arguments: [
      ["lint", "--output", "null", "a.yaml"], ["lint", "--write-baseline", "null", "a.yaml"],
      ["schema", "--output", "null"],
    ])
  func aCharacterDeviceIsWrittenThroughNotReplaced(_ arguments: [String]) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    #expect(makeCharacterDevice(folder.path + "/null", major: 1, minor: 3))
    let run = try OrglintProcess.run(arguments, in: folder.path)
    #expect(run.status != 2, "\(run.stderr)")
    let after = try #require(fileType(folder.path + "/null"))
    #expect(after.type == S_IFCHR)
    #expect(after.device == (1 << 8) | 3)
    #expect(try folder.contents() == ["a.yaml", "null"])  // no temporary file left
  }

  @Test(.enabled(if: isRoot, "mknod needs root: run the suite as root to test a full device"))
  func aFullDeviceIsAnErrorAndStaysADevice() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    #expect(makeCharacterDevice(folder.path + "/full", major: 1, minor: 7))
    let run = try OrglintProcess.lint(["--output", "full", "a.yaml"], in: folder.path)
    #expect(run.status == 2)
    #expect(run.stderr == "orglint: error: full: cannot write: No space left on device\n")
    #expect(fileType(folder.path + "/full")?.type == S_IFCHR)
  }

  @Test func aFIFOIsWrittenThroughNotReplaced() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    #expect(mkfifo(folder.path + "/report.fifo", 0o600) == 0)
    let received = ReceivedBytes()
    let reader = Thread {
      let handle = FileHandle(forReadingAtPath: folder.path + "/report.fifo")
      received.set(handle?.readAllRetryingInterrupts() ?? Data())
    }
    reader.start()
    let run = try OrglintProcess.lint(["--format", "json", "--output", "report.fifo", "a.yaml"], in: folder.path)
    while !received.isSet { usleep(10_000) }
    #expect(run.status != 2, "\(run.stderr)")
    #expect(String(decoding: received.value, as: UTF8.self).contains("\"findings\""))
    #expect(fileType(folder.path + "/report.fifo")?.type == S_IFIFO)
  }

  @Test func folderAndSocketOutputsAreRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    try folder.makeFolder("out")
    let dir = try OrglintProcess.lint(["--output", "out", "a.yaml"], in: folder.path)
    #expect(dir.status == 2)
    #expect(dir.stderr == "orglint: error: --output out: cannot write: is a directory\n")
    // A Unix socket.
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let socketPath = folder.path + "/s.sock"
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
      for (i, b) in socketPath.utf8.enumerated() where i < buffer.count - 1 { buffer[i] = b }
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    #expect(bound == 0)
    let sock = try OrglintProcess.lint(["--output", "s.sock", "a.yaml"], in: folder.path)
    #expect(sock.status == 2)
    #expect(
      sock.stderr
        == "orglint: error: --output s.sock: cannot write: is a socket; orglint writes only regular files, character "
        + "devices and FIFOs\n")
    #expect(fileType(socketPath)?.type == S_IFSOCK)
  }

  /// Each case: files to create, the arguments, and the file that must survive untouched.
  struct InputCase: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    let protected: String
    let message: String
    var testDescription: String { name }
  }

  static let inputCases: [InputCase] = [
    InputCase(
      name: "named file", arguments: ["--output", "a.yaml", "a.yaml"], protected: "a.yaml",
      message: "orglint: error: --output a.yaml: is an input of this run; writing it would destroy it: choose another file\n"),
    InputCase(
      name: "walked file, other spelling", arguments: ["--output", "./org/../org/b.yaml", "org"],
      protected: "org/b.yaml",
      message: "orglint: error: --output ./org/../org/b.yaml: is an input of this run (the same file as org/b.yaml); "
        + "writing it would destroy it: choose another file\n"),
    InputCase(
      name: "hard link", arguments: ["--write-baseline", "hard.yaml", "org"], protected: "org/b.yaml",
      message: "orglint: error: --write-baseline hard.yaml: is an input of this run (the same file as org/b.yaml); "
        + "writing it would destroy it: choose another file\n"),
    InputCase(
      name: "config file", arguments: ["--config", "cfg.yaml", "--output", "cfg.yaml", "org"], protected: "cfg.yaml",
      message: "orglint: error: --output cfg.yaml: is an input of this run; writing it would destroy it: choose another "
        + "file\n"),
    InputCase(
      name: "rule file", arguments: ["--rules", "rules", "--output", "rules/R.yaml", "org"],
      protected: "rules/R.yaml",
      message: "orglint: error: --output rules/R.yaml: is an input of this run; writing it would destroy it: choose "
        + "another file\n"),
    InputCase(
      name: "baseline being read", arguments: ["--baseline", "base.json", "--output", "base.json", "org"],
      protected: "base.json",
      message: "orglint: error: --output base.json: is an input of this run; writing it would destroy it: choose "
        + "another file\n"),
    InputCase(
      name: "symlink to an input", arguments: ["--format", "sarif", "--output", "link.sarif", "org"],
      protected: "org/b.yaml",
      message: "orglint: error: --output link.sarif: is an input of this run (the same file as org/b.yaml); writing it "
        + "would destroy it: choose another file\n"),
  ]

  @Test(arguments: inputCases)
  func anOutputThatIsAnInputIsRefused(_ input: InputCase) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    try folder.write("org/b.yaml", plainAccount)
    try folder.write("cfg.yaml", "failOn: error\n")
    try folder.write(
      "rules/R.yaml",
      """
      id: CORP001
      name: corp-rule
      title: A rule
      severity: note
      scope: account
      assert: "true"
      message: m
      description: d
      remediation: r

      """)
    try folder.write("base.json", #"{"version":1,"findings":[]}"# + "\n")
    #expect(link(folder.path + "/org/b.yaml", folder.path + "/hard.yaml") == 0)
    #expect(symlink("org/b.yaml", folder.path + "/link.sarif") == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + input.protected))
    let run = try OrglintProcess.lint(input.arguments, in: folder.path)
    #expect(run.status == 2)
    #expect(run.stderr == input.message)
    #expect(run.stdout == "")
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + input.protected)) == before)
  }

  @Test func twoOutputsNamingOneFileAreRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    let run = try OrglintProcess.lint(["--output", "r.json", "--write-baseline", "./r.json", "a.yaml"], in: folder.path)
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "orglint: error: --write-baseline ./r.json and --output r.json name the same file; one would overwrite the "
        + "other\n")
    #expect(try folder.contents() == ["a.yaml"])
  }

  @Test func aBaselineIsRefreshedInPlace() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    let first = try OrglintProcess.lint(["--write-baseline", "base.json", "a.yaml"], in: folder.path)
    #expect(first.status != 2, "\(first.stderr)")
    let again = try OrglintProcess.lint(["--baseline", "base.json", "--write-baseline", "base.json", "a.yaml"], in: folder.path)
    #expect(again.status != 2, "\(again.stderr)")
    #expect(again.stderr == "")
  }

  @Test func aSymlinkOutputWritesItsTargetAndKeepsItsMode() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    try folder.write("reports/real.json", "old")
    #expect(chmod(folder.path + "/reports/real.json", 0o640) == 0)
    if isRoot { #expect(chown(folder.path + "/reports/real.json", 4242, 4343) == 0) }
    #expect(symlink("reports/real.json", folder.path + "/link.json") == 0)
    let run = try OrglintProcess.lint(["--format", "json", "--output", "link.json", "a.yaml"], in: folder.path)
    #expect(run.status != 2, "\(run.stderr)")
    #expect(fileType(folder.path + "/link.json")?.type == S_IFLNK)
    let text = try String(contentsOfFile: folder.path + "/reports/real.json", encoding: .utf8)
    #expect(text.contains("\"findings\""))
    var info = stat()
    #expect(stat(folder.path + "/reports/real.json", &info) == 0)
    #expect(info.st_mode & 0o7777 == 0o640)
    if isRoot {
      #expect(info.st_uid == 4242)
      #expect(info.st_gid == 4343)
    }
    #expect(try folder.contents("reports") == ["real.json"])
  }

  /// `-` is standard output; so is /dev/stdout, a link (through /proc) to the pipe the test reads.
  @Test(arguments: [
    ["lint", "--now", OrglintProcess.now, "--output", "-", "a.yaml"], ["schema", "--output", "-"],
    ["schema", "--output", "/dev/stdout"], ["lint", "--now", OrglintProcess.now, "--output", "/dev/stdout", "a.yaml"],
  ])
  func dashIsStandardOutput(_ arguments: [String]) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    let run = try OrglintProcess.run(arguments, in: folder.path)
    #expect(run.status != 2, "\(run.stderr)")
    #expect(!run.stdout.isEmpty)
    #expect(try folder.contents() == ["a.yaml"])
  }
}

/// Every write to standard output is checked: a full disk, a closed pipe or a closed standard output is a message and
/// exit code 2, for every command.
@Suite struct StandardOutputFailureTests {
  static let commands: [[String]] = [
    ["lint", "--now", OrglintProcess.now, "a.yaml"], ["lint", "--format", "sarif", "--now", OrglintProcess.now, "a.yaml"],
    ["schema"], ["rules", "list"], ["rules", "explain", "ROOT001"], ["rules", "test"], ["eval", "1 + 2"],
    ["--help"], ["lint", "--help"], ["--version"],
  ]

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "no /dev/full"), arguments: commands)
  func aFullDiskIsAnError(_ arguments: [String]) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let run = try runWithStandardOutput(full, arguments, in: folder.path)
    #expect(!run.signaled)
    #expect(run.status == 2)
    #expect(run.stderr.hasSuffix("orglint: error: cannot write to standard output: No space left on device\n"))
  }

  @Test(arguments: commands)
  func aClosedPipeIsAnErrorNotASignal(_ arguments: [String]) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    var fds: [Int32] = [0, 0]
    #expect(pipe(&fds) == 0)
    close(fds[0])  // nobody will ever read
    let writeEnd = FileHandle(fileDescriptor: fds[1], closeOnDealloc: true)
    let run = try runWithStandardOutput(writeEnd, arguments, in: folder.path)
    #expect(!run.signaled)
    #expect(run.status == 2)
    #expect(run.stderr.hasSuffix("orglint: error: cannot write to standard output: Broken pipe\n"))
  }

  @Test func aClosedStandardOutputIsAnError() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    let run = try shell(#""$ORGLINT" lint --now 2026-11-25T00:00:00Z a.yaml >&-; echo "exit $?" >&2"#, in: folder.path)
    #expect(run.stderr == "orglint: error: cannot write to standard output: Bad file descriptor\nexit 2\n")
    // With standard output closed, the report must not land in a file orglint opened (it took fd 1 before).
    let withFile = try shell(
      #""$ORGLINT" lint --now 2026-11-25T00:00:00Z --write-baseline b.json a.yaml >&-; echo "exit $?" >&2"#,
      in: folder.path)
    #expect(withFile.stderr.hasSuffix("exit 2\n"))
    let baseline = try String(contentsOfFile: folder.path + "/b.json", encoding: .utf8)
    #expect(!baseline.contains("in 1 file"))
  }
}

/// Command-line pitfalls: `--only` with no id, file names that look like options or are not UTF-8.
@Suite struct CommandLinePitfallTests {
  @Test(arguments: ["", ",,", " , "])
  func onlyWithNoIdIsAUsageError(_ value: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    let run = try OrglintProcess.lint(["--only", value, "a.yaml"], in: folder.path)
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("Error: --only needs at least one rule id or name; '\(value)' has none\n"))
    #expect(run.stdout == "")
  }

  @Test func aFileNamedLikeAnOptionIsLintedAfterDashDash() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("-help.yaml", "apiVersion: orglint/v1\nkind: Account\nid: \"1\"\n")
    let run = try OrglintProcess.run(["lint", "--now", OrglintProcess.now, "--", "-help.yaml"], in: folder.path)
    #expect(run.status == 1)
    #expect(run.stdout.contains("\n-help.yaml:3:1: error: 'id' must be a 12-digit account id, found '1' [SCHEMA005 schema-malformed-value]\n"))
  }

  @Test func theLeapSecondIsAnError() throws {
    let run = try OrglintProcess.run(["lint", "--now", "2016-12-31T23:59:60Z", "."])
    #expect(run.status == 2)
    #expect(
      run.stderr.hasPrefix(
        "Error: --now '2016-12-31T23:59:60Z' has second 60, a leap second, which rule time cannot represent; use :59 "
          + "or the next minute\n"))
  }

  @Test func evalPrintsNaNAsCELDoes() throws {
    let run = try OrglintProcess.run(["eval", "[0.0/0.0, 1.0/0.0, -1.0/0.0]"])
    #expect(run.status == 0)
    #expect(run.stdout == #"["NaN","+Inf","-Inf"]"# + "\n")
  }

  /// The bytes of a name that is not UTF-8 (Latin-1 é).
  static let latin1Name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".yaml".utf8)

  /// Creates `folder/name` (bytes) with `text`.
  func create(_ folder: String, _ name: [UInt8], _ text: String) throws {
    let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]
    let fd = path.withUnsafeBufferPointer { p in
      p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: path.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
    }
    try #require(fd >= 0)
    _ = text.withCString { write(fd, $0, strlen($0)) }
    close(fd)
  }

  @Test func aNonUTF8NameInAFolderIsIO001() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try create(folder.path, Self.latin1Name, plainAccount)
    let run = try OrglintProcess.lint(["."], in: folder.path)
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "caf\\xE9.yaml: error: cannot read: the name is not valid UTF-8; rename it [IO001 unreadable-path]\n"
        + "orglint could not lint: 1 problem (exit code 2)\n")
  }

  @Test func aNamedNonUTF8PathIsOpenedByItsBytes() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try create(folder.path, Self.latin1Name, "apiVersion: orglint/v1\nkind: Account\nid: \"1\"\n")
    // The argument's bytes are not UTF-8: pass them through the shell.
    let run = try shell(#""$ORGLINT" lint --now 2026-11-25T00:00:00Z "$(printf 'caf\351.yaml')""#, in: folder.path)
    #expect(run.status == 1)
    #expect(run.stdout.contains("\ncaf\\xE9.yaml:3:1: error: 'id' must be a 12-digit account id, found '1' [SCHEMA005 schema-malformed-value]\n"))
    #expect(run.stderr == "")
  }

  @Test func aDanglingSymlinkInAFolderIsIO001() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    #expect(symlink("gone.yaml", folder.path + "/b.yaml") == 0)
    #expect(symlink("gone", folder.path + "/notes") == 0)  // not YAML: nothing would have been read
    let run = try OrglintProcess.lint(["."], in: folder.path)
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "b.yaml: error: cannot read: a symbolic link to 'gone.yaml', which does not exist [IO001 unreadable-path]\n"
        + "orglint could not lint: 1 problem (exit code 2)\n")
  }

  @Test func aPathTooLongForTheSystemIsIO001() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    // 20 folders of 250 characters: deeper than PATH_MAX (4096), made one level at a time with mkdirat.
    let part = String(repeating: "d", count: 250)
    var fd = open(folder.path, O_RDONLY | O_DIRECTORY)
    for _ in 0..<20 {
      #expect(mkdirat(fd, part, 0o755) == 0)
      let next = openat(fd, part, O_RDONLY | O_DIRECTORY)
      close(fd)
      fd = next
    }
    let file = openat(fd, "a.yaml", O_CREAT | O_WRONLY, 0o644)
    close(file)
    close(fd)
    let run = try OrglintProcess.lint(["."], in: folder.path)
    #expect(run.status == 2)
    #expect(run.stderr.contains(": error: cannot read: File name too long [IO001 unreadable-path]\n"))
    // Cleanup of a tree deeper than PATH_MAX: FileManager cannot remove it by path, so rename it away level by level.
    removeDeepTree(folder.path + "/" + part, part: part)
  }

  /// Removes a chain of nested folders named `part`, each holding the next (and `a.yaml` at the bottom).
  func removeDeepTree(_ top: String, part: String) {
    var fd = open(top, O_RDONLY | O_DIRECTORY)
    var parents: [Int32] = []
    while true {
      let next = openat(fd, part, O_RDONLY | O_DIRECTORY)
      if next < 0 { break }
      parents.append(fd)
      fd = next
    }
    unlinkat(fd, "a.yaml", 0)
    close(fd)
    while let parent = parents.popLast() {
      unlinkat(parent, part, AT_REMOVEDIR)
      close(parent)
    }
    rmdir(top)
  }
}

/// Inputs that would hang or never end: FIFOs and devices.
@Suite struct SpecialInputTests {
  @Test func aFIFOInARulesFolderIsSkippedWithANote() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    try folder.makeFolder("rules")
    #expect(mkfifo(folder.path + "/rules/pipe.yaml", 0o600) == 0)
    let run = try OrglintProcess.lint(["--rules", "rules", "a.yaml"], in: folder.path, timeout: 20)
    #expect(!run.timedOut)
    #expect(run.status != 2, "\(run.stderr)")
    #expect(run.stdout.contains("\nrules/pipe.yaml: note: skipped: is a FIFO, not a regular file [IO002 skipped-special-file]\n"))
    let list = try OrglintProcess.run(["rules", "list", "--rules", "rules"], in: folder.path, timeout: 20)
    #expect(list.status == 0)
    #expect(
      list.stderr
        == "orglint: note: rules/pipe.yaml: skipped: is a FIFO, not a regular file [IO002 skipped-special-file]\n")
  }

  @Test func aNamedFIFOIsReadLikeCat() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    #expect(mkfifo(folder.path + "/in.yaml", 0o600) == 0)
    let writer = Thread {
      try? Data("apiVersion: orglint/v1\nkind: Account\nid: \"1\"\n".utf8).write(to: URL(fileURLWithPath: folder.path + "/in.yaml"))
    }
    writer.start()
    let run = try OrglintProcess.lint(["in.yaml"], in: folder.path, timeout: 20)
    #expect(!run.timedOut)
    #expect(run.status == 1)
    #expect(run.stdout.contains("\nin.yaml:3:1: error: 'id' must be a 12-digit account id, found '1' [SCHEMA005 schema-malformed-value]\n"))
  }

  @Test func devZeroIsRefusedBeforeItIsRead() throws {
    let run = try OrglintProcess.lint(["/dev/zero"], timeout: 20)
    #expect(!run.timedOut)
    #expect(run.seconds < 10)
    #expect(run.status == 2)
    #expect(
      run.stderr
        == "/dev/zero: error: cannot read: is a character device; orglint reads regular files and FIFOs "
        + "[IO001 unreadable-path]\norglint could not lint: 1 problem (exit code 2)\n")
  }

  /// A 10 MB file of NUL bytes: one finding, its source line cut to 200 columns.
  @Test func aFileOfNulBytesPrintsAShortReport() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("nul.yaml", Data(count: 10_000_000))
    let run = try OrglintProcess.lint(["nul.yaml"], in: folder.path, timeout: 60)
    #expect(run.status == 1)
    #expect(
      run.lines == [
        "nul.yaml:1:1: error: invalid text: control characters are not allowed (U+0000) [YAML003 yaml-invalid-encoding]",
        String(repeating: "␀", count: 200) + "…", "^  (line 1 cut: columns 1-200 shown)", "1 error in 1 file",
      ])
  }
}

/// A value one thread sets and another waits for.
final class ReceivedBytes: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?
  func set(_ value: Data) { lock.withLock { data = value } }
  var isSet: Bool { lock.withLock { data != nil } }
  var value: Data { lock.withLock { data ?? Data() } }
}

/// SIGTERM while the report is being written: the temporary file beside the target is removed and orglint ends by
/// the signal. strace holds orglint in fsync (before the rename) long enough to send the signal.
@Suite struct InterruptedWriteTests {
  static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

  @Test(.requires(.command("strace"), for: "holding orglint inside its write"))
  func sigtermDuringTheWriteLeavesNoTemporaryFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("a.yaml", plainAccount)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.strace!)
    process.arguments = [
      "-f", "-o", "/dev/null", "-e", "trace=fsync", "-e", "inject=fsync:delay_enter=5000000", OrglintProcess.binary,
      "lint", "--now", OrglintProcess.now, "--output", "out.txt", "a.yaml",
    ]
    process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    // The test runner's threads block SIGTERM and children inherit that mask: unblock it for the spawn.
    var unblock = sigset_t()
    var oldMask = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &unblock, &oldMask)
    try process.run()
    pthread_sigmask(SIG_SETMASK, &oldMask, nil)
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    // Wait for the temporary file: orglint is then inside fsync.
    var temporary: [String] = []
    for _ in 0..<600 where temporary.isEmpty {
      temporary = try folder.contents().filter { $0.hasPrefix(".out.txt.") }
      if temporary.isEmpty { usleep(50_000) }
    }
    try #require(temporary.count == 1, "orglint never started writing")
    let child = try shell("pgrep -P \(process.processIdentifier)", in: folder.path).stdout
    let pid = try #require(Int32(child.trimmingCharacters(in: .whitespacesAndNewlines)))
    #expect(kill(pid, SIGTERM) == 0)
    process.waitUntilExit()
    #expect(try folder.contents() == ["a.yaml"])
  }
}
