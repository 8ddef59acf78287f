import ArgumentParser
import Diagnostics

#if canImport(Glibc)
  import Glibc
#endif

/// The `orglint` command: a policy-as-code linter for the AWS root user across an organization.
@main
struct Orglint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orglint",
    abstract: "Lint AWS Organizations root-user configuration written in YAML.",
    version: OrglintVersion.current,
    subcommands: [Lint.self, Rules.self, Eval.self, Import.self, Schema.self],
    defaultSubcommand: nil
  )

  /// Runs the command; usage errors exit with 2 (CLI.md), not ArgumentParser's 64.
  /// Help and `--version` go through the checked standard output too; file names that are not UTF-8 reach the
  /// commands with their bytes escaped (`FilePath`), so that they can still be opened.
  static func main() {
    StandardStreams.prepare()
    do {
      var command = try parseAsRoot(commandLineArguments())
      try command.run()
    } catch let error as StandardOutputError {
      standardError("orglint: error: \(error)")
      Glibc.exit(2)
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        standardError(fullMessage(for: error))  // ends with "See 'orglint … --help' for more information."
        Glibc.exit(2)
      }
      if code == .success {
        let message = fullMessage(for: error)
        do {
          if !message.isEmpty { try StandardOutput.line(message) }
        } catch {
          standardError("orglint: error: \(error)")
          Glibc.exit(2)
        }
        Glibc.exit(0)
      }
      exit(withError: error)
    }
  }

  /// The arguments after the program name, each decoded from its bytes by `FilePath` (lossless for non-UTF-8).
  static func commandLineArguments() -> [String] {
    (1..<Int(CommandLine.argc)).map { i in
      guard let arg = CommandLine.unsafeArgv[i] else { return "" }
      return FilePath.string(fromSystemBytes: UnsafeRawBufferPointer(start: arg, count: strlen(arg)))
    }
  }
}

/// The tool's version, shown by `--version` and written to SARIF.
enum OrglintVersion {
  static let current = "0.1.0"
}

/// Writes a line to standard error.
func standardError(_ text: String) {
  var line = text
  if !line.hasSuffix("\n") { line += "\n" }
  _ = line.withCString { write(2, $0, strlen($0)) }
}
