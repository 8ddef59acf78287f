/// Reads the service control policies: `organizations/policies/list-policies.json`, then per policy
/// `<policy-id>.json` (describe-policy, whose `Content` is the policy document as a JSON string) and
/// `<policy-id>.targets.json` (list-targets-for-policy).
enum PolicyImport {
  static let listFile = "organizations/policies/list-policies.json"
  /// `organizations list-policies --filter RESOURCE_CONTROL_POLICY`; their describe-policy and targets files sit
  /// next to the SCPs' (policy ids are unique across types).
  static let resourceControlListFile = "organizations/policies/list-resource-control-policies.json"

  /// The SCPs, or why they are unknown: the listing, a policy's document or its targets is unavailable, or a target
  /// names an OU below a part of the OU tree that is unknown.
  enum Result {
    case known([YAMLNode])
    case unknown(String)
  }

  static func read(
    folder: ExportFolder, ouPaths: [String: String], rootIds: Set<String>, ouTreeComplete: Bool,
    accountTargets: inout [JSONCursor], log: inout FindingLog
  ) throws(MalformedExport) -> Result {
    guard let summaries = try folder.listing(listFile, "Policies", log: &log) else {
      let reason = log.unknown(
        try folder.unavailable(listFile), call: "organizations list-policies",
        "policies are unknown")
      return .unknown(reason)
    }
    var policies: [(name: String, node: YAMLNode)] = []
    var unknownReason: String?
    for summary in summaries {
      if let type = try summary.optionalString("Type"), type != "SERVICE_CONTROL_POLICY" { continue }
      let id = try ExportId.policy.check(try summary.required("Id"))
      let name = try summary.string("Name")
      var fields = [YAMLEntry("name", .string(name))]
      let targetsFile = "organizations/policies/\(id).targets.json"
      if let targets = try folder.listing(targetsFile, "Targets", log: &log) {
        var attached: [String] = []
        for target in targets {
          switch try targetName(target, ouPaths: ouPaths, rootIds: rootIds, ouTreeComplete: ouTreeComplete, log: &log)
          {
          case .name(let name):
            attached.append(name)
            if AccountId.isValid(name), let id = try target.optional("TargetId") { accountTargets.append(id) }
          case .unknownOU(let ou):
            unknownReason =
              unknownReason ?? "policy '\(name)' is attached to OU '\(ou)', which is in an unknown part of the OU tree"
          case .skipped: break
          }
        }
        fields.append(.from(targetsFile, "attachedTo", .sequence(sortTargets(attached).map { .string($0) })))
      } else {
        let reason = log.unknown(
          try folder.unavailable(targetsFile), call: "organizations list-targets-for-policy",
          "the targets of policy '\(name)' are unknown")
        unknownReason = unknownReason ?? reason
      }
      let describeFile = "organizations/policies/\(id).json"
      if let describe = try folder.document(describeFile) {
        let content = try describe.required("Policy").required("Content")
        fields.append(.from("\(describeFile) $.Policy.Content", "document", try document(content)))
      } else {
        let reason = log.unknown(
          try folder.unavailable(describeFile), call: "organizations describe-policy",
          "the document of policy '\(name)' is unknown")
        unknownReason = unknownReason ?? reason
      }
      policies.append((name, .mapping(fields)))
    }
    // The format has no `unknown:` on a policy: one policy's unknown document or targets makes `policies` unknown.
    if let unknownReason { return .unknown(unknownReason) }
    return .known(policies.sorted { $0.name < $1.name }.map(\.node))
  }

  /// The resource control policies as comment lines (`name: attached to Root, Workloads`): the orglint/v1 model has
  /// no resource control policies, so no rule reads them; the comment keeps them visible in the generated file.
  /// Empty when the listing is absent (older exports) or lists none.
  static func resourceControlPolicySummary(folder: ExportFolder, ouPaths: [String: String], log: inout FindingLog)
    throws(MalformedExport) -> [String]
  {
    guard let summaries = try folder.listing(resourceControlListFile, "Policies", log: &log) else { return [] }
    var lines: [(String, String)] = []
    for summary in summaries {
      let id = try summary.string("Id")
      let name = try summary.string("Name")
      let targetsFile = "organizations/policies/\(id).targets.json"
      var attached = "targets unknown"
      if let targets = try folder.listing(targetsFile, "Targets", log: &log) {
        var names: [String] = []
        for target in targets {
          let targetId = try target.string("TargetId")
          switch try target.string("Type") {
          case "ROOT": names.append("Root")
          case "ORGANIZATIONAL_UNIT": names.append(ouPaths[targetId] ?? targetId)
          default: names.append(targetId)
          }
        }
        attached = names.isEmpty ? "not attached" : "attached to " + sortTargets(names).joined(separator: ", ")
      }
      lines.append((name, "  \(name) (\(id)): \(attached)"))
    }
    guard !lines.isEmpty else { return [] }
    return [
      "resource control policies (\(resourceControlListFile)); the orglint/v1 model has no place for them, so no rule"
        + " reads them:"
    ] + lines.sorted { $0.0 < $1.0 }.map(\.1)
  }

  /// What a policy target names.
  private enum Target {
    case name(String)
    /// An OU that no root reaches while the OU tree is incomplete: the attachment is unknown.
    case unknownOU(String)
    /// A dangling reference (reported as IMPORT003).
    case skipped
  }

  /// `Root`, the OU path, or the account id a target names.
  private static func targetName(
    _ target: JSONCursor, ouPaths: [String: String], rootIds: Set<String>, ouTreeComplete: Bool,
    log: inout FindingLog
  ) throws(MalformedExport) -> Target {
    let id = try target.required("TargetId")
    let idText = try id.string
    switch try target.string("Type") {
    case "ROOT":
      if !rootIds.isEmpty && !rootIds.contains(idText) {
        log.add(ImportRules.danglingReference, "root '\(idText)' is not in organizations/list-roots.json", at: id)
      }
      return .name("Root")
    case "ORGANIZATIONAL_UNIT":
      if let path = ouPaths[idText] { return .name(path) }
      if !ouTreeComplete { return .unknownOU(idText) }
      log.add(ImportRules.danglingReference, "OU '\(idText)' is not under any root in organizations/ous/", at: id)
      return .skipped
    case "ACCOUNT":
      return .name(try AccountId.check(id))
    case let other:
      throw try target.required("Type").error("unknown target type '\(other)'")
    }
  }

  /// Root first, then OU paths, then account ids, each sorted.
  private static func sortTargets(_ names: [String]) -> [String] {
    Set(names).sorted { a, b in
      func rank(_ s: String) -> Int { s == "Root" ? 0 : AccountId.isValid(s) ? 2 : 1 }
      return rank(a) != rank(b) ? rank(a) < rank(b) : a < b
    }
  }

  /// The policy document: the JSON inside the `Content` string, as a YAML mapping in the file's member order.
  private static func document(_ content: JSONCursor) throws(MalformedExport) -> YAMLNode {
    var parser = JSONParser(bytes: Array(try content.string.utf8))
    let values: [JSONValue]
    do {
      values = try parser.parseAll()
    } catch {
      throw content.error("the policy document is not valid JSON: \(error.message) (at byte \(error.offset))")
    }
    guard values.count == 1 else { throw content.error("expected one JSON policy document, found \(values.count)") }
    return yaml(values[0])
  }

  /// Any JSON value as YAML (numbers and literals stay typed, strings are quoted where needed).
  static func yaml(_ value: JSONValue) -> YAMLNode {
    switch value.kind {
    case .null: .raw("null")
    case .bool(let b): .bool(b)
    case .number(let n): .raw(n)
    case .string(let s): .string(s)
    case .array(let items): .sequence(items.map(yaml))
    case .object(let members): .mapping(members.map { YAMLEntry($0.key, yaml($0.value)) })
    }
  }
}
