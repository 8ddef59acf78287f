#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes an output file without destroying anything:
///
/// - a regular file (or a new one) is replaced atomically, so that readers see the old content or the new, never a
///   part: a temporary file in the same folder, written in full, flushed to disk, then renamed over the target (and the
///   folder flushed). The existing file's permission bits (and, when running as root, its owner) are kept; SIGINT or
///   SIGTERM during the write removes the temporary file before the process ends;
/// - a symlink is followed: its target is written, the link stays;
/// - a character device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written through, never replaced;
/// - anything else (a folder, a block device, a socket) is refused.
public enum AtomicFileWriter {
  /// Writes `text` (UTF-8) to `path`; on failure a regular target is untouched and no temporary file is left behind.
  public static func write(_ text: String, to path: String) throws(AtomicWriteError) {
    try write(to: path, beforeRename: nil) { output in Self.chunks(of: text, output) }
  }

  /// Writes the bytes `produce` hands to its argument, chunk after chunk, to `path`, as `write(_:to:)` writes a text:
  /// a large output is never held whole. After a failed write the remaining chunks are dropped and the error thrown.
  public static func write(to path: String, _ produce: Content) throws(AtomicWriteError) {
    try write(to: path, beforeRename: nil, produce)
  }

  /// What a streamed write writes: a function that hands every chunk, in order, to the function it is given.
  public typealias Content = ((UnsafeRawBufferPointer) -> Void) -> Void

  /// `write(to:_:)`, calling `beforeRename` once the temporary file is complete (tests use it to interrupt a write).
  static func write(to path: String, beforeRename: (() -> Void)?, _ produce: Content) throws(AtomicWriteError) {
    let target = try OutputTarget(path)
    switch target.kind {
    case .writtenThrough:
      try writeThrough(produce, to: target)
    case .replaced, .created:
      try replace(target, with: produce, beforeRename: beforeRename)
    }
  }

  /// `write(_:to:)`, calling `beforeRename` once the temporary file is complete.
  static func write(_ text: String, to path: String, beforeRename: (() -> Void)?) throws(AtomicWriteError) {
    try write(to: path, beforeRename: beforeRename) { output in Self.chunks(of: text, output) }
  }

  /// Hands `text` on as one chunk.
  private static func chunks(of text: String, _ output: (UnsafeRawBufferPointer) -> Void) {
    var text = text
    text.withUTF8 { output(UnsafeRawBufferPointer($0)) }
  }

  /// Opens a character device or FIFO and writes to it.
  private static func writeThrough(_ produce: Content, to target: OutputTarget) throws(AtomicWriteError) {
    let fd = FilePath.withSystemPath(target.resolvedPath) { open($0, O_WRONLY | O_NOCTTY | O_CLOEXEC) }
    guard fd >= 0 else { throw AtomicWriteError(path: target.path, reason: systemError()) }
    defer { close(fd) }
    if let reason = writeAll(produce, to: fd) { throw AtomicWriteError(path: target.path, reason: reason) }
  }

  /// The atomic replace of a regular file (or the creation of a new one).
  private static func replace(_ target: OutputTarget, with produce: Content, beforeRename: (() -> Void)?)
    throws(AtomicWriteError)
  {
    let path = target.path
    let resolved = target.resolvedPath
    let slash = resolved.lastIndex(of: "/")
    let directory = slash.map { $0 == resolved.startIndex ? "/" : String(resolved[..<$0]) } ?? "."
    let name = slash.map { String(resolved[resolved.index(after: $0)...]) } ?? resolved
    let templateBytes = FilePath.systemBytes("\(directory)/.\(name).XXXXXX")
    // One replace at a time in the process: the signal handler's state is process-wide.
    pthread_mutex_lock(replaceLock)
    defer { pthread_mutex_unlock(replaceLock) }
    let interruption = InterruptionCleanup(templateBytes)
    defer { interruption.finish() }
    let fd = mkstemp(interruption.path)
    guard fd >= 0 else { throw AtomicWriteError(path: path, reason: systemError()) }
    interruption.created()
    var ok = false
    defer {
      if !ok { unlink(interruption.path) }
    }
    do {
      defer { close(fd) }
      if let existing = target.existing {
        guard fchmod(fd, existing.st_mode & 0o7777) == 0 else {
          throw AtomicWriteError(path: path, reason: systemError())
        }
        if geteuid() == 0, existing.st_uid != 0 || existing.st_gid != 0 {
          guard fchown(fd, existing.st_uid, existing.st_gid) == 0 else {
            throw AtomicWriteError(path: path, reason: systemError())
          }
          // chown clears set-user-ID and set-group-ID bits: set the mode again.
          guard fchmod(fd, existing.st_mode & 0o7777) == 0 else {
            throw AtomicWriteError(path: path, reason: systemError())
          }
        }
      } else {
        let mask = umask(0)
        umask(mask)
        guard fchmod(fd, 0o666 & ~mask) == 0 else { throw AtomicWriteError(path: path, reason: systemError()) }
      }
      if let reason = writeAll(produce, to: fd) { throw AtomicWriteError(path: path, reason: reason) }
      guard fsync(fd) == 0 else { throw AtomicWriteError(path: path, reason: systemError()) }
    }
    beforeRename?()
    guard rename(interruption.path, FilePath.systemBytes(resolved).map { CChar(bitPattern: $0) } + [0]) == 0 else {
      throw AtomicWriteError(path: path, reason: systemError())
    }
    ok = true
    interruption.finish()
    let dirFD = FilePath.withSystemPath(directory) { open($0, O_RDONLY | O_CLOEXEC) }
    if dirFD >= 0 {
      _ = fsync(dirFD)
      close(dirFD)
    }
  }

  /// Writes every byte `produce` hands on to `fd`; the system's reason on failure (later chunks are then dropped).
  private static func writeAll(_ produce: Content, to fd: Int32) -> String? {
    var failure: String?
    produce { buffer in
      guard failure == nil, let base = buffer.baseAddress else { return }
      var done = 0
      while done < buffer.count {
        let n = systemWrite(fd, base + done, buffer.count - done)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else {
          failure = n == 0 ? "nothing was written" : systemError()
          return
        }
        done += n
      }
    }
    return failure
  }

  static func systemError() -> String {
    guard let message = strerror(errno) else { return "error \(errno)" }
    return String(decoding: UnsafeRawBufferPointer(start: message, count: strlen(message)), as: UTF8.self)
  }
}

/// Where an output path leads: the file that will be written once symlinks are followed, and how.
public struct OutputTarget {
  /// How the target is written.
  public enum Kind: Sendable {
    /// A regular file, replaced atomically.
    case replaced
    /// No file yet: created atomically.
    case created
    /// A character device or FIFO, opened and written.
    case writtenThrough
  }

  /// The path as given.
  public let path: String
  /// The path with every symlink along it followed (absolute when a link was followed, else as given).
  public let resolvedPath: String
  public let kind: Kind
  /// The file as it is now, when it exists.
  public let existing: stat?

  /// The identity of the file that will be written, when it exists.
  public var identity: FileIdentity? { existing.map(FileIdentity.init) }

  /// Resolves `path`; refuses folders, block devices, sockets, symlink loops and empty names.
  public init(_ path: String) throws(AtomicWriteError) {
    self.path = path
    guard !path.isEmpty else { throw AtomicWriteError(path: path, reason: "no file name given") }
    guard !path.hasSuffix("/") else { throw AtomicWriteError(path: path, reason: "names a directory") }
    var info = stat()
    // An existing file: the kernel follows the links (including /proc's, such as /dev/stdout → pipe:[123]).
    if FilePath.withSystemPath(path, { stat($0, &info) }) == 0 {
      existing = info
      switch info.st_mode & S_IFMT {
      case S_IFREG:
        kind = .replaced
        resolvedPath = Self.realPath(path) ?? path
      case S_IFCHR, S_IFIFO:
        kind = .writtenThrough
        resolvedPath = path  // opened as named
      case S_IFDIR: throw AtomicWriteError(path: path, reason: "is a directory")
      default:
        throw AtomicWriteError(
          path: path,
          reason: "is \(FileKind.describe(info)); orglint writes only regular files, character devices and FIFOs")
      }
      return
    }
    guard errno == ENOENT else { throw AtomicWriteError(path: path, reason: AtomicFileWriter.systemError()) }
    // A new file, possibly behind a dangling symlink: create the file the link names.
    var current = path
    var hops = 0
    while FilePath.withSystemPath(current, { lstat($0, &info) }) == 0, info.st_mode & S_IFMT == S_IFLNK {
      hops += 1
      guard hops <= 40 else { throw AtomicWriteError(path: path, reason: "too many levels of symbolic links") }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let n = FilePath.withSystemPath(current) { readlink($0, &buffer, buffer.count - 1) }
      guard n > 0 else { throw AtomicWriteError(path: path, reason: AtomicFileWriter.systemError()) }
      let link = FilePath.string(fromSystemBytes: buffer[0..<n].map { UInt8(bitPattern: $0) })
      if link.hasPrefix("/") {
        current = link
      } else {
        let folder = current.lastIndex(of: "/").map { String(current[...$0]) } ?? ""
        current = folder + link
      }
    }
    guard !current.hasSuffix("/") else { throw AtomicWriteError(path: path, reason: "names a directory") }
    resolvedPath = current
    kind = .created
    existing = nil
  }

  /// The absolute path of an existing file with every symlink resolved.
  private static func realPath(_ path: String) -> String? {
    guard let resolved = FilePath.withSystemPath(path, { realpath($0, nil) }) else { return nil }
    defer { free(resolved) }
    return FilePath.string(fromSystemBytes: UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
  }
}

/// Removes the temporary file of an atomic write when SIGINT or SIGTERM arrives before the rename, then lets the
/// signal do what it did before (by default: end the process). Signals ignored before stay ignored.
private final class InterruptionCleanup {
  /// The temporary file's path (the mkstemp template until `mkstemp` fills it in).
  let path: UnsafeMutablePointer<CChar>
  private var active = false

  init(_ templateBytes: [UInt8]) {
    path = .allocate(capacity: templateBytes.count + 1)
    for (i, b) in templateBytes.enumerated() { path[i] = CChar(bitPattern: b) }
    path[templateBytes.count] = 0
  }

  /// The temporary file exists: from now on SIGINT and SIGTERM remove it.
  func created() {
    pendingTemporaryFile = path
    for (slot, signal) in cleanedSignals.enumerated() {
      savedActionIsValid[slot] = false
      sigaction(signal, nil, &savedActions[slot])
      if isIgnored(savedActions[slot]) { continue }
      var action = sigaction()
      setHandler(&action, removeTemporaryFileAndResignal)
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      if sigaction(signal, &action, nil) == 0 { savedActionIsValid[slot] = true }
    }
    active = true
  }

  /// The write is over (renamed or failed): signals do again what they did before.
  func finish() {
    guard active else { return }
    active = false
    for (slot, signal) in cleanedSignals.enumerated() where savedActionIsValid[slot] {
      savedActionIsValid[slot] = false
      sigaction(signal, &savedActions[slot], nil)
    }
    pendingTemporaryFile = nil
  }

  deinit {
    finish()
    path.deallocate()
  }
}

/// Serialises atomic replaces (their signal-handling state is global).
nonisolated(unsafe) private let replaceLock: UnsafeMutablePointer<pthread_mutex_t> = {
  let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  pthread_mutex_init(lock, nil)
  return lock
}()

/// The signals after which a temporary file is removed.
private let cleanedSignals: [Int32] = [SIGINT, SIGTERM]
/// The temporary file the signal handler removes; nil when no write is under way.
nonisolated(unsafe) private var pendingTemporaryFile: UnsafeMutablePointer<CChar>?
/// What SIGINT and SIGTERM did before the write (slots in the order of `cleanedSignals`), read by the handler.
nonisolated(unsafe) private let savedActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 2)
nonisolated(unsafe) private let savedActionIsValid = UnsafeMutablePointer<Bool>.allocate(capacity: 2)

private func isIgnored(_ action: sigaction) -> Bool {
  #if canImport(Glibc)
    return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1  // SIG_IGN
  #else
    return unsafeBitCast(action.__sigaction_u.__sa_handler, to: Int.self) == 1
  #endif
}

private func setHandler(_ action: inout sigaction, _ handler: (@convention(c) (Int32) -> Void)?) {
  #if canImport(Glibc)
    action.__sigaction_handler.sa_handler = handler
  #else
    action.__sigaction_u.__sa_handler = handler
  #endif
}

/// The signal handler (async-signal-safe calls only): removes the temporary file, puts back what the signal did
/// before the write and sends it again, so that it takes effect once this handler returns.
private func removeTemporaryFileAndResignal(_ signal: Int32) {
  if let path = pendingTemporaryFile { unlink(path) }
  let slot = signal == SIGINT ? 0 : 1
  if savedActionIsValid[slot] {
    savedActionIsValid[slot] = false
    sigaction(signal, &savedActions[slot], nil)
  } else {
    var action = sigaction()
    setHandler(&action, nil)  // SIG_DFL
    sigemptyset(&action.sa_mask)
    sigaction(signal, &action, nil)
  }
  raise(signal)
}

/// POSIX `write(2)`, under a name the enum's own `write` does not shadow.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
