import OrgModel

/// Pure path arithmetic on `/`-separated text: no file system access.
enum PathText {
  /// `path` made absolute against `cwd`, with `.`, `..` and repeated `/` removed.
  static func normalize(_ path: String, cwd: String) -> String { Discovery.absolutePath(path, cwd: cwd) }

  /// The folder of a normalized absolute path (`/` for a top-level entry).
  static func parent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
    return String(path[..<slash])
  }

  /// The normalized absolute `path` as seen from the folder `cwd` (`org/a.yaml`, `../.orglint.yaml`): the form every
  /// finding's path takes in text and JSON output.
  static func relative(_ path: String, to cwd: String) -> String {
    let target = path.split(separator: "/")
    let from = cwd.split(separator: "/")
    var common = 0
    while common < min(target.count, from.count), target[common] == from[common] { common += 1 }
    let parts = Array(repeating: "..", count: from.count - common) + target[common...].map(String.init)
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  /// `child`, written relative to the folder of the file `sibling`, as a path usable from where `sibling` was given
  /// (`sub/.orglint.yaml` + `policy/rules` → `sub/policy/rules`); an absolute `child` is kept.
  static func beside(_ sibling: String, _ child: String) -> String {
    if child.hasPrefix("/") { return child }
    var folder = sibling.lastIndex(of: "/").map { String(sibling[...$0]) } ?? ""
    while folder.hasPrefix("./") { folder.removeFirst(2) }
    var rest = Substring(child)
    while rest.hasPrefix("./") { rest = rest.dropFirst(2) }
    return folder + rest
  }
}
