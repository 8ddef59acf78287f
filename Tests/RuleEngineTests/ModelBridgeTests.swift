import CEL
import Dispatch
import Diagnostics
import OrgModel
import Synchronization
import Testing

@testable import RuleEngine

/// The bridge's objects read the model on demand: links and nested values are the very same objects at every read,
/// from any number of threads at once, and nothing stays behind once the bridge goes.
@Suite struct ModelBridgeTests {
  static let text = """
    apiVersion: orglint/v1
    kind: Organization
    id: o-a1b2c3d4e5
    managementAccount: "111111111111"
    ---
    apiVersion: orglint/v1
    kind: Account
    id: "111111111111"
    name: management
    email: root@example.com
    ---
    apiVersion: orglint/v1
    kind: Account
    id: "222222222222"
    name: dev
    email: dev@example.com
    root:
      password: { enabled: true }
      accessKeys: [{ id: AKIAEXAMPLE, active: true }]
    ---
    apiVersion: orglint/v1
    kind: PrivilegedTask
    account: "222222222222"
    task: IAMAuditRootUserCredentials
    principal: arn:aws:iam::111111111111:role/Admin
    startedAt: 2026-10-01T10:00:00Z

    """

  static func load() -> LoadedSet {
    let set = OrgSetLoader.load(sources: [SourceFile(path: "org.yaml", bytes: Array(text.utf8))])
    #expect(set.findings.map(describeFinding) == [])
    return set
  }

  static func field(_ value: CELValue?, _ name: String) -> CELValue? {
    guard case .object(let o) = value, let i = o.celType.index(of: name) else { return nil }
    return o.field(at: i)
  }

  static func object(_ value: CELValue?) -> (any CELObject)? {
    guard case .object(let o) = value else { return nil }
    return o
  }

  static func list(_ value: CELValue?) -> [CELValue] {
    guard case .list(let l) = value else { return [] }
    return l
  }

  @Test func linksAndNestedValuesAreTheSameObjectsAtEveryRead() throws {
    let set = Self.load()
    let bridge = ModelBridge(set)
    let dev = try #require(Self.list(bridge.accountsVariable).last)
    let task = try #require(Self.list(bridge.tasksVariable).first)
    let devTask = try #require(Self.list(Self.field(dev, "tasks")).first)
    #expect(Self.object(devTask) === Self.object(task))
    #expect(Self.object(Self.field(task, "target")) === Self.object(dev))
    #expect(Self.object(bridge.value(of: set.accounts[1])) === Self.object(dev))
    let root = try #require(Self.object(Self.field(dev, "root")))
    #expect(Self.object(Self.field(dev, "root")) === root)
    let key = Self.object(Self.list(Self.field(.object(root), "accessKeys")).first)
    #expect(key != nil && Self.object(Self.list(Self.field(.object(root), "accessKeys")).first) === key)
    let enabled = Self.field(Self.field(.object(root), "password"), "enabled")
    #expect({ if case .bool(true)? = enabled { true } else { false } }())
    #expect(bridge.entity(of: try #require(Self.object(dev))) === set.accounts[1])
    #expect(bridge.entity(of: root) == nil)
  }

  /// Many threads reading the same kept fields for the first time at once all get the one object each field keeps.
  @Test func concurrentFirstReadsGetTheSameObject() throws {
    for _ in 0..<20 {
      let bridge = ModelBridge(Self.load())
      let dev = try #require(Self.list(bridge.accountsVariable).last)
      let seen = SharedObjects(count: 64)
      DispatchQueue.concurrentPerform(iterations: 64) { i in
        let root = Self.field(dev, "root")
        seen.store(i, (Self.object(root), Self.object(Self.field(root, "password"))))
      }
      let first = try #require(seen.all.first)
      for pair in seen.all {
        #expect(pair.0 != nil && pair.0 === first.0)
        #expect(pair.1 != nil && pair.1 === first.1)
      }
    }
  }

  /// The objects point at each other (an account's tasks, a task's target); once the bridge goes, none of them stays.
  @Test func objectsGoWithTheBridge() throws {
    let set = Self.load()
    var bridge: ModelBridge? = ModelBridge(set)
    weak var dev: AnyObject?
    weak var root: AnyObject?
    weak var task: AnyObject?
    do {
      let accounts = Self.list(bridge?.accountsVariable)
      let d = try #require(accounts.last)
      let t = try #require(Self.list(Self.field(d, "tasks")).first)
      _ = Self.field(t, "target")
      dev = Self.object(d)
      task = Self.object(t)
      root = Self.object(Self.field(d, "root"))
    }
    #expect(dev != nil && root != nil && task != nil)
    bridge = nil
    #expect(dev == nil && root == nil && task == nil)
  }
}

/// Results written by index from several threads, read after they have all finished.
final class SharedObjects: Sendable {
  private let slots: Mutex<[((any CELObject)?, (any CELObject)?)]>
  init(count: Int) { slots = Mutex(Array(repeating: (nil, nil), count: count)) }
  func store(_ i: Int, _ v: ((any CELObject)?, (any CELObject)?)) { slots.withLock { $0[i] = v } }
  var all: [((any CELObject)?, (any CELObject)?)] { slots.withLock { $0 } }
}
