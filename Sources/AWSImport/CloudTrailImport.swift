import Foundation

/// Turns `AssumeRoot` events of `cloudtrail/*.json` into PrivilegedTask documents.
///
/// Files are `cloudtrail lookup-events` output (`Events[].CloudTrailEvent`, a JSON string) or trail log files
/// (`Records[]`). Events are deduplicated by `eventID`; failed calls (`errorCode`) opened no session and are skipped.
/// A session ends at `eventTime + requestParameters.durationSeconds` (default 900 s), written as `completedAt` only
/// when that end is not later than the export time (`exported-at.txt`, else the newest event); otherwise it is open.
struct CloudTrailImport {
  static let folderName = "cloudtrail"
  static let exportTimeFile = "exported-at.txt"
  static let defaultDuration = 900
  /// AssumeRoot's `DurationSeconds` "can range from 0 seconds up to the maximum session duration of 900 seconds"
  /// (https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/sts/client/assume_root.html); anything else is a malformed record.
  static let durationRange = 0...900

  private struct Event {
    var id: String
    var source: String
    var cursor: JSONCursor
    var time: Timestamp
  }

  /// The task documents, ordered by start time, then event id.
  var documents: [(comments: [String], entries: [YAMLEntry])] = []

  init(folder: ExportFolder, log: inout FindingLog) throws(MalformedExport) {
    var events: [String: Event] = [:]
    var newest: Timestamp?
    for name in folder.list(Self.folderName) where name.hasSuffix(".json") {
      let file = "\(Self.folderName)/\(name)"
      if name.hasSuffix(".error.json") { continue }  // reported by CLIErrors
      if folder.skipIfSpecial(file, log: &log) { continue }  // a FIFO would block the import
      let pages = try folder.pages(file) ?? []
      for (pageIndex, page) in pages.enumerated() {
        var records: [JSONCursor] = []
        if let lookup = try page.optional("Events") {
          for item in try lookup.items { records.append(try Self.embedded(try item.required("CloudTrailEvent"))) }
          if let token = try page.optional("NextToken"), pageIndex == pages.count - 1 {
            log.add(ImportRules.truncatedListing, "more events follow (NextToken); export every page", at: token)
          }
        } else {
          records = try page.list("Records")
        }
        for record in records {
          guard let time = try record.optionalTimestamp("eventTime") else { throw record.error("missing 'eventTime'") }
          if newest.map({ time > $0 }) ?? true { newest = time }
          guard try record.optionalString("eventName") == "AssumeRoot", try record.optional("errorCode") == nil else {
            continue
          }
          let id = try record.optionalString("eventID") ?? "\(file) \(record.path)"
          if events[id] == nil {
            events[id] = Event(id: id, source: "\(file) \(record.path)", cursor: record, time: time)
          }
        }
      }
    }
    let reference = try Self.exportTime(folder: folder) ?? newest
    for event in events.values.sorted(by: { ($0.time, $0.id) < ($1.time, $1.id) }) {
      if let doc = try Self.task(event, reference: reference, log: &log) { documents.append(doc) }
    }
  }

  /// A lookup-events `CloudTrailEvent` string parsed as the event record it holds.
  private static func embedded(_ cursor: JSONCursor) throws(MalformedExport) -> JSONCursor {
    var parser = JSONParser(bytes: Array(try cursor.string.utf8))
    let values: [JSONValue]
    do {
      values = try parser.parseAll()
    } catch {
      throw cursor.error("the event is not valid JSON: \(error.message) (at byte \(error.offset))")
    }
    guard values.count == 1 else { throw cursor.error("expected one JSON event, found \(values.count)") }
    // Offsets inside the string do not map to the file: point every nested value at the string itself.
    return JSONCursor(value: rebased(values[0], to: cursor.value.offset), path: cursor.path, file: cursor.file)
  }

  private static func rebased(_ value: JSONValue, to offset: Int) -> JSONValue {
    switch value.kind {
    case .array(let items): JSONValue(.array(items.map { rebased($0, to: offset) }), offset: offset)
    case .object(let members):
      JSONValue(.object(members.map { JSONMember(key: $0.key, value: rebased($0.value, to: offset)) }), offset: offset)
    default: JSONValue(value.kind, offset: offset)
    }
  }

  private static func exportTime(folder: ExportFolder) throws(MalformedExport) -> Timestamp? {
    guard let source = try folder.source(exportTimeFile) else { return nil }
    let text = String(decoding: source.bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard let time = Timestamp(parsing: text) else {
      throw MalformedExport(
        file: exportTimeFile, jsonPath: "$", message: "expected an RFC 3339 time, found '\(text)'",
        location: source.location(atByteOffset: 0))
    }
    return time
  }

  private static func task(_ event: Event, reference: Timestamp?, log: inout FindingLog) throws(MalformedExport)
    -> (comments: [String], entries: [YAMLEntry])?
  {
    let record = event.cursor
    let parameters = try record.required("requestParameters")
    let targetCursor = try parameters.required("targetPrincipal")
    guard let target = AccountId.from(arnOrId: try targetCursor.string) else {
      log.add(ImportRules.danglingReference, "targetPrincipal names no account id: event skipped", at: targetCursor)
      return nil
    }
    let policyArn = try parameters.required("taskPolicyArn").string("arn")
    let task = policyArn.split(separator: "/").last.map(String.init) ?? policyArn
    var entries = [
      YAMLEntry("account", .string(target)),
      YAMLEntry("task", .string(task)),
    ]
    if let principal = try caller(try record.required("userIdentity")) {
      entries.append(YAMLEntry("principal", .string(principal)))
    }
    entries.append(YAMLEntry("startedAt", .timestamp(event.time)))
    let duration = try parameters.optional("durationSeconds")?.int(in: durationRange) ?? defaultDuration
    guard let end = event.time.adding(seconds: duration) else {
      throw try parameters.required("durationSeconds").error("eventTime + durationSeconds is out of range")
    }
    if let reference, end <= reference {
      entries.append(
        YAMLEntry("completedAt", .timestamp(end), comments: ["eventTime + \(duration) s (session expiry)"]))
    }
    return (["source: \(event.source) (eventID \(event.id))"], entries)
  }

  /// Who called AssumeRoot: the role behind an assumed-role session (its `sessionIssuer`), else the identity's ARN.
  private static func caller(_ identity: JSONCursor) throws(MalformedExport) -> String? {
    if try identity.optionalString("type") == "AssumedRole",
      let issuer = try identity.optional("sessionContext")?.optional("sessionIssuer"),
      let arn = try issuer.optionalString("arn")
    {
      return arn
    }
    return try identity.optionalString("arn")
  }
}
