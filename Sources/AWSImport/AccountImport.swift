/// Builds one Account document per account of `organizations/list-accounts.json`, with its OU path
/// (`organizations/parents/<id>.json`), alternate contacts and the root block.
struct AccountImport {
  static let listFile = "organizations/list-accounts.json"
  static let contactTypes = ["SECURITY", "OPERATIONS", "BILLING"]

  /// Account id → the document's entries, in id order.
  var documents: [(id: String, entries: [YAMLEntry])] = []

  init(folder: ExportFolder, org: OrganizationImport, log: inout FindingLog) throws(MalformedExport) {
    let report = try CredentialReport.read(folder: folder, log: &log)
    guard let accounts = try folder.listing(Self.listFile, "Accounts", log: &log) else {
      log.add(ImportRules.missingPart, "absent: no Account documents are written", file: Self.listFile)
      return
    }
    var listed: [String: JSONCursor] = [:]
    for account in accounts {
      let id = try AccountId.check(try account.required("Id"))
      if listed[id] == nil { listed[id] = account }
    }
    try reportUnlisted(listed: listed, folder: folder, report: report, log: &log)
    for reference in org.accountReferences where listed[try reference.string] == nil {
      log.add(
        ImportRules.danglingReference, "account '\(try reference.string)' is not in \(Self.listFile)", at: reference)
    }
    for id in listed.keys.sorted() {
      guard let account = listed[id] else { continue }
      var entries = [
        YAMLEntry.from(Self.listFile, "id", .string(id)),
        YAMLEntry("name", .string(try account.string("Name"))),
        YAMLEntry("email", .string(try account.string("Email"))),
      ]
      // `State` (2025) supersedes `Status`; both use the same words for the states they share.
      let status = try account.optionalString("Status")
      if let state = try account.optionalString("State") ?? status {
        entries.append(YAMLEntry("state", .string(state)))
      }
      if let ou = try parentPath(id, folder: folder, org: org, log: &log) { entries.append(ou) }
      if let contacts = try alternateContacts(id, folder: folder, log: &log) { entries.append(contacts) }
      let isManagement = id == org.managementAccount
      if isManagement, let report, report.account == id {
        entries.append(try managementRoot(report, folder: folder, log: &log))
      } else if let root = try RootAudit.read(
        account: id, folder: folder, recoveryApplies: !isManagement && org.rootCredentialsManagement == true, log: &log
      ) {
        entries.append(root)
      }
      documents.append((id, entries))
    }
  }

  /// IMPORT002 for every account that has files in the export but is not listed.
  private func reportUnlisted(
    listed: [String: JSONCursor], folder: ExportFolder, report: CredentialReport?, log: inout FindingLog
  ) throws(MalformedExport) {
    for name in folder.list("accounts") where listed[name] == nil {
      log.add(
        ImportRules.unlistedAccount, "account '\(name)' has exported files but is not in \(Self.listFile)",
        file: "accounts/\(name)")
    }
    for name in folder.list("organizations/parents") where name.hasSuffix(".json") {
      let id = String(name.dropLast(5))
      if listed[id] == nil {
        log.add(
          ImportRules.unlistedAccount, "account '\(id)' is not in \(Self.listFile)",
          file: "organizations/parents/\(name)")
      }
    }
    if let report, listed[report.account] == nil {
      log.add(
        ImportRules.unlistedAccount, "the report's account '\(report.account)' is not in \(Self.listFile)",
        file: CredentialReport.file)
    }
  }

  /// `organizationalUnit:` from list-parents; nil when the parent is a root, or unknown (with a finding).
  private func parentPath(
    _ id: String, folder: ExportFolder, org: OrganizationImport, log: inout FindingLog
  ) throws(MalformedExport) -> YAMLEntry? {
    let file = "organizations/parents/\(id).json"
    guard let parents = try folder.listing(file, "Parents", log: &log) else {
      log.add(ImportRules.missingPart, "absent: organizationalUnit is left out", file: file)
      return nil
    }
    guard let parent = parents.first else {
      log.add(ImportRules.missingPart, "no parent listed: organizationalUnit is left out", file: file)
      return nil
    }
    let parentId = try parent.required("Id")
    switch try parent.string("Type") {
    case "ROOT": return nil
    case "ORGANIZATIONAL_UNIT":
      if let path = org.ouPaths[try parentId.string] { return .from(file, "organizationalUnit", .string(path)) }
      log.add(
        ImportRules.danglingReference, "OU '\(try parentId.string)' is not under any root in organizations/ous/",
        at: parentId)
      return nil
    case let other: throw try parent.required("Type").error("unknown parent type '\(other)'")
    }
  }

  /// `alternateContacts:` from `alternate-contact-<TYPE>.json` (a `.error.json` with ResourceNotFoundException means
  /// the contact is not set); nil when no contact file exists.
  private func alternateContacts(_ id: String, folder: ExportFolder, log: inout FindingLog) throws(MalformedExport)
    -> YAMLEntry?
  {
    var contacts: [YAMLEntry] = []
    for type in Self.contactTypes {
      let file = "accounts/\(id)/alternate-contact-\(type).json"
      if let doc = try folder.document(file) {
        let contact = try doc.required("AlternateContact")
        var fields: [YAMLEntry] = []
        for (key, member) in [
          ("name", "Name"), ("email", "EmailAddress"), ("phone", "PhoneNumber"), ("title", "Title"),
        ] {
          if let value = try contact.optionalString(member) { fields.append(YAMLEntry(key, .string(value))) }
        }
        contacts.append(.from(file, type.lowercased(), .mapping(fields)))
      }  // an .error.json twin: ResourceNotFoundException means "not set"; other codes are reported by CLIErrors
    }
    return contacts.isEmpty ? nil : YAMLEntry("alternateContacts", .mapping(contacts))
  }

  /// The management account's root from the credential report (an AssumeRoot audit cannot target the management
  /// account), with MFA devices from `iam/list-virtual-mfa-devices.json`.
  private func managementRoot(_ report: CredentialReport, folder: ExportFolder, log: inout FindingLog)
    throws(MalformedExport) -> YAMLEntry
  {
    var fields: [YAMLEntry] = []
    if let password = try report.password(log: &log) { fields.append(password) }
    fields.append(try report.accessKeys())
    fields.append(try report.signingCertificates())
    if let mfa = try ManagementMFA.devices(report: report, folder: folder, log: &log) { fields.append(mfa) }
    return YAMLEntry("root", .mapping(fields), comments: ["source: \(CredentialReport.file) (management account)"])
  }
}
