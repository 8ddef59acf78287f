import Foundation
import OrglintTestSupport
import Testing

/// `orglint server` with a real client: headless Neovim starts it through its built-in LSP client (`vim.lsp.start`,
/// or `vim.lsp.start_client` on Neovim before 0.8), opens security.yaml of a copy of Examples/insecure-org, waits for
/// the diagnostics, asks for the code actions on SCP001's line, applies the suppression and sees the finding go.
@Suite struct LanguageServerNeovimTests {
  /// The client script; it writes one line per step to $ORGLINT_RESULT and quits.
  static let script = #"""
    local out = assert(io.open(os.getenv('ORGLINT_RESULT'), 'w'))
    local function say(line) out:write(line, '\n'); out:flush() end
    local file = os.getenv('ORGLINT_FILE')
    vim.cmd('edit ' .. vim.fn.fnameescape(file))
    local buf = vim.api.nvim_get_current_buf()
    local config = {
      name = 'orglint',
      cmd = { os.getenv('ORGLINT_BINARY'), 'server' },
      root_dir = os.getenv('ORGLINT_ROOT'),
      init_options = { now = '2026-11-25T00:00:00Z' },
    }
    local id
    if vim.lsp.start then
      id = vim.lsp.start(config)
    else
      id = vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(buf, id)
    end
    local function located()
      local list = {}
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?'
        table.insert(list, string.format('%s@%d:%d', code, d.lnum, d.col))
      end
      table.sort(list)
      return table.concat(list, ' ')
    end
    if not vim.wait(120000, function() return #vim.diagnostic.get(buf) >= 4 end, 50) then
      say('timeout waiting for diagnostics'); vim.cmd('qa!')
    end
    say('diagnostics ' .. located())
    local client = vim.lsp.get_client_by_id(id)
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = { start = { line = 5, character = 0 }, ['end'] = { line = 5, character = 0 } },
      context = { diagnostics = {} },
    }
    local response = client.request_sync('textDocument/codeAction', params, 60000, buf)
    local action = response and response.result and response.result[1]
    if not action then say('no code action'); vim.cmd('qa!') end
    say('action ' .. action.title)
    vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
    say('line6 ' .. vim.api.nvim_buf_get_lines(buf, 5, 6, false)[1])
    if not vim.wait(120000, function() return #vim.diagnostic.get(buf) == 3 end, 50) then
      say('timeout waiting for the finding to go: ' .. located()); vim.cmd('qa!')
    end
    say('after ' .. located())
    vim.cmd('qa!')
    """#

  @Test(.requires(.command("nvim"), for: "Neovim's LSP client against orglint server"))
  func neovimShowsFindingsAndAppliesTheSuppression() throws {
    let root = try copyExample("insecure-org")
    let dir = URL(fileURLWithPath: root).deletingLastPathComponent().path
    let scriptPath = dir + "/client.lua"
    let resultPath = dir + "/result.txt"
    try Self.script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["nvim", "--headless", "--clean", "-n", "-c", "luafile " + scriptPath]
    process.currentDirectoryURL = URL(fileURLWithPath: root)
    var env = ProcessInfo.processInfo.environment
    env["ORGLINT_BINARY"] = OrglintProcess.binary
    env["ORGLINT_FILE"] = root + "/accounts/security.yaml"
    env["ORGLINT_ROOT"] = root
    env["ORGLINT_RESULT"] = resultPath
    env["XDG_STATE_HOME"] = dir + "/state"  // Neovim's LSP log stays in the temporary folder
    process.environment = env
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    try process.run()
    if exited.wait(timeout: .now() + 300) == .timedOut {
      process.terminate()
      Issue.record("Neovim did not finish within 300 s (hang guard)")
    }
    let lines = (try? String(contentsOfFile: resultPath, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    #expect(
      lines == [
        // vim.diagnostic sorts nothing: the script sorts the "code@line:col" strings (0-based).
        "diagnostics ROOT001@23:2 ROOT004@22:0 SCP001@18:0 SCP001@5:0",
        "action Suppress SCP001 on this line (with a reason)",
        "line6 # orglint-disable-next-line SCP001 -- TODO: why this exception is acceptable",
        "after ROOT001@24:2 ROOT004@23:0 SCP001@19:0",
      ])
    // The edit is in the buffer only; the file on disk is as copied.
    let disk = try String(contentsOfFile: root + "/accounts/security.yaml", encoding: .utf8)
    #expect(!disk.contains("orglint-disable"))
  }
}
