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
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [])
    } catch {
      throw fail("not JSON (\((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "syntax error"))")
    }
    guard let top = object as? [String: Any] else { throw fail("the top level must be an object") }
    guard let version = top["version"] as? Int, version == Self.version else {
      throw fail("'version' must be \(Self.version)")
    }
    guard let items = top["findings"] as? [Any] else { throw fail("'findings' must be a list") }
    let source = SourceFile(path: path, bytes: Array(text.utf8))
    let locations = BaselineJSON.fingerprintLocations(source)
    var entries: [Entry] = []
    for (i, item) in items.enumerated() {
      guard let e = item as? [String: Any], let fp = e["fingerprint"] as? String, !fp.isEmpty else {
        throw fail("entry \(i + 1) has no 'fingerprint'")
      }
      var count = 1
      if let c = e["count"] {
        guard let n = c as? Int, n >= 1, !(c is Bool) else { throw fail("entry \(i + 1): 'count' must be at least 1") }
        count = n
      }
      entries.append(
        Entry(
          fingerprint: fp, ruleId: e["ruleId"] as? String ?? String(fp.prefix { $0 != ":" }),
          entity: e["entity"] as? String ?? "", message: e["message"] as? String ?? "", count: count,
          location: locations[BaselineJSON.quote(fp)]))
    }
    return Baseline(entries: entries.sorted { $0.fingerprint < $1.fingerprint }, path: path)
  }
}

/// The little JSON the baseline needs beyond Foundation: quoting in a fixed style, and finding entries' lines.
enum BaselineJSON {
  /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t` or `\u00XX`, the rest as is.
  static func quote(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where c.value < 0x20:
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(c)
      }
    }
    return out + "\""
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
