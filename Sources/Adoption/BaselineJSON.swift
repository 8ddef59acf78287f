import Diagnostics
import Foundation

/// A baseline file that cannot be used (the CLI stops with exit code 2).
public struct BaselineError: Error, Hashable, Sendable, CustomStringConvertible {
  public let path: String
  public let reason: String
  public var description: String { "\(path): invalid baseline: \(reason)" }
}

extension Baseline {
  /// Reads a baseline file's text. Entries keep their file location (for BASE001 notes); extra keys are ignored so
  /// that later versions can add some.
  public static func parse(_ text: String, path: String) throws(BaselineError) -> Baseline {
    func fail(_ reason: String) -> BaselineError { BaselineError(path: path, reason: reason) }
    let data = Data(text.utf8)
    let file: BaselineJSON.File
    do {
      file = try JSONDecoder().decode(BaselineJSON.File.self, from: data)
    } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
      throw fail("the top level must be an object")
    } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
      // Not JSON: Foundation's parser says where.
      var detail = "syntax error"
      do { _ = try JSONSerialization.jsonObject(with: data, options: []) } catch {
        detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? detail
      }
      throw fail("not JSON (\(detail))")
    } catch {
      throw fail(BaselineJSON.reason(error))
    }
    guard file.version == Self.version else { throw fail("'version' must be \(Self.version)") }
    guard let items = file.findings else { throw fail("'findings' must be a list") }
    let source = SourceFile(path: path, bytes: Array(text.utf8))
    let locations = BaselineJSON.fingerprintLocations(source)
    var entries: [Entry] = []
    for (i, e) in items.enumerated() {
      guard let fp = e.fingerprint, !fp.isEmpty else { throw fail("entry \(i + 1) has no 'fingerprint'") }
      let count = e.count ?? 1
      guard count >= 1 else { throw fail("entry \(i + 1): 'count' must be at least 1") }
      entries.append(
        Entry(
          fingerprint: fp, ruleId: e.ruleId ?? String(fp.prefix { $0 != ":" }), entity: e.entity ?? "",
          message: e.message ?? "", count: count, location: locations[JSONText.quoted(fp)]))
    }
    return Baseline(entries: entries.sorted { $0.fingerprint < $1.fingerprint }, path: path)
  }
}

/// Reading a baseline file beyond Foundation's decoder: precise reasons for a bad file, and each entry's line. (Writing
/// quotes strings with `JSONText`, like every JSON orglint writes.)
enum BaselineJSON {
  /// The file's shape; every field optional so that a missing one gets a precise message.
  struct File: Decodable {
    var version: Int?
    var findings: [Item]?
  }
  struct Item: Decodable {
    var fingerprint: String?
    var ruleId: String?
    var entity: String?
    var message: String?
    var count: Int?
  }

  /// A decoding error as "entry 3: 'count' must be a number"-style text.
  static func reason(_ error: Error) -> String {
    guard let error = error as? DecodingError else { return "unreadable" }
    let path: [CodingKey]
    switch error {
    case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): path = c.codingPath
    case .keyNotFound(_, let c): path = c.codingPath
    @unknown default: path = []
    }
    let key = path.last?.stringValue ?? "value"
    let entry = path.count >= 2 && path[0].stringValue == "findings" ? "entry \((path[1].intValue ?? 0) + 1): " : ""
    switch key {
    case "version": return "'version' must be \(Baseline.version)"
    case "findings": return "'findings' must be a list"
    case "count": return entry + "'count' must be at least 1"
    default:
      return path.count == 2 ? entry + "must be an object" : entry + "'\(key)' has the wrong type"
    }
  }

  /// The location of each `"fingerprint": "…"` value, keyed by the literal as written (first occurrence wins).
  /// Exact for files orglint wrote; entries written otherwise get no location.
  static func fingerprintLocations(_ source: SourceFile) -> [String: SourceLocation] {
    let key = Array("\"fingerprint\": ".utf8)
    let bytes = source.bytes
    var out: [String: SourceLocation] = [:]
    var i = 0
    while i + key.count < bytes.count {
      guard bytes[i] == key[0], bytes[i..<(i + key.count)].elementsEqual(key), bytes[i + key.count] == 0x22 else {
        i += 1
        continue
      }
      let start = i + key.count
      var j = start + 1
      while j < bytes.count, bytes[j] != 0x22, bytes[j] != 0x0A {
        j += bytes[j] == 0x5C ? 2 : 1
      }
      guard j < bytes.count, bytes[j] == 0x22 else { break }
      let literal = String(decoding: bytes[start...j], as: UTF8.self)
      let entryStart = bytes[..<i].lastIndex(of: 0x7B) ?? i
      if out[literal] == nil { out[literal] = source.location(atByteOffset: entryStart) }
      i = j + 1
    }
    return out
  }
}
