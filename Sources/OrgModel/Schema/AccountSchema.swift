// The JSON Schema of an Account and its parts, field by field (see `SchemaDescribedField`).

extension AccountField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .apiVersion: .apiVersion
    case .kind: .kind
    case .id: .required(Schemas.ref("AccountId"), "The account's 12-digit id, quoted: `\"333333333333\"`.")
    case .name: .required(Schemas.string, "The account's name, as in AWS Organizations.")
    case .email:
      .required(
        Schemas.string,
        "The account's root user email address: whoever controls it can reset the root password.")
    case .organizationalUnit:
      .optional(
        Schemas.ref("OUPath"),
        "The organizational unit the account is in, by path from the root: `Workloads/Prod`. Absent: directly "
          + "under the root.")
    case .state:
      .optional(Schemas.values(of: AccountState.self), "The account's state in the Organization.")
    case .alternateContacts:
      .optional(Schemas.ref("AlternateContacts"), "The account's alternate contacts.")
    case .tags:
      .optional(
        ["type": "object", "additionalProperties": ["type": ["string", "null"]]],
        "The account's tags: tag key to value, both strings (a null value reads as the empty string).")
    case .root:
      .optional(
        Schemas.ref("RootUser"),
        "The account's root user, as an audit (IAMAuditRootUserCredentials) sees it. Absent: no audit of the root "
          + "user is recorded.")
    case .audit:
      .optional(
        Schemas.ref("Audit"),
        "The last root-user audit of the account (sts:AssumeRoot with IAMAuditRootUserCredentials). Absent: no "
          + "audit recorded.")
    case .unknown: .unknown(Self.listableNames)
    }
  }
}

extension ContactsField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .security: .optional(Schemas.ref("Contact"), "The security contact.")
    case .operations: .optional(Schemas.ref("Contact"), "The operations contact.")
    case .billing: .optional(Schemas.ref("Contact"), "The billing contact.")
    case .unknown: .unknown(Self.listableNames)
    }
  }
}

extension ContactField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .name: .optional(Schemas.string, "The contact's name.")
    case .email: .optional(Schemas.string, "The contact's email address.")
    case .phone: .optional(Schemas.string, "The contact's phone number, quoted: `\"+1 555 0100\"`.")
    case .title: .optional(Schemas.string, "The contact's title.")
    }
  }
}

extension RootUserField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .password:
      .optional(
        ["oneOf": [Schemas.boolean, Schemas.ref("Password")]],
        "The root user's console password: `{enabled, lastUsed}`, or the shorthand `true` / `false` for "
          + "`{enabled: true}` / `{enabled: false}`.")
    case .accessKeys: .optional(Schemas.list(Schemas.ref("AccessKey")), "The root user's access keys.")
    case .signingCertificates:
      .optional(Schemas.list(Schemas.ref("SigningCertificate")), "The root user's X.509 signing certificates.")
    case .mfaDevices:
      .optional(Schemas.list(Schemas.ref("MFADevice")), "The root user's MFA devices (AWS allows up to 8).")
    case .passwordRecovery:
      .optional(
        Schemas.boolean,
        "Whether root password recovery is currently allowed for this member account (IAMCreateRootUserPassword "
          + "was done and not yet closed).")
    case .unknown: .unknown(Self.listableNames)
    }
  }
}

extension PasswordField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .enabled: .optional(Schemas.boolean, "Whether the root user has a console password.")
    case .lastUsed: .optional(Schemas.ref("Timestamp"), "When the password was last used to sign in.")
    case .unknown: .unknown(Self.listableNames)
    }
  }
}

extension AccessKeyField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .id: .optional(Schemas.string, "The access key id: `AKIA...`.")
    case .active: .optional(Schemas.boolean, "Whether the key is active.")
    case .lastUsed: .optional(Schemas.ref("Timestamp"), "When the key was last used.")
    }
  }
}

extension CertificateField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .id: .optional(Schemas.string, "The certificate id.")
    case .active: .optional(Schemas.boolean, "Whether the certificate is active.")
    }
  }
}

extension MFADeviceField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .type: .optional(Schemas.values(of: MFADeviceType.self), "The kind of MFA device.")
    case .serial: .optional(Schemas.string, "The device's serial number or ARN.")
    case .enabledAt: .optional(Schemas.ref("Timestamp"), "When the device was enabled.")
    }
  }
}

extension AuditField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .at: .required(Schemas.ref("Timestamp"), "When the audit ran.")
    case .status:
      .required(
        Schemas.values(of: AuditStatus.self),
        "How the audit ended: `complete`, `partial` (some calls failed; their facts are under `root.unknown`) or "
          + "`failed` (the audit could not run; nothing under `root` is known).")
    case .errors:
      .optional(Schemas.list(Schemas.ref("AuditError")), "The calls of the audit that failed (none when complete).")
    case .unknown: .unknown(Self.listableNames)
    }
  }
}

extension AuditErrorField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .call: .required(Schemas.string, "The API call that failed: `iam:GetLoginProfile`.")
    case .error: .required(Schemas.string, "The AWS error code: `AccessDenied`.")
    case .source: .optional(Schemas.string, "The export file that recorded the failure.")
    }
  }
}
