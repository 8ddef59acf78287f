import CEL
import OrgModel

/// An object whose field values are given up front: the `params` variable of a rule.
final class CELRecord: CELObject, @unchecked Sendable {
  let celType: CELObjectType
  /// Field values in `celType.fields` order; nil for fields not set. Set once when the record is made, only read
  /// afterwards: no dynamic exclusivity check on the evaluation path.
  @exclusivity(unchecked) var values: [CELValue?]

  init(_ type: CELObjectType) {
    celType = type
    values = []
  }

  func field(at index: Int) -> CELValue? { values[index] }
}

/// One field of a bridged type: its CEL name and type, and how to read it from the model entity `E` (the reader
/// gets the object being read too, for the links and for making nested values).
struct BridgeField<E>: Sendable {
  let name: String
  let type: CELType
  let read: @Sendable (E, ModelObject<E>) -> CELValue?

  init(_ name: String, _ type: CELType, _ read: @escaping @Sendable (E, ModelObject<E>) -> CELValue?) {
    self.name = name
    self.type = type
    self.read = read
  }
}

/// A bridged type: the CEL declaration and the readers come from one table, so they cannot drift apart.
final class BridgeType<E>: Sendable {
  let fields: [BridgeField<E>]
  /// The fields the entity's YAML lists under `unknown:`, for the types whose mapping may carry it.
  let unknown: (@Sendable (E) -> UnknownFields)?
  /// What an object of this type reads through, without `E`: see `BridgeTable`.
  let table: BridgeTable

  var celType: CELObjectType { table.celType }

  /// The types whose objects stand for linked entities: the bridge makes one object per entity, found by
  /// `BridgeLinks.value(of:)`.
  static var linkedTypes: Set<String> { ["Organization", "OrganizationalUnit", "Policy", "Account", "PrivilegedTask"] }

  init(_ name: String, unknown: (@Sendable (E) -> UnknownFields)? = nil, _ fields: [BridgeField<E>]) {
    self.fields = fields
    self.unknown = unknown
    var slots: [Int] = []
    var kept = 0
    for f in fields {
      if Self.isKept(f.type) {
        slots.append(kept)
        kept += 1
      } else {
        slots.append(-1)
      }
    }
    precondition(kept <= 32, "a bridged object keeps at most 32 fields")
    table = BridgeTable(
      celType: CELObjectType(name: name, fields: fields.map { CELField($0.name, $0.type) }),
      readers: fields.map { field in
        let read = field.read
        return { object in
          let o = unsafeDowncast(object, to: ModelObject<E>.self)
          return read(o.entity, o)
        }
      },
      slots: slots, keptCount: kept)
  }

  /// A field is kept (built on its first read, then the same value every time) when its value holds nested value
  /// objects (a root user, statements: the same object each time it is read, as `ElementMemo` wants) or is a list,
  /// map or `dyn` that would be rebuilt at every read. Scalars are read from the entity at every access (a string
  /// or a bool costs no more than a lookup), and so are links to linked entities (a dictionary lookup each; kept,
  /// they would make cycles between objects).
  static func isKept(_ type: CELType) -> Bool {
    switch type {
    case .bool, .int, .uint, .double, .string, .bytes, .timestamp, .duration: return false
    case .object(let name): return !linkedTypes.contains(name)
    case .list(.object(let name)): return !linkedTypes.contains(name)
    default: return true
    }
  }

  /// A new object for a value entity (one nothing else links to, such as a root user), inside `parent`, at `prefix`
  /// in its owner: a field listed under `unknown:` reads as an unknown whose cause is
  /// `"<owner's logical path> <prefix><field>: <reason>"` (`prefix`: `root.`, `root.password.`).
  func record<P>(_ entity: E, _ parent: ModelObject<P>, prefix: String = "") -> CELValue {
    .object(ModelObject(self, entity, parent.links, owner: parent.owner, isLinked: false, prefix: prefix))
  }

  /// The unknowns an entity lists under `unknown:` as (field index, unknown), causes as `record` says.
  func listedUnknowns(_ entity: E, owner: (any BridgedEntity)?, prefix: String) -> [(Int, CELUnknown)] {
    guard let unknown else { return [] }
    let listed = unknown(entity)
    if listed.isEmpty { return [] }
    let path = owner?.logicalPath ?? ""
    var out: [(Int, CELUnknown)] = []
    for entry in listed.entries {
      guard let i = celType.index(of: entry.field) else { continue }
      let u = CELUnknown(cause: "\(path) \(prefix)\(entry.field): \(entry.reason)")
      if let k = out.firstIndex(where: { $0.0 == i }) { out[k].1 = u } else { out.append((i, u)) }
    }
    return out
  }

  /// The index of a field that the table has.
  func index(_ name: String) -> Int { celType.index(of: name)! }
}

/// A bridged type as its objects read it, without the entity's type: generic code would look up `E`'s metadata at
/// every field read (measured: 400 instructions a read), these closures are made where `E` is known.
final class BridgeTable: Sendable {
  let celType: CELObjectType
  /// Per field, reads it from the entity of the object given (a `ModelObject<E>`).
  let readers: [@Sendable (BridgedObject) -> CELValue?]
  /// Per field, its slot among the kept fields, or -1 for a field read at every access (`BridgeType.isKept`).
  let slots: [Int]
  let keptCount: Int

  init(celType: CELObjectType, readers: [@Sendable (BridgedObject) -> CELValue?], slots: [Int], keptCount: Int) {
    self.celType = celType
    self.readers = readers
    self.slots = slots
    self.keptCount = keptCount
  }
}
