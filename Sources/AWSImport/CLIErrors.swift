/// Reports the export commands that failed (`*.error.json` files holding the CLI's error text), except the errors
/// that are answers: `NoSuchEntity` from get-login-profile (no root password) and `ResourceNotFoundException` from
/// get-alternate-contact (contact not set). The documents record each failure as an `unknown:` reason (and, in an
/// audit session, in `audit.errors`), so this is a note.
enum CLIErrors {
  static func report(folder: ExportFolder, log: inout FindingLog) throws(MalformedExport) {
    for file in errorFiles(folder: folder, under: "") {
      if folder.skipIfSpecial(file, log: &log) { continue }  // a FIFO would block the import
      let code = try folder.errorCode(file) ?? ""
      let name = file.split(separator: "/").last.map(String.init) ?? file
      if name == "get-login-profile.error.json" && code == "NoSuchEntity" { continue }
      if name.hasPrefix("alternate-contact-") && code == "ResourceNotFoundException" { continue }
      log.add(
        ImportRules.cliError,
        "the export command failed\(code.isEmpty ? "" : " with '\(code)'"): what it feeds is written as unknown",
        file: file)
    }
  }

  /// Every `*.error.json` below `under`, sorted; depth is bounded by the layout (three levels).
  private static func errorFiles(folder: ExportFolder, under: String, depth: Int = 0) -> [String] {
    var found: [String] = []
    for name in folder.list(under.isEmpty ? "." : under) {
      let path = under.isEmpty ? name : "\(under)/\(name)"
      if name.hasSuffix(".error.json") {
        found.append(path)
      } else if depth < 3, !name.contains(".") || name.hasPrefix("o-") {
        found += errorFiles(folder: folder, under: path, depth: depth + 1)
      }
    }
    return found
  }
}
