import Diagnostics

/// The importer's own finding ids (documented in Docs/import.md). Only IMPORT001 stops the import.
public enum ImportRules {
  public static let malformed = RuleDescriptor(
    id: "IMPORT001", name: "malformed-export", title: "Every export file is the JSON (or CSV) the AWS CLI prints",
    severity: .error)
  public static let unlistedAccount = RuleDescriptor(
    id: "IMPORT002", name: "account-not-listed",
    title: "Every account with exported files is in organizations/list-accounts.json", severity: .warning)
  public static let danglingReference = RuleDescriptor(
    id: "IMPORT003", name: "unknown-reference",
    title: "Every OU, policy target and account the export names is in the export", severity: .warning)
  public static let truncatedListing = RuleDescriptor(
    id: "IMPORT004", name: "truncated-listing",
    title: "Listings are complete: the last page has no NextToken", severity: .warning)
  public static let missingPart = RuleDescriptor(
    id: "IMPORT005", name: "missing-part",
    title: "The export holds every file the model needs; absent parts are written as unknown, never guessed",
    severity: .note)
  public static let inconsistentAudit = RuleDescriptor(
    id: "IMPORT006", name: "inconsistent-audit",
    title: "A root audit agrees with the account summary taken in the same session", severity: .warning)
  public static let cliError = RuleDescriptor(
    id: "IMPORT007", name: "cli-error",
    title: "An export command failed only with an expected error (NoSuchEntity); other failures are written as unknown",
    severity: .note)

  /// Every descriptor, for `rules list` and SARIF.
  public static let all = [
    malformed, unlistedAccount, danglingReference, truncatedListing, missingPart, inconsistentAudit, cliError,
  ]
}

/// Collects the importer's findings as it reads.
struct FindingLog {
  private(set) var findings: [Finding] = []

  mutating func add(_ rule: RuleDescriptor, _ message: String, file: String?, at location: SourceLocation? = nil) {
    findings.append(Finding(rule, message, path: file, range: location.map { SourceRange(at: $0) }))
  }

  mutating func add(_ rule: RuleDescriptor, _ message: String, at cursor: JSONCursor) {
    add(
      rule, "\(cursor.path): \(message)", file: cursor.file.path,
      at: cursor.file.location(atByteOffset: cursor.value.offset))
  }
}

extension MalformedExport {
  /// The error as an IMPORT001 finding.
  public var finding: Finding {
    Finding(ImportRules.malformed, "\(jsonPath): \(message)", path: file, range: SourceRange(at: location))
  }
}
