import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A JSON-RPC 2.0 request id: a number or a string (`null` only in error responses to messages without a usable id).
public enum RequestID: Hashable, Sendable, Codable {
  case number(Int)
  case string(String)

  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let n = try? c.decode(Int.self) {
      self = .number(n)
    } else {
      self = .string(try c.decode(String.self))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .number(let n): try c.encode(n)
    case .string(let s): try c.encode(s)
    }
  }
}

/// A JSON-RPC error object; the codes are those of JSON-RPC 2.0 and LSP 3.17.
public struct ResponseError: Error, Codable, Sendable, Equatable {
  public var code: Int
  public var message: String

  public init(code: Int, message: String) {
    self.code = code
    self.message = message
  }

  public static let parseError = -32700
  public static let invalidRequest = -32600
  public static let methodNotFound = -32601
  public static let invalidParams = -32602
  public static let internalError = -32603
  public static let serverNotInitialized = -32002
  public static let requestFailed = -32803

  public static func invalidParams(_ message: String) -> ResponseError { .init(code: invalidParams, message: message) }
}

/// The parts of a message every JSON-RPC message is judged by: `jsonrpc`, `id` (absent, null, a number or a string),
/// `method`, and whether it is a response (`result` or `error`).
struct Envelope: Decodable {
  var jsonrpc: String?
  /// nil when absent; `.some(nil)` for an explicit `null`.
  var id: RequestID??
  var method: String?
  var isResponse: Bool

  enum CodingKeys: String, CodingKey { case jsonrpc, id, method, result, error }

  init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    jsonrpc = try? c.decode(String.self, forKey: .jsonrpc)
    if c.contains(.id) {
      if try c.decodeNil(forKey: .id) { id = .some(nil) } else { id = .some(try c.decode(RequestID.self, forKey: .id)) }
    }
    method = try c.decodeIfPresent(String.self, forKey: .method)
    isResponse = c.contains(.result) || c.contains(.error)
  }
}

/// The `params` member of a message, decoded as `P`.
struct ParamsOf<P: Decodable>: Decodable {
  var params: P
}

/// What a message read from the client turned out to be.
enum IncomingMessage {
  case request(id: RequestID, method: String, body: Data)
  case notification(method: String, body: Data)
  /// A response to a request of ours (`client/registerCapability`, `workspace/diagnostic/refresh`): nothing to do.
  case response
  /// A message that cannot be handled; `id` when one could be read (the error response names it).
  case invalid(id: RequestID?, ResponseError)

  /// Classifies one message body.
  static func classify(_ body: Data) -> IncomingMessage {
    let envelope: Envelope
    do {
      envelope = try JSONDecoder().decode(Envelope.self, from: body)
    } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
      return .invalid(id: nil, ResponseError(code: ResponseError.parseError, message: "the message is not valid JSON"))
    } catch {
      if (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) == nil {
        return .invalid(id: nil, ResponseError(code: ResponseError.parseError, message: "the message is not valid JSON"))
      }
      return .invalid(
        id: nil,
        ResponseError(
          code: ResponseError.invalidRequest,
          message: "the message is not a JSON-RPC 2.0 object with a string 'method' and a number or string 'id'"))
    }
    let id = envelope.id ?? nil
    guard envelope.jsonrpc == "2.0" else {
      return .invalid(
        id: id, ResponseError(code: ResponseError.invalidRequest, message: "'jsonrpc' must be \"2.0\""))
    }
    if envelope.isResponse, envelope.method == nil { return .response }
    guard let method = envelope.method else {
      return .invalid(id: id, ResponseError(code: ResponseError.invalidRequest, message: "the message has no 'method'"))
    }
    switch envelope.id {
    case .none: return .notification(method: method, body: body)
    case .some(.some(let id)): return .request(id: id, method: method, body: body)
    case .some(.none):
      return .invalid(id: nil, ResponseError(code: ResponseError.invalidRequest, message: "a request id cannot be null"))
    }
  }
}

/// Reads Content-Length framed messages from a file descriptor. Malformed headers and oversized messages are reported
/// as errors and skipped (the stream stays in step); only the end of input ends the reading.
final class MessageReader {
  /// What one call of `next()` produced.
  enum Item {
    case message(Data)
    /// A framing problem, already skipped.
    case framingError(String)
    case endOfInput
  }

  private let fd: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  /// Messages over this size are skipped without being held in memory.
  let maxMessageBytes: Int
  static let maxHeaderBytes = 64 * 1024

  init(fd: Int32, maxMessageBytes: Int = 256 << 20) {
    self.fd = fd
    self.maxMessageBytes = maxMessageBytes
  }

  /// Reads more bytes; false at the end of input (or a read error).
  private func fill() -> Bool {
    if atEnd { return false }
    if start > 0, start >= buffer.count / 2 {
      buffer.removeFirst(start)
      start = 0
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n > 0 {
        buffer.append(contentsOf: chunk[0..<n])
        return true
      }
      if n < 0, errno == EINTR { continue }
      atEnd = true
      return false
    }
  }

  private var available: Int { buffer.count - start }

  func next() -> Item {
    // The header block, up to an empty line.
    var headerEnd: Int?
    var scanned = 0  // bytes after `start` already searched (`fill` may move `start`)
    while headerEnd == nil {
      if let end = Self.find([13, 10, 13, 10], in: buffer, from: start + max(0, scanned - 3)) {
        headerEnd = end
        break
      }
      scanned = available
      if available > Self.maxHeaderBytes {
        start = buffer.count
        return .framingError("a header block longer than \(Self.maxHeaderBytes) bytes without an empty line; skipped")
      }
      if !fill() { return .endOfInput }
    }
    let header = String(decoding: buffer[start..<headerEnd!], as: UTF8.self)
    start = headerEnd! + 4
    var length: Int?
    for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      if name == "content-length" { length = Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)) }
    }
    guard let length, length >= 0 else {
      return .framingError("a header block without a valid Content-Length; skipped")
    }
    if length > maxMessageBytes {
      var left = length
      while left > 0 {
        let take = min(left, available)
        start += take
        left -= take
        if left > 0, !fill() { return .endOfInput }
      }
      return .framingError("a message of \(length) bytes, over the limit of \(maxMessageBytes) bytes; skipped")
    }
    while available < length {
      if !fill() { return .endOfInput }
    }
    let body = Data(buffer[start..<start + length])
    start += length
    return .message(body)
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    var i = max(0, from)
    while i + needle.count <= haystack.count {
      if haystack[i] == needle[0], haystack[i + 1] == needle[1], haystack[i + 2] == needle[2],
        haystack[i + 3] == needle[3]
      {
        return i
      }
      i += 1
    }
    return nil
  }
}

/// Writes framed messages to a file descriptor from any thread, one whole message at a time.
final class MessageWriter: @unchecked Sendable {
  private let fd: Int32
  private let lock = NSLock()
  private var failed = false
  private let encoder: JSONEncoder = {
    let e = JSONEncoder()
    e.outputFormatting = [.withoutEscapingSlashes]
    return e
  }()

  init(fd: Int32) { self.fd = fd }

  /// False once a write failed (the client is gone).
  var isOpen: Bool { lock.withLock { !failed } }

  func send<T: Encodable>(_ message: T) {
    lock.withLock {
      guard !failed, let body = try? encoder.encode(message) else { return }
      var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
      bytes.append(contentsOf: body)
      var offset = 0
      while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
        if n < 0, errno == EINTR { continue }
        if n <= 0 {
          failed = true
          return
        }
        offset += n
      }
    }
  }
}

/// A response: `result` (written as `null` when nil) or `error`.
struct ResponseMessage<R: Encodable>: Encodable {
  var id: RequestID?
  var result: R?
  var error: ResponseError?

  enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

  func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode("2.0", forKey: .jsonrpc)
    if let id { try c.encode(id, forKey: .id) } else { try c.encodeNil(forKey: .id) }
    if let error {
      try c.encode(error, forKey: .error)
    } else if let result {
      try c.encode(result, forKey: .result)
    } else {
      try c.encodeNil(forKey: .result)
    }
  }
}

/// A notification or a request the server sends to the client.
struct OutgoingMessage<P: Encodable>: Encodable {
  var id: RequestID?
  var method: String
  var params: P?

  enum CodingKeys: String, CodingKey { case jsonrpc, id, method, params }

  func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode("2.0", forKey: .jsonrpc)
    if let id { try c.encode(id, forKey: .id) }
    try c.encode(method, forKey: .method)
    try c.encodeIfPresent(params, forKey: .params)
  }
}
