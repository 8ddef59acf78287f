import Foundation
import Testing
@testable import Diagnostics

@Suite struct FixTests {
  /// A range of `file` from byte `lo` to byte `hi`.
  func range(_ file: SourceFile, _ lo: Int, _ hi: Int) -> SourceRange {
    SourceRange(start: file.location(atByteOffset: lo), end: file.location(atByteOffset: hi))
  }

  @Test func editsReplaceBytesAndKeepTheRest() {
    let file = SourceFile(path: "a.yaml", bytes: Array("id: 012 # note\r\nok: yes\r\n".utf8))
    let quote = Fix("Quote the account id", replacing: range(file, 4, 7), with: "'012'")
    let bool = Fix("Write true", replacing: range(file, 20, 23), with: "true")
    let result = Fix.apply([bool, quote], to: file.bytes)
    #expect(String(decoding: result.bytes, as: UTF8.self) == "id: '012' # note\r\nok: true\r\n")
    #expect(result.applied == [0, 1])
    #expect(result.conflicting == [])
    #expect(quote.edits[0].range.start == SourceLocation(line: 1, column: 5, offset: 4))
  }

  @Test func overlappingFixesAreLeftOutWhole() {
    let bytes = Array("abcdef".utf8)
    let file = SourceFile(path: "a", bytes: bytes)
    let first = Fix("first", replacing: range(file, 1, 3), with: "X")
    let overlapping = Fix(
      description: "second",
      edits: [
        TextEdit(range: range(file, 5, 6), replacement: "Y"),
        TextEdit(range: range(file, 2, 4), replacement: "Z"),
      ])
    let insideFirst = Fix("third", replacing: range(file, 2, 2), with: "I")
    let beforeFirst = Fix("sixth", replacing: range(file, 1, 1), with: "<")
    let sameInsertionPoint = Fix("seventh", replacing: range(file, 1, 1), with: ">")
    let pastTheEnd = Fix("fourth", replacing: range(file, 6, 6), with: "!")
    let outside = Fix(description: "fifth", edits: [TextEdit(range: range(file, 5, 6), replacement: "")])
    let result = Fix.apply(
      [first, overlapping, insideFirst, first, pastTheEnd, outside, beforeFirst, sameInsertionPoint], to: bytes)
    // Appending at the end is inside the file; `outside` deletes the last byte, which `pastTheEnd` does not touch;
    // an insertion where a replacement starts goes before it.
    #expect(String(decoding: result.bytes, as: UTF8.self) == "a<Xde!")
    #expect(result.applied == [0, 3, 4, 5, 6])
    #expect(result.conflicting == [1, 2, 7])
  }

  @Test func codableRoundTrip() throws {
    let file = SourceFile(path: "a", bytes: Array("a: b\n".utf8))
    let fix = Fix("Rename", replacing: range(file, 0, 1), with: "c")
    let decoded = try JSONDecoder().decode(Fix.self, from: JSONEncoder().encode(fix))
    #expect(decoded == fix)
    #expect(fix.byteSpan == 0..<1)
    #expect(Finding(ruleId: "X", ruleName: "x", severity: .error, message: "m", path: "a", range: nil).fixes == [])
  }
}

@Suite struct OnlySuggestionTests {
  @Test func aTieGivesNoRename() {
    #expect(DidYouMean.onlySuggestion(for: "nmae", among: ["name", "email"]) == "name")
    // 'rat' is one edit from both 'cat' and 'bat': the hint names one, a rename would be a guess.
    #expect(DidYouMean.suggestion(for: "rat", among: ["cat", "bat"]) == "bat")
    #expect(DidYouMean.onlySuggestion(for: "rat", among: ["cat", "bat"]) == nil)
    #expect(DidYouMean.onlySuggestion(for: "zzzz", among: ["name"]) == nil)
  }
}
