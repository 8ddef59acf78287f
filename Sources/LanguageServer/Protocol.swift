/// The subset of the Language Server Protocol 3.17 that `orglint server` speaks, as Codable structs.
/// Optional members are left out of the JSON when nil.

/// A place in a document: 0-based line and character (in the negotiated position encoding, UTF-16 by default).
public struct Position: Codable, Hashable, Sendable, Comparable {
  public var line: Int
  public var character: Int

  public init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  public static func < (a: Position, b: Position) -> Bool { (a.line, a.character) < (b.line, b.character) }
}

/// A span of a document, `end` exclusive.
public struct LSPRange: Codable, Hashable, Sendable {
  public var start: Position
  public var end: Position

  public init(start: Position, end: Position) {
    self.start = start
    self.end = end
  }

  /// True when the two ranges share a position (touching counts, so that a cursor at a range's end finds it).
  func touches(_ other: LSPRange) -> Bool { !(end < other.start || other.end < start) }

  func contains(_ p: Position) -> Bool { !(p < start) && !(end < p) }
}

/// A range in a document.
public struct Location: Codable, Hashable, Sendable {
  public var uri: String
  public var range: LSPRange
}

/// `{ "uri": ... }`.
public struct TextDocumentIdentifier: Codable, Sendable {
  public var uri: String
}

/// A document as the client opens it.
public struct TextDocumentItem: Codable, Sendable {
  public var uri: String
  public var languageId: String?
  public var version: Int
  public var text: String
}

/// A document and the version a change produces.
public struct VersionedTextDocumentIdentifier: Codable, Sendable {
  public var uri: String
  public var version: Int
}

/// One change: `range` nil replaces the whole text.
public struct TextDocumentContentChangeEvent: Codable, Sendable {
  public var range: LSPRange?
  public var text: String
}

/// textDocument/didOpen.
struct DidOpenParams: Codable { var textDocument: TextDocumentItem }
/// textDocument/didChange.
struct DidChangeParams: Codable {
  var textDocument: VersionedTextDocumentIdentifier
  var contentChanges: [TextDocumentContentChangeEvent]
}
/// textDocument/didClose, didSave and the pull-diagnostics request.
struct TextDocumentParams: Codable { var textDocument: TextDocumentIdentifier }
/// Hover, definition, completion: a document and a position.
struct TextDocumentPositionParams: Codable {
  var textDocument: TextDocumentIdentifier
  var position: Position
}
/// textDocument/references.
struct ReferenceParams: Codable {
  struct Context: Codable { var includeDeclaration: Bool }
  var textDocument: TextDocumentIdentifier
  var position: Position
  var context: Context?
}

/// workspace/didChangeWatchedFiles.
struct DidChangeWatchedFilesParams: Codable {
  struct FileEvent: Codable {
    var uri: String
    var type: Int
  }
  var changes: [FileEvent]
}

/// A diagnostic as LSP shows it.
public struct LSPDiagnostic: Codable, Hashable, Sendable {
  public struct CodeDescription: Codable, Hashable, Sendable { public var href: String }
  public struct RelatedInformation: Codable, Hashable, Sendable {
    public var location: Location
    public var message: String
  }
  public var range: LSPRange
  /// 1 error, 2 warning, 3 information, 4 hint.
  public var severity: Int
  public var code: String
  public var codeDescription: CodeDescription?
  public var source: String
  public var message: String
  public var relatedInformation: [RelatedInformation]?
}

/// textDocument/publishDiagnostics.
struct PublishDiagnosticsParams: Codable {
  var uri: String
  var version: Int?
  var diagnostics: [LSPDiagnostic]
}

/// The answer to textDocument/diagnostic: always a full report.
struct FullDocumentDiagnosticReport: Codable {
  var kind = "full"
  var items: [LSPDiagnostic]
}

/// A replacement of `range` by `newText`.
public struct LSPTextEdit: Codable, Hashable, Sendable {
  public var range: LSPRange
  public var newText: String
}

/// Edits by document URI.
public struct WorkspaceEdit: Codable, Sendable {
  public var changes: [String: [LSPTextEdit]]
}

/// textDocument/codeAction.
struct CodeActionParams: Codable {
  struct Context: Codable {
    var diagnostics: [LSPDiagnostic]?
    var only: [String]?
  }
  var textDocument: TextDocumentIdentifier
  var range: LSPRange
  var context: Context?
}

/// A quick fix.
public struct CodeAction: Codable, Sendable {
  public var title: String
  public var kind: String
  public var diagnostics: [LSPDiagnostic]?
  public var isPreferred: Bool?
  public var edit: WorkspaceEdit
}

/// Markdown shown on hover.
struct Hover: Codable {
  struct Content: Codable {
    var kind = "markdown"
    var value: String
  }
  var contents: Content
  var range: LSPRange?
}

/// An outline entry.
struct DocumentSymbol: Codable {
  var name: String
  var detail: String?
  /// 2 module, 3 namespace, 5 class, 13 variable, 23 struct, 24 event...
  var kind: Int
  var range: LSPRange
  var selectionRange: LSPRange
  var children: [DocumentSymbol]?
}

/// A completion proposal.
struct CompletionItem: Codable {
  var label: String
  /// 5 field, 6 variable, 12 value, 13 enum, 20 enum member, 14 keyword.
  var kind: Int?
  var detail: String?
  var documentation: String?
}

/// window/logMessage and window/showMessage.
struct LogMessageParams: Codable {
  /// 1 error, 2 warning, 3 info, 4 log.
  var type: Int
  var message: String
}

/// client/registerCapability.
struct RegistrationParams: Codable {
  struct Registration: Codable {
    var id: String
    var method: String
    var registerOptions: WatchOptions
  }
  struct WatchOptions: Codable {
    struct Watcher: Codable { var globPattern: String }
    var watchers: [Watcher]
  }
  var registrations: [Registration]
}

/// What the server needs to know of the client's capabilities (everything else is ignored).
struct ClientCapabilities: Codable {
  struct General: Codable { var positionEncodings: [String]? }
  struct Workspace: Codable {
    struct DynamicRegistration: Codable { var dynamicRegistration: Bool? }
    struct Refresh: Codable { var refreshSupport: Bool? }
    var didChangeWatchedFiles: DynamicRegistration?
    var diagnostics: Refresh?
  }
  struct TextDocument: Codable {
    struct Empty: Codable {}
    var diagnostic: Empty?
  }
  var general: General?
  var workspace: Workspace?
  var textDocument: TextDocument?
}

/// initialize.
struct InitializeParams: Codable {
  var rootUri: String?
  var rootPath: String?
  var workspaceFolders: [WorkspaceFolder]?
  var capabilities: ClientCapabilities?
  var initializationOptions: InitializationOptions?

  struct WorkspaceFolder: Codable {
    var uri: String
    var name: String?
  }
}

/// `initializationOptions`: what `orglint lint` takes as options (Docs/editors.md).
public struct InitializationOptions: Codable, Sendable {
  /// The config file (`--config`); relative to the workspace folder.
  public var config: String?
  /// User rule folders (`--rules`); relative to the workspace folder.
  public var rules: [String]?
  /// The time rules see as `now` (RFC 3339), instead of the clock.
  public var now: String?
}

/// The answer to initialize.
struct InitializeResult: Codable {
  struct ServerInfo: Codable {
    var name: String
    var version: String
  }
  struct Capabilities: Codable {
    struct Sync: Codable {
      var openClose = true
      /// 2: incremental.
      var change = 2
      var save = Save()
      struct Save: Codable { var includeText = false }
    }
    struct DiagnosticOptions: Codable {
      var identifier = "orglint"
      var interFileDependencies = true
      var workspaceDiagnostics = false
    }
    struct CodeActionOptions: Codable { var codeActionKinds = ["quickfix"] }
    struct CompletionOptions: Codable { var triggerCharacters = [" ", ":", ","] }
    var positionEncoding: String
    var textDocumentSync = Sync()
    var diagnosticProvider = DiagnosticOptions()
    var codeActionProvider = CodeActionOptions()
    var hoverProvider: Bool?
    var definitionProvider: Bool?
    var referencesProvider: Bool?
    var documentSymbolProvider: Bool?
    var completionProvider: CompletionOptions?
  }
  var capabilities: Capabilities
  var serverInfo: ServerInfo
}
