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
          "this \(kind.rawValue) document has no apiVersion; add 'apiVersion: orglint/v1'", of: root)
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
