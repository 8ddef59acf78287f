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
  var entries: [YAMLEntry] = []
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
    guard let describe = try folder.document(Self.describeFile) else {
      log.add(ImportRules.missingPart, "absent: no Organization document is written", file: Self.describeFile)
      try readFeatures(folder: folder, log: &log)
      return
    }
    let org = try describe.required("Organization")
    let id = try org.string("Id")
    let management = try AccountId.check(try org.required("MasterAccountId"))
    organizationId = id
    managementAccount = management
    var core = [
      YAMLEntry.from(Self.describeFile, "id", .string(id)),
      YAMLEntry("managementAccount", .string(management)),
    ]
    if let featureSet = try org.optionalString("FeatureSet") {
      core.append(YAMLEntry("featureSet", .string(featureSet)))
    }
    entries += core
    try readServiceAccess(folder: folder, log: &log)
    try readDelegatedAdministrators(folder: folder, log: &log)
    try readFeatures(folder: folder, log: &log)
    if let tree = ouTree { entries.append(tree) }
    let policies = try PolicyImport.read(
      folder: folder, ouPaths: ouPaths, rootIds: rootIds, accountTargets: &accountReferences, log: &log)
    if let policies { entries.append(YAMLEntry.from(PolicyImport.listFile, "policies", .sequence(policies))) }
  }

  private mutating func readServiceAccess(folder: ExportFolder, log: inout FindingLog) throws(MalformedExport) {
    guard let items = try folder.listing(Self.serviceAccessFile, "EnabledServicePrincipals", log: &log) else {
      log.add(ImportRules.missingPart, "absent: trustedAccess is left out", file: Self.serviceAccessFile)
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
      log.add(ImportRules.missingPart, "absent: delegatedAdministrators is left out", file: Self.delegatedFile)
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
      log.add(
        ImportRules.missingPart, "absent: rootAccess is left out, which the model reads as both features off",
        file: Self.featuresFile)
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

  // MARK: Organizational units

  private var ouTree: YAMLEntry?

  /// Walks `ous/<parent-id>.json` from each root of list-roots.json, recording every OU's path.
  private mutating func readOUs(folder: ExportFolder, log: inout FindingLog) throws(MalformedExport) {
    guard let roots = try folder.listing(Self.rootsFile, "Roots", log: &log) else {
      log.add(ImportRules.missingPart, "absent: organizationalUnits and OU paths are left out", file: Self.rootsFile)
      return
    }
    var top: [YAMLNode] = []
    var visited: Set<String> = []
    for root in roots {
      let id = try ExportId.root.check(try root.required("Id"))
      rootIds.insert(id)
      top += try children(of: id, path: nil, folder: folder, visited: &visited, log: &log)
    }
    ouTree = .from("organizations/list-roots.json, organizations/ous/", "organizationalUnits", .sequence(top))
  }

  private mutating func children(
    of parent: String, path: String?, folder: ExportFolder, visited: inout Set<String>, log: inout FindingLog
  ) throws(MalformedExport) -> [YAMLNode] {
    guard visited.insert(parent).inserted else { return [] }
    let file = "organizations/ous/\(parent).json"
    guard let items = try folder.listing(file, "OrganizationalUnits", log: &log) else {
      log.add(ImportRules.missingPart, "absent: the OUs under \(parent) are left out", file: file)
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
