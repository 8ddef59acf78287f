#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file so that readers see the old content or the new, never a part: a temporary file in the same
/// directory, written in full, flushed to disk, then renamed over the target (and the directory flushed).
public enum AtomicFileWriter {
  /// Writes `text` (UTF-8) to `path`; on failure the target is untouched and no temporary file is left behind.
  public static func write(_ text: String, to path: String) throws(AtomicWriteError) {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard !name.isEmpty else {
      throw AtomicWriteError(path: path, reason: path.isEmpty ? "no file name given" : "names a directory")
    }
    var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw AtomicWriteError(path: path, reason: systemError()) }
    let temp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var ok = false
    defer {
      if !ok { unlink(temp) }
    }
    do {
      defer { close(fd) }
      let mask = umask(0)
      umask(mask)
      guard fchmod(fd, 0o666 & ~mask) == 0 else { throw AtomicWriteError(path: path, reason: systemError()) }
      var bytes = Array(text.utf8)
      var done = 0
      while done < bytes.count {
        let n = bytes.withUnsafeMutableBytes { systemWrite(fd, $0.baseAddress! + done, $0.count - done) }
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { throw AtomicWriteError(path: path, reason: systemError()) }
        done += n
      }
      bytes.removeAll()
      guard fsync(fd) == 0 else { throw AtomicWriteError(path: path, reason: systemError()) }
    }
    guard rename(temp, path) == 0 else { throw AtomicWriteError(path: path, reason: systemError()) }
    ok = true
    let dirFD = open(directory, O_RDONLY)
    if dirFD >= 0 {
      _ = fsync(dirFD)
      close(dirFD)
    }
  }

  private static func systemError() -> String {
    guard let message = strerror(errno) else { return "error \(errno)" }
    return String(decoding: UnsafeRawBufferPointer(start: message, count: strlen(message)), as: UTF8.self)
  }
}

/// POSIX `write(2)`, under a name the enum's own `write` does not shadow.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
