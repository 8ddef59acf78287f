import CEL
import OrgModel

/// A model entity as CEL sees it: its type and its field values, computed once when the set is bridged, so that
/// evaluation reads fields by index without converting anything.
final class CELRecord: CELObject, @unchecked Sendable {
  let celType: CELObjectType
  /// Field values in `celType.fields` order; nil for fields absent from the YAML. Set once while bridging (on one
  /// thread, before any evaluation), only read afterwards: no dynamic exclusivity check on the evaluation path.
  @exclusivity(unchecked) var values: [CELValue?]

  init(_ type: CELObjectType) {
    celType = type
    values = []
  }

  func field(at index: Int) -> CELValue? { values[index] }
}

/// One field of a bridged type: its CEL name and type, and how to read it from the model entity `E`.
struct BridgeField<E>: Sendable {
  let name: String
  let type: CELType
  let read: @Sendable (E, ModelBridge) -> CELValue?

  init(_ name: String, _ type: CELType, _ read: @escaping @Sendable (E, ModelBridge) -> CELValue?) {
    self.name = name
    self.type = type
    self.read = read
  }
}

/// A bridged type: the CEL declaration and the readers come from one table, so they cannot drift apart.
struct BridgeType<E>: Sendable {
  let celType: CELObjectType
  let fields: [BridgeField<E>]
  /// The fields the entity's YAML lists under `unknown:`, for the types whose mapping may carry it.
  let unknown: (@Sendable (E) -> UnknownFields)?

  init(_ name: String, unknown: (@Sendable (E) -> UnknownFields)? = nil, _ fields: [BridgeField<E>]) {
    self.fields = fields
    self.unknown = unknown
    celType = CELObjectType(name: name, fields: fields.map { CELField($0.name, $0.type) })
  }

  /// Fills a record with the entity's values; a field listed under `unknown:` reads as an unknown whose cause is
  /// `"<owner's logical path> <prefix><field>: <reason>"` (`prefix`: where the record sits in its owner, `root.`).
  func fill(_ record: CELRecord, from entity: E, _ bridge: ModelBridge, prefix: String = "") {
    record.values = fields.map { $0.read(entity, bridge) }
    guard let unknown else { return }
    let listed = unknown(entity)
    if listed.isEmpty { return }
    for entry in listed.entries {
      guard let i = celType.index(of: entry.field) else { continue }
      record.values[i] = .unknown(CELUnknown(cause: bridge.cause(prefix + entry.field, entry.reason)))
    }
  }

  /// A new record for a value entity (one nothing else links to), at `prefix` in its owner (see `fill`).
  func record(_ entity: E, _ bridge: ModelBridge, prefix: String = "") -> CELValue {
    let r = CELRecord(celType)
    fill(r, from: entity, bridge, prefix: prefix)
    return .object(r)
  }

  /// The index of a field that the table has.
  func index(_ name: String) -> Int { celType.index(of: name)! }
}
