extension SARIF {
  /// §3.28 location: where a result, related evidence or notification is, physically and logically.
  struct Location: Codable, Hashable {
    var id: Int?
    var physicalLocation: PhysicalLocation?
    var logicalLocations: [LogicalLocation]?
    var message: Message?
  }
}
