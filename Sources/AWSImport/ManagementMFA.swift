/// The management root's MFA devices. The credential report says only whether any is active (`mfa_active`), and
/// `iam list-virtual-mfa-devices --assignment-status Assigned` names the virtual ones assigned to the root user; no
/// API the export can call lists the management root's hardware TOTP tokens or FIDO security keys (AssumeRoot cannot
/// target the management account). With MFA active a non-virtual device may always exist besides the listed virtual
/// ones, so `mfaDevices` is unknown, its reason naming what is known (the virtual devices, or that none is virtual);
/// with MFA inactive it is the empty list.
enum ManagementMFA {
  static let file = "iam/list-virtual-mfa-devices.json"

  /// The devices, or why they are unknown.
  enum Result {
    case known(YAMLEntry)
    case unknown(String)
  }

  static func devices(report: CredentialReport, folder: ExportFolder, log: inout FindingLog) throws(MalformedExport)
    -> Result
  {
    guard try report.mfaActive else {
      return .known(
        YAMLEntry("mfaDevices", .sequence([]), comments: ["source: \(CredentialReport.file) (mfa_active FALSE)"]))
    }
    let active = "\(CredentialReport.file) says mfa_active TRUE"
    guard let listed = try folder.listing(file, "VirtualMFADevices", log: &log) else {
      let missing = try folder.unavailable(file).reason(call: "iam list-virtual-mfa-devices")
      return .unknown("\(active); \(missing): which devices is not known")
    }
    var serials: [String] = []
    for device in listed {
      guard let user = try device.optional("User"), let arn = try user.optionalString("Arn").flatMap(IAMArn.init),
        arn.account == report.account, arn.resource == "root"
      else { continue }
      serials.append(try device.string("SerialNumber"))
    }
    if serials.isEmpty {
      return .unknown(
        "\(active) and \(file) lists no virtual device of the root: one or more hardware TOTP tokens or FIDO "
          + "security keys, whose number and kind AWS reports only to the root user")
    }
    return .unknown(
      "\(active); \(file) lists the root's virtual device(s) \(serials.sorted().joined(separator: ", ")); whether "
        + "hardware TOTP tokens or FIDO security keys are registered too AWS reports only to the root user")
  }
}
