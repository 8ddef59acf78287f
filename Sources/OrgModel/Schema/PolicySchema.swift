// The JSON Schema of a service control policy and its document, field by field (see `SchemaDescribedField`).

extension PolicyField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .name: .required(Schemas.string, "The policy's name, by which organizational units attach it.")
    case .attachedTo:
      .optional(Schemas.stringList, "Where the policy is attached: `Root`, OU paths, or 12-digit account ids.")
    case .document:
      .required(Schemas.ref("PolicyDocument"), "The IAM policy document, written as YAML or JSON.")
    }
  }
}

extension PolicyDocumentField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .Version: .optional(Schemas.string, "The policy language version: `2012-10-17`.")
    case .Id: .optional(Schemas.string, "An optional identifier of the policy.")
    case .Statement:
      .required(
        ["oneOf": [Schemas.ref("Statement"), Schemas.list(Schemas.ref("Statement"))]],
        "The policy's statements: one statement or a list of them.")
    }
  }
}

extension StatementField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .Sid: .optional(Schemas.string, "The statement's id.")
    case .Effect: .required(Schemas.values(of: OrgModel.Effect.self), "Whether the statement allows or denies.")
    case .Action: .optional(Schemas.ref("StringOrList"), "The actions the statement covers: `\"*\"`, `s3:*`, ...")
    case .NotAction: .optional(Schemas.ref("StringOrList"), "The actions the statement covers all but.")
    case .Resource: .optional(Schemas.ref("StringOrList"), "The resources the statement covers.")
    case .NotResource: .optional(Schemas.ref("StringOrList"), "The resources the statement covers all but.")
    case .Condition:
      .optional(
        Schemas.ref("Condition"),
        "The conditions: operator (`StringLike`, `ArnLike`, `Null`, ...) to condition key to a value or a list of "
          + "values.")
    }
  }
}
