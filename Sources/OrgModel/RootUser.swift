/// An account's root user as an audit (`IAMAuditRootUserCredentials`) sees it. nil fields are absent from the YAML.
public struct RootUser: Hashable, Sendable {
  /// `password: true/false` is shorthand for `password: {enabled: …}`; rules see a Password even when absent.
  public var password: Password?
  public var accessKeys: [AccessKey]?
  public var signingCertificates: [SigningCertificate]?
  public var mfaDevices: [MFADevice]?
  /// Member root password recovery currently allowed.
  public var passwordRecovery: Bool?
  /// The fields the document says it does not know (`unknown:`).
  public var unknown = UnknownFields()

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
  /// The fields the document says it does not know (`unknown:` of the long form).
  public var unknown = UnknownFields()

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

/// The last root-user audit of an account (`sts:AssumeRoot` with IAMAuditRootUserCredentials): when it ran, how it
/// ended and which calls failed. nil fields are absent from the YAML.
public struct Audit: Hashable, Sendable {
  public var at: Timestamp?
  public var status: AuditStatus?
  /// The calls that failed (none when complete).
  public var errors: [AuditError]?
  /// The fields the document says it does not know (`unknown:`).
  public var unknown = UnknownFields()

  public init(at: Timestamp? = nil, status: AuditStatus? = nil, errors: [AuditError]? = nil) {
    self.at = at
    self.status = status
    self.errors = errors
  }
}

/// One call of an audit that failed.
public struct AuditError: Hashable, Sendable {
  /// The API call, `iam:GetLoginProfile`.
  public var call: String?
  /// The AWS error code, `AccessDenied`.
  public var error: String?
  /// The export file that recorded the failure.
  public var source: String?

  public init(call: String? = nil, error: String? = nil, source: String? = nil) {
    self.call = call
    self.error = error
    self.source = source
  }
}
