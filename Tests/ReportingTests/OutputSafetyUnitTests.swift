import Diagnostics
import Foundation
import Testing

@testable import Reporting

#if canImport(Glibc)
  import Glibc
#endif

/// Terminal safety of long and deceptive lines, and what the atomic writer does when interrupted.
@Suite struct OutputSafetyUnitTests {
  @Test func bidiControlsAreShownLikeOtherControls() {
    for scalar: UInt32 in [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
    {
      let text = "a" + String(Unicode.Scalar(scalar)!) + "b"
      #expect(TerminalText.safe(text) == "a\u{FFFD}b", "U+\(String(scalar, radix: 16, uppercase: true))")
    }
    // Neighbours that are not controls stay.
    #expect(TerminalText.safe("a\u{2065}\u{200D}\u{2070}b") == "a\u{2065}\u{200D}\u{2070}b")
    let hidden = "admin\u{202E}lmay.\u{2066}x"
    #expect(GitHubFormatter.escapeData(hidden) == "admin\u{FFFD}lmay.\u{FFFD}x")
  }

  @Test func textOutputShowsBidiControlsInMessagesAndSourceLines() {
    let source = SourceFile(path: "a.yaml", bytes: Array("name: \"evil\u{202E}lmay.exe\"\n".utf8))
    let finding = Finding(
      ruleId: "TEST001", ruleName: "t", severity: .error, message: "name \u{202E}x",
      path: "a.yaml", range: SourceRange(
        start: SourceLocation(line: 1, column: 7, offset: 6), end: SourceLocation(line: 1, column: 23, offset: 24)))
    let report = Report(
      findings: [finding], rules: [], sources: ["a.yaml": source], exitCode: 1, toolVersion: "0", filesScanned: 1)
    #expect(
      TextFormatter().render(report) == """
        a.yaml:1:7: error: name \u{FFFD}x [TEST001 t]
        name: "evil\u{FFFD}lmay.exe"
              ^~~~~~~~~~~~~~~
        1 error in 1 file

        """)
  }

  /// A finding on a 1 MB line of NUL bytes prints 200 columns of it, marked where cut, with the caret in place.
  @Test func longSourceLinesAreCutAroundTheFinding() {
    var bytes = [UInt8](repeating: 0, count: 1_000_000)
    bytes.replaceSubrange(500_000..<500_003, with: Array("key".utf8))
    let source = SourceFile(path: "nul.yaml", bytes: bytes)
    func render(column: Int, length: Int) -> [String] {
      let finding = Finding(
        ruleId: "YAML003", ruleName: "yaml-invalid-encoding", severity: .error, message: "m", path: "nul.yaml",
        range: SourceRange(
          start: SourceLocation(line: 1, column: column, offset: column - 1),
          end: SourceLocation(line: 1, column: column + length, offset: column - 1 + length)))
      let report = Report(
        findings: [finding], rules: [], sources: ["nul.yaml": source], exitCode: 1, toolVersion: "0", filesScanned: 1)
      return TextFormatter().render(report).split(separator: "\n").map(String.init)
    }
    let start = render(column: 1, length: 1)
    #expect(start.count == 4)
    #expect(start[1] == String(repeating: "␀", count: 200) + "…")
    #expect(start[2] == "^  (line 1 cut: columns 1-200 shown)")
    // In the middle: cut on both sides, 50 columns before the finding, the caret under "key".
    let middle = render(column: 500_001, length: 3)
    #expect(middle[1] == "…" + String(repeating: "␀", count: 50) + "key" + String(repeating: "␀", count: 147) + "…")
    #expect(middle[2] == String(repeating: " ", count: 51) + "^~~  (line 1 cut: columns 499951-500150 shown)")
    #expect(middle.joined().utf8.count < 2_000)
  }

  @Test func shortLinesAreNotCut() {
    let line = String(repeating: "x", count: 200)
    let source = SourceFile(path: "a.yaml", bytes: Array(line.utf8))
    let finding = Finding(
      ruleId: "T", ruleName: "t", severity: .error, message: "m", path: "a.yaml",
      range: SourceRange(at: SourceLocation(line: 1, column: 200, offset: 199)))
    let report = Report(
      findings: [finding], rules: [], sources: ["a.yaml": source], exitCode: 1, toolVersion: "0", filesScanned: 1)
    let lines = TextFormatter().render(report).split(separator: "\n").map(String.init)
    #expect(lines[1] == line)
    #expect(lines[2] == String(repeating: " ", count: 199) + "^")
  }
}

/// SIGTERM during an atomic write: the temporary file is removed and the signal then does what it did before (here:
/// a handler that counts it, so that the test process survives).
@Suite(.serialized) struct AtomicWriteInterruptionTests {
  @Test func sigtermDuringAWriteRemovesTheTemporaryFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-sig-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var old = sigaction()
    var counting = sigaction()
    counting.__sigaction_handler.sa_handler = { _ in receivedSignals += 1 }
    sigemptyset(&counting.sa_mask)
    sigaction(SIGTERM, &counting, &old)
    defer { sigaction(SIGTERM, &old, nil) }
    receivedSignals = 0
    // Test threads may block signals: let SIGTERM through on this one.
    var unblock = sigset_t()
    var oldMask = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &unblock, &oldMask)
    defer { pthread_sigmask(SIG_SETMASK, &oldMask, nil) }
    var tempSeen: [String] = []
    let error = #expect(throws: AtomicWriteError.self) {
      try AtomicFileWriter.write("report\n", to: dir + "/out.json") {
        tempSeen = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        raise(SIGTERM)
      }
    }
    #expect(tempSeen.count == 1 && tempSeen[0].hasPrefix(".out.json."))
    #expect(receivedSignals == 1)  // the earlier handler ran after the cleanup
    #expect(error?.description.hasPrefix(dir + "/out.json: cannot write: ") == true)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    // The writer put the earlier handler back.
    var now = sigaction()
    sigaction(SIGTERM, nil, &now)
    #expect(unsafeBitCast(now.__sigaction_handler.sa_handler, to: Int.self)
      == unsafeBitCast(counting.__sigaction_handler.sa_handler, to: Int.self))
  }

  @Test func symlinkTargetIsWrittenAndModeKept() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-link-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "old".write(toFile: dir + "/real.json", atomically: false, encoding: .utf8)
    chmod(dir + "/real.json", 0o640)
    symlink("real.json", dir + "/link.json")
    try AtomicFileWriter.write("new\n", to: dir + "/link.json")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.json") == "real.json")
    #expect(try String(contentsOfFile: dir + "/real.json", encoding: .utf8) == "new\n")
    var info = stat()
    stat(dir + "/real.json", &info)
    #expect(info.st_mode & 0o7777 == 0o640)
    // A dangling link: its target is created.
    symlink("made.json", dir + "/dangling.json")
    try AtomicFileWriter.write("x", to: dir + "/dangling.json")
    #expect(try String(contentsOfFile: dir + "/made.json", encoding: .utf8) == "x")
    // A loop is refused.
    symlink("loop2", dir + "/loop1")
    symlink("loop1", dir + "/loop2")
    #expect(throws: AtomicWriteError(path: dir + "/loop1", reason: "Too many levels of symbolic links")) {
      try AtomicFileWriter.write("x", to: dir + "/loop1")
    }
  }
}

nonisolated(unsafe) private var receivedSignals = 0
