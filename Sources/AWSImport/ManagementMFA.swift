/// The management root's MFA devices: the credential report says whether any is active (`mfa_active`), and
/// `iam list-virtual-mfa-devices --assignment-status Assigned` names the virtual ones assigned to the root user.
enum ManagementMFA {
  static let file = "iam/list-virtual-mfa-devices.json"

  /// `mfaDevices:`; nil when it cannot be known (mfa_active is TRUE but the virtual-device listing is absent).
  static func devices(report: CredentialReport, folder: ExportFolder, log: inout FindingLog) throws(MalformedExport)
    -> YAMLEntry?
  {
    let active = try report.mfaActive
    guard active else {
      return YAMLEntry("mfaDevices", .sequence([]), comments: ["source: \(CredentialReport.file) (mfa_active FALSE)"])
    }
    guard let listed = try folder.listing(file, "VirtualMFADevices", log: &log) else {
      log.add(
        ImportRules.missingPart,
        "absent: the management root has MFA (mfa_active TRUE) of unknown kind; mfaDevices is left out", file: file)
      return nil
    }
    let rootArn = "arn:aws:iam::\(report.account):root"
    var devices: [(String, YAMLNode)] = []
    for device in listed {
      guard let user = try device.optional("User"), try user.optionalString("Arn") == rootArn else { continue }
      let serial = try device.string("SerialNumber")
      var entry = [YAMLEntry("type", .string("virtual")), YAMLEntry("serial", .string(serial))]
      if let enabled = try device.optionalTimestamp("EnableDate") {
        entry.append(YAMLEntry("enabledAt", .timestamp(enabled)))
      }
      devices.append((serial, .mapping(entry)))
    }
    if devices.isEmpty {
      // MFA is active yet no virtual device is the root's: it is a hardware TOTP token or a FIDO key. Both pass the
      // hardware-MFA rule; `hardware` stands for "not virtual" (the report cannot tell the two apart).
      return YAMLEntry(
        "mfaDevices", .sequence([.mapping([YAMLEntry("type", .string("hardware"))])]),
        comments: [
          "source: \(CredentialReport.file) (mfa_active TRUE) and \(file) (no virtual device of the root):",
          "a hardware TOTP token or a FIDO security key; its serial is not reported",
        ])
    }
    return YAMLEntry(
      "mfaDevices", .sequence(devices.sorted { $0.0 < $1.0 }.map(\.1)),
      comments: ["source: \(file) (devices of \(rootArn))"])
  }
}
