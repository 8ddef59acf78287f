import ArgumentParser

/// The `orglint` command: a policy-as-code linter for the AWS root user across an organization.
@main
struct Orglint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orglint",
    abstract: "Lint AWS Organizations root-user configuration written in YAML.",
    version: OrglintVersion.current,
    subcommands: [Import.self]
  )
}

/// The tool's version, shown by `--version` and written to SARIF.
enum OrglintVersion {
  static let current = "0.1.0"
}
