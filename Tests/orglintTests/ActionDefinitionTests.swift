import Diagnostics
import Foundation
import LocatedYAML
import OrglintTestSupport
import Testing

/// action.yml, the GitHub Actions composite action: its YAML read with orglint's own reader, its structure checked
/// against what GitHub requires and what Docs/integrations.md promises, and its lint step run for real.
@Suite struct ActionDefinitionTests {
  /// A YAML value as plain Swift values: String, [Tree], or ordered key/value pairs.
  indirect enum Tree: Equatable {
    case scalar(String)
    case list([Tree])
    case map([Pair])

    struct Pair: Equatable {
      var key: String
      var value: Tree
    }

    init(_ document: YAMLDocument, _ node: YAMLNodeID) {
      let node = document.resolve(node) ?? node
      switch document.kind(node) {
      case .sequence: self = .list(document.items(node).map { Tree(document, $0) })
      case .mapping:
        self = .map(
          (0..<document.count(node)).map {
            Pair(key: document.scalar(document.key(node, $0)), value: Tree(document, document.value(node, $0)))
          })
      default: self = .scalar(document.scalar(node))
      }
    }

    subscript(_ key: String) -> Tree? {
      guard case .map(let pairs) = self else { return nil }
      return pairs.first { $0.key == key }?.value
    }

    var text: String? {
      if case .scalar(let s) = self { return s }
      return nil
    }
    var items: [Tree] {
      if case .list(let items) = self { return items }
      return []
    }
    var keys: [String] {
      if case .map(let pairs) = self { return pairs.map(\.key) }
      return []
    }
  }

  static let actionPath = OrglintProcess.packageRoot + "/action.yml"

  static func read(_ path: String) throws -> (findings: [Finding], documents: [Tree]) {
    let file = YAMLReader.read(try SourceFile.read(path: path))
    return (file.findings, file.documents.compactMap { document in document.root.map { Tree(document, $0) } })
  }

  static func action() throws -> Tree {
    let (findings, documents) = try read(actionPath)
    #expect(findings.map(\.message) == [])
    return try #require(documents.first)
  }

  @Test func isACompositeActionWithDocumentedInputs() throws {
    let action = try Self.action()
    #expect(action["name"]?.text == "orglint")
    #expect(action["description"]?.text?.isEmpty == false)
    #expect(action["runs"]?["using"]?.text == "composite")
    let inputs = try #require(action["inputs"])
    #expect(inputs.keys == ["paths", "binary", "sarif-file", "fail-on", "category", "upload"])
    for name in inputs.keys {
      #expect(inputs[name]?["description"]?.text?.isEmpty == false, "\(name)")
      #expect(inputs[name]?["default"] != nil, "\(name) has a default")
    }
    #expect(action["outputs"]?.keys == ["sarif-file", "exit-code"])
  }

  /// Every step GitHub runs: `run` steps name their shell (composite actions require it) and never interpolate
  /// `${{ … }}` into the script (inputs arrive through `env:`, so a path cannot inject shell code); the upload uses
  /// codeql-action's upload-sarif with the lint step's report; step references name existing steps.
  @Test func stepsAreSafeAndWired() throws {
    let steps = try #require(try Self.action()["runs"]?["steps"]?.items)
    #expect(steps.count == 5)
    let ids = Set(steps.compactMap { $0["id"]?.text })
    #expect(ids == ["lint"])
    for step in steps {
      let name = step["name"]?.text ?? "?"
      if let script = step["run"]?.text {
        #expect(step["shell"]?.text == "bash", "\(name)")
        #expect(!script.contains("${{"), "\(name) interpolates an expression into its script")
      } else {
        #expect(step["uses"]?.text?.hasPrefix("github/codeql-action/upload-sarif@v") == true, "\(name)")
        #expect(step["with"]?["sarif_file"]?.text == "${{ steps.lint.outputs.sarif-file }}")
      }
    }
    let text = try String(contentsOfFile: Self.actionPath, encoding: .utf8)
    for reference in text.matches(of: /steps\.([a-z-]+)\.outputs/) {
      #expect(ids.contains(String(reference.1)), "steps.\(reference.1) is not a step id")
    }
  }

  /// The Lint step's script, run as the runner would (bash, its env, GITHUB_OUTPUT) on the insecure example: the
  /// SARIF report is written, exit code 1 is reported as an output and does not fail the step (the last step does).
  @Test func lintStepWritesSARIFAndReportsTheExitCode() throws {
    let steps = try #require(try Self.action()["runs"]?["steps"]?.items)
    let lint = try #require(steps.first { $0["id"]?.text == "lint" })
    let script = try #require(lint["run"]?.text)
    #expect(lint["env"]?.keys == ["PATHS", "SARIF_FILE", "FAIL_ON", "CATEGORY"])
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let output = try folder.write("github-output", "")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["--noprofile", "--norc", "-eo", "pipefail", "-c", script]
    process.currentDirectoryURL = URL(fileURLWithPath: OrglintProcess.packageRoot)
    process.environment = [
      "PATH": "/usr/bin:/bin", "ORGLINT_BINARY": OrglintProcess.binary, "GITHUB_OUTPUT": output,
      "PATHS": "Examples/insecure-org\n\nExamples/secure-org\n", "SARIF_FILE": folder.path + "/out.sarif",
      "FAIL_ON": "warning", "CATEGORY": "orglint/test",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let outputs = try String(contentsOfFile: output, encoding: .utf8)
    #expect(outputs == "sarif-file=\(folder.path)/out.sarif\nexit-code=1\n")
    let sarif = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out.sarif"))
    let log = try #require(try JSONSerialization.jsonObject(with: sarif) as? [String: Any])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    #expect((run["automationDetails"] as? [String: Any])?["id"] as? String == "orglint/test")
    #expect((run["results"] as? [Any])?.isEmpty == false)
  }

  /// Every use of the action in Docs/integrations.md passes only inputs it declares.
  @Test func documentedUsesPassDeclaredInputs() throws {
    let inputs = Set(try Self.action()["inputs"]?.keys ?? [])
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    var uses: [Tree] = []
    func collect(_ tree: Tree) {
      switch tree {
      case .map(let pairs):
        if tree["uses"]?.text?.hasPrefix("orglint/orglint@") == true { uses.append(tree) }
        pairs.forEach { collect($0.value) }
      case .list(let items): items.forEach(collect)
      case .scalar: break
      }
    }
    let blocks = try Markdown.fencedBlocks("yaml", in: OrglintProcess.packageRoot + "/Docs/integrations.md")
    for (index, block) in blocks.enumerated() {
      let (findings, documents) = try Self.read(try folder.write("block\(index).yaml", block))
      #expect(findings.map(\.message) == [], "block \(index + 1)")
      documents.forEach(collect)
    }
    #expect(uses.count == 2)
    for use in uses {
      #expect(use["with"]?.keys.isEmpty == false)
      for key in use["with"]?.keys ?? [] {
        #expect(inputs.contains(key), "Docs/integrations.md passes '\(key)', which action.yml does not declare")
      }
    }
  }
}
