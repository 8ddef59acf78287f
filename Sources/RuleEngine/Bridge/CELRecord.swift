import CEL

/// A model entity as CEL sees it: its type and its field values, computed once when the set is bridged, so that
/// evaluation reads fields by index without converting anything.
final class CELRecord: CELObject, @unchecked Sendable {
  let celType: CELObjectType
  /// Field values in `celType.fields` order; nil for fields absent from the YAML. Set once while bridging.
  var values: [CELValue?]

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

  init(_ name: String, _ fields: [BridgeField<E>]) {
    self.fields = fields
    celType = CELObjectType(name: name, fields: fields.map { CELField($0.name, $0.type) })
  }

  /// Fills a record with the entity's values.
  func fill(_ record: CELRecord, from entity: E, _ bridge: ModelBridge) {
    record.values = fields.map { $0.read(entity, bridge) }
  }

  /// A new record for a value entity (one nothing else links to).
  func record(_ entity: E, _ bridge: ModelBridge) -> CELValue {
    let r = CELRecord(celType)
    fill(r, from: entity, bridge)
    return .object(r)
  }
}
