import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A JSON-RPC driver for `orglint server`: runs the built binary over pipes, writes Content-Length framed messages
/// (or raw bytes) and collects what the server sends on a background thread. Every wait has a generous hang guard.
final class LSPClient: @unchecked Sendable {
  let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let lock = NSLock()
  private let arrived = DispatchSemaphore(value: 0)
  private var received: [[String: Any]] = []
  private var rawTail = Data()
  private let exited = DispatchSemaphore(value: 0)

  init(arguments: [String] = ["server"], directory: String = OrglintProcess.packageRoot) throws {
    process.executableURL = URL(fileURLWithPath: OrglintProcess.binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.terminationHandler = { [exited] _ in exited.signal() }
    try process.run()
    let handle = output.fileHandleForReading
    Thread.detachNewThread { [self] in
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        lock.withLock { rawTail.append(chunk) }
        parseMessages()
      }
      arrived.signal()
    }
  }

  deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

  private func parseMessages() {
    while true {
      let message: [String: Any]? = lock.withLock {
        guard let headerEnd = rawTail.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let header = String(decoding: rawTail[rawTail.startIndex..<headerEnd.lowerBound], as: UTF8.self)
        guard let length = header.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
          rawTail.count - (headerEnd.upperBound - rawTail.startIndex) >= length
        else { return nil }
        let body = rawTail[headerEnd.upperBound..<headerEnd.upperBound + length]
        rawTail = Data(rawTail[(headerEnd.upperBound + length)...])
        return (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? ["unparsable": true]
      }
      guard let message else { return }
      lock.withLock { received.append(message) }
      arrived.signal()
    }
  }

  /// Writes bytes as they are.
  func sendRaw(_ bytes: Data) { try? input.fileHandleForWriting.write(contentsOf: bytes) }

  /// Writes a framed message.
  func send(_ message: [String: Any]) {
    let body = try! JSONSerialization.data(withJSONObject: message)
    sendRaw(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
  }

  func request(_ id: Int, _ method: String, _ params: Any? = nil) {
    var m: [String: Any] = ["jsonrpc": "2.0", "id": id, "method": method]
    if let params { m["params"] = params }
    send(m)
  }

  func notify(_ method: String, _ params: Any? = nil) {
    var m: [String: Any] = ["jsonrpc": "2.0", "method": method]
    if let params { m["params"] = params }
    send(m)
  }

  /// Closes the server's standard input (the client goes away).
  func closeInput() { try? input.fileHandleForWriting.close() }

  /// The first message (in arrival order, from the start) that `matches`, waiting up to `timeout` seconds.
  func wait(timeout: Double = 60, _ matches: ([String: Any]) -> Bool) -> [String: Any]? {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let hit = lock.withLock({ received.first(where: matches) }) { return hit }
      if Date() >= deadline { return nil }
      _ = arrived.wait(timeout: .now() + 0.2)
    }
  }

  /// The response to request `id`.
  func response(_ id: Int, timeout: Double = 60) -> [String: Any]? {
    wait(timeout: timeout) { ($0["id"] as? Int) == id && $0["method"] == nil }
  }

  /// The error responses with a null id (answers to messages that had no usable id), in arrival order.
  func nullIdErrors() -> [[String: Any]] {
    lock.withLock { received.filter { $0["id"] is NSNull && $0["error"] != nil } }
  }

  /// The newest diagnostics published for `uri` that satisfy `matches`.
  func diagnostics(_ uri: String, timeout: Double = 60, _ matches: ([[String: Any]]) -> Bool = { _ in true })
    -> [[String: Any]]?
  {
    var found: [[String: Any]]?
    _ = wait(timeout: timeout) { message in
      guard message["method"] as? String == "textDocument/publishDiagnostics",
        let params = message["params"] as? [String: Any], params["uri"] as? String == uri,
        let items = params["diagnostics"] as? [[String: Any]], matches(items)
      else { return false }
      found = items
      return true
    }
    return found
  }

  /// Every message received so far.
  var messages: [[String: Any]] { lock.withLock { received } }

  /// Waits for the process to end; nil when it did not within `timeout` (then it is killed).
  func exitStatus(timeout: Double = 60) -> Int32? {
    if exited.wait(timeout: .now() + timeout) == .timedOut {
      kill(process.processIdentifier, SIGKILL)
      return nil
    }
    return process.terminationStatus
  }

  /// initialize (with `options` as initializationOptions) and initialized.
  func start(rootPath: String, options: [String: Any] = ["now": OrglintProcess.now], capabilities: [String: Any] = [:]) {
    request(
      1, "initialize",
      ["processId": NSNull(), "rootUri": "file://" + rootPath, "capabilities": capabilities,
       "initializationOptions": options])
    _ = response(1)
    notify("initialized", [String: Any]())
  }

  func open(_ path: String, version: Int = 1, text: String? = nil) -> String {
    let uri = "file://" + path
    let content = text ?? (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "yaml", "version": version, "text": content]])
    return uri
  }
}

/// A copy of an example organization in a fresh folder with an empty `.orglint.yaml`, so that the set is the copy
/// alone (and the server may edit it).
func copyExample(_ name: String) throws -> String {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-lsp-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  let target = dir + "/" + name
  try FileManager.default.copyItem(atPath: OrglintProcess.packageRoot + "/Examples/" + name, toPath: target)
  try Data().write(to: URL(fileURLWithPath: target + "/.orglint.yaml"))
  return target
}

/// `line:character` (0-based) of a diagnostic's start, and its code.
func located(_ diagnostic: [String: Any]) -> String {
  let range = diagnostic["range"] as? [String: Any]
  let start = range?["start"] as? [String: Any]
  return "\(diagnostic["code"] ?? "?")@\(start?["line"] ?? -1):\(start?["character"] ?? -1)"
}
