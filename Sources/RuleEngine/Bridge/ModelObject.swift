import CEL
import OrgModel
import Synchronization

/// The entities that have a logical path (the linked ones): the owners named in the causes of unknown fields.
protocol BridgedEntity: AnyObject {
  var logicalPath: String { get }
}

extension Organization: BridgedEntity {}
extension OrganizationalUnit: BridgedEntity {}
extension Policy: BridgedEntity {}
extension Account: BridgedEntity {}
extension PrivilegedTask: BridgedEntity {}

/// A model entity as CEL sees it, read on demand: a field is read from the entity when a rule reads it, so that
/// bridging a set costs one small object per linked entity, and the values of fields no rule reads are never built.
/// The entity itself is in the subclass `ModelObject<E>`; everything on the evaluation path is here, without `E`.
///
/// Scalars and links are read at every access. Kept fields (`BridgeType.isKept`: nested objects, lists, maps) are
/// built on their first read and the same value is returned afterwards, so the `CELObject` contract holds (a field's
/// value does not change; a nested object is the very same object at every read).
///
/// Rules are evaluated on several threads at once. A kept field is built under the links' lock (once per object
/// and field: rare), written into its slot, and then published by setting its bit in `filled` with release
/// ordering; a reader that sees the bit (acquire ordering) reads the slot without a lock. The slots are a raw
/// buffer because a Swift array element cannot be written while other threads read the array; each slot is written
/// once, before its bit is set, and never again.
class BridgedObject: CELObject, @unchecked Sendable {
  let table: BridgeTable
  /// The set and the objects of its linked entities.
  let links: BridgeLinks
  /// The linked entity this object is, or is inside of (a root user's account), named in the causes of unknowns.
  let owner: (any BridgedEntity)?
  /// True when this object stands for `owner` itself (an account, a task, an OU, a policy, the organization).
  let isLinked: Bool
  /// The fields that read as unknowns (listed under `unknown:`, or derived from the Organization's), by field index.
  /// Empty for nearly every object. Set while the set is bridged (on one thread, before any evaluation), only read
  /// afterwards: no dynamic exclusivity check on the evaluation path.
  @exclusivity(unchecked) var unknowns: [(field: Int, value: CELUnknown)]
  /// One bit per kept slot: set once the slot holds its value.
  private let filled = Atomic<UInt32>(0)
  private let kept: UnsafeMutablePointer<CELValue?>?

  var celType: CELObjectType { table.celType }

  init(
    _ table: BridgeTable, _ links: BridgeLinks, owner: (any BridgedEntity)?, isLinked: Bool,
    unknowns: [(Int, CELUnknown)]
  ) {
    self.table = table
    self.links = links
    self.owner = owner
    self.isLinked = isLinked
    self.unknowns = unknowns.map { (field: $0.0, value: $0.1) }
    kept = table.keptCount == 0 ? nil : .allocate(capacity: table.keptCount)
  }

  deinit {
    guard let kept else { return }
    let bits = filled.load(ordering: .acquiring)
    for slot in 0..<table.keptCount where bits & (1 << slot) != 0 { (kept + slot).deinitialize(count: 1) }
    kept.deallocate()
  }

  /// Makes `field` read as `value` (replacing what it read as before, an unknown listed under `unknown:` included).
  func setUnknown(_ field: Int, _ value: CELUnknown) {
    if let k = unknowns.firstIndex(where: { $0.field == field }) {
      unknowns[k].value = value
    } else {
      unknowns.append((field, value))
    }
  }

  final func field(at index: Int) -> CELValue? {
    if !unknowns.isEmpty, let u = unknowns.first(where: { $0.field == index }) { return .unknown(u.value) }
    let slot = table.slots[index]
    guard slot >= 0, let kept else { return table.readers[index](self) }
    if filled.load(ordering: .acquiring) & (1 << slot) == 0 { fill(slot, index, kept) }
    return kept[slot]
  }

  private func fill(_ slot: Int, _ index: Int, _ kept: UnsafeMutablePointer<CELValue?>) {
    links.lock.withLock { _ in
      // Another thread may have filled it between the check and the lock.
      if filled.load(ordering: .relaxed) & (1 << slot) != 0 { return }
      (kept + slot).initialize(to: table.readers[index](self))
      filled.bitwiseOr(1 << slot, ordering: .releasing)
    }
  }

  /// The object of a linked entity (for the readers of links).
  final func value(of entity: AnyObject) -> CELValue { links.value(of: entity) }

  /// The set bridged (for the readers of links that point back: `task.target`, `account.sameEmail`).
  final var set: LoadedSet { links.set }
}

/// A bridged object and its model entity, read by its type's readers.
final class ModelObject<E>: BridgedObject, @unchecked Sendable {
  let entity: E

  init(
    _ type: BridgeType<E>, _ entity: E, _ links: BridgeLinks, owner: (any BridgedEntity)?, isLinked: Bool,
    prefix: String = ""
  ) {
    self.entity = entity
    super.init(
      type.table, links, owner: owner, isLinked: isLinked,
      unknowns: type.listedUnknowns(entity, owner: owner, prefix: prefix))
  }
}
