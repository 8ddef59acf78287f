import Foundation

/// Runs a python3 script the way every test that checks orglint's output with Python does: `python3 -c script
/// arguments...` from PATH, `input` on stdin, both output pipes drained while writing so neither side blocks.
/// Tests that call it carry `.requires(.python(...), for:)`.
public enum PythonScript {
  /// What one run produced.
  public struct Outcome: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  public static func run(_ script: String, _ arguments: [String] = [], input: String = "") throws -> Outcome {
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
    nonisolated(unsafe) var out = Data()
    nonisolated(unsafe) var err = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      out = stdout.fileHandleForReading.readAllRetryingInterrupts()
      group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      err = stderr.fileHandleForReading.readAllRetryingInterrupts()
      group.leave()
    }
    try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))  // python3 may exit without reading
    try stdin.fileHandleForWriting.close()
    group.wait()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
  }
}
