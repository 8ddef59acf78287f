import Foundation
import OrglintTestSupport
import Testing

/// Every ```console block of README.md and Docs/*.md is run with the built binary and its output compared with the
/// doc, so the docs cannot drift from the product (issue 16). In a block, `$ command` lines are run by /bin/sh in the
/// package root (standard error joined to standard output, as a terminal shows both); the lines up to the next `$`
/// are the expected output, where a line `…` stands for any number of lines. A block preceded by
/// `<!-- docs-test: not run: reason -->` is not run (it needs files the reader creates earlier in a tutorial).
@Suite struct DocsExamplesTests {
  struct Example: CustomStringConvertible {
    var file: String
    var line: Int
    var command: String
    var expected: [String]
    var description: String { "\(file):\(line): $ \(command)" }
  }

  static func examples() throws -> [Example] {
    let root = OrglintProcess.packageRoot
    let docs = try FileManager.default.contentsOfDirectory(atPath: root + "/Docs").filter { $0.hasSuffix(".md") }
    var out: [Example] = []
    for file in ["README.md"] + docs.sorted().map({ "Docs/" + $0 }) {
      let lines = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      var i = 0
      while i < lines.count {
        guard lines[i] == "```console" else {
          i += 1
          continue
        }
        let previous = lines[..<i].last { !$0.isEmpty } ?? ""
        let skipped = previous.hasPrefix("<!-- docs-test: not run")
        let blockStart = i + 1
        i += 1
        var current: Example?
        while i < lines.count, lines[i] != "```" {
          if lines[i].hasPrefix("$ ") {
            if let c = current { out.append(c) }
            current = Example(file: file, line: i + 1, command: String(lines[i].dropFirst(2)), expected: [])
          } else {
            current?.expected.append(lines[i])
          }
          i += 1
        }
        if let c = current { out.append(c) }
        if skipped { out.removeAll { $0.file == file && $0.line > blockStart } }
        i += 1
      }
    }
    return out
  }

  /// True when `actual` matches `expected`, where `…` in `expected` matches any run of lines.
  static func matches(_ expected: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
    guard let first = expected.first else { return actual.isEmpty }
    if first == "…" {
      for skip in 0...actual.count where matches(expected.dropFirst(), actual.dropFirst(skip)) { return true }
      return false
    }
    guard let line = actual.first, line == first else { return false }
    return matches(expected.dropFirst(), actual.dropFirst())
  }

  /// Runs `command` with /bin/sh in the package root, with `path` as PATH and no colour variables; its output.
  static func shell(_ command: String, path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = URL(fileURLWithPath: OrglintProcess.packageRoot)
    var env = ProcessInfo.processInfo.environment.filter { !OrglintProcess.scrubbed.contains($0.key) }
    env["PATH"] = path
    process.environment = env
    process.standardInput = FileHandle.nullDevice
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test func everyConsoleExampleRunsAsDocumented() throws {
    let examples = try Self.examples()
    #expect(examples.count >= 6)
    let binaryFolder = URL(fileURLWithPath: OrglintProcess.binary).deletingLastPathComponent().path
    for example in examples {
      let output = try Self.shell(example.command + " 2>&1", path: binaryFolder + ":/usr/bin:/bin")
      var actual = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if actual.last == "" { actual.removeLast() }
      var expected = example.expected
      while expected.last == "" { expected.removeLast() }
      #expect(
        Self.matches(expected[...], actual[...]),
        "\(example) printed:\n\(actual.joined(separator: "\n"))\nbut the doc says:\n\(expected.joined(separator: "\n"))")
    }
  }

  /// Docs/integrations.md's modeline example is a valid Account: orglint reports no format finding on it.
  @Test func theModelineExampleIsAValidDocument() throws {
    let blocks = try Markdown.fencedBlocks("yaml", in: OrglintProcess.packageRoot + "/Docs/integrations.md")
    let snippet = try #require(blocks.first { $0.hasPrefix("# yaml-language-server:") })
    #expect(snippet.hasPrefix("# yaml-language-server: $schema=../orglint-v1.schema.json\n"))
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("org/prod.yaml", snippet)
    let run = try OrglintProcess.lint(["--format", "json", "org/prod.yaml"], in: folder.path)
    #expect(run.status != 2, "\(run.stderr)")
    let loader = try JSONReport(run).findings.filter { $0.ruleId.hasPrefix("SCHEMA") || $0.ruleId.hasPrefix("YAML") }
    #expect(loader.isEmpty, "\(loader)")
  }
}
