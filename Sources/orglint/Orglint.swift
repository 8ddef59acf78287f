import ArgumentParser
import Diagnostics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ends the process with `code` (the C library's `exit`; inside a `ParsableCommand`, a bare `exit` names
/// ArgumentParser's `exit(withError:)`).
private func processExit(_ code: Int32) -> Never { exit(code) }

/// The `orglint` command: a policy-as-code linter for the AWS root user across an organization.
@main
struct Orglint: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orglint",
    abstract: "Lint AWS Organizations root-user configuration written in YAML.",
    version: OrglintVersion.withCommit,
    subcommands: [Lint.self, Rules.self, Eval.self, Import.self, Schema.self, Server.self],
    defaultSubcommand: nil
  )

  /// Runs the command; usage errors exit with 2 (Docs/cli.md), not ArgumentParser's 64.
  /// Help and `--version` go through the checked standard output too; file names that are not UTF-8 reach the
  /// commands with their bytes escaped (`FilePath`), so that they can still be opened.
  static func main() {
    StandardStreams.prepare()
    do {
      var command = try parse(commandLineArguments())
      try command.run()
    } catch let error as StandardOutputError {
      standardError("orglint: error: \(error)")
      processExit(2)
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        standardError(fullMessage(for: error))  // ends with "See 'orglint … --help' for more information."
        processExit(2)
      }
      if code == .success {
        let message = fullMessage(for: error)
        do {
          if !message.isEmpty { try StandardOutput.line(message) }
        } catch {
          standardError("orglint: error: \(error)")
          processExit(2)
        }
        processExit(0)
      }
      exit(withError: error)
    }
  }

  /// `parseAsRoot`, linear in the number of file names: ArgumentParser removes parsed arguments from an array one at a
  /// time, so 20,000 named files (a pre-commit run) took seconds in the parser alone. A long run of trailing file
  /// names — everything after `--`, else everything after the last option and its value — is parsed without them and
  /// appended to the command's `paths`; any doubt (the short list does not parse, the command takes no paths) falls
  /// back to parsing the whole list.
  static func parse(_ arguments: [String]) throws -> ParsableCommand {
    guard let cut = trailingPathsStart(arguments),
      let head = try? parseAsRoot(Array(arguments[..<cut])),
      var command = head as? any TakesTrailingPaths
    else { return try parseAsRoot(arguments) }
    command.paths += arguments[cut...]
    return command
  }

  /// Where the long run of trailing file names starts, or nil when there is none worth splitting off (64 or fewer).
  static func trailingPathsStart(_ arguments: [String]) -> Int? {
    let cut: Int
    if let dashDash = arguments.firstIndex(of: "--") {
      cut = dashDash + 1
    } else {
      let lastOption = arguments.lastIndex { $0.hasPrefix("-") } ?? 0
      cut = lastOption + 2  // the option's value, or a path: either way parsed as before
    }
    return arguments.count - cut > 64 ? cut : nil
  }

  /// The arguments after the program name, each decoded from its bytes by `FilePath` (lossless for non-UTF-8).
  static func commandLineArguments() -> [String] {
    (1..<Int(CommandLine.argc)).map { i in
      guard let arg = CommandLine.unsafeArgv[i] else { return "" }
      return FilePath.string(fromSystemBytes: UnsafeRawBufferPointer(start: arg, count: strlen(arg)))
    }
  }
}

/// A command whose last positional argument is a list of paths (see `Orglint.parse`).
protocol TakesTrailingPaths: ParsableCommand {
  var paths: [String] { get set }
}

extension Lint: TakesTrailingPaths {}
extension Eval: TakesTrailingPaths {}
extension Rules.Test: TakesTrailingPaths {}

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
