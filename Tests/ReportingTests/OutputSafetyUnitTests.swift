import Diagnostics
import Foundation
import Testing

@testable import Reporting

#if canImport(Glibc)
  import Glibc
#endif

/// Terminal safety of long and deceptive lines.
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
