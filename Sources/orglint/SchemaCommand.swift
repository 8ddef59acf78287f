import ArgumentParser
import OrgModel
import Reporting

/// `orglint schema`: prints the JSON Schema of the configuration format, for editors using yaml-language-server.
struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",  // set, not derived: deriving it reflects on the type (~2 ms a run)
    abstract: "Print the JSON Schema (draft 2020-12) of the orglint configuration format.",
    discussion: """
      Editors using yaml-language-server validate and complete orglint documents with it. The published copy is \
      \(OrgSetSchema.id); Docs/editors.md shows the modeline and the editor settings.
      """)

  @Option(help: ArgumentHelp("Write the schema to FILE (atomically; - is standard output) instead of standard output.", valueName: "file"))
  var output: String?

  func run() throws {
    let text = OrgSetSchema.json()
    try emit(text, to: output)
  }
}
