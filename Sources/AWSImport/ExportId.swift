/// The AWS identifier formats of ids the importer turns into file names (`organizations/ous/<parent-id>.json`,
/// `organizations/policies/<policy-id>.json`, `get-access-key-last-used-<key-id>.json`).
///
/// An id is checked against its format before it becomes part of a path, so no value in an export file can name a
/// file outside the export folder (`"Id": "../../../secret"` is IMPORT001, never a read). Formats as AWS documents
/// them: policy `p-` + 8–128 of `[0-9A-Za-z_]`
/// (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/organizations/aws.sdk.kotlin.services.organizations.model/-list-targets-for-policy-request/policy-id.html);
/// root `r-` + 4–32 of `[0-9a-z]`, OU `ou-` + 4–32 of `[0-9a-z]` + `-` + 8–32 of `[0-9a-z]`
/// (https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/organizations/client/list_organizational_units_for_parent.html);
/// access key `[\w]+`, 16–128 characters (https://docs.aws.amazon.com/IAM/latest/APIReference/API_AccessKeyMetadata.html).
enum ExportId {
  case policy
  case root
  case organizationalUnit
  case accessKey

  var what: String {
    switch self {
    case .policy: "a policy id (p- and 8 to 128 letters, digits or '_')"
    case .root: "a root id (r- and 4 to 32 lowercase letters or digits)"
    case .organizationalUnit: "an OU id (ou-<4 to 32 lowercase letters or digits>-<8 to 32 more>)"
    case .accessKey: "an access key id (16 to 128 letters, digits or '_')"
    }
  }

  func matches(_ id: String) -> Bool {
    let b = Array(id.utf8)
    func lowerAlnum(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) || (0x61...0x7A).contains(c) }
    func word(_ c: UInt8) -> Bool { lowerAlnum(c) || (0x41...0x5A).contains(c) || c == UInt8(ascii: "_") }
    func run(_ from: Int, _ to: Int, _ allowed: (UInt8) -> Bool) -> Bool {
      from <= to && b[from..<to].allSatisfy(allowed)
    }
    switch self {
    case .policy:
      return b.starts(with: Array("p-".utf8)) && (10...130).contains(b.count) && run(2, b.count, word)
    case .root:
      return b.starts(with: Array("r-".utf8)) && (6...34).contains(b.count) && run(2, b.count, lowerAlnum)
    case .organizationalUnit:
      guard b.starts(with: Array("ou-".utf8)), let dash = b[3...].firstIndex(of: UInt8(ascii: "-")) else {
        return false
      }
      return (4...32).contains(dash - 3) && run(3, dash, lowerAlnum)
        && (8...32).contains(b.count - dash - 1) && run(dash + 1, b.count, lowerAlnum)
    case .accessKey:
      return (16...128).contains(b.count) && run(0, b.count, word)
    }
  }

  /// The string at `cursor`, which must be an id of this format; otherwise IMPORT001 at the value.
  func check(_ cursor: JSONCursor) throws(MalformedExport) -> String {
    let id = try cursor.string
    guard matches(id) else { throw cursor.error("expected \(what), found '\(id)'") }
    return id
  }
}
