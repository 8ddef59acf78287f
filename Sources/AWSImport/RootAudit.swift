/// Whether a member's login profile means "password recovery left open" (`passwordRecovery`).
enum RecoveryContext {
  /// The management account, or RootCredentialsManagement is off: recovery is not a distinct state (left out).
  case notApplicable
  /// `rootAccess` is unknown: so is whether recovery applies.
  case unknown(String)
  /// RootCredentialsManagement is on. `createTask`: an IAMCreateRootUserPassword task for the account is in the task
  /// log; `taskLogUnknown`: why the log may be incomplete.
  case applies(createTask: Bool, taskLogUnknown: String?)
}

/// The `root:` and `audit:` blocks of a member account from an `IAMAuditRootUserCredentials` session in
/// `accounts/<account-id>/`: the outputs of its calls, or their `.error.json` twins, `audit-started-at.txt` (when
/// scripts/export-aws.sh opened the session) and `assume-root.error.json` (the session could not be opened).
enum RootAudit {
  static let startedAtFile = "audit-started-at.txt"
  static let assumeRootFile = "assume-root.json"

  /// The session's calls: output file, IAM action (for `audit.errors`), CLI command (for reasons), root field.
  static let calls: [(file: String, action: String, command: String, field: String)] = [
    ("get-login-profile.json", "iam:GetLoginProfile", "iam get-login-profile", "password"),
    ("list-access-keys.json", "iam:ListAccessKeys", "iam list-access-keys", "accessKeys"),
    ("list-signing-certificates.json", "iam:ListSigningCertificates", "iam list-signing-certificates",
     "signingCertificates"),
    ("list-mfa-devices.json", "iam:ListMFADevices", "iam list-mfa-devices", "mfaDevices"),
    ("get-user.json", "iam:GetUser", "iam get-user", "password.lastUsed"),
    ("get-account-summary.json", "iam:GetAccountSummary", "iam get-account-summary", ""),
  ]

  /// The fields of `root:` that one audit reads.
  static let rootFields = ["password", "accessKeys", "signingCertificates", "mfaDevices"]

  /// What one audit call left: its output, or why it is unavailable.
  private struct CallState {
    var errors: [YAMLNode] = []
    /// A call whose output file is missing without an error twin: whether it ran is unknown.
    var missing: [String] = []
  }

  /// `root:` and `audit:` entries (in that order); empty when the folder holds no trace of an audit.
  static func read(
    account: String, folder: ExportFolder, recovery: RecoveryContext, log: inout FindingLog
  ) throws(MalformedExport) -> [YAMLEntry] {
    let dir = "accounts/\(account)"
    let traces = [startedAtFile, ExportFolder.errorTwin(assumeRootFile)] + calls.flatMap {
      [$0.file, ExportFolder.errorTwin($0.file)]
    }
    guard traces.contains(where: { folder.exists("\(dir)/\($0)") }) else { return [] }
    let startedAt = try startTime(dir: dir, folder: folder)

    // The session itself could not be opened: nothing of the root user is known.
    let assumeRoot = try folder.unavailable("\(dir)/\(assumeRootFile)")
    if let errorFile = assumeRoot.errorFile {
      let reason = "no audit: " + assumeRoot.reason(call: "sts assume-root")
      var unknown = UnknownEntries()
      for field in rootFields { unknown.add(field, reason) }
      if case .notApplicable = recovery {} else { unknown.add("passwordRecovery", reason) }
      let error = auditError(action: "sts:AssumeRoot", code: assumeRoot.code, source: errorFile)
      return [
        YAMLEntry("root", .mapping(unknown.appended(to: [])), comments: ["source: \(errorFile)"]),
        auditEntry(dir: dir, startedAt: startedAt, status: "failed", errors: [error], missing: []),
      ]
    }

    var state = CallState()
    var fields: [YAMLEntry] = []
    var unknown = UnknownEntries()
    /// Records an unavailable call's output: an error in `audit.errors`, or a missing file; the field is unknown.
    func unavailable(_ name: String) throws(MalformedExport) -> String {
      let call = calls.first { $0.file == name }!
      let missing = try folder.unavailable("\(dir)/\(name)")
      if let errorFile = missing.errorFile {
        state.errors.append(auditError(action: call.action, code: missing.code, source: errorFile))
      } else {
        state.missing.append(missing.file)
      }
      return missing.reason(call: call.command)
    }

    // password: GetLoginProfile (NoSuchEntity is the answer "no password"); lastUsed: GetUser's PasswordLastUsed.
    var loginProfile: Bool?
    let profileFile = "\(dir)/get-login-profile.json"
    if let profile = try folder.document(profileFile) {
      _ = try profile.required("LoginProfile")
      loginProfile = true
    } else if try folder.errorCode(ExportFolder.errorTwin(profileFile)) == "NoSuchEntity" {
      loginProfile = false
    } else {
      unknown.add("password", try unavailable("get-login-profile.json"))
    }
    if let loginProfile {
      let source = loginProfile ? profileFile : ExportFolder.errorTwin(profileFile) + " (NoSuchEntity)"
      var password = [YAMLEntry("enabled", .bool(loginProfile))]
      var passwordUnknown = UnknownEntries()
      let userFile = "\(dir)/get-user.json"
      if let user = try folder.document(userFile) {
        if let used = try user.required("User").optionalTimestamp("PasswordLastUsed") {
          password.append(YAMLEntry("lastUsed", .timestamp(used), comments: ["source: \(userFile)"]))
        }
      } else {
        passwordUnknown.add("lastUsed", try unavailable("get-user.json"))
      }
      let value: YAMLNode =
        password.count == 1 && passwordUnknown.isEmpty
        ? .bool(loginProfile) : .mapping(passwordUnknown.appended(to: password))
      fields.append(.from(source, "password", value))
    } else if !folder.exists("\(dir)/get-user.json") {
      _ = try unavailable("get-user.json")  // recorded for the audit status; password is unknown anyway
    }

    // accessKeys, with each key's last use: a key whose last use is unavailable makes the list unknown (an access
    // key cannot carry `unknown:`).
    var keysUnknown: String?
    let keys = try list(dir, "list-access-keys.json", "AccessKeyMetadata", folder: folder, log: &log) {
      item throws(MalformedExport) in
      let key = try item.required("AccessKeyId")
      let id = try key.string
      var entry = [YAMLEntry("id", .string(id)), YAMLEntry("active", .bool(try status(item)))]
      switch try lastUsed(dir: dir, key: key, folder: folder) {
      case .used(let used): entry.append(used)
      case .never: break
      case .unavailable(let missing):
        if let errorFile = missing.errorFile {
          state.errors.append(auditError(action: "iam:GetAccessKeyLastUsed", code: missing.code, source: errorFile))
        } else {
          state.missing.append(missing.file)
        }
        keysUnknown = keysUnknown ?? missing.reason(call: "iam get-access-key-last-used")
      }
      return (id, entry)
    }
    if let keysUnknown {
      unknown.add("accessKeys", keysUnknown)
    } else if let keys {
      fields.append(.from("\(dir)/list-access-keys.json", "accessKeys", .sequence(keys)))
    } else {
      unknown.add("accessKeys", try unavailable("list-access-keys.json"))
    }
    let certs = try list(dir, "list-signing-certificates.json", "Certificates", folder: folder, log: &log) {
      item throws(MalformedExport) in
      (
        try item.string("CertificateId"),
        [
          YAMLEntry("id", .string(try item.string("CertificateId"))),
          YAMLEntry("active", .bool(try status(item))),
        ]
      )
    }
    if let certs {
      fields.append(.from("\(dir)/list-signing-certificates.json", "signingCertificates", .sequence(certs)))
    } else {
      unknown.add("signingCertificates", try unavailable("list-signing-certificates.json"))
    }
    let mfa = try list(dir, "list-mfa-devices.json", "MFADevices", folder: folder, log: &log) {
      item throws(MalformedExport) in
      let serial = try item.string("SerialNumber")
      var entry = [YAMLEntry("type", .string(mfaType(serial: serial))), YAMLEntry("serial", .string(serial))]
      if let enabled = try item.optionalTimestamp("EnableDate") {
        entry.append(YAMLEntry("enabledAt", .timestamp(enabled)))
      }
      return (serial, entry)
    }
    if let mfa {
      fields.append(.from("\(dir)/list-mfa-devices.json", "mfaDevices", .sequence(mfa)))
    } else {
      unknown.add("mfaDevices", try unavailable("list-mfa-devices.json"))
    }
    if try folder.document("\(dir)/get-account-summary.json") == nil {
      _ = try unavailable("get-account-summary.json")
    }
    try checkSummary(
      dir, folder: folder,
      counts: [
        ("AccountAccessKeysPresent", keys?.count), ("AccountSigningCertificatesPresent", certs?.count),
        ("AccountMFAEnabled", mfa?.count),
      ], log: &log)
    try recoveryField(loginProfile: loginProfile, passwordUnknown: unknown.contains("password"), recovery: recovery,
                      fields: &fields, unknown: &unknown)
    let auditStatus = state.errors.isEmpty ? (state.missing.isEmpty ? "complete" : nil) : "partial"
    return [
      YAMLEntry(
        "root", .mapping(unknown.appended(to: fields)),
        comments: ["source: \(dir)/ (IAMAuditRootUserCredentials session)"]),
      auditEntry(dir: dir, startedAt: startedAt, status: auditStatus, errors: state.errors, missing: state.missing),
    ]
  }

  /// `passwordRecovery` under RootCredentialsManagement: true only when the root has a login profile and an
  /// IAMCreateRootUserPassword task for the account is in the log (a password without one predates central management
  /// and is ROOT001's finding, not a recovery); false without a login profile.
  private static func recoveryField(
    loginProfile: Bool?, passwordUnknown: Bool, recovery: RecoveryContext, fields: inout [YAMLEntry],
    unknown: inout UnknownEntries
  ) throws(MalformedExport) {
    switch recovery {
    case .notApplicable: return
    case .unknown(let reason):
      if loginProfile == false {
        fields.append(YAMLEntry("passwordRecovery", .bool(false), comments: ["no login profile: no recovery open"]))
      } else {
        unknown.add("passwordRecovery", reason)
      }
    case .applies(let createTask, let taskLogUnknown):
      guard let loginProfile else {
        unknown.add("passwordRecovery", "the login profile is unknown (see password)")
        return
      }
      if !loginProfile {
        fields.append(YAMLEntry("passwordRecovery", .bool(false), comments: ["no login profile: no recovery open"]))
      } else if createTask {
        fields.append(
          YAMLEntry(
            "passwordRecovery", .bool(true),
            comments: ["a login profile after an IAMCreateRootUserPassword task: password recovery left open"]))
      } else if let taskLogUnknown {
        unknown.add("passwordRecovery", "a login profile and no IAMCreateRootUserPassword task in an incomplete "
          + "task log: \(taskLogUnknown)")
      } else {
        fields.append(
          YAMLEntry(
            "passwordRecovery", .bool(false),
            comments: ["a login profile but no IAMCreateRootUserPassword task in the log: a password, not a recovery"]))
      }
    }
  }

  /// When the session was opened (`audit-started-at.txt`, written by scripts/export-aws.sh), or nil when absent.
  private static func startTime(dir: String, folder: ExportFolder) throws(MalformedExport) -> Timestamp? {
    let file = "\(dir)/\(startedAtFile)"
    guard let source = try folder.source(file) else { return nil }
    let text = String(decoding: source.bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard let time = Timestamp(parsing: text) else {
      throw MalformedExport(
        file: file, jsonPath: "$", message: "expected an RFC 3339 time, found '\(text)'",
        location: source.location(atByteOffset: 0))
    }
    return time
  }

  private static func auditError(action: String, code: String?, source: String) -> YAMLNode {
    let code = (code ?? "").isEmpty ? "Unknown" : code!
    return .mapping([
      YAMLEntry("call", .string(action)), YAMLEntry("error", .string(code)), YAMLEntry("source", .string(source)),
    ])
  }

  /// `audit:`: `at` from audit-started-at.txt (unknown when absent), `status` (nil: unknown because an output file
  /// is missing without an error twin, so whether its call failed is not recorded), `errors`.
  private static func auditEntry(
    dir: String, startedAt: Timestamp?, status: String?, errors: [YAMLNode], missing: [String]
  ) -> YAMLEntry {
    var fields: [YAMLEntry] = []
    var unknown = UnknownEntries()
    if let startedAt {
      fields.append(YAMLEntry("at", .timestamp(startedAt)))
    } else {
      unknown.add("at", "\(dir)/\(startedAtFile) missing: when the audit ran is not recorded")
    }
    if let status {
      fields.append(YAMLEntry("status", .string(status)))
    } else {
      unknown.add(
        "status", "\(missing[0]) missing: whether that call ran is not recorded"
          + (missing.count > 1 ? " (and \(missing.count - 1) more)" : ""))
    }
    if !errors.isEmpty { fields.append(YAMLEntry("errors", .sequence(errors))) }
    return YAMLEntry(
      "audit", .mapping(unknown.appended(to: fields)),
      comments: ["source: \(dir)/ (scripts/export-aws.sh's IAMAuditRootUserCredentials session)"])
  }

  /// A key's last use.
  private enum LastUse {
    case used(YAMLEntry)
    case never
    case unavailable(Unavailable)
  }

  /// `lastUsed` from `get-access-key-last-used-<key-id>.json` (`AccessKeyLastUsed.LastUsedDate`, absent when the
  /// key was never used). The key id names the file, so it must have the access key id format.
  private static func lastUsed(dir: String, key: JSONCursor, folder: ExportFolder) throws(MalformedExport) -> LastUse {
    let file = "\(dir)/get-access-key-last-used-\(try ExportId.accessKey.check(key)).json"
    guard let doc = try folder.document(file) else { return .unavailable(try folder.unavailable(file)) }
    guard let date = try doc.required("AccessKeyLastUsed").optionalTimestamp("LastUsedDate") else { return .never }
    return .used(YAMLEntry("lastUsed", .timestamp(date), comments: ["source: \(file)"]))
  }

  /// `Active` → true, `Inactive` → false.
  private static func status(_ item: JSONCursor) throws(MalformedExport) -> Bool {
    let status = try item.required("Status")
    switch try status.string {
    case "Active": return true
    case "Inactive": return false
    case let other: throw status.error("expected 'Active' or 'Inactive', found '\(other)'")
    }
  }

  /// The MFA device type from its serial: an IAM ARN of any partition (`arn:aws:`, `arn:aws-us-gov:`, `arn:aws-cn:`)
  /// whose resource is `u2f/…` is a FIDO security key (passkey), any other ARN (`mfa/…`) a virtual device, and a
  /// serial that is not an ARN a hardware TOTP token.
  static func mfaType(serial: String) -> String {
    guard let arn = IAMArn(serial) else { return "hardware" }
    return arn.resource.hasPrefix("u2f/") ? "passkey" : "virtual"
  }

  /// The items of a listing as mappings sorted by their id; nil when the file is absent.
  private static func list(
    _ dir: String, _ name: String, _ key: String, folder: ExportFolder, log: inout FindingLog,
    _ make: (JSONCursor) throws(MalformedExport) -> (String, [YAMLEntry])
  ) throws(MalformedExport) -> [YAMLNode]? {
    guard let items = try folder.listing("\(dir)/\(name)", key, log: &log) else { return nil }
    var made: [(String, [YAMLEntry])] = []
    for item in items { made.append(try make(item)) }
    return made.sorted { $0.0 < $1.0 }.map { .mapping($0.1) }
  }

  /// Compares get-account-summary's presence flags with the listings (IMPORT006 when they disagree).
  private static func checkSummary(
    _ dir: String, folder: ExportFolder, counts: [(String, Int?)], log: inout FindingLog
  ) throws(MalformedExport) {
    guard let summary = try folder.document("\(dir)/get-account-summary.json") else { return }
    let map = try summary.required("SummaryMap")
    for (key, count) in counts {
      guard let flag = try map.optional(key), let count else { continue }
      let present = try flag.int > 0
      if present != (count > 0) {
        log.add(
          ImportRules.inconsistentAudit,
          "\(key) is \(try flag.int) but the listing has \(count) item(s); re-run the audit", at: flag)
      }
    }
  }
}
