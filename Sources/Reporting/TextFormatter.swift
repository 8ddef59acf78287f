import Diagnostics

/// clang/swiftc-style diagnostics: `path:line:col: error: message [ID name]`, the source line, a caret, and a summary.
///
/// Suppressed and baselined findings are not printed, only counted in the summary. Related locations follow their
/// finding as `note:` lines. A finding `lint --fix` can repair ends in `[*]`, and the summary counts them.
public struct TextFormatter: ReportFormatter {
  /// Use ANSI colours (the CLI decides from the tty, `--color` and `NO_COLOR`).
  public var color: Bool

  public init(color: Bool = false) {
    self.color = color
  }

  public func render(_ report: Report) -> String {
    var out = ""
    produce(report) { out += $0 }
    return out
  }

  /// Writes the report a few diagnostics at a time (64 KiB chunks), never holding it whole.
  public func write(_ report: Report, to output: (UnsafeRawBufferPointer) -> Void) {
    var chunk: [UInt8] = []
    chunk.reserveCapacity(PrettyJSONWriter.chunkSize + 4096)
    produce(report) { piece in
      chunk.append(contentsOf: piece.utf8)
      if chunk.count >= PrettyJSONWriter.chunkSize {
        chunk.withUnsafeBytes(output)
        chunk.removeAll(keepingCapacity: true)
      }
    }
    if !chunk.isEmpty { chunk.withUnsafeBytes(output) }
  }

  /// Hands the report's text on in pieces (a diagnostic, a summary line), in order.
  private func produce(_ report: Report, _ out: (String) -> Void) {
    for finding in report.diagnostics where finding.isActive {
      out(
        diagnostic(
          path: finding.path, range: finding.range, severity: finding.severity,
          message: finding.message,
          rule: "[\(finding.ruleId) \(finding.ruleName)]" + (finding.fixes.isEmpty ? "" : " [*]"),
          sources: report.sources))
      for related in finding.related {
        out(
          diagnostic(
            path: related.path, range: related.range, severity: .note, message: related.message, rule: nil,
            sources: report.sources))
      }
    }
    guard report.exitCode == 2, !report.configurationProblems.isEmpty else {
      let fixable = report.findings.filter { $0.isActive && !$0.fixes.isEmpty }.count
      if fixable > 0 { out("[*] \(fixable) fixable with orglint lint --fix\n") }
      out(ReportSummary(report).text + "\n")
      if let line = ReportSummary.notJudgedText(report.sortedNotJudged) { out(TerminalText.safe(line) + "\n") }
      return
    }
    // The run stopped before linting (a bad config, rule file, path or option): say so rather than count files.
    let n = report.configurationProblems.count
    out("orglint could not lint: \(ReportSummary.count(n, "problem")) (exit code 2)\n")
  }

  /// One diagnostic line, then the source line and its caret when the file and position are known.
  func diagnostic(
    path: String?, range: SourceRange?, severity: Severity, message: String, rule: String?,
    sources: [String: SourceFile]
  ) -> String {
    let style = ANSIStyle(enabled: color)
    var location = TerminalText.safe(path ?? "orglint")
    if path != nil, let start = range?.start { location += ":\(start.line):\(start.column)" }
    let label: String
    switch severity {
    case .error: label = style.apply(ANSIStyle.red, "error:")
    case .warning: label = style.apply(ANSIStyle.magenta, "warning:")
    case .note: label = style.apply(ANSIStyle.cyan, "note:")
    }
    var line = style.apply(ANSIStyle.bold, location + ":") + " " + label + " " + style.apply(ANSIStyle.bold, TerminalText.safe(message))
    if let rule { line += " " + rule }
    line += "\n"
    if let path, let range, let file = sources[path], range.start.line >= 1, range.start.line <= file.lineCount {
      let (text, caretRange, cut) = Self.snippet(file, range)
      line += text + "\n" + style.apply(ANSIStyle.green, caret(under: text, range: caretRange)) + cut + "\n"
    }
    return line
  }

  /// Source lines longer than this many code points are cut around the finding's column.
  static let snippetWidth = 200

  /// The source line of `range` made safe for a terminal, the range moved to its columns, and (for a long line cut
  /// to `snippetWidth` code points, marked `…` where cut) a note saying which columns are shown.
  static func snippet(_ file: SourceFile, _ range: SourceRange) -> (String, SourceRange, String) {
    let lineNumber = range.start.line
    if file.byteRange(ofLine: lineNumber).count <= snippetWidth {
      return (TerminalText.safe(file.lineText(lineNumber), keepTabs: true), range, "")
    }
    let first = max(1, range.start.column - snippetWidth / 4)
    let (excerpt, cutAfter) = file.lineExcerpt(lineNumber, fromColumn: first, width: snippetWidth)
    let count = excerpt.unicodeScalars.count
    guard first > 1 || cutAfter else { return (TerminalText.safe(excerpt, keepTabs: true), range, "") }
    let shift = first - 1 - (first > 1 ? 1 : 0)  // columns dropped, less the one "…" takes
    let text = (first > 1 ? "…" : "") + TerminalText.safe(excerpt, keepTabs: true) + (cutAfter ? "…" : "")
    let width = text.unicodeScalars.count
    func moved(_ p: SourceLocation) -> SourceLocation {
      SourceLocation(line: p.line, column: min(max(1, p.column - shift), width + 1), offset: p.offset)
    }
    let end =
      range.end.line == lineNumber ? moved(range.end) : SourceLocation(line: lineNumber, column: width + 1, offset: 0)
    let caretRange = SourceRange(start: moved(range.start), end: end)
    return (text, caretRange, "  (line \(lineNumber) cut: columns \(first)-\(first + count - 1) shown)")
  }

  /// Spaces (tabs where the line has tabs) up to the start column, `^`, then `~` under the rest of the range on that
  /// line. A range that goes on to later lines is underlined to the end of the line's content, not under a trailing
  /// `# comment`.
  func caret(under text: String, range: SourceRange) -> String {
    let scalars = Array(text.unicodeScalars)
    let start = min(max(range.start.column, 1), scalars.count + 1)
    let end =
      range.end.line == range.start.line
      ? min(range.end.column, scalars.count + 1) : Self.contentEnd(of: scalars, from: start - 1) + 1
    var caret = String(scalars[0..<(start - 1)].map { $0 == "\t" ? "\t" : " " })
    caret += "^"
    if end > start + 1 { caret += String(repeating: "~", count: end - start - 1) }
    return caret
  }

  /// The 0-based index after the last character before a YAML comment (` #`) or trailing spaces, from `start` on.
  static func contentEnd(of scalars: [Unicode.Scalar], from start: Int) -> Int {
    var end = scalars.count
    var i = start
    while i < scalars.count {
      if scalars[i] == "#", i > start, scalars[i - 1] == " " || scalars[i - 1] == "\t" {
        end = i
        break
      }
      i += 1
    }
    while end > start, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
    return end
  }
}
