/// Namespace of the SARIF 2.1.0 object model
/// (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), one `Codable` struct per spec object,
/// named after it; nil properties are left out of the JSON.
enum SARIF {
  static let version = "2.1.0"
  static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
  /// The base id relative artifact URIs are resolved against.
  static let sourceRootId = "%SRCROOT%"
}
