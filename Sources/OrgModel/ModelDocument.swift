import Diagnostics
import LocatedYAML

/// One YAML document of a loaded set, shared by the entities decoded from it, so that each entity can point back
/// at its YAML nodes for the whole life of the set.
public final class ModelDocument: Sendable {
  public let yaml: YAMLDocument
  /// The document's position in its file (0 for the first `---`).
  public let index: Int

  public init(_ yaml: YAMLDocument, index: Int = 0) {
    self.yaml = yaml
    self.index = index
  }

  /// The file's path as shown to users.
  public var path: String { yaml.file.path }

  /// A scalar's text; nil for nil.
  func text(_ node: YAMLNodeID?) -> String? { node.map { yaml.scalar($0) } }

  /// The string pairs of a mapping (checked when decoded: pairs whose value is not a scalar are left out, null
  /// values read as "").
  func tags(_ mapping: YAMLNodeID) -> [Tag] {
    var out: [Tag] = []
    for i in 0..<yaml.count(mapping) {
      let k = yaml.key(mapping, i)
      guard !yaml.isDuplicateKey(k), yaml.kind(k) == .scalar else { continue }
      guard let v = yaml.resolve(yaml.value(mapping, i)) else { continue }
      if yaml.isNull(v) {
        out.append(Tag(key: yaml.scalar(k), value: ""))
      } else if yaml.kind(v) == .scalar {
        out.append(Tag(key: yaml.scalar(k), value: yaml.scalar(v)))
      }
    }
    return out
  }
}

/// Where a finding points: the file as shown to users and the range within it.
public struct ModelLocation: Hashable, Sendable, CustomStringConvertible {
  public var path: String
  public var range: SourceRange

  public init(path: String, range: SourceRange) {
    self.path = path
    self.range = range
  }

  /// `path:line:column`.
  public var description: String { "\(path):\(range.start)" }
}

/// The YAML node a decoded entity came from: its document and its mapping node.
public struct NodeRef: Sendable {
  public let document: ModelDocument
  public let node: YAMLNodeID

  public init(document: ModelDocument, node: YAMLNodeID) {
    self.document = document
    self.node = node
  }

  /// The entity itself: from its first key (or its opening brace when it has none) to the end of its mapping.
  public var location: ModelLocation {
    let d = document.yaml
    let start = d.kind(node) == .mapping && d.count(node) > 0 ? d.key(node, 0) : node
    return ModelLocation(
      path: document.path,
      range: SourceRange(start: d.start(start), end: d.file.location(atByteOffset: d.endOffset(node))))
  }

  /// The location of a model path below the entity, such as `["root", "passwordRecovery"]` (a number selects a
  /// sequence item: `["root", "accessKeys", "0"]`).
  ///
  /// A field points at its key, from the key's first character to the end of its value. When a part of the path
  /// is absent from the YAML, the nearest part that exists answers, and with none, the entity itself.
  public func location(of path: [String]) -> ModelLocation {
    let d = document.yaml
    var current = node
    var best: (YAMLNodeID, YAMLNodeID)?
    for part in path {
      guard let resolved = d.resolve(current) else { break }
      if d.kind(resolved) == .mapping, let i = Self.pair(of: part, in: resolved, d) {
        best = (d.key(resolved, i), d.value(resolved, i))
        current = d.value(resolved, i)
      } else if d.kind(resolved) == .sequence, let n = Int(part), n >= 0, n < d.count(resolved) {
        let item = d.item(resolved, n)
        best = (item, item)
        current = item
      } else {
        break
      }
    }
    guard let (from, to) = best else { return location }
    var end = d.endOffset(to)
    if let target = d.resolve(to), d.kind(to) != .alias { end = max(end, d.endOffset(target)) }
    return ModelLocation(
      path: document.path, range: SourceRange(start: d.start(from), end: d.file.location(atByteOffset: end)))
  }

  /// The index of the first (non-duplicate) pair whose scalar key is `name`.
  private static func pair(of name: String, in mapping: YAMLNodeID, _ d: YAMLDocument) -> Int? {
    var name = name
    return name.withUTF8 { want in
      for i in 0..<d.count(mapping) {
        let key = d.key(mapping, i)
        if d.kind(key) == .scalar, !d.isDuplicateKey(key), d.withScalarBytes(key, { equal($0, want) }) { return i }
      }
      return nil
    }
  }
}

@inline(__always)
func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
  guard a.count == b.count else { return false }
  for i in 0..<a.count where a[i] != b[i] { return false }
  return true
}
