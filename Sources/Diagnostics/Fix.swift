/// A safe repair of a finding: text edits in the finding's own file that keep its comments and layout.
///
/// A fix never re-dumps a document; each edit replaces the bytes `range.start.offset ..< range.end.offset` of the file
/// (as read, byte order mark included) with `replacement`, so everything around it stays byte for byte. An empty range
/// inserts. `range` also carries 1-based lines and code-point columns, for editors. `description` says what the fix does
/// in a few words, e.g. "Quote the account id"; `orglint lint --fix`, SARIF's `fixes` and the language server's code
/// actions show it.
public struct Fix: Hashable, Sendable, Codable {
  public var description: String
  /// The edits, in file order, none overlapping another.
  public var edits: [TextEdit]

  public init(description: String, edits: [TextEdit]) {
    self.description = description
    self.edits = edits.sorted(by: Fix.fileOrder)
  }

  /// A fix with one edit.
  public init(_ description: String, replacing range: SourceRange, with replacement: String) {
    self.init(description: description, edits: [TextEdit(range: range, replacement: replacement)])
  }

  /// The bytes the fix touches, from the first edit's start to the last edit's end (for finding conflicts).
  public var byteSpan: Range<Int> {
    guard let first = edits.first, let last = edits.last else { return 0..<0 }
    return first.range.start.offset..<max(first.range.start.offset, last.range.end.offset)
  }
}

/// One replacement of a byte range of a file by new text (UTF-8); an empty range inserts, an empty replacement deletes.
public struct TextEdit: Hashable, Sendable, Codable {
  public var range: SourceRange
  public var replacement: String

  public init(range: SourceRange, replacement: String) {
    self.range = range
    self.replacement = replacement
  }

  /// The bytes replaced: `range.start.offset ..< range.end.offset`.
  public var byteRange: Range<Int> { range.start.offset..<max(range.start.offset, range.end.offset) }
}

/// Fixes applied to one file's bytes: the new bytes, and which fixes went in and which were left out.
///
/// `Fix.apply` takes the fixes in file order and leaves out any fix whose edits overlap an edit already taken (two
/// insertions at one offset overlap too: their order would be a guess), or that reaches past the end of the file.
/// Such a fix can be applied by a second run, on the file the first one wrote.
/// A fix equal to one already taken is counted as applied once more (two findings can share one repair).
public struct AppliedFixes: Sendable {
  public var bytes: [UInt8]
  /// The edits made, in file order (those of the applied fixes, each once).
  public var edits: [TextEdit]
  /// Indices (into the fixes given) of the fixes applied, ascending.
  public var applied: [Int]
  /// Indices of the fixes left out because they conflict with an applied one or do not fit the file, ascending.
  public var conflicting: [Int]
}

extension Fix {
  /// Applies as many of `fixes` to `bytes` as do not conflict (see `AppliedFixes`); never a partial fix.
  public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> AppliedFixes {
    let order = fixes.indices.sorted { (fixes[$0].byteSpan.lowerBound, $0) < (fixes[$1].byteSpan.lowerBound, $1) }
    var taken: [TextEdit] = []
    var takenFixes: [Fix] = []
    var applied: [Int] = []
    var conflicting: [Int] = []
    for i in order {
      let fix = fixes[i]
      if takenFixes.contains(fix) {
        applied.append(i)
        continue
      }
      let fits = fix.edits.allSatisfy { $0.byteRange.upperBound <= bytes.count && $0.range.start.offset >= 0 }
      let clashes = fix.edits.enumerated().contains { j, edit in
        fix.edits[..<j].contains { overlap($0, edit) } || taken.contains { overlap($0, edit) }
      }
      if !fits || clashes || fix.edits.isEmpty {
        conflicting.append(i)
        continue
      }
      taken += fix.edits
      takenFixes.append(fix)
      applied.append(i)
    }
    taken.sort(by: fileOrder)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + taken.reduce(0) { $0 + $1.replacement.utf8.count })
    var at = 0
    for edit in taken {
      out += bytes[at..<edit.byteRange.lowerBound]
      out += Array(edit.replacement.utf8)
      at = edit.byteRange.upperBound
    }
    out += bytes[at...]
    return AppliedFixes(bytes: out, edits: taken, applied: applied.sorted(), conflicting: conflicting.sorted())
  }

  /// True when two edits replace a common byte, insert at one offset, or one inserts inside what the other
  /// replaces. An insertion where a replacement starts goes before it, one where it ends after it.
  private static func overlap(_ a: TextEdit, _ b: TextEdit) -> Bool {
    let x = a.byteRange
    let y = b.byteRange
    switch (x.isEmpty, y.isEmpty) {
    case (true, true): return x.lowerBound == y.lowerBound
    case (true, false): return y.lowerBound < x.lowerBound && x.lowerBound < y.upperBound
    case (false, true): return x.lowerBound < y.lowerBound && y.lowerBound < x.upperBound
    case (false, false): return x.lowerBound < y.upperBound && y.lowerBound < x.upperBound
    }
  }

  /// File order: by start, an insertion before a replacement that starts at the same offset.
  static func fileOrder(_ a: TextEdit, _ b: TextEdit) -> Bool {
    (a.byteRange.lowerBound, a.byteRange.isEmpty ? 0 : 1) < (b.byteRange.lowerBound, b.byteRange.isEmpty ? 0 : 1)
  }
}
