import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Bad and hostile input files: each gives one located finding and exit code 1, quickly, without a crash or a hang.
@Suite struct HostileInputTests {
  /// A file's bytes and the first line of the report on it.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: @Sendable () -> Data
    let header: String

    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "nested.yaml", bytes: { Data(repeating: UInt8(ascii: "["), count: 100_000) },
      header: "nested.yaml:1:513: error: collections are nested deeper than 512 levels; reading stops here "
        + "[YAML004 yaml-nesting-too-deep]"),
    Case(
      name: "bomb.yaml", bytes: { Data(billionLaughs.utf8) },
      header: "bomb.yaml:7:8: error: aliases expand to more than 1000000 nodes; '*f' and later aliases are read "
        + "as null [YAML005 yaml-alias-limit]"),
    Case(
      name: "nul.yaml", bytes: { Data("apiVersion: orglint/v1\nkind: Account\nid: \"1\u{0}23\"\n".utf8) },
      header: "nul.yaml:3:7: error: invalid text: control characters are not allowed (U+0000) "
        + "[YAML003 yaml-invalid-encoding]"),
    Case(
      name: "latin1.yaml", bytes: { Data("apiVersion: orglint/v1\nkind: Account\nname: caf".utf8) + [0xE9, 0x0A] },
      header: "latin1.yaml:3:10: error: invalid text: incomplete UTF-8 octet sequence "
        + "[YAML003 yaml-invalid-encoding]"),
    Case(
      name: "broken.yaml",
      bytes: {
        Data("apiVersion: orglint/v1\nkind: Account\nid: \"111111111111\"\nname: [x\nemail: a@b.example\n".utf8)
      },
      header: "broken.yaml:5:6: error: did not find expected ',' or ']' (while parsing a flow sequence that starts at "
        + "line 4, column 7) [YAML001 yaml-syntax-error]"),
    Case(
      name: "tab.yaml", bytes: { Data("apiVersion: orglint/v1\nkind: Account\n\tname: x\n".utf8) },
      header: "tab.yaml:3:1: error: found a tab character that violates indentation (while scanning a plain scalar "
        + "that starts at line 2, column 7) [YAML001 yaml-syntax-error]"),
  ]

  /// Nine aliases of nine aliases ... of nine strings: 9^9 nodes when expanded.
  static let billionLaughs: String = {
    var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
      text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
      previous = name
    }
    return text
  }()

  @Test(arguments: cases)
  func locatedFindingNoHang(_ input: Case) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(input.name, input.bytes())
    let run = try OrglintProcess.lint([input.name], in: folder.path, timeout: 30)
    #expect(!run.timedOut)
    #expect(run.seconds < 15)
    #expect(run.status == 1)
    #expect(run.stderr == "")
    #expect(run.lines.first == input.header)
    #expect(run.lines.last == "1 error in 1 file")
    #expect(run.lines.count == 4)
  }

  @Test func hostileFileInAFolderDoesNotStopTheOthers() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    for input in Self.cases { try folder.write("bad/" + input.name, input.bytes()) }
    try folder.write(
      "org/account.yaml",
      """
      apiVersion: orglint/v1
      kind: Account
      id: "123456789012"
      name: orphan
      email: root@example.com

      """)
    let run = try OrglintProcess.lint(["--format", "json", "."], in: folder.path, timeout: 30)
    #expect(!run.timedOut)
    #expect(run.status == 1)
    let report = try JSONReport(run)
    let located = report.findings.filter { $0.path?.hasPrefix("bad/") == true }.map(\.place)
    #expect(
      located == [
        "bad/bomb.yaml:7:8", "bad/broken.yaml:5:6", "bad/latin1.yaml:3:10", "bad/nested.yaml:1:513",
        "bad/nul.yaml:3:7", "bad/tab.yaml:3:1",
      ])
    // The good document was still read and judged.
    #expect(report.findings.contains { $0.ruleId == "ACCT001" && $0.path == "org/account.yaml" })
  }

  @Test func manyDocumentsStayFast() throws {
    // 5,000 accounts in one file: loading and the rules are linear, so this takes well under the timeout.
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var text = ""
    for i in 0..<5_000 {
      text += """
        ---
        apiVersion: orglint/v1
        kind: Account
        id: "\(String(100_000_000_000 + i))"
        name: account-\(i)
        email: root+\(i)@example.com
        alternateContacts:
          security: { name: Sec, email: sec@example.com, phone: "+1 555 0100", title: CISO }
        root: { password: false }

        """
    }
    try folder.write("accounts.yaml", text)
    let run = try OrglintProcess.lint(["--format", "json", "accounts.yaml"], in: folder.path, timeout: 60)
    #expect(!run.timedOut)
    #expect(run.seconds < 30)
    #expect(run.status == 0)
    #expect(run.stderr == "")
  }

  /// Text output goes to terminals: a config value or an invalid line must not smuggle in escape sequences that
  /// could, say, erase the line of a finding (`ESC [2K ESC [1A`).
  @Test func noControlCharactersReachTheTerminal() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      "escape.yaml",
      """
      apiVersion: orglint/v1
      kind: Account
      id: "111111111111"
      name: "evil\\e[2K\\e[1Ahidden"
      email: a@example.com

      """)
    try folder.write("raw.yaml", Data("apiVersion: orglint/v1\nkind: Account\nname: \"\u{1B}]0;title\u{7}\"\n".utf8))
    let run = try OrglintProcess.lint(["--color", "never", "."], in: folder.path)
    #expect(run.status == 1)
    #expect(run.stdout.contains("escape.yaml:1:1: warning: account evil"))
    #expect(run.stdout.contains("raw.yaml:3:8: error: invalid text: control characters are not allowed (U+001B)"))
    let controls = run.stdout.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }
    #expect(controls.isEmpty, "\(controls.map { String($0.value, radix: 16) })")
    #expect(run.stdout.contains("account evil␛[2K␛[1Ahidden"))
  }

  /// A FIFO in a walked folder is skipped with a note: opening it would block until some process writes to it.
  @Test func fifoInAFolderIsSkipped() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    #expect(mkfifo(folder.path + "/pipe.yaml", 0o600) == 0)
    let run = try OrglintProcess.lint(["."], in: folder.path, timeout: 20)
    #expect(!run.timedOut)
    #expect(run.status == 0)
    #expect(
      run.stdout
        == "pipe.yaml: note: skipped: is a FIFO, not a regular file [IO002 skipped-special-file]\n1 note in 0 files\n")
  }
}
