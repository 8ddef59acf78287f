import Foundation
import Testing

@testable import Reporting

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
