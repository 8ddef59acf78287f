import Diagnostics
import LocatedYAML

/// A Landing Zone Accelerator configuration folder, read in place: accounts-config.yaml, organization-config.yaml
/// (with the SCPs' JSON files), global-config.yaml and replacements-config.yaml at the folder's top decode into the
/// same model as orglint/v1 documents, every value located in the LZA file it came from. Docs/dialects.md says what
/// is read from where and what stays unknown.
enum LZADialect {
  static let accountsFile = "accounts-config.yaml"
  static let organizationFile = "organization-config.yaml"
  static let globalFile = "global-config.yaml"
  static let replacementsFile = "replacements-config.yaml"
  /// The file names the dialect reads; no other file can make a folder an LZA config folder.
  static let fileNames: Set<String> = [accountsFile, organizationFile, globalFile, replacementsFile]

  /// True when `names` (the file names at the top of the set's folder) make an LZA config folder.
  static func isConfigFolder(_ names: Set<String>) -> Bool {
    names.contains(accountsFile) && names.contains(organizationFile)
  }

  /// Decodes the folder's files (by name; `folder` is their folder as displayed, `absoluteFolder` for reading the
  /// policy files).
  static func decode(
    files: [String: YAMLFile], folder: String, absoluteFolder: String, limits: YAMLLimits
  ) -> DialectResult {
    let replacements = LZAReplacements(files[replacementsFile]?.documents.first)
    var decoder = LZADecoder(replacements: replacements, folder: folder, absoluteFolder: absoluteFolder, limits: limits)
    decoder.decode(
      accounts: files[accountsFile]?.documents.first, organization: files[organizationFile]?.documents.first,
      global: files[globalFile]?.documents.first)
    return decoder.result
  }
}

/// What a dialect decoded: entities for the linker, findings, and the files it read besides the set's YAML
/// (policy JSON files).
struct DialectResult: Sendable {
  var organization: Organization?
  var accounts: [Account] = []
  var findings: [Finding] = []
  var extraFiles: [YAMLFile] = []
  var unreadable: [SourceFileError] = []
}

/// The reason the model gives for facts an LZA folder does not hold.
enum LZAReasons {
  static let root = "the LZA configuration does not record root-user state; lint it with the audits of `orglint import aws`"
  static let contacts = "LZA's configuration has no alternate contacts"
  static let tasks = "the LZA configuration holds no privileged-task log; add the task log of `orglint import aws`"
  static let trusted = "LZA enables trusted access itself; the configuration does not list it"
  static let organizationId = "the LZA configuration does not hold the organization's id"
  static let delegated = "the LZA configuration does not name an IAM delegated administrator"
}

struct LZADecoder {
  let replacements: LZAReplacements
  let folder: String
  let absoluteFolder: String
  let limits: YAMLLimits
  var result = DialectResult()
  /// Accounts by their LZA `name` (deployment targets name accounts).
  private var byName: [String: Account] = [:]

  init(replacements: LZAReplacements, folder: String, absoluteFolder: String, limits: YAMLLimits) {
    self.replacements = replacements
    self.folder = folder
    self.absoluteFolder = absoluteFolder
    self.limits = limits
  }

  /// A document with its placeholders resolved, and the decoder that reads it.
  private func open(_ yaml: YAMLDocument) -> (ModelDecoder, unresolved: [YAMLNodeID: String]) {
    let (resolved, unresolved) = replacements.scan(yaml)
    return (ModelDecoder(document: ModelDocument(yaml, index: 0, substitutions: resolved)), unresolved)
  }

  mutating func decode(accounts: YAMLDocument?, organization: YAMLDocument?, global: YAMLDocument?) {
    if let accounts { decodeAccounts(accounts) }
    guard let organization, let root = organization.root else { return }
    let (d, unresolved) = open(organization)
    guard d.doc.kind(root) == .mapping else {
      d.report(ModelRules.wrongType, "organization-config.yaml must be a mapping, found \(d.describe(root))", at: root)
      result.findings += d.findings
      return
    }
    let redirects = LocationRedirects()
    let org = Organization(origin: NodeRef(document: d.document, node: root, redirects: redirects))
    org.featureSet = .all  // LZA requires an organization with all features
    org.unknown.append(.init(field: "id", reason: LZAReasons.organizationId))
    org.unknown.append(.init(field: "trustedAccess", reason: LZAReasons.trusted))
    org.unknown.append(.init(field: "delegatedAdministrators", reason: LZAReasons.delegated))
    org.unknown.append(.init(field: "privilegedTasks", reason: LZAReasons.tasks))
    if let management = byName["Management"], !management.id.isEmpty {
      org.managementAccount = management.id
    } else {
      org.unknown.append(
        .init(
          field: "managementAccount",
          reason: "accounts-config.yaml has no accountIds entry for the Management account's email"))
    }
    var ous: [OrganizationalUnit] = []
    var policies: [Policy] = []
    for i in 0..<d.doc.count(root) {
      let key = d.doc.key(root, i)
      guard d.doc.kind(key) == .scalar, let v = d.resolve(d.doc.value(root, i)) else { continue }
      switch d.doc.scalar(key) {
      case "organizationalUnits":
        ous = organizationalUnits(v, key: key, d)
      case "serviceControlPolicies":
        policies = d.items(v, key: key) { d, item, _ in policy(item, d, unresolved: unresolved) } ?? []
      default: break  // LZA has many settings orglint does not need
      }
    }
    org.organizationalUnits = ous
    org.policies = policies
    result.findings += d.findings
    if let global { rootAccess(global, of: org, redirects) }
    result.organization = org
  }

  // MARK: accounts-config.yaml

  private mutating func decodeAccounts(_ yaml: YAMLDocument) {
    guard let root = yaml.root else { return }
    let (d, unresolved) = open(yaml)
    guard d.doc.kind(root) == .mapping else {
      d.report(ModelRules.wrongType, "accounts-config.yaml must be a mapping, found \(d.describe(root))", at: root)
      result.findings += d.findings
      return
    }
    /// Lower-cased email → the accountIds item's `accountId` key and value.
    var ids: [String: (String, YAMLNodeID, YAMLNodeID)] = [:]
    var lists: [(YAMLNodeID, YAMLNodeID)] = []
    for i in 0..<d.doc.count(root) {
      let key = d.doc.key(root, i)
      guard d.doc.kind(key) == .scalar, let v = d.resolve(d.doc.value(root, i)) else { continue }
      switch d.doc.scalar(key) {
      case "mandatoryAccounts", "workloadAccounts": lists.append((key, v))
      case "accountIds":
        _ = d.items(v, key: key) { d, item, _ -> Bool? in
          guard let email = d.doc.value(item, forKey: "email").flatMap(d.resolve),
            let idKey = pairKey(item, "accountId", d.doc), let idValue = d.resolve(d.doc.value(item, forKey: "accountId")!),
            let id = d.accountId(idValue, key: idKey)
          else { return nil }
          ids[lowercasedASCII(d.document.text(email) ?? "")] = (id, idKey, idValue)
          return true
        }
      default: break
      }
    }
    for (key, list) in lists {
      let accounts = d.items(list, key: key) { d, item, _ in account(item, d, unresolved: unresolved) } ?? []
      for account in accounts {
        if let (id, k, v) = ids[lowercasedASCII(account.email)], !account.email.isEmpty {
          account.id = id
          account.origin.redirects?.set(["id"], d.document, key: k, value: v)
        }
        if !account.name.isEmpty, byName[account.name] == nil { byName[account.name] = account }
        result.accounts.append(account)
      }
    }
    result.findings += d.findings
  }

  private func account(_ m: YAMLNodeID, _ d: ModelDecoder, unresolved: [YAMLNodeID: String]) -> Account {
    let account = Account(origin: NodeRef(document: d.document, node: m, redirects: LocationRedirects()))
    var hasName = false
    var hasEmail = false
    for i in 0..<d.doc.count(m) {
      let key = d.doc.key(m, i)
      guard d.doc.kind(key) == .scalar, !d.doc.isDuplicateKey(key), let v = d.resolve(d.doc.value(m, i)) else {
        continue
      }
      let field = d.doc.scalar(key)
      guard field == "name" || field == "email" || field == "organizationalUnit" else { continue }
      guard let node = d.stringNode(v, key: key) else { continue }
      if let reason = unresolved[node] {
        account.unknown.append(.init(field: field, reason: reason))
        if field == "name" { hasName = true } else if field == "email" { hasEmail = true }
        continue
      }
      let text = d.document.text(node) ?? ""
      var bytes = text
      switch field {
      case "name":
        hasName = true
        account.nameNode = node
      case "email":
        hasEmail = true
        account.emailNode = node
        account.emailHash = bytes.withUTF8 { emailHash($0) }
      default:
        account.organizationalUnitNode = node
        account.ouHash = bytes.withUTF8 { fnv1a($0) }
      }
    }
    if !hasName { d.missing("name", in: "an LZA account", m) }
    if !hasEmail { d.missing("email", in: "an LZA account", m) }
    account.unknown.append(.init(field: "alternateContacts", reason: LZAReasons.contacts))
    account.unknown.append(.init(field: "root", reason: LZAReasons.root))
    account.unknown.append(.init(field: "audit", reason: LZAReasons.root))
    return account
  }

  // MARK: organization-config.yaml

  /// LZA lists OUs flat, by path (`Workloads/Prod`), parents in any order; a parent that is not listed is made
  /// from its first child's entry.
  private func organizationalUnits(_ list: YAMLNodeID, key: YAMLNodeID, _ d: ModelDecoder) -> [OrganizationalUnit] {
    var byPath: [String: OrganizationalUnit] = [:]
    var top: [OrganizationalUnit] = []
    func unit(_ path: String, _ item: YAMLNodeID) -> OrganizationalUnit {
      if let ou = byPath[path] { return ou }
      let ou = OrganizationalUnit(origin: NodeRef(document: d.document, node: item))
      ou.path = path
      ou.name = String(path.split(separator: "/").last ?? "")
      byPath[path] = ou
      if let slash = path.lastIndex(of: "/") {
        let parent = unit(String(path[..<slash]), item)
        parent.children = (parent.children ?? []) + [ou]
      } else {
        top.append(ou)
      }
      return ou
    }
    var listed = Set<String>()
    _ = d.items(list, key: key) { d, item, _ -> Bool? in
      guard let nameKey = pairKey(item, "name", d.doc), let v = d.resolve(d.doc.value(item, forKey: "name")!),
        let name = d.string(v, key: nameKey)
      else {
        d.missing("name", in: "an LZA organizational unit", item)
        return nil
      }
      let path = name.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
      if listed.contains(path), let first = byPath[path] {
        let at = first.origin.location
        d.report(
          ModelRules.duplicateOU,
          "duplicate organizational unit '\(path)'; it is first defined at \(at.path):\(at.range.start.line)",
          key: nameKey, value: v)
        return nil
      }
      listed.insert(path)
      if let implicit = byPath[path] {
        // Made earlier from a child's entry: now it points at its own.
        let ou = OrganizationalUnit(origin: NodeRef(document: d.document, node: item))
        ou.path = implicit.path
        ou.name = implicit.name
        ou.children = implicit.children
        // Its parent is listed or made already (`unit` makes parents first), under its path.
        if let slash = path.lastIndex(of: "/"), let parent = byPath[String(path[..<slash])] {
          parent.children = parent.children?.map { $0 === implicit ? ou : $0 }
        } else {
          top = top.map { $0 === implicit ? ou : $0 }
        }
        byPath[path] = ou
      } else {
        _ = unit(path, item)
      }
      return true
    }
    return top
  }

  private mutating func policy(_ m: YAMLNodeID, _ d: ModelDecoder, unresolved: [YAMLNodeID: String]) -> Policy? {
    let redirects = LocationRedirects()
    let policy = Policy(origin: NodeRef(document: d.document, node: m, redirects: redirects))
    var targets: (YAMLNodeID, YAMLNodeID)?
    var file: (YAMLNodeID, YAMLNodeID)?
    var awsManaged = false
    for i in 0..<d.doc.count(m) {
      let key = d.doc.key(m, i)
      guard d.doc.kind(key) == .scalar, !d.doc.isDuplicateKey(key), let v = d.resolve(d.doc.value(m, i)) else {
        continue
      }
      switch d.doc.scalar(key) {
      case "name": policy.name = d.string(v, key: key) ?? ""
      case "policy": file = (key, v)
      case "type": awsManaged = d.doc.kind(v) == .scalar && d.doc.scalar(v) == "awsManaged"
      case "deploymentTargets": targets = (key, v)
      default: break
      }
    }
    if policy.name.isEmpty { d.missing("name", in: "an LZA service control policy", m) }
    if let (key, v) = file, let relative = d.string(v, key: key) {
      if let reason = unresolved[v] {
        d.report(ModelRules.missingPolicyFile, "the policy file is unknown: \(reason)", key: key, value: v)
      } else {
        readDocument(of: policy, relative: d.document.text(v) ?? relative, key: key, value: v, d, awsManaged)
      }
    } else if file == nil && !awsManaged {
      d.missing("policy", in: "an LZA service control policy", m)
    }
    if let (key, v) = targets, d.expect(.mapping, v, key: key) {
      policy.attachedTo = attachments(v, d, redirects)
    }
    return policy
  }

  /// Reads the policy's JSON file (libyaml reads JSON as YAML, so its findings are located in it).
  private mutating func readDocument(
    of policy: Policy, relative: String, key: YAMLNodeID, value: YAMLNodeID, _ d: ModelDecoder, _ awsManaged: Bool
  ) {
    let shown = folder.isEmpty ? relative : folder + "/" + relative
    let source: SourceFile
    do {
      source = try SourceFile.read(path: absoluteFolder + "/" + relative, displayPath: shown, maxBytes: limits.maxFileBytes)
    } catch {
      if !awsManaged {
        d.report(
          ModelRules.missingPolicyFile,
          "policy '\(policy.name)' names the file \(shown), which cannot be read (\((error as? SourceFileError)?.reason ?? "\(error)"))",
          key: key, value: value)
      }
      return
    }
    let yaml = YAMLReader.read(source, limits: limits)
    result.extraFiles.append(yaml)
    guard let doc = yaml.documents.first, let root = doc.root else { return }
    let jd = ModelDecoder(document: ModelDocument(doc, index: 0))
    if jd.expect(.mapping, root, key: key) {
      policy.document = jd.dynamic(root)
      policy.statements = jd.statements(ofDocument: root)
      policy.origin.redirects?.set(["document"], jd.document, key: root, value: root)
    }
    result.findings += jd.findings
  }

  /// `deploymentTargets` as `attachedTo`: OU paths, and account ids for named accounts. With `excludedAccounts`,
  /// the policy is attached to each account of the targeted OUs except those (as LZA does), not to the OUs.
  private func attachments(_ m: YAMLNodeID, _ d: ModelDecoder, _ redirects: LocationRedirects) -> [String] {
    var ous: [(String, YAMLNodeID)] = []
    var named: [(String, YAMLNodeID)] = []
    var excluded = Set<String>()
    for i in 0..<d.doc.count(m) {
      let key = d.doc.key(m, i)
      guard d.doc.kind(key) == .scalar, let v = d.resolve(d.doc.value(m, i)), d.doc.kind(v) == .sequence else {
        continue
      }
      let items = d.doc.items(v).compactMap { item in d.resolve(item).map { (d.document.text($0) ?? "", $0) } }
      switch d.doc.scalar(key) {
      case "organizationalUnits": ous = items
      case "accounts": named = items
      case "excludedAccounts": excluded = Set(items.map(\.0))
      default: break
      }
    }
    var out: [String] = []
    func add(_ target: String, _ node: YAMLNodeID) {
      redirects.set(["attachedTo", String(out.count)], d.document, key: node, value: node)
      out.append(target)
    }
    for (name, node) in named {
      guard let account = byName[name] else {
        d.report(ModelRules.unknownAccount, "deployment target account '\(name)' is not in accounts-config.yaml", at: node)
        continue
      }
      if !account.id.isEmpty && !excluded.contains(name) { add(account.id, node) }
    }
    if excluded.isEmpty {
      for (path, node) in ous { add(path, node) }
    } else {
      for (path, node) in ous {
        for account in result.accounts where !excluded.contains(account.name) && !account.id.isEmpty {
          let ou = account.organizationalUnit ?? ""
          if path == "Root" || ou == path || ou.hasPrefix(path + "/") { add(account.id, node) }
        }
      }
    }
    return out
  }

  // MARK: global-config.yaml

  /// `centralRootUserManagement`: enable, capabilities.rootCredentialsManagement and .allowRootSessions. Absent:
  /// both features off, located at the file's first key.
  private mutating func rootAccess(_ yaml: YAMLDocument, of org: Organization, _ redirects: LocationRedirects) {
    guard let root = yaml.root else { return }
    let (d, unresolved) = open(yaml)
    defer { result.findings += d.findings }
    guard d.doc.kind(root) == .mapping, d.doc.count(root) > 0 else { return }
    guard let key = pairKey(root, "centralRootUserManagement", d.doc),
      let m = d.resolve(d.doc.value(root, forKey: "centralRootUserManagement")!),
      d.expect(.mapping, m, key: key)
    else {
      redirects.set(["rootAccess"], d.document, key: d.doc.key(root, 0), value: d.doc.value(root, 0))
      org.rootAccess = RootAccess(rootCredentialsManagement: false, rootSessions: false)
      return
    }
    redirects.set(["rootAccess"], d.document, key: key, value: m)
    var access = RootAccess()
    func flag(_ value: YAMLNodeID, _ key: YAMLNodeID, _ field: String) -> Bool? {
      if let reason = unresolved[value] {
        access.unknown.append(.init(field: field, reason: reason))
        return nil
      }
      return d.bool(value, key: key)
    }
    var enable: Bool?
    var enableUnknown: String?
    if let k = pairKey(m, "enable", d.doc), let v = d.resolve(d.doc.value(m, forKey: "enable")!) {
      enableUnknown = unresolved[v]
      enable = enableUnknown == nil ? d.bool(v, key: k) : nil
      if enable == false {
        redirects.set(["rootAccess", "rootCredentialsManagement"], d.document, key: k, value: v)
        redirects.set(["rootAccess", "rootSessions"], d.document, key: k, value: v)
      }
    } else {
      d.missing("enable", in: "centralRootUserManagement", m)
    }
    var credentials: Bool?
    var sessions: Bool?
    if let ck = pairKey(m, "capabilities", d.doc), let c = d.resolve(d.doc.value(m, forKey: "capabilities")!),
      d.expect(.mapping, c, key: ck)
    {
      if let k = pairKey(c, "rootCredentialsManagement", d.doc), let v = d.resolve(d.doc.value(c, forKey: "rootCredentialsManagement")!) {
        credentials = flag(v, k, "rootCredentialsManagement")
        if enable != false { redirects.set(["rootAccess", "rootCredentialsManagement"], d.document, key: k, value: v) }
      } else {
        d.missing("rootCredentialsManagement", in: "capabilities", c)
      }
      if let k = pairKey(c, "allowRootSessions", d.doc), let v = d.resolve(d.doc.value(c, forKey: "allowRootSessions")!) {
        sessions = flag(v, k, "rootSessions")
        if enable != false { redirects.set(["rootAccess", "rootSessions"], d.document, key: k, value: v) }
      } else {
        d.missing("allowRootSessions", in: "capabilities", c)
      }
    } else if enable != false {
      d.missing("capabilities", in: "centralRootUserManagement", m)
    }
    if let reason = enableUnknown {
      access.unknown = UnknownFields([
        .init(field: "rootCredentialsManagement", reason: reason), .init(field: "rootSessions", reason: reason),
      ])
    } else if enable == false {
      access.rootCredentialsManagement = false
      access.rootSessions = false
      access.unknown = UnknownFields()
    } else {
      access.rootCredentialsManagement = credentials
      access.rootSessions = sessions
    }
    org.rootAccess = access
  }
}
