import Foundation
import OrglintTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the built `orglint` executable as a subprocess, as a user or a CI job would: arguments, a working folder,
/// a controlled environment, no standard input, and a timeout so that a hang fails the test instead of the suite.
enum OrglintProcess {
  /// What one run of the binary produced.
  struct Outcome: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutData: Data
    var seconds: Double
    var timedOut: Bool

    /// stdout split into lines (without the final empty one).
    var lines: [String] {
      var parts = stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if parts.last == "" { parts.removeLast() }
      return parts
    }
  }

  /// The package root (this file is `Tests/orglintTests/OrglintProcess.swift`).
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// The pinned clock of every run on the Examples (their READMEs are written for it).
  static let now = "2026-11-25T00:00:00Z"

  /// The `orglint` executable in the products folder that holds this test bundle: on Linux the test runner is the
  /// `.xctest` executable itself, on macOS a bundle; either way the products folder is its parent (the same lookup as
  /// swift-argument-parser's `AssertExecuteCommand`). `ORGLINT_BINARY` overrides it.
  static let binary: String = {
    if let path = ProcessInfo.processInfo.environment["ORGLINT_BINARY"], !path.isEmpty { return path }
    var candidates: [URL] = []
    if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
      candidates.append(bundle.bundleURL.deletingLastPathComponent())
    }
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var dir = runner
    for _ in 0..<4 {  // <products>/orglintPackageTests.xctest/Contents/MacOS/orglintPackageTests on macOS
      dir = dir.deletingLastPathComponent()
      candidates.append(dir)
    }
    candidates.append(URL(fileURLWithPath: packageRoot).appendingPathComponent(".build/debug"))
    for folder in candidates {
      let path = folder.appendingPathComponent("orglint").path
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return candidates.first.map { $0.appendingPathComponent("orglint").path } ?? "orglint"
  }()

  /// Environment variables that change orglint's output and are therefore never inherited.
  static let scrubbed: Set<String> = ["NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM", "COLUMNS"]

  /// Runs `orglint arguments` in `directory` (default: the package root), with the test runner's environment
  /// minus `scrubbed`, plus `environment` (a nil value removes a variable). Standard input is `/dev/null`.
  /// `terminal`: standard output is a pseudo-terminal instead of a pipe (line ends come back as `\n`).
  static func run(
    _ arguments: [String], in directory: String? = nil, environment: [String: String?] = [:],
    terminal: Bool = false, timeout: Double = 60
  ) throws -> Outcome {
    var env = ProcessInfo.processInfo.environment.filter { !scrubbed.contains($0.key) }
    env["TERM"] = "xterm-256color"
    for (key, value) in environment { env[key] = value }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory ?? packageRoot)
    process.environment = env
    process.standardInput = FileHandle.nullDevice
    let errPipe = Pipe()
    process.standardError = errPipe

    let out = Collector()
    let err = Collector()
    let readers = DispatchGroup()
    var terminalSide: FileHandle?
    if terminal {
      let pty = try PseudoTerminal()
      process.standardOutput = pty.secondary
      terminalSide = pty.secondary
      out.collect(fd: pty.primary.fileDescriptor, keeping: pty.primary, in: readers)
    } else {
      let outPipe = Pipe()
      process.standardOutput = outPipe
      out.collect(handle: outPipe.fileHandleForReading, in: readers)
    }
    err.collect(handle: errPipe.fileHandleForReading, in: readers)

    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    let start = ContinuousClock.now
    try process.run()
    try terminalSide?.close()  // the child holds its own copy; the reader sees EOF when the child exits
    var timedOut = false
    if exited.wait(timeout: .now() + timeout) == .timedOut {
      timedOut = true
      kill(process.processIdentifier, SIGKILL)
      exited.wait()
    }
    let elapsed = ContinuousClock.now - start
    readers.wait()
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    var stdoutData = out.data
    if terminal { stdoutData = Data(String(decoding: stdoutData, as: UTF8.self).replacing("\r\n", with: "\n").utf8) }
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
      stderr: String(decoding: err.data, as: UTF8.self), stdoutData: stdoutData, seconds: seconds,
      timedOut: timedOut)
  }

  /// `orglint lint arguments... --now <pinned>`.
  static func lint(
    _ arguments: [String], in directory: String? = nil, environment: [String: String?] = [:], timeout: Double = 60
  ) throws -> Outcome {
    try run(["lint"] + arguments + ["--now", now], in: directory, environment: environment, timeout: timeout)
  }
}

/// Reads one output stream to its end on a background thread.
private final class Collector: @unchecked Sendable {
  private let lock = NSLock()
  private var buffer = Data()

  var data: Data { lock.withLock { buffer } }

  func collect(handle: FileHandle, in group: DispatchGroup) {
    DispatchQueue.global().async(group: group) {
      let data = handle.readAllRetryingInterrupts()
      self.lock.withLock { self.buffer = data }
    }
  }

  /// Reads a pseudo-terminal's primary side until the secondary side is closed (read fails with EIO).
  func collect(fd: Int32, keeping owner: FileHandle, in group: DispatchGroup) {
    DispatchQueue.global().async(group: group) {
      var chunk = [UInt8](repeating: 0, count: 65536)
      var all = Data()
      while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n > 0 {
          all.append(contentsOf: chunk[0..<n])
        } else if n < 0, errno == EINTR {
          continue
        } else {
          break
        }
      }
      try? owner.close()
      self.lock.withLock { self.buffer = all }
    }
  }
}

/// A pseudo-terminal pair: the child writes to `secondary`, which `isatty` reports as a terminal.
private struct PseudoTerminal {
  let primary: FileHandle
  let secondary: FileHandle

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// glibc's pseudo-terminal calls, looked up at run time: Swift's Glibc module hides them behind _XOPEN_SOURCE.
  private static func libc<F>(_ name: String, as type: F.Type) throws -> F {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
      throw Failure(description: "no \(name) in the C library")
    }
    return unsafeBitCast(symbol, to: type)
  }

  init() throws {
    typealias IntFunction = @convention(c) (Int32) -> Int32
    let openpt = try Self.libc("posix_openpt", as: IntFunction.self)
    let grantpt = try Self.libc("grantpt", as: IntFunction.self)
    let unlockpt = try Self.libc("unlockpt", as: IntFunction.self)
    let ptsname = try Self.libc("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
    let fd = openpt(O_RDWR | O_NOCTTY)
    guard fd >= 0, grantpt(fd) == 0, unlockpt(fd) == 0, let name = ptsname(fd) else {
      throw Failure(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
    }
    let secondaryFD = open(name, O_RDWR | O_NOCTTY)
    guard secondaryFD >= 0 else { throw Failure(description: "cannot open \(String(cString: name))") }
    var attributes = termios()
    tcgetattr(secondaryFD, &attributes)
    attributes.c_oflag &= ~tcflag_t(ONLCR)  // keep "\n" as written
    tcsetattr(secondaryFD, TCSANOW, &attributes)
    primary = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
    secondary = FileHandle(fileDescriptor: secondaryFD, closeOnDealloc: false)
  }
}

/// A folder under the system temp folder, removed by `remove()` (call it in a `defer`).
struct TemporaryFolder {
  let path: String

  init() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    path = base.resolvingSymlinksInPath().path
  }

  /// Writes `text` to `relative` (folders created as needed) and returns the absolute path.
  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String {
    try write(relative, Data(text.utf8))
  }

  @discardableResult
  func write(_ relative: String, _ data: Data) throws -> String {
    let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
    return url.path
  }

  /// Creates the folder `relative` (e.g. `.git`, to mark a work tree's root).
  func makeFolder(_ relative: String) throws {
    try FileManager.default.createDirectory(
      atPath: path + "/" + relative, withIntermediateDirectories: true)
  }

  /// The names in the folder, sorted (hidden ones included).
  func contents(_ relative: String = "") throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? path : path + "/" + relative).sorted()
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
