import Adoption
import CEL
import Diagnostics
import Foundation
import OrgModel
import RuleEngine

#if canImport(Glibc)
  import Glibc
#endif

/// `orglint server`: a language server over JSON-RPC 2.0 with Content-Length framing (LSP 3.17), reading requests on
/// the calling thread and linting on a worker (`LintWorker`), so that no request waits for a lint. Diagnostics are
/// pushed (textDocument/publishDiagnostics) unless the client pulls them (textDocument/diagnostic).
public final class LanguageServer: @unchecked Sendable {
  private let reader: MessageReader
  private let writer: MessageWriter
  private let serverVersion: String
  private let lock = NSLock()
  private var lintWorker: LintWorker!

  // State, under `lock`.
  private var phase = Phase.starting
  private var documents: [String: TextDocument] = [:]
  private var lints: [String: DocumentLint] = [:]
  /// Pull-diagnostics requests waiting for a lint of the document's current version.
  private var pullWaiters: [(id: RequestID, uri: String)] = []
  private var linter = WorkspaceLinter(settings: LintSettings(), encoding: .utf16)
  private var clientPulls = false
  private var clientRefreshes = false
  private var nextRequestId = 1

  enum Phase { case starting, running, shuttingDown }

  /// A server reading from `input` and writing to `output` (file descriptors).
  public init(input: Int32, output: Int32, version: String) {
    reader = MessageReader(fd: input)
    writer = MessageWriter(fd: output)
    serverVersion = version
    // Weak: the worker may still run a lint when `run()` has returned and the server is gone.
    lintWorker = LintWorker { [weak self] in self?.lintOpenDocuments() }
  }

  /// Serves until `exit` or the end of input; returns the exit code: 0 after a `shutdown` request, else 1 (LSP).
  public func run() -> Int32 {
    while true {
      switch reader.next() {
      case .endOfInput:
        return lock.withLock { phase == .shuttingDown } ? 0 : 1
      case .framingError(let message):
        respond(nil, error: ResponseError(code: ResponseError.parseError, message: message))
      case .message(let body):
        if let code = handle(IncomingMessage.classify(body)) { return code }
      }
      if !writer.isOpen { return 1 }
    }
  }

  /// Handles one message; returns an exit code when the message was `exit`.
  private func handle(_ message: IncomingMessage) -> Int32? {
    switch message {
    case .response: return nil
    case .invalid(let id, let error):
      respond(id, error: error)
      return nil
    case .notification(let method, let body):
      if method == "exit" { return lock.withLock { phase == .shuttingDown } ? 0 : 1 }
      guard lock.withLock({ phase == .running }) || method == "initialized" else { return nil }
      do {
        try notification(method, body)
      } catch {
        log("orglint: ignored \(method): \(describe(error))", type: 2)
      }
      return nil
    case .request(let id, let method, let body):
      let phase = lock.withLock { self.phase }
      if phase == .starting, method != "initialize" {
        respond(id, error: ResponseError(code: ResponseError.serverNotInitialized, message: "initialize first"))
        return nil
      }
      if phase == .shuttingDown {
        respond(id, error: ResponseError(code: ResponseError.invalidRequest, message: "the server is shutting down"))
        return nil
      }
      do {
        try request(id, method, body)
      } catch let error as ResponseError {
        respond(id, error: error)
      } catch {
        respond(id, error: .invalidParams("invalid params for \(method): \(describe(error))"))
      }
      return nil
    }
  }

  // MARK: Requests

  private func request(_ id: RequestID, _ method: String, _ body: Data) throws {
    switch method {
    case "initialize":
      let params = try decode(InitializeParams.self, body)
      respond(id, result: try initialize(params))
    case "shutdown":
      lock.withLock { phase = .shuttingDown }
      respond(id, result: Optional<Int>.none)
    case "textDocument/diagnostic":
      let params = try decode(TextDocumentParams.self, body)
      try pullDiagnostics(id, uri: params.textDocument.uri)
    case "textDocument/codeAction":
      let params = try decode(CodeActionParams.self, body)
      let lint = try currentLint(params.textDocument.uri)
      // Edits computed on an older text would land in the wrong place: none until the newest text is linted.
      let current = lock.withLock { documents[params.textDocument.uri]?.version == lint.version && lints[lint.uri] != nil }
      respond(id, result: current ? CodeActions.actions(for: lint, in: params.range, encoding: encoding) : [])
    case "textDocument/hover":
      let params = try decode(TextDocumentPositionParams.self, body)
      let lint = try currentText(params.textDocument.uri)
      respond(id, result: Navigation.hover(at: params.position, in: lint, all: allLints(), encoding: encoding))
    case "textDocument/definition":
      let params = try decode(TextDocumentPositionParams.self, body)
      let lint = try currentText(params.textDocument.uri)
      respond(id, result: Navigation.definition(at: params.position, in: lint, all: allLints(), encoding: encoding))
    case "textDocument/references":
      let params = try decode(ReferenceParams.self, body)
      let lint = try currentText(params.textDocument.uri)
      respond(id, result: Navigation.references(at: params.position, in: lint, all: allLints(), encoding: encoding))
    case "textDocument/completion":
      let params = try decode(TextDocumentPositionParams.self, body)
      let lint = try currentText(params.textDocument.uri)
      respond(id, result: Navigation.completion(at: params.position, in: lint, encoding: encoding))
    case "textDocument/documentSymbol":
      let params = try decode(TextDocumentParams.self, body)
      respond(id, result: Navigation.symbols(in: try currentLint(params.textDocument.uri), encoding: encoding))
    default:
      throw ResponseError(code: ResponseError.methodNotFound, message: "orglint server does not handle '\(method)'")
    }
  }

  private var encoding: PositionEncoding { lock.withLock { linter.encoding } }

  private func initialize(_ params: InitializeParams) throws -> InitializeResult {
    let cwd = FilePath.currentDirectory()
    let root =
      (params.workspaceFolders?.first?.uri ?? params.rootUri).flatMap(FileURI.path(of:)) ?? params.rootPath ?? cwd
    var settings = LintSettings()
    let options = params.initializationOptions
    settings.configPath = options?.config.map { FilePath.absolute($0, cwd: root) }
    settings.ruleDirectories = (options?.rules ?? []).map { FilePath.absolute($0, cwd: root) }
    if let now = options?.now {
      guard let parsed = CELTimestamp.parse(now) else {
        throw ResponseError.invalidParams(
          "initializationOptions.now '\(now)' is not an RFC 3339 timestamp such as 2026-11-25T00:00:00Z")
      }
      settings.now = parsed
    }
    let offered = params.capabilities?.general?.positionEncodings ?? []
    let encoding: PositionEncoding = offered.contains("utf-8") && !offered.contains("utf-16") ? .utf8 : .utf16
    lock.withLock {
      linter = WorkspaceLinter(settings: settings, encoding: encoding, cwd: cwd)
      clientPulls = params.capabilities?.textDocument?.diagnostic != nil
      clientRefreshes = params.capabilities?.workspace?.diagnostics?.refreshSupport == true
      phase = .running
      watchesDynamically = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration == true
    }
    var capabilities = InitializeResult.Capabilities(positionEncoding: encoding.rawValue)
    Navigation.declare(in: &capabilities)
    return InitializeResult(
      capabilities: capabilities, serverInfo: .init(name: "orglint", version: serverVersion))
  }

  private var watchesDynamically = false

  /// The newest lint of every open document.
  private func allLints() -> [DocumentLint] { lock.withLock { Array(lints.values) } }

  /// The lint of an open document, or an error naming the document.
  private func currentLint(_ uri: String) throws -> DocumentLint {
    try lock.withLock {
      guard documents[uri] != nil else {
        throw ResponseError.invalidParams("\(uri) is not open (send textDocument/didOpen first)")
      }
      if let lint = lints[uri] { return lint }
      let d = documents[uri]!
      return DocumentLint(
        uri: uri, path: d.path, version: d.version, index: d.index, findings: [], diagnostics: [], lookup: nil,
        set: nil, rules: [:])
    }
  }

  /// The newest lint of an open document with the document's current text (the word under the cursor is read from
  /// what the user sees; the set and the rules are the lint's).
  private func currentText(_ uri: String) throws -> DocumentLint {
    var lint = try currentLint(uri)
    if let document = lock.withLock({ documents[uri] }) { lint.index = document.index }
    return lint
  }

  private func pullDiagnostics(_ id: RequestID, uri: String) throws {
    let ready: DocumentLint? = try lock.withLock {
      guard let document = documents[uri] else {
        throw ResponseError.invalidParams("\(uri) is not open (send textDocument/didOpen first)")
      }
      if let lint = lints[uri], lint.version == document.version { return lint }
      pullWaiters.append((id, uri))
      return nil
    }
    if let ready {
      respond(id, result: FullDocumentDiagnosticReport(items: ready.diagnostics))
    } else {
      lintWorker.request()
    }
  }

  // MARK: Notifications

  private func notification(_ method: String, _ body: Data) throws {
    switch method {
    case "initialized":
      if lock.withLock({ watchesDynamically }) { registerWatchers() }
    case "textDocument/didOpen":
      let item = try decode(DidOpenParams.self, body).textDocument
      guard let path = FileURI.path(of: item.uri) else {
        log("orglint: not linting \(item.uri): only file: URIs are linted", type: 3)
        return
      }
      let document = TextDocument(
        uri: item.uri, path: FilePath.absolute(path, cwd: "/"), version: item.version, text: item.text)
      lock.withLock { documents[item.uri] = document }
      lintWorker.request()
    case "textDocument/didChange":
      let params = try decode(DidChangeParams.self, body)
      let known: Bool = lock.withLock {
        guard var document = documents[params.textDocument.uri] else { return false }
        document.apply(params.contentChanges, version: params.textDocument.version, encoding: linter.encoding)
        documents[params.textDocument.uri] = document
        return true
      }
      if known { lintWorker.request() } else { log("orglint: didChange for \(params.textDocument.uri), which is not open", type: 2) }
    case "textDocument/didClose":
      let uri = try decode(TextDocumentParams.self, body).textDocument.uri
      let waiters: [RequestID] = lock.withLock {
        documents[uri] = nil
        lints[uri] = nil
        let gone = pullWaiters.filter { $0.uri == uri }.map(\.id)
        pullWaiters.removeAll { $0.uri == uri }
        return gone
      }
      for id in waiters { respond(id, error: ResponseError(code: ResponseError.requestFailed, message: "\(uri) was closed")) }
      if !lock.withLock({ clientPulls }) { publish(PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: [])) }
      lintWorker.request()  // the other documents now read the file from disk
    case "textDocument/didSave", "workspace/didChangeWatchedFiles":
      // The config file, rule files or other files of a set may have changed on disk: lint everything again.
      lintWorker.request()
    default:
      break  // unknown notifications, `$/cancelRequest`, `$/setTrace`...: nothing to do
    }
  }

  private func registerWatchers() {
    let id = lock.withLock {
      nextRequestId += 1
      return nextRequestId
    }
    let watchers = ["**/*.yaml", "**/*.yml", "**/.orglint.yaml"].map { RegistrationParams.WatchOptions.Watcher(globPattern: $0) }
    writer.send(
      OutgoingMessage(
        id: .string("orglint-\(id)"), method: "client/registerCapability",
        params: RegistrationParams(registrations: [
          .init(id: "orglint-watch", method: "workspace/didChangeWatchedFiles", registerOptions: .init(watchers: watchers))
        ])))
  }

  // MARK: Linting

  /// The worker's job: lints a snapshot of the open documents, keeps the results, publishes them and answers the
  /// pull requests whose document version is now linted.
  private func lintOpenDocuments() {
    let (snapshot, linter) = lock.withLock { (Array(documents.values), self.linter) }
    let results = linter.lint(snapshot.sorted { $0.uri < $1.uri }) { Self.clock() }
    var toPublish: [PublishDiagnosticsParams] = []
    var answers: [(RequestID, [LSPDiagnostic])] = []
    var refresh = false
    lock.withLock {
      for lint in results where documents[lint.uri]?.version == lint.version {
        let previous = lints[lint.uri]
        lints[lint.uri] = lint
        if !clientPulls, previous?.diagnostics != lint.diagnostics || previous?.version != lint.version {
          toPublish.append(PublishDiagnosticsParams(uri: lint.uri, version: lint.version, diagnostics: lint.diagnostics))
        }
        if clientPulls, previous != nil, previous?.version == lint.version, previous?.diagnostics != lint.diagnostics {
          refresh = clientRefreshes  // another file changed this document's findings
        }
      }
      pullWaiters.removeAll { waiter in
        guard let lint = lints[waiter.uri], lint.version == documents[waiter.uri]?.version else { return false }
        answers.append((waiter.id, lint.diagnostics))
        return true
      }
    }
    for params in toPublish { publish(params) }
    for (id, items) in answers { respond(id, result: FullDocumentDiagnosticReport(items: items)) }
    if refresh {
      let id = lock.withLock {
        nextRequestId += 1
        return nextRequestId
      }
      writer.send(OutgoingMessage<Int>(id: .string("orglint-\(id)"), method: "workspace/diagnostic/refresh", params: nil))
    }
  }

  static func clock() -> CELTimestamp {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return CELTimestamp(seconds: Int64(ts.tv_sec), nanos: Int32(ts.tv_nsec))!
  }

  // MARK: Output

  private func publish(_ params: PublishDiagnosticsParams) {
    writer.send(OutgoingMessage(id: nil, method: "textDocument/publishDiagnostics", params: params))
  }

  private func log(_ message: String, type: Int) {
    writer.send(OutgoingMessage(id: nil, method: "window/logMessage", params: LogMessageParams(type: type, message: message)))
  }

  private func respond<R: Encodable>(_ id: RequestID?, result: R) {
    writer.send(ResponseMessage(id: id, result: result, error: nil))
  }

  private func respond(_ id: RequestID?, error: ResponseError) {
    writer.send(ResponseMessage<Int>(id: id, result: nil, error: error))
  }

  private func decode<P: Decodable>(_ type: P.Type, _ body: Data) throws -> P {
    try JSONDecoder().decode(ParamsOf<P>.self, from: body).params
  }

  private func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, let context):
      return "missing '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
    case DecodingError.dataCorrupted(let context):
      return context.debugDescription
    case let error as ResponseError:
      return error.message
    default:
      return "\(error)"
    }
  }
}
