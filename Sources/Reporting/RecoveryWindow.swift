/// A root password recovery seen in the privileged-task log: from an `IAMCreateRootUserPassword` session to the first
/// `IAMDeleteRootUserCredentials` on the same account that started after it, or still open.
///
/// The html report draws them on its timeline. It reads the task log only; TASK001 also counts a later audit that
/// shows no password as a close, so a window open here can be closed for that rule.
public struct RecoveryWindow: Sendable, Hashable {
  /// The account id as the tasks write it.
  public var account: String
  /// Indices in `OrganizationOutline.tasks` of the create, and of the delete that closed it (nil: open).
  public var createTask: Int
  public var deleteTask: Int?
  /// Seconds since 1970: the create's start, and the delete's end (its start when it has no end), nil while open.
  public var start: Int64
  public var end: Int64?

  public var isOpen: Bool { end == nil }

  /// The windows of `tasks`, by account (in order of first appearance) and then by start. Tasks without a valid
  /// `startedAt` are left out.
  public static func windows(in tasks: [OrganizationOutline.Task]) -> [RecoveryWindow] {
    var byAccount: [String: [Int]] = [:]
    var order: [String] = []
    for (i, task) in tasks.enumerated() where task.startedAt != nil {
      if byAccount[task.account] == nil { order.append(task.account) }
      byAccount[task.account, default: []].append(i)
    }
    var result: [RecoveryWindow] = []
    for account in order {
      let indices = byAccount[account]!.sorted { tasks[$0].startedAt! < tasks[$1].startedAt! }
      for i in indices where tasks[i].kind == createPassword {
        let start = tasks[i].startedAt!
        let close = indices.first { tasks[$0].kind == deleteCredentials && tasks[$0].startedAt! > start }
        let end = close.map { tasks[$0].completedAt ?? tasks[$0].startedAt! }
        result.append(RecoveryWindow(account: account, createTask: i, deleteTask: close, start: start, end: end))
      }
    }
    return result
  }

  static let createPassword = "IAMCreateRootUserPassword"
  static let deleteCredentials = "IAMDeleteRootUserCredentials"
}
