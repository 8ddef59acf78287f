/// Reads the service control policies: `organizations/policies/list-policies.json`, then per policy
/// `<policy-id>.json` (describe-policy, whose `Content` is the policy document as a JSON string) and
/// `<policy-id>.targets.json` (list-targets-for-policy).
enum PolicyImport {
  static let listFile = "organizations/policies/list-policies.json"

  static func read(
    folder: ExportFolder, ouPaths: [String: String], rootIds: Set<String>, accountTargets: inout [JSONCursor],
    log: inout FindingLog
  ) throws(MalformedExport) -> [YAMLNode]? {
    guard let summaries = try folder.listing(listFile, "Policies", log: &log) else {
      log.add(ImportRules.missingPart, "absent: policies are left out", file: listFile)
      return nil
    }
    var policies: [(name: String, node: YAMLNode)] = []
    for summary in summaries {
      if let type = try summary.optionalString("Type"), type != "SERVICE_CONTROL_POLICY" { continue }
      let id = try ExportId.policy.check(try summary.required("Id"))
      let name = try summary.string("Name")
      var fields = [YAMLEntry("name", .string(name))]
      let targetsFile = "organizations/policies/\(id).targets.json"
      if let targets = try folder.listing(targetsFile, "Targets", log: &log) {
        var attached: [String] = []
        for target in targets {
          if let name = try targetName(target, ouPaths: ouPaths, rootIds: rootIds, log: &log) {
            attached.append(name)
            if AccountId.isValid(name), let id = try target.optional("TargetId") { accountTargets.append(id) }
          }
        }
        fields.append(.from(targetsFile, "attachedTo", .sequence(sortTargets(attached).map { .string($0) })))
      } else {
        log.add(ImportRules.missingPart, "absent: attachedTo of policy '\(name)' is left out", file: targetsFile)
      }
      let describeFile = "organizations/policies/\(id).json"
      if let describe = try folder.document(describeFile) {
        let content = try describe.required("Policy").required("Content")
        fields.append(.from("\(describeFile) $.Policy.Content", "document", try document(content)))
      } else {
        log.add(ImportRules.missingPart, "absent: the document of policy '\(name)' is left out", file: describeFile)
      }
      policies.append((name, .mapping(fields)))
    }
    return policies.sorted { $0.name < $1.name }.map(\.node)
  }

  /// `Root`, the OU path, or the account id a target names; nil (with a finding) for an unknown OU or root.
  private static func targetName(
    _ target: JSONCursor, ouPaths: [String: String], rootIds: Set<String>, log: inout FindingLog
  ) throws(MalformedExport) -> String? {
    let id = try target.required("TargetId")
    let idText = try id.string
    switch try target.string("Type") {
    case "ROOT":
      if !rootIds.isEmpty && !rootIds.contains(idText) {
        log.add(ImportRules.danglingReference, "root '\(idText)' is not in organizations/list-roots.json", at: id)
      }
      return "Root"
    case "ORGANIZATIONAL_UNIT":
      if let path = ouPaths[idText] { return path }
      log.add(ImportRules.danglingReference, "OU '\(idText)' is not under any root in organizations/ous/", at: id)
      return nil
    case "ACCOUNT":
      return try AccountId.check(id)
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
