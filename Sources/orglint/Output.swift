import ArgumentParser
import Diagnostics
import OrgModel
import Reporting
import RuleEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The C library's `write` (inside `StandardOutput`, a bare `write` names its own method).
private func writeToDescriptor(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }

/// Standard output, written with every error checked: a full disk, a closed pipe or a closed standard output is a
/// message on standard error and exit code 2, never a report silently cut short (SIGPIPE is ignored, see
/// `StandardStreams.prepare`).
enum StandardOutput {
  /// Writes `text` in full, or reports why it could not and exits with 2.
  static func write(_ text: String) throws {
    var text = text
    try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
  }

  /// Writes `bytes` in full, or throws why it could not.
  static func write(_ bytes: UnsafeRawBufferPointer) throws(StandardOutputError) {
    guard let base = bytes.baseAddress else { return }
    var done = 0
    while done < bytes.count {
      let n = writeToDescriptor(1, base + done, bytes.count - done)
      if n < 0, errno == EINTR { continue }
      guard n > 0 else { throw StandardOutputError(code: n == 0 ? EIO : errno) }
      done += n
    }
  }

  /// Writes `text` and a line break.
  static func line(_ text: String) throws { try write(text + "\n") }

  /// False when standard output was closed when orglint started (`>&-`): a command that would write its result
  /// there can stop before doing its work.
  static var isOpen: Bool { !StandardStreams.closedAtStart.contains(1) }
}

/// Standard output could not be written: reported as `orglint: error: cannot write to standard output: …`, exit 2.
struct StandardOutputError: Error, CustomStringConvertible {
  let code: Int32
  var description: String { "cannot write to standard output: \(String(cString: strerror(code)))" }
}

/// The three standard streams at start-up.
enum StandardStreams {
  /// The standard streams that were closed at start-up (set once by `prepare`, before any command runs).
  nonisolated(unsafe) private(set) static var closedAtStart: Set<Int32> = []

  /// Ignores SIGPIPE, so that a closed pipe is the error EPIPE on the write instead of a silent death; a standard
  /// stream that is closed gets `/dev/null` opened *read-only* in its place, so that no file orglint opens later takes
  /// its number (a report written "to standard output" would land in that file) and writes to it still fail.
  static func prepare() {
    signal(SIGPIPE, SIG_IGN)
    for fd: Int32 in [0, 1, 2] where fcntl(fd, F_GETFD) < 0 && errno == EBADF {
      closedAtStart.insert(fd)
      let placeholder = open("/dev/null", O_RDONLY)
      if placeholder >= 0, placeholder != fd {
        dup2(placeholder, fd)
        close(placeholder)
      }
    }
  }
}

/// Where a command writes: `--output FILE` (or `-`, standard output) and `--write-baseline FILE`, checked before
/// anything is written: a target that is one of the run's inputs, or two outputs naming the same file, are refused
/// with exit code 2.
struct OutputPlan {
  /// An output file and the option that named it.
  struct Destination {
    let option: String
    let target: OutputTarget
  }

  private(set) var destinations: [Destination] = []

  /// Resolves `path` (nil or `-`: standard output, nothing to check).
  mutating func add(_ path: String?, option: String) throws {
    guard let path, path != "-" else { return }
    do {
      destinations.append(Destination(option: option, target: try OutputTarget(path)))
    } catch {
      standardError("orglint: error: \(option) \(error)")
      throw ExitCode(2)
    }
  }

  /// Refuses outputs that would overwrite an input file (`inputs`: by identity, with the path it was read by) or
  /// each other.
  func check(against inputs: [FileIdentity: String]) throws {
    for d in destinations {
      if let identity = d.target.identity, let input = inputs[identity] {
        let same = input == d.target.path ? "" : " (the same file as \(input))"
        standardError(
          "orglint: error: \(d.option) \(d.target.path): is an input of this run\(same); writing it would destroy "
            + "it: choose another file")
        throw ExitCode(2)
      }
    }
    for (i, a) in destinations.enumerated() {
      for b in destinations[(i + 1)...] where a.target.kind != .writtenThrough && a.target.sameFile(as: b.target) {
        standardError(
          "orglint: error: \(a.option) \(a.target.path) and \(b.option) \(b.target.path) name the same file; one "
            + "would overwrite the other")
        throw ExitCode(2)
      }
    }
  }
}

extension OutputTarget {
  /// True when both lead to one file: the same identity, or (not created yet) the same resolved path.
  func sameFile(as other: OutputTarget) -> Bool {
    if let a = identity, let b = other.identity { return a == b }
    guard identity == nil, other.identity == nil else { return false }
    let cwd = FilePath.currentDirectory()
    return FilePath.absolute(resolvedPath, cwd: cwd) == FilePath.absolute(other.resolvedPath, cwd: cwd)
  }
}

/// Writes `text` to `output` (through `AtomicFileWriter`), or to standard output when it is nil or `-`.
func emit(_ text: String, to output: String?) throws {
  try emit(to: output) { write in
    var text = text
    text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
  }
}

/// Writes the chunks `produce` hands on to `output` (through `AtomicFileWriter`: the file is replaced only once every
/// chunk is written), or to standard output when it is nil or `-`, so that a large report is never held whole. After
/// a failed write the remaining chunks are dropped and the error reported (exit code 2).
func emit(to output: String?, _ produce: AtomicFileWriter.Content) throws {
  guard let output, output != "-" else {
    var failure: StandardOutputError?
    produce { chunk in
      guard failure == nil else { return }
      do throws(StandardOutputError) { try StandardOutput.write(chunk) } catch { failure = error }
    }
    if let failure { throw failure }
    return
  }
  do {
    try AtomicFileWriter.write(to: output, produce)
  } catch {
    standardError("orglint: error: \(error)")
    throw ExitCode(2)
  }
}
