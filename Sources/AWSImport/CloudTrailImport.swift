import Foundation

/// Turns `AssumeRoot` events of `cloudtrail/*.json` into PrivilegedTask documents.
///
/// Files are `cloudtrail lookup-events` output (`Events[].CloudTrailEvent`, a JSON string) or trail log files
/// (`Records[]`). Events are deduplicated by `eventID`; failed calls (`errorCode`) opened no session and are skipped.
/// A session ends at `eventTime + requestParameters.durationSeconds` (default and at most 900 s): its credentials
/// expire then whatever the export time, so that end is always its `completedAt`.
///
/// Trail log files (an organization trail: every Region, the management and the delegated administrator account) are
/// the complete source; `lookup-events` alone covers one Region of the calling account, so without trail files the
/// Organization's `privilegedTasks` is written as unknown.
struct CloudTrailImport {
  static let folderName = "cloudtrail"
  static let defaultDuration = 900
  /// AssumeRoot's `DurationSeconds` "can range from 0 seconds up to the maximum session duration of 900 seconds"
  /// (https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/sts/client/assume_root.html); anything else is a malformed record.
  static let durationRange = 0...900
  /// The error file scripts/export-aws.sh writes when it cannot copy the organization trail's files.
  static let trailErrorFile = "cloudtrail/trail-files.error.json"

  private struct Event {
    var id: String
    var source: String
    var cursor: JSONCursor
    var time: Timestamp
  }

  /// The task documents, ordered by start time, then event id.
  var documents: [(comments: [String], entries: [YAMLEntry])] = []
  /// Accounts with an `IAMCreateRootUserPassword` task in the log (the only way a member root regains a password
  /// under RootCredentialsManagement).
  var createPasswordTargets: Set<String> = []
  /// Why the task log may be incomplete (the Organization's `privilegedTasks` is then unknown), or nil.
  var unknownReason: String?

  init(folder: ExportFolder, log: inout FindingLog) throws(MalformedExport) {
    var events: [String: Event] = [:]
    var lookupFiles: [String] = []
    var trailFiles = 0
    var failed: [String] = []
    for name in folder.list(Self.folderName) where name.hasSuffix(".json") {
      let file = "\(Self.folderName)/\(name)"
      if folder.skipIfSpecial(file, log: &log) { continue }  // a FIFO would block the import
      if name.hasSuffix(".error.json") {  // also reported by CLIErrors
        failed.append(file)
        continue
      }
      let pages = try folder.pages(file) ?? []
      for (pageIndex, page) in pages.enumerated() {
        var records: [JSONCursor] = []
        if let lookup = try page.optional("Events") {
          if lookupFiles.last != file { lookupFiles.append(file) }
          for item in try lookup.items { records.append(try Self.embedded(try item.required("CloudTrailEvent"))) }
          if let token = try page.optional("NextToken"), pageIndex == pages.count - 1 {
            log.add(ImportRules.truncatedListing, "more events follow (NextToken); export every page", at: token)
          }
        } else {
          records = try page.list("Records")
          trailFiles += 1
        }
        for record in records {
          guard let time = try record.optionalTimestamp("eventTime") else { throw record.error("missing 'eventTime'") }
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
    for event in events.values.sorted(by: { ($0.time, $0.id) < ($1.time, $1.id) }) {
      if let (doc, target, task) = try Self.task(event, log: &log) {
        documents.append(doc)
        if task == "IAMCreateRootUserPassword" { createPasswordTargets.insert(target) }
      }
    }
    // A failed copy of the trail's files may have left only some of them: the log is complete only without it.
    if trailFiles == 0 || failed.contains(Self.trailErrorFile) {
      unknownReason = try Self.incompleteReason(
        folder: folder, lookupFiles: trailFiles == 0 ? lookupFiles : [], failed: failed)
    }
  }

  /// Why a task log without trail files may be incomplete.
  private static func incompleteReason(folder: ExportFolder, lookupFiles: [String], failed: [String])
    throws(MalformedExport) -> String
  {
    var causes: [String] = []
    for file in failed {
      let code = try folder.errorCode(file) ?? ""
      let call = file == trailErrorFile ? "copying the organization trail's files" : "cloudtrail lookup-events"
      causes.append(code.isEmpty ? "\(call) failed (\(file))" : "\(call): \(code) (\(file))")
    }
    if let lookup = lookupFiles.first {
      causes.append(
        "\(lookup) is lookup-events output, which covers one Region of one account; no organization trail files")
    }
    if causes.isEmpty { causes.append("\(folderName)/ missing: no AssumeRoot events exported") }
    return causes.joined(separator: "; ")
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

  /// The task document of one event, with its target account and task name; nil when the target names no account.
  private static func task(_ event: Event, log: inout FindingLog) throws(MalformedExport)
    -> ((comments: [String], entries: [YAMLEntry]), String, String)?
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
    // The credentials expire at eventTime + DurationSeconds (0...900): the session has ended then, whenever the
    // export ran.
    let duration = try parameters.optional("durationSeconds")?.int(in: durationRange) ?? defaultDuration
    guard let end = event.time.adding(seconds: duration) else {
      throw try parameters.required("durationSeconds").error("eventTime + durationSeconds is out of range")
    }
    entries.append(
      YAMLEntry("completedAt", .timestamp(end), comments: ["eventTime + \(duration) s (session expiry)"]))
    return ((["source: \(event.source) (eventID \(event.id))"], entries), target, task)
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
