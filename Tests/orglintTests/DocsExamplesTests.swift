import Foundation
import OrglintTestSupport
import Testing

/// Every ```console block of README.md and Docs/*.md is run with the built binary and its output compared with the
/// doc, so the docs cannot drift from the product (issue 16). In a block, `$ command` lines are run by /bin/sh in the
/// package root (standard error joined to standard output, as a terminal shows both); the lines up to the next `$`
/// are the expected output, where a line `…` stands for any number of lines. A block preceded by
/// `<!-- docs-test: not run: reason -->` is not run. A block preceded by `<!-- docs-test: tutorial -->` runs in a new
/// temporary folder holding the files the doc has shown so far (each ```yaml block whose previous non-empty line is
/// "`relative/path`:"), as a reader following the tutorial has them;
/// `<!-- docs-test: tutorial, after editing PATH: `OLD` → `NEW` -->` first makes that edit, as the text asks the reader.
@Suite struct DocsExamplesTests {
  struct Example: CustomStringConvertible {
    var file: String
    var line: Int
    var command: String
    var expected: [String]
    /// For a tutorial block: the files the reader has written by then, and the edit the text asks for.
    var tutorial: Tutorial?
    var description: String { "\(file):\(line): $ \(command)" }
  }

  /// The folder a tutorial block runs in.
  struct Tutorial {
    var files: [(path: String, text: String)]
    var edit: (path: String, old: String, new: String)?
  }

  /// Parses `<!-- docs-test: tutorial[, after editing PATH: `OLD` → `NEW`] -->`; nil for other lines.
  static func tutorialMarker(_ line: String, files: [(path: String, text: String)]) -> Tutorial? {
    guard line.hasPrefix("<!-- docs-test: tutorial") else { return nil }
    guard let range = line.range(of: ", after editing ") else { return Tutorial(files: files) }
    let rest = line[range.upperBound...]
    let parts = rest.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 5, let colon = parts[0].lastIndex(of: ":") else { return Tutorial(files: files) }
    return Tutorial(files: files, edit: (String(parts[0][..<colon]), parts[1], parts[3]))
  }

  static func examples() throws -> [Example] {
    let root = OrglintProcess.packageRoot
    let docs = try FileManager.default.contentsOfDirectory(atPath: root + "/Docs").filter { $0.hasSuffix(".md") }
    var out: [Example] = []
    for file in ["README.md"] + docs.sorted().map({ "Docs/" + $0 }) {
      let lines = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      var files: [(path: String, text: String)] = []
      var i = 0
      while i < lines.count {
        if lines[i] == "```yaml", let named = lines[..<i].last(where: { !$0.isEmpty }),
          named.hasPrefix("`"), named.hasSuffix("`:")
        {
          let end = lines[(i + 1)...].firstIndex(of: "```") ?? lines.count
          files.append((String(named.dropFirst().dropLast(2)), lines[(i + 1)..<end].joined(separator: "\n") + "\n"))
          i = end
          continue
        }
        guard lines[i] == "```console" else {
          i += 1
          continue
        }
        let previous = lines[..<i].last { !$0.isEmpty } ?? ""
        let skipped = previous.hasPrefix("<!-- docs-test: not run")
        let tutorial = tutorialMarker(previous, files: files)
        let blockStart = i + 1
        i += 1
        var current: Example?
        while i < lines.count, lines[i] != "```" {
          if lines[i].hasPrefix("$ ") {
            if let c = current { out.append(c) }
            current = Example(
              file: file, line: i + 1, command: String(lines[i].dropFirst(2)), expected: [], tutorial: tutorial)
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
  static func shell(_ command: String, path: String, in folder: String = OrglintProcess.packageRoot) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    var env = ProcessInfo.processInfo.environment.filter { !OrglintProcess.scrubbed.contains($0.key) }
    env["PATH"] = path
    process.environment = env
    process.standardInput = FileHandle.nullDevice
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readAllRetryingInterrupts()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test func everyConsoleExampleRunsAsDocumented() throws {
    let examples = try Self.examples()
    #expect(examples.count >= 6)
    #expect(examples.filter { $0.tutorial?.edit != nil }.count >= 2, "the tutorial blocks of Docs/writing-rules.md run")
    let binaryFolder = URL(fileURLWithPath: OrglintProcess.binary).deletingLastPathComponent().path
    for example in examples {
      var folder: TemporaryFolder?
      defer { folder?.remove() }
      if let tutorial = example.tutorial {
        let made = try TemporaryFolder()
        folder = made
        for file in tutorial.files { try made.write(file.path, file.text) }
        if let edit = tutorial.edit {
          let before = try #require(tutorial.files.last { $0.path == edit.path }, "\(example): no file \(edit.path)")
          #expect(before.text.contains(edit.old), "\(example): \(edit.path) has no \"\(edit.old)\"")
          try made.write(edit.path, before.text.replacingOccurrences(of: edit.old, with: edit.new))
        }
      }
      let output = try Self.shell(
        example.command + " 2>&1", path: binaryFolder + ":/usr/bin:/bin", in: folder?.path ?? OrglintProcess.packageRoot)
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
