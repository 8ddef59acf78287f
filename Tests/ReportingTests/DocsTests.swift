import Foundation
import OrglintTestSupport
import Testing

/// The integration snippets users copy must be valid: every YAML block of Docs/integrations.md parses (PyYAML), every
/// JSON block of Docs/output-formats.md parses, and the pre-commit hook definition says what pre-commit needs.
@Suite struct DocsTests {
  static func fencedBlocks(_ language: String, in relativePath: String) throws -> [String] {
    try Markdown.fencedBlocks(language, in: TestSupport.packageRoot.appendingPathComponent(relativePath).path)
  }

  /// Parses each document with python3; returns one line per block that fails.
  static func parseErrors(_ blocks: [String], parser: String) throws -> [String] {
    let script = """
      import json, sys
      try:
          import yaml
      except ImportError:
          yaml = None  # the JSON checks need only python3
      for i, block in enumerate(json.load(sys.stdin)):
          try:
              \(parser)
          except Exception as e:
              print(f"block {i + 1}: {e}".replace("\\n", " "))
      """
    let input = String(decoding: try JSONSerialization.data(withJSONObject: blocks), as: UTF8.self)
    let outcome = try PythonScript.run(script, input: input)
    guard outcome.status == 0 else { return ["python3 failed: \(outcome.stderr)"] }
    return outcome.stdout.split(separator: "\n").map(String.init)
  }

  @Test(.requires(.python("yaml"), for: "YAML snippets of Docs/integrations.md parsed by PyYAML"))
  func integrationYAMLBlocksParse() throws {
    let blocks = try Self.fencedBlocks("yaml", in: "Docs/integrations.md")
    #expect(blocks.count == 9)
    #expect(try Self.parseErrors(blocks, parser: "list(yaml.safe_load_all(block))") == [])
    // The check can fail: a tab-indented block is not YAML.
    #expect(try Self.parseErrors(["a:\n\tb: 1\n"], parser: "list(yaml.safe_load_all(block))").count == 1)
  }

  @Test(.requires(.python(), for: "JSON snippets of Docs/output-formats.md parsed by Python's json"))
  func outputFormatJSONBlocksParse() throws {
    let blocks = try Self.fencedBlocks("json", in: "Docs/output-formats.md")
    #expect(blocks.count == 1)
    #expect(try Self.parseErrors(blocks, parser: "json.loads(block)") == [])
  }

  @Test(.requires(.python("yaml"), for: ".pre-commit-hooks.yaml parsed by PyYAML"))
  func preCommitHookDefinition() throws {
    let text = try String(
      contentsOf: TestSupport.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
    let outcome = try PythonScript.run(
      "import json, sys, yaml\nprint(json.dumps(yaml.safe_load(sys.stdin.read()), sort_keys=True))", input: text)
    let hooks = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
    #expect(hooks.compactMap { $0["id"] as? String } == ["orglint", "orglint-system"])
    for hook in hooks {
      #expect(hook["types"] as? [String] == ["yaml"])
      #expect(hook["pass_filenames"] as? Bool == true)
      #expect(hook["require_serial"] as? Bool == true)
      #expect(hook["name"] is String)
      #expect(hook["description"] is String)
    }
    let swift = try #require(hooks.first { $0["id"] as? String == "orglint" })
    #expect(swift["entry"] as? String == "orglint lint --")
    #expect(swift["language"] as? String == "swift")
    // `--` keeps a staged file named like an option a file; the installed-binary hook builds nothing.
    let system = try #require(hooks.first { $0["id"] as? String == "orglint-system" })
    #expect(system["entry"] as? String == "orglint lint --")
    #expect(system["language"] as? String == "system")
  }
}
