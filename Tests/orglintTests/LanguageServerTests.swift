import Foundation
import Testing

/// `orglint server` through a JSON-RPC driver that runs the real binary over pipes (Docs/editors.md).
@Suite struct LanguageServerTests {
  /// The located findings of security.yaml in a copy of Examples/insecure-org (0-based line:character).
  static let securityFindings = ["SCP001@5:0", "SCP001@18:0", "ROOT004@22:0", "ROOT001@23:2"]

  @Test func lifecycleAndPushedDiagnostics() throws {
    let root = try copyExample("insecure-org")
    let client = try LSPClient()
    client.request(1, "initialize", ["rootUri": "file://" + root, "capabilities": [String: Any](),
      "initializationOptions": ["now": OrglintProcess.now]])
    let initialize = try #require(client.response(1)?["result"] as? [String: Any])
    let capabilities = try #require(initialize["capabilities"] as? [String: Any])
    #expect(capabilities["positionEncoding"] as? String == "utf-16")
    #expect((capabilities["textDocumentSync"] as? [String: Any])?["change"] as? Int == 2)
    client.notify("initialized", [String: Any]())
    let uri = client.open(root + "/accounts/security.yaml")
    let items = try #require(client.diagnostics(uri))
    #expect(items.map(located) == Self.securityFindings)
    let root001 = try #require(items.first { $0["code"] as? String == "ROOT001" })
    #expect(root001["severity"] as? Int == 1)
    #expect(root001["source"] as? String == "orglint")
    #expect(
      (root001["codeDescription"] as? [String: Any])?["href"] as? String
        == "https://github.com/orglint/orglint/blob/main/Docs/rules/ROOT001.md")
    let end = (root001["range"] as? [String: Any])?["end"] as? [String: Any]
    #expect(end?["line"] as? Int == 25 && end?["character"] as? Int == 34)  // `password:` through its mapping
    #expect(
      root001["message"] as? String
        == "member account log-archive (333333333333) still has a root user password although the organization "
        + "manages root credentials centrally")
    client.request(2, "shutdown")
    #expect(client.response(2)?.keys.contains("result") == true)
    client.notify("exit")
    #expect(client.exitStatus() == 0)
  }

  @Test func incrementalEditsInUTF16AndUnsavedBuffersOverrideTheDisk() throws {
    let root = try copyExample("insecure-org")
    let client = try LSPClient()
    client.start(rootPath: root)
    let path = root + "/accounts/security.yaml"
    let uri = client.open(path)
    #expect(client.diagnostics(uri)?.map(located) == Self.securityFindings)
    // Line 23 (0-based) is `  password:   # ROOT001…`, 24 `    enabled: true`. An emoji (two UTF-16 units) first
    // on line 3's comment-free end, then `true` → `false` by an incremental change counted in UTF-16.
    client.notify("textDocument/didChange", [
      "textDocument": ["uri": uri, "version": 2],
      "contentChanges": [
        ["range": ["start": ["line": 3, "character": 6], "end": ["line": 3, "character": 6]], "text": "-😀"],
        // After the emoji: character 9 in UTF-16 units (8 in code points would land before the emoji's end).
        ["range": ["start": ["line": 3, "character": 9], "end": ["line": 3, "character": 9]], "text": "X"],
        ["range": ["start": ["line": 24, "character": 13], "end": ["line": 24, "character": 17]], "text": "false"],
      ],
    ])
    let after = try #require(client.diagnostics(uri) { !$0.map(located).contains("ROOT001@23:2") })
    #expect(after.map(located) == ["SCP001@5:0", "SCP001@18:0"])
    #expect((after[0]["message"] as? String)?.contains("account -😀Xsecurity-tooling (222222222222)") == true)
    // The file on disk is unchanged: the buffer alone made ROOT001 and ROOT004 go.
    #expect(try String(contentsOfFile: path, encoding: .utf8).contains("enabled: true"))
    // A full replacement (the file as on disk) puts ROOT001 back.
    client.notify("textDocument/didChange", [
      "textDocument": ["uri": uri, "version": 3],
      "contentChanges": [["text": try String(contentsOfFile: path, encoding: .utf8)]],
    ])
    #expect(client.diagnostics(uri) { $0.map(located).contains("ROOT001@23:2") }?.map(located) == Self.securityFindings)
    client.request(9, "shutdown")
    _ = client.response(9)
    client.notify("exit")
    #expect(client.exitStatus() == 0)
  }

  @Test func pullDiagnosticsAndTheSuppressionCodeAction() throws {
    let root = try copyExample("insecure-org")
    let client = try LSPClient()
    client.start(rootPath: root, capabilities: ["textDocument": ["diagnostic": [String: Any]()]])
    let uri = client.open(root + "/accounts/security.yaml")
    client.request(2, "textDocument/diagnostic", ["textDocument": ["uri": uri]])
    let report = try #require(client.response(2)?["result"] as? [String: Any])
    #expect(report["kind"] as? String == "full")
    #expect((report["items"] as? [[String: Any]])?.map(located) == Self.securityFindings)
    // A client that pulls gets no pushed diagnostics.
    #expect(!client.messages.contains { $0["method"] as? String == "textDocument/publishDiagnostics" })

    // SCP001 (suppressible: true) gets a quick fix; ROOT001 (suppressible: central) does not.
    let range = ["start": ["line": 5, "character": 0], "end": ["line": 5, "character": 0]]
    client.request(3, "textDocument/codeAction", ["textDocument": ["uri": uri], "range": range, "context": ["diagnostics": []]])
    let actions = try #require(client.response(3)?["result"] as? [[String: Any]])
    #expect(actions.map { $0["title"] as? String } == ["Suppress SCP001 on this line (with a reason)"])
    let edit = try #require(
      ((actions[0]["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]])
    #expect(edit.first?["newText"] as? String == "# orglint-disable-next-line SCP001 -- TODO: why this exception is acceptable\n")
    let root001 = ["start": ["line": 23, "character": 4], "end": ["line": 23, "character": 4]]
    client.request(4, "textDocument/codeAction", ["textDocument": ["uri": uri], "range": root001, "context": [String: Any]()])
    #expect((client.response(4)?["result"] as? [[String: Any]])?.isEmpty == true)

    // Applying it: the finding goes.
    client.notify("textDocument/didChange", [
      "textDocument": ["uri": uri, "version": 2],
      "contentChanges": [["range": edit[0]["range"]!, "text": edit[0]["newText"]!]],
    ])
    client.request(5, "textDocument/diagnostic", ["textDocument": ["uri": uri]])
    let items = try #require((client.response(5)?["result"] as? [String: Any])?["items"] as? [[String: Any]])
    #expect(items.map(located) == ["SCP001@19:0", "ROOT004@23:0", "ROOT001@24:2"])
  }

  @Test func aFindingsSafeFixIsTheFirstQuickFix() throws {
    let root = try copyExample("insecure-org")
    let client = try LSPClient()
    client.start(rootPath: root)
    let uri = client.open(root + "/accounts/broken.yaml")
    let before = try #require(client.diagnostics(uri))
    #expect(before.map(located).prefix(2) == ["SCHEMA003@1:0", "SCHEMA001@5:0"])
    // Line 5 is `emial: aws-root+marketing@…`: the rename (preferred), then the suppression.
    let range = ["start": ["line": 5, "character": 2], "end": ["line": 5, "character": 2]]
    client.request(2, "textDocument/codeAction", ["textDocument": ["uri": uri], "range": range, "context": [String: Any]()])
    let actions = try #require(client.response(2)?["result"] as? [[String: Any]])
    #expect(
      actions.map { $0["title"] as? String ?? "" } == [
        "Rename the field to 'email'", "Suppress SCHEMA001 on this line (with a reason)",
      ])
    #expect(actions.first?["isPreferred"] as? Bool == true)
    let edits = try #require(
      ((actions[0]["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]])
    #expect(edits.count == 1)
    #expect(edits[0]["newText"] as? String == "email")
    let editRange = try #require(edits[0]["range"] as? [String: [String: Int]])
    #expect(editRange["start"] == ["line": 5, "character": 0] && editRange["end"] == ["line": 5, "character": 5])
    client.notify("textDocument/didChange", [
      "textDocument": ["uri": uri, "version": 2], "contentChanges": [["range": editRange, "text": "email"]],
    ])
    let after = try #require(client.diagnostics(uri) { !$0.map(located).contains("SCHEMA001@5:0") })
    #expect(!after.map(located).contains("SCHEMA003@1:0"))  // email is there now
  }

  @Test func hoverDefinitionAndOutline() throws {
    let root = try copyExample("insecure-org")
    let client = try LSPClient()
    client.start(rootPath: root)
    let uri = client.open(root + "/accounts/security.yaml")
    #expect(client.diagnostics(uri)?.map(located) == Self.securityFindings)
    func at(_ line: Int, _ character: Int) -> [String: Any] {
      ["textDocument": ["uri": uri], "position": ["line": line, "character": character]]
    }
    // A rule id in a comment: the rule's title first.
    client.request(2, "textDocument/hover", at(5, 45))
    let rule = try #require(((client.response(2)?["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String)
    #expect(rule.hasPrefix("**SCP001** `deny-root-user-actions` (warning)\n\n"))
    #expect(rule.contains("**How to fix it**"))
    // An account id: its name, OU and the findings of the open files about it.
    client.request(3, "textDocument/hover", at(15, 8))
    let account = try #require(((client.response(3)?["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String)
    #expect(account.hasPrefix("**log-archive** (333333333333)\n\nOU: Security\n\nFindings in the open files:\n"))
    #expect(account.components(separatedBy: "\n- ").map { $0.prefix(8) }.dropFirst() == ["SCP001: ", "ROOT004:", "ROOT001:"])
    // Nothing under the cursor: null.
    client.request(4, "textDocument/hover", at(12, 40))
    #expect(client.response(4)?["result"] is NSNull)
    // An OU path: its declaration in organization.yaml.
    client.request(5, "textDocument/definition", at(5, 22))
    let definition = try #require(client.response(5)?["result"] as? [String: Any])
    #expect(definition["uri"] as? String == "file://" + root + "/organization.yaml")
    #expect(((definition["range"] as? [String: Any])?["start"] as? [String: Int]) == ["line": 15, "character": 4])
    // The outline: the two accounts.
    client.request(6, "textDocument/documentSymbol", ["textDocument": ["uri": uri]])
    let symbols = try #require(client.response(6)?["result"] as? [[String: Any]])
    #expect(symbols.map { "\($0["name"]!) \($0["detail"]!)" } == ["security-tooling 222222222222", "log-archive 333333333333"])
  }

  @Test func referencesAndCompletion() throws {
    let root = try copyExample("insecure-org")
    let client = try LSPClient()
    client.start(rootPath: root)
    let uri = client.open(root + "/accounts/security.yaml")
    #expect(client.diagnostics(uri)?.map(located) == Self.securityFindings)
    // 222222222222 (security-tooling): its id, and the GuardDuty delegated administrator in organization.yaml.
    client.request(2, "textDocument/references", [
      "textDocument": ["uri": uri], "position": ["line": 2, "character": 6], "context": ["includeDeclaration": true],
    ])
    let references = try #require(client.response(2)?["result"] as? [[String: Any]])
    let places = references.map { r -> String in
      let start = (r["range"] as? [String: Any])?["start"] as? [String: Int]
      return "\((r["uri"] as? String ?? "").replacingOccurrences(of: "file://" + root + "/", with: "")):\(start?["line"] ?? -1)"
    }
    #expect(places.contains("accounts/security.yaml:2") && places.contains("organization.yaml:10"))
    // A suppression comment typed on a new line proposes rule ids.
    client.notify("textDocument/didChange", [
      "textDocument": ["uri": uri, "version": 2],
      "contentChanges": [["range": ["start": ["line": 5, "character": 0], "end": ["line": 5, "character": 0]],
        "text": "# orglint-disable-next-line \norganizationalUnit: \n"]],
    ])
    client.request(3, "textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": 5, "character": 28]])
    let rules = try #require(client.response(3)?["result"] as? [[String: Any]]).compactMap { $0["label"] as? String }
    #expect(rules.contains("ROOT001") && rules.contains("SCP001") && rules.contains("SCHEMA001"))
    // After `organizationalUnit:`, the OU paths of the set.
    client.request(4, "textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": 6, "character": 20]])
    let units = try #require(client.response(4)?["result"] as? [[String: Any]]).compactMap { $0["label"] as? String }
    #expect(units.contains("Security") && units.contains("Workloads/Prod"))
  }

  @Test func fieldHelpFromTheSchemaOnHoverAndCompletion() throws {
    let root = try copyExample("insecure-org")
    let client = try LSPClient()
    client.start(rootPath: root)
    let uri = client.open(root + "/accounts/security.yaml")
    #expect(client.diagnostics(uri)?.map(located) == Self.securityFindings)
    func hover(_ id: Int, _ line: Int, _ character: Int) -> Any? {
      client.request(id, "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": line, "character": character]])
      return client.response(id)?["result"]
    }
    // `password:` of the second document's `root:` (line 23): the field's type, description and range.
    let password = try #require(hover(2, 23, 5) as? [String: Any])
    #expect(
      (password["contents"] as? [String: Any])?["value"] as? String
        == "**password**: boolean or Password\n\nThe root user's console password: `{enabled, lastUsed}`, or the "
        + "shorthand `true` / `false` for `{enabled: true}` / `{enabled: false}`.")
    let range = password["range"] as? [String: [String: Int]]
    #expect(range?["start"] == ["line": 23, "character": 2] && range?["end"] == ["line": 23, "character": 10])
    // `status` inside the flow mapping of `audit:` (line 26): its values; `kind` of the top-level mapping: required.
    let status = try #require(((hover(3, 26, 36) as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String)
    #expect(status.hasPrefix("**status**: string\n\nValues: `complete`, `partial`, `failed`\n\n"))
    let kind = try #require(((hover(4, 14, 1) as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String)
    #expect(kind == "**kind**: string (required)\n\nValues: `Account`\n\nThe kind of document.")
    // A key that is not a field: a tag key under the free-form `tags:` mapping.
    #expect(hover(5, 21, 8) is NSNull)

    // At the top level of the second document (the empty last line): the Account fields it lacks.
    client.request(6, "textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": 27, "character": 0]])
    let top = try #require(client.response(6)?["result"] as? [[String: Any]])
    #expect(top.compactMap { $0["label"] as? String } == ["state", "unknown"])
    #expect(top.first?["detail"] as? String == "string")
    #expect(
      top.first?["documentation"] as? String
        == "The account's state in the Organization.\n\nValues: `PENDING_ACTIVATION`, `ACTIVE`, `SUSPENDED`, "
        + "`PENDING_CLOSURE`, `CLOSED`")

    // A new line inside `root:` of the first account (after `  password: false`): the RootUser fields not there.
    client.notify("textDocument/didChange", [
      "textDocument": ["uri": uri, "version": 2],
      "contentChanges": [["range": ["start": ["line": 11, "character": 0], "end": ["line": 11, "character": 0]],
        "text": "  mf\n"]],
    ])
    client.request(7, "textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": 11, "character": 4]])
    let items = try #require(client.response(7)?["result"] as? [[String: Any]])
    #expect(
      items.compactMap { $0["label"] as? String }
        == ["accessKeys", "signingCertificates", "mfaDevices", "passwordRecovery", "unknown"])
    let mfa = try #require(items.first { $0["label"] as? String == "mfaDevices" })
    #expect(mfa["kind"] as? Int == 5)
    #expect(mfa["detail"] as? String == "list of MFADevice")
    #expect(mfa["documentation"] as? String == "The root user's MFA devices (AWS allows up to 8).")
    // The half-typed `mf` is not YAML, but only in the first document: the second one (one line lower) still has help.
    let lower = try #require(((hover(8, 24, 5) as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String)
    #expect(lower.hasPrefix("**password**: boolean or Password\n\n"))
  }

  @Test func noFieldHelpOutsideOrglintDocuments() throws {
    let root = try copyExample("lza-config")
    let client = try LSPClient()
    client.start(rootPath: root)
    let uri = client.open(root + "/accounts-config.yaml")
    _ = client.diagnostics(uri)
    // `mandatoryAccounts:` (line 1) is a key, but of an LZA file: no hover, and no field names for a new item.
    client.request(2, "textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 1, "character": 3]])
    #expect(client.response(2)?["result"] is NSNull)
    client.request(3, "textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": 2, "character": 4]])
    #expect((client.response(3)?["result"] as? [[String: Any]])?.isEmpty == true)
  }

  @Test func relintsWhenAnotherFileOfTheSetChangesOnDisk() throws {
    let root = try copyExample("insecure-org")
    let client = try LSPClient()
    client.start(rootPath: root, capabilities: ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]])
    // A client that allows it is asked to watch the YAML files and the config file.
    let registration = try #require(client.wait { $0["method"] as? String == "client/registerCapability" })
    let registrations = (registration["params"] as? [String: Any])?["registrations"] as? [[String: Any]]
    #expect(registrations?.first?["method"] as? String == "workspace/didChangeWatchedFiles")
    let watchers = (registrations?.first?["registerOptions"] as? [String: Any])?["watchers"] as? [[String: Any]]
    #expect(watchers?.compactMap { $0["globPattern"] as? String } == ["**/*.yaml", "**/*.yml", "**/.orglint.yaml"])
    let uri = client.open(root + "/accounts/security.yaml")
    #expect(client.diagnostics(uri)?.map(located) == Self.securityFindings)
    // Turning RootCredentialsManagement off in the organization document makes ROOT001 go (it needs the feature).
    let org = root + "/organization.yaml"
    let text = try String(contentsOfFile: org, encoding: .utf8)
    try text.replacingOccurrences(of: "rootCredentialsManagement: true", with: "rootCredentialsManagement: false")
      .write(toFile: org, atomically: true, encoding: .utf8)
    client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": "file://" + org, "type": 2]]])
    let after = client.diagnostics(uri) { !$0.map(located).contains("ROOT001@23:2") }
    #expect(after?.map(located) == ["SCP001@5:0", "SCP001@18:0", "ROOT004@22:0"])
  }

  @Test func badInputGetsProtocolErrorsNeverACrash() throws {
    let client = try LSPClient()
    // Before initialize: ServerNotInitialized.
    client.request(1, "textDocument/hover", ["textDocument": ["uri": "file:///x.yaml"], "position": ["line": 0, "character": 0]])
    #expect((client.response(1)?["error"] as? [String: Any])?["code"] as? Int == -32002)
    client.start(rootPath: FileManager.default.temporaryDirectory.path)
    // Not JSON: ParseError with a null id.
    client.sendRaw(Data("Content-Length: 9\r\n\r\n{not json".utf8))
    // JSON, but not a JSON-RPC request: InvalidRequest.
    client.sendRaw(Data("Content-Length: 7\r\n\r\n[1,2,3]".utf8))
    client.send(["jsonrpc": "1.0", "id": 7, "method": "shutdown"])
    #expect((client.response(7)?["error"] as? [String: Any])?["code"] as? Int == -32600)
    // A header block without Content-Length is skipped.
    client.sendRaw(Data("Content-Type: x\r\n\r\n".utf8))
    // Unknown method: MethodNotFound; an unknown notification is ignored.
    client.notify("orglint/unknownNotification", ["x": 1])
    client.request(2, "textDocument/unknownThing", [String: Any]())
    #expect((client.response(2)?["error"] as? [String: Any])?["code"] as? Int == -32601)
    // Params of the wrong shape: InvalidParams.
    client.request(3, "textDocument/codeAction", ["textDocument": 5])
    #expect((client.response(3)?["error"] as? [String: Any])?["code"] as? Int == -32602)
    // A document never opened: InvalidParams naming it.
    client.request(4, "textDocument/diagnostic", ["textDocument": ["uri": "file:///never/opened.yaml"]])
    let error = try #require(client.response(4)?["error"] as? [String: Any])
    #expect(error["code"] as? Int == -32602)
    #expect(error["message"] as? String == "file:///never/opened.yaml is not open (send textDocument/didOpen first)")
    client.notify("textDocument/didChange", [
      "textDocument": ["uri": "file:///never/opened.yaml", "version": 2], "contentChanges": [["text": "x"]],
    ])
    let codes = client.nullIdErrors().compactMap { ($0["error"] as? [String: Any])?["code"] as? Int }
    #expect(codes == [-32700, -32600, -32700])
    // Still serving.
    client.request(5, "shutdown")
    #expect(client.response(5)?["error"] == nil)
    client.notify("exit")
    #expect(client.exitStatus() == 0)
  }

  @Test func aHugeDocumentIsLintedAndAnOversizedMessageSkipped() throws {
    let root = try copyExample("insecure-org")
    let client = try LSPClient()
    client.start(rootPath: root)
    // 40 MB of comments after the account: linted like any other (the findings are the same).
    let path = root + "/accounts/security.yaml"
    var text = try String(contentsOfFile: path, encoding: .utf8)
    text += String(repeating: "# " + String(repeating: "x", count: 78) + "\n", count: 500_000)
    let uri = client.open(path, text: text)
    #expect(client.diagnostics(uri, timeout: 300)?.map(located) == Self.securityFindings)
    // A message announced as 300 MiB (over the 256 MiB limit) is skipped without being held; the stream stays in step.
    client.sendRaw(Data("Content-Length: \(300 << 20)\r\n\r\n".utf8))
    let chunk = Data(repeating: 0x20, count: 1 << 20)
    for _ in 0..<300 { client.sendRaw(chunk) }
    client.request(2, "shutdown")
    #expect(client.response(2, timeout: 300)?["error"] == nil)
    #expect(client.nullIdErrors().count == 1)
    client.notify("exit")
    #expect(client.exitStatus() == 0)
  }

  @Test func aClientThatDisappearsEndsTheServer() throws {
    let root = try copyExample("insecure-org")
    let client = try LSPClient()
    client.start(rootPath: root)
    _ = client.open(root + "/accounts/security.yaml")
    // Half a message, then the end of input: the server exits (1: no shutdown came) instead of waiting.
    client.sendRaw(Data("Content-Length: 100\r\n\r\n{\"jsonrpc\"".utf8))
    client.closeInput()
    #expect(client.exitStatus() == 1)
  }

  @Test func exitWithoutShutdownIsExitCodeOne() throws {
    let client = try LSPClient()
    client.start(rootPath: FileManager.default.temporaryDirectory.path)
    client.notify("exit")
    #expect(client.exitStatus() == 1)
  }

  @Test func aBadNowIsRefusedAtInitialize() throws {
    let client = try LSPClient()
    client.request(1, "initialize", ["capabilities": [String: Any](), "initializationOptions": ["now": "yesterday"]])
    let error = try #require(client.response(1)?["error"] as? [String: Any])
    #expect(error["code"] as? Int == -32602)
    #expect(
      error["message"] as? String
        == "initializationOptions.now 'yesterday' is not an RFC 3339 timestamp such as 2026-11-25T00:00:00Z")
    client.closeInput()
    #expect(client.exitStatus() == 1)
  }
}
