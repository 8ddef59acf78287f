/// An account's root user as an audit (`IAMAuditRootUserCredentials`) sees it. nil fields are absent from the YAML.
public struct RootUser: Hashable, Sendable {
  /// `password: true/false` is shorthand for `password: {enabled: …}`; rules see a Password even when absent.
  public var password: Password?
  public var accessKeys: [AccessKey]?
  public var signingCertificates: [SigningCertificate]?
  public var mfaDevices: [MFADevice]?
  /// Member root password recovery currently allowed.
  public var passwordRecovery: Bool?

  public init(
    password: Password? = nil, accessKeys: [AccessKey]? = nil, signingCertificates: [SigningCertificate]? = nil,
    mfaDevices: [MFADevice]? = nil, passwordRecovery: Bool? = nil
  ) {
    self.password = password
    self.accessKeys = accessKeys
    self.signingCertificates = signingCertificates
    self.mfaDevices = mfaDevices
    self.passwordRecovery = passwordRecovery
  }
}

/// The root user's console password.
public struct Password: Hashable, Sendable {
  public var enabled: Bool?
  public var lastUsed: Timestamp?

  public init(enabled: Bool? = nil, lastUsed: Timestamp? = nil) {
    self.enabled = enabled
    self.lastUsed = lastUsed
  }
}

/// A root access key; `active` defaults to true.
public struct AccessKey: Hashable, Sendable {
  public var id: String?
  public var active: Bool?
  public var lastUsed: Timestamp?

  public init(id: String? = nil, active: Bool? = nil, lastUsed: Timestamp? = nil) {
    self.id = id
    self.active = active
    self.lastUsed = lastUsed
  }
}

/// A root X.509 signing certificate; `active` defaults to true.
public struct SigningCertificate: Hashable, Sendable {
  public var id: String?
  public var active: Bool?

  public init(id: String? = nil, active: Bool? = nil) {
    self.id = id
    self.active = active
  }
}

/// An MFA device of the root user.
public struct MFADevice: Hashable, Sendable {
  public var type: MFADeviceType?
  public var serial: String?
  public var enabledAt: Timestamp?

  public init(type: MFADeviceType? = nil, serial: String? = nil, enabledAt: Timestamp? = nil) {
    self.type = type
    self.serial = serial
    self.enabledAt = enabledAt
  }
}
