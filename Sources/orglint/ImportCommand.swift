import AWSImport
import ArgumentParser
import Diagnostics
import Foundation

/// `orglint import`: turn observed state exported from a cloud provider into orglint documents.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",  // set, not derived: deriving it reflects on the type (~2 ms a run)
    abstract: "Turn observed state exported from AWS into orglint documents.",
    subcommands: [AWS.self]
  )

  /// `orglint import aws DIR [--out DIR|-]`.
  struct AWS: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "aws",
      abstract: "Import an AWS CLI export folder (see Docs/import.md) as orglint/v1 documents.",
      discussion: """
        Writes organization.yaml, accounts/<account-id>.yaml and privileged-tasks.yaml. Import findings \
        (IMPORT002...) go to stderr; a malformed export file (IMPORT001) stops the import with exit code 2.
        """
    )

    @Argument(help: "The export folder written by scripts/export-aws.sh.")
    var directory: String

    @Option(name: .long, help: "Where to write the documents: a folder, or - for stdout.")
    var out: String = "-"

    func run() throws {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
        standardError("error: \(directory): not a folder")
        throw ExitCode(2)
      }
      if out == "-", !StandardOutput.isOpen {
        standardError("error: standard output is closed; name a folder with --out")
        throw ExitCode(2)
      }
      let result: AWSImportResult
      do {
        result = try AWSImporter(exportDirectory: directory).run()
      } catch {
        standardError(line(error.finding))
        throw ExitCode(2)
      }
      for finding in result.findings {
        standardError(line(finding))
      }
      if out == "-" {
        do {
          try StandardOutput.write(result.combinedText)
        } catch {
          standardError("error: \(error)")
          throw ExitCode(2)
        }
      } else {
        do {
          try result.write(to: out)
        } catch {
          let reason = (error as? AtomicWriteError).map(String.init(describing:)) ?? "\(out): \(error.localizedDescription)"
          standardError("error: \(reason)")
          throw ExitCode(2)
        }
      }
    }

    /// `path:line:col: severity: message [ID name]`, paths relative to the export folder.
    private func line(_ finding: Finding) -> String {
      var place = finding.path.map { "\(directory)/\($0)" } ?? directory
      if let start = finding.range?.start { place += ":\(start.line):\(start.column)" }
      return "\(place): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleId) \(finding.ruleName)]"
    }
  }
}
