/// An Organization's feature set.
public enum FeatureSet: String, CaseIterable, Sendable {
  case all = "ALL"
  case consolidatedBilling = "CONSOLIDATED_BILLING"
}

/// An account's state in the Organization.
public enum AccountState: String, CaseIterable, Sendable {
  case pendingActivation = "PENDING_ACTIVATION"
  case active = "ACTIVE"
  case suspended = "SUSPENDED"
  case pendingClosure = "PENDING_CLOSURE"
  case closed = "CLOSED"
}

/// The kind of an MFA device of a root user.
public enum MFADeviceType: String, CaseIterable, Sendable {
  case hardware
  case virtual
  case passkey
}

/// The privileged task an `sts:AssumeRoot` session was scoped to.
public enum TaskKind: String, CaseIterable, Sendable {
  case auditRootUserCredentials = "IAMAuditRootUserCredentials"
  case createRootUserPassword = "IAMCreateRootUserPassword"
  case deleteRootUserCredentials = "IAMDeleteRootUserCredentials"
  case s3UnlockBucketPolicy = "S3UnlockBucketPolicy"
  case sqsUnlockQueuePolicy = "SQSUnlockQueuePolicy"
}

/// A policy statement's effect.
public enum Effect: String, CaseIterable, Sendable {
  case allow = "Allow"
  case deny = "Deny"
}

/// How the last root-user audit of an account (`sts:AssumeRoot` with IAMAuditRootUserCredentials) ended.
public enum AuditStatus: String, CaseIterable, Sendable {
  /// Every call of the audit succeeded.
  case complete
  /// Some calls failed: the facts they would have given are listed under `root.unknown`.
  case partial
  /// The audit could not run (AssumeRoot denied or failed): nothing under `root` is known.
  case failed
}
