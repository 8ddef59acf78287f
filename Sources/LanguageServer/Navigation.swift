import Diagnostics
import Foundation
import OrgModel

/// Hover, go to definition and the document outline, answered from the newest lint of a document (its loaded set).
///
/// A mapping key of an orglint/v1 document under the cursor is a field (hover: its schema help, `FieldHelp`). Else
/// the word under the cursor (letters, digits, `-`, `_`, `/`, `.`, `:` and `@`) is looked up as a rule id or name
/// (hover: the rule's title, description and remediation), an account id (hover: name, OU and the findings of the
/// open files about it; definition: its document), an OU path or a policy name (definition: where it is declared).
enum Navigation {
  /// The capabilities answered here.
  static func declare(in capabilities: inout InitializeResult.Capabilities) {
    capabilities.hoverProvider = true
    capabilities.definitionProvider = true
    capabilities.documentSymbolProvider = true
    capabilities.referencesProvider = true
    capabilities.completionProvider = .init()
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
    let offset = lint.index.offset(of: position, encoding: encoding)
    if let (field, keyRange) = FieldHelp.field(at: offset, in: lint.index.bytes) {
      return Hover(
        contents: .init(value: FieldHelp.hoverText(field)),
        range: LSPRange(
          start: lint.index.position(of: keyRange.lowerBound, encoding: encoding),
          end: lint.index.position(of: keyRange.upperBound, encoding: encoding)))
    }
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

// MARK: References and completion

extension Navigation {
  /// Every place in the set's files where the account id, OU path or policy name under the cursor is written as a
  /// whole word (its declaration included).
  static func references(at position: Position, in lint: DocumentLint, all: [DocumentLint], encoding: PositionEncoding)
    -> [Location]
  {
    guard let (word, _) = word(at: position, in: lint, encoding: encoding), let set = lint.set else { return [] }
    let known =
      set.account(id: word) != nil || set.policies.contains { $0.name == word }
      || units(set.organization?.organizationalUnits ?? []).contains { $0.path == word }
    guard known else { return [] }
    let needle = Array(word.utf8)
    let cwd = FilePath.currentDirectory()
    var out: [Location] = []
    for file in set.files {
      let absolute = FilePath.absolute(file.source.path, cwd: cwd)
      let open = all.first { $0.path == absolute }
      let bytes = open?.index.bytes ?? file.source.bytes
      var hits: [Int] = []
      var i = 0
      while i + needle.count <= bytes.count {
        if bytes[i] == needle[0], bytes[i..<i + needle.count].elementsEqual(needle),
          i == 0 || !isWordByte(bytes[i - 1]), i + needle.count == bytes.count || !isWordByte(bytes[i + needle.count])
        {
          hits.append(i)
          i += needle.count
        } else {
          i += 1
        }
      }
      guard !hits.isEmpty else { continue }
      let index = open?.index ?? LineIndex(bytes)
      for hit in hits {
        out.append(
          Location(
            uri: open?.uri ?? FileURI.uri(ofPath: absolute),
            range: LSPRange(
              start: index.position(of: hit, encoding: encoding),
              end: index.position(of: hit + needle.count, encoding: encoding))))
      }
    }
    return out
  }

  static func isWordByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-")
      || b == UInt8(ascii: "_") || b == UInt8(ascii: "/")
  }

  /// Proposals from the text before the cursor on its line: the fields missing at a new key's place (`FieldHelp`);
  /// rule ids after `orglint-disable…`; account ids after
  /// `account:`, `managementAccount:` or `callerAccount:`; OU paths after `organizationalUnit:`; the values of the
  /// format's enums after their field (`state:`, `featureSet:`, `task:`, `type:`, `Effect:`, `status:`).
  static func completion(at position: Position, in lint: DocumentLint, encoding: PositionEncoding) -> [CompletionItem] {
    let line = lint.index.lineBytes(position.line)
    let cursor = lint.index.offset(of: position, encoding: encoding)
    let before = String(decoding: lint.index.bytes[line.lowerBound..<max(line.lowerBound, cursor)], as: UTF8.self)
    if let directive = before.range(of: "orglint-disable") {
      guard !before[directive.upperBound...].contains("--") else { return [] }  // in the reason
      return lint.rules.values.sorted { $0.id < $1.id }.map {
        CompletionItem(label: $0.id, kind: 14, detail: $0.name, documentation: $0.title)
      }
    }
    if let fields = FieldHelp.missingFields(at: cursor, line: line, in: lint.index.bytes) {
      return fields.map(FieldHelp.completionItem)
    }
    let trimmed = before.drop { $0 == " " || $0 == "-" }
    guard let colon = trimmed.firstIndex(of: ":") else { return [] }
    let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
    let set = lint.set
    switch key {
    case "account", "managementAccount", "callerAccount":
      return (set?.accounts ?? []).map {
        CompletionItem(label: "\"\($0.id)\"", kind: 12, detail: $0.name, documentation: $0.organizationalUnit)
      }
    case "organizationalUnit":
      return units(set?.organization?.organizationalUnits ?? []).map { CompletionItem(label: $0.path, kind: 12) }
    case "state": return AccountState.allCases.map { CompletionItem(label: $0.rawValue, kind: 20) }
    case "featureSet": return FeatureSet.allCases.map { CompletionItem(label: $0.rawValue, kind: 20) }
    case "task": return TaskKind.allCases.map { CompletionItem(label: $0.rawValue, kind: 20) }
    case "type": return MFADeviceType.allCases.map { CompletionItem(label: $0.rawValue, kind: 20) }
    case "Effect": return Effect.allCases.map { CompletionItem(label: $0.rawValue, kind: 20) }
    case "status": return AuditStatus.allCases.map { CompletionItem(label: $0.rawValue, kind: 20) }
    default: return []
    }
  }
}
