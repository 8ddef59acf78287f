import LocatedYAML

enum PolicyField: String, CaseIterable, Sendable { case name, attachedTo, document }
enum PolicyDocumentField: String, CaseIterable, Sendable {
  // swiftlint:disable:next identifier_name
  case Version, Id, Statement
}
enum StatementField: String, CaseIterable, Sendable {
  // swiftlint:disable:next identifier_name
  case Sid, Effect, Action, NotAction, Resource, NotResource, Condition
}

extension ModelDecoder {
  static let policyTable = FieldTable<PolicyField>()
  static let policyDocumentTable = FieldTable<PolicyDocumentField>()
  static let statementTable = FieldTable<StatementField>()

  /// Decodes a service control policy, its document kept as written and its statements normalised.
  public func policy(_ m: YAMLNodeID) -> Policy {
    let policy = Policy(origin: NodeRef(document: document, node: m))
    var hasName = false
    var hasDocument = false
    for i in 0..<doc.count(m) {
      guard let (field, key, value) = field(m, i, Self.policyTable, in: "a policy", required: { $0 != .attachedTo })
      else { continue }
      if field == .name { hasName = true }
      if field == .document { hasDocument = true }
      guard let v = value else { continue }
      switch field {
      case .name:
        policy.name = string(v, key: key) ?? ""
      case .attachedTo: policy.attachedTo = stringList(v, key: key)
      case .document:
        guard expect(.mapping, v, key: key, or: " (the IAM policy document, as YAML or JSON)") else {
          break
        }
        policy.document = dynamic(v)
        policy.statements = statements(ofDocument: v)
      }
    }
    if !hasName { missing("name", in: "a policy", m) }
    if !hasDocument { missing("document", in: "a policy", m) }
    return policy
  }

  func statements(ofDocument m: YAMLNodeID) -> [Statement] {
    var out: [Statement] = []
    var hasStatement = false
    for i in 0..<doc.count(m) {
      guard
        let (field, key, value) = field(
          m, i, Self.policyDocumentTable, in: "a policy document", required: { $0 == .Statement })
      else { continue }
      if field == .Statement { hasStatement = true }
      guard let v = value else { continue }
      switch field {
      case .Version, .Id: _ = string(v, key: key)
      case .Statement:
        if doc.kind(v) == .mapping {
          out.append(statement(v))
        } else {
          out = items(v, key: key) { d, item, _ in d.statement(item) } ?? []
        }
      }
    }
    if !hasStatement { missing("Statement", in: "a policy document", m) }
    return out
  }

  func statement(_ m: YAMLNodeID) -> Statement {
    var s = Statement()
    var hasEffect = false
    for i in 0..<doc.count(m) {
      guard
        let (field, key, value) = field(
          m, i, Self.statementTable, in: "a policy statement", required: { $0 == .Effect })
      else { continue }
      if field == .Effect { hasEffect = true }
      guard let v = value else { continue }
      switch field {
      case .Sid: s.sid = string(v, key: key)
      case .Effect:
        s.effect = enumValue(v, key: key, EnumTables.effect)
      case .Action: s.actions = stringOrList(v, key: key)
      case .NotAction: s.notActions = stringOrList(v, key: key)
      case .Resource: s.resources = stringOrList(v, key: key)
      case .NotResource: s.notResources = stringOrList(v, key: key)
      case .Condition: s.conditions = conditions(v, key: key)
      }
    }
    if !hasEffect { missing("Effect", in: "a policy statement", m) }
    return s
  }

  /// `Condition`: operator → condition key → values (a scalar or a list; booleans and numbers as their text).
  func conditions(_ m: YAMLNodeID, key: YAMLNodeID) -> [String: [String: [String]]]? {
    guard expect(.mapping, m, key: key) else { return nil }
    var out: [String: [String: [String]]] = [:]
    for i in 0..<doc.count(m) {
      let op = doc.key(m, i)
      if doc.isDuplicateKey(op) { continue }
      guard let block = resolve(doc.value(m, i)) else { continue }
      guard expect(.mapping, block, key: op) else { continue }
      var keys: [String: [String]] = [:]
      for j in 0..<doc.count(block) {
        let k = doc.key(block, j)
        if doc.isDuplicateKey(k) { continue }
        guard let values = resolve(doc.value(block, j)) else {
          keys[text(k)] = []
          continue
        }
        if let list = stringOrList(values, key: k) { keys[text(k)] = list }
      }
      out[text(op)] = keys
    }
    return out
  }

  /// A node as a `DynamicValue` (aliases followed; plain scalars resolved with YAML 1.2's core schema).
  func dynamic(_ node: YAMLNodeID) -> DynamicValue {
    guard let r = doc.resolve(node) else { return .null }
    switch doc.kind(r) {
    case .alias: return .null
    case .sequence: return .list((0..<doc.count(r)).map { dynamic(doc.item(r, $0)) })
    case .mapping:
      var pairs: [DynamicPair] = []
      for i in 0..<doc.count(r) where !doc.isDuplicateKey(doc.key(r, i)) {
        pairs.append(DynamicPair(key: text(doc.key(r, i)), value: dynamic(doc.value(r, i))))
      }
      return .map(pairs)
    case .scalar:
      if doc.isNull(r) { return .null }
      let text = text(r)
      guard isPlain(r) else { return .string(text) }
      if let b = yaml12Bool(r) { return .bool(b) }
      if let i = Int64(text) { return .int(i) }
      if withText(r, { looksNumeric($0) }), let d = Double(text) { return .double(d) }
      return .string(text)
    }
  }
}
