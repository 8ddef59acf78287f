// The JSON Schema of a PrivilegedTask, field by field (see `SchemaDescribedField`).

extension TaskField: SchemaDescribedField {
  var schema: JSONFieldSchema {
    switch self {
    case .apiVersion: .apiVersion
    case .kind: .kind
    case .account: .required(Schemas.ref("AccountId"), "The target member account's 12-digit id, quoted.")
    case .task: .required(Schemas.values(of: TaskKind.self), "The privileged task the session was scoped to.")
    case .principal:
      .required(
        Schemas.string,
        "Who called sts:AssumeRoot, as an ARN: `arn:aws:iam::111111111111:role/RootAccessAdmin`.")
    case .startedAt: .required(Schemas.ref("Timestamp"), "When the session started.")
    case .completedAt: .optional(Schemas.ref("Timestamp"), "When the session ended; absent while it is open.")
    case .reason: .optional(Schemas.string, "Why the task was done, such as a ticket reference.")
    case .unknown: .unknown(Self.listableNames)
    }
  }
}
