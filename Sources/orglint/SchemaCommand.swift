import ArgumentParser
import OrgModel
import Reporting

/// `orglint schema`: prints the JSON Schema of the configuration format, for editors using yaml-language-server.
struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the JSON Schema (draft 2020-12) of the orglint configuration format.",
    discussion: """
      Point yaml-language-server at it with a first line such as
        \(ConfigSchema.modeline)
      or write a local copy with --output and map it in the editor's settings (Docs/editors.md).
      """)

  @Option(help: "Write the schema to FILE (atomically) instead of standard output.")
  var output: String?

  func run() throws {
    let text = ConfigSchema.json()
    guard let output else {
      print(text, terminator: "")
      return
    }
    do {
      try AtomicFileWriter.write(text, to: output)
    } catch {
      standardError("orglint: error: \(error)")
      throw ExitCode(2)
    }
  }
}
