// The JSON Schema of an Organization and its parts, field by field (see `SchemaDescribedField`).

extension OrganizationField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .apiVersion: .apiVersion
    case .kind: .kind
    case .id:
      .required(
        ["type": "string", "pattern": "^o-[a-z0-9]{10,32}$"],
        "The Organization's id: `o-` and 10 to 32 lowercase letters or digits.")
    case .managementAccount: .required(Schemas.ref("AccountId"), "The management account's 12-digit id, quoted.")
    case .featureSet:
      .optional(Schemas.values(of: FeatureSet.self), "The Organization's feature set (default `ALL`).")
    case .trustedAccess:
      .optional(
        Schemas.stringList, "The service principals with trusted access, such as `iam.amazonaws.com`.")
    case .delegatedAdministrators:
      .optional(
        Schemas.list(Schemas.ref("DelegatedAdministrator")),
        "The delegated administrators, one per service and account.")
    case .rootAccess:
      .optional(
        Schemas.ref("RootAccess"),
        "IAM centralized root access, as ListOrganizationsFeatures reports it. Absent: both features off.")
    case .organizationalUnits:
      .optional(
        Schemas.list(Schemas.ref("OrganizationalUnit")),
        "The top-level organizational units; accounts name their OU by path, such as `Workloads/Prod`.")
    case .policies: .optional(Schemas.list(Schemas.ref("Policy")), "The service control policies.")
    case .accounts:
      .optional(
        Schemas.list(Schemas.ref("Account")),
        "Accounts described inline: Account bodies without `apiVersion` and `kind`.")
    case .privilegedTasks:
      .optional(
        Schemas.list(Schemas.ref("PrivilegedTask")),
        "Privileged-task records inline: PrivilegedTask bodies without `apiVersion` and `kind`.")
    case .unknown: .unknown(Self.listableNames)
    }
  }
}

extension DelegatedAdministratorField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .service: .required(Schemas.string, "The service principal, such as `iam.amazonaws.com`.")
    case .account: .required(Schemas.ref("AccountId"), "The delegated administrator account's 12-digit id, quoted.")
    }
  }
}

extension RootAccessField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .rootCredentialsManagement:
      .optional(Schemas.boolean, "Whether the `RootCredentialsManagement` feature is enabled.")
    case .rootSessions:
      .optional(
        Schemas.boolean,
        "Whether the `RootSessions` feature is enabled (privileged root actions in member accounts).")
    case .unknown: .unknown(Self.listableNames)
    }
  }
}

extension OUField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .name: .required(Schemas.string, "The unit's name; its path is its parents' names and its own, joined by `/`.")
    case .policies: .optional(Schemas.stringList, "The names of the service control policies attached to the unit.")
    case .children: .optional(Schemas.list(Schemas.ref("OrganizationalUnit")), "The unit's child units.")
    }
  }
}
