import Diagnostics
import OrgModel

/// Hover, go to definition and the document outline, answered from the newest lint of a document (its loaded set).
///
/// The word under the cursor (letters, digits, `-`, `_`, `/`, `.`, `:` and `@`) is looked up as a rule id or name
/// (hover: the rule's title, description and remediation), an account id (hover: name, OU and the findings of the
/// open files about it; definition: its document), an OU path or a policy name (definition: where it is declared).
enum Navigation {
  /// The capabilities answered here.
  static func declare(in capabilities: inout InitializeResult.Capabilities) {
    capabilities.hoverProvider = true
    capabilities.definitionProvider = true
    capabilities.documentSymbolProvider = true
  }

  /// The word at `position` and its range.
  static func word(at position: Position, in lint: DocumentLint, encoding: PositionEncoding) -> (String, LSPRange)? {
    let index = lint.index
    let bytes = index.bytes
    let line = index.lineBytes(position.line)
    let at = index.offset(of: position, encoding: encoding)
    func isWordByte(_ b: UInt8) -> Bool {
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: "/") || b == UInt8(ascii: ".")
        || b == UInt8(ascii: "@") || b == UInt8(ascii: "+")
    }
    var lo = at
    var hi = at
    while lo > line.lowerBound, isWordByte(bytes[lo - 1]) { lo -= 1 }
    while hi < line.upperBound, isWordByte(bytes[hi]) { hi += 1 }
    guard lo < hi else { return nil }
    var word = String(decoding: bytes[lo..<hi], as: UTF8.self)
    while word.hasSuffix(".") || word.hasSuffix(",") { word.removeLast() }  // end of a sentence in a comment
    return (
      word,
      LSPRange(start: index.position(of: lo, encoding: encoding), end: index.position(of: hi, encoding: encoding))
    )
  }

  // MARK: Hover

  static func hover(at position: Position, in lint: DocumentLint, all: [DocumentLint], encoding: PositionEncoding)
    -> Hover?
  {
    guard let (word, range) = word(at: position, in: lint, encoding: encoding) else { return nil }
    if let rule = lint.rules[word] ?? lint.rules[word.uppercased()] ?? lint.rules.values.first(where: { $0.name == word }) {
      var text = "**\(rule.id)** `\(rule.name)` (\(rule.severity.rawValue))\n\n\(rule.title)"
      if !rule.description.isEmpty { text += "\n\n" + rule.description }
      if !rule.remediation.isEmpty { text += "\n\n**How to fix it**\n\n" + rule.remediation }
      return Hover(contents: .init(value: text), range: range)
    }
    if let account = lint.set?.account(id: word) {
      var text = "**\(account.name)** (\(account.id))"
      if account.isManagement { text += ", the management account" }
      text += "\n\nOU: " + (account.organizationalUnit ?? "Root")
      let findings = all.flatMap(\.findings).filter { $0.logicalLocation?.contains("/account/\(account.id)") == true }
      if findings.isEmpty {
        text += "\n\nNo findings in the open files."
      } else {
        text += "\n\nFindings in the open files:\n"
        for f in findings { text += "\n- \(f.ruleId): \(f.message)" }
      }
      return Hover(contents: .init(value: text), range: range)
    }
    return nil
  }

  // MARK: Definition

  static func definition(at position: Position, in lint: DocumentLint, all: [DocumentLint], encoding: PositionEncoding)
    -> Location?
  {
    guard let (word, _) = word(at: position, in: lint, encoding: encoding), let set = lint.set else { return nil }
    if let account = set.account(id: word) { return location(account.origin.location(of: ["id"]), all, encoding) }
    if let ou = units(set.organization?.organizationalUnits ?? []).first(where: { $0.path == word || $0.name == word }) {
      return location(ou.origin.location(of: ["name"]), all, encoding)
    }
    if let policy = set.policies.first(where: { $0.name == word }) {
      return location(policy.origin.location(of: ["name"]), all, encoding)
    }
    return nil
  }

  /// Every OU, depth first.
  static func units(_ top: [OrganizationalUnit]) -> [OrganizationalUnit] {
    top.flatMap { [$0] + units($0.children ?? []) }
  }

  /// An LSP location for a model location, in the open document's text when the file is open.
  static func location(_ place: ModelLocation, _ all: [DocumentLint], _ encoding: PositionEncoding) -> Location? {
    let absolute = FilePath.absolute(place.path, cwd: FilePath.currentDirectory())
    let open = all.first { $0.path == absolute }
    let index: LineIndex
    if let open {
      index = open.index
    } else if let source = try? SourceFile.read(path: absolute) {
      index = LineIndex(source.bytes)
    } else {
      return nil
    }
    return Location(
      uri: open?.uri ?? FileURI.uri(ofPath: absolute),
      range: LSPRange(
        start: index.position(of: place.range.start.offset, encoding: encoding),
        end: index.position(of: place.range.end.offset, encoding: encoding)))
  }

  // MARK: Outline

  static func symbols(in lint: DocumentLint, encoding: PositionEncoding) -> [DocumentSymbol] {
    guard let set = lint.set else { return [] }
    let cwd = FilePath.currentDirectory()
    func here(_ ref: NodeRef) -> Bool { FilePath.absolute(ref.document.path, cwd: cwd) == lint.path }
    func range(_ place: ModelLocation) -> LSPRange {
      LSPRange(
        start: lint.index.position(of: place.range.start.offset, encoding: encoding),
        end: lint.index.position(of: place.range.end.offset, encoding: encoding))
    }
    func symbol(_ name: String, _ detail: String?, kind: Int, _ ref: NodeRef, _ children: [DocumentSymbol]? = nil)
      -> DocumentSymbol
    {
      let whole = range(ref.location)
      return DocumentSymbol(
        name: name.isEmpty ? "(unnamed)" : name, detail: detail, kind: kind, range: whole, selectionRange: whole,
        children: children?.isEmpty == true ? nil : children)
    }
    func ouSymbol(_ ou: OrganizationalUnit) -> DocumentSymbol {
      symbol(ou.name, ou.path, kind: 3, ou.origin, (ou.children ?? []).map(ouSymbol))
    }
    var out: [DocumentSymbol] = []
    if let org = set.organization, here(org.origin) {
      let children =
        (org.organizationalUnits ?? []).map(ouSymbol)
        + (org.policies ?? []).map { symbol($0.name, "SCP", kind: 19, $0.origin) }
      out.append(symbol(org.id, "Organization", kind: 2, org.origin, children))
    }
    for account in set.accounts where here(account.origin) {
      out.append(symbol(account.name, account.id, kind: 5, account.origin))
    }
    for task in set.tasks where here(task.origin) {
      out.append(symbol(task.task?.rawValue ?? "task", "on \(task.account)", kind: 24, task.origin))
    }
    return out
  }
}
