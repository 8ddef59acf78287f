import Diagnostics
import LocatedYAML

/// Finds the suppression comments of a file through its comment index (libyaml drops comments):
/// `# orglint-disable-next-line ID[,ID] -- reason [expires=YYYY-MM-DD]` covers the next line that is not blank or
/// a comment (or its own line when it trails code), `# orglint-disable ID[,ID] -- reason [expires=…]` covers the
/// rest of the YAML document it is in. A malformed one is a SUP005 finding and covers nothing.
public enum InlineSuppressions {
  static let nextLine = "orglint-disable-next-line"
  static let toEnd = "orglint-disable"

  /// The suppressions of a file read by `YAMLReader`, with document boundaries from its documents.
  public static func parse(_ file: YAMLFile) -> (suppressions: [SuppressionDirective], findings: [Finding]) {
    let ends = file.documents.compactMap { doc in doc.root.map { doc.range($0).end.line } }
    return parse(comments: file.comments, source: file.source, documentEndLines: ends)
  }

  /// The suppressions in `comments` of `source`; `documentEndLines` are the last lines of its documents, in order.
  public static func parse(comments: CommentIndex, source: SourceFile, documentEndLines: [Int])
    -> (suppressions: [SuppressionDirective], findings: [Finding])
  {
    var out: [SuppressionDirective] = []
    var findings: [Finding] = []
    var nextCode: [Int]?
    for comment in comments.comments where comment.text.hasPrefix("orglint-") {
      let at = SourceRange(at: SourceLocation(
        line: comment.line, column: comment.column,
        offset: source.byteOffset(line: comment.line, column: comment.column)))
      func malformed(_ message: String) {
        findings.append(Finding(AdoptionRules.malformed, message, path: source.path, range: at))
      }
      let directive = String(comment.text.prefix { $0 != " " && $0 != "\t" })
      guard directive == nextLine || directive == toEnd else {
        // Prose that merely starts with `orglint-` is left alone; near misses of a directive are reported.
        let hint = DidYouMean.hint(for: directive, among: [nextLine, toEnd])
        if !hint.isEmpty || directive.hasPrefix("orglint-disable") || directive.hasPrefix("orglint-enable") {
          malformed("unknown suppression directive '\(directive)'" + hint)
        }
        continue
      }
      let body = comment.text.dropFirst(directive.count)
      let split = body.firstRange(of: "--")
      let head = split.map { body[..<$0.lowerBound] } ?? body
      let tail = split.map { body[$0.upperBound...] } ?? ""
      var expiresText: String?
      var rules: [String] = []
      var reasonWords: [Substring] = []
      for word in head.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
        if word.hasPrefix("expires=") { expiresText = String(word.dropFirst(8)) } else { rules += ruleList(word) }
      }
      for word in tail.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
        if word.hasPrefix("expires=") { expiresText = String(word.dropFirst(8)) } else { reasonWords.append(word) }
      }
      guard !rules.isEmpty else {
        malformed("\(directive) names no rule; write '# \(directive) ID -- reason'")
        continue
      }
      var expires: CivilDate?
      if let text = expiresText {
        guard let date = CivilDate(fullDate: text) else {
          malformed("expires=\(text) is not a date (YYYY-MM-DD)")
          continue
        }
        expires = date
      }
      let lines: ClosedRange<Int>
      if directive == nextLine {
        if trailsCode(comment, source) {
          lines = comment.line...comment.line
        } else {
          if nextCode == nil { nextCode = nextCodeLines(source) }
          let target = nextCode![comment.line]
          lines = target...target
        }
      } else {
        let end = firstEnd(atOrAfter: comment.line, documentEndLines) ?? source.lineCount
        lines = comment.line...max(comment.line, end)
      }
      out.append(
        SuppressionDirective(
          rules: rules, reason: reasonWords.joined(separator: " "), expires: expires,
          target: .lines(path: source.path, lines), path: source.path, range: at))
    }
    return (out, findings)
  }

  /// The first of the ascending `ends` that is at least `line` (binary search).
  private static func firstEnd(atOrAfter line: Int, _ ends: [Int]) -> Int? {
    var lo = 0
    var hi = ends.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if ends[mid] < line { lo = mid + 1 } else { hi = mid }
    }
    return lo < ends.count ? ends[lo] : nil
  }

  /// Rule ids or names separated by commas and spaces.
  static func ruleList(_ text: Substring) -> [String] {
    text.split(whereSeparator: { (c: Character) in c == "," || c == " " || c == "\t" }).map(String.init)
  }

  /// True when the comment follows code on its line.
  private static func trailsCode(_ comment: CommentIndex.Comment, _ source: SourceFile) -> Bool {
    let indent = source.lineText(comment.line).unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
    return comment.column > indent + 1
  }

  /// For each line (1-based, index 0 unused), the first line after it that is not blank or only a comment;
  /// `lineCount + 1` past the end. One backward pass.
  private static func nextCodeLines(_ source: SourceFile) -> [Int] {
    let count = source.lineCount
    var next = [Int](repeating: count + 1, count: count + 2)
    var following = count + 1
    var line = count
    while line >= 1 {
      next[line] = following
      let text = source.lineText(line).drop { $0 == " " || $0 == "\t" }
      if !text.isEmpty, !text.hasPrefix("#") { following = line }
      line -= 1
    }
    next[0] = following
    return next
  }
}
