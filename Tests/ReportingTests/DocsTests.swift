import Foundation
import Testing

/// The integration snippets users copy must be valid: every YAML block of Docs/integrations.md parses (PyYAML), every
/// JSON block of Docs/output-formats.md parses, and the pre-commit hook definition says what pre-commit needs.
@Suite struct DocsTests {
  /// The bodies of the fenced blocks of `language` in a Markdown file (fences may be indented, as in list items).
  static func fencedBlocks(_ language: String, in relativePath: String) throws -> [String] {
    let url = TestSupport.packageRoot.appendingPathComponent(relativePath)
    let text = try String(contentsOf: url, encoding: .utf8)
    var blocks: [String] = []
    var current: [Substring]?
    var indent = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.drop { $0 == " " }
      if var body = current {
        if trimmed.hasPrefix("```") {
          blocks.append(body.joined(separator: "\n") + "\n")
          current = nil
        } else {
          body.append(line.dropFirst(min(indent, line.prefix { $0 == " " }.count)))
          current = body
        }
      } else if trimmed == "```\(language)" {
        current = []
        indent = line.count - trimmed.count
      }
    }
    return blocks
  }

  /// Parses each document with python3; returns one line per block that fails.
  static func parseErrors(_ blocks: [String], parser: String) throws -> [String] {
    let script = """
      import json, sys
      try:
          import yaml
      except ImportError:
          sys.exit("python3 module 'yaml' is missing: run python3 -m pip install pyyaml")
      for i, block in enumerate(json.load(sys.stdin)):
          try:
              \(parser)
          except Exception as e:
              print(f"block {i + 1}: {e}".replace("\\n", " "))
      """
    let input = String(decoding: try JSONSerialization.data(withJSONObject: blocks), as: UTF8.self)
    let outcome = try TestSupport.python(script, input: input)
    guard outcome.status == 0 else { return ["python3 failed: \(outcome.stderr)"] }
    return outcome.stdout.split(separator: "\n").map(String.init)
  }

  @Test func integrationYAMLBlocksParse() throws {
    let blocks = try Self.fencedBlocks("yaml", in: "Docs/integrations.md")
    #expect(blocks.count == 6)
    #expect(try Self.parseErrors(blocks, parser: "list(yaml.safe_load_all(block))") == [])
    // The check can fail: a tab-indented block is not YAML.
    #expect(try Self.parseErrors(["a:\n\tb: 1\n"], parser: "list(yaml.safe_load_all(block))").count == 1)
  }

  @Test func outputFormatJSONBlocksParse() throws {
    let blocks = try Self.fencedBlocks("json", in: "Docs/output-formats.md")
    #expect(blocks.count == 1)
    #expect(try Self.parseErrors(blocks, parser: "json.loads(block)") == [])
  }

  @Test func preCommitHookDefinition() throws {
    let text = try String(
      contentsOf: TestSupport.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
    let outcome = try TestSupport.python(
      "import json, sys, yaml\nprint(json.dumps(yaml.safe_load(sys.stdin.read()), sort_keys=True))", input: text)
    let hooks = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
    #expect(hooks.count == 1)
    #expect(hooks[0]["id"] as? String == "orglint")
    #expect(hooks[0]["entry"] as? String == "orglint lint --")
    #expect(hooks[0]["language"] as? String == "swift")
    #expect(hooks[0]["types"] as? [String] == ["yaml"])
    #expect(hooks[0]["pass_filenames"] as? Bool == true)
    #expect(hooks[0]["require_serial"] as? Bool == true)
    #expect(hooks[0]["name"] is String)
  }
}
