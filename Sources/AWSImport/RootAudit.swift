/// The `root:` block of a member account from the outputs of an `IAMAuditRootUserCredentials` session in
/// `accounts/<account-id>/`; nil when the folder has none of them.
enum RootAudit {
  static let auditFiles = [
    "get-login-profile.json", "get-login-profile.error.json", "list-access-keys.json",
    "list-signing-certificates.json",
    "list-mfa-devices.json", "get-account-summary.json",
  ]

  /// - Parameter recoveryApplies: true when the org has RootCredentialsManagement on and the account is a member:
  ///   then a login profile is password recovery left open (`passwordRecovery: true`), its absence closes it.
  static func read(
    account: String, folder: ExportFolder, recoveryApplies: Bool, log: inout FindingLog
  ) throws(MalformedExport) -> YAMLEntry? {
    let dir = "accounts/\(account)"
    guard auditFiles.contains(where: { folder.exists("\(dir)/\($0)") }) else { return nil }
    var fields: [YAMLEntry] = []
    var loginProfile: Bool?
    if let profile = try folder.document("\(dir)/get-login-profile.json") {
      _ = try profile.required("LoginProfile")
      loginProfile = true
      fields.append(.from("\(dir)/get-login-profile.json", "password", .bool(true)))
    } else if let code = try folder.errorCode("\(dir)/get-login-profile.error.json") {
      if code == "NoSuchEntity" {
        loginProfile = false
        fields.append(.from("\(dir)/get-login-profile.error.json (NoSuchEntity)", "password", .bool(false)))
      }  // other codes: reported by CLIErrors
    } else {
      log.add(ImportRules.missingPart, "absent: password is left out", file: "\(dir)/get-login-profile.json")
    }
    let keys = try list(dir, "list-access-keys.json", "AccessKeyMetadata", folder: folder, log: &log) {
      item throws(MalformedExport) in
      let key = try item.required("AccessKeyId")
      let id = try key.string
      var entry = [YAMLEntry("id", .string(id)), YAMLEntry("active", .bool(try status(item)))]
      if let used = try lastUsed(dir: dir, key: key, folder: folder) { entry.append(used) }
      return (id, entry)
    }
    if let keys { fields.append(.from("\(dir)/list-access-keys.json", "accessKeys", .sequence(keys))) }
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
    if let mfa { fields.append(.from("\(dir)/list-mfa-devices.json", "mfaDevices", .sequence(mfa))) }
    try checkSummary(
      dir, folder: folder,
      counts: [
        ("AccountAccessKeysPresent", keys?.count), ("AccountSigningCertificatesPresent", certs?.count),
        ("AccountMFAEnabled", mfa?.count),
      ], log: &log)
    if recoveryApplies, let loginProfile {
      fields.append(
        YAMLEntry(
          "passwordRecovery", .bool(loginProfile),
          comments: [
            "RootCredentialsManagement is on: a member root login profile is password recovery left open"
          ]))
    }
    return YAMLEntry("root", .mapping(fields), comments: ["source: \(dir)/ (IAMAuditRootUserCredentials session)"])
  }

  /// `lastUsed` from `get-access-key-last-used-<key-id>.json` (`AccessKeyLastUsed.LastUsedDate`, absent when the
  /// key was never used); nil when the file is absent or the key was never used. The key id names the file, so it
  /// must have the access key id format.
  private static func lastUsed(dir: String, key: JSONCursor, folder: ExportFolder) throws(MalformedExport)
    -> YAMLEntry?
  {
    let file = "\(dir)/get-access-key-last-used-\(try ExportId.accessKey.check(key)).json"
    guard let doc = try folder.document(file),
      let date = try doc.required("AccessKeyLastUsed").optionalTimestamp("LastUsedDate")
    else { return nil }
    return YAMLEntry("lastUsed", .timestamp(date), comments: ["source: \(file)"])
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

  /// The MFA device type from its serial: a `:u2f/` ARN is a FIDO security key (passkey), an `:mfa/` ARN a virtual
  /// device, and a serial that is not an ARN a hardware TOTP token.
  static func mfaType(serial: String) -> String {
    if serial.hasPrefix("arn:") { return serial.contains(":u2f/") ? "passkey" : "virtual" }
    return "hardware"
  }

  /// The items of a listing as mappings sorted by their id; nil when the file is absent.
  private static func list(
    _ dir: String, _ name: String, _ key: String, folder: ExportFolder, log: inout FindingLog,
    _ make: (JSONCursor) throws(MalformedExport) -> (String, [YAMLEntry])
  ) throws(MalformedExport) -> [YAMLNode]? {
    guard let items = try folder.listing("\(dir)/\(name)", key, log: &log) else {
      log.add(ImportRules.missingPart, "absent: left out of the root block", file: "\(dir)/\(name)")
      return nil
    }
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
