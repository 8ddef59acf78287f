import LocatedYAML

enum TaskField: String, CaseIterable, Sendable {
  case apiVersion, kind, account, task, principal, startedAt, completedAt, reason, unknown
}

extension TaskField: UnknownListable {
  static var unknownField: Self { .unknown }
  static var notListable: [Self] { [.apiVersion, .kind, .account, .unknown] }
}

extension ModelDecoder {
  static let taskTable = FieldTable<TaskField>()

  /// Decodes a PrivilegedTask from its mapping: a document's root (`inline: false`) or an item of
  /// `privilegedTasks:`.
  public func decodeTask(at mapping: YAMLNodeID, inline: Bool = true) -> PrivilegedTask {
    let task = PrivilegedTask(origin: NodeRef(document: document, node: mapping))
    var seen: (account: Bool, task: Bool, principal: Bool, startedAt: Bool) = (false, false, false, false)
    var unknown: (key: YAMLNodeID, value: YAMLNodeID)?
    for i in 0..<doc.count(mapping) {
      guard
        let (field, key, v) = field(
          mapping, i, Self.taskTable, in: "PrivilegedTask",
          required: { $0 == .account || $0 == .task || $0 == .principal || $0 == .startedAt })
      else { continue }
      switch field {
      case .apiVersion, .kind:
        if inline { notInline(key, doc.value(mapping, i), "PrivilegedTask") }
        continue
      case .account: seen.account = true
      case .task: seen.task = true
      case .principal: seen.principal = true
      case .startedAt: seen.startedAt = true
      default: break
      }
      guard let v else { continue }
      switch field {
      case .apiVersion, .kind: break
      case .account:
        task.account = accountId(v, key: key) ?? ""
      case .task:
        task.task = enumValue(v, key: key, EnumTables.taskKind)
      case .principal:
        task.principalNode = stringNode(v, key: key)
        task.callerAccount = callerAccount(of: v)
      case .startedAt:
        task.startedAt = timestamp(v, key: key)
      case .completedAt: task.completedAt = timestamp(v, key: key)
      case .reason: task.reasonNode = stringNode(v, key: key)
      case .unknown: unknown = (key, v)
      }
    }
    if let unknown {
      task.unknown = unknownFields(unknown.value, key: unknown.key, of: mapping, Self.taskTable, in: "PrivilegedTask")
    }
    if !seen.account { missing("account", in: "PrivilegedTask", mapping) }
    if !seen.task && !task.unknown.contains("task") { missing("task", in: "PrivilegedTask", mapping) }
    if !seen.principal && !task.unknown.contains("principal") { missing("principal", in: "PrivilegedTask", mapping) }
    if !seen.startedAt && !task.unknown.contains("startedAt") { missing("startedAt", in: "PrivilegedTask", mapping) }
    return task
  }

  /// The account id field of an IAM or STS ARN (`arn:aws:iam::123456789012:role/x`), `""` when it has none.
  func callerAccount(of node: YAMLNodeID) -> String {
    guard doc.kind(node) == .scalar else { return "" }
    return withText(node) { b in
      guard let range = arnAccount(b) else { return "" }
      return String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self)
    }
  }
}

/// The byte range of the account id in `arn:<partition>:iam|sts::<12 digits>:...`.
func arnAccount(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
  // Fields: arn, partition, service, region, account, resource.
  var starts: [Int] = [0]
  for (i, c) in b.enumerated() where c == 0x3A {
    starts.append(i + 1)
    if starts.count == 6 { break }
  }
  guard starts.count == 6 else { return nil }
  func field(_ k: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: b[starts[k]..<(starts[k + 1] - 1)])
  }
  let arn = field(0)
  guard arn.elementsEqual("arn".utf8) else { return nil }
  let service = field(2)
  guard service.elementsEqual("iam".utf8) || service.elementsEqual("sts".utf8) else { return nil }
  let account = starts[4]..<(starts[5] - 1)
  guard account.count == 12, b[account].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
  return account
}
