/// Builds one Account document per account of `organizations/list-accounts.json`, with its OU path
/// (`organizations/parents/<id>.json`), alternate contacts and the root block.
struct AccountImport {
  static let listFile = "organizations/list-accounts.json"
  static let contactTypes = ["SECURITY", "OPERATIONS", "BILLING"]

  /// Account id → the document's entries, in id order.
  var documents: [(id: String, entries: [YAMLEntry], comments: [String])] = []
  /// Why the account list is unknown (list-accounts.json missing or failed): the Organization's `accounts`.
  var listUnknown: String?

  init(folder: ExportFolder, org: OrganizationImport, tasks: CloudTrailImport, log: inout FindingLog)
    throws(MalformedExport)
  {
    let report = try CredentialReport.read(folder: folder, log: &log)
    guard let accounts = try folder.listing(Self.listFile, "Accounts", log: &log) else {
      let reason = log.unknown(
        try folder.unavailable(Self.listFile), call: "organizations list-accounts",
        "no Account documents are written")
      listUnknown = reason
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
      var unknown = UnknownEntries()
      switch try parentPath(id, folder: folder, org: org, log: &log) {
      case .known(let ou): if let ou { entries.append(ou) }
      case .unknown(let reason): unknown.add("organizationalUnit", reason)
      }
      if let contacts = try alternateContacts(id, folder: folder, log: &log) { entries.append(contacts) }
      let isManagement = id == org.managementAccount
      if isManagement {
        if let report, report.account == id {
          entries.append(try managementRoot(report, folder: folder, log: &log))
        } else {
          let reason =
            report == nil
            ? try folder.unavailable(CredentialReport.file).reason(call: "iam get-credential-report")
            : "\(CredentialReport.file) has no <root_account> row of \(id)"
          unknown.add("root", "\(reason): the management root is unknown (AssumeRoot cannot audit it)")
        }
      } else {
        let recovery: RecoveryContext
        if let reason = org.rootAccessUnknown {
          recovery = .unknown(reason)
        } else if org.rootCredentialsManagement == true {
          recovery = .applies(
            createTask: tasks.createPasswordTargets.contains(id), taskLogUnknown: tasks.unknownReason)
        } else {
          recovery = .notApplicable
        }
        entries += try RootAudit.read(account: id, folder: folder, recovery: recovery, log: &log)
      }
      documents.append((id, unknown.appended(to: entries), try primaryContact(id, folder: folder)))
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
    for name in folder.list("organizations/parents") where name.hasSuffix(".json") && !name.hasSuffix(".error.json") {
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

  /// The account's OU, or why it is unknown.
  private enum Parent {
    /// The `organizationalUnit:` entry, nil for an account directly under a root.
    case known(YAMLEntry?)
    case unknown(String)
  }

  /// `organizationalUnit:` from list-parents; unknown when the file is unavailable or names an OU that the OU tree
  /// does not reach (IMPORT003 when the tree is complete, so the reference is dangling).
  private func parentPath(
    _ id: String, folder: ExportFolder, org: OrganizationImport, log: inout FindingLog
  ) throws(MalformedExport) -> Parent {
    let file = "organizations/parents/\(id).json"
    guard let parents = try folder.listing(file, "Parents", log: &log) else {
      let reason = log.unknown(
        try folder.unavailable(file), call: "organizations list-parents",
        "organizationalUnit is unknown")
      return .unknown(reason)
    }
    guard let parent = parents.first else {
      log.add(ImportRules.missingPart, "no parent listed: organizationalUnit is unknown", file: file)
      return .unknown("\(file) lists no parent")
    }
    let parentId = try parent.required("Id")
    switch try parent.string("Type") {
    case "ROOT": return .known(nil)
    case "ORGANIZATIONAL_UNIT":
      if let path = org.ouPaths[try parentId.string] { return .known(.from(file, "organizationalUnit", .string(path))) }
      if let reason = org.ouTreeUnknown {
        return .unknown("OU '\(try parentId.string)' from \(file) is in an unknown part of the OU tree: \(reason)")
      }
      log.add(
        ImportRules.danglingReference, "OU '\(try parentId.string)' is not under any root in organizations/ous/",
        at: parentId)
      return .unknown("OU '\(try parentId.string)' from \(file) is not under any root in organizations/ous/")
    case let other: throw try parent.required("Type").error("unknown parent type '\(other)'")
    }
  }

  /// `alternateContacts:` from `alternate-contact-<TYPE>.json`. A `.error.json` with ResourceNotFoundException means
  /// the contact is not set; any other error or a missing file makes that contact unknown.
  private func alternateContacts(_ id: String, folder: ExportFolder, log: inout FindingLog) throws(MalformedExport)
    -> YAMLEntry?
  {
    var contacts: [YAMLEntry] = []
    var unknown = UnknownEntries()
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
      } else {
        let missing = try folder.unavailable(file)
        if missing.code != "ResourceNotFoundException" {
          unknown.add(type.lowercased(), missing.reason(call: "account get-alternate-contact"))
        }
      }
    }
    let all = unknown.appended(to: contacts)
    return all.isEmpty ? nil : YAMLEntry("alternateContacts", .mapping(all))
  }

  /// The primary contact's phone number (`account get-contact-information`), a root recovery channel, as a comment
  /// line: the orglint/v1 model has no field for it, so no rule reads it. Empty when the file is absent.
  private func primaryContact(_ id: String, folder: ExportFolder) throws(MalformedExport) -> [String] {
    let file = "accounts/\(id)/contact-information.json"
    guard let doc = try folder.document(file) else { return [] }
    let phone = try doc.required("ContactInformation").string("PhoneNumber")
    return ["primary contact phone (\(file); not in the orglint/v1 model): \(phone)"]
  }

  /// The management account's root from the credential report (an AssumeRoot audit cannot target the management
  /// account), with MFA devices from `iam/list-virtual-mfa-devices.json`.
  private func managementRoot(_ report: CredentialReport, folder: ExportFolder, log: inout FindingLog)
    throws(MalformedExport) -> YAMLEntry
  {
    var fields: [YAMLEntry] = [try report.password(), try report.accessKeys(), try report.signingCertificates()]
    var unknown = UnknownEntries()
    switch try ManagementMFA.devices(report: report, folder: folder, log: &log) {
    case .known(let mfa): fields.append(mfa)
    case .unknown(let reason): unknown.add("mfaDevices", reason)
    }
    return YAMLEntry(
      "root", .mapping(unknown.appended(to: fields)),
      comments: ["source: \(CredentialReport.file) (management account)"])
  }
}
