import Diagnostics
import Foundation

/// Read access to an export folder: files by their relative path, parsed into `JSONCursor`s.
///
/// A missing file is `nil` (that part of the model is absent); an unreadable or malformed one throws.
struct ExportFolder {
  let root: URL

  init(path: String) {
    root = URL(fileURLWithPath: path, isDirectory: true)
  }

  func exists(_ relative: String) -> Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path)
  }

  /// Names of the entries of a sub-folder, sorted; `[]` when it does not exist.
  func list(_ relative: String) -> [String] {
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(relative).path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }

  /// The file's bytes as a `SourceFile` whose path is `relative`, or nil when it does not exist.
  func source(_ relative: String) throws(MalformedExport) -> SourceFile? {
    let full = root.appendingPathComponent(relative).path
    guard FileManager.default.fileExists(atPath: full) else { return nil }
    do {
      return try SourceFile.read(path: full, displayPath: relative)
    } catch {
      throw MalformedExport(
        file: relative, jsonPath: "$", message: "cannot read: \(error)",
        location: SourceLocation(line: 1, column: 1, offset: 0))
    }
  }

  /// Every JSON text in the file (pages appended to one file give several), or nil when the file is absent.
  func pages(_ relative: String) throws(MalformedExport) -> [JSONCursor]? {
    guard let file = try source(relative) else { return nil }
    var parser = JSONParser(bytes: file.bytes)
    let values: [JSONValue]
    do {
      values = try parser.parseAll()
    } catch {
      throw MalformedExport(
        file: relative, jsonPath: "$", message: "invalid JSON: \(error.message)",
        location: file.location(atByteOffset: error.offset))
    }
    guard !values.isEmpty else {
      throw MalformedExport(
        file: relative, jsonPath: "$", message: "empty file, expected the AWS CLI's JSON output",
        location: SourceLocation(line: 1, column: 1, offset: 0))
    }
    return values.enumerated().map {
      JSONCursor(value: $1, path: values.count == 1 ? "$" : "$[page \($0 + 1)]", file: file)
    }
  }

  /// The file's single JSON text, or nil when absent; several texts are an error.
  func document(_ relative: String) throws(MalformedExport) -> JSONCursor? {
    guard let pages = try pages(relative) else { return nil }
    guard pages.count == 1 else { throw pages[1].error("expected one JSON document, found \(pages.count)") }
    return pages[0]
  }

  /// The items of the list `key` over all pages of a paginated listing, or nil when the file is absent.
  /// A `NextToken` on the last page means the listing is incomplete: an IMPORT004 finding.
  func listing(_ relative: String, _ key: String, log: inout FindingLog) throws(MalformedExport) -> [JSONCursor]? {
    guard let pages = try pages(relative) else { return nil }
    var items: [JSONCursor] = []
    for page in pages { items += try page.list(key) }
    if let last = pages.last, let token = try last.optional("NextToken") {
      log.add(
        ImportRules.truncatedListing,
        "the listing continues (NextToken); export every page (drop --max-items / --no-paginate)", at: token)
    }
    return items
  }

  /// The error code in a `*.error.json` file holding the CLI's error text (`An error occurred (NoSuchEntity) when
  /// calling ...`) or an `{"Error": {"Code": ...}}` body; nil when the file is absent, `""` when no code is found.
  func errorCode(_ relative: String) throws(MalformedExport) -> String? {
    guard let file = try source(relative) else { return nil }
    let text = String(decoding: file.bytes, as: UTF8.self)
    if let open = text.range(of: "An error occurred ("), let close = text[open.upperBound...].firstIndex(of: ")") {
      return String(text[open.upperBound..<close])
    }
    if let data = text.data(using: .utf8),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let error = object["Error"] as? [String: Any], let code = error["Code"] as? String
    {
      return code
    }
    return ""
  }
}
