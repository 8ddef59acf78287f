import Adoption
import Diagnostics
import RuleEngine

/// Quick fixes for the findings under a range: the finding's own safe fixes (`Finding.fixes`: alternatives, the first
/// preferred), then "suppress with a reason", which inserts the inline directive
/// `# orglint-disable-next-line ID -- <reason>` (Docs/adoption.md) above the finding's line, indented like it, with a
/// placeholder reason to replace. Offered only for rules an inline comment may suppress (`suppressible: true`);
/// the others would report SUP003.
enum CodeActions {
  /// The placeholder written after `--`; it reads as a reason (so no SUP001) but asks to be replaced.
  static let placeholderReason = "TODO: why this exception is acceptable"

  /// Ids that orglint's own adoption and run checks report: they are never suppressed.
  static let unsuppressible = Set((AdoptionRules.all + RunRules.all).map(\.id))

  static func actions(for lint: DocumentLint, in range: LSPRange, encoding: PositionEncoding) -> [CodeAction] {
    let offset = lint.diagnostics.count - lint.findings.count  // configuration problems come first
    var actions: [CodeAction] = []
    for (i, finding) in lint.findings.enumerated() {
      let diagnostic = lint.diagnostics[offset + i]
      guard diagnostic.range.touches(range) else { continue }
      for (n, fix) in finding.fixes.enumerated() {
        let edits = fix.edits.map { edit in
          LSPTextEdit(
            range: LSPRange(
              start: lint.index.position(of: edit.range.start.offset, encoding: encoding),
              end: lint.index.position(of: edit.range.end.offset, encoding: encoding)),
            newText: edit.replacement)
        }
        actions.append(
          CodeAction(
            title: fix.description, kind: "quickfix", diagnostics: [diagnostic], isPreferred: n == 0 ? true : nil,
            edit: WorkspaceEdit(changes: [lint.uri: edits])))
      }
      if let action = suppression(finding, diagnostic, lint) { actions.append(action) }
    }
    return actions
  }

  static func suppression(_ finding: Finding, _ diagnostic: LSPDiagnostic, _ lint: DocumentLint) -> CodeAction? {
    guard !unsuppressible.contains(finding.ruleId), lint.lookup?.entry(finding.ruleId)?.suppressible == .true,
      finding.range != nil
    else { return nil }
    let line = diagnostic.range.start.line
    let bytes = lint.index.lineBytes(line)
    let indent = lint.index.bytes[bytes].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    let text = String(decoding: indent, as: UTF8.self)
      + "# orglint-disable-next-line \(finding.ruleId) -- \(placeholderReason)\n"
    let at = Position(line: line, character: 0)
    return CodeAction(
      title: "Suppress \(finding.ruleId) on this line (with a reason)", kind: "quickfix", diagnostics: [diagnostic],
      isPreferred: nil,
      edit: WorkspaceEdit(changes: [lint.uri: [LSPTextEdit(range: LSPRange(start: at, end: at), newText: text)]]))
  }
}
