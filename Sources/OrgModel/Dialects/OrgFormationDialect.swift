import Diagnostics
import LocatedYAML

/// An org-formation template (`AWSTemplateFormatVersion: '2010-09-09-OC'`), read in place: the `OC::ORG::` resources
/// of its `Organization:` section decode into the same model as orglint/v1 documents, located in the template.
/// `!Ref` to resources and to parameters with a `Default` is resolved; other intrinsics leave the field unknown.
/// Docs/dialects.md says what is read from where.
enum OrgFormationDialect {
  static let version = "2010-09-09-OC"

  /// True when the document is an org-formation template.
  static func isTemplate(_ doc: YAMLDocument) -> Bool {
    guard let root = doc.root, doc.kind(root) == .mapping,
      let v = doc.value(root, forKey: "AWSTemplateFormatVersion").flatMap(doc.resolve), doc.kind(v) == .scalar
    else { return false }
    return doc.scalar(v) == version
  }

  static func decode(_ yaml: YAMLDocument) -> DialectResult {
    var template = OrgFormationTemplate(yaml)
    return template.decode()
  }
}

/// One template, decoded in two passes: the resources and their references first (OU paths, which OU lists each
/// account, parameter defaults), then the entities, from a `ModelDocument` whose resolved `!Ref`s read as their value.
struct OrgFormationTemplate {
  let yaml: YAMLDocument
  var result = DialectResult()

  /// A resource of the `Organization:` section.
  struct Resource {
    let logicalId: String
    let type: String
    let key: YAMLNodeID
    /// The `Properties` mapping (the resource's mapping when it has none).
    let properties: YAMLNodeID
  }

  private var resources: [String: Resource] = [:]
  private var order: [String] = []
  private var parameters: [String: YAMLNodeID] = [:]
  /// Scalars whose text is resolved: `!Ref Param` → the default, an OU's account reference → the OU's path.
  private var substitutions: [YAMLNodeID: String] = [:]
  /// Tagged scalars that stay unresolved, with the reason.
  private var unresolved: [YAMLNodeID: String] = [:]

  init(_ yaml: YAMLDocument) { self.yaml = yaml }

  static let accountTypes: Set<String> = ["OC::ORG::MasterAccount", "OC::ORG::Account"]

  mutating func decode() -> DialectResult {
    let d0 = ModelDecoder(document: ModelDocument(yaml, index: 0))
    guard let root = yaml.root else { return result }
    if let p = yaml.value(root, forKey: "Parameters").flatMap(yaml.resolve), yaml.kind(p) == .mapping {
      for i in 0..<yaml.count(p) {
        if let m = yaml.resolve(yaml.value(p, i)), yaml.kind(m) == .mapping,
          let def = yaml.value(m, forKey: "Default").flatMap(yaml.resolve), yaml.kind(def) == .scalar
        {
          parameters[yaml.scalar(yaml.key(p, i))] = def
        }
      }
    }
    guard let orgKey = pairKey(root, "Organization", yaml), let section = d0.resolve(yaml.value(root, forKey: "Organization")!),
      d0.expect(.mapping, section, key: orgKey)
    else {
      result.findings += d0.findings
      return result
    }
    for i in 0..<yaml.count(section) {
      let key = yaml.key(section, i)
      guard yaml.kind(key) == .scalar, !yaml.isDuplicateKey(key), let m = d0.resolve(yaml.value(section, i)),
        d0.expect(.mapping, m, key: key)
      else { continue }
      guard let t = yaml.value(m, forKey: "Type").flatMap(yaml.resolve), yaml.kind(t) == .scalar else {
        d0.missing("Type", in: "an org-formation resource", m)
        continue
      }
      let props = yaml.value(m, forKey: "Properties").flatMap(yaml.resolve).flatMap { yaml.kind($0) == .mapping ? $0 : nil } ?? m
      let id = yaml.scalar(key)
      resources[id] = Resource(logicalId: id, type: yaml.scalar(t), key: key, properties: props)
      order.append(id)
    }
    scanIntrinsics(section)
    // OU tree and account membership (pass 1).
    let ouIds = order.filter { resources[$0]!.type == "OC::ORG::OrganizationalUnit" }
    var childOf: [String: String] = [:]
    for id in ouIds {
      for (target, _) in refs(resources[id]!.properties, "OrganizationalUnits") { childOf[target] = id }
    }
    var paths: [String: String] = [:]
    func path(_ id: String, depth: Int = 0) -> String {
      if let p = paths[id] { return p }
      let name = scalarText(resources[id]!.properties, "OrganizationalUnitName") ?? id
      let p = depth < 64 ? (childOf[id].map { path($0, depth: depth + 1) + "/" + name } ?? name) : name
      paths[id] = p
      return p
    }
    var membership: [String: YAMLNodeID] = [:]
    for id in ouIds {
      let p = path(id)
      for (target, item) in refs(resources[id]!.properties, "Accounts") where membership[target] == nil {
        membership[target] = item
        substitutions[item] = p
      }
    }
    result.findings += d0.findings

    // Entities (pass 2).
    let document = ModelDocument(yaml, index: 0, substitutions: substitutions)
    let d = ModelDecoder(document: document)
    var accountById: [String: Account] = [:]
    var management: String?
    for id in order where Self.accountTypes.contains(resources[id]!.type) {
      let r = resources[id]!
      let account = self.account(r, d, membership: membership[id], ouPath: membership[id].flatMap { substitutions[$0] })
      accountById[id] = account
      if r.type == "OC::ORG::MasterAccount" { management = account.id }
      result.accounts.append(account)
    }
    let orgNode = resources.values.first { $0.type == "OC::ORG::OrganizationRoot" }?.properties ?? section
    let org = Organization(origin: NodeRef(document: document, node: orgNode, redirects: LocationRedirects()))
    for (field, reason) in [
      ("id", "an org-formation template does not hold the organization's id"),
      ("featureSet", "an org-formation template does not state the feature set"),
      ("trustedAccess", "an org-formation template does not list trusted access"),
      ("delegatedAdministrators", "an org-formation template does not name an IAM delegated administrator"),
      ("rootAccess", "an org-formation template does not declare IAM centralized root access"),
      ("privilegedTasks", "an org-formation template holds no privileged-task log; add the task log of `orglint import aws`"),
    ] {
      org.unknown.append(.init(field: field, reason: reason))
    }
    if let management, !management.isEmpty {
      org.managementAccount = management
    } else {
      org.unknown.append(.init(field: "managementAccount", reason: "the template's MasterAccount has no AccountId"))
    }
    // OUs.
    var units: [String: OrganizationalUnit] = [:]
    for id in ouIds {
      let r = resources[id]!
      let redirects = LocationRedirects()
      let ou = OrganizationalUnit(origin: NodeRef(document: document, node: r.properties, redirects: redirects))
      ou.path = path(id)
      ou.name = String(ou.path.split(separator: "/").last ?? "")
      if let k = pairKey(r.properties, "OrganizationalUnitName", yaml) {
        redirects.set(["name"], document, key: k, value: yaml.value(r.properties, forKey: "OrganizationalUnitName")!)
      }
      units[id] = ou
    }
    var top: [OrganizationalUnit] = []
    for id in ouIds {
      let ou = units[id]!
      if let parent = childOf[id].flatMap({ units[$0] }) {
        parent.children = (parent.children ?? []) + [ou]
      } else {
        top.append(ou)
      }
    }
    org.organizationalUnits = top
    // Policies and what they are attached to.
    var policies: [String: Policy] = [:]
    var policyOrder: [Policy] = []
    for id in order where resources[id]!.type == "OC::ORG::ServiceControlPolicy" {
      let policy = self.policy(resources[id]!, d)
      policies[id] = policy
      policyOrder.append(policy)
    }
    for id in order {
      let r = resources[id]!
      let target: String?
      switch r.type {
      case "OC::ORG::OrganizationRoot": target = "Root"
      case "OC::ORG::OrganizationalUnit": target = units[id]?.path
      case "OC::ORG::MasterAccount", "OC::ORG::Account":
        target = accountById[id].flatMap { $0.id.isEmpty ? nil : $0.id }
      default: target = nil
      }
      for (name, item) in refs(r.properties, "ServiceControlPolicies") {
        guard let policy = policies[name] else {
          d.report(
            ModelRules.unknownPolicy,
            "\(r.logicalId) names service control policy '\(name)', which the template does not define"
              + DidYouMean.hint(for: name, among: Array(policies.keys).sorted()), at: item)
          continue
        }
        guard let target else { continue }
        policy.origin.redirects?.set(["attachedTo", String(policy.attachedTo?.count ?? 0)], document, key: item, value: item)
        policy.attachedTo = (policy.attachedTo ?? []) + [target]
      }
    }
    org.policies = policyOrder
    for id in ouIds {
      for (target, item) in refs(resources[id]!.properties, "Accounts") where accountById[target] == nil {
        if resources[target] == nil && !isAccountId(target) {
          d.report(ModelRules.unknownAccount, "\(id) lists account '\(target)', which the template does not define", at: item)
        }
      }
      for (target, item) in refs(resources[id]!.properties, "OrganizationalUnits") where units[target] == nil {
        d.report(ModelRules.unknownOU, "\(id) lists organizational unit '\(target)', which the template does not define", at: item)
      }
    }
    result.organization = org
    result.findings += d.findings
    return result
  }

  // MARK: Entities

  private mutating func account(_ r: Resource, _ d: ModelDecoder, membership: YAMLNodeID?, ouPath: String?) -> Account {
    let redirects = LocationRedirects()
    let m = r.properties
    let account = Account(origin: NodeRef(document: d.document, node: m, redirects: redirects))
    for (name, field) in [("AccountName", "name"), ("RootEmail", "email"), ("AccountId", "id"), ("Tags", "tags")] {
      guard let (k, raw) = pair(m, name, yaml), let v = d.resolve(raw) else { continue }
      redirects.set([field], d.document, key: k, value: v)
      if let reason = unresolved[v] {
        if field != "id" { account.unknown.append(.init(field: field, reason: reason)) }
        continue
      }
      switch field {
      case "name": account.nameNode = d.stringNode(v, key: k)
      case "email":
        account.emailNode = d.stringNode(v, key: k)
        if account.emailNode != nil, var text = d.document.text(v) { account.emailHash = text.withUTF8 { emailHash($0) } }
      case "id":
        if yaml.kind(v) == .scalar, substitutions[v] == nil {
          account.id = d.accountId(v, key: k) ?? ""
        } else {
          account.id = d.document.text(v) ?? ""
        }
      default:
        if d.expect(.mapping, v, key: k) { account.tagsNode = v }
      }
    }
    if account.nameNode == nil && !account.unknown.contains("name") { d.missing("AccountName", in: "an org-formation account", m) }
    if let membership, var path = ouPath {
      account.organizationalUnitNode = membership
      account.ouHash = path.withUTF8 { fnv1a($0) }
      redirects.set(["organizationalUnit"], d.document, key: membership, value: membership)
    }
    account.unknown.append(.init(field: "alternateContacts", reason: "not read from org-formation templates"))
    account.unknown.append(.init(field: "root", reason: OrgFormationReasons.root))
    account.unknown.append(.init(field: "audit", reason: OrgFormationReasons.root))
    return account
  }

  private func policy(_ r: Resource, _ d: ModelDecoder) -> Policy {
    let redirects = LocationRedirects()
    let m = r.properties
    let policy = Policy(origin: NodeRef(document: d.document, node: m, redirects: redirects))
    if let k = pairKey(m, "PolicyName", yaml), let v = d.resolve(yaml.value(m, forKey: "PolicyName")!) {
      policy.name = d.string(v, key: k) ?? r.logicalId
      redirects.set(["name"], d.document, key: k, value: v)
    } else {
      policy.name = r.logicalId
    }
    if let k = pairKey(m, "PolicyDocument", yaml), let v = d.resolve(yaml.value(m, forKey: "PolicyDocument")!) {
      redirects.set(["document"], d.document, key: k, value: v)
      if d.expect(.mapping, v, key: k, or: " (the IAM policy document)") {
        policy.document = d.dynamic(v)
        policy.statements = d.statements(ofDocument: v)
      }
    } else {
      d.missing("PolicyDocument", in: "an org-formation service control policy", m)
    }
    return policy
  }

  // MARK: References

  /// The logical ids (or literal values) a property references: `!Ref X`, `{Ref: X}`, `!GetAtt X.Attr`, a plain
  /// string, or a list of those; with the node of each.
  private func refs(_ m: YAMLNodeID, _ property: StaticString) -> [(String, YAMLNodeID)] {
    guard let v = yaml.value(m, forKey: property).flatMap(yaml.resolve) else { return [] }
    let items = yaml.kind(v) == .sequence ? yaml.items(v) : [v]
    return items.compactMap { item in
      guard let n = yaml.resolve(item) else { return nil }
      if yaml.kind(n) == .mapping, let r = yaml.value(n, forKey: "Ref").flatMap(yaml.resolve), yaml.kind(r) == .scalar {
        return (yaml.scalar(r), item)
      }
      guard yaml.kind(n) == .scalar else { return nil }
      let text = yaml.scalar(n)
      if yaml.tag(n) == "!GetAtt" { return (String(text.prefix { $0 != "." }), item) }
      return (text, item)
    }
  }

  /// A property's scalar text, resolved through `!Ref Param`; nil when absent or unresolvable.
  private func scalarText(_ m: YAMLNodeID, _ property: StaticString) -> String? {
    guard let v = yaml.value(m, forKey: property).flatMap(yaml.resolve), yaml.kind(v) == .scalar else { return nil }
    if let s = substitutions[v] { return s }
    return unresolved[v] == nil ? yaml.scalar(v) : nil
  }

  /// Tagged scalars and intrinsic mappings under the section: `!Ref Param` with a default resolves, any other
  /// intrinsic in a value orglint reads is unknown (references between resources are read by `refs`).
  private mutating func scanIntrinsics(_ section: YAMLNodeID) {
    var stack = [section]
    while let node = stack.popLast() {
      switch yaml.kind(node) {
      case .sequence: stack.append(contentsOf: yaml.items(node))
      case .mapping:
        for i in 0..<yaml.count(node) { stack.append(yaml.value(node, i)) }
      case .alias: break
      case .scalar:
        guard let tag = yaml.tag(node), tag.hasPrefix("!"), tag != "!" else { continue }
        let text = yaml.scalar(node)
        if tag == "!Ref", let def = parameters[text] {
          substitutions[node] = yaml.scalar(def)
        } else if tag == "!Ref", resources[text] != nil {
          continue  // a reference between resources
        } else {
          unresolved[node] = "org-formation intrinsic '\(tag) \(text)' is not resolved by orglint"
        }
      }
    }
  }
}

enum OrgFormationReasons {
  static let root =
    "an org-formation template does not record root-user state; lint it with the audits of `orglint import aws`"
}

/// The key node of the first pair named `name` in a mapping.
func pairKey(_ m: YAMLNodeID, _ name: String, _ doc: YAMLDocument) -> YAMLNodeID? { pair(m, name, doc)?.key }

/// The key and value nodes of the first pair named `name` in a mapping.
func pair(_ m: YAMLNodeID, _ name: String, _ doc: YAMLDocument) -> (key: YAMLNodeID, value: YAMLNodeID)? {
  guard doc.kind(m) == .mapping else { return nil }
  for i in 0..<doc.count(m) {
    let k = doc.key(m, i)
    if doc.kind(k) == .scalar, !doc.isDuplicateKey(k), doc.scalar(k) == name { return (k, doc.value(m, i)) }
  }
  return nil
}
