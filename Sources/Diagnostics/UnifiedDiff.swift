/// The unified diff (`diff -u` form, three lines of context) of a file and the same file after some edits, for
/// `orglint lint --fix --diff`; `patch -p0` applies it.
///
/// It is built from the edits themselves, not by comparing texts: each hunk shows exactly the lines an edit touches.
/// Lines keep their own line breaks (CR LF stays CR LF); a last line without one is followed by
/// `\ No newline at end of file`, as diff writes it.
public enum UnifiedDiff {
  /// The diff of `file` under `edits` (non-overlapping, as `Fix.apply` returns them); empty when there is none.
  public static func render(_ file: SourceFile, edits: [TextEdit], context: Int = 3) -> String {
    let blocks = changedBlocks(file, edits.sorted(by: Fix.fileOrder))
    guard !blocks.isEmpty else { return "" }
    var out: [UInt8] = Array("--- \(file.path)\n+++ \(file.path)\n".utf8)
    let lastLine = realLineCount(file)
    var delta = 0  // new line number minus old line number, before the hunk
    var i = 0
    while i < blocks.count {
      var j = i
      while j + 1 < blocks.count, blocks[j + 1].first - blocks[j].end <= 2 * context { j += 1 }
      let oldStart = max(1, blocks[i].first - context)
      let oldEnd = min(lastLine + 1, blocks[j].end + context)  // exclusive
      var body: [UInt8] = []
      var newCount = 0
      var line = oldStart
      for block in blocks[i...j] {
        for l in line..<block.first { body += lineBytes(" ", file, l) }
        newCount += block.first - line
        for old in block.old { body += marked("-", old) }
        for new in block.new { body += marked("+", new) }
        newCount += block.new.count
        line = block.end
      }
      for l in line..<oldEnd { body += lineBytes(" ", file, l) }
      newCount += max(0, oldEnd - line)
      let oldCount = oldEnd - oldStart
      let newStart = oldStart + delta
      out += Array("@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n".utf8)
      out += body
      delta += newCount - oldCount
      i = j + 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// A run of changed lines: the old lines `first ..< end` and the lines that replace them (each with its break).
  struct Block {
    var first: Int
    var end: Int
    var old: [ArraySlice<UInt8>]
    var new: [ArraySlice<UInt8>]
  }

  /// The edits grouped by the lines they touch: edits that share a line make one block.
  static func changedBlocks(_ file: SourceFile, _ edits: [TextEdit]) -> [Block] {
    var groups: [(first: Int, last: Int, edits: [TextEdit])] = []
    for edit in edits {
      let r = edit.byteRange
      let first = file.line(atByteOffset: r.lowerBound)
      var last = file.line(atByteOffset: r.upperBound)
      if r.upperBound > r.lowerBound, r.upperBound == lineStart(file, last), last > first { last -= 1 }
      if let g = groups.last, first <= g.last + 1 {  // adjacent lines too: one run of - lines, then the + lines
        groups[groups.count - 1].last = max(g.last, last)
        groups[groups.count - 1].edits.append(edit)
      } else {
        groups.append((first, last, [edit]))
      }
    }
    return groups.map { g in
      let lo = lineStart(file, g.first)
      let hi = g.last < file.lineCount ? lineStart(file, g.last + 1) : file.bytes.count
      var new: [UInt8] = []
      var at = lo
      for edit in g.edits {
        new += file.bytes[at..<edit.byteRange.lowerBound]
        new += Array(edit.replacement.utf8)
        at = edit.byteRange.upperBound
      }
      new += file.bytes[at..<hi]
      let end = min(g.last + 1, realLineCount(file) + 1)
      return Block(first: g.first, end: end, old: lines(Array(file.bytes[lo..<hi])), new: lines(new))
    }
  }

  /// The lines of `bytes`, each with its break, as `SourceFile` breaks them.
  static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    let starts = SourceFile(path: "", bytes: bytes).lineStarts.map(Int.init) + [bytes.count]
    return (0..<starts.count - 1).compactMap { i in
      starts[i] < starts[i + 1] ? bytes[starts[i]..<starts[i + 1]] : nil
    }
  }

  /// The number of lines with content (a file ending in a line break has no line after it).
  static func realLineCount(_ file: SourceFile) -> Int {
    let n = file.lineCount
    return n > 1 && Int(file.lineStarts[n - 1]) == file.bytes.count ? n - 1 : (file.bytes.isEmpty ? 0 : n)
  }

  static func lineStart(_ file: SourceFile, _ line: Int) -> Int {
    line <= file.lineCount ? Int(file.lineStarts[line - 1]) : file.bytes.count
  }

  static func lineBytes(_ mark: String, _ file: SourceFile, _ line: Int) -> [UInt8] {
    let hi = line < file.lineCount ? lineStart(file, line + 1) : file.bytes.count
    return marked(mark, file.bytes[lineStart(file, line)..<hi])
  }

  /// `mark` and the line; a line without a break gets one and diff's "\ No newline at end of file".
  static func marked(_ mark: String, _ line: ArraySlice<UInt8>) -> [UInt8] {
    var out = Array(mark.utf8) + line
    if let last = line.last, last == 0x0A || last == 0x0D { return out }
    if line.count >= 2, line.suffix(2).elementsEqual([0xC2, 0x85]) { return out }
    if line.count >= 3, line.suffix(3).elementsEqual([0xE2, 0x80, 0xA8]) || line.suffix(3).elementsEqual([0xE2, 0x80, 0xA9]) {
      return out
    }
    out += Array("\n\\ No newline at end of file\n".utf8)
    return out
  }

  /// `start,count` of a hunk header (`start` alone when the count is 1; the line before when it is 0).
  static func range(_ start: Int, _ count: Int) -> String {
    count == 1 ? "\(start)" : "\(count == 0 ? start - 1 : start),\(count)"
  }
}
