import Diagnostics
import LocatedYAML

/// One YAML document of a loaded set, shared by the entities decoded from it, so that each entity can point back
/// at its YAML nodes for the whole life of the set.
public final class ModelDocument: Sendable {
  public let yaml: YAMLDocument
  /// The document's position in its file (0 for the first `---`).
  public let index: Int
  /// Scalars whose text a dialect rewrote (an LZA `{{ placeholder }}` resolved from replacements-config.yaml);
  /// empty for orglint/v1 documents.
  let substitutions: [YAMLNodeID: String]

  public init(_ yaml: YAMLDocument, index: Int = 0) {
    self.yaml = yaml
    self.index = index
    self.substitutions = [:]
  }

  init(_ yaml: YAMLDocument, index: Int, substitutions: [YAMLNodeID: String]) {
    self.yaml = yaml
    self.index = index
    self.substitutions = substitutions
  }

  /// The file's path as shown to users.
  public var path: String { yaml.file.path }

  /// A scalar's text (as a dialect resolved it); nil for nil.
  func text(_ node: YAMLNodeID?) -> String? {
    guard let node else { return nil }
    if !substitutions.isEmpty, let resolved = substitutions[node] { return resolved }
    return yaml.scalar(node)
  }

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
  /// For entities of another dialect (Docs/dialects.md): model paths written elsewhere than under `node`, such as
  /// an LZA organization's `rootAccess`, which global-config.yaml holds.
  let redirects: LocationRedirects?

  public init(document: ModelDocument, node: YAMLNodeID) {
    self.document = document
    self.node = node
    self.redirects = nil
  }

  init(document: ModelDocument, node: YAMLNodeID, redirects: LocationRedirects?) {
    self.document = document
    self.node = node
    self.redirects = redirects
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
    if let redirects, !path.isEmpty, let found = redirects.longestPrefix(of: path) {
      let rest = Array(path[found.count...])
      if rest.isEmpty { return found.target.location }
      return NodeRef(document: found.target.document, node: found.target.value).location(of: rest)
    }
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

/// Model paths of one entity that a dialect reads from other nodes (or files) than the entity's own mapping:
/// `rootAccess.rootSessions` → `capabilities.allowRootSessions` of global-config.yaml. Set once when decoding.
final class LocationRedirects: @unchecked Sendable {
  /// A key and its value in some document: the range a finding on the field covers.
  struct Target {
    let document: ModelDocument
    let key: YAMLNodeID
    let value: YAMLNodeID

    var location: ModelLocation {
      let d = document.yaml
      var end = d.endOffset(value)
      if let target = d.resolve(value), d.kind(value) != .alias { end = max(end, d.endOffset(target)) }
      return ModelLocation(
        path: document.path, range: SourceRange(start: d.start(key), end: d.file.location(atByteOffset: end)))
    }
  }

  /// Model path (parts joined with `/`) → where it is written.
  private(set) var targets: [String: Target] = [:]

  init() {}

  func set(_ path: [String], _ document: ModelDocument, key: YAMLNodeID, value: YAMLNodeID) {
    targets[path.joined(separator: "/")] = Target(document: document, key: key, value: value)
  }

  /// The longest prefix of `path` that is redirected, with its length.
  func longestPrefix(of path: [String]) -> (count: Int, target: Target)? {
    var n = path.count
    while n > 0 {
      if let t = targets[path[0..<n].joined(separator: "/")] { return (n, t) }
      n -= 1
    }
    return nil
  }
}
