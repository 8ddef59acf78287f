import Diagnostics

/// The `<root_account>` row of the IAM credential report (`iam/credential-report.csv`), as root-user fields.
///
/// Column values: `TRUE`/`FALSE`, timestamps, `N/A` (no such credential), `no_information` (never used since
/// tracking began) and, for the root user's `password_enabled`, `not_supported`.
struct CredentialReport {
  static let file = "iam/credential-report.csv"

  /// The account whose root the row describes (from its `arn`).
  var account: String
  var row: [String: String]
  var line: Int

  /// The root row of the report, or nil when the file is absent or has no root row.
  static func read(folder: ExportFolder, log: inout FindingLog) throws(MalformedExport) -> CredentialReport? {
    guard let source = try folder.source(file) else { return nil }
    let rows = CSV.parse(String(decoding: source.bytes, as: UTF8.self))
    func error(_ line: Int, _ message: String) -> MalformedExport {
      MalformedExport(
        file: file, jsonPath: "line \(line)", message: message,
        location: SourceLocation(line: line, column: 1, offset: 0))
    }
    guard let header = rows.first, header.contains("user"), header.contains("arn") else {
      throw error(1, "expected the credential report header (user,arn,...)")
    }
    for (index, fields) in rows.enumerated().dropFirst() where fields.first == "<root_account>" {
      guard fields.count == header.count else {
        throw error(index + 1, "expected \(header.count) columns, found \(fields.count)")
      }
      let row = Dictionary(zip(header, fields), uniquingKeysWith: { first, _ in first })
      guard let arn = row["arn"], let account = AccountId.from(arnOrId: arn) else {
        throw error(index + 1, "the root row's arn has no account id")
      }
      return CredentialReport(account: account, row: row, line: index + 1)
    }
    log.add(ImportRules.missingPart, "no <root_account> row: the management root is unknown", file: file)
    return nil
  }

  private func value(_ column: String) throws(MalformedExport) -> String {
    guard let value = row[column] else {
      throw MalformedExport(
        file: Self.file, jsonPath: "line 1", message: "missing column '\(column)'",
        location: SourceLocation(line: 1, column: 1, offset: 0))
    }
    return value
  }

  private func flag(_ column: String) throws(MalformedExport) -> Bool { try value(column).lowercased() == "true" }

  private func time(_ column: String) throws(MalformedExport) -> Timestamp? { Timestamp(parsing: try value(column)) }

  private var source: String { "\(Self.file) line \(line) (<root_account>)" }

  /// `password`: TRUE/FALSE as reported; `not_supported` (or any other word) with a last use means a password exists;
  /// otherwise whether one exists is unknown (`password.unknown.enabled`), never "no password".
  func password() throws(MalformedExport) -> YAMLEntry {
    let enabledText = try value("password_enabled")
    let lastUsedText = try value("password_last_used")
    let lastUsed = Timestamp(parsing: lastUsedText)
    var fields: [YAMLEntry] = []
    var unknown = UnknownEntries()
    switch enabledText.lowercased() {
    case "true": fields.append(YAMLEntry("enabled", .bool(true)))
    case "false": fields.append(YAMLEntry("enabled", .bool(false)))
    default:
      if lastUsed != nil {
        fields.append(
          YAMLEntry("enabled", .bool(true), comments: ["password_enabled: \(enabledText); password_last_used is set"]))
      } else {
        unknown.add(
          "enabled",
          "\(Self.file) line \(line): password_enabled is '\(enabledText)' and password_last_used is "
            + "'\(lastUsedText)': the report does not say whether the root user has a password")
      }
    }
    if let lastUsed { fields.append(YAMLEntry("lastUsed", .timestamp(lastUsed))) }
    return .from(source, "password", .mapping(unknown.appended(to: fields)))
  }

  /// Access keys 1 and 2 that exist (active, or rotated at some time), named after their report columns.
  func accessKeys() throws(MalformedExport) -> YAMLEntry {
    var keys: [YAMLNode] = []
    for n in 1...2 {
      let active = try flag("access_key_\(n)_active")
      let rotated = try time("access_key_\(n)_last_rotated")
      guard active || rotated != nil else { continue }
      var fields = [YAMLEntry("id", .string("access_key_\(n)")), YAMLEntry("active", .bool(active))]
      if let used = try time("access_key_\(n)_last_used_date") {
        fields.append(YAMLEntry("lastUsed", .timestamp(used)))
      }
      keys.append(.mapping(fields))
    }
    return .from(source, "accessKeys", .sequence(keys))
  }

  /// Certificates 1 and 2 that exist, named after their report columns.
  func signingCertificates() throws(MalformedExport) -> YAMLEntry {
    var certs: [YAMLNode] = []
    for n in 1...2 {
      let active = try flag("cert_\(n)_active")
      let rotated = try time("cert_\(n)_last_rotated")
      guard active || rotated != nil else { continue }
      certs.append(.mapping([YAMLEntry("id", .string("cert_\(n)")), YAMLEntry("active", .bool(active))]))
    }
    return .from(source, "signingCertificates", .sequence(certs))
  }

  var mfaActive: Bool { get throws(MalformedExport) { try flag("mfa_active") } }
}

/// A small RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF or LF).
enum CSV {
  static func parse(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var iterator = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    while let c = pending ?? iterator.next() {
      pending = nil
      if quoted {
        if c == "\"" {
          let next = iterator.next()
          if next == "\"" {
            field.unicodeScalars.append("\"")
          } else {
            quoted = false
            pending = next
          }
        } else {
          field.unicodeScalars.append(c)
        }
        continue
      }
      switch c {
      case "\"" where field.isEmpty: quoted = true
      case ",":
        row.append(field)
        field = ""
      case "\r": break
      case "\n":
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      default: field.unicodeScalars.append(c)
      }
    }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }
}
