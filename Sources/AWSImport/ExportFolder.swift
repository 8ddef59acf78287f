import Diagnostics
import Foundation

/// Read access to an export folder: files by their relative path, parsed into `JSONCursor`s.
///
/// A missing file is `nil` (that part of the model is absent); an unreadable or malformed one throws. Paths stay
/// inside the folder: a relative path with a `..` component or a leading `/` is refused (ids are checked against
/// their AWS formats before they become file names, see `ExportId`; this is the last line of defence). Only regular
/// files are read: a FIFO, socket or device is IMPORT001 when the layout names it and skipped with a note when a
/// folder listing finds it, so an import never blocks on a pipe.
struct ExportFolder {
  let root: URL

  init(path: String) {
    root = URL(fileURLWithPath: path, isDirectory: true)
  }

  /// True when `relative` names something inside the folder: no `..` component, not absolute.
  static func staysInside(_ relative: String) -> Bool {
    !relative.hasPrefix("/") && !relative.split(separator: "/").contains("..")
  }

  /// The absolute path of `relative`, or nil when it would leave the folder.
  private func fullPath(_ relative: String) -> String? {
    Self.staysInside(relative) ? root.appendingPathComponent(relative).path : nil
  }

  func exists(_ relative: String) -> Bool {
    fullPath(relative).map { FileManager.default.fileExists(atPath: $0) } ?? false
  }

  /// Names of the entries of a sub-folder, sorted; `[]` when it does not exist.
  func list(_ relative: String) -> [String] {
    guard let full = fullPath(relative) else { return [] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }

  /// What a folder entry is, following symbolic links.
  enum EntryKind: Equatable {
    case regularFile
    case folder
    /// A FIFO, socket or device, named for messages (`a FIFO`): never read, a read could block forever.
    case special(String)
  }

  /// The kind of `relative`; nil when it is absent (or a dangling link) or would leave the folder.
  func kind(_ relative: String) -> EntryKind? {
    guard let full = fullPath(relative) else { return nil }
    var info = stat()
    guard stat(full, &info) == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .regularFile
    case S_IFDIR: return .folder
    case S_IFIFO: return .special("a FIFO")
    case S_IFSOCK: return .special("a socket")
    default: return .special("a device")
    }
  }

  /// For a listed entry that is a FIFO, socket or device: an IMPORT005 note, and true (the caller skips it).
  func skipIfSpecial(_ relative: String, log: inout FindingLog) -> Bool {
    guard case .special(let what) = kind(relative) else { return false }
    log.add(ImportRules.missingPart, "\(what), not a regular file: skipped", file: relative)
    return true
  }

  /// The file's bytes as a `SourceFile` whose path is `relative`, or nil when it does not exist.
  func source(_ relative: String) throws(MalformedExport) -> SourceFile? {
    let start = SourceLocation(line: 1, column: 1, offset: 0)
    guard let full = fullPath(relative) else {
      throw MalformedExport(
        file: relative, jsonPath: "$", message: "the path leaves the export folder", location: start)
    }
    switch kind(relative) {
    case nil: return nil
    case .special(let what):
      throw MalformedExport(
        file: relative, jsonPath: "$", message: "\(what), not a regular file: export files are regular files",
        location: start)
    case .regularFile, .folder: break  // a folder fails to read with the system's reason
    }
    do {
      return try SourceFile.read(path: full, displayPath: relative)
    } catch {
      throw MalformedExport(
        file: relative, jsonPath: "$", message: "cannot read: \(error)", location: start)
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
