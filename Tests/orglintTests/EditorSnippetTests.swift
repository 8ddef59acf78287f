import Foundation
import OrglintTestSupport
import Testing

/// The editor set-ups of Docs/editors.md parse: Lua with Neovim's own Lua, TOML with python3's tomllib, JSON with
/// Foundation, Emacs Lisp by its brackets (and with Emacs when it is installed).
@Suite struct EditorSnippetTests {
  static let page = OrglintProcess.packageRoot + "/Docs/editors.md"

  @Test func everyEditorHasASnippet() throws {
    #expect(try Markdown.fencedBlocks("lua", in: Self.page).count == 3)
    #expect(try Markdown.fencedBlocks("toml", in: Self.page).count == 2)
    #expect(try Markdown.fencedBlocks("elisp", in: Self.page).count == 1)
    #expect(try Markdown.fencedBlocks("json", in: Self.page).count >= 3)
  }

  @Test(.requires(.command("nvim"), for: "checking the Lua snippets with Neovim's Lua"))
  func luaSnippetsParse() throws {
    for (i, block) in try Markdown.fencedBlocks("lua", in: Self.page).enumerated() {
      let file = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-snippet-\(UUID()).lua").path
      try block.write(toFile: file, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(atPath: file) }
      let check = "lua local f = assert(io.open('\(file)')); local ok, err = loadstring(f:read('*a')); "
        + "if not ok then io.stderr:write(err); vim.cmd('cquit 3') end"
      let status = try Self.run(["nvim", "--headless", "--clean", "-n", "-c", check, "-c", "qall!"])
      #expect(status == 0, "Lua block \(i + 1) of Docs/editors.md does not parse:\n\(block)")
    }
    // The check can fail: a broken block is refused.
    let broken = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-snippet-\(UUID()).lua").path
    try "vim.lsp.config('orglint', {".write(toFile: broken, atomically: true, encoding: .utf8)
    let check = "lua local f = assert(io.open('\(broken)')); local ok, err = loadstring(f:read('*a')); "
      + "if not ok then vim.cmd('cquit 3') end"
    #expect(try Self.run(["nvim", "--headless", "--clean", "-n", "-c", check, "-c", "qall!"]) == 3)
  }

  @Test(.requires(.python("tomllib"), for: "checking the TOML snippets"))
  func tomlSnippetsParse() throws {
    for block in try Markdown.fencedBlocks("toml", in: Self.page) {
      let outcome = try PythonScript.run("import sys, tomllib; tomllib.loads(sys.stdin.read())", input: block)
      #expect(outcome.status == 0, "\(outcome.stderr)\n\(block)")
    }
    let helix = try PythonScript.run(
      "import sys, tomllib, json; print(json.dumps(tomllib.loads(sys.stdin.read())['language-server']['orglint']))",
      input: try Markdown.fencedBlocks("toml", in: Self.page)[0])
    #expect(helix.stdout == "{\"command\": \"orglint\", \"args\": [\"server\"], \"config\": {\"rules\": [\"policy/rules\"]}}\n")
  }

  @Test func jsonSnippetsParse() throws {
    for block in try Markdown.fencedBlocks("json", in: Self.page) {
      #expect((try? JSONSerialization.jsonObject(with: Data(block.utf8))) != nil, "\(block)")
    }
  }

  @Test func elispSnippetIsBalanced() throws {
    for block in try Markdown.fencedBlocks("elisp", in: Self.page) {
      var depth = 0
      var inString = false
      var escaped = false
      for c in block {
        if escaped { escaped = false; continue }
        if inString {
          if c == "\\" { escaped = true } else if c == "\"" { inString = false }
          continue
        }
        switch c {
        case "\"": inString = true
        case "(", "[": depth += 1
        case ")", "]": depth -= 1
        default: break
        }
        #expect(depth >= 0, "\(block)")
      }
      #expect(depth == 0 && !inString, "\(block)")
      if ExternalTool.command("emacs").isAvailable {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-snippet-\(UUID()).el").path
        try block.write(toFile: file, atomically: true, encoding: .utf8)
        let read = "(with-temp-buffer (insert-file-contents \"\(file)\") (goto-char (point-min)) (read (current-buffer)))"
        #expect(try Self.run(["emacs", "--batch", "--eval", read]) == 0, "\(block)")
      }
    }
  }

  /// Runs a command with no input and no output; its exit status (a hang guard of 120 s kills it).
  static func run(_ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    try process.run()
    if done.wait(timeout: .now() + 120) == .timedOut { process.terminate(); return -1 }
    return process.terminationStatus
  }
}
