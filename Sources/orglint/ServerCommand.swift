import ArgumentParser
import LanguageServer

/// `orglint server`: the language server editors start (Docs/editors.md).
struct Server: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "server",  // set, not derived: deriving it reflects on the type (~2 ms a run)
    abstract: "Run the language server (LSP 3.17, JSON-RPC over standard input and output) for editors.",
    discussion: """
      Editors start it and talk to it; see Docs/editors.md. Exit codes: 0 after the client's shutdown and exit, \
      1 when the client exits or goes away without shutdown.
      """)

  @Flag(help: "Talk over standard input and output (the default and only transport; accepted for editors that pass it).")
  var stdio = false

  func run() throws {
    let code = LanguageServer(input: 0, output: 1, version: OrglintVersion.current).run()
    if code != 0 { throw ExitCode(code) }
  }
}
