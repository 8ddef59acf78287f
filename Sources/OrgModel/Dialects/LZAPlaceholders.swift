import LocatedYAML

/// LZA's `replacements-config.yaml`: `globalReplacements` whose value is written in the file. A `{{ Key }}`
/// placeholder in another config file reads as that value; one the file does not define (or defines as an SSM
/// parameter, read only when LZA deploys) leaves the field unknown, with the reason. Docs/dialects.md.
struct LZAReplacements: Sendable {
  /// Key → its value, or why it has none here.
  private var values: [String: Result<String, Unresolved>] = [:]

  struct Unresolved: Error, Sendable { let reason: String }

  init() {}

  /// Reads `globalReplacements` of replacements-config.yaml (items of other shapes are left undefined).
  init(_ doc: YAMLDocument?) {
    guard let doc, let root = doc.root, let list = doc.value(root, forKey: "globalReplacements"),
      doc.kind(list) == .sequence
    else { return }
    for item in doc.items(list) {
      guard let m = doc.resolve(item), doc.kind(m) == .mapping,
        let k = doc.value(m, forKey: "key"), doc.kind(k) == .scalar
      else { continue }
      let key = doc.scalar(k)
      if let p = doc.value(m, forKey: "path"), doc.kind(p) == .scalar {
        values[key] = .failure(
          Unresolved(reason: "replacement '\(key)' is the SSM parameter \(doc.scalar(p)), read when LZA deploys"))
      } else if let v = doc.value(m, forKey: "value").flatMap(doc.resolve), doc.kind(v) == .scalar {
        values[key] = .success(doc.scalar(v))
      } else {
        values[key] = .failure(Unresolved(reason: "replacement '\(key)' has no single text value"))
      }
    }
  }

  /// `text` with every `{{ Key }}` replaced; nil when it has none. Fails with the first unresolved key's reason.
  func resolve(_ text: String) -> Result<String, Unresolved>? {
    guard text.contains("{{") else { return nil }
    var out = ""
    var rest = Substring(text)
    while let open = rest.firstRange(of: "{{") {
      out += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
        return .failure(Unresolved(reason: "'\(text)' has a '{{' without its '}}'"))
      }
      let key = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
      switch values[key] {
      case .success(let v)?: out += v
      case .failure(let e)?: return .failure(e)
      case nil:
        return .failure(
          Unresolved(reason: "placeholder '{{ \(key) }}' is not defined in replacements-config.yaml"))
      }
      rest = rest[close.upperBound...]
    }
    return .success(out + rest)
  }

  /// Resolves every scalar of `doc` that holds a placeholder: the resolved texts (for `ModelDocument`) and the
  /// reasons of those that stay unknown.
  func scan(_ doc: YAMLDocument) -> (resolved: [YAMLNodeID: String], unresolved: [YAMLNodeID: String]) {
    var resolved: [YAMLNodeID: String] = [:]
    var unresolved: [YAMLNodeID: String] = [:]
    var stack = doc.root.map { [$0] } ?? []
    while let node = stack.popLast() {
      switch doc.kind(node) {
      case .sequence: stack.append(contentsOf: doc.items(node)); continue
      case .mapping:
        for i in 0..<doc.count(node) { stack.append(doc.value(node, i)) }
        continue
      case .alias: continue  // its anchor is scanned where it is written
      case .scalar: break
      }
      guard doc.withScalarBytes(node, { hasOpenBraces($0) }) else { continue }
      switch resolve(doc.scalar(node)) {
      case .success(let text)?: resolved[node] = text
      case .failure(let e)?: unresolved[node] = e.reason
      case nil: break
      }
    }
    return (resolved, unresolved)
  }
}

private func hasOpenBraces(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
  guard b.count >= 2 else { return false }
  for i in 0..<(b.count - 1) where b[i] == 0x7B && b[i + 1] == 0x7B { return true }
  return false
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    var s = self
    while s.first == " " { s.removeFirst() }
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
