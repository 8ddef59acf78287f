/// The `unknown:` entries of one object of the orglint/v1 format: field name → reason naming the missing source
/// (Docs/format.md "unknown"). The importer writes one wherever an export file that feeds a field is missing or holds
/// a failed call, instead of leaving the field out (which would read as "none" or "off").
struct UnknownEntries {
  private(set) var reasons: [(field: String, reason: String)] = []

  var isEmpty: Bool { reasons.isEmpty }

  func contains(_ field: String) -> Bool { reasons.contains { $0.field == field } }

  /// Records `field` as unknown; a second reason for the same field is ignored (the first one names the cause).
  mutating func add(_ field: String, _ reason: String) {
    if !contains(field) { reasons.append((field, reason)) }
  }

  /// The `unknown:` entry, or nil when every field is known.
  var entry: YAMLEntry? {
    isEmpty ? nil : YAMLEntry("unknown", .mapping(reasons.map { YAMLEntry($0.field, .string($0.reason)) }))
  }

  /// `entries` followed by the `unknown:` entry when there is one.
  func appended(to entries: [YAMLEntry]) -> [YAMLEntry] { entries + (entry.map { [$0] } ?? []) }
}

/// Why an export file's content is not available: the command failed (its `.error.json` twin holds the CLI's error
/// text) or the file is missing.
struct Unavailable: Equatable {
  /// The output file the command should have written (`accounts/…/get-login-profile.json`).
  var file: String
  /// The `.error.json` twin when it exists.
  var errorFile: String?
  /// The AWS error code parsed from the twin (`AccessDenied`); `""` when the text names none; nil when missing.
  var code: String?

  /// `iam get-login-profile: AccessDenied (accounts/…/get-login-profile.error.json)`, or `… missing`.
  func reason(call: String) -> String {
    guard let errorFile else { return "\(file) missing" }
    let code = code ?? ""
    return code.isEmpty ? "\(call) failed (\(errorFile))" : "\(call): \(code) (\(errorFile))"
  }
}

extension ExportFolder {
  /// The `.error.json` twin of an output file (`x.json` → `x.error.json`, `credential-report.csv` →
  /// `credential-report.error.json`), as scripts/export-aws.sh writes it.
  static func errorTwin(_ relative: String) -> String {
    for ext in [".json", ".csv"] where relative.hasSuffix(ext) {
      return String(relative.dropLast(ext.count)) + ".error.json"
    }
    return relative + ".error.json"
  }

  /// Why `relative` is not there: its error twin with the parsed code, or missing.
  func unavailable(_ relative: String) throws(MalformedExport) -> Unavailable {
    let twin = Self.errorTwin(relative)
    if let code = try errorCode(twin) { return Unavailable(file: relative, errorFile: twin, code: code) }
    return Unavailable(file: relative, errorFile: nil, code: nil)
  }
}

/// An IAM ARN of any partition: `arn:<partition>:iam::<account-id>:<resource>` (`aws`, `aws-us-gov`, `aws-cn`, …).
struct IAMArn: Equatable {
  var partition: String
  var account: String
  var resource: String

  init?(_ text: String) {
    let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, parts[2] == "iam", parts[3].isEmpty else {
      return nil
    }
    partition = String(parts[1])
    account = String(parts[4])
    resource = String(parts[5])
  }
}

extension FindingLog {
  /// Notes an unavailable file (IMPORT005 `absent: <consequence>` when missing; a failed call is IMPORT007's) and
  /// returns the `unknown:` reason for it.
  mutating func unknown(_ missing: Unavailable, call: String, _ consequence: String) -> String {
    if missing.errorFile == nil { add(ImportRules.missingPart, "absent: \(consequence)", file: missing.file) }
    return missing.reason(call: call)
  }
}
