import LocatedYAML

/// One record of the privileged-task log: one `sts:AssumeRoot` session. A `kind: PrivilegedTask` document or an
/// item of an Organization's `privilegedTasks:`.
///
/// A class because accounts link to their tasks; immutable once the set is loaded. Its target account is read
/// through the set (`LoadedSet.target(of:)`): a task holds no account, so accounts and tasks form no cycle.
public final class PrivilegedTask: @unchecked Sendable {
  public let origin: NodeRef
  /// The target account id as written.
  public internal(set) var account = ""
  /// nil when missing or not one of the known tasks (both reported).
  public internal(set) var task: TaskKind?
  var principalNode: YAMLNodeID?
  var reasonNode: YAMLNodeID?
  public internal(set) var startedAt: Timestamp?
  /// nil while the session is open.
  public internal(set) var completedAt: Timestamp?
  /// The 12-digit account id inside `principal` (`arn:aws:iam::123456789012:role/x`), `""` when it has none.
  public internal(set) var callerAccount = ""
  /// The fields the document says it does not know (`unknown:`).
  public internal(set) var unknown = UnknownFields()


  public init(origin: NodeRef) { self.origin = origin }

  /// The caller's ARN (read from the YAML when asked).
  public var principal: String { origin.document.text(principalNode) ?? "" }
  public var reason: String? { origin.document.text(reasonNode) }

  /// `task/<account>/<startedAt>/<task>`: the entity's identity for fingerprints.
  public var logicalPath: String {
    "task/\(account)/\(startedAt.map { "\($0)" } ?? "")/\(task?.rawValue ?? "")"
  }

  /// Where a model path below the task (`["completedAt"]`) is written; see `NodeRef.location(of:)`.
  public func location(of path: [String] = []) -> ModelLocation { origin.location(of: path) }
}
