/// Reads `organizations/` and `iam/list-organizations-features.json` into the Organization document's entries, and
/// the OU paths accounts and policy targets refer to.
struct OrganizationImport {
  /// OU id → path (`Workloads/Prod`); root ids map to nil (accounts directly under the root have no OU).
  var ouPaths: [String: String] = [:]
  var rootIds: Set<String> = []
  var organizationId: String?
  var managementAccount: String?
  /// `RootCredentialsManagement` on, or nil when list-organizations-features.json is absent.
  var rootCredentialsManagement: Bool?
  /// Why `rootAccess` is unknown, when it is.
  var rootAccessUnknown: String?
  var entries: [YAMLEntry] = []
  /// The Organization's `unknown:` entries (a file that feeds a field is missing or holds a failed call).
  var unknown = UnknownEntries()
  /// Account ids the organization's files name (delegated administrators, policy targets), checked against
  /// list-accounts.json once it is read.
  var accountReferences: [JSONCursor] = []

  static let describeFile = "organizations/describe-organization.json"
  static let rootsFile = "organizations/list-roots.json"
  static let featuresFile = "iam/list-organizations-features.json"
  static let serviceAccessFile = "organizations/list-aws-service-access-for-organization.json"
  static let delegatedFile = "organizations/list-delegated-administrators.json"
  /// The service whose delegated administrators list-delegated-administrators.json holds (see Docs/import.md).
  static let delegatedService = "iam.amazonaws.com"

  init(folder: ExportFolder, log: inout FindingLog) throws(MalformedExport) {
    try readOUs(folder: folder, log: &log)
    var core: [YAMLEntry]
    if let describe = try folder.document(Self.describeFile) {
      let org = try describe.required("Organization")
      let id = try org.string("Id")
      let management = try AccountId.check(try org.required("MasterAccountId"))
      organizationId = id
      managementAccount = management
      core = [
        YAMLEntry.from(Self.describeFile, "id", .string(id)),
        YAMLEntry("managementAccount", .string(management)),
      ]
      if let featureSet = try org.optionalString("FeatureSet") {
        core.append(YAMLEntry("featureSet", .string(featureSet)))
      }
    } else if let (id, management) = try Self.identityFromAccountArns(folder: folder) {
      // Every account ARN is arn:<partition>:organizations::<management-id>:account/<org-id>/<account-id>.
      let reason = log.unknown(
        try folder.unavailable(Self.describeFile), call: "organizations describe-organization",
        "the organization id and management account are read from the account ARNs in \(AccountImport.listFile), "
          + "featureSet is unknown")
      organizationId = id
      managementAccount = management
      core = [
        YAMLEntry.from("\(AccountImport.listFile) (account ARNs)", "id", .string(id)),
        YAMLEntry("managementAccount", .string(management)),
      ]
      unknown.add("featureSet", reason)
    } else {
      log.add(ImportRules.missingPart, "absent: no Organization document is written", file: Self.describeFile)
      try readFeatures(folder: folder, log: &log)
      return
    }
    entries += core
    try readServiceAccess(folder: folder, log: &log)
    try readDelegatedAdministrators(folder: folder, log: &log)
    try readFeatures(folder: folder, log: &log)
    if let tree = ouTree {
      entries.append(tree)
    } else if let reason = ouTreeUnknown {
      unknown.add("organizationalUnits", reason)
    }
    switch try PolicyImport.read(
      folder: folder, ouPaths: ouPaths, rootIds: rootIds, ouTreeComplete: ouTreeUnknown == nil,
      accountTargets: &accountReferences, log: &log)
    {
    case .known(let policies): entries.append(YAMLEntry.from(PolicyImport.listFile, "policies", .sequence(policies)))
    case .unknown(let reason): unknown.add("policies", reason)
    }
    try readResourceControlPolicies(folder: folder, log: &log)
  }

  /// The organization id and management account id from the first account ARN of list-accounts.json, for an export
  /// whose describe-organization call failed; nil when no ARN says.
  private static func identityFromAccountArns(folder: ExportFolder) throws(MalformedExport) -> (String, String)? {
    guard let pages = try folder.pages(AccountImport.listFile) else { return nil }
    for page in pages {
      for account in try page.list("Accounts") {
        guard let arn = try account.optionalString("Arn") else { continue }
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "organizations", AccountId.isValid(String(parts[4]))
        else { continue }
        let resource = parts[5].split(separator: "/")
        guard resource.count == 3, resource[0] == "account", resource[1].hasPrefix("o-") else { continue }
        return (String(resource[1]), String(parts[4]))
      }
    }
    return nil
  }

  private mutating func readServiceAccess(folder: ExportFolder, log: inout FindingLog) throws(MalformedExport) {
    guard let items = try folder.listing(Self.serviceAccessFile, "EnabledServicePrincipals", log: &log) else {
      let reason = log.unknown(
        try folder.unavailable(Self.serviceAccessFile), call: "organizations list-aws-service-access-for-organization",
        "trustedAccess is unknown")
      unknown.add("trustedAccess", reason)
      return
    }
    var principals: [String] = []
    for item in items { principals.append(try item.string("ServicePrincipal")) }
    let sorted = Set(principals).sorted().map { YAMLNode.string($0) }
    entries.append(.from(Self.serviceAccessFile, "trustedAccess", .sequence(sorted)))
  }

  private mutating func readDelegatedAdministrators(folder: ExportFolder, log: inout FindingLog)
    throws(MalformedExport)
  {
    guard let items = try folder.listing(Self.delegatedFile, "DelegatedAdministrators", log: &log) else {
      let reason = log.unknown(
        try folder.unavailable(Self.delegatedFile), call: "organizations list-delegated-administrators",
        "delegatedAdministrators is unknown")
      unknown.add("delegatedAdministrators", reason)
      return
    }
    var ids: [String] = []
    for item in items {
      let id = try item.required("Id")
      ids.append(try AccountId.check(id))
      accountReferences.append(id)
    }
    let admins = Set(ids).sorted().map { id in
      YAMLNode.mapping([YAMLEntry("service", .string(Self.delegatedService)), YAMLEntry("account", .string(id))])
    }
    entries.append(
      .from(
        "\(Self.delegatedFile) (--service-principal \(Self.delegatedService))",
        "delegatedAdministrators", .sequence(admins)))
  }

  private mutating func readFeatures(folder: ExportFolder, log: inout FindingLog) throws(MalformedExport) {
    guard let doc = try folder.document(Self.featuresFile) else {
      let reason = log.unknown(
        try folder.unavailable(Self.featuresFile), call: "iam list-organizations-features",
        "rootAccess is unknown")
      rootAccessUnknown = reason
      unknown.add("rootAccess", reason)
      return
    }
    var features: Set<String> = []
    for item in try doc.list("EnabledFeatures") { features.insert(try item.string) }
    rootCredentialsManagement = features.contains("RootCredentialsManagement")
    guard organizationId != nil else { return }
    entries.append(
      .from(
        Self.featuresFile, "rootAccess",
        .mapping([
          YAMLEntry("rootCredentialsManagement", .bool(features.contains("RootCredentialsManagement"))),
          YAMLEntry("rootSessions", .bool(features.contains("RootSessions"))),
        ])))
  }

  /// Comment lines for the Organization document (the resource control policies, which the model cannot hold).
  var documentComments: [String] = []

  private mutating func readResourceControlPolicies(folder: ExportFolder, log: inout FindingLog)
    throws(MalformedExport)
  {
    documentComments += try PolicyImport.resourceControlPolicySummary(folder: folder, ouPaths: ouPaths, log: &log)
  }

  // MARK: Organizational units

  private var ouTree: YAMLEntry?
  /// Why the OU tree is incomplete (list-roots or an `ous/<parent-id>.json` is missing or failed), when it is.
  private(set) var ouTreeUnknown: String?

  /// Walks `ous/<parent-id>.json` from each root of list-roots.json, recording every OU's path.
  private mutating func readOUs(folder: ExportFolder, log: inout FindingLog) throws(MalformedExport) {
    guard let roots = try folder.listing(Self.rootsFile, "Roots", log: &log) else {
      let reason = log.unknown(
        try folder.unavailable(Self.rootsFile), call: "organizations list-roots",
        "organizationalUnits and OU paths are unknown")
      ouTreeUnknown = reason
      return
    }
    var top: [YAMLNode] = []
    var visited: Set<String> = []
    for root in roots {
      let id = try ExportId.root.check(try root.required("Id"))
      rootIds.insert(id)
      top += try children(of: id, path: nil, folder: folder, visited: &visited, log: &log)
    }
    if ouTreeUnknown == nil {
      ouTree = .from("organizations/list-roots.json, organizations/ous/", "organizationalUnits", .sequence(top))
    }
  }

  private mutating func children(
    of parent: String, path: String?, folder: ExportFolder, visited: inout Set<String>, log: inout FindingLog
  ) throws(MalformedExport) -> [YAMLNode] {
    guard visited.insert(parent).inserted else { return [] }
    let file = "organizations/ous/\(parent).json"
    guard let items = try folder.listing(file, "OrganizationalUnits", log: &log) else {
      let reason = log.unknown(
        try folder.unavailable(file), call: "organizations list-organizational-units-for-parent",
        "the OU tree is unknown below \(parent)")
      if ouTreeUnknown == nil { ouTreeUnknown = reason }
      return []
    }
    var named: [(name: String, node: YAMLNode)] = []
    for item in items {
      let id = try ExportId.organizationalUnit.check(try item.required("Id"))
      let name = try item.string("Name")
      let ouPath = path.map { "\($0)/\(name)" } ?? name
      ouPaths[id] = ouPath
      var fields = [YAMLEntry("name", .string(name))]
      let kids = try children(of: id, path: ouPath, folder: folder, visited: &visited, log: &log)
      if !kids.isEmpty { fields.append(YAMLEntry("children", .sequence(kids))) }
      named.append((name, .mapping(fields)))
    }
    return named.sorted { $0.name < $1.name }.map(\.node)
  }
}

/// Account id checks: AWS account ids are exactly 12 digits.
enum AccountId {
  static func isValid(_ s: String) -> Bool { s.utf8.count == 12 && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

  /// The string at `cursor`, which must be a 12-digit account id.
  static func check(_ cursor: JSONCursor) throws(MalformedExport) -> String {
    let id = try cursor.string
    guard isValid(id) else { throw cursor.error("expected a 12-digit account id, found '\(id)'") }
    return id
  }

  /// The account id inside an ARN (`arn:aws:iam::123456789012:root`) or a bare id; nil when there is none.
  static func from(arnOrId s: String) -> String? {
    if isValid(s) { return s }
    let parts = s.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 6, parts[0] == "arn", isValid(String(parts[4])) else { return nil }
    return String(parts[4])
  }
}
