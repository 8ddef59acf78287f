import Diagnostics
import LocatedYAML

/// The kinds of orglint documents.
public enum DocumentKind: String, CaseIterable, Sendable {
  case organization = "Organization"
  case account = "Account"
  case privilegedTask = "PrivilegedTask"
}

extension ModelDecoder {
  /// The only apiVersion this version of the format defines.
  public static let apiVersion = "orglint/v1"

  /// Decodes the document if it is an orglint document (apiVersion `orglint/v1`, or an orglint kind); other YAML
  /// documents are skipped without a finding. Returns false for those.
  @discardableResult
  public func decodeDocument() -> Bool {
    guard let top = doc.root, let root = doc.resolve(top), doc.kind(root) == .mapping else { return false }
    var apiKey: YAMLNodeID?
    var apiValue: YAMLNodeID?
    var kindKey: YAMLNodeID?
    var kindValue: YAMLNodeID?
    for i in 0..<doc.count(root) {
      let key = doc.key(root, i)
      if doc.isDuplicateKey(key) { continue }
      if apiKey == nil, doc.scalar(key, equals: "apiVersion") {
        apiKey = key
        apiValue = doc.value(root, i)
      } else if kindKey == nil, doc.scalar(key, equals: "kind") {
        kindKey = key
        kindValue = doc.value(root, i)
      }
    }
    let apiIsOurs = apiValue.map { doc.kind($0) == .scalar && doc.scalar($0, equals: "orglint/v1") } ?? false
    let kind: DocumentKind? = kindValue.flatMap { v in
      doc.kind(v) == .scalar ? withText(v) { EnumTables.documentKind.lookup($0) } : nil
    }
    guard apiIsOurs || kind != nil else { return false }
    guard let kind else {
      let names = DocumentKind.allCases.map(\.rawValue)
      if let kindKey, let kindValue {
        let text = text(kindValue)
        report(
          ModelRules.unknownKind,
          "unknown kind '\(text)' for apiVersion orglint/v1; expected one of \(names.joined(separator: ", "))"
            + DidYouMean.hint(for: text, among: names), key: kindKey, value: kindValue)
      } else {
        reportAtStart(
          ModelRules.unknownKind,
          "an orglint/v1 document needs a kind: one of \(names.joined(separator: ", "))", of: root)
      }
      return true
    }
    if !apiIsOurs {
      if let apiKey, let apiValue {
        report(
          ModelRules.apiVersion,
          "apiVersion '\(text(apiValue))' is not orglint/v1; this \(kind.rawValue) document is read as "
            + "orglint/v1", key: apiKey, value: apiValue)
      } else {
        reportAtStart(
          ModelRules.apiVersion,
          "this \(kind.rawValue) document has no apiVersion; add 'apiVersion: orglint/v1'", of: root,
          fix: insertAPIVersionFix(root))
      }
    }
    switch kind {
    case .organization: sink.organizations.append(decodeOrganization(at: root))
    case .account: sink.accounts.append(decodeAccount(at: root, inline: false))
    case .privilegedTask: sink.tasks.append(decodeTask(at: root, inline: false))
    }
    return true
  }
}

extension ModelDecoder {
  /// Inserts `apiVersion: orglint/v1` before the first key of a document's top mapping: on a line of its own with
  /// the key's indentation and the file's line break, or `apiVersion: orglint/v1, ` inside a flow mapping. nil when
  /// the first key does not start its line (nothing but spaces before it).
  func insertAPIVersionFix(_ root: YAMLNodeID) -> Fix? {
    guard isUTF8File, doc.count(root) > 0 else { return nil }
    let at = doc.startOffset(doc.key(root, 0))
    let location = doc.file.location(atByteOffset: at)
    let text: String
    if doc.style(root) == .flow {
      text = "apiVersion: \(Self.apiVersion), "
    } else {
      let line = doc.file.byteRange(ofLine: location.line)
      guard bytes[line.lowerBound..<at].allSatisfy({ $0 == 0x20 }) else { return nil }
      let indent = String(repeating: " ", count: at - line.lowerBound)
      text = "apiVersion: \(Self.apiVersion)" + lineBreak(after: location.line) + indent
    }
    return Fix("Add apiVersion: orglint/v1", replacing: SourceRange(at: location), with: text)
  }

  /// The line break that ends `line`, else the file's first one, else LF.
  private func lineBreak(after line: Int) -> String {
    let file = doc.file
    for n in [line, 1] where n < file.lineCount {
      let end = file.byteRange(ofLine: n).upperBound
      let next = Int(file.lineStarts[n])
      if next > end { return String(decoding: bytes[end..<next], as: UTF8.self) }
    }
    return "\n"
  }
}
