import Testing

@testable import Diagnostics

@Suite struct UnifiedDiffTests {
  func edit(_ file: SourceFile, _ lo: Int, _ hi: Int, _ text: String) -> TextEdit {
    TextEdit(
      range: SourceRange(start: file.location(atByteOffset: lo), end: file.location(atByteOffset: hi)),
      replacement: text)
  }

  @Test func hunksWithContextMergeWhenClose() {
    let text = (1...20).map { "line \($0)\n" }.joined()
    let file = SourceFile(path: "a.yaml", bytes: Array(text.utf8))
    let at = { (line: Int) in Int(file.lineStarts[line - 1]) }
    let edits = [
      edit(file, at(2), at(2) + 4, "LINE"),  // line 2
      edit(file, at(8), at(8), "new\n"),  // inserts a line before line 8: 6 lines from line 2, one hunk
      edit(file, at(19) + 5, at(19) + 7, "nineteen"),  // line 19: its own hunk
    ]
    #expect(
      UnifiedDiff.render(file, edits: edits) == """
        --- a.yaml
        +++ a.yaml
        @@ -1,11 +1,12 @@
         line 1
        -line 2
        +LINE 2
         line 3
         line 4
         line 5
         line 6
         line 7
        -line 8
        +new
        +line 8
         line 9
         line 10
         line 11
        @@ -16,5 +17,5 @@
         line 16
         line 17
         line 18
        -line 19
        +line nineteen
         line 20

        """)
  }

  @Test func crlfBomAndNoFinalNewline() {
    let file = SourceFile(path: "b.yaml", bytes: Array("\u{FEFF}a: yes\r\nb: 1".utf8))
    let edits = [edit(file, 6, 9, "true"), edit(file, 14, 15, "\"1\"")]
    #expect(
      UnifiedDiff.render(file, edits: edits)
        == "--- b.yaml\n+++ b.yaml\n@@ -1,2 +1,2 @@\n-\u{FEFF}a: yes\r\n-b: 1\n\\ No newline at end of file\n"
        + "+\u{FEFF}a: true\r\n+b: \"1\"\n\\ No newline at end of file\n")
    #expect(UnifiedDiff.render(file, edits: []) == "")
  }

  @Test func insertionIntoAnEmptyFile() {
    let file = SourceFile(path: "c.yaml", bytes: [])
    #expect(UnifiedDiff.render(file, edits: [edit(file, 0, 0, "a: 1\n")]) == "--- c.yaml\n+++ c.yaml\n@@ -0,0 +1 @@\n+a: 1\n")
  }
}
