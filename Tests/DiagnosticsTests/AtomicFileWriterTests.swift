import Foundation
import Testing

@testable import Diagnostics

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct AtomicFileWriterTests {
  /// A fresh empty directory.
  func temporaryDirectory() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-atomic-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  @Test func writesAndReplacesWithoutLeftovers() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/out.sarif"
    try AtomicFileWriter.write("first\n", to: path)
    try AtomicFileWriter.write("second é\n", to: path)
    #expect(String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) == "second é\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.sarif"])
    let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    let mask = umask(0)
    umask(mask)
    #expect(permissions == 0o666 & ~Int(mask))
  }

  /// A streamed write: the chunks, in order, replace the file at once; while they are written the old content stays.
  @Test func streamedChunksReplaceTheFileWhole() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/out.json"
    try AtomicFileWriter.write("old\n", to: path)
    var seenDuringWrite: [String] = []
    try AtomicFileWriter.write(to: path) { output in
      for chunk in ["{", "\"a\" : 1", "é}\n"] {
        var chunk = chunk
        chunk.withUTF8 { output(UnsafeRawBufferPointer($0)) }
        seenDuringWrite.append(String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self))
      }
    }
    #expect(seenDuringWrite == ["old\n", "old\n", "old\n"])
    #expect(String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) == "{\"a\" : 1é}\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.json"])
  }

  @Test func relativePathInCurrentDirectoryStyle() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try AtomicFileWriter.write("", to: dir + "/empty.json")
    #expect(FileManager.default.contents(atPath: dir + "/empty.json") == Data())
  }

  @Test func failuresLeaveNothingBehind() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(throws: AtomicWriteError.self) { try AtomicFileWriter.write("x", to: dir + "/missing/out.json") }
    // Renaming a file over a non-empty directory fails: the directory stays, and no temporary file is left.
    try FileManager.default.createDirectory(atPath: dir + "/taken/sub", withIntermediateDirectories: true)
    let error = #expect(throws: AtomicWriteError.self) { try AtomicFileWriter.write("x", to: dir + "/taken") }
    #expect(error?.description.hasPrefix(dir + "/taken: cannot write: ") == true)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["taken"])
    #expect(throws: AtomicWriteError(path: dir + "/", reason: "names a directory")) {
      try AtomicFileWriter.write("x", to: dir + "/")
    }
    #expect(throws: AtomicWriteError(path: "", reason: "no file name given")) {
      try AtomicFileWriter.write("x", to: "")
    }
  }
}

/// SIGTERM during an atomic write: the temporary file is removed and the signal then does what it did before (here:
/// a handler that counts it, so that the test process survives).
@Suite(.serialized) struct AtomicWriteInterruptionTests {
  @Test func sigtermDuringAWriteRemovesTheTemporaryFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-sig-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var old = sigaction()
    var counting = sigaction()
    counting.__sigaction_handler.sa_handler = { _ in receivedSignals += 1 }
    sigemptyset(&counting.sa_mask)
    sigaction(SIGTERM, &counting, &old)
    defer { sigaction(SIGTERM, &old, nil) }
    receivedSignals = 0
    // Test threads may block signals: let SIGTERM through on this one.
    var unblock = sigset_t()
    var oldMask = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &unblock, &oldMask)
    defer { pthread_sigmask(SIG_SETMASK, &oldMask, nil) }
    var tempSeen: [String] = []
    let error = #expect(throws: AtomicWriteError.self) {
      try AtomicFileWriter.write("report\n", to: dir + "/out.json") {
        tempSeen = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        raise(SIGTERM)
      }
    }
    #expect(tempSeen.count == 1 && tempSeen[0].hasPrefix(".out.json."))
    #expect(receivedSignals == 1)  // the earlier handler ran after the cleanup
    #expect(error?.description.hasPrefix(dir + "/out.json: cannot write: ") == true)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [])
    // The writer put the earlier handler back.
    var now = sigaction()
    sigaction(SIGTERM, nil, &now)
    #expect(unsafeBitCast(now.__sigaction_handler.sa_handler, to: Int.self)
      == unsafeBitCast(counting.__sigaction_handler.sa_handler, to: Int.self))
  }

  @Test func symlinkTargetIsWrittenAndModeKept() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-link-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "old".write(toFile: dir + "/real.json", atomically: false, encoding: .utf8)
    chmod(dir + "/real.json", 0o640)
    symlink("real.json", dir + "/link.json")
    try AtomicFileWriter.write("new\n", to: dir + "/link.json")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.json") == "real.json")
    #expect(try String(contentsOfFile: dir + "/real.json", encoding: .utf8) == "new\n")
    var info = stat()
    stat(dir + "/real.json", &info)
    #expect(info.st_mode & 0o7777 == 0o640)
    // A dangling link: its target is created.
    symlink("made.json", dir + "/dangling.json")
    try AtomicFileWriter.write("x", to: dir + "/dangling.json")
    #expect(try String(contentsOfFile: dir + "/made.json", encoding: .utf8) == "x")
    // A loop is refused.
    symlink("loop2", dir + "/loop1")
    symlink("loop1", dir + "/loop2")
    #expect(throws: AtomicWriteError(path: dir + "/loop1", reason: "Too many levels of symbolic links")) {
      try AtomicFileWriter.write("x", to: dir + "/loop1")
    }
  }
}

nonisolated(unsafe) private var receivedSignals = 0
