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

  @Test func didYouMean() {
    #expect(DidYouMean.suggestion(for: "emial", among: ["email", "name", "id"]) == "email")
    #expect(DidYouMean.suggestion(for: "zzzzzz", among: ["email", "name"]) == nil)
  }
}
