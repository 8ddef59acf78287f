import Foundation
import Testing

/// A program some tests need besides Swift and libyaml: python3 (with modules such as jsonschema or PyYAML), or a
/// command such as the AWS CLI. Found the way the tests run it: `python3` and commands on `PATH`.
///
/// A plain `swift test` on a machine without the tool skips the tests that need it, each with a line naming the tool
/// (`Test … was cancelled: skipped: needs python3 module jsonschema …`); with `ORGLINT_REQUIRE_TOOLS=1` (set by
/// .ci/run, which installs the tools) a missing tool fails those tests instead. Use it as a trait:
/// `@Test(.requires(.python("jsonschema"), for: "SARIF schema validation"))`.
public struct ExternalTool: Sendable, Hashable, CustomStringConvertible {
  /// What is needed, for messages: `python3`, `python3 modules jsonschema, yaml`, `command aws`.
  public let description: String
  /// The probe run through `/usr/bin/env`: exit status 0 means the tool is there.
  let probe: [String]

  /// python3 on PATH able to import every module of `modules` (none: python3 itself).
  public static func python(_ modules: String...) -> ExternalTool {
    let name =
      modules.isEmpty ? "python3" : "python3 module\(modules.count == 1 ? "" : "s") \(modules.joined(separator: ", "))"
    return ExternalTool(
      description: name, probe: ["python3", "-c", modules.isEmpty ? "" : "import " + modules.joined(separator: ", ")])
  }

  /// An executable named `name` on PATH.
  public static func command(_ name: String) -> ExternalTool {
    ExternalTool(description: "command \(name)", probe: ["sh", "-c", "command -v \"$0\"", name])
  }

  /// A file matching the shell pattern `pattern` (relative to the current folder or absolute), such as a build
  /// product that only some runs make; `description` says what it is and how it is made.
  public static func file(matching pattern: String, description: String) -> ExternalTool {
    ExternalTool(
      description: description, probe: ["sh", "-c", "for f in $0; do [ -f \"$f\" ] && exit 0; done; exit 1", pattern])
  }

  /// True when the probe succeeds; probed once per process.
  public var isAvailable: Bool {
    if let known = ExternalToolCache.shared.lookup(self) { return known }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = probe
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    var available = false
    if (try? process.run()) != nil {
      process.waitUntilExit()
      available = process.terminationStatus == 0
    }
    ExternalToolCache.shared.store(self, available)
    return available
  }

  /// True when `ORGLINT_REQUIRE_TOOLS=1`: a missing tool is a failure rather than a skip.
  public static var toolsRequired: Bool { ProcessInfo.processInfo.environment["ORGLINT_REQUIRE_TOOLS"] == "1" }
}

/// Probe results, shared by the tests of one process.
private final class ExternalToolCache: @unchecked Sendable {
  static let shared = ExternalToolCache()
  private let lock = NSLock()
  private var known: [ExternalTool: Bool] = [:]

  func lookup(_ tool: ExternalTool) -> Bool? { lock.withLock { known[tool] } }
  func store(_ tool: ExternalTool, _ available: Bool) { lock.withLock { known[tool] = available } }
}

/// The trait behind `.requires(...)`: runs the test when every tool is there; otherwise skips it with the missing
/// tools named, or, under `ORGLINT_REQUIRE_TOOLS=1`, records a failure naming them without running it.
public struct RequiresTools: TestTrait, SuiteTrait, TestScoping {
  public let tools: [ExternalTool]
  /// What the test checks with the tools, for the skip message: `SARIF schema validation`.
  public let purpose: String

  public var isRecursive: Bool { true }

  public func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    let missing = tools.filter { !$0.isAvailable }
    guard !missing.isEmpty else { return try await function() }
    let names = missing.map(\.description).joined(separator: " and ")
    if ExternalTool.toolsRequired {
      Issue.record(
        Comment(rawValue: "\(names) missing with ORGLINT_REQUIRE_TOOLS=1: \(purpose) did not run"),
        sourceLocation: test.sourceLocation)
      return
    }
    let reason = "skipped: needs \(names) (\(purpose)); .ci/run provides it; ORGLINT_REQUIRE_TOOLS=1 makes this a failure"
    try Test.cancel(Comment(rawValue: reason))
  }
}

extension Trait where Self == RequiresTools {
  /// Runs the test (or every test of the suite) only when `tools` are there; see `ExternalTool`.
  public static func requires(_ tools: ExternalTool..., for purpose: String) -> Self {
    RequiresTools(tools: tools, purpose: purpose)
  }
}
