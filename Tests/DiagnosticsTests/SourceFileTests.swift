import Foundation
import Testing
@testable import Diagnostics

@Suite struct SourceFileTests {
  @Test func locationsCountCodePointsAndBytes() {
    let file = SourceFile(path: "a.yaml", bytes: Array("ä: 1\nkey: é\n".utf8))
    #expect(file.lineCount == 3)
    #expect(file.location(atByteOffset: 0) == SourceLocation(line: 1, column: 1, offset: 0))
    // "ä" is 2 bytes, 1 code point: ':' is byte 2, column 2.
    #expect(file.location(atByteOffset: 2) == SourceLocation(line: 1, column: 2, offset: 2))
    // Line 2 starts at byte 6; 'é' at byte 11 is column 6.
    #expect(file.location(atByteOffset: 11) == SourceLocation(line: 2, column: 6, offset: 11))
    #expect(file.lineText(2) == "key: é")
    #expect(file.byteOffset(line: 2, column: 6) == 11)
  }

  @Test func bomAndCRLF() {
    let file = SourceFile(path: "a.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: 2\r\n".utf8))
    #expect(file.bomLength == 3)
    #expect(file.location(atByteOffset: 3) == SourceLocation(line: 1, column: 1, offset: 3))
    #expect(file.location(atByteOffset: 9) == SourceLocation(line: 2, column: 1, offset: 9))
    #expect(file.lineText(1) == "a: 1")
    #expect(file.lineText(2) == "b: 2")
  }

  @Test func loneCRAndUnicodeBreaks() {
    let file = SourceFile(path: "a.yaml", bytes: Array("a\rb\u{2028}c\u{85}d".utf8))
    #expect(file.lineCount == 4)
    #expect(file.lineText(2) == "b")
    #expect(file.lineText(4) == "d")
  }

  @Test func unreadableFileThrowsWithReason() {
    #expect(throws: SourceFileError.self) { try SourceFile.read(path: "/nonexistent/x.yaml") }
  }

  /// A regular file is read whole, byte for byte, at its size and around the 64 KiB chunk of the read loop.
  @Test(arguments: [0, 1, 4096, 65_535, 65_536, 65_537, 200_003])
  func regularFilesReadWhole(size: Int) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-read-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 251) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let file = try SourceFile.read(path: path, displayPath: "shown.yaml")
    #expect(file.bytes == bytes)
    #expect(file.path == "shown.yaml")
    #expect(file.identity != nil)
  }

  @Test func didYouMean() {
    #expect(DidYouMean.suggestion(for: "emial", among: ["email", "name", "id"]) == "email")
    #expect(DidYouMean.suggestion(for: "zzzzzz", among: ["email", "name"]) == nil)
  }
}
