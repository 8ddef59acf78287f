import ArgumentParser

#if canImport(Glibc)
  import Glibc
#endif

/// The `orglint` command: a policy-as-code linter for the AWS root user across an organization.
@main
struct Orglint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orglint",
    abstract: "Lint AWS Organizations root-user configuration written in YAML.",
    version: OrglintVersion.withCommit,
    subcommands: [Lint.self, Rules.self, Eval.self, Import.self, Schema.self],
    defaultSubcommand: nil
  )

  /// Runs the command; usage errors exit with 2 (CLI.md), not ArgumentParser's 64.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        standardError(fullMessage(for: error))  // ends with "See 'orglint … --help' for more information."
        Glibc.exit(2)
      }
      exit(withError: error)
    }
  }
}

/// The tool's version, written to reports (SARIF `semanticVersion`, JSON `toolVersion`) and shown by `--version`
/// with the commit it was built from. scripts/build-release.sh reads `current` from this line.
enum OrglintVersion {
  static let current = "0.1.0"

  /// `0.1.0 (commit 0123abcd…)`, or `0.1.0 (unknown commit)` for a build that did not record it.
  static var withCommit: String { "\(current) (\(BuildCommit.hash.map { "commit \($0)" } ?? "unknown commit"))" }
}

/// Writes a line to standard error.
func standardError(_ text: String) {
  var line = text
  if !line.hasSuffix("\n") { line += "\n" }
  _ = line.withCString { write(2, $0, strlen($0)) }
}
