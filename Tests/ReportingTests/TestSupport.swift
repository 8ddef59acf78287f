import Foundation
import Testing

/// Paths of the package and the team's shared folder, and helpers that run python3 checks and compare golden files.
enum TestSupport {
  /// The package root (this file is `Tests/ReportingTests/TestSupport.swift`).
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The SARIF 2.1.0 schema: `shared/schemas/` next to the package or above it (worktrees sit deeper than main).
  static func sarifSchemaPath() -> String? {
    var dir = packageRoot
    for _ in 0..<4 {
      dir = dir.deletingLastPathComponent()
      let candidate = dir.appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json").path
      if FileManager.default.fileExists(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// The outcome of a python3 run.
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `python3 -c script arguments...` with `input` on stdin.
  static func python(_ script: String, _ arguments: [String] = [], input: String = "") throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Read both pipes while writing, so neither side blocks on a full pipe.
    nonisolated(unsafe) var out = Data()
    nonisolated(unsafe) var err = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      out = stdout.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      err = stderr.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    group.wait()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
  }

  /// Compares `actual` with `Golden/<name>`; with `ORGLINT_UPDATE_GOLDEN=1` rewrites the file and fails, so the new
  /// file is reviewed before the test passes again.
  static func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = packageRoot.appendingPathComponent("Tests/ReportingTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["ORGLINT_UPDATE_GOLDEN"] == "1" {
      try? Data(actual.utf8).write(to: url)
      Issue.record(
        "rewrote \(url.path); review it and run again without ORGLINT_UPDATE_GOLDEN", sourceLocation: sourceLocation)
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      Issue.record("missing golden file \(url.path)", sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    #expect(actual == expected, "differs from Golden/\(name)", sourceLocation: sourceLocation)
  }
}
